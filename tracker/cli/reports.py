"""Report commands: diff, figures, report, digest."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.common import SubParsers, common_options, dump_json, format_option, settings_of, story_of, tag_option
from tracker.config import parse_duration
from tracker.errors import UsageError

if TYPE_CHECKING:
    from storage import Store
    from storage.rows import StoryRow
    from tracker.reports.story import StoredVersion


def register(sub: SubParsers) -> None:
    common = common_options()
    p = sub.add_parser(
        "diff",
        parents=[common],
        help="the change report between two stored versions",
        description="What changed between two versions of a story (default: the last two): the "
        "headline, a table of changed figures, statements added, removed or reworded with their "
        "speakers, and the edited sentences with insertions and deletions marked.",
    )
    p.add_argument("story", metavar="STORY")
    p.add_argument(
        "--from", dest="from_seq", type=int, metavar="N", help="older version (default: the one before --to)"
    )
    p.add_argument("--to", dest="to_seq", type=int, metavar="M", help="newer version (default: the latest)")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour (default: auto, when stdout is a terminal; always: ANSI colour even into a pipe)",
    )
    format_option(p, ("text", "markdown", "html", "json"))
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser(
        "figures",
        parents=[common],
        help="each figure of a story followed across its versions",
        description="Every quantity that changed in a story, as a timeline: what it counts, and its "
        "value at each version with the time the version was captured.",
    )
    p.add_argument("story", metavar="STORY")
    format_option(p)
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser(
        "report",
        parents=[common],
        help="write a standalone HTML report of a story",
        description="One HTML page with no external assets: the timeline of versions, every "
        "revision's report, the figure timelines as charts, who said what and when, and the full "
        "text of a version with its changes highlighted. With --tag instead of STORY, one page "
        "per story with that tag, written into the directory -o as ID.html.",
    )
    p.add_argument("story", metavar="STORY", nargs="?")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: stdout); with --tag, a directory")
    tag_option(p, "instead of STORY: every story with this tag (repeatable: any of them), into the directory -o")
    p.add_argument(
        "--version", "-n", type=int, metavar="N", help="the version whose full text to show (default: latest)"
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "digest",
        parents=[common],
        help="what changed across all stories recently",
        description="A summary of every story that changed in a period: headline, the news in one "
        "line, changed figures and new statements. Usable as an email body (--format html).",
    )
    p.add_argument("--since", default="24h", metavar="DURATION", help="how far back (default: 24h)")
    tag_option(p, "only stories with this tag (repeatable: any of them)")
    format_option(p, ("text", "markdown", "html", "json"))
    p.set_defaults(func=cmd_digest)


def load_versions(store: Store, story: StoryRow, upto: int | None = None) -> list[StoredVersion]:
    from tracker.reports.story import StoredVersion
    from tracker.reports.wire import from_wire

    out = []
    for meta in store.list_versions(story.id):
        if upto is not None and meta.seq > upto:
            break
        version = store.get_version(story.id, meta.seq)
        change = store.get_change(story.id, meta.seq)
        report = from_wire(change.report) if change is not None else None
        out.append(
            StoredVersion(
                meta.seq,
                version.fetched_at,
                version.headline or "",
                version.text,
                report,
                change.summary if change is not None else None,
            )
        )
    return out


def cmd_diff(args: argparse.Namespace) -> int:
    from storage.errors import NotFound
    from tracker.engine.compare import compare
    from tracker.reports.render import render
    from tracker.service.bootstrap import open_store
    from tracker.service.check import article_of

    settings = settings_of(args)
    with open_store(settings) as store:
        story = story_of(store, args.story)
        latest = story.latest_seq or 0
        to_seq = args.to_seq or latest
        from_seq = args.from_seq or to_seq - 1
        if latest < 2 and args.from_seq is None:
            raise UsageError(f"story {story.id} has {latest} version(s): a diff needs two")
        if not (1 <= from_seq < to_seq <= latest):
            raise UsageError(
                f"versions {from_seq} -> {to_seq} do not exist: story {story.id} has versions 1 to {latest}"
            )
        try:
            old = article_of(store.get_version(story.id, from_seq))
            new = article_of(store.get_version(story.id, to_seq))
        except NotFound as exc:
            raise UsageError(str(exc)) from None
    report = compare(old, new)
    title = f"Story {story.id}, version {from_seq} -> {to_seq}: {new.headline}"
    if args.format == "text" and _colour(args.color):
        from tracker.reports.terminal import console_for, print_report

        print_report(report, title, console_for(args.color))
        return 0
    sys.stdout.write(render(report, args.format, title=title))
    return 0


def _colour(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    import os

    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def cmd_figures(args: argparse.Namespace) -> int:
    from tracker.reports.story import StoryInfo, figures_json, figures_text
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        story = story_of(store, args.story)
        versions = load_versions(store, story)
    info = StoryInfo(story.id, story.url, versions[-1].headline if versions else (story.title or ""))
    if args.format == "json":
        dump_json({"story": story.id, "url": story.url, "figures": figures_json(versions)})
    else:
        sys.stdout.write(figures_text(info, versions))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from tracker.reports.html import render_story
    from tracker.reports.story import StoryInfo, story_context
    from tracker.service.bootstrap import open_store

    if args.tag:
        return _tagged_reports(args)
    if args.story is None:
        raise UsageError("name a STORY, or --tag TAG with -o DIR for one page per story with that tag")
    settings = settings_of(args)
    with open_store(settings) as store:
        story = story_of(store, args.story)
        versions = load_versions(store, story)
    if not versions:
        raise UsageError(f"story {story.id} has no versions yet: run `tracker check {story.id}` first")
    info = StoryInfo(story.id, story.url, versions[-1].headline)
    html = render_story(story_context(info, versions, args.version))
    if args.output:
        args.output.write_text(html, encoding="utf-8")
        print(f"wrote {args.output} ({len(versions)} versions, {len(html) // 1024} KB)", file=sys.stderr)
    else:
        sys.stdout.write(html)
    return 0


def _tagged_reports(args: argparse.Namespace) -> int:
    from tracker.reports.html import render_story
    from tracker.reports.story import StoryInfo, story_context
    from tracker.service.bootstrap import open_store
    from tracker.tags import normalise_tags

    if args.story is not None:
        raise UsageError("give a STORY or --tag, not both")
    if args.output is None or (args.output.exists() and not args.output.is_dir()):
        raise UsageError("--tag writes one page per story: give a directory with -o DIR")
    tags = normalise_tags(args.tag)
    settings = settings_of(args)
    pages: list[tuple[int, str]] = []
    with open_store(settings) as store:
        for story_id in sorted(store.tagged_stories(tags)):
            story = store.get_story(story_id)
            versions = load_versions(store, story)
            if versions:  # a story not fetched yet has nothing to report
                info = StoryInfo(story.id, story.url, versions[-1].headline)
                pages.append((story.id, render_story(story_context(info, versions, None))))
    if not pages:
        raise UsageError(f"no story tagged {' or '.join(tags)} has a version yet")
    args.output.mkdir(parents=True, exist_ok=True)
    for story_id, html in pages:
        (args.output / f"{story_id}.html").write_text(html, encoding="utf-8")
    print(
        f"wrote {len(pages)} report(s) into {args.output}: {', '.join(f'{i}.html' for i, _ in pages)}", file=sys.stderr
    )
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    from tracker.reports.digest import DigestItem, digest_json, render_digest
    from tracker.reports.wire import from_wire
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    since = datetime.now(UTC) - timedelta(seconds=parse_duration(args.since))
    from tracker.tags import normalise_tags

    wanted = normalise_tags(args.tag)
    items: list[DigestItem] = []
    with open_store(settings) as store:
        tagged = store.tagged_stories(wanted) if wanted else None
        for c in store.recent_changes(since, limit=1000):
            if tagged is not None and c.story_id not in tagged:
                continue
            items.append(DigestItem(c.story_id, c.url, c.headline, c.seq, c.at, from_wire(c.report), c.summary))
    if args.format == "json":
        dump_json(digest_json(items, since))
        return 0
    sys.stdout.write(render_digest(items, since, args.format))
    return 0
