"""Name spans, type voting and propagation on hand-built docs: no model needed."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract.entities.core import entities


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def make(vocab, words: list[str], ents: list[tuple[int, int, str]], spaces: list[bool] | None = None) -> Doc:
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def names(found) -> dict[str, str]:
    return {e.name: e.type for e in found}


def test_spaced_dash_splits_two_names(vocab):
    doc = make(vocab, ["Leeds", "-", "Arsenal", "drew", "."], [(0, 3, "ORG")])
    assert names(entities(doc)) == {"Leeds": "ORG", "Arsenal": "ORG"}


def test_hyphenated_name_is_not_split(vocab):
    doc = make(vocab, ["Saint", "-", "Germain", "won"], [(0, 3, "ORG")], spaces=[False, False, True, False])
    assert names(entities(doc)) == {"Saint-Germain": "ORG"}


@pytest.mark.parametrize(
    ("words", "ent", "expected"),
    [
        (["D.", "Smith", "4-43", "today"], (0, 3, "PERSON"), "D. Smith"),
        (["JOHANNESBURG", "1996-08-22", "Rain"], (0, 2, "ORG"), "JOHANNESBURG"),
        (["the", "Justice", "Department", "’s", "case"], (0, 4, "ORG"), "Justice Department"),
        (["Channel", "4", "aired", "it"], (0, 2, "ORG"), "Channel 4"),
        (["LONDON", "1996", "-", "08", "-", "30", "Rain"], (0, 6, "ORG"), "LONDON"),
    ],
)
def test_span_trimming(vocab, words, ent, expected):
    found = entities(make(vocab, words, [ent]))
    assert [e.name for e in found] == [expected]


@pytest.mark.parametrize(
    "words",
    [['href="https://twitter.com/x', "said"], ["<p>Smith</p>", "said"], ["www.example.com", "said"]],
)
def test_markup_is_not_a_name(vocab, words):
    assert entities(make(vocab, words, [(0, 1, "ORG")])) == []


def test_company_web_name_is_a_name(vocab):
    assert [e.name for e in entities(make(vocab, ["Amazon.com", "rose"], [(0, 1, "ORG")]))] == ["Amazon.com"]


def test_lone_initial_is_not_a_name(vocab):
    doc = make(vocab, ["R.", "won", "and", "U.S.", "lost"], [(0, 1, "NORP"), (3, 4, "GPE")])
    assert names(entities(doc)) == {"U.S.": "GPE"}


def test_majority_type_wins(vocab):
    words = ["Acme", "rose", ".", "Acme", "fell", ".", "Acme", "won", "."]
    doc = make(vocab, words, [(0, 1, "ORG"), (3, 4, "ORG"), (6, 7, "GPE")])
    found = entities(doc)
    assert names(found) == {"Acme": "ORG"}
    assert len(found[0].mentions) == 3


def test_honorific_makes_a_person_of_an_org_label(vocab):
    words = ["Mr.", "Grant", "spoke", ".", "Grant", "left", ".", "Grant", "won", "."]
    doc = make(vocab, words, [(0, 2, "ORG"), (4, 5, "ORG"), (7, 8, "ORG")])
    assert names(entities(doc)) == {"Grant": "PERSON"}


def test_surname_of_a_full_name_is_that_person(vocab):
    words = ["Peter", "Blackburn", "won", ".", "Blackburn", "said", "so", "."]
    doc = make(vocab, words, [(0, 2, "PERSON"), (4, 5, "ORG")])
    found = entities(doc)
    assert names(found) == {"Peter Blackburn": "PERSON"}
    assert [m.text for m in found[0].mentions] == ["Peter Blackburn", "Blackburn"]


def test_known_name_is_propagated_also_in_capitals(vocab):
    words = ["BLACKBURN", "WINS", "TITLE", "\n", "Peter", "Blackburn", "won", ".", "Blackburn", "smiled", "."]
    doc = make(vocab, words, [(4, 6, "PERSON")])
    found = entities(doc)
    person = found[0]
    assert person.name == "Peter Blackburn"
    assert [m.text for m in person.mentions] == ["BLACKBURN", "Peter Blackburn", "Blackburn"]


@pytest.mark.parametrize(
    ("words", "ents"),
    [
        (["Blackburn", "Rovers", "won", ".", "Peter", "Blackburn", "scored"], [(4, 6, "PERSON")]),
        (["blackburn", "is", "a", "word", ".", "Peter", "Blackburn", "scored"], [(5, 7, "PERSON")]),
    ],
)
def test_no_propagation_into_other_names_or_lowercase(vocab, words, ents):
    found = entities(make(vocab, words, ents))
    mentions = [m.text for e in found for m in e.mentions]
    assert mentions == ["Peter Blackburn"]


def test_nickname_and_full_first_name_are_one_person(vocab):
    words = ["Robert", "Gates", "spoke", ".", "Bob", "Gates", "left", "."]
    found = entities(make(vocab, words, [(0, 2, "PERSON"), (4, 6, "PERSON")]))
    assert len(found) == 1 and {m.text for m in found[0].mentions} == {"Robert Gates", "Bob Gates"}


def test_company_with_and_without_legal_suffix_is_one(vocab):
    words = ["ACME", "TOOLS", "PROFIT", "UP", "\n", "Acme", "Tools", "Corp", "said", "profit", "rose", "."]
    found = entities(make(vocab, words, [(0, 2, "ORG"), (5, 8, "ORG")]))
    assert [e.name for e in found] == ["Acme Tools Corp"]
    assert len(found[0].mentions) == 2


def test_lowercase_word_is_not_a_name(vocab):
    assert entities(make(vocab, ["up", "five", "cts"], [(2, 3, "ORG")])) == []


def test_bare_surname_goes_to_the_main_bearer_when_no_full_name_is_near(vocab):
    filler = ["and", "then", "more", "words", "came", "."] * 10
    words = ["Andrew", "Jackson", "won", ".", "Jackson", "smiled", ".", *filler,
             "His", "wife", "Rachel", "Jackson", "came", ".", *filler, "Jackson", "left", "."]
    start_rachel = 7 + len(filler) + 2
    last = len(words) - 3
    doc = make(vocab, words, [(0, 2, "PERSON"), (4, 5, "PERSON"), (start_rachel, start_rachel + 2, "PERSON"),
                              (last, last + 1, "PERSON")])
    found = {e.name: [m.start for m in e.mentions] for e in entities(doc)}
    assert doc[last].idx in found["Andrew Jackson"]
