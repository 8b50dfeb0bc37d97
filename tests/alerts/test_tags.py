"""Alert subscriptions filtered by tag: only the events of stories with one of its tags."""

from __future__ import annotations

from datetime import timedelta

from storage import Store
from tests.alerts.test_alerts import T0, store_change
from tracker.alerts.filters import Filter, wants
from tracker.alerts.messages import reason
from tracker.alerts.outbox import backfill, fan_out


def test_a_tag_subscription_hears_only_of_tagged_stories(store: Store) -> None:
    tagged_sub = store.add_subscription("email", "desk@example.org", {}, Filter(tags=("floods",)).to_dict(), T0)
    every_sub = store.add_subscription("email", "all@example.org", {}, Filter().to_dict(), T0)
    tagged = store_change(store, "https://news.example/floods")
    store.tag_story(tagged, add=["floods"])
    store_change(store, "https://news.example/elsewhere")  # the same change, on a story without the tag
    assert fan_out(store, T0) == 3  # one for the tagged subscription, two for the other
    got = {(d.subscription_id, store.get_event(d.event_id).story_id) for d in store.list_deliveries()}
    assert {story for sub, story in got if sub == tagged_sub.id} == {tagged}
    assert len([1 for sub, _ in got if sub == every_sub.id]) == 2


def test_a_backfill_keeps_to_the_tags_too(store: Store) -> None:
    tagged = store_change(store, "https://news.example/floods")
    store.tag_story(tagged, add=["floods"])
    store_change(store, "https://news.example/elsewhere")
    sub = store.add_subscription("email", "d@example.org", {}, Filter(tags=("floods",)).to_dict(), T0 + timedelta(1))
    assert backfill(store, sub.id, T0 - timedelta(hours=1)) == 1


def test_tags_and_stories_both_hold_and_the_reason_says_so() -> None:
    flt = Filter(stories=(3,), tags=("floods", "live"))
    assert Filter.from_dict(flt.to_dict()) == flt
    assert Filter.from_dict({"kinds": ["figures"]}).tags == ()  # a subscription stored before tags
    assert not wants(flt, "removed", 3, None, ("sport",))
    assert wants(Filter(kinds=("removed",), tags=("live",)), "removed", 4, None, ("live",))
    assert wants(Filter(kinds=("removed",), stories=(3,), tags=("live",)), "removed", 3, None, ("live",))
    assert not wants(Filter(kinds=("removed",), stories=(3,), tags=("live",)), "removed", 4, None, ("live",))
    assert reason(2, ("figures",), (), (), ("floods", "live")).endswith("on stories tagged floods or live.")
