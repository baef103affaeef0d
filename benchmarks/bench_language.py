"""Benchmark: language detection (``ingest/language.py``) on real articles, beside the cleaning it follows.

Prepares (decode, extract, clean) the first ``--n`` documents of the mixed
development corpus, then times ``detect_language`` over their clean texts
against ``clean`` over the same raw texts, and the model's one-off load. It
also counts the languages found and how many texts needed the model (the
others read as English by their function words).

    python benchmarks/bench_language.py [--n 1500] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _common import best_of, machine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1500, help="documents of the mixed corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the fastest counts")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from newsgraph.api import prepare
    from newsgraph.clean import clean
    from newsgraph.evaluate.corpora import mixed
    from newsgraph.ingest import language

    prepared = [p for p in (prepare(d.item) for d in mixed(args.n)) if p.cleaned is not None and not p.error]
    texts = [p.cleaned.text for p in prepared if p.cleaned is not None]
    raws = [p.item.text for p in prepared if p.item.text is not None and not p.item.is_html]
    language._identifier.cache_clear()
    started = time.perf_counter()
    language._identifier()
    load_s = time.perf_counter() - started
    found, detect_s = best_of(args.repeat, lambda: [language.detect_language(t) for t in texts])
    _, clean_s = best_of(args.repeat, lambda: [clean(t) for t in raws])
    model_texts = sum(language.english_share(t) < language.MIN_ENGLISH_SHARE for t in texts)
    result = {
        "documents": len(texts),
        "languages": dict(Counter(found).most_common()),
        "texts_sent_to_the_model": model_texts,
        "detect_seconds": round(detect_s, 3),
        "detect_ms_per_document": round(1000 * detect_s / len(texts), 3),
        "model_load_seconds": round(load_s, 2),
        "plain_text_documents": len(raws),
        "clean_ms_per_plain_text_document": round(1000 * clean_s / max(1, len(raws)), 3),
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
