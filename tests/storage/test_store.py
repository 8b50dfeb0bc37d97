"""The store on SQLite and PostgreSQL: stories, versions, what a check writes, all or nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import StatementError

from storage import Store
from storage.errors import NotFound
from storage.rows import AlreadyStored, Conflict, NewChange, Saved
from tests.storage.values import NOW, story, update, version

fixture_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def _count(store: Store, table: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


# --- save_version ----------------------------------------------------------------------------


def test_first_version_is_seq_1_with_a_first_event(store: Store) -> None:
    sid = story(store)
    result = store.save_version(sid, None, version("A"), None, update("first"))
    assert isinstance(result, Saved)
    assert result.version.seq == 1 and result.version.summary is None
    (event,) = store.events_after(0)
    assert (event.kind, event.story_id, event.payload["seq"]) == ("first", sid, 1)
    assert result.event_ids == (event.id,)
    assert store.get_change(sid, 1) is None
    row = store.get_story(sid)
    assert (row.latest_seq, row.version_count, row.last_outcome) == (1, 1, "first")
    assert row.title == "Headline A"  # a story without a title takes its first headline


def test_next_version_is_seq_2_with_its_change_row(store: Store) -> None:
    sid = story(store)
    store.save_version(sid, None, version("A"), None, update("first"))
    html = "<p>Zwölf Wörter, größer</p>".encode() * 1000
    report = {"figures": [{"old": "12", "new": "14"}], "note": "Zwölf"}
    second = store.save_version(sid, 1, version("B", html=html), NewChange(report, "toll rises to 14"), update())
    assert isinstance(second, Saved) and second.version.seq == 2
    change = store.get_change(sid, 2)
    assert change is not None
    assert (change.summary, change.report) == ("toll rises to 14", report)
    assert change.version_id == store.get_version(sid, 2).id
    assert change.previous_version_id == store.get_version(sid, 1).id
    metas = store.list_versions(sid)
    assert [(m.seq, m.summary) for m in metas] == [(1, None), (2, "toll rises to 14")]
    assert (metas[1].html_size, metas[1].words, metas[1].text_chars) == (len(html), 3, len("Text of B."))
    assert store.get_html(sid, 2) == html
    assert store.latest_version(sid) == store.get_version(sid, 2)
    assert [(e.kind, e.payload) for e in store.events_after(0)] == [
        ("first", {"seq": 1, "summary": ""}),
        ("changed", {"seq": 2, "summary": "toll rises to 14"}),
    ]


def test_the_same_content_again_is_already_stored_and_only_the_check_is_written(store: Store) -> None:
    sid = story(store)
    store.save_version(sid, None, version("A"), None, update("first"))
    later = NOW + timedelta(minutes=5)
    again = store.save_version(
        sid, 1, version("A", at=later), None, update("unchanged", at=later, changed_at=None, etag='"v2"')
    )
    assert again == AlreadyStored(1)
    assert len(store.list_versions(sid)) == 1
    assert len(store.events_after(0)) == 1
    row = store.get_story(sid)
    assert (row.last_outcome, row.last_checked_at, row.etag, row.last_changed_at) == ("unchanged", later, '"v2"', NOW)


def test_a_b_a_is_three_versions(store: Store) -> None:
    sid = story(store)
    for n, content in enumerate("ABA"):
        assert isinstance(store.save_version(sid, n or None, version(content), None, update()), Saved)
    assert [v.content_hash for v in store.list_versions(sid)] == ["A", "B", "A"]


def test_a_stale_expected_seq_is_a_conflict_and_writes_nothing(store: Store) -> None:
    sid = story(store)
    assert store.save_version(sid, 3, version("A"), None, update()) == Conflict(None)
    store.save_version(sid, None, version("A"), None, update("first"))
    before = store.get_story(sid)
    assert store.save_version(sid, None, version("B"), None, update(body_hash="other")) == Conflict(1)
    assert store.save_version(sid, None, version("A"), None, update(body_hash="other")) == Conflict(1)
    assert len(store.list_versions(sid)) == 1
    assert store.get_story(sid) == before
    assert len(store.events_after(0)) == 1


def test_a_failure_inside_save_version_leaves_nothing_behind(store: Store) -> None:
    sid = story(store)
    store.save_version(sid, None, version("A"), None, update("first"))
    before = store.get_story(sid)
    # the report fails to serialise after the version row is already inserted
    with pytest.raises(TypeError, match="change report is not JSON"):
        store.save_version(
            sid, 1, version("B"), NewChange({"bad": object()}, "x"), update(at=NOW + timedelta(minutes=1))
        )
    assert [v.seq for v in store.list_versions(sid)] == [1]
    assert (_count(store, "versions"), _count(store, "changes"), _count(store, "events")) == (1, 0, 1)
    assert store.get_story(sid) == before
    # and the story is not stuck: the next save goes through
    assert isinstance(store.save_version(sid, 1, version("B"), NewChange({}, "x"), update()), Saved)


@fixture_settings
@given(contents=st.lists(st.sampled_from("ABC"), min_size=1, max_size=12))
def test_a_version_is_stored_exactly_when_the_content_differs_from_the_latest(
    store: Store, contents: list[str]
) -> None:
    sid = story(store)
    latest: int | None = None
    for content in contents:
        result = store.save_version(sid, latest, version(content), None, update())
        if isinstance(result, Saved):
            latest = result.version.seq
        else:
            assert result == AlreadyStored(latest or 0)
    runs = [c for i, c in enumerate(contents) if i == 0 or c != contents[i - 1]]
    metas = store.list_versions(sid)
    assert [m.content_hash for m in metas] == runs
    assert [m.seq for m in metas] == list(range(1, len(runs) + 1))
    events = store.events_after(0, 100_000)  # examples share the database: filter this story's
    assert [e.payload["seq"] for e in events if e.story_id == sid] == [m.seq for m in metas]


# --- record_check and record_gone ----------------------------------------------------------------


def test_record_check_writes_the_scheduling_state_as_given(store: Store) -> None:
    sid = story(store)
    at = NOW + timedelta(minutes=3)
    nxt = at + timedelta(minutes=10)
    store.record_check(
        sid,
        update(
            "failed",
            at=at,
            next_check_at=nxt,
            interval_seconds=600.0,
            etag='"e"',
            last_modified="Tue, 24 Nov 2026 12:00:00 GMT",
            body_hash=None,
            consecutive_failures=2,
            last_error="HTTP 503",
            status="active",
            changed_at=None,
        ),
    )
    row = store.get_story(sid)
    assert (row.last_checked_at, row.last_outcome, row.next_check_at, row.interval_seconds) == (at, "failed", nxt, 600)
    assert (row.etag, row.last_modified, row.body_hash) == ('"e"', "Tue, 24 Nov 2026 12:00:00 GMT", None)
    assert (row.consecutive_failures, row.last_error, row.last_error_at) == (2, "HTTP 503", at)
    assert row.last_changed_at is None and row.latest_seq == 0
    store.record_check(sid, update("unchanged", at=nxt, changed_at=None))
    row = store.get_story(sid)
    assert (row.consecutive_failures, row.last_error) == (0, None)


def test_gone_is_one_event_however_often_and_a_new_version_restores(store: Store) -> None:
    sid = story(store)
    assert store.record_gone(sid, update("gone"), 404) is None  # no versions: nothing was removed
    assert store.get_story(sid).gone_at is None
    store.save_version(sid, None, version("A"), None, update("first"))
    gone_at = NOW + timedelta(hours=1)
    first = store.record_gone(sid, update("gone", at=gone_at, status="removed"), 410)
    assert first is not None
    for n in range(3):
        at = gone_at + timedelta(hours=n + 1)
        assert store.record_gone(sid, update("gone", at=at, status="removed"), 404) is None
    row = store.get_story(sid)
    assert (row.status, row.gone_at) == ("removed", gone_at)
    removed = [e for e in store.events_after(0) if e.kind == "removed"]
    assert [(e.id, e.payload) for e in removed] == [(first, {"http_status": 410, "seq": 1})]
    back = store.save_version(sid, 1, version("B"), NewChange({}, "back"), update())
    assert isinstance(back, Saved)
    assert [e.kind for e in store.events_after(0)] == ["first", "removed", "restored", "changed"]
    row = store.get_story(sid)
    assert (row.status, row.gone_at) == ("active", None)


# --- stories -----------------------------------------------------------------------------------


def test_adding_a_tracked_url_returns_the_existing_story(store: Store) -> None:
    first, created = store.add_story(
        "https://news.example/x", NOW, title="X", every_seconds=300.0, interval_seconds=300.0, next_check_at=NOW
    )
    assert created and (first.title, first.every_seconds, first.status, first.active) == ("X", 300, "active", True)
    again, created = store.add_story(
        "https://news.example/x", NOW + timedelta(days=1), interval_seconds=1, next_check_at=None
    )
    assert not created and again == first
    assert store.find_story("https://news.example/x") == first
    assert store.find_story("https://news.example/y") is None


def test_due_stories_are_the_active_overdue_ones_oldest_first(store: Store) -> None:
    ids: dict[int, int] = {}
    for minutes in (5, 1, 3, -2, 1):
        row, _ = store.add_story(
            f"https://news.example/{minutes}/{len(ids)}",
            NOW,
            interval_seconds=120,
            next_check_at=NOW + timedelta(minutes=minutes),
        )
        ids[row.id] = minutes
    due = store.due_stories(NOW + timedelta(minutes=3), limit=10)
    assert [ids[s.id] for s in due] == [-2, 1, 1, 3]
    assert due[1].id < due[2].id  # equal times: the older story first
    assert [s.id for s in store.due_stories(NOW + timedelta(minutes=10), limit=2)] == [s.id for s in due[:2]]
    paused = due[0].id
    store.update_story(paused, active=False, status="paused")
    unscheduled = due[1].id
    store.record_check(unscheduled, update("failed", next_check_at=None, status="failing", changed_at=None))
    later = [s.id for s in store.due_stories(NOW + timedelta(days=1), limit=10)]
    assert paused not in later and unscheduled not in later and len(later) == 3


def test_reschedule_sets_many_next_checks_at_once(store: Store) -> None:
    ids = [
        store.add_story(f"https://news.example/r{i}", NOW, interval_seconds=60, next_check_at=NOW)[0].id
        for i in range(3)
    ]
    store.reschedule({ids[0]: NOW + timedelta(seconds=30), ids[2]: NOW - timedelta(seconds=5)})
    assert [s.id for s in store.due_stories(NOW, 10)] == [ids[2], ids[1]]
    assert store.get_story(ids[0]).next_check_at == NOW + timedelta(seconds=30)


def test_update_story_changes_only_what_it_may(store: Store) -> None:
    sid = story(store)
    row = store.update_story(sid, title="Renamed", every_seconds=60.0, status="paused", active=False)
    assert (row.title, row.every_seconds, row.status, row.active) == ("Renamed", 60, "paused", False)
    assert store.get_story(sid) == row
    with pytest.raises(ValueError, match="url"):
        store.update_story(sid, url="https://elsewhere.example/")
    with pytest.raises(ValueError, match="'gone'"):
        store.update_story(sid, status="gone")
    with pytest.raises(NotFound, match="no story 999"):
        store.update_story(999, title="x")


def test_list_and_count_stories_by_status(store: Store) -> None:
    a, b, c = story(store), story(store), story(store)
    store.update_story(b, status="paused", active=False)
    assert [s.id for s in store.list_stories()] == [a, b, c]
    assert [s.id for s in store.list_stories(status="active")] == [a, c]
    assert store.count_stories() == {"active": 2, "paused": 1}


def test_removing_a_story_removes_its_versions_changes_and_events(store: Store) -> None:
    keep, gone = story(store), story(store)
    for sid in (keep, gone):
        store.save_version(sid, None, version("A"), None, update("first"))
        store.save_version(sid, 1, version("B"), NewChange({}, "x"), update())
    store.remove_story(gone)
    with pytest.raises(NotFound, match=f"no story {gone}"):
        store.get_story(gone)
    assert (_count(store, "versions"), _count(store, "changes"), _count(store, "events")) == (2, 1, 2)
    assert {e.story_id for e in store.events_after(0)} == {keep}
    assert store.list_versions(gone) == []
    with pytest.raises(NotFound):
        store.remove_story(gone)


def test_missing_versions_are_not_found_and_name_what_was_asked(store: Store) -> None:
    sid = story(store)
    with pytest.raises(NotFound, match=f"{sid}/3"):
        store.get_version(sid, 3)
    with pytest.raises(NotFound, match=f"{sid}/3"):
        store.get_html(sid, 3)
    assert store.latest_version(sid) is None
    assert store.get_change(sid, 3) is None
    with pytest.raises(NotFound, match="no story 999"):
        store.get_story(999)


def test_recent_changes_newest_first_since_a_time(store: Store) -> None:
    sid = story(store)
    store.save_version(sid, None, version("A"), None, update("first"))
    for n, content in enumerate("BC", start=1):
        at = NOW + timedelta(hours=n)
        store.save_version(sid, n, version(content, at=at), NewChange({"n": n}, f"edit {n}"), update(at=at))
    recent = store.recent_changes(NOW + timedelta(minutes=30), limit=10)
    assert [(c.seq, c.summary, c.report, c.at) for c in recent] == [
        (3, "edit 2", {"n": 2}, NOW + timedelta(hours=2)),
        (2, "edit 1", {"n": 1}, NOW + timedelta(hours=1)),
    ]
    assert {(c.story_id, c.headline) for c in recent} == {(sid, "Headline C"), (sid, "Headline B")}
    assert len(store.recent_changes(NOW, limit=1)) == 1
    assert store.recent_changes(NOW + timedelta(hours=3), limit=10) == []


# --- time ------------------------------------------------------------------------------------


ZONES = st.sampled_from(
    [UTC, ZoneInfo("Europe/Berlin"), ZoneInfo("America/St_Johns"), timezone(timedelta(hours=5, minutes=45))]
)


@fixture_settings
@given(at=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1), timezones=ZONES))
def test_datetimes_come_back_as_the_same_instant_in_utc(store: Store, at: datetime) -> None:
    sid = story(store, at=at)
    store.save_version(sid, None, version("A", at=at), None, update("first", at=at))
    got = store.get_story(sid)
    for value in (got.added_at, got.last_checked_at, got.next_check_at, store.get_version(sid, 1).fetched_at):
        assert value is not None and value.tzinfo == UTC
    # compared in UTC: Python never calls a time in a DST fold or gap equal to one in another zone
    utc = at.astimezone(UTC)
    assert got.added_at == got.last_checked_at == store.get_version(sid, 1).fetched_at == utc
    assert got.next_check_at == (at + timedelta(minutes=2)).astimezone(UTC)


def test_due_stories_compare_instants_whatever_zone_they_were_given_in(store: Store) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    row, _ = store.add_story(
        "https://news.example/z", NOW, interval_seconds=60, next_check_at=datetime(2026, 11, 24, 13, 30, tzinfo=berlin)
    )  # 12:30 UTC
    assert store.due_stories(datetime(2026, 11, 24, 12, 29, tzinfo=UTC), 10) == []
    assert [
        s.id for s in store.due_stories(datetime(2026, 11, 24, 7, 31, tzinfo=ZoneInfo("America/New_York")), 10)
    ] == [row.id]


def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(StatementError, match="naive"):
        store.add_story(
            "https://news.example/naive", datetime(2026, 11, 24, 12, 0), interval_seconds=60, next_check_at=None
        )
    assert store.list_stories() == []


def test_latest_headlines_name_each_story_by_its_latest_version(store: Store) -> None:
    first, second, empty = story(store), story(store, "https://news.example/b"), story(store, "https://news.example/c")
    store.save_version(first, None, version("A"), None, update("first"))
    store.save_version(first, 1, version("B"), NewChange({}, "changed"), update())
    store.save_version(second, None, version("C"), None, update("first"))
    assert store.latest_headlines() == {first: "Headline B", second: "Headline C"}
    assert empty not in store.latest_headlines()
