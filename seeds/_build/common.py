"""Shared helpers for the seed page generator (not part of the project tree)."""

from __future__ import annotations

import hashlib
import html
import json
import random
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Rev:
    when: str  # ISO with offset
    headline: str
    paras: list[str]  # paragraph texts (already resolved)
    note_keys: set[int] = field(default_factory=set)  # indexes of editor-note paragraphs
    ticker_extra: list[str] = field(default_factory=list)
    most_read_extra: list[str] = field(default_factory=list)
    related_extra: list[str] = field(default_factory=list)


def revisions(
    when: dict[int, str],
    head: dict[int, str],
    paras: dict[str, str],
    order: dict[int, list[str]],
    ticker: dict[int, list[str]],
    most: dict[int, list[str]],
    related: dict[int, list[str]],
) -> list[Rev]:
    """Revisions 1..n of a story from its tables: paragraph keys per revision, "note" marking
    the editor's note."""
    return [
        Rev(when=when[n], headline=head[n], paras=[paras[k] for k in order[n]],
            note_keys={i for i, k in enumerate(order[n]) if k == "note"},
            ticker_extra=ticker[n], most_read_extra=most[n], related_extra=related[n])
        for n in sorted(order)
    ]


@dataclass
class Story:
    slug: str
    title: str
    date_path: str  # 2026/11/17
    published: str
    byline: list[str]
    section: str
    tags: list[str]
    image_alt: str
    caption: str
    revs: list[Rev]
    changes: list[dict]
    note_position: str = "top"  # editor note placement is part of paras already

    @property
    def path(self) -> str:
        return f"/news/{self.date_path}/{self.slug}"


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


NUMERIC = {"‘": "&#8216;", "’": "&#8217;", "“": "&#8220;", "”": "&#8221;", "—": "&#8212;", "–": "&#8211;", "…": "&#8230;"}


def wp_text(text: str) -> str:
    out = esc(text)
    for ch, ent in NUMERIC.items():
        out = out.replace(ch, ent)
    return out


def straight(text: str) -> str:
    return text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")


def rng_for(*parts: object) -> random.Random:
    return random.Random(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest())


def hexid(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def parse(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def ampm(dt: datetime, style: str) -> str:
    h = dt.hour % 12 or 12
    if style == "ap":  # 6:42 a.m.
        suffix = "a.m." if dt.hour < 12 else "p.m."
        return f"{h}:{dt.minute:02d} {suffix}"
    suffix = "AM" if dt.hour < 12 else "PM"
    return f"{h}:{dt.minute:02d} {suffix}"


AP_MONTHS = {1: "Jan.", 2: "Feb.", 3: "March", 4: "April", 5: "May", 6: "June", 7: "July", 8: "Aug.", 9: "Sept.",
             10: "Oct.", 11: "Nov.", 12: "Dec."}


def ap_date(dt: datetime) -> str:
    return f"{AP_MONTHS[dt.month]} {dt.day}, {dt.year}"


def css(site: str, classes: list[str], n: int) -> str:
    """A deterministic blob of site CSS (constant per site, like a real theme)."""
    rng = rng_for("css", site)
    props = [
        "margin:0", "margin:0 auto", "margin:0 0 1rem", "padding:0", "padding:.5rem 1rem", "padding:12px 16px",
        "display:flex", "display:none", "display:block", "display:grid", "gap:8px", "gap:1rem", "font-size:13px",
        "font-size:.875rem", "font-size:1.25rem", "font-weight:700", "font-weight:400", "line-height:1.3",
        "line-height:1.6", "color:#111", "color:#595959", "color:#fff", "background-color:#f4f4f4",
        "background-color:transparent", "border-bottom:1px solid #e6e6e6", "border-radius:4px",
        "text-transform:uppercase", "letter-spacing:.02em", "position:relative", "position:sticky",
        "max-width:780px", "max-width:1160px", "transition:opacity .3s ease-in-out",
    ]
    rules = []
    for _ in range(n):
        cls = rng.choice(classes)
        mod = rng.choice(["", "__inner", "__title", "__link", "__item", "--compact", "--active", ":hover"])
        body = ";".join(rng.sample(props, rng.randint(2, 5)))
        rules.append(f".{cls}{mod}{{{body}}}")
    return "".join(rules)


def article_body_text(rev: Rev) -> str:
    return " ".join(p for i, p in enumerate(rev.paras) if i not in rev.note_keys)


def dump_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def pick(rng: random.Random, pool: list[str], k: int) -> list[str]:
    return rng.sample(pool, k)
