"""Story commands: add, list, check (history, show: cli/versions.py; remove, pause, resume: cli/manage.py)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tracker.cli.common import (
    SubParsers,
    common_options,
    dump_json,
    format_option,
    settings_of,
    story_of,
    table,
    tag_option,
    when,
)
from tracker.config import format_duration, parse_duration
from tracker.errors import UsageError

if TYPE_CHECKING:
    from storage.rows import StoryRow

STORED = ("first", "changed")
MIN_EVERY = 60.0  # the floor of `add --every` without --force: a story is a page on someone's site
HEADLINE_WIDTH = 60


def register(sub: SubParsers) -> None:
    common = common_options()

    p = sub.add_parser(
        "add",
        parents=[common],
        help="start tracking one or more article URLs",
        description="Track article URLs: each becomes a story, checked by `tracker check` or "
        "the `tracker run` service. Prints each new story's id and URL.",
    )
    p.add_argument("urls", nargs="+", metavar="URL")
    p.add_argument(
        "--every",
        metavar="DURATION",
        help="check this story at a fixed interval (e.g. 5m) instead of the adaptive default",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=f"allow --every below {MIN_EVERY:.0f}s (be kind to the site: it is fetched that often)",
    )
    p.add_argument("--title", help="a name for the story (default: the headline, once fetched)")
    p.add_argument(
        "--accept-short",
        action="store_true",
        help="store a page that shrank a lot as a new version (for pages that really do get shorter); "
        "by default such a page is a suspect check: kept for inspection, no version, no alert",
    )
    tag_option(p, "label the stories (repeatable: --tag gaza --tag live); a story already tracked gains the tags")
    p.add_argument(
        "--select", metavar="CSS", help="read only these elements: the article's container (see `tracker try`)"
    )
    p.add_argument("--ignore", metavar="CSS", help="drop these elements before reading (a comments box, a live ticker)")
    format_option(p)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser(
        "list",
        parents=[common],
        help="list tracked stories and their state",
        description="List stories: status, versions, last check, next check, last error.",
    )
    p.add_argument(
        "--status", choices=("active", "failing", "archived", "removed", "paused"), help="only stories with this status"
    )
    tag_option(p, "only stories with this tag (repeatable: any of them)")
    format_option(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser(
        "check",
        parents=[common],
        help="check stories now (all active ones by default)",
        description="Fetch the stories now and store a new version of each article that changed. "
        "Prints one line per story; exits 1 when a check failed.",
    )
    p.add_argument("stories", nargs="*", metavar="STORY", help="story id or URL (default: every active story)")
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="extraction processes (default: one per core when checking several stories)",
    )
    format_option(p)
    p.set_defaults(func=cmd_check)


def story_dict(s: StoryRow) -> dict[str, Any]:
    return {
        "id": s.id,
        "url": s.url,
        "title": s.title,
        "status": s.status,
        "active": s.active,
        "versions": s.version_count,
        "latest_version": s.latest_seq,
        "added_at": s.added_at,
        "last_checked_at": s.last_checked_at,
        "last_outcome": s.last_outcome,
        "last_changed_at": s.last_changed_at,
        "next_check_at": s.next_check_at,
        "interval_seconds": s.interval_seconds,
        "every_seconds": s.every_seconds,
        "consecutive_failures": s.consecutive_failures,
        "last_error": s.last_error,
        "suspect": s.suspect_reason,
        "accept_short": s.accept_short,
        "select": s.select_css,
        "ignore": s.ignore_css,
        "gone_at": s.gone_at,
    }


def cmd_add(args: argparse.Namespace) -> int:
    from tracker.fetch.urls import normalise_url
    from tracker.service.bootstrap import open_store
    from tracker.service.schedule import Policy, first_check
    from tracker.tags import normalise_tags

    settings = settings_of(args)
    every = parse_duration(args.every) if args.every else None
    if every is not None and every < MIN_EVERY and not args.force:
        raise UsageError(
            f"--every {args.every} is below the floor of {format_duration(MIN_EVERY)}: "
            "add --force to fetch the page that often"
        )
    urls = [normalise_url(u) for u in args.urls]  # all or none: validate before storing any
    tags = normalise_tags(args.tag)
    from tracker.fetch.select import check_selector

    css = {
        "select_css": check_selector(args.select, "--select") if args.select else None,
        "ignore_css": check_selector(args.ignore, "--ignore") if args.ignore else None,
    }
    now = datetime.now(UTC)
    policy = Policy.from_settings(settings)
    out = []
    with open_store(settings, create=True) as store:
        for url in urls:
            nxt = first_check(policy, now, every)
            row, created = store.add_story(
                url,
                now,
                title=args.title,
                every_seconds=every,
                interval_seconds=nxt.interval,
                next_check_at=nxt.at,
                accept_short=args.accept_short,
            )
            if created and (args.select or args.ignore):
                row = store.update_story(row.id, **css)
            out.append((row, created, store.tag_story(row.id, add=tags) if tags else ()))
    if args.format == "json":
        dump_json([{**story_dict(r), "tags": list(t), "created": c} for r, c, t in out])
    else:
        for row, created, tagged in out:
            print(
                f"{row.id}\t{row.url}{'' if created else '  (already tracked)'}"
                + (f"\ttags: {', '.join(tagged)}" if tagged else "")
            )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store
    from tracker.tags import normalise_tags

    settings = settings_of(args)
    wanted = normalise_tags(args.tag)
    with open_store(settings) as store:
        rows = store.list_stories(status=args.status)
        if wanted:
            tagged = store.tagged_stories(wanted)
            rows = [r for r in rows if r.id in tagged]
        headlines = store.latest_headlines()
        tags = store.story_tags()
    if args.format == "json":
        dump_json([{**story_dict(r), "tags": list(tags.get(r.id, ())), "headline": headlines.get(r.id)} for r in rows])
        return 0
    if not rows:
        say = (
            f"No story is tagged {' or '.join(wanted)}."
            if wanted
            else "No stories yet: add one with `tracker add URL`."
        )
        print(say, file=sys.stderr)
        return 0
    body = []
    for r in rows:
        state = r.status
        if r.consecutive_failures:
            state += f" ({r.consecutive_failures} failed)"
        elif r.suspect_reason:
            state += " (suspect page)"
        body.append(
            [
                str(r.id),
                state,
                str(r.version_count),
                when(r.last_checked_at),
                when(r.next_check_at),
                when(r.last_changed_at),
                _clip(headlines.get(r.id) or r.title or "(not fetched yet)", HEADLINE_WIDTH),
                r.url
                + (f"\n      tags: {', '.join(tags[r.id])}" if r.id in tags else "")
                + (f"\n      last error: {r.last_error}" if r.last_error else "")
                + (f"\n      suspect page, not stored: {r.suspect_reason}" if r.suspect_reason else ""),
            ]
        )
    print(table(body, ["ID", "STATUS", "VERSIONS", "CHECKED", "NEXT", "CHANGED", "HEADLINE", "URL"]))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from tracker.fetch.workers import Extraction
    from tracker.service.bootstrap import open_store, runtime

    settings = settings_of(args)
    with open_store(settings) as store:
        stories = (
            [story_of(store, ref) for ref in args.stories]
            if args.stories
            else [s for s in store.list_stories() if s.active and s.status in ("active", "failing", "removed")]
        )
        if not stories:
            print("Nothing to check: add a story with `tracker add URL`.", file=sys.stderr)
            return 0
        workers = (
            args.workers if args.workers is not None else (Extraction.default_workers() if len(stories) > 3 else 0)
        )
        with runtime(settings, workers=workers, store=store) as rt:
            outcomes = _run_checks(rt.checker, stories, show_progress=len(stories) > 5 and args.format == "text")
        # say which headline was stored, so a wrong page (a consent wall, another article) shows at once
        headlines = {
            o.story_id: store.get_version(o.story_id, o.seq).headline for o in outcomes if o.seq and o.kind in STORED
        }
    if args.format == "json":
        dump_json(
            [
                {
                    "story": o.story_id,
                    "url": o.url,
                    "outcome": o.kind,
                    "version": o.seq,
                    "summary": o.summary,
                    "headline": headlines.get(o.story_id),
                    "error": o.error,
                    "duration_ms": round(o.duration * 1000, 1),
                    "next_check_at": o.next_check_at,
                }
                for o in outcomes
            ]
        )
    else:
        for o in outcomes:
            headline = headlines.get(o.story_id)
            print(o.line() + (f"\n  headline: {headline}" if headline else ""))
    return 0 if all(o.ok for o in outcomes) else 1


def _run_checks(checker: Any, stories: list[StoryRow], show_progress: bool) -> list[Any]:
    """Check stories concurrently (fetching is I/O; extraction goes to worker processes)."""
    from concurrent.futures import ThreadPoolExecutor, as_completed

    results: dict[int, Any] = {}
    progress = None
    task = None
    if show_progress and sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(
            TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
        )
        progress.start()
        task = progress.add_task("check", total=len(stories))
    try:
        with ThreadPoolExecutor(max_workers=min(16, len(stories))) as pool:
            futures = {pool.submit(checker.run, s, datetime.now(UTC)): s.id for s in stories}
            for done, future in enumerate(as_completed(futures), 1):
                results[futures[future]] = future.result()
                if progress is not None and task is not None:
                    progress.update(task, completed=done)
                elif show_progress:
                    print(f"checked {done}/{len(stories)}", file=sys.stderr)
    finally:
        if progress is not None:
            progress.stop()
    return [results[s.id] for s in stories]


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def interval_text(seconds: float | None) -> str:
    return format_duration(seconds) if seconds else "—"
