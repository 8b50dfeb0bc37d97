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
    assert (parser.description or "").strip() or parser.format_help().count("\n") > 3, f"{name} has no description"
    top = name.split()[0]
    assert re.search(rf"tracker {re.escape(top)}\b", README), f"`tracker {top}` is not in the README"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_ALLOW_PRIVATE_NETWORKS", "1")
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    return url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_story_from_add_to_diff(db: str, web: Web, capsys: pytest.CaptureFixture[str]) -> None:
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
    code, out, _ = run(capsys, "remove", "1")
    assert code == 0 and "removed story 1" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "42"], "no story '42'"),
        (["add", "not-a-url"], "has no scheme"),
        (["add", "ftp://example.org/x"], "not http or https"),
        (["diff", "https://nowhere.example/x"], "no story"),
        (["alerts", "add", "--email", "nobody"], "not an email address"),
        (["alerts", "add", "--webhook", "https://hooks.example/x", "--only", "weather"], "unknown change kind"),
    ],
)
def test_errors_are_one_clear_line(db: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, _, err = run(capsys, *args)
    assert code == 1 and message in err and err.strip().count("\n") == 0 and err.startswith("tracker: error:")


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
