"""What a tag is: a short label such as `gaza`, `live` or `us-election`, kept lower-case.

One rule for every place a tag comes in (`add --tag`, `tag STORY +x -y`, `feed add --tag`,
`alerts add --tag`, `list --tag`, an import), so that `Gaza` typed on one and `gaza` on
another are the same tag. `+` and `-` cannot start one: `tracker tag` reads them as add
and remove.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tracker.errors import UsageError

MAX_LENGTH = 64
_TAG = re.compile(r"[^\W_][\w.:/-]*")


def normalise_tag(raw: str) -> str:
    tag = raw.strip().lower()
    if not tag or len(tag) > MAX_LENGTH or not _TAG.fullmatch(tag):
        raise UsageError(
            f"{raw!r} is not a tag: use letters, digits and - _ . : / (starting with a letter or digit), "
            f"at most {MAX_LENGTH} characters"
        )
    return tag


def normalise_tags(raw: Iterable[str]) -> tuple[str, ...]:
    """Sorted and without repeats."""
    return tuple(sorted({normalise_tag(t) for t in raw}))


def parse_changes(changes: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`+x -y z` -> (to add, to remove): `+x` and a bare `z` add, `-y` removes."""
    add: list[str] = []
    remove: list[str] = []
    for change in changes:
        if change.startswith("--"):
            raise UsageError(f"{change}: options go before STORY (`tracker tag --db URL 3 +live`)")
        if change.startswith("-"):
            remove.append(normalise_tag(change[1:]))
        else:
            add.append(normalise_tag(change.removeprefix("+")))
    if not add and not remove:
        raise UsageError("say which tags to add (+x) or remove (-x)")
    both = set(add) & set(remove)
    if both:
        raise UsageError(f"tag {sorted(both)[0]!r} is both added and removed")
    return tuple(sorted(set(add))), tuple(sorted(set(remove)))
