"""A story's --select / --ignore: a page whose extraction caught a reader thread is read as
the article, served on loopback; `tracker select` shows the new text and stores nothing
unless --store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storage import Store
from tests.cli.test_cli import run
from tests.cli.test_preview import ARTICLE, THREAD, _page
from tests.fixtures.web import Web, html
from tracker.cli import main


def _texts(capsys: pytest.CaptureFixture[str], story: str) -> str:
    _, out, _ = run(capsys, "show", story, "--format", "json")
    return str(json.loads(out)["text"])


def test_ignore_set_later_corrects_the_text_and_stores_only_when_asked(
    made: str, web: Web, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web.route("/ferries", html(_page(ARTICLE, THREAD)))
    assert run(capsys, "add", url)[0] == 0
    assert run(capsys, "check")[0] == 0
    assert "Reader 3" in _texts(capsys, "1")  # extraction alone caught the thread
    path = Path(made.removeprefix("sqlite:///"))
    before = path.read_bytes()

    code, out, err = run(capsys, "select", "1", "--ignore", ".thread")
    assert code == 0, err
    assert re.search(r"^Version 1 of story 1 read with ignore '.thread':$", out, re.MULTILINE)
    assert ARTICLE[0] in out and "Reader" not in out.split("words; against")[0]
    assert re.search(r"^265 -> 73 words; against the stored text: ", out, re.MULTILINE), out
    assert "reads as suspect: the extracted text collapsed" in out  # why a plain check would not store it
    assert out.rstrip().endswith("Nothing was stored: add --store to keep these selectors.")
    assert path.read_bytes() == before  # not a byte written
    assert run(capsys, "select", "1")[1] == "story 1: no selectors\n"

    code, out, _ = run(capsys, "select", "1", "--ignore", ".thread", "--store")
    assert code == 0 and "stored: stored version 2 (no alert: a correction is not news); story 1 is read" in out
    assert "read with ignore '.thread'" in run(capsys, "show", "1")[1]
    assert _texts(capsys, "1") == "\n\n".join(ARTICLE)
    _, out, _ = run(capsys, "check", "1")
    assert "no change" in out  # the next check reads the page the same way and compares with that
    with Store.open(made) as store:
        assert [e.kind for e in store.events_after(0)] == ["first"]  # the correction made no event
        assert [v.seq for v in store.list_versions(1)] == [1, 2]

    code, out, _ = run(capsys, "select", "1", "--clear", "--format", "json")
    got = json.loads(out)
    assert code == 0 and got["select"] is None and got["ignore"] is None and got["stored"] is False
    assert "Reader 3" in got["text"]  # without selectors the thread comes back


def test_a_story_added_with_select_is_read_right_from_its_first_version(
    made: str, web: Web, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web.route("/ferries", html(_page(ARTICLE, THREAD)))
    assert run(capsys, "add", url, "--select", ".story-body")[0] == 0
    assert run(capsys, "check")[0] == 0
    assert _texts(capsys, "1") == "\n\n".join(ARTICLE)
    _, out, _ = run(capsys, "list", "--format", "json")
    assert json.loads(out)[0]["select"] == ".story-body"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["select", "1", "--select", "p:nope("], "is not a CSS selector"),
        (["select", "1", "--select", ".nothing-like-this"], "matches nothing on the page"),
        (["add", "https://news.example/x", "--ignore", "[["], "--ignore '[[' is not a CSS selector"),
    ],
)
def test_bad_selectors_are_one_line_and_change_nothing(
    made: str, web: Web, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    url = web.route("/ferries", html(_page(ARTICLE, THREAD)))
    assert main(["add", url]) == 0 and main(["check"]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, *args)
    assert code == 1 and out == "" and message in err and err.count("\n") == 1, err
    assert run(capsys, "select", "1")[1] == "story 1: no selectors\n"
