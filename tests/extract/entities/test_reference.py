"""The reference article's entities must match the gold record's."""

from __future__ import annotations

import json

import pytest

from _paths import GOLD, REFERENCE, needs_shared
from newsgraph.extract.entities.core import entities

pytestmark = needs_shared(REFERENCE, GOLD)


@pytest.fixture(scope="module")
def found(nlp, reference_text):
    later = [name for name in nlp.pipe_names if name.startswith("newsgraph_")]
    return entities(nlp(reference_text, disable=later))


@pytest.fixture(scope="module")
def gold_entities() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def _match(found, gold_entity):
    names = {n.lower() for n in gold_entity["names"]}
    for entity in found:
        if entity.name.lower() in names or any(m.text.lower() in names for m in entity.mentions):
            return entity
    return None


def _gold_keys():
    if not GOLD.exists():
        return []
    return [e["key"] for e in json.loads(GOLD.read_text(encoding="utf-8"))["entities"]]


@pytest.mark.parametrize("key", _gold_keys())
def test_every_gold_entity_found_with_its_type(found, gold_entities, key):
    gold_entity = next(e for e in gold_entities["entities"] if e["key"] == key)
    entity = _match(found, gold_entity)
    assert entity is not None, f"{gold_entity['names'][0]} not found"
    assert entity.type == gold_entity["type"]


@pytest.mark.parametrize("key", _gold_keys())
def test_titles_of_titled_people(found, gold_entities, key):
    gold_entity = next(e for e in gold_entities["entities"] if e["key"] == key)
    entity = _match(found, gold_entity)
    assert entity is not None
    gold_titles = {t.lower() for t in gold_entity["titles"]}
    ours = {t.lower() for t in entity.titles}
    if gold_titles:
        assert ours & gold_titles, f"{entity.name}: {entity.titles} vs {gold_entity['titles']}"
    else:
        assert not ours


def test_wrong_types_never_given(found, gold_entities):
    for wrong in gold_entities["not_entities"]:
        for entity in found:
            texts = {entity.name.lower()} | {m.text.lower() for m in entity.mentions if m.kind == "name"}
            if wrong["text"].lower() in texts:
                assert entity.type not in wrong["wrong_types"], (entity.name, entity.type)


@pytest.mark.parametrize(
    ("description", "key"),
    [("the attorney general", "sessions"), ("his attorney general", "sessions"), ("the president", "trump")],
)
def test_role_descriptions_resolved(found, gold_entities, description, key):
    gold_entity = next(e for e in gold_entities["entities"] if e["key"] == key)
    entity = _match(found, gold_entity)
    assert entity is not None
    nominals = [m.text.lower() for m in entity.mentions if m.kind == "nominal"]
    assert description in nominals
    for other in found:
        if other is not entity:
            assert description not in [m.text.lower() for m in other.mentions]


def test_one_entity_per_person_and_no_byline(found):
    people = [e for e in found if e.type == "PERSON"]
    surnames = [e.name.split()[-1] for e in people]
    assert len(surnames) == len(set(surnames))
    assert not any(e.name in ("Robert Costa", "Sari Horwitz") for e in found)


def test_most_salient_first_and_short_forms_grouped(found):
    assert found[0].name == "Jeff Sessions"
    assert found[1].name == "Trump"
    assert [e.salience for e in found] == sorted((e.salience for e in found), reverse=True)
    sessions = found[0]
    assert sum(m.text == "Sessions" for m in sessions.mentions) >= 15
    assert "Sessions’s" not in [m.text for m in sessions.mentions]


def test_pronouns_resolved_to_the_right_people(found, reference_text):
    text = reference_text
    by_offset = {m.start: e.name for e in found for m in e.mentions if m.kind == "pronoun"}

    def nth(word: str, after: str) -> int:
        return text.index(word, text.index(after))

    assert by_offset.get(nth("his", "resign at one point")) == "Jeff Sessions"
    assert by_offset.get(nth("he", "shortly after")) == "Jeff Sessions"
    assert by_offset.get(nth("his", "frustrated with the way")) == "Trump"
    assert by_offset.get(nth("his", "Trump spoke of rising crime in")) == "Trump"
    assert by_offset.get(nth("his", "Before")) == "Jeff Sessions"  # cataphora
    assert by_offset.get(nth("himself", "decision to recuse")) == "Jeff Sessions"  # bound by the possessor


def test_offsets_point_into_the_text(found, reference_text):
    text = reference_text
    for entity in found:
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text
