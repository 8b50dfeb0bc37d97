"""`tracker select STORY --select CSS --ignore CSS`: correct a story whose extraction went wrong.

The latest raw page is read again with the new selectors and the resulting text is shown,
with what would change against the stored version; nothing is stored unless `--store`,
which keeps the selectors on the story and stores the corrected text as a new version of
the same page (storage.rereads: no event, so no alert), so that the next check compares
against the article read right, not against the comments box.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from tracker.cli.common import SubParsers, common_options, dump_json, format_option, settings_of, story_of
from tracker.errors import UsageError

if TYPE_CHECKING:
    from storage import Store
    from storage.rows import StoryRow


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "select",
        parents=[common_options()],
        help="set a story's CSS selectors, seeing first what they make of its latest page",
        description="Read the story's latest stored page again with --select (the article's container) "
        "and --ignore (parts to drop) and print the text they give and what would change; --store "
        "keeps them on the story (its next check stores that text as a version). Without options: "
        "print the selectors in use.",
    )
    p.add_argument("story", metavar="STORY")
    p.add_argument("--select", metavar="CSS", help="read only these elements (replaces the story's)")
    p.add_argument("--ignore", metavar="CSS", help="drop these elements first (replaces the story's)")
    p.add_argument("--clear", action="store_true", help="start from no selectors (then apply --select/--ignore)")
    p.add_argument("--store", action="store_true", help="keep the selectors on the story")
    format_option(p)
    p.set_defaults(func=cmd_select)


def _described(select: str | None, ignore: str | None) -> str:
    parts = [f"select {select!r}"] if select else []
    parts += [f"ignore {ignore!r}"] if ignore else []
    return ", ".join(parts) or "no selectors"


def cmd_select(args: argparse.Namespace) -> int:
    from tracker.fetch.select import check_selector
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    changing = args.select is not None or args.ignore is not None or args.clear
    with open_store(settings) as store:
        story = story_of(store, args.story)
        select = None if args.clear else story.select_css
        ignore = None if args.clear else story.ignore_css
        if args.select is not None:
            select = check_selector(args.select, "--select") if args.select else None
        if args.ignore is not None:
            ignore = check_selector(args.ignore, "--ignore") if args.ignore else None
        if not changing:
            return _print_current(story, args.format)
        reread = _reread(store, story, select, ignore) if story.latest_seq else None
        stored_seq = _store(store, story, select, ignore, reread) if args.store else None
        if reread is not None:
            reread = {k: v for k, v in reread.items() if not k.startswith("_")}
    if args.format == "json":
        dump_json(
            {
                "story": story.id,
                "select": select,
                "ignore": ignore,
                "stored": args.store,
                "stored_version": stored_seq if stored_seq != story.latest_seq else None,
                **(reread or {}),
            }
        )
        return 0
    if reread is None:
        print(f"story {story.id} has no stored page yet to read again")
    else:
        print(f"Version {reread['version']} of story {story.id} read with {_described(select, ignore)}:")
        print()
        print(reread["headline"])
        print()
        print(reread["text"])
        print()
        print(f"{reread['words_before']:,} -> {reread['words']:,} words; against the stored text: {reread['summary']}")
        if reread["warning"]:
            print(f"! {reread['warning']}")
    if args.store:
        kept = (
            f"stored version {stored_seq} (no alert: a correction is not news); "
            if stored_seq != story.latest_seq
            else ""
        )
        print(f"stored: {kept}story {story.id} is read with {_described(select, ignore)} from now on")
    else:
        print("Nothing was stored: add --store to keep these selectors.")
    return 0


def _print_current(story: StoryRow, fmt: str) -> int:
    if fmt == "json":
        dump_json({"story": story.id, "select": story.select_css, "ignore": story.ignore_css})
    else:
        print(f"story {story.id}: {_described(story.select_css, story.ignore_css)}")
    return 0


def _reread(store: Store, story: StoryRow, select: str | None, ignore: str | None) -> dict[str, Any]:
    """The latest stored page read with these selectors, and what that text changes."""
    from tracker.engine.compare import compare
    from tracker.errors import ExtractError
    from tracker.fetch.suspect import Previous, judge
    from tracker.fetch.workers import read_page
    from tracker.reports.phrases import summary
    from tracker.service.check import article_of

    version = store.get_version(story.id, story.latest_seq)
    html = store.get_html(story.id, story.latest_seq)
    try:
        page = read_page(html, version.final_url or story.url, None, None, select, ignore)
    except ExtractError as exc:
        raise UsageError(f"with {_described(select, ignore)}, version {version.seq}: {exc}") from None
    article = page.article
    assert article is not None  # no known hash was given, so the page was read
    old = article_of(version)
    verdict = judge(article, page.signals, Previous(old.words, old.paragraphs))
    return {
        "version": version.seq,
        "headline": article.headline,
        "text": article.text,
        "words_before": old.words,
        "words": article.words,
        "summary": summary(compare(old, article)) if article.text != old.text else "no change",
        "warning": f"against the stored text this reads as suspect: {verdict.reason}" if verdict else None,
        "_article": article,
        "_version": version,
        "_html": html,
    }


def _store(store: Store, story: StoryRow, select: str | None, ignore: str | None, reread: dict[str, Any] | None) -> int:
    """Keep the selectors and the re-read text as a version when it differs; returns the latest seq."""
    from storage.rows import Conflict, NewChange, NewVersion
    from tracker.engine.compare import compare
    from tracker.engine.text import fingerprint
    from tracker.reports.phrases import summary
    from tracker.reports.wire import to_wire
    from tracker.service.check import article_of

    version = change = None
    if reread is not None:
        article, old = reread["_article"], reread["_version"]
        content_hash = fingerprint(article)
        if content_hash != old.content_hash:
            report = compare(article_of(old), article)
            line = "read again with new selectors; " + summary(report)
            change = NewChange(json.loads(json.dumps(to_wire(report, line))), line)
            version = NewVersion(
                fetched_at=old.fetched_at,  # the same page, fetched then: only its reading changed
                content_hash=content_hash,
                headline=article.headline,
                byline=article.byline,
                published=article.published,
                modified=article.modified,
                text=article.text,
                html=reread["_html"],
                http_status=old.http_status,
                final_url=old.final_url,
            )
    result = store.store_reread(story.id, story.latest_seq, select, ignore, version, change)
    if isinstance(result, Conflict):
        raise UsageError(f"story {story.id} got a new version meanwhile: run `tracker select` again")
    return result
