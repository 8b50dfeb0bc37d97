"""`tracker compare`: formats, errors, and the promise that it starts fast (no heavy imports)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli import main

OLD = """Ferry sinks off Sulawesi with more than 100 aboard

At least nine people were killed when the ferry sank on Saturday, officials said.

“We are doing everything we can,” said Andi Sultan, the head of the rescue agency.
"""
NEW = """At least 21 dead after ferry sinks off Sulawesi

At least 21 people were killed when the ferry sank on Saturday, officials said.

“We are doing everything we can,” said Andi Sultan, the head of the rescue agency.

“The boat tipped over in seconds,” said Nur Aisyah, a survivor.
"""


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_json_contract(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(pair[0]), str(pair[1]), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["headline"]["new"].startswith("At least 21 dead")
    (fig,) = [f for f in data["figures"] if f["old"] and f["new"]]
    assert (fig["old"]["value"], fig["new"]["value"]) == (9, 21)
    assert "killed" in fig["label"]
    assert fig["old_sentence"].startswith("At least nine")
    assert [s["speaker"] for s in data["statements"]["added"]] == ["Nur Aisyah"]
    assert data["statements"]["removed"] == []


@pytest.mark.parametrize(
    ("fmt", "marker"), [("text", "Figures"), ("markdown", "| Figure |"), ("html", "<!doctype html>")]
)
def test_other_formats(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], fmt: str, marker: str) -> None:
    assert main(["compare", str(pair[0]), str(pair[1]), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert marker in out and "Nur Aisyah" in out


def test_same_file_reports_nothing(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(pair[0]), str(pair[0]), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["headline"] is None and data["figures"] == [] and data["statements"] == {"added": [], "removed": []}


def test_html_pages_are_extracted_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def page(title: str, paras: list[str], noise: str) -> str:
        body = "".join(f"<p>{p}</p>" for p in paras)
        return (
            f"<html><head><title>{title} | Site</title></head><body><nav>Home World {noise}</nav>"
            f"<article><h1>{title}</h1>{body}</article><aside>Most read: {noise}</aside></body></html>"
        )

    paras = [f"Paragraph {i} of the story describes the flooding along the river in some detail." for i in range(6)]
    old = tmp_path / "old.html"
    new = tmp_path / "new.html"
    old.write_text(page("Floods rise", [*paras, "At least 14 people died, officials said."], "ad 123"))
    new.write_text(page("Floods rise", [*paras, "At least 19 people died, officials said."], "ad 987"))
    assert main(["compare", str(old), str(new), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(f["old"]["value"], f["new"]["value"]) for f in data["figures"]] == [(14, 19)]
    assert data["headline"] is None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "cannot read"),
        (lambda d: (d / "blob.bin").write_bytes(b"\x00\x01\x02binary") and d / "blob.bin", "binary file"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], make, message: str) -> None:  # type: ignore[no-untyped-def]
    bad = make(tmp_path)
    ok = tmp_path / "ok.txt"
    ok.write_text(OLD)
    assert main(["compare", str(bad), str(ok)]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and err.count("\n") == 0


def test_compare_imports_no_storage_database_scheduler_or_http(pair: tuple[Path, Path]) -> None:
    code = (
        "import sys; from tracker.cli import main; "
        f"main(['compare', {str(pair[0])!r}, {str(pair[1])!r}, '--format', 'json']); "
        "heavy = [m for m in ('storage', 'sqlalchemy', 'apscheduler', 'httpx', 'trafilatura') if m in sys.modules]; "
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in proc.stderr
