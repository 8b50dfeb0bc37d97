"""The command line as a table of invocations and what they print; every command has help
text and is documented in the README."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures.pages import PARAS, page
from tests.fixtures.web import Web, html
from tracker.cli import build_parser, main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def commands(parser: argparse.ArgumentParser, prefix: str = "") -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                full = f"{prefix} {name}".strip()
                yield full, sub
                yield from commands(sub, full)


ALL = list(commands(build_parser()))


@pytest.mark.parametrize(("name", "parser"), ALL, ids=[n for n, _ in ALL])
def test_every_command_is_explained_and_documented(name: str, parser: argparse.ArgumentParser) -> None:
    assert (parser.description or "").strip(), f"{name} has no --help description"
    top = name.split()[0]
    assert re.search(rf"tracker {re.escape(top)}\b", README), f"`tracker {top}` is not in the README"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_story_from_add_to_diff(made: str, web: Web, capsys: pytest.CaptureFixture[str]) -> None:
    url = web.route("/story", html(page(PARAS)))
    steps = [
        (["add", url], 0, r"^1\t" + re.escape(url)),
        (["add", url], 0, r"already tracked"),
        (["check"], 0, r"stored version 1"),
        (["check", "1"], 0, r"no change"),
        (["list"], 0, r"active\s+1\s"),
        (["history", "1"], 0, r"first version — River floods Alder Crossing"),
        (["show", "1"], 0, r"^River floods Alder Crossing\nversion 1 of story 1"),
        (["diff", "1"], 1, r""),
        (["figures", "1"], 0, r"No figure changed"),
        (["status"], 0, r"stories: 1 active"),
    ]
    for args, code, pattern in steps:
        got, out, err = run(capsys, *args)
        assert got == code, (args, out, err)
        assert re.search(pattern, out, re.MULTILINE), (args, out)
    web.route("/story", html(page([PARAS[0], PARAS[1].replace("14", "23"), *PARAS[2:]])))
    code, out, _ = run(capsys, "check", url)
    assert code == 0 and "stored version 2" in out and "14 -> 23" in out
    code, out, _ = run(capsys, "diff", url, "--color", "never")
    assert code == 0 and "14 -> 23 (+9, +64.3%)" in out and "[-14-] [+23+]" in out
    _, out, _ = run(capsys, "show", "1", "--format", "json")
    assert "23 people were rescued" in json.loads(out)["text"] or "23" in json.loads(out)["text"]
    _, out, _ = run(capsys, "list", "--format", "json")
    assert json.loads(out)[0]["versions"] == 2
    code, out, _ = run(capsys, "remove", "1", "--yes")
    assert code == 0 and "deleted story 1" in out


def _one_line(err: str) -> bool:
    return err.strip().count("\n") == 0 and err.startswith("tracker: error:")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "42"], "no story '42'"),
        (["add", "not-a-url"], "has no scheme"),
        (["add", "ftp://example.org/x"], "not http or https"),
        (["diff", "https://nowhere.example/x"], "no story"),
        (["alerts", "add", "--email", "nobody"], "not an email address"),
        (["alerts", "add", "--webhook", "https://hooks.example/x", "--only", "weather"], "unknown change kind"),
        (["db", "upgrade", "bogus"], "there is no migration 'bogus'"),
        (["list", "--db", "mysql://x"], "mysql databases are not supported"),
        (["--db", "mysql://x", "list"], "mysql databases are not supported"),
        (["list", "--db", "notadb"], "'notadb' is not a database URL"),
        (["--db", "notadb", "status"], "'notadb' is not a database URL"),
        (["db", "current", "--db", "notadb"], "'notadb' is not a database URL"),
        (["add", "--every", "10s", "https://news.example/a"], "below the floor of 1m"),
        (["remove", "1"], "no story '1'"),
        (["pause", "1"], "no story '1'"),
        (["resume", "1"], "no story '1'"),
    ],
)
def test_errors_are_one_clear_line(
    made: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 1 and message in err and _one_line(err), err


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["history", "1"],
        ["show", "1"],
        ["status"],
        ["check"],
        ["diff", "1"],
        ["figures", "1"],
        ["report", "1"],
        ["digest"],
        ["alerts", "list"],
        ["feed", "list"],
        ["db", "current"],
        ["remove", "1", "--yes"],
        ["pause", "1"],
    ],
    ids=" ".join,
)
def test_reading_a_database_that_does_not_exist_refuses_and_creates_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 1 and "there is no database at" in err and _one_line(err), err
    assert not (tmp_path / "cli.db").exists()
    code, _, err = run(capsys, "--db", f"sqlite:///{tmp_path / 'sub' / 'x.db'}", *args)
    assert code == 1 and _one_line(err) and not (tmp_path / "sub").exists()


def test_an_empty_postgresql_database_is_not_given_a_schema_by_a_read(
    blank_database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    code, _, err = run(capsys, "--db", blank_database_url, "list")
    assert code == 1 and _one_line(err) and ("holds no tracker database" in err or "there is no database" in err)
    from storage.migrate import current

    if not blank_database_url.startswith("sqlite"):
        assert current(blank_database_url) is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["alerts", "add", "--email", "a@example.org", "--min-change", "lots"], "is not a change: write 5% or 0.05"),
        (["list", "--status", "sleeping"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_are_one_line_too(
    made: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2 and message in err and _one_line(err), err


def test_remove_asks_and_refuses_without_a_terminal(
    made: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    run(capsys, "add", "https://news.example/a")
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # a pipe, not a terminal: no prompt is trusted
    code, _, err = run(capsys, "remove", "1")
    assert code == 1 and "without confirmation: add --yes" in err and _one_line(err)
    code, out, _ = run(capsys, "list", "--format", "json")
    assert len(json.loads(out)) == 1
    code, out, _ = run(capsys, "remove", "1", "--yes")
    assert code == 0 and "deleted story 1" in out and "removed" not in out


def test_pause_and_resume_keep_the_history(made: str, web: Web, capsys: pytest.CaptureFixture[str]) -> None:
    url = web.route("/story", html(page(PARAS)))
    run(capsys, "add", url)
    run(capsys, "check")
    code, out, _ = run(capsys, "pause", "1")
    assert code == 0 and "paused story 1" in out
    _, out, _ = run(capsys, "list", "--format", "json")
    assert json.loads(out)[0]["status"] == "paused" and json.loads(out)[0]["versions"] == 1
    _, out, err = run(capsys, "check")
    assert "Nothing to check" in err
    code, out, _ = run(capsys, "resume", "1")
    assert code == 0 and "resumed story 1" in out
    _, out, _ = run(capsys, "list", "--format", "json")
    assert json.loads(out)[0]["status"] == "active" and json.loads(out)[0]["next_check_at"]


def test_global_options_before_the_command_and_color_always_into_a_pipe(
    db: str, web: Web, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = f"sqlite:///{tmp_path / 'other.db'}"
    url = web.route("/story", html(page(PARAS)))
    assert run(capsys, "--db", other, "add", url)[0] == 0
    assert not (tmp_path / "cli.db").exists()  # TRACKER_DATABASE_URL was overridden
    code, out, _ = run(capsys, "--db", other, "check")
    assert code == 0 and "headline: River floods Alder Crossing" in out
    code, out, _ = run(capsys, "--db", other, "list")
    assert code == 0 and "River floods Alder Crossing" in out
    web.route("/story", html(page([PARAS[0], PARAS[1].replace("14", "23"), *PARAS[2:]])))
    run(capsys, "--db", other, "check")
    code, out, _ = run(capsys, "--db", other, "diff", "1", "--color", "always")
    assert code == 0 and "\x1b[" in out and "14" in out and "23" in out
    code, out, _ = run(capsys, "diff", "1", "--color", "never", "--db", other)
    assert code == 0 and "\x1b[" not in out


def test_check_reports_a_failure_and_exits_1(db: str, web: Web, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.fixtures.web import Reply

    url = web.route("/down", Reply(500, "no"))
    run(capsys, "add", url)
    code, out, _ = run(capsys, "check")
    assert code == 1 and "failed: " in out and "HTTP 500" in out
    _, out, _ = run(capsys, "list", "--format", "json")
    assert "HTTP 500" in json.loads(out)[0]["last_error"]


def test_config_shows_where_settings_come_from(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "config", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["settings"]["database_url"] == db and data["settings"]["allow_private_networks"]


def test_help_without_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert "compare" in capsys.readouterr().out


def test_a_suspect_page_is_shown_by_list_status_and_history(
    db: str, web: Web, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web.route("/s", html(page(PARAS)))
    assert run(capsys, "add", url)[0] == 0
    assert run(capsys, "check")[0] == 0
    broken = (
        "<html><head><title>Page not found</title></head><body><h1>Sorry, we couldn't find that page</h1></body></html>"
    )
    web.route("/s", html(broken))
    code, out, err = run(capsys, "check", "1")
    assert code == 0, err
    code, out, _ = run(capsys, "list")
    assert "suspect page" in out and "soft 404" in out
    code, out, _ = run(capsys, "status")
    assert "suspect pages, not stored (1" in out and "soft 404" in out
    code, out, _ = run(capsys, "history", "1")
    match = re.search(r"#(\d+)\s.*soft 404", out)
    assert match, out
    code, out, _ = run(capsys, "show", "1", "--suspect", match.group(1))
    assert code == 0 and "couldn't find that page" in out
    code, out, err = run(capsys, "show", "1", "--suspect", "999")
    assert code == 1 and "no suspect page 999" in err and len(err.strip().splitlines()) == 1


def _in_a_terminal(args: list[str], answer: str, env: dict[str, str]) -> tuple[int, str]:
    """Run `tracker ARGS` with a real pseudo-terminal on stdin, typing `answer` at the prompt."""
    import os
    import pty
    import subprocess
    import sys

    controller, terminal = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", *args],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **env},
        text=True,
    )
    os.close(terminal)
    os.write(controller, answer.encode() + b"\n")
    out, _ = proc.communicate(timeout=60)
    os.close(controller)
    return proc.returncode, out


def test_remove_asks_at_a_terminal(made: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "https://news.example/a", "--every", "30s", "--force")  # --force passes the floor
    env = {"TRACKER_DATABASE_URL": made}
    code, out = _in_a_terminal(["remove", "1"], "n", env)
    assert code == 1 and "Delete 1 story (1) and all 0 stored version(s)?" in out and "nothing deleted" in out
    assert json.loads(run(capsys, "list", "--format", "json")[1])[0]["every_seconds"] == 30
    code, out = _in_a_terminal(["remove", "1"], "y", env)
    assert code == 0 and "deleted story 1" in out
    assert json.loads(run(capsys, "list", "--format", "json")[1]) == []
