"""Round 16: names made from title-case text and names split by the tagger.

A span that holds, after its first word, a subordinating conjunction or a personal pronoun written in
title case ("Storm Victims Unless They", "Walked Out Because He") is a headline's clause, not a name
(``core._holds_clause``); lower case and all-caps words, and titles of works, are left as they were. An
organisation's span that is a place and a public office ("Ruritania Senator") is a title split from the
name after it (``core._jurisdiction_title``); a page's share buttons run into a name are none
(``core._share_bar``). Invented sentences, the spans set by hand as the tagger made them.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract.entities.core import CLAUSE_WORDS, SHARE_BAR_WORDS, _trim


def _span(words: list[str], start: int, end: int, label: str) -> tuple[Doc, Span]:
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label)]
    return doc, doc.ents[0]


def _name(doc: Doc, span: Span) -> str | None:
    found = _trim(doc, span)
    return None if found is None else doc[found.start : found.end].text


def test_a_headline_span_with_a_subordinating_conjunction_is_no_name():
    assert "unless" in CLAUSE_WORDS
    words = ["Did", "Relief", "Go", "To", "Storm", "Victims", "Unless", "They", "Paid", "?"]
    doc, span = _span(words, 4, 7, "ORG")
    assert _name(doc, span) is None


def test_a_headline_span_with_a_pronoun_is_no_name():
    words = ["Her", "Son", "Walked", "Out", "Because", "He", "Was", "Tired"]
    doc, span = _span(words, 2, 5, "ORG")
    assert _name(doc, span) is None
    doc, span = _span(["Mother", "Sought", "Care", "Her", "Son", "Needed", "."], 0, 6, "ORG")
    assert _name(doc, span) is None


def test_a_name_without_clause_words_is_kept():
    doc, span = _span(["Staff", "of", "Dale", "Relief", "Fund", "met", "."], 2, 5, "ORG")
    assert _name(doc, span) == "Dale Relief Fund"


def test_a_clause_word_opening_the_span_or_in_lower_case_or_capitals_is_not_read_so():
    # "Her Majesty's ..." opens with the pronoun; a lower-case "his" is running text; "HIS" is all caps.
    doc, span = _span(["Her", "Majesty", "Coast", "Guard", "said", "."], 0, 4, "ORG")
    assert _name(doc, span) == "Her Majesty Coast Guard"
    doc, span = _span(["Jo", "Kim", "and", "his", "Ruritanian", "Band", "played"], 0, 6, "ORG")
    assert _name(doc, span) is not None
    doc, span = _span(["WATCH", "JO", "KIM", "AND", "HIS", "BAND"], 1, 6, "ORG")
    assert _name(doc, span) is not None


def test_a_title_of_a_work_may_hold_a_clause():
    doc, span = _span(["She", "starred", "in", "Catch", "Her", "If", "You", "Dare", "."], 3, 8, "WORK_OF_ART")
    assert _name(doc, span) == "Catch Her If You Dare"


def test_a_place_and_an_office_labelled_an_organisation_is_a_title():
    words = ["Ruritania", "Senator", "Jo", "Dale", "spoke", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 2, 4, label="PERSON")]
    assert _name(doc, doc.ents[0]) is None
    assert _name(doc, doc.ents[1]) == "Jo Dale"
    doc, span = _span(["the", "Ruritania", "Attorney", "General", "said"], 1, 4, "ORG")
    assert _name(doc, span) is None


def test_an_organisation_ending_in_another_head_or_holding_more_is_kept():
    # "star" and "leader" end newspapers' names; an office after "of" is a body's name.
    doc, span = _span(["the", "Dunmore", "Star", "said"], 1, 3, "ORG")
    assert _name(doc, span) == "Dunmore Star"
    doc, span = _span(["the", "Office", "of", "the", "Ruritania", "Attorney", "General"], 1, 7, "ORG")
    assert _name(doc, span) == "Office of the Ruritania Attorney General"


def test_a_share_bar_run_into_a_name_is_no_name():
    assert "embed" in SHARE_BAR_WORDS
    words = ["Facebook", "Twitter", "Google", "Plus", "Embed", "Ruritania", "Sanctions", "Loom"]
    doc, span = _span(words, 0, 6, "PERSON")
    assert _name(doc, span) is None


def test_a_name_with_fewer_share_words_is_kept():
    doc, span = _span(["She", "left", "Google", "Plus", "in", "May", "."], 2, 4, "PRODUCT")
    assert _name(doc, span) == "Google Plus"
