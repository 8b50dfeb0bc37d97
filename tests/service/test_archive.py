"""`tracker export STORY --warc FILE`: warcio's own archive iterator reads the file back, one
response record per stored version, with the page's original bytes, URL and fetch time."""

from __future__ import annotations

from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from storage import Store
from storage.rows import NewVersion
from tests.alerts.test_alerts import T0, _update, store_change
from tests.fixtures.pages import PARAS, page
from tests.fixtures.web import Reply, Web
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


def test_a_checked_page_keeps_its_headers_but_not_its_cookies(
    tmp_path: Path, web: Web, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRACKER_ALLOW_PRIVATE_NETWORKS", "1")
    db = f"sqlite:///{tmp_path / 'warc.db'}"
    body = page(PARAS).replace("Mayor", "Maire").encode("windows-1252")
    headers = {"Content-Type": "text/html; charset=windows-1252", "ETag": '"v1"', "Set-Cookie": "session=s3cret"}
    url = web.route("/story", Reply(200, body, headers))
    assert main(["add", url, "--db", db]) == 0 and main(["check", "--db", db]) == 0
    warc = tmp_path / "story.warc.gz"
    assert main(["export", "1", "--warc", str(warc), "--db", db]) == 0
    capsys.readouterr()
    responses = []
    with warc.open("rb") as f:
        for record in ArchiveIterator(f):  # a record's content can be read only before the next one
            if record.rec_type == "response":
                responses.append((record.http_headers, record.content_stream().read()))
    ((http, content),) = responses
    assert http.get_header("Content-Type") == "text/html; charset=windows-1252"
    assert http.get_header("ETag") == '"v1"' and http.get_header("X-Tracker-Headers") is None
    assert http.get_header("Set-Cookie") is None and http.get_header("Content-Length") == str(len(body))
    assert content == body
