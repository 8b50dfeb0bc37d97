"""The alert pipeline: change events -> deliveries (the outbox) -> email / webhook sends.

`fan_out` reads the events the `alerts` consumer has not seen, decides which
subscriptions want each (filters.wants), and writes the deliveries and the consumer's new
position in one transaction: an event becomes deliveries exactly once, even if the
process dies between two steps. `send_due` claims due deliveries (the claim is committed
before the network is touched) and records each attempt: sent; failed and retried later
with exponential back-off and jitter (honouring Retry-After); or failed for good after
`delivery_attempts` tries, visible in `tracker alerts list`. A failure never reaches the
check that produced the change.

Every message carries the event id (and webhooks the delivery id), so a receiver can
drop the one duplicate a crash between "sent" and "recorded as sent" can cause.

A subscription hears of events created after it, never of the history that was there
before (a new subscriber must not be flooded); `backfill` queues a chosen window of the
past for it once, when it is added. `drain` sends until nothing due is left (`run --once`).
"""

from __future__ import annotations

import dataclasses
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from tracker.alerts.channels import SendFailed, build_channel
from tracker.alerts.filters import Filter, wants
from tracker.alerts.messages import Alert, reason, story_report_url
from tracker.errors import TrackerError
from tracker.redact import redact_text
from tracker.reports.wire import from_wire

if TYPE_CHECKING:
    from storage import Store
    from storage.rows import DeliveryRow, EventRow
    from tracker.config import Settings

log = logging.getLogger("tracker.alerts")

CONSUMER = "alerts"
HOLD_SECONDS = 120.0  # a claim outlives the slowest send (SMTP and webhook timeouts are 10-20 s)
BASE_DELAY = 30.0
MAX_DELAY = 6 * 3600.0


@dataclass(frozen=True, slots=True)
class Attempt:
    delivery_id: int
    subscription_id: int
    event_id: int
    sent: bool
    note: str
    next_attempt_at: datetime | None


def retry_delay(attempts: int, rng: random.Random, retry_after: float | None = None) -> float:
    """Exponential back-off with full jitter on the upper half, never below Retry-After."""
    ceiling = min(MAX_DELAY, BASE_DELAY * 2 ** max(0, attempts - 1))
    delay = ceiling / 2 + rng.uniform(0, ceiling / 2)
    return float(max(delay, retry_after or 0.0))


def alert_for(store: Store, event: EventRow) -> Alert:
    story = store.get_story(event.story_id)
    report = None
    headline = story.title or ""
    seq = event.payload.get("seq")
    if isinstance(seq, int) and seq > 0:
        try:
            headline = store.get_version(story.id, seq).headline or headline
        except Exception:  # the version may be gone with its story; the alert still says what it can
            log.debug("version %s/%s not found for event %s", story.id, seq, event.id)
        if event.kind == "changed":
            change = store.get_change(story.id, seq)
            report = from_wire(change.report) if change is not None else None
    return Alert(
        event_id=event.id,
        kind=event.kind,
        story_id=story.id,
        url=story.url,
        headline=headline,
        seq=seq if isinstance(seq, int) else None,
        at=event.created_at,
        report=report,
    )


def alert_for_delivery(store: Store, settings: Settings, d: DeliveryRow) -> Alert:
    """The alert of one delivery: its event, said to its subscriber (why they get it, how to
    stop it, the story's report link when `public_url` is set)."""
    sub = store.get_subscription(d.subscription_id)
    flt = Filter.from_dict(sub.filter)
    alert = alert_for(store, store.get_event(d.event_id))
    return dataclasses.replace(
        alert,
        subscription_id=sub.id,
        why=reason(sub.id, flt.kinds, flt.keywords, flt.stories, flt.tags),
        report_url=story_report_url(settings.public_url, alert.story_id),
    )


def fan_out(store: Store, now: datetime, batch: int = 200) -> int:
    """Turn unseen events into deliveries; returns how many deliveries were written."""
    position = store.consumer_position(CONSUMER)
    events = store.events_after(position, batch)
    if not events:
        return 0
    subscriptions = [(s, Filter.from_dict(s.filter)) for s in store.list_subscriptions(active_only=True)]
    tags = store.story_tags({e.story_id for e in events}) if any(f.tags for _, f in subscriptions) else {}
    deliveries: list[tuple[int, int]] = []
    for event in events:
        if not subscriptions:
            break
        report = None
        if event.kind == "changed":
            change = store.get_change(event.story_id, int(event.payload.get("seq", 0)))
            report = from_wire(change.report) if change is not None else None
        for sub, flt in subscriptions:
            if event.created_at < sub.created_at:
                continue  # history from before the subscription: only a backfill sends that
            if wants(flt, event.kind, event.story_id, report, tags.get(event.story_id, ())):
                deliveries.append((sub.id, event.id))
    if not store.fan_out(CONSUMER, position, events[-1].id, deliveries, now):
        log.info("another process turned events %s..%s into deliveries", events[0].id, events[-1].id)
        return 0
    if deliveries:
        log.info("%d delivery(ies) queued for events %s..%s", len(deliveries), events[0].id, events[-1].id)
    return len(deliveries)


