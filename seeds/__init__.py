"""The sample developing stories: whole news pages, revision by revision, with what changed between them.

Each story lives in `seeds/<slug>/`: `r1.html ... rN.html` (every fetch of the page, boilerplate
and all) and `story.json` (its title, the URL path it is served at, the revision files in order,
and for each consecutive pair what a careful editor would report). `tracker.demo.server` serves
them; tests and the demo read them through `load_stories()`. This package never imports
`tracker`: it is data plus a loader.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True)
class SeedStory:
    """One sample story: where it is served and its revisions in order (r1 first)."""

    slug: str
    title: str
    path: str  # the URL path the seed server serves it at, e.g. /news/2026/11/17/<slug>
    revisions: tuple[Path, ...]
    # one entry per consecutive pair, in gold.json's conventions (see seeds/README.md)
    changes: tuple[dict[str, Any], ...] = field(default=(), hash=False)


def _load(folder: Path) -> SeedStory:
    meta_file = folder / "story.json"
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        revisions = tuple(folder / name for name in meta["revisions"])
        story = SeedStory(
            slug=meta["slug"],
            title=meta["title"],
            path=meta["path"],
            revisions=revisions,
            changes=tuple(meta.get("changes", ())),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{meta_file} is not a readable story.json ({exc}): see seeds/README.md") from exc
    missing = [p.name for p in revisions if not p.is_file()]
    if missing:
        raise ValueError(f"{meta_file} lists revisions that are not in {folder}: {', '.join(missing)}")
    if story.slug != folder.name:
        raise ValueError(f"{meta_file} says slug {story.slug!r} but lives in {folder.name!r}: make them the same")
    return story


def load_stories() -> tuple[SeedStory, ...]:
    """Every seed story, sorted by slug."""
    folders = sorted(p for p in ROOT.iterdir() if (p / "story.json").is_file())
    return tuple(_load(p) for p in folders)
