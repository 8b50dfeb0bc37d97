"""`tracker try URL`: preview what tracking a page would store, storing nothing.

No database is opened (none is created): only the settings are read, for the fetch limits
and `allow_private_networks`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tracker.cli.common import SubParsers, common_options, dump_json, format_option, settings_of

if TYPE_CHECKING:
    from tracker.fetch.preview import Preview

FIRST_PARAGRAPHS = 3
CLIP = 160


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "try",
        parents=[common_options()],
        help="preview a page: what tracking it would read, storing nothing",
        description="Fetch a page once, as a first check would (same guard, limits and suspect-page "
        "rules), and print its headline, byline, dates, word count, first paragraphs, the figures "
        "and statements tracker reads, and any warning. Stores nothing; needs no database.",
    )
    p.add_argument("url", metavar="URL")
    p.add_argument("--select", metavar="CSS", help="read only these elements (the article's container)")
    p.add_argument("--ignore", metavar="CSS", help="drop these elements first (a comments box, a live ticker)")
    format_option(p)
    p.set_defaults(func=cmd_try)


def cmd_try(args: argparse.Namespace) -> int:
    from tracker.fetch.client import Fetcher
    from tracker.fetch.preview import preview
    from tracker.fetch.select import check_selector
    from tracker.fetch.urls import normalise_url

    settings = settings_of(args)
    url = normalise_url(args.url)
    select = check_selector(args.select, "--select") if args.select else None
    ignore = check_selector(args.ignore, "--ignore") if args.ignore else None
    with Fetcher(settings) as fetcher:
        seen = preview(fetcher, url, select, ignore)
    if args.format == "json":
        dump_json(_as_json(seen))
    else:
        sys.stdout.write(_as_text(seen))
    return 0 if seen.article is not None else 1


def _as_json(seen: Preview) -> dict[str, Any]:
    a = seen.article
    return {
        "url": seen.url,
        "final_url": seen.final_url,
        "http_status": seen.http_status,
        "content_type": seen.content_type,
        "page_bytes": seen.page_bytes,
        "headline": a.headline if a else None,
        "byline": a.byline if a else None,
        "published": a.published if a else None,
        "modified": a.modified if a else None,
        "words": a.words if a else 0,
        "paragraphs": list(a.paragraphs) if a else [],
        "figures": [
            {"label": f.label, "text": f.text, "value": f.value, "unit": f.unit, "sentence": f.sentence}
            for f in seen.figures
        ],
        "statements": [{"speaker": s.speaker, "kind": s.kind, "text": s.text} for s in seen.statements],
        "warnings": list(seen.warnings),
        "stored": False,
    }


def _clip(text: str) -> str:
    return text if len(text) <= CLIP else text[: CLIP - 1].rstrip() + "…"


def _as_text(seen: Preview) -> str:
    a = seen.article
    lines: list[str] = []
    if a is not None:
        lines.append(a.headline or "(no headline)")
        meta = [f"by {a.byline}"] if a.byline else []
        meta += [f"published {a.published}"] if a.published else []
        meta += [f"modified {a.modified}"] if a.modified else []
        lines.append(" · ".join(meta) if meta else "no byline or dates found")
    lines.append(
        f"{a.words if a else 0:,} words, {len(a.paragraphs) if a else 0} paragraphs · HTTP {seen.http_status}, "
        f"{seen.page_bytes / 1024:,.0f} KB · {seen.final_url}"
    )
    if a is not None and a.paragraphs:
        lines.append("")
        lines += [f"  {_clip(p)}" for p in a.paragraphs[:FIRST_PARAGRAPHS]]
        if len(a.paragraphs) > FIRST_PARAGRAPHS:
            lines.append(f"  (… {len(a.paragraphs) - FIRST_PARAGRAPHS} more paragraphs)")
    if seen.figures:
        lines += ["", f"Figures ({len(seen.figures)})"]
        lines += [f"  {f.label or '(no label)'}: {f.text}" for f in seen.figures]
    if seen.statements:
        lines += ["", f"Statements ({len(seen.statements)})"]
        lines += [f"  {s.speaker or '(unattributed)'}: {_clip(s.text)}" for s in seen.statements]
    if seen.warnings:
        lines += ["", "Warnings"]
        lines += [f"  ! {w}" for w in seen.warnings]
    lines += ["", "Nothing was stored."]
    return "\n".join(lines) + "\n"
