"""Speed of the time stage.

Two measurements, both on the TimeML corpora in ``../shared/eval-data/timeml``:

1. **normalisation**: every gold TIMEX3 text normalised against its document's
   creation date, by newsgraph's rule normaliser and by ``dateparser`` (installed
   for this comparison only; never used by newsgraph). Reports expressions per
   second and the ratio (target: at least 10x).
2. **in the pipeline**: the documents parsed by bare ``nlp.pipe``, then the time
   stage run on those docs, in the same run; reports (bare + time stage) / bare.

Usage: PYTHONPATH=src python benchmarks/bench_timex.py [--limit N] [--repeat R] [--docs D]
"""

from __future__ import annotations

import argparse
import contextlib
import time
from datetime import date, datetime

from newsgraph.evaluate.shared import shared_dir
from newsgraph.evaluate.timeml import iter_corpus
from newsgraph.extract.time.context import Context
from newsgraph.extract.time.normalize import resolve

DATA = shared_dir() / "eval-data" / "timeml"


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
    start = time.process_time()
    for _ in range(repeat):
        for text, anchor in items:
            resolve(text, Context(anchor=anchor))
    return time.process_time() - start


def bench_dateparser(items: list[tuple[str, date]], repeat: int) -> float:
    import dateparser

    parser_settings = [
        {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day), "PREFER_DATES_FROM": "past"}
        for _, anchor in items
    ]
    dateparser.parse("today")  # load its language data outside the timing
    start = time.process_time()
    for _ in range(repeat):
        for (text, _), settings in zip(items, parser_settings, strict=True):
            with contextlib.suppress(Exception):  # a baseline that raises still spent the time
                dateparser.parse(text, languages=["en"], settings=settings)
    return time.process_time() - start


def bench_pipeline(n_docs: int) -> tuple[float, float]:
    """CPU seconds of the bare ``nlp.pipe`` parse and of the time stage on those parsed docs.

    CPU time (``process_time``) rather than wall time: the machine is shared, and
    the ratio is what carries over. The time stage is timed on the already parsed
    docs, so the ratio (bare + time stage) / bare is what adding it to the pipeline costs.
    """
    from newsgraph.extract.time.core import time_expressions
    from newsgraph.nlp.pipeline import load_model

    texts = [(d.text, d.dct) for d in iter_corpus(DATA / "TBAQ-cleaned")][:n_docs]
    nlp = load_model()
    list(nlp.pipe([t for t, _ in texts[:3]]))  # warm up
    start = time.process_time()
    docs = list(nlp.pipe([t for t, _ in texts], batch_size=16))
    bare_seconds = time.process_time() - start
    start = time.process_time()
    for doc, (_, dct) in zip(docs, texts, strict=True):
        time_expressions(doc, dct)
    return bare_seconds, time.process_time() - start


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
        bare, stage = bench_pipeline(args.docs)
        print(f"pipeline on {args.docs} TimeML documents (CPU): bare nlp.pipe {bare:.2f}s, "
              f"time stage {stage:.2f}s, (bare + time stage) / bare = {(bare + stage) / bare:.2f}")


if __name__ == "__main__":
    main()
