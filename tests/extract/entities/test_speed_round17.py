"""The entity stage's round-17 cut gives the records of the code it replaces."""

from __future__ import annotations

from newsgraph.extract.entities import core
from newsgraph.record import Entity, Mention


def test_one_validation_builds_the_entity_the_keywords_built() -> None:
    """``_ENTITY`` on a dict with mention dicts gives the record ``Entity(...)`` with ``Mention(...)`` gave."""
    mentions = [{"start": 0, "end": 9, "text": "Ann Vorle", "kind": "name"},
                {"start": 40, "end": 43, "text": "she", "kind": "pronoun"},
                {"start": 60, "end": 72, "text": "the minister", "kind": "nominal"}]
    fields = {"id": "e1", "name": "Ann Vorle", "type": "PERSON", "titles": ["minister"], "salience": 0.4213}
    built = core._ENTITY({**fields, "mentions": mentions})
    before = Entity(**fields, mentions=[Mention(**m) for m in mentions])
    assert built == before
    assert built.model_dump() == before.model_dump()
    assert all(type(m) is Mention for m in built.mentions)
