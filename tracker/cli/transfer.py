"""`tracker export` and `tracker import`: stories in and out (JSON, CSV of figures, JSON Lines of reports)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tracker.cli.common import SubParsers, common_options, settings_of, story_of, tag_option
from tracker.errors import UsageError

if TYPE_CHECKING:
    from storage import Store
    from storage.rows import StoryRow


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "export",
        parents=[common_options()],
        help="write stories out: JSON (settings, tags, versions), figures CSV, reports JSON Lines, WARC",
        description="Write the stories (all, these, or those with --tag) as tracker's JSON: settings, tags "
        "and every version with its raw page and change report, and the feeds; `tracker import` reads it "
        "back. --figures-csv: one story's figure timelines as CSV. --reports: every change report as JSON "
        "Lines. --warc FILE: the raw pages as WARC records. Alert subscriptions are not exported (they "
        "hold credentials).",
    )
    p.add_argument("stories", nargs="*", metavar="STORY", help="story ids or URLs (default: every story)")
    tag_option(p, "only stories with this tag (repeatable: any of them)")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--figures-csv", action="store_true", help="one STORY's figures at every version, as CSV")
    what.add_argument("--reports", action="store_true", help="every change report, one JSON object a line")
    what.add_argument(
        "--warc",
        type=Path,
        metavar="FILE",
        help="every stored raw page of the stories as WARC response records (gzipped), for archive tools",
    )
    what.add_argument("--settings-only", action="store_true", help="stories with their settings and tags, no versions")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import",
        parents=[common_options()],
        help="add stories or feeds from a file: a URL list, OPML, or a tracker export",
        description="Import FILE ('-' for stdin): a list of URLs (one a line, # comments), an OPML file "
        "(its feeds are followed), or the JSON of `tracker export` (stories with their settings, tags, "
        "versions and reports, and feeds). URLs already tracked are skipped. Nothing imported alerts.",
    )
    p.add_argument("file", metavar="FILE")
    tag_option(p, "give every imported story or feed this tag too (repeatable)")
    p.set_defaults(func=cmd_import)


def _chosen(store: Store, args: argparse.Namespace) -> list[StoryRow]:
    from tracker.tags import normalise_tags

    stories = [story_of(store, ref) for ref in args.stories] if args.stories else store.list_stories()
    if args.tag:
        tagged = store.tagged_stories(normalise_tags(args.tag))
        stories = [s for s in stories if s.id in tagged]
    return stories


def cmd_export(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    if args.figures_csv and len(args.stories) != 1:
        raise UsageError("--figures-csv writes one story's figures: name exactly one STORY")
    if args.warc:
        return _warc(args)
    out: TextIO = args.output.open("w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        with open_store(settings) as store:
            stories = _chosen(store, args)
            if args.figures_csv:
                _figures_csv(store, stories[0], out)
            elif args.reports:
                lines = _reports(store, stories, out)
                print(f"{lines} change report(s)", file=sys.stderr)
            else:
                from tracker.service.transfer import export_document

                whole = not args.stories and not args.tag  # feeds go with a whole export
                doc = export_document(store, stories, datetime.now(UTC), versions=not args.settings_only, feeds=whole)
                json.dump(doc, out, ensure_ascii=False, indent=1)
                out.write("\n")
                print(f"{len(doc['stories'])} stor(ies), {len(doc['feeds'])} feed(s)", file=sys.stderr)
    finally:
        if args.output:
            out.close()
    return 0


def _warc(args: argparse.Namespace) -> int:
    from tracker.service.archive import write_warc
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    if args.output:
        raise UsageError("--warc names its own FILE: leave out -o")
    with open_store(settings) as store:
        stories = _chosen(store, args)
        if not stories:
            raise UsageError("no story to write: name one, or add some first")
        partial = args.warc.with_name(args.warc.name + ".part")
        try:
            with partial.open("wb") as out:
                records = write_warc(store, stories, out)
            partial.replace(args.warc)  # a file that exists is a whole one
        finally:
            partial.unlink(missing_ok=True)
    print(f"wrote {args.warc}: {records} response record(s) from {len(stories)} stor(ies)", file=sys.stderr)
    return 0


def _figures_csv(store: Store, story: StoryRow, out: TextIO) -> None:
    from tracker.cli.reports import load_versions
    from tracker.reports.story import series_of

    writer = csv.writer(out)
    writer.writerow(["story", "figure", "unit", "version", "fetched_at", "value", "text", "sentence"])
    for series in series_of(load_versions(store, story)):
        for p in series.points:
            writer.writerow(
                [story.id, series.label, series.unit or "", p.seq, p.at.isoformat(), p.value, p.text, p.sentence]
            )


def _reports(store: Store, stories: list[StoryRow], out: TextIO) -> int:
    lines = 0
    for story in stories:
        for meta in store.list_versions(story.id):
            change = store.get_change(story.id, meta.seq)
            if change is None:
                continue
            record: dict[str, Any] = {
                "story": story.id,
                "url": story.url,
                "version": meta.seq,
                "fetched_at": meta.fetched_at.isoformat(),
                "reported_at": change.created_at.isoformat(),
                "headline": meta.headline,
                "summary": change.summary,
                "report": change.report,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            lines += 1
    return lines


def cmd_import(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store
    from tracker.service.schedule import Policy
    from tracker.service.transfer import import_text
    from tracker.tags import normalise_tags

    settings = settings_of(args)
    tags = normalise_tags(args.tag)
    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(args.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read {args.file}: {exc}") from None
    with open_store(settings, create=True) as store:
        done = import_text(store, text, datetime.now(UTC), Policy.from_settings(settings), tags)
    said = {"export": "a tracker export", "opml": "an OPML file", "urls": "a list of URLs"}[done.kind]
    parts = [f"{len(done.stories)} stor(ies)"] if done.kind != "opml" else []
    if done.kind == "export":
        parts.append(f"{done.versions} version(s)")
    if done.kind != "urls":
        parts.append(f"{len(done.feeds)} feed(s)")
    print(f"imported {', '.join(parts)} from {said}" + (f"; {len(done.skipped)} already here" if done.skipped else ""))
    for url in done.skipped:
        print(f"  skipped (already here): {url}")
    return 0
