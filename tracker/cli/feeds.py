"""`tracker feed add | list | remove`: follow RSS/Atom feeds and track the articles they list."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

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


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "feed",
        help="follow RSS/Atom feeds",
        description="A followed feed is polled on its own schedule (every 10 minutes); each article "
        "it lists (that matches --match, if given) becomes a tracked story.",
    )
    fsub = p.add_subparsers(dest="feed_command", metavar="ACTION", required=True)
    common = common_options()
    a = fsub.add_parser(
        "add",
        parents=[common],
        help="follow a feed",
        description="Follow an RSS or Atom feed: its new articles (those matching --match) become stories.",
    )
    a.add_argument("url", metavar="URL")
    a.add_argument("--match", metavar="WORDS", help="only articles whose title or summary holds all these words")
    tag_option(a, "give every story the feed adds this tag (repeatable; on a feed already followed: its new tags)")
    a.set_defaults(func=cmd_add)
    ls = fsub.add_parser(
        "list",
        parents=[common],
        help="list followed feeds",
        description="The feeds followed, with their filter, last check and last error.",
    )
    format_option(ls)
    ls.set_defaults(func=cmd_list)
    rm = fsub.add_parser(
        "remove",
        parents=[common],
        help="stop following a feed (its stories stay)",
        description="Stop following a feed; the stories it added keep being tracked.",
    )
    rm.add_argument("feed", type=int, metavar="ID")
    rm.set_defaults(func=cmd_remove)


def cmd_add(args: argparse.Namespace) -> int:
    from tracker.fetch.urls import normalise_url
    from tracker.service.bootstrap import open_store
    from tracker.service.feedjob import FEED_INTERVAL
    from tracker.tags import normalise_tags

    settings = settings_of(args)
    url = normalise_url(args.url)
    tags = normalise_tags(args.tag)
    now = datetime.now(UTC)
    with open_store(settings, create=True) as store:
        row, created = store.add_feed(url, now, match=args.match, interval_seconds=FEED_INTERVAL, next_check_at=now)
        if tags:
            store.set_feed_tags(row.id, tags)
    print(
        f"{row.id}\t{row.url}{'' if created else '  (already followed)'}"
        + (f"\ttags: {', '.join(tags)}" if tags else "")
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        feeds = store.list_feeds()
        tags = store.feed_tags()
    if args.format == "json":
        dump_json(
            [
                {
                    "id": f.id,
                    "url": f.url,
                    "match": f.match,
                    "tags": list(tags.get(f.id, ())),
                    "last_checked_at": f.last_checked_at,
                    "next_check_at": f.next_check_at,
                    "failures": f.consecutive_failures,
                    "error": f.last_error,
                }
                for f in feeds
            ]
        )
        return 0
    print(
        table(
            [
                [
                    str(f.id),
                    f.match or "",
                    ",".join(tags.get(f.id, ())),
                    when(f.last_checked_at),
                    when(f.next_check_at),
                    f.url + (f"\n      last error: {f.last_error}" if f.last_error else ""),
                ]
                for f in feeds
            ],
            ["ID", "MATCH", "TAGS", "CHECKED", "NEXT", "URL"],
        )
    )
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        store.remove_feed(args.feed)
    print(f"stopped following feed {args.feed}")
    return 0
