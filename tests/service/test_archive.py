"""`tracker export STORY --warc FILE`: warcio's own archive iterator reads the file back, one
response record per stored version, with the page's original bytes, URL and fetch time."""

from __future__ import annotations

from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from storage import Store
from storage.rows import NewVersion
from tests.alerts.test_alerts import T0, _update, store_change
from tracker.cli import main


@pytest.fixture(autouse=True)
def _no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "none.toml").write_text("")
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "none.toml"))


def test_every_stored_page_is_a_response_record_with_its_bytes(
    store: Store, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = store_change(store, "https://news.example/floods")
    store_change(store, "https://news.example/other")  # not asked for: not written
    # a third page whose bytes are not UTF-8 (windows-1252 quotes) and not clean: written as they are
    raw = b"<html><body><p>\x93Water everywhere,\x94 she said.</p>\r\n\x00</body></html>"
    later = T0.replace(hour=10)
    store.save_version(
        story, 2, NewVersion(later, "z", "Floods", None, None, None, "x", raw, 203), None, _update(later)
    )
    archive = store.story_archive(story)
    warc = tmp_path / "floods.warc.gz"
    assert main(["export", str(story), "--warc", str(warc), "--db", database_url]) == 0
    assert "3 response record(s) from 1 stor(ies)" in capsys.readouterr().err
    records = []
    with warc.open("rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type == "warcinfo":
                assert b"https://news.example/floods" in record.content_stream().read()
                continue
            assert record.rec_type == "response"
            records.append(
                (
                    record.rec_headers.get_header("WARC-Target-URI"),
                    record.rec_headers.get_header("WARC-Date"),
                    record.http_headers.get_statuscode(),
                    record.content_stream().read(),
                )
            )
    assert records[-1][2:] == ("203", raw)
    assert records == [
        ("https://news.example/floods", v.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ"), str(v.http_status), v.html)
        for v in archive
    ]
    assert not (tmp_path / "floods.warc.gz.part").exists()


def test_a_warc_of_nothing_is_refused(database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--warc", str(tmp_path / "x.warc.gz"), "--db", database_url]) == 1
    assert "no story to write" in capsys.readouterr().err and not (tmp_path / "x.warc.gz").exists()
