"""The role stage's one test of whether a run of words names a news organisation (``roles._outlet_name``)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract.attribution.roles import _outlet_name


def _doc(words: list[str], person: tuple[int, int] | None = None) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    if person is not None:
        doc.ents = [Span(doc, person[0], person[1], label="PERSON")]
    return doc


def test_a_news_word_in_the_name_gives_its_offsets() -> None:
    doc = _doc(["Harbor", "Daily", "News", "reported"])
    assert _outlet_name(doc, list(doc[0:3])) == (0, len("Harbor Daily News"))


def test_no_news_word_is_no_outlet() -> None:
    doc = _doc(["Harbor", "Freight", "said"])
    assert _outlet_name(doc, list(doc[0:2])) is None


def test_a_person_among_the_words_is_no_outlet() -> None:
    doc = _doc(["Ada", "Times", "said"], person=(0, 2))
    assert _outlet_name(doc, list(doc[0:2])) is None


def test_no_words_is_no_outlet() -> None:
    doc = _doc(["News"])
    assert _outlet_name(doc, []) is None
