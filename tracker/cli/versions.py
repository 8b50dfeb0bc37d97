"""Reading a story's versions: history (every version, and the suspect pages kept) and show (one)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tracker.cli.common import SubParsers, common_options, dump_json, format_option, settings_of, story_of, table, when
from tracker.cli.stories import story_dict

if TYPE_CHECKING:
    from storage.rows import StoryRow, SuspectRow


def register(sub: SubParsers) -> None:
    common = common_options()

    p = sub.add_parser(
        "history",
        parents=[common],
        help="list the stored versions of a story",
        description="Every version of a story: number, time fetched, size, headline, what changed.",
    )
    p.add_argument("story", metavar="STORY")
    format_option(p)
    p.set_defaults(func=cmd_history)

    p = sub.add_parser(
        "show",
        parents=[common],
        help="print a version of a story (default: the latest)",
        description="Print the headline, byline, dates and text of one version of a story.",
    )
    p.add_argument("story", metavar="STORY")
    p.add_argument("--version", "-n", type=int, metavar="N", help="version number (default: the latest)")
    p.add_argument("--html", action="store_true", help="print the raw HTML as fetched instead")
    p.add_argument(
        "--suspect",
        type=int,
        metavar="ID",
        help="print the raw HTML of a suspect page instead (its ID is in `tracker history STORY`)",
    )
    format_option(p)
    p.set_defaults(func=cmd_show)


def cmd_history(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        story = story_of(store, args.story)
        versions = store.list_versions(story.id)
        suspects = store.list_suspects(story.id)
    if args.format == "json":
        dump_json(
            {
                "story": story_dict(story),
                "versions": [
                    {
                        "version": v.seq,
                        "fetched_at": v.fetched_at,
                        "headline": v.headline,
                        "content_hash": v.content_hash,
                        "html_bytes": v.html_size,
                        "characters": v.text_chars,
                        "words": v.words,
                        "http_status": v.http_status,
                        "summary": v.summary,
                    }
                    for v in versions
                ],
                "suspect_pages": [
                    {"id": p.id, "checked_at": p.checked_at, "kind": p.kind, "reason": p.reason, "words": p.words}
                    for p in suspects
                ],
            }
        )
        return 0
    print(f"Story {story.id}: {story.url}")
    _print_suspects(story.id, suspects)
    if not versions:
        print("No versions yet: run `tracker check`.")
        return 0
    rows = [
        [
            str(v.seq),
            when(v.fetched_at),
            f"{v.words:,} words",
            f"{v.html_size / 1024:,.0f} KB",
            (v.summary or "first version") + f" — {v.headline}",
        ]
        for v in versions
    ]
    print(table(rows, ["VERSION", "FETCHED", "SIZE", "PAGE", "CHANGE"]))
    return 0


def _print_suspects(story_id: int, suspects: list[SuspectRow]) -> None:
    if not suspects:
        return
    print(f"Suspect pages (not stored as versions; `tracker show {story_id} --suspect ID` prints one):")
    for p in suspects:
        print(f"  #{p.id}  {when(p.checked_at)}  {p.reason}")


def cmd_show(args: argparse.Namespace) -> int:
    from storage.errors import NotFound
    from tracker.errors import UsageError
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        story = story_of(store, args.story)
        if args.suspect is not None:
            try:
                raw = store.get_suspect_html(story.id, args.suspect)
            except NotFound:
                raise UsageError(
                    f"story {story.id} has no suspect page {args.suspect}: see `tracker history`"
                ) from None
            sys.stdout.buffer.write(raw)
            return 0
        tags = store.story_tags([story.id]).get(story.id, ())
        seq = args.version or story.latest_seq
        if not seq:
            raise UsageError(f"story {story.id} has no versions yet: run `tracker check {story.id}` first")
        try:
            version = store.get_version(story.id, seq)
            html = store.get_html(story.id, seq) if args.html else b""
        except NotFound:
            raise UsageError(f"story {story.id} has no version {seq} (it has {story.latest_seq or 0})") from None
    if args.html:
        if not html:
            raise UsageError(f"the raw page of version {seq} was dropped by retention (`tracker db vacuum`)")
        sys.stdout.buffer.write(html)
        return 0
    if args.format == "json":
        dump_json(
            {
                "story": story.id,
                "url": story.url,
                "version": version.seq,
                "fetched_at": version.fetched_at,
                "headline": version.headline,
                "byline": version.byline,
                "published": version.published,
                "modified": version.modified,
                "http_status": version.http_status,
                "tags": list(tags),
                "select": story.select_css,
                "ignore": story.ignore_css,
                "text": version.text,
            }
        )
        return 0
    print(version.headline)
    meta = [f"version {version.seq} of story {story.id}, fetched {when(version.fetched_at)} UTC"]
    if version.byline:
        meta.append(f"by {version.byline}")
    if version.published:
        meta.append(f"published {version.published}")
    if tags:
        meta.append(f"tags: {', '.join(tags)}")
    print(" · ".join(meta))
    if story.select_css or story.ignore_css:
        print(_selectors_line(story))
    print()
    print(version.text)
    return 0


def _selectors_line(story: StoryRow) -> str:
    parts = [f"select {story.select_css!r}"] if story.select_css else []
    parts += [f"ignore {story.ignore_css!r}"] if story.ignore_css else []
    return "read with " + ", ".join(parts) + f" (`tracker select {story.id}` to change)"
