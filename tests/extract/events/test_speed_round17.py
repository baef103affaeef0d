"""The event stage's round-17 cuts give the answers of the code they replace."""

from __future__ import annotations

import itertools

import numpy
from spacy.strings import get_string_id

from newsgraph.extract.events import clauses, coding
from newsgraph.extract.events.coding import _Entry


def test_among_is_isin_on_label_hashes() -> None:
    """``among`` marks the values ``numpy.isin`` marks, on string-store hashes and values above 2**63 (the
    unsigned range's top half), with no id, one id, or many, and on an empty column."""
    labels = ["nsubj", "dobj", "ROOT", "xcomp", "prep", "pobj", "punct", "nsubjpass", "auxpass", "ccomp"]
    hashes = [get_string_id(label) for label in labels] + [2**64 - 1, 2**63 + 5]
    rng = numpy.random.default_rng(17)
    for size in (0, 1, 7, 300):
        values = numpy.array(rng.choice(hashes, size=size), dtype=numpy.uint64)
        for n_ids in (0, 1, 3, len(hashes)):
            ids = numpy.array(hashes[:n_ids], dtype=numpy.uint64)
            assert clauses.among(values, ids).tolist() == numpy.isin(values, ids).tolist()


def _old_verb_wide(table: dict, heads: list[str]) -> tuple[bool, object]:
    """The two generators ``_lookup_verb_entry`` asked before: (kept out?, the first listed entry)."""
    kept_out = any(table.get((head, "*"), False) is None for head in heads)
    return kept_out, next((table[(h, "*")] for h in heads if (h, "*") in table), False)


def test_verb_wide_entry_answers_as_the_two_generators() -> None:
    """Every way two or three invented heads can be listed (absent, None, an entry), in every order."""
    entries = {"absent": "absent", "none": None, "a": _Entry("AID", None, "07"), "b": _Entry("FIGHT", None, "19")}
    for n in (1, 2, 3):
        for kinds in itertools.product(entries, repeat=n):
            heads = [f"zorble{k}" for k in range(n)]
            table = {(h, "*"): entries[kind] for h, kind in zip(heads, kinds, strict=True) if kind != "absent"}
            table[("zorble0", "obj:thing")] = entries["a"]  # a complement entry is not verb-wide
            kept_out, first = _old_verb_wide(table, heads)
            found = coding._verb_wide_entry(table, heads)
            assert (found is None) == kept_out
            if not kept_out:
                assert found == first and (found is False) == (first is False)
