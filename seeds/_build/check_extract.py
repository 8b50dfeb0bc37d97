import sys, json
from pathlib import Path
sys.path.insert(0, "/tmp/seedgen")
from build import STORIES
from common import straight
from tracker.fetch.extract import article_from_html
from tracker.engine.text import normalise
out = Path(sys.argv[1])
bad = 0
for story, _ in STORIES:
    for n, rev in enumerate(story.revs, 1):
        art = article_from_html((out / story.slug / f"r{n}.html").read_bytes())
        want = [normalise(straight(p)) for p in rev.paras]
        got = [normalise(straight(p)) for p in art.paragraphs]
        hl = normalise(straight(rev.headline)) == normalise(straight(art.headline))
        if want != got or not hl:
            bad += 1
            print(f"== {story.slug} r{n} headline_ok={hl} want {len(want)} got {len(got)}")
            for p in got:
                if p not in want: print("  EXTRA:", p[:120])
            for p in want:
                if p not in got: print("  MISSING:", p[:120])
print("mismatches:", bad)
