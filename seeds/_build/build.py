"""Render the seed stories into OUT/<slug>/rN.html + story.json and check them against their own gold."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import story_dam
import story_hikers
import story_rail
import story_ransom
import tpl_cnn
import tpl_wire
import tpl_wp
from common import straight

STORIES = [
    (story_dam.STORY, tpl_wp.render),
    (story_rail.STORY, tpl_cnn.render),
    (story_hikers.STORY, tpl_wire.render),
    (story_ransom.STORY, tpl_cnn.render),
]


def norm(s: str) -> str:
    return straight(s).lower()


def main(out: Path) -> None:
    problems: list[str] = []
    for story, render in STORIES:
        d = out / story.slug
        d.mkdir(parents=True, exist_ok=True)
        names = []
        for n in range(1, len(story.revs) + 1):
            page = render(story, n)
            name = f"r{n}.html"
            (d / name).write_text(page, encoding="utf-8")
            names.append(name)
            size = len(page.encode())
            if not 15_000 <= size <= 60_000:
                problems.append(f"{story.slug} {name}: {size} bytes")
        meta = {"slug": story.slug, "title": story.title, "path": story.path, "revisions": names,
                "changes": story.changes}
        (d / "story.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        # self-checks on the gold
        if len(story.changes) != len(story.revs) - 1:
            problems.append(f"{story.slug}: {len(story.changes)} changes for {len(story.revs)} revisions")
        for c in story.changes:
            old, new = story.revs[c["from"] - 1], story.revs[c["to"] - 1]
            old_text = norm(" ".join([old.headline, *old.paras]))
            new_text = norm(" ".join([new.headline, *new.paras]))
            same = old.headline == new.headline and old.paras == new.paras
            if c["noise_only"] != same:
                problems.append(f"{story.slug} {c['from']}->{c['to']}: noise_only={c['noise_only']} but same={same}")
            if c["headline_changed"] != (old.headline != new.headline):
                problems.append(f"{story.slug} {c['from']}->{c['to']}: headline_changed wrong")
            for s in c["statements_added"]:
                q = norm(s["quote"])
                if q not in new_text or q in old_text:
                    problems.append(f"{story.slug} {c['from']}->{c['to']}: added {s['quote']!r} in new={q in new_text} old={q in old_text}")
            for s in c["statements_removed"]:
                q = norm(s["quote"])
                if q not in old_text or q in new_text:
                    problems.append(f"{story.slug} {c['from']}->{c['to']}: removed {s['quote']!r} in old={q in old_text} new={q in new_text}")
            for f in c["figures"]:
                for a in f["about"]:
                    pass
        print(f"{story.slug}: {len(names)} revisions")
    for p in problems:
        print("PROBLEM", p)
    if problems:
        sys.exit(1)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
