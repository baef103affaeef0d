"""The baseline the time stage is compared with: spaCy DATE/TIME spans, values by dateparser.

Scores it on the same TimeML data with the same scorer as ``newsgraph eval timeml``,
so the two figures can be put side by side. dateparser is used here only, never
in ``src/``. A value is written at day granularity (``YYYY-MM-DD``, or with
``THH:MM`` for TIME spans), as dateparser returns a full datetime; spans it
cannot parse get no value.

Usage: PYTHONPATH=src python benchmarks/baseline_timeml_dateparser.py [DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from newsgraph.evaluate.shared import shared_dir
from newsgraph.evaluate.timeml import SystemTimex, evaluate, iter_corpus
from newsgraph.nlp.pipeline import load_model

DATA = shared_dir() / "eval-data" / "timeml" / "TBAQ-cleaned"


def dateparser_tagger() -> object:
    import dateparser

    nlp = load_model()

    def tag(items: Iterable[tuple[str, str | None]]) -> Iterator[list[SystemTimex]]:
        items = list(items)
        for doc, (_, dct) in zip(nlp.pipe([t for t, _ in items], batch_size=16), items, strict=True):
            base = datetime.fromisoformat(dct) if dct else None
            found = []
            for ent in doc.ents:
                if ent.label_ not in ("DATE", "TIME"):
                    continue
                value = None
                settings = {"RELATIVE_BASE": base} if base else {}
                with contextlib.suppress(Exception):
                    parsed = dateparser.parse(ent.text, languages=["en"], settings=settings)
                    if parsed is not None:
                        value = parsed.strftime("%Y-%m-%dT%H:%M" if ent.label_ == "TIME" else "%Y-%m-%d")
                found.append(SystemTimex(ent.start_char, ent.end_char, ent.label_, value))
            yield found

    return tag


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    docs = iter_corpus(args.directory, limit=args.limit)
    report = evaluate(docs, dateparser_tagger()).report()  # type: ignore[arg-type]
    print(json.dumps({k: {m: v[m] for m in ("docs", "strict_f1", "relaxed_f1", "value_f1", "type_accuracy")}
                      for k, v in report.items()}, indent=2))


if __name__ == "__main__":
    main()
