"""Benchmark: the model with newsgraph's rule-component stand-ins against the model as it comes.

Loads the model twice, swaps the attribute ruler and lemmatizer of one for
``newsgraph.nlp.fast``'s stand-ins, parses the same N real articles
(``newsgraph.evaluate.corpora.mixed``, decoded raw text) with each, alternating
over chunks so both see the same machine load, and compares every token
attribute of the two parses (they must be identical).

    python benchmarks/bench_parse.py --n 300 [--chunks 4]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import machine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--chunks", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    from newsgraph.evaluate.corpora import mixed
    from newsgraph.ingest import decode_bytes
    from newsgraph.nlp.fast import accelerate, same_annotations
    from newsgraph.nlp.pipeline import load_model

    items = [d.item for d in mixed(args.n)]
    texts = [i.text if i.text is not None else decode_bytes(i.data or b"", i.where) for i in items]
    original, accelerated = load_model(), load_model()
    swapped = accelerate(accelerated)
    for nlp in (original, accelerated):  # first-call costs out of the timing
        list(nlp.pipe(texts[:5]))
    seconds = {"original": 0.0, "accelerated": 0.0}
    differing, tokens = 0, 0
    size = max(1, len(texts) // args.chunks)
    for k, start in enumerate(range(0, len(texts), size)):
        chunk = texts[start : start + size]
        order = [("original", original), ("accelerated", accelerated)]
        docs = {}
        for name, nlp in order if k % 2 == 0 else order[::-1]:
            started = time.perf_counter()
            docs[name] = list(nlp.pipe(chunk, batch_size=args.batch_size))
            seconds[name] += time.perf_counter() - started
        for a, b in zip(docs["original"], docs["accelerated"], strict=True):
            tokens += len(a)
            differing += not same_annotations(a, b)
    result = {
        "articles": len(texts),
        "tokens": tokens,
        "swapped": swapped,
        "original_seconds": round(seconds["original"], 2),
        "accelerated_seconds": round(seconds["accelerated"], 2),
        "ratio_accelerated_to_original_time": round(seconds["accelerated"] / seconds["original"], 3),
        "documents_with_any_difference": differing,
        "machine": machine(),
    }
    print(json.dumps(result, indent=2))
    if differing:
        sys.exit(1)


if __name__ == "__main__":
    main()
