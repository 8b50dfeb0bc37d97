"""Alert subscriptions and the delivery outbox.

Change events become deliveries in one transaction that also advances the alert
consumer's position in the event log (`fan_out`), so an event is turned into deliveries
once, whatever crashes. A sender claims due deliveries (`claim_deliveries`: the claim is
committed before anything is sent, with a time limit, so a sender that dies leaves them
to be claimed again) and records each attempt's result (`finish_delivery`).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, or_, select, update

from storage.errors import NotFound
from storage.rows import DeliveryRow, EventRow, SubscriptionRow
from storage.schema import Consumer, Delivery, Event, Subscription

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def subscription_row(s: Subscription) -> SubscriptionRow:
    return SubscriptionRow(s.id, s.channel, s.target, s.options, s.filter, s.created_at, s.active)


def delivery_row(d: Delivery) -> DeliveryRow:
    return DeliveryRow(
        d.id,
        d.subscription_id,
        d.event_id,
        d.status,
        d.attempts,
        d.next_attempt_at,
        d.created_at,
        d.sent_at,
        d.last_error,
        d.note,
    )


class OutboxQueries:
    """Mixed into Store; relies on its `_read()` and `_write()` sessions."""

    dialect: str

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    # --- subscriptions ------------------------------------------------------------------

    def add_subscription(
        self, channel: str, target: str, options: dict[str, Any], filter_: dict[str, Any], now: datetime
    ) -> SubscriptionRow:
        with self._write() as s:
            sub = Subscription(
                channel=channel, target=target, options=options, filter=filter_, created_at=now, active=True
            )
            s.add(sub)
            s.flush()
            return subscription_row(sub)

    def list_subscriptions(self, *, active_only: bool = False) -> list[SubscriptionRow]:
        with self._read() as s:
            query = select(Subscription).order_by(Subscription.id)
            if active_only:
                query = query.where(Subscription.active.is_(True))
            return [subscription_row(x) for x in s.execute(query).scalars()]

    def get_subscription(self, sub_id: int) -> SubscriptionRow:
        with self._read() as s:
            sub = s.get(Subscription, sub_id)
            if sub is None:
                raise NotFound("subscription", sub_id)
            return subscription_row(sub)

    def remove_subscription(self, sub_id: int) -> None:
        with self._write() as s:
            if s.execute(delete(Subscription).where(Subscription.id == sub_id)).rowcount == 0:  # type: ignore[attr-defined]
                raise NotFound("subscription", sub_id)

    # --- events to deliveries -----------------------------------------------------------

    def get_event(self, event_id: int) -> EventRow:
        with self._read() as s:
            e = s.get(Event, event_id)
            if e is None:
                raise NotFound("event", event_id)
            return EventRow(e.id, e.story_id, e.version_id, e.kind, e.created_at, e.payload)

    def fan_out(
        self,
        consumer: str,
        expected_position: int,
        upto_event_id: int,
        deliveries: Sequence[tuple[int, int]],
        now: datetime,
    ) -> bool:
        """Write (subscription_id, event_id) deliveries and move `consumer` from
        `expected_position` to `upto_event_id`, together. False (and nothing written) when
        the consumer is no longer at `expected_position`: another process did this work."""
        with self._write() as s:
            row = s.execute(select(Consumer).where(Consumer.name == consumer).with_for_update()).scalar_one_or_none()
            position = row.last_event_id if row else 0
            if position != expected_position:
                return False
            for sub_id, event_id in dict.fromkeys(deliveries):
                s.add(
                    Delivery(
                        subscription_id=sub_id,
                        event_id=event_id,
                        status="pending",
                        attempts=0,
                        next_attempt_at=now,
                        created_at=now,
                    )
                )
            if row is None:
                s.add(Consumer(name=consumer, last_event_id=upto_event_id))
            else:
                row.last_event_id = upto_event_id
            return True

    def add_deliveries(self, subscription_id: int, event_ids: Sequence[int], now: datetime) -> int:
        """Queue these events for one subscription (a backfill), skipping any it already has."""
        with self._write() as s:
            have = set(
                s.execute(
                    select(Delivery.event_id).where(
                        Delivery.subscription_id == subscription_id, Delivery.event_id.in_(list(event_ids))
                    )
                ).scalars()
            )
            new = [e for e in dict.fromkeys(event_ids) if e not in have]
            for event_id in new:
                s.add(
                    Delivery(
                        subscription_id=subscription_id,
                        event_id=event_id,
                        status="pending",
                        attempts=0,
                        next_attempt_at=now,
                        created_at=now,
                    )
                )
            return len(new)

    # --- sending ----------------------------------------------------------------------------

    def claim_deliveries(self, now: datetime, limit: int, hold_seconds: float) -> list[DeliveryRow]:
        """Due deliveries, claimed for `hold_seconds` (committed before anything is sent).
        A claim left by a sender that died is taken over once it expires."""
        with self._write() as s:
            query = (
                select(Delivery)
                .where(
                    or_(
                        (Delivery.status == "pending") & (Delivery.next_attempt_at <= now),
                        (Delivery.status == "sending") & (Delivery.claimed_until <= now),
                    )
                )
                .order_by(Delivery.next_attempt_at, Delivery.id)
                .limit(limit)
            )
            if self.dialect == "postgresql":
                query = query.with_for_update(skip_locked=True)
            rows = list(s.execute(query).scalars())
            until = now + timedelta(seconds=hold_seconds)
            for d in rows:
                d.status = "sending"
                d.claimed_until = until
                d.attempts += 1
            return [delivery_row(d) for d in rows]

    def finish_delivery(
        self,
        delivery_id: int,
        now: datetime,
        *,
        sent: bool,
        note: str | None = None,
        error: str | None = None,
        next_attempt_at: datetime | None = None,
    ) -> None:
        """Record an attempt: sent; or failed with a next attempt (pending); or failed for good."""
        with self._write() as s:
            d = s.get(Delivery, delivery_id)
            if d is None:
                raise NotFound("delivery", delivery_id)
            d.claimed_until = None
            d.note = note
            if sent:
                d.status = "sent"
                d.sent_at = now
                d.last_error = None
                d.next_attempt_at = None
            else:
                d.last_error = error
                d.status = "pending" if next_attempt_at is not None else "failed"
                d.next_attempt_at = next_attempt_at

    def retry_deliveries(self, now: datetime, ids: Sequence[int] | None = None) -> int:
        """Put failed deliveries (all, or these) back in the queue, due now."""
        with self._write() as s:
            query = update(Delivery).where(Delivery.status == "failed")
            if ids:
                query = update(Delivery).where(Delivery.id.in_(list(ids)), Delivery.status.in_(("failed", "pending")))
            result = s.execute(query.values(status="pending", next_attempt_at=now, attempts=0))
            return int(result.rowcount)  # type: ignore[attr-defined]

    def list_deliveries(
        self, *, status: str | None = None, subscription_id: int | None = None, limit: int = 100
    ) -> list[DeliveryRow]:
        with self._read() as s:
            query = select(Delivery).order_by(Delivery.id.desc()).limit(limit)
            if status:
                query = query.where(Delivery.status == status)
            if subscription_id:
                query = query.where(Delivery.subscription_id == subscription_id)
            return [delivery_row(d) for d in s.execute(query).scalars()]
