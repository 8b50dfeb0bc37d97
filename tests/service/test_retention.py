"""`raw_retention` in the service: an hourly job drops raw pages past it (and only when set)."""

from __future__ import annotations

from datetime import timedelta

from storage import Store
from tests.alerts.test_alerts import T0, store_change
from tracker.cli.service import build_service
from tracker.config import Settings
from tracker.service.bootstrap import runtime
from tracker.service.retention import drop_old_pages


def test_the_job_drops_old_pages_only_when_retention_is_set(store: Store) -> None:
    story = store_change(store, "https://news.example/floods")
    now = T0 + timedelta(days=3)
    assert drop_old_pages(store, 0, now) is None and store.get_html(story, 1) == b"<html>"
    dropped = drop_old_pages(store, 86400, now)
    assert dropped is not None and dropped.raw_pages == 1 and store.get_html(story, 1) == b""


def test_tracker_run_has_the_job_when_retention_is_set(store: Store) -> None:
    for retention, jobs in ((0.0, ["feeds", "alerts"]), (86400.0, ["feeds", "alerts", "retention"])):
        settings = Settings(raw_retention=retention)
        with runtime(settings, store=store) as rt:
            service = build_service(settings, rt)
            try:
                assert [name for name, _, _ in service.extra_jobs] == jobs
            finally:
                service.close()
