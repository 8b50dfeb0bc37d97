"""`tracker web` as a user runs it: a process that says where it serves, answers there, and
stops on Ctrl-C; refuses a database that does not exist; and no other command loads Flask."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx

RUN = [sys.executable, "-c", "import sys; from tracker.cli import main; sys.exit(main())"]


def test_tracker_web_serves_on_loopback_and_stops_on_interrupt(database_url: str) -> None:
    proc = subprocess.Popen(
        [*RUN, "web", "--db", database_url, "--port", "0"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        found = re.search(r"serving at (http://127\.0\.0\.1:\d+)", line)
        assert found, line
        assert "read-only" in proc.stderr.readline()
        page = httpx.get(found.group(1) + "/", timeout=10)
        assert page.status_code == 200 and "No story matches" in page.text
        assert httpx.get(found.group(1) + "/api/v1/stories", timeout=10).json() == {"stories": []}
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0


def test_tracker_web_refuses_a_database_that_does_not_exist(tmp_path: Path) -> None:
    proc = subprocess.run(
        [*RUN, "web", "--db", f"sqlite:///{tmp_path / 'none.db'}", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "there is no database" in proc.stderr
    assert not (tmp_path / "none.db").exists()


def test_other_commands_do_not_import_flask(tmp_path: Path) -> None:
    code = (
        "import sys; from tracker.cli import main; main(['list', '--db', sys.argv[1]]); "
        "web = [m for m in ('flask', 'werkzeug', 'waitress', 'tracker.web') if m in sys.modules]; "
        "print('WEB', web, file=sys.stderr)"
    )
    db = f"sqlite:///{tmp_path / 't.db'}"
    subprocess.run(
        [*RUN[:2], "from tracker.cli import main; main(['add', '--db', '" + db + "', 'https://example.org/a'])"],
        check=True,
        capture_output=True,
    )
    proc = subprocess.run([sys.executable, "-c", code, db], capture_output=True, text=True, check=True)
    assert "WEB []" in proc.stderr


def test_tracker_demo_prints_the_web_address_and_serves_its_database(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [*RUN, "demo", "--seconds", "12", "--every", "2", "--web-port", "0", "--keep", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        found = None
        for _ in range(5):
            found = re.search(r"the web app is at (http://127\.0\.0\.1:\d+)", proc.stdout.readline())
            if found:
                break
        assert found, "the demo did not print the web address"
        stories = httpx.get(found.group(1) + "/api/v1/stories", timeout=10).json()["stories"]
        assert len(stories) == 4
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err[-3000:]
    finally:
        proc.kill()
