"""Copy a trained CoNLL NER component into the package: its weights and what it was trained on.

``spacy train`` writes a whole pipeline (``model-best/``); newsgraph needs only its ``ner``
component. This writes ``src/newsgraph/nlp/data/conll_ner.bin`` (the component's bytes,
without the vocab: its label strings travel in its transition system) and ``conll_ner.json``
(the model architecture to rebuild it with, labels, training data and the early-stopping
score), which ``newsgraph.nlp.conll_ner`` reads.

Example::

    python training/ner/export.py training/ner/output/model-best
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy

PACKAGE_DATA = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "nlp" / "data"


def export(trained: Path, out_dir: Path = PACKAGE_DATA, *, trained_on: str = "") -> dict:
    """Write the ``ner`` component of the pipeline at ``trained`` into ``out_dir``; its metadata."""
    nlp = spacy.load(trained)
    ner = nlp.get_pipe("ner")
    model_config = nlp.config["components"]["ner"]["model"]
    meta = {
        "lang": nlp.lang,
        "labels": sorted(ner.labels),
        "model": dict(model_config.copy()) if hasattr(model_config, "copy") else model_config,
        "spacy_version": spacy.__version__,
        "trained_on": trained_on,
        "early_stopping_scores": {k: v for k, v in nlp.meta.get("performance", {}).items()
                                  if k in ("ents_f", "ents_p", "ents_r", "ents_per_type")},
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "conll_ner.bin").write_bytes(ner.to_bytes(exclude=["vocab"]))
    (out_dir / "conll_ner.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trained", type=Path, help="a pipeline written by spacy train (model-best)")
    parser.add_argument("--out", type=Path, default=PACKAGE_DATA, help="the package data directory")
    parser.add_argument("--trained-on", default="CoNLL-2003 eng.train, first 851 of 946 documents "
                        "(the last 95 for early stopping only)")
    args = parser.parse_args(argv)
    meta = export(args.trained, args.out, trained_on=args.trained_on)
    print(f"wrote {args.out}/conll_ner.bin, labels {meta['labels']}, "
          f"early-stopping F1 {meta['early_stopping_scores'].get('ents_f')}")


if __name__ == "__main__":
    main()
