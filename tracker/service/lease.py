"""Who holds the scheduler lease, and whether that holder is still alive.

A holder is named `host:pid:token`. The lease expires on its own (its TTL) when a
scheduler dies, but after `kill -9` that meant waiting up to 30 s to restart, and
`tracker status` showing a dead scheduler as running. On the same host we can do better:
a holder whose process is gone (or is a zombie nobody reaped) is stale at once. A holder on
another host is trusted until its TTL runs out; we cannot see its processes.
"""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path


def new_holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _pid_of(holder: str) -> int | None:
    """The PID of a holder on this host; None for another host's or a name we did not write."""
    parts = holder.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != socket.gethostname() or not parts[1].isdigit():
        return None
    return int(parts[1])


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    try:  # a killed process its parent has not reaped yet is a zombie: dead for our purposes
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def is_dead(holder: str) -> bool:
    """True when `holder` ran on this host and its process no longer runs."""
    pid = _pid_of(holder)
    return pid is not None and pid != os.getpid() and not _running(pid)
