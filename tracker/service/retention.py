"""The `raw_retention` setting at work in `tracker run`: an hourly job drops raw pages past it.

Only the dropping runs in the service (one UPDATE, quick); giving the space back is
`tracker db vacuum`'s, since VACUUM holds SQLite's whole database while it rewrites it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage import Store
    from storage.retention import Dropped

log = logging.getLogger(__name__)
EVERY = 3600.0


def drop_old_pages(store: Store, retention: float, now: datetime) -> Dropped | None:
    """Drop raw pages older than `retention` seconds (None when retention is off)."""
    if retention <= 0:
        return None
    dropped = store.drop_raw_pages(now - timedelta(seconds=retention))
    if dropped.raw_pages or dropped.suspect_pages:
        log.info(
            "retention: dropped %d raw page(s) and %d suspect page(s), %d KB; `tracker db vacuum` gives the space back",
            dropped.raw_pages,
            dropped.suspect_pages,
            (dropped.raw_bytes + dropped.suspect_bytes) // 1024,
        )
    return dropped
