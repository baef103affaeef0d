"""Round 16: one country, one entity — "America", "the US", "U.S." and "the United States".

Names are grouped by their form, so every way an article writes the United States made an entity of its
own, and "the country" linked to one of them was wrong wherever the gold names the country by another.
``core._merge_country_names`` joins the groups whose every name is a name of the United States
(``lexicons.US_NAMES``) after the links are made. Invented sentences; the groups and spans are set by hand.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract.entities.core import Group, NameSpan, _merge_country_names, entities


def _group(label: str, *spans: tuple[int, int, str]) -> Group:
    return Group(label=label, spans=[NameSpan(start, end, key, label) for start, end, key in spans])


def test_the_names_of_the_united_states_are_one_entity():
    america = _group("GPE", (2, 3, "america"))
    us = _group("GPE", (8, 9, "u.s."), (20, 21, "u.s."))
    united = _group("GPE", (12, 14, "united states"))
    merged = _merge_country_names([america, us, united])
    assert merged == [america]
    assert [(s.start, s.key) for s in america.spans] == [(2, "america"), (8, "u.s."), (12, "united states"),
                                                          (20, "u.s.")]


def test_the_links_of_each_part_are_kept():
    america = _group("GPE", (2, 3, "america"))
    america.extra.append((30, 32, "nominal"))  # "the country", linked to America
    us = _group("ORG", (8, 9, "us"))
    us.extra.append((15, 16, "pronoun"))
    merged = _merge_country_names([us, america])
    assert merged == [us]
    assert us.extra == [(15, 16, "pronoun"), (30, 32, "nominal")]
    assert us.label == "GPE"  # a place when any part was tagged one


def test_other_names_and_unnamed_groups_stay_apart():
    us = _group("GPE", (1, 2, "us"))
    steel = _group("ORG", (5, 7, "us steel"))  # a company named with the country's acronym
    georgia = _group("GPE", (9, 10, "georgia"))
    person = _group("PERSON", (12, 13, "america"))  # a person's name
    unnamed = Group(label="ORG", name="protesters")  # made by the description pass, no name
    mixed = _group("GPE", (14, 15, "america"), (18, 19, "ruritania"))
    groups = [us, steel, georgia, person, unnamed, mixed]
    assert _merge_country_names(groups) == groups


def test_an_article_with_two_ways_of_writing_the_country_gives_one_place():
    words = ["America", "grew", "and", "the", "United", "States", "gained", "while", "the", "U.S.", "voted", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 4, 6, label="GPE"), Span(doc, 9, 10, label="GPE")]
    countries = [e for e in entities(doc) if e.type == "GPE"]
    assert len(countries) == 1
    assert {m.text for m in countries[0].mentions if m.kind == "name"} == {"America", "United States", "U.S."}
