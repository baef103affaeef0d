"""Benchmark: ``Reader.read_many`` against the bare spaCy parse of the same texts.

Takes N real articles round-robin from the plain-text corpora in
``../shared/corpus`` (Reuters, FakeNewsNet, BuzzFeed-Webis, BBC, Horne,
FakeNewsCorpus), then in the same run times

* bare: ``nlp.pipe`` of the bare model over each article's decoded text, and
* newsgraph: ``Reader.read_many`` over the same items (decode, clean, parse,
  every extractor, record assembly),

and prints records/s, words/s and the ratio newsgraph time / bare time.

    python benchmarks/bench_read.py --n 2000 [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import best_of, machine, peak_rss_mb

TEXT_CORPORA = ("reuters", "fakenewsnet", "buzzfeed", "bbc", "horne", "fakenewscorpus")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each side; the fastest counts")
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from newsgraph.api import Reader
    from newsgraph.evaluate.corpora import mixed
    from newsgraph.ingest import decode_bytes
    from newsgraph.nlp.pipeline import load_model

    docs = mixed(args.n, names=TEXT_CORPORA)
    items = [d.item for d in docs]
    texts = [i.text if i.text is not None else decode_bytes(i.data or b"", i.where) for i in items]
    words = sum(len(t.split()) for t in texts)

    bare = load_model(args.model)
    reader = Reader(args.model)

    _, bare_s = best_of(args.repeat, lambda: sum(1 for _ in bare.pipe(texts, batch_size=args.batch_size)))
    records, ng_s = best_of(args.repeat, lambda: list(reader.read_many(items, batch_size=args.batch_size)))
    errors = sum(1 for r in records if r.source.error)

    result = {
        "articles": len(items),
        "words": words,
        "corpora": sorted({d.corpus for d in docs}),
        "bare_seconds": round(bare_s, 2),
        "newsgraph_seconds": round(ng_s, 2),
        "bare_articles_per_s": round(len(items) / bare_s, 1),
        "newsgraph_records_per_s": round(len(items) / ng_s, 1),
        "newsgraph_words_per_s": round(words / ng_s),
        "ratio_newsgraph_to_bare_time": round(ng_s / bare_s, 3),
        "input_errors": errors,
        "peak_rss_mb": round(peak_rss_mb()),
        "model": reader.generator.model,
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for key, value in result.items():
        print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
