"""Benchmark: the attribution stage's share of parse time.

Parses N real news articles with the bare spaCy model (``nlp.pipe``), then, in
the same run, times ``newsgraph.extract.attribution.attributions`` over the
parsed docs (entities are computed beforehand and not timed), and prints the
ratio attribution time / bare parse time. The target is under 0.15. The part of
the stage that reads who the sources are (roles and genders, ``_characterise``)
is timed again on its own over the stage's sources, and given as its own ratio
(the issue's bound for the stage with roles and gender: under 0.05).

Texts: PolNeAR's article texts (US political news, quote-heavy) and the plain
text articles of ``corpus/sample30``, round-robin.

    python benchmarks/bench_attribution.py --n 200 [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.evaluate.shared import shared_dir  # noqa: E402  (after the path is set)

SHARED = shared_dir()

T = TypeVar("T")


def texts(n: int) -> list[str]:
    polnear = sorted((SHARED / "eval-data" / "polnear" / "data").glob("*/text/*.txt"))
    sample = sorted((SHARED / "corpus" / "sample30").glob("*.txt"))
    pools = [p for p in (polnear, sample) if p]
    out: list[str] = []
    i = 0
    while len(out) < n and any(i < len(p) for p in pools):
        for pool in pools:
            if i < len(pool) and len(out) < n:
                out.append(pool[i].read_text(encoding="utf-8", errors="replace"))
        i += 1
    return out


def best_of(repeat: int, fn: Callable[[], T]) -> tuple[T, float]:
    best, result = float("inf"), None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return result, best  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each side; the fastest counts")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from newsgraph.extract.attribution.core import _characterise, attributions
    from newsgraph.extract.attribution.quotes import quote_spans
    from newsgraph.extract.entities.core import entities
    from newsgraph.nlp.pipeline import load_model

    corpus = texts(args.n)
    if not corpus:
        sys.exit("bench_attribution: no texts found under ../shared")
    nlp = load_model(args.model)
    docs, parse_s = best_of(args.repeat, lambda: list(nlp.pipe(corpus, batch_size=args.batch_size)))
    ents = [entities(doc) for doc in docs]
    results, attr_s = best_of(args.repeat, lambda: [attributions(d, e) for d, e in zip(docs, ents, strict=True)])
    texts_of = [d.text for d in docs]
    # the quotes' inner spans, as the stage passes them (found outside the timed part)
    quoted_of = [[(q.inner_start, q.inner_end) for q in quote_spans(t)] for t in texts_of]
    _, roles_s = best_of(args.repeat, lambda: [_characterise(d, s, e, t, q) for d, (s, _), e, t, q
                                               in zip(docs, results, ents, texts_of, quoted_of, strict=True)])
    result = {
        "articles": len(corpus),
        "words": sum(len(t.split()) for t in corpus),
        "attributions": sum(len(a) for _, a in results),
        "sources": sum(len(s) for s, _ in results),
        "parse_seconds": round(parse_s, 3),
        "attribution_seconds": round(attr_s, 3),
        "ratio": round(attr_s / parse_s, 4) if parse_s else None,
        "roles_gender_seconds": round(roles_s, 3),
        "roles_gender_ratio": round(roles_s / parse_s, 4) if parse_s else None,
        "roles": sum(1 for s, _ in results for x in s if x.role),
        "genders": sum(1 for s, _ in results for x in s if x.gender),
        "machine": f"{platform.machine()} {platform.python_version()}",
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>20}: {value}")


if __name__ == "__main__":
    main()
