"""`tracker alerts add | list | test | retry | remove`: email and webhook subscriptions.

A webhook URL is a credential: every command prints it redacted (tracker.redact), and so
are the delivery errors `alerts list --deliveries` shows, old ones stored before
redaction included. The signing secret `alerts add` makes up is printed once, on purpose.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from tracker.cli.common import (
    SubParsers,
    common_options,
    dump_json,
    format_option,
    settings_of,
    table,
    tag_option,
    when,
)
from tracker.errors import UsageError
from tracker.redact import redact_text, redact_url


def _shown(channel: str, target: str) -> str:
    """A subscription's target as it may be printed: a webhook's token hidden."""
    return redact_url(target, webhook=True) if channel == "webhook" else target


def _scrubbed(text: str | None, channel: str, target: str) -> str | None:
    """A stored delivery error or note with the subscription's URL, and any other secret, hidden."""
    if not text:
        return text
    if channel == "webhook" and target:  # a URL of any shape, known as this subscription's own
        text = text.replace(target, _shown(channel, target))
    return redact_text(text)


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "alerts",
        help="email and webhook alerts about changes",
        description="Subscriptions send an alert for each change that matters to them. Deliveries "
        "go through an outbox: retried with back-off, each sent once, failures visible here.",
    )
    asub = p.add_subparsers(dest="alerts_command", metavar="ACTION", required=True)
    common = common_options()

    a = asub.add_parser(
        "add",
        parents=[common],
        help="subscribe an email address or a webhook",
        description="Subscribe a channel to changes. Examples:\n"
        "  tracker alerts add --email desk@example.org --only figures,statements\n"
        "  tracker alerts add --webhook https://hooks.example/x --story 3 --keyword toll\n"
        "  tracker alerts add --webhook https://hooks.slack.com/... --slack",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    target = a.add_mutually_exclusive_group(required=True)
    target.add_argument("--email", metavar="ADDRESSES", help="one or more addresses, comma-separated")
    target.add_argument("--webhook", metavar="URL", help="a URL that receives a signed JSON POST")
    a.add_argument("--secret", help="webhook signing secret (default: a random one, printed once)")
    a.add_argument("--slack", action="store_true", help="send a Slack-compatible message instead of the report")
    a.add_argument(
        "--story",
        type=int,
        action="append",
        default=[],
        metavar="ID",
        help="only this story (repeat for several; default: every story)",
    )
    tag_option(a, "only stories with this tag (repeat for any of several; with --story: both must hold)")
    a.add_argument(
        "--only",
        metavar="KINDS",
        help="kinds of change that matter, comma-separated: figures, "
        "statements, headline, text, removed (default: all but text)",
    )
    a.add_argument(
        "--keyword",
        action="append",
        default=[],
        metavar="WORD",
        help="only changes that mention this word (repeat for any of several)",
    )
    a.add_argument(
        "--min-change",
        type=fraction,
        default=0.0,
        metavar="CHANGE",
        help="only figures that moved at least this much: 5%% or 0.05",
    )
    a.add_argument(
        "--backfill",
        metavar="DURATION",
        help="also send the changes of this past period, e.g. 24h (default: only changes from now on)",
    )
    format_option(a)
    a.set_defaults(func=cmd_add)

    ls = asub.add_parser(
        "list",
        parents=[common],
        help="subscriptions and recent deliveries",
        description="The subscriptions and their filters, or (--deliveries) what was sent, waits or failed.",
    )
    ls.add_argument("--deliveries", action="store_true", help="list recent deliveries instead")
    ls.add_argument("--status", choices=("pending", "sending", "sent", "failed"), help="deliveries with this status")
    format_option(ls)
    ls.set_defaults(func=cmd_list)

    t = asub.add_parser(
        "test",
        parents=[common],
        help="send a test alert through a subscription now",
        description="Send a sample alert through a subscription now, each with its own event id.",
    )
    t.add_argument("subscription", type=int, metavar="ID")
    t.set_defaults(func=cmd_test)

    r = asub.add_parser(
        "retry",
        parents=[common],
        help="send failed deliveries again",
        description="Queue failed deliveries (all, or these ids) again; `tracker run` sends them.",
    )
    r.add_argument("deliveries", type=int, nargs="*", metavar="ID", help="delivery ids (default: every failed one)")
    r.set_defaults(func=cmd_retry)

    rm = asub.add_parser(
        "remove",
        parents=[common],
        help="remove a subscription (and its pending deliveries)",
        description="Delete a subscription and its deliveries; it gets no more alerts.",
    )
    rm.add_argument("subscription", type=int, metavar="ID")
    rm.set_defaults(func=cmd_remove)


def fraction(text: str) -> float:
    """'5%' or '0.05' -> 0.05."""
    raw = text.strip()
    try:
        return float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a change: write 5% or 0.05") from None


def cmd_add(args: argparse.Namespace) -> int:
    from tracker.alerts.channels import build_channel
    from tracker.alerts.filters import DEFAULT_KINDS, Filter
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    kinds = tuple(k.strip() for k in args.only.split(",") if k.strip()) if args.only else DEFAULT_KINDS
    from tracker.tags import normalise_tags

    flt = Filter(
        kinds=kinds,
        keywords=tuple(args.keyword),
        min_change=args.min_change,
        stories=tuple(args.story),
        tags=normalise_tags(args.tag),
    )
    options: dict[str, Any] = {}
    if args.email:
        channel, target = "email", args.email
    else:
        channel, target = "webhook", args.webhook
        options["style"] = "slack" if args.slack else "json"
        options["secret"] = args.secret or ("" if args.slack else secrets.token_urlsafe(24))
    build_channel(channel, target, options, settings)  # validate before storing
    from tracker.alerts.outbox import backfill
    from tracker.config import parse_duration

    since = parse_duration(args.backfill) if args.backfill else None
    with open_store(settings, create=True) as store:
        for story_id in flt.stories:
            store.get_story(story_id)
        now = datetime.now(UTC)
        row = store.add_subscription(channel, target, options, flt.to_dict(), now)
        queued = backfill(store, row.id, now - timedelta(seconds=since)) if since else 0
    if args.format == "json":
        dump_json(
            {
                "id": row.id,
                "channel": channel,
                "target": _shown(channel, target),
                "filter": flt.to_dict(),
                "secret": options.get("secret"),
            }
        )
        return 0
    print(f"{row.id}\t{channel} {_shown(channel, target)}")
    if since:
        print(f"{queued} past change(s) queued for it (--backfill {args.backfill})")
    if channel == "webhook" and options.get("secret") and not args.secret:
        print(f"signing secret (shown once, keep it): {options['secret']}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        if args.deliveries or args.status:
            rows = store.list_deliveries(status=args.status, limit=200)
            targets = {s.id: (s.channel, s.target) for s in store.list_subscriptions()}

            def scrubbed(text: str | None, subscription_id: int) -> str | None:
                return _scrubbed(text, *targets.get(subscription_id, ("", "")))

            if args.format == "json":
                dump_json(
                    [
                        {
                            "id": d.id,
                            "subscription": d.subscription_id,
                            "event": d.event_id,
                            "status": d.status,
                            "attempts": d.attempts,
                            "next_attempt_at": d.next_attempt_at,
                            "sent_at": d.sent_at,
                            "error": scrubbed(d.last_error, d.subscription_id),
                            "note": scrubbed(d.note, d.subscription_id),
                        }
                        for d in rows
                    ]
                )
                return 0
            print(
                table(
                    [
                        [
                            str(d.id),
                            str(d.subscription_id),
                            str(d.event_id),
                            d.status,
                            str(d.attempts),
                            when(d.sent_at or d.next_attempt_at),
                            scrubbed(d.last_error or d.note, d.subscription_id) or "",
                        ]
                        for d in rows
                    ],
                    ["ID", "SUB", "EVENT", "STATUS", "TRIES", "WHEN", "NOTE"],
                )
            )
            return 0
        subs = store.list_subscriptions()
        failed = store.list_deliveries(status="failed", limit=1000)
    if args.format == "json":
        dump_json(
            [
                {
                    "id": s.id,
                    "channel": s.channel,
                    "target": _shown(s.channel, s.target),
                    "filter": s.filter,
                    "active": s.active,
                    "failed_deliveries": sum(1 for d in failed if d.subscription_id == s.id),
                }
                for s in subs
            ]
        )
        return 0
    if not subs:
        print("No subscriptions: add one with `tracker alerts add --email ADDRESS`.", file=sys.stderr)
        return 0
    lines: list[list[str]] = []
    for s in subs:
        f = s.filter
        what = (
            ",".join(f.get("kinds") or [])
            + (f" keywords={','.join(f['keywords'])}" if f.get("keywords") else "")
            + (f" stories={','.join(map(str, f['stories']))}" if f.get("stories") else "")
            + (f" tags={','.join(f['tags'])}" if f.get("tags") else "")
        )
        n_failed = sum(1 for d in failed if d.subscription_id == s.id)
        lines.append(
            [str(s.id), s.channel, what, f"{n_failed} failed" if n_failed else "", _shown(s.channel, s.target)]
        )
    print(table(lines, ["ID", "CHANNEL", "FILTER", "PROBLEMS", "TARGET"]))
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    from tracker.alerts.channels import SendFailed, build_channel
    from tracker.alerts.messages import Alert
    from tracker.engine.compare import compare
    from tracker.engine.model import Article
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        sub = store.get_subscription(args.subscription)
    channel = build_channel(sub.channel, sub.target, sub.options, settings)
    old = Article("Test alert from tracker", ("At least 9 people were hurt, officials said.",))
    new = Article(
        "Test alert from tracker",
        ("At least 12 people were hurt, officials said.", "“This is only a test,” said the tracker."),
    )
    alert = Alert(
        # its own id each time, so a receiver that drops repeated ids still shows every test;
        # negative, so it never names a stored event
        event_id=-time.time_ns() // 1_000_000,
        kind="changed",
        story_id=0,
        url="https://example.org/tracker-test",
        headline="Test alert from tracker",
        seq=2,
        at=datetime.now(UTC),
        report=compare(old, new),
        subscription_id=sub.id,
        why=f"This is a test alert through subscription {sub.id} (`tracker alerts test`).",
    )
    try:
        note = channel.send(alert)
    except SendFailed as exc:
        raise UsageError(f"test alert to {channel.describe()} failed: {exc}") from None
    print(f"test alert sent through {channel.describe()}: {note}")
    return 0


def cmd_retry(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        n = store.retry_deliveries(datetime.now(UTC), args.deliveries or None)
    print(f"{n} delivery(ies) queued again; `tracker run` sends them")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        store.remove_subscription(args.subscription)
    print(f"removed subscription {args.subscription}")
    return 0
