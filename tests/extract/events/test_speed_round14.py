"""The event stage's round-14 shortcuts answer as the slower reads they replace (same output, fewer steps)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.extract.events import salience

VOCAB = Vocab()


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
