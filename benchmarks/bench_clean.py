"""Benchmark: ``newsgraph.clean.clean`` over the Reuters corpus, against the spaCy parse of the same texts.

Times ``clean`` over the Reuters-21578 stories (about 21k; ``--limit`` for
fewer) and reports documents/s and MB/s. Then, in the same run, times the bare
model's ``nlp.pipe`` over the first ``--parse-n`` stories' *clean* texts and
``clean`` over those same stories, and prints the ratio clean time / parse
time (target: under 0.05). Parsing all 21k stories takes long on a shared
machine, so the ratio is measured on a sample unless ``--parse-n 0``.

    python benchmarks/bench_clean.py [--limit N] [--parse-n 1000] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import best_of, machine, peak_rss_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="Reuters stories to clean (default: all)")
    parser.add_argument("--parse-n", type=int, default=1000, help="stories parsed for the ratio (0: all)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the cleaning side; the fastest counts")
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from newsgraph.clean import clean
    from newsgraph.evaluate.corpora import load
    from newsgraph.nlp.pipeline import load_model

    texts = [doc.item.text or "" for doc in load("reuters", limit=args.limit)]
    chars = sum(len(t) for t in texts)
    _, clean_s = best_of(args.repeat, lambda: [clean(t) for t in texts])

    sample = texts if args.parse_n <= 0 else texts[: args.parse_n]
    cleaned, sample_clean_s = best_of(args.repeat, lambda: [clean(t) for t in sample])
    clean_texts = [c.text for c in cleaned]
    nlp = load_model(args.model)
    _, parse_s = best_of(1, lambda: sum(1 for _ in nlp.pipe(clean_texts, batch_size=args.batch_size)))

    result = {
        "documents": len(texts),
        "megabytes": round(chars / 1e6, 2),
        "clean_seconds": round(clean_s, 2),
        "clean_documents_per_s": round(len(texts) / clean_s, 1),
        "clean_mb_per_s": round(chars / 1e6 / clean_s, 2),
        "ratio_sample_documents": len(sample),
        "ratio_sample_clean_seconds": round(sample_clean_s, 3),
        "ratio_sample_parse_seconds": round(parse_s, 2),
        "parse_documents_per_s": round(len(sample) / parse_s, 1),
        "ratio_clean_to_parse_time": round(sample_clean_s / parse_s, 4),
        "model": getattr(nlp, "meta", {}).get("name"),
        "peak_rss_mb": round(peak_rss_mb()),
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for key, value in result.items():
        print(f"{key:30} {value}")


if __name__ == "__main__":
    main()
