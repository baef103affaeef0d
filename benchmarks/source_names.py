"""The most cited named sources of a store that are no names: pronouns, role descriptions, common nouns.

Issue 15 asks for no pronoun among the top 100 named sources of a stored corpus ("I", "we", "It" were
among them when first-person pronouns inside quotations were not resolved). This lists, from the
store's own ``sources`` report, every top source that is a pronoun, opens with a determiner
("The prime minister", "the report") or starts lower-case ("government", "police"), and exits
non-zero when a pronoun is among them (the goal); non-names are listed but do not fail the check.

    PYTHONPATH=src python -m newsgraph ingest ../shared/corpus/bbc/bbc/politics --db /tmp/ents/politics.db
    PYTHONPATH=src python benchmarks/source_names.py --db /tmp/ents/politics.db --top 100
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.store import Store  # noqa: E402  (after the path is set)
from newsgraph.vocab.pronouns import (  # noqa: E402
    FIRST_PERSON_FORMS,
    NEUTER_PRONOUN_FORMS,
    PERSON_PRONOUN_FORMS,
    PLURAL_PRONOUN_FORMS,
    SECOND_PERSON_FORMS,
)

#: Every pronoun form a source could be named by.
PRONOUNS = FIRST_PERSON_FORMS | NEUTER_PRONOUN_FORMS | PERSON_PRONOUN_FORMS | PLURAL_PRONOUN_FORMS | SECOND_PERSON_FORMS
#: Words that open a description rather than a name ("The spokesman", "a great deal").
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "many"})
#: Rows of the report that stand for no named source but a kind ("unstated (unattributed reporting)").
UNNAMED_KINDS = frozenset({"unstated"})


def offence(name: str) -> str | None:
    """Why ``name`` is no name ("pronoun" or "non-name"), or None for a name."""
    words = name.split()
    if not words:
        return "non-name"
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if words[0].lower() in DETERMINERS or not words[0][:1].isupper():
        return "non-name"
    return None


def check(db: str, top: int) -> dict[str, object]:
    """The offending names among the ``top`` most cited sources of the store at ``db``, with their rank."""
    store = Store(db, readonly=True)
    try:
        report = store.sources(limit=top)
    finally:
        store.close()
    rows = [
        {"rank": rank, "source": row["source"], "attributions": row["attributions"], "why": why}
        for rank, row in enumerate(report.to_dict()["top_sources"], 1)
        if row["kind"] not in UNNAMED_KINDS and (why := offence(row["source"])) is not None
    ]
    return {"db": db, "top": top, "articles": report.articles, "attributions": report.attributions,
            "unresolved_pronoun_attributions": report.unresolved_pronoun_attributions,
            "pronouns": sum(r["why"] == "pronoun" for r in rows), "offending": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the store (SQLite file)")
    parser.add_argument("--top", type=int, default=100, help="how many of the most cited sources to check")
    args = parser.parse_args()
    result = check(args.db, args.top)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 1 if result["pronouns"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
