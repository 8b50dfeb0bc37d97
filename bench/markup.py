"""What the hostile-markup guard (tracker/fetch/markup.py) costs a normal page.

  python bench/markup.py [--rounds 200]

Times, on bench/pagesrv.py's generated ~100 KB pages (with about 250 numeric character
references such as `&#8217;` written in, as real pages have them), the two
steps every extraction now runs, `clean_references` on the text and `reached_depth_limit`
on the parsed tree, beside the whole `article_from_html`. With ../shared/eval/pages/html
present it does the same over those real pages. Prints medians in milliseconds.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pagesrv import Pages  # noqa: E402

from tracker.fetch.extract import article_from_html, load_tree  # noqa: E402
from tracker.fetch.markup import clean_references, reached_depth_limit  # noqa: E402

REAL_PAGES = ROOT.parent / "shared" / "eval" / "pages" / "html"


def _median_ms(fn: object, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(texts: list[str], rounds: int) -> tuple[float, float, float]:
    clean = statistics.median(_median_ms(lambda t=t: clean_references(t), rounds) for t in texts)
    trees = [load_tree(t) for t in texts]
    depth = statistics.median(_median_ms(lambda tr=tr: reached_depth_limit(tr), rounds) for tr in trees)
    whole = statistics.median(_median_ms(lambda t=t: article_from_html(t), max(5, rounds // 20)) for t in texts)
    return clean, depth, whole


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    pages = Pages(10, 0.0)
    texts = []
    for i in range(10):
        text = pages.body(i).decode()
        texts.append(text.replace("homes", "home&#8217;s"))  # ~250 references, as real pages have
    size = statistics.median(len(t) for t in texts) / 1000
    clean, depth, whole = measure(texts, args.rounds)
    print(f"generated pages ({size:.0f} KB): clean_references {clean:.3f} ms, reached_depth_limit {depth:.3f} ms,")
    print(f"  whole article_from_html {whole:.1f} ms: the guard is {(clean + depth) / whole:.1%} of extraction")
    if REAL_PAGES.is_dir():
        real = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in sorted(REAL_PAGES.glob("*.gz"))]
        real = [t for t in real if len(t) > 50_000][:40]
        size = statistics.median(len(t) for t in real) / 1000
        clean, depth, whole = measure(real, max(5, args.rounds // 10))
        print(f"{len(real)} real pages over 50 KB (median {size:.0f} KB): clean_references {clean:.3f} ms, ")
        print(f"  reached_depth_limit {depth:.3f} ms, whole {whole:.1f} ms: {(clean + depth) / whole:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
