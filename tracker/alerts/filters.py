"""Which changes a subscription wants: pure matching of a change report against a filter.

A filter names the kinds of change that matter (`figures`, `statements`, `headline`,
`text` for any edit, `removed` for an article taken down), optional keywords (any of
them in the changed material: figure labels and sentences, statements, the headline),
and a minimum relative change for figures (0.05: only figures that moved by 5% or more).
Stories are chosen by id, by tag (any of the tags, as the story has them when its event
is fanned out), or both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tracker.engine.model import ChangeReport
from tracker.errors import AlertError

KINDS = ("figures", "statements", "headline", "text", "removed")
DEFAULT_KINDS = ("figures", "statements", "headline", "removed")


@dataclass(frozen=True, slots=True)
class Filter:
    kinds: tuple[str, ...] = DEFAULT_KINDS
    keywords: tuple[str, ...] = ()
    min_change: float = 0.0
    stories: tuple[int, ...] = field(default=())  # empty: every story
    tags: tuple[str, ...] = field(default=())  # empty: any tags or none

    def __post_init__(self) -> None:
        unknown = [k for k in self.kinds if k not in KINDS]
        if unknown or not self.kinds:
            raise AlertError(f"unknown change kind(s) {', '.join(unknown) or '(none)'}: choose from {', '.join(KINDS)}")
        if not 0 <= self.min_change < 100:
            raise AlertError(f"--min-change {self.min_change} must be a fraction like 0.05 (5%)")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kinds": list(self.kinds),
            "keywords": list(self.keywords),
            "min_change": self.min_change,
            "stories": list(self.stories),
            "tags": list(self.tags),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Filter:
        return cls(
            kinds=tuple(data.get("kinds") or DEFAULT_KINDS),
            keywords=tuple(data.get("keywords") or ()),
            min_change=float(data.get("min_change") or 0.0),
            stories=tuple(data.get("stories") or ()),
            tags=tuple(data.get("tags") or ()),  # subscriptions stored before tags have none
        )


def wants(
    flt: Filter, event_kind: str, story_id: int, report: ChangeReport | None, story_tags: tuple[str, ...] = ()
) -> bool:
    """Does this subscription want to hear about this event (of a story with these tags)?"""
    if flt.stories and story_id not in flt.stories:
        return False
    if flt.tags and not set(flt.tags) & set(story_tags):
        return False
    if event_kind == "removed":
        return "removed" in flt.kinds
    if event_kind != "changed" or report is None:
        return False  # first versions and restorations are not news in themselves
    matched = _matching_parts(flt, report)
    if not matched:
        return False
    if not flt.keywords:
        return True
    hay = " ".join(matched).lower()
    return any(re.search(rf"\b{re.escape(k.lower())}", hay) for k in flt.keywords)


def _matching_parts(flt: Filter, report: ChangeReport) -> list[str]:
    parts: list[str] = []
    if "figures" in flt.kinds:
        for c in report.changed_figures:
            if flt.min_change and c.ratio is not None and abs(c.ratio) < flt.min_change:
                continue
            parts.append(f"{c.label} {c.new.sentence if c.new else ''}")
    if "statements" in flt.kinds:
        parts += [f"{s.speaker or ''} {s.text}" for s in (*report.statements_added, *report.statements_removed)]
    if "headline" in flt.kinds and report.headline is not None:
        parts.append(f"{report.headline.old} {report.headline.new}")
    if "text" in flt.kinds:
        parts += [" ".join((*s.old, *s.new)) for s in report.sentences if s.kind != "moved"]
    return parts
