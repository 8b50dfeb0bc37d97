"""Helpers shared by the commands: options every command takes, naming a story, output."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from tracker.config import Settings, load_settings
from tracker.errors import StoryNotFound

if TYPE_CHECKING:
    from storage import Store
    from storage.rows import StoryRow

SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def common_options(parent: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """Options every command that touches the database takes, after its name; `tracker`
    itself takes them too, before the command (`tracker --db URL list`). After the command
    they default to SUPPRESS, so that leaving them out there keeps what was given before."""
    top = parent is not None
    parser = parent or argparse.ArgumentParser(add_help=False)
    absent: dict[str, Any] = {} if top else {"default": argparse.SUPPRESS}
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: TRACKER_DATABASE_URL, "
        "else SQLite in the user's data directory); e.g. sqlite:///tracker.db or "
        "postgresql://user@host/dbname",
        **absent,
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="config file (default: TRACKER_CONFIG, else config.toml in the user's config directory)",
        **absent,
    )
    parser.add_argument(
        "-v", "--verbose", action="count", help="say more (-vv: debug)", **({"default": 0} if top else absent)
    )
    return parser


def tag_option(parser: argparse.ArgumentParser, help: str) -> None:
    """`--tag X`, repeatable; the values are checked with tracker.tags.normalise_tags."""
    parser.add_argument("--tag", action="append", default=[], metavar="TAG", help=help)


def format_option(parser: argparse.ArgumentParser, choices: Sequence[str] = ("text", "json")) -> None:
    parser.add_argument(
        "--format",
        "-f",
        choices=choices,
        default=choices[0],
        help=f"output format (default: {choices[0]}; json is stable for scripts)",
    )


def settings_of(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    if getattr(args, "db", None):
        overrides["database_url"] = args.db
    settings = load_settings(config_file=getattr(args, "config", None), **overrides)
    level = logging.DEBUG if getattr(args, "verbose", 0) >= 2 else logging.INFO if getattr(args, "verbose", 0) else None
    setup_logging(settings, level)
    return settings


def setup_logging(settings: Settings, level: int | None = None) -> None:
    from tracker.logs import configure

    configure(settings, level)


def story_of(store: Store, ref: str) -> StoryRow:
    """A story named by its id or its URL."""
    from storage.errors import NotFound

    if ref.isdigit():
        try:
            return store.get_story(int(ref))
        except NotFound:
            raise StoryNotFound(ref) from None
    from tracker.fetch.urls import normalise_url

    found = store.find_story(normalise_url(ref))
    if found is None:
        raise StoryNotFound(ref)
    return found


def dump_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def when(value: datetime | None, now: datetime | None = None) -> str:
    """A time as a reader wants it in a table: '2026-11-24 10:32' (UTC), '—' for none."""
    if value is None:
        return "—"
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    """Plain aligned columns; the last column is never padded (it is usually a URL)."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row[:-1]):
            widths[i] = max(widths[i], len(cell))
    lines = []
    for row in [list(headers), *[list(r) for r in rows]]:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
