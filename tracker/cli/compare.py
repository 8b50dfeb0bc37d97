"""`tracker compare OLD NEW`: the change report between two files, no database involved."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "compare",
        help="compare two revisions of an article (.txt or .html files)",
        description="Print what changed between two revisions of an article: the headline, the figures "
        "that changed (old -> new, with what they count), statements added or removed (with "
        "their speakers) and the edited sentences. A .txt file holds the headline on its first line "
        "and paragraphs separated by blank lines; an .html file is a whole news page, from which the "
        "article is extracted first.",
    )
    p.add_argument("old", type=Path, help="the earlier revision (.txt or .html)")
    p.add_argument("new", type=Path, help="the later revision (.txt or .html)")
    p.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "markdown", "html"),
        default="text",
        help="output format (default: text; json is the stable contract for scripts)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tracker.engine.compare import compare
    from tracker.fetch.extract import article_from_file
    from tracker.reports.render import render

    old = article_from_file(args.old)
    new = article_from_file(args.new)
    report = compare(old, new)
    sys.stdout.write(render(report, args.format, title=new.headline or None))
    return 0
