"""A story read again with new selectors: the version, its report and the selectors in one
transaction, no event; refused when a check stored a version meanwhile (both backends)."""

from __future__ import annotations

from storage import Store
from storage.rows import Conflict, NewChange, NewVersion
from tests.alerts.test_alerts import T0, store_change


def test_a_reread_stores_a_version_and_the_selectors_and_no_event(store: Store) -> None:
    story = store_change(store, "https://news.example/floods")
    events = store.events_after(0)
    version = NewVersion(T0, "c", "Toll rises", None, None, None, "The article, read right.", b"<html>")
    change = NewChange({"summary": "read again"}, "read again")
    assert store.store_reread(story, 1, "article", None, version, change) == Conflict(2)  # it has 2 versions
    assert store.get_story(story).select_css is None
    assert store.store_reread(story, 2, "article", ".comments", version, change) == 3
    row = store.get_story(story)
    assert (row.select_css, row.ignore_css, row.latest_seq, row.body_hash) == ("article", ".comments", 3, None)
    assert store.get_version(story, 3).text == "The article, read right."
    change_row = store.get_change(story, 3)
    assert change_row is not None and change_row.summary == "read again"
    assert store.events_after(0) == events
    assert store.store_reread(story, 3, None, None, None, None) == 3  # selectors only
    assert store.get_story(story).select_css is None