def backfill(store: Store, subscription_id: int, since: datetime) -> int:
    """Queue, for one new subscription, the events it wants from `since` until it was created
    (fan_out sends it everything after). Returns how many deliveries were queued."""
    sub = store.get_subscription(subscription_id)
    flt = Filter.from_dict(sub.filter)
    wanted = []
    events = store.events_created(since, sub.created_at)
    tags = store.story_tags({e.story_id for e in events}) if flt.tags else {}
    for event in events:
        report = None
        if event.kind == "changed":
            change = store.get_change(event.story_id, int(event.payload.get("seq", 0)))
            report = from_wire(change.report) if change is not None else None
        if wants(flt, event.kind, event.story_id, report, tags.get(event.story_id, ())):
            wanted.append(event.id)
    return store.add_deliveries(sub.id, wanted, sub.created_at) if wanted else 0


def drain(
    store: Store, settings: Settings, clock: Callable[[], datetime], *, rng: random.Random | None = None
) -> list[Attempt]:
    """Fan out every unseen event and send every delivery due now, until none is left
    (`tracker run --once` must not exit with alerts it could have sent still waiting).
    A failed delivery waits for its retry time, so this ends."""
    attempts: list[Attempt] = []
    while True:  # fan_out reads a batch at a time; stop when caught up or when another process is
        position = store.consumer_position(CONSUMER)
        if not store.events_after(position, 1):
            break
        fan_out(store, clock())
        if store.consumer_position(CONSUMER) == position:
            break
    while True:
        batch = send_due(store, settings, clock, rng=rng)
        if not batch:
            return attempts
        attempts += batch


SENDERS = 8  # subscriptions sent to side by side


def send_due(
    store: Store,
    settings: Settings,
    clock: Callable[[], datetime],
    *,
    limit: int = 50,
    rng: random.Random | None = None,
    stop: Callable[[], bool] | None = None,
) -> list[Attempt]:
    """Claim and send the deliveries that are due; record every attempt.

    Each subscription's deliveries go out in order, different subscriptions side by side
    (up to SENDERS at once), so an SMTP server that stalls for minutes holds back neither a
    webhook nor another address. `stop()` is read between deliveries: once it is true
    nothing new is sent, and this returns without waiting for a send in progress. That send
    runs in a daemon thread; if the process exits first, its claim expires and it is sent
    again (at least once, the documented window)."""
    rng = rng or random.Random()
    stopped = stop or (lambda: False)
    groups: dict[int, list[DeliveryRow]] = {}
    for delivery in store.claim_deliveries(clock(), limit, HOLD_SECONDS):
        groups.setdefault(delivery.subscription_id, []).append(delivery)
    if not groups:
        return []
    pending = list(groups.values())
    attempts: list[Attempt] = []
    lock = threading.Lock()

    def sender(seed: float) -> None:
        own = random.Random(seed)  # random.Random is not shared between threads
        while not stopped():
            with lock:
                if not pending:
                    return
                deliveries = pending.pop(0)
            for delivery in deliveries:
                if stopped():
                    return
                attempt = _send_one(store, settings, delivery, clock, own)
                with lock:
                    attempts.append(attempt)

    threads = [
        threading.Thread(target=sender, args=(rng.random(),), name=f"alerts-{n}", daemon=True)
        for n in range(min(SENDERS, len(pending)))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive() and not stopped():
            thread.join(0.1)
    with lock:
        return list(attempts)


def _send_one(
    store: Store, settings: Settings, d: DeliveryRow, clock: Callable[[], datetime], rng: random.Random
) -> Attempt:
    try:
        sub = store.get_subscription(d.subscription_id)
        alert = alert_for_delivery(store, settings, d)
        channel = build_channel(sub.channel, sub.target, sub.options, settings)
        note = channel.send(alert)
    except SendFailed as exc:
        return _failed(store, settings, d, clock(), str(exc), exc.retryable, exc.retry_after, rng)
    except TrackerError as exc:  # the subscription itself is invalid: retrying will not help
        return _failed(store, settings, d, clock(), str(exc), False, None, rng)
    except Exception as exc:  # a bug: the traceback is worth its lines (the log redacts it)
        log.exception("delivery %s crashed", d.id)
        return _failed(store, settings, d, clock(), f"unexpected error: {redact_text(str(exc))}", True, None, rng)
    store.finish_delivery(d.id, clock(), sent=True, note=note)
    log.info("delivery %s (event %s) sent: %s", d.id, d.event_id, note)
    return Attempt(d.id, d.subscription_id, d.event_id, True, note, None)


def _failed(
    store: Store,
    settings: Settings,
    d: DeliveryRow,
    now: datetime,
    error: str,
    retryable: bool,
    retry_after: float | None,
    rng: random.Random,
) -> Attempt:
    nxt = None
    if retryable and d.attempts < settings.delivery_attempts:
        nxt = now + timedelta(seconds=retry_delay(d.attempts, rng, retry_after))
    store.finish_delivery(d.id, now, sent=False, error=error, next_attempt_at=nxt)
    if nxt is None:
        log.error("delivery %s (event %s) failed for good after %d attempt(s): %s", d.id, d.event_id, d.attempts, error)
    else:
        log.warning(
            "delivery %s (event %s) failed (attempt %d), retrying at %s: %s",
            d.id,
            d.event_id,
            d.attempts,
            nxt.isoformat(timespec="seconds"),
            error,
        )
    return Attempt(d.id, d.subscription_id, d.event_id, False, error, nxt)
