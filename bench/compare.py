"""How fast is the diff engine? Prints median times; asserts nothing.

  python bench/compare.py [--rounds N]
  python bench/compare.py --scaling [--sizes 1000,2000,...]


1. in-process `compare()` of consecutive seed revisions (articles extracted once, caches
   cleared before every compare, so each is a cold compare);
2. in-process `compare()` of a 1,000-word revision pair (the first 1,000 words of a seed
   story's last two revisions);
3. the whole `tracker compare OLD.txt NEW.txt --format json` process, start-up included.

Targets from the issue: <= 10 ms in-process for a 1,000-word pair on one core, <= 150 ms
for the whole command on a .txt pair.

With --scaling, instead: in-process `compare()` (caches cleared) of the generated long and
dense pairs of bench/dense.py (a rewrite, dense figures, dense numbers in one sentence,
dense quotes) at 1k to 50k words, and the growth exponent between consecutive sizes,
log(t2/t1) / log(n2/n1): 1 is linear, n log n a little over 1 (1.1 from 20k to 50k), 2
quadratic. Target: no worse than n log n, a 20,000-word rewrite under 1 s.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.dense import GENERATORS  # noqa: E402
from seeds import load_stories  # noqa: E402
from tracker.engine.compare import compare  # noqa: E402
from tracker.engine.memo import clear_caches  # noqa: E402
from tracker.engine.model import Article  # noqa: E402
from tracker.fetch.extract import article_from_html  # noqa: E402


def timed(fn, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(rounds):
        clear_caches()
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def truncate(article: Article, words: int) -> Article:
    kept: list[str] = []
    count = 0
    for p in article.paragraphs:
        if count >= words:
            break
        kept.append(p)
        count += len(p.split())
    return Article(article.headline, tuple(kept))


def as_txt(article: Article, path: Path) -> None:
    path.write_text(article.headline + "\n\n" + "\n\n".join(article.paragraphs) + "\n", encoding="utf-8")


def scaling(sizes: list[int]) -> None:
    """Compare time against size for each generated kind of long or dense pair."""
    print("in-process compare(), caches cleared before each; CPU time of this process (other processes")
    print("on the machine inflate wall time, not this); best of 3 up to 5,000 words, else best of 2")
    print(f"{'input':<15} {'words':>7} {'time':>10} {'growth':>7}")
    for name, make in GENERATORS.items():
        previous: tuple[int, float] | None = None
        for size in sizes:
            old, new = make(size)
            runs = []
            for _ in range(3 if size <= 5000 else 2):
                clear_caches()
                t0 = time.process_time()
                compare(old, new)
                runs.append(time.process_time() - t0)
            t = min(runs)
            growth = ""
            if previous is not None:
                growth = f"{math.log(t / previous[1]) / math.log(old.words / previous[0]):.2f}"
            print(f"{name:<15} {old.words:>7,} {t * 1000:>8.0f} ms {growth:>7}", flush=True)
            previous = (old.words, t)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--scaling", action="store_true", help="time long and dense generated pairs instead")
    ap.add_argument("--sizes", default="1000,2000,5000,10000,20000,50000", help="article sizes in words")
    args = ap.parse_args()
    if args.scaling:
        scaling([int(n) for n in args.sizes.split(",")])
        return 0

    stories = load_stories()
    revisions = [[article_from_html(p.read_bytes()) for p in s.revisions] for s in stories]
    pair_times: list[float] = []
    for arts in revisions:
        for old, new in itertools.pairwise(arts):
            pair_times.extend(timed(lambda o=old, n=new: compare(o, n), max(3, args.rounds // 5)))
    words = [a.words for arts in revisions for a in arts]
    print(f"seed revisions: {sum(len(a) - 1 for a in revisions)} consecutive pairs, {min(words)}-{max(words)} words")
    print(
        f"  compare() median {statistics.median(pair_times):.2f} ms, p90 "
        f"{sorted(pair_times)[int(len(pair_times) * 0.9)]:.2f} ms (in-process, cold caches)"
    )

    longest = max(revisions, key=lambda arts: arts[-1].words)
    old, new = truncate(longest[-2], 1000), truncate(longest[-1], 1000)
    # pad to a full 1,000 words with the story's earlier revisions' paragraphs if short
    if old.words < 1000:
        extra = tuple(p for arts in revisions for p in arts[0].paragraphs)
        old = truncate(Article(old.headline, old.paragraphs + extra), 1000)
        new = truncate(Article(new.headline, new.paragraphs + extra), 1000)
    t = timed(lambda: compare(old, new), args.rounds)
    print(f"1,000-word pair ({old.words} -> {new.words} words): compare() median {statistics.median(t):.2f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "old.txt"), Path(tmp, "new.txt")
        as_txt(old, a)
        as_txt(new, b)
        exe = Path(sys.executable).with_name("tracker")
        cmd = [
            str(exe) if exe.exists() else sys.executable,
            *([] if exe.exists() else ["-m", "tracker"]),
            "compare",
            str(a),
            str(b),
            "--format",
            "json",
        ]
        runs = []
        for _ in range(max(5, args.rounds // 3)):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env={**os.environ})
            runs.append((time.perf_counter() - t0) * 1000)
        print(f"`tracker compare` on the .txt pair, whole process: median {statistics.median(runs):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
