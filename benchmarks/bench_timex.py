"""Speed of the time stage.

Two measurements, both on the TimeML corpora in ``../shared/eval-data/timeml``:

1. **normalisation**: every gold TIMEX3 text normalised against its document's
   creation date, by newsgraph's rule normaliser and by ``dateparser`` (installed
   for this comparison only; never used by newsgraph). Reports expressions per
   second and the ratio (target: at least 10x).
2. **in the pipeline**: the documents parsed by bare ``nlp.pipe`` and by the same
   model plus the ``newsgraph_times`` component, in the same run; reports the
   time stage's cost as a ratio to the bare parse.

Usage: PYTHONPATH=src python benchmarks/bench_timex.py [--limit N] [--repeat R] [--docs D]
"""

from __future__ import annotations

import argparse
import contextlib
import time
from datetime import date, datetime
from pathlib import Path

from newsgraph.evaluate.timeml import iter_corpus
from newsgraph.extract._timex_normalize import Context, resolve

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data" / "timeml"


def expressions(limit: int | None) -> list[tuple[str, date]]:
    """(gold timex text, creation date) pairs, in corpus order."""
    out: list[tuple[str, date]] = []
    for doc in iter_corpus(DATA):
        if not doc.dct:
            continue
        anchor = date.fromisoformat(doc.dct)
        out.extend((t.text, anchor) for t in doc.timexes)
        if limit and len(out) >= limit:
            return out[:limit]
    return out


def bench_ours(items: list[tuple[str, date]], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for text, anchor in items:
            resolve(text, Context(anchor=anchor))
    return time.perf_counter() - start


def bench_dateparser(items: list[tuple[str, date]], repeat: int) -> float:
    import dateparser

    parser_settings = [
        {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day), "PREFER_DATES_FROM": "past"}
        for _, anchor in items
    ]
    dateparser.parse("today")  # load its language data outside the timing
    start = time.perf_counter()
    for _ in range(repeat):
        for (text, _), settings in zip(items, parser_settings, strict=True):
            with contextlib.suppress(Exception):  # a baseline that raises still spent the time
                dateparser.parse(text, languages=["en"], settings=settings)
    return time.perf_counter() - start


def bench_pipeline(n_docs: int) -> tuple[float, float]:
    """Seconds for bare ``nlp.pipe`` and for the model plus the time component, same texts."""
    from newsgraph.nlp import extensions as ext
    from newsgraph.nlp.pipeline import load, load_model

    texts = [(d.text, d.dct) for d in iter_corpus(DATA / "TBAQ-cleaned")][:n_docs]
    bare = load_model()
    timed = load(components=("newsgraph_times",))
    list(bare.pipe([t for t, _ in texts[:3]]))  # warm up
    start = time.perf_counter()
    for _ in bare.pipe([t for t, _ in texts], batch_size=16):
        pass
    bare_seconds = time.perf_counter() - start

    def docs():
        for text, dct in texts:
            doc = timed.make_doc(text)
            setattr(doc._, ext.PUBLISHED, dct)
            yield doc

    start = time.perf_counter()
    for _ in timed.pipe(docs(), batch_size=16):
        pass
    return bare_seconds, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="at most this many expressions")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the expressions for our normaliser")
    parser.add_argument("--docs", type=int, default=60, help="TimeML documents for the pipeline measurement")
    args = parser.parse_args()

    items = expressions(args.limit)
    ours = bench_ours(items, args.repeat) / args.repeat
    theirs = bench_dateparser(items, 1)
    print(f"expressions: {len(items)}")
    print(f"newsgraph normaliser: {len(items) / ours:,.0f} expressions/s")
    print(f"dateparser:           {len(items) / theirs:,.0f} expressions/s")
    print(f"speed-up: {theirs / ours:.1f}x")
    if args.docs:
        bare, timed = bench_pipeline(args.docs)
        print(f"pipeline on {args.docs} TimeML documents: bare nlp.pipe {bare:.2f}s, "
              f"with newsgraph_times {timed:.2f}s, ratio {timed / bare:.2f}")


if __name__ == "__main__":
    main()
