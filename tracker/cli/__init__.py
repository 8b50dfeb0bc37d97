"""The `tracker` command: one sub-command per function, heavy imports inside them.

Every command module exposes `register(subparsers)`, adding its parsers with `func` set
to the function that runs it; `main` parses, runs, and turns a TrackerError (or a storage
error) into one clear line on stderr and exit code 1. `tracker compare` must start fast,
so nothing here imports storage, SQLAlchemy, APScheduler or httpx at module level.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from tracker.cli import compare as compare_cmd

EPILOG = """\
Stories are named by the id or the URL that `tracker list` shows.
The database comes from --db or TRACKER_DATABASE_URL (default: SQLite in the user's data
directory); other settings from TRACKER_* variables or the config file (`tracker config`).
"""

MODULES = [
    "compare",
    "stories",
    "versions",
    "tags",
    "preview",
    "transfer",
    "selectors",
    "manage",
    "db",
    "seeds",
    "service",
    "feeds",
    "alerts",
    "reports",
    "config",
    "web",
]


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, like every other error of tracker (the
    sub-command parsers are of this class too: argparse builds them with the parent's class)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"tracker: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = Parser(
        prog="tracker",
        description="Track developing news stories: keep every version of an article and say which "
        "figures and statements changed.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version="tracker 0.1.0")
    from tracker.cli.common import common_options

    common_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    compare_cmd.register(sub)
    import importlib

    for name in MODULES[1:]:
        try:
            module = importlib.import_module(f"tracker.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"tracker.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["compare"]:
        # the fast path: build only the compare parser
        parser: argparse.ArgumentParser = Parser(prog="tracker")
        sub = parser.add_subparsers(dest="command")
        compare_cmd.register(sub)
    else:
        parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else 1
    if not getattr(args, "func", None):
        parser.print_help()
        return 0 if not argv else 2
    from tracker.errors import TrackerError
    from tracker.redact import redact_text

    try:
        result = args.func(args)
    except TrackerError as exc:
        print(f"tracker: error: {redact_text(str(exc))}", file=sys.stderr)  # no error line shows a secret
        return 1
    except KeyboardInterrupt:
        print("tracker: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:
        handled = _storage_error(exc)
        if handled is None:
            raise
        print(f"tracker: error: {redact_text(handled)}", file=sys.stderr)
        return 1
    return int(result or 0)


def _storage_error(exc: Exception) -> str | None:
    module = sys.modules.get("storage.errors")
    if module is not None and isinstance(exc, module.NoDatabase):
        return f"{exc}: add a story first (tracker add URL), or create it with tracker db upgrade"
    if module is not None and isinstance(exc, module.StoreError):
        return str(exc)
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc is not None and isinstance(exc, sqlalchemy_exc.OperationalError):
        return f"the database cannot be used: {str(exc.orig).strip() if exc.orig else exc}"
    return None
