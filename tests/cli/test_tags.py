"""Tags on the command line: `add --tag`, `tag STORY +x -y`, and `--tag` in list, show, digest,
report, alerts and feeds, against real pages on loopback and a real SQLite file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.fixtures.pages import PARAS, page
from tests.fixtures.web import Web, html

FIRE = [
    "A fire spread through three warehouses at the old harbour on Monday night, officials said.",
    "At least 40 firefighters worked through the night to hold it back from the ferry terminal.",
    "“The wind turned twice and took the flames with it,” said Chief Aino Laksonen.",
]


def test_tags_label_and_filter_every_listed_command(
    db: str, web: Web, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fire = web.route("/fire", html(page(FIRE, headline="Harbour warehouses burn")))
    flood = web.route("/flood", html(page(PARAS)))
    steps = [
        (["add", fire, "--tag", "Fire", "--tag", "live"], 0, r"^1\t.*\ttags: fire, live$"),
        (["add", flood, "--tag", "floods"], 0, r"^2\t.*\ttags: floods$"),
        (["tag", "2", "+live", "-floods", "weather"], 0, r"^story 2: live, weather$"),
        (["tag", "1", "-live"], 0, r"^story 1: fire$"),
        (["tag", flood], 0, r"^story 2: live, weather$"),
        (["check"], 0, r"stored version 1"),
        (["list", "--tag", "fire"], 0, r"tags: fire"),
        (["show", "1"], 0, r"tags: fire$"),
        (["alerts", "add", "--email", "desk@example.org", "--tag", "fire"], 0, r"^1\temail desk@example.org"),
        (["alerts", "list"], 0, r"tags=fire"),
    ]
    for args, code, pattern in steps:
        got, out, err = run(capsys, *args)
        assert got == code, (args, out, err)
        assert re.search(pattern, out, re.MULTILINE), (args, out)

    _, out, _ = run(capsys, "list", "--tag", "fire")
    assert flood not in out  # the other story is filtered out
    _, out, _ = run(capsys, "list", "--tag", "weather", "--tag", "fire", "--format", "json")
    assert [(s["id"], s["tags"]) for s in json.loads(out)] == [(1, ["fire"]), (2, ["live", "weather"])]
    code, out, err = run(capsys, "list", "--tag", "sport")
    assert code == 0 and out == "" and "No story is tagged sport" in err

    web.route("/fire", html(page([FIRE[0], FIRE[1].replace("40", "65"), FIRE[2]], headline="Harbour warehouses burn")))
    web.route("/flood", html(page([PARAS[0], PARAS[1].replace("14", "23"), *PARAS[2:]])))
    assert run(capsys, "check")[0] == 0
    _, out, _ = run(capsys, "digest", "--tag", "fire", "--format", "json")
    assert [s["story"] for s in json.loads(out)["stories"]] == [1]
    _, out, _ = run(capsys, "digest", "--format", "json")
    assert sorted(s["story"] for s in json.loads(out)["stories"]) == [1, 2]  # without --tag, both

    reports = tmp_path / "reports"
    code, _, err = run(capsys, "report", "--tag", "live", "-o", str(reports))
    assert code == 0 and "wrote 1 report(s)" in err
    assert [p.name for p in reports.iterdir()] == ["2.html"]
    assert "Alder Crossing" in (reports / "2.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tag", "1", "+no way"], "is not a tag"),
        (["tag", "1", "+x", "-x"], "both added and removed"),
        (["tag", "1", "+x", "--db", "sqlite:///x.db"], "options go before STORY"),
        (["tag", "9", "+x"], "no story '9'"),
        (["add", "https://news.example/a", "--tag", "+plus"], "is not a tag"),
        (["report"], "name a STORY, or --tag"),
        (["report", "--tag", "x"], "give a directory with -o DIR"),
        (["alerts", "add", "--email", "d@example.org", "--tag", ""], "is not a tag"),
    ],
)
def test_bad_tags_are_one_clear_line(
    made: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code != 0 and out == "" and message in err and err.count("\n") == 1, err
