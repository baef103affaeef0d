"""The event stage's round-14 shortcuts answer as the slower reads they replace (same output, fewer steps)."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from _events import parse
from newsgraph.extract.events import coding, salience

#: An English vocabulary: its lexical attributes ("lower_") are filled, as the tense tests read them.
VOCAB = English().vocab


def _doc(words: list[str], spaces: list[bool]) -> Doc:
    return Doc(VOCAB, words=words, spaces=spaces)


@pytest.mark.parametrize(
    ("words", "spaces", "fragment"),
    [
        (["The", "council", "voted", "."], [True, True, False, False], False),
        (["The", "council", "voted", "at", "5", "p.m."], [True, True, True, True, True, False], False),
        (["Trending", ":", "A", "dog", "sang", "."], [False, True, True, True, False, False], True),
        (["Photos", "of", "the", "parade"], [True, True, True, True], True),
    ],
)
def test_fragment_text_matches_the_span_reading(words: list[str], spaces: list[bool], fragment: bool) -> None:
    """The sentence's text sliced from the article answers as ``Span.text`` does."""
    doc = _doc(words, spaces)
    span = doc[0 : len(doc)]
    assert salience.fragment_text(doc.text) is fragment
    assert salience._fragment(span) is fragment


def _clause(aux: str, tag: str) -> Doc:
    """An invented clause, "She <aux> resigned.", parsed by hand."""
    return Doc(VOCAB, words=["She", aux, "resigned", "."], spaces=[True, True, False, False],
              heads=[2, 2, 2, 2], deps=["nsubj", "aux", "ROOT", "punct"], tags=["PRP", "VBZ", tag, "."])


def test_tense_tests_read_the_kept_children_of_each_document() -> None:
    """The tense tests read the kept children lists, and a new document gets its own (not the last one's)."""
    perfect = _clause("has", "VBN")
    assert salience._present_perfect(perfect[2]) is True
    past = _clause("had", "VBN")
    assert salience._present_perfect(past[2]) is False
    assert salience._past(past[2]) is True
    assert salience._present_perfect(perfect[2]) is True


def test_kept_verb_entries_answer_as_the_lookup_per_document(nlp) -> None:
    """A kept entry is the lookup's, for its particles, and a new document at the same index gets its own."""
    coding.forget_entries()
    first = parse(nlp, "The rebels attacked the town.")
    second = parse(nlp, "The ministers met the envoy.")
    attacked, met = first[2], second[2]
    assert (attacked.lower_, met.lower_) == ("attacked", "met")
    expected_attack = coding._lookup_verb_entry(attacked, [])
    expected_meet = coding._lookup_verb_entry(met, [])
    assert expected_attack != expected_meet  # the two verbs are coded apart, so a reused entry would show
    assert coding._verb_entry(attacked, []) == expected_attack
    assert coding._verb_entry(attacked, []) == expected_attack  # the kept answer
    assert coding._verb_entry(attacked, ["off"]) == coding._lookup_verb_entry(attacked, ["off"])
    assert coding._verb_entry(met, []) == expected_meet
    assert coding._verb_entry(attacked, []) == expected_attack
