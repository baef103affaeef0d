"""The record model: empty parts, JSON round trips, closed vocabularies, ids that must resolve."""

import copy
import csv
import json
import re
import typing
from pathlib import Path

import pytest
from pydantic import ValidationError

from newsgraph import record as rec
from newsgraph.record import SCHEMA, Record, json_schema


def test_empty_record_has_empty_lists_not_made_up_values():
    record = Record(id="abc")
    data = record.to_dict()
    assert data["schema"] == SCHEMA
    for key in ("entities", "times", "sources", "attributions", "events", "relations"):
        assert data[key] == []
    assert data["meta"]["published"] is None


def test_record_round_trips_through_json():
    record = Record(id="abc", text="Hello.", meta={"authors": ["A B"], "published": "2017-06-06"})
    again = Record.from_json(record.to_json())
    assert again == record
    assert again.to_dict()["schema"] == SCHEMA


def test_json_schema_names_every_record_part():
    schema = json_schema()
    assert schema["$id"] == SCHEMA
    props = schema["properties"]
    for key in ("schema", "id", "source", "meta", "text", "paragraphs", "raw_spans", "removed",
                "entities", "times", "sources", "attributions", "events", "relations", "sourcing"):
        assert key in props


# --- closed vocabularies and ids that point at parts ------------------------------------------

EVENTS_DATA = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "extract" / "events" / "data"


def valid_record() -> dict:
    """A small record whose every reference resolves (invented)."""
    text = "Mayor Jane Roe said on Monday that Springfield would sue Acme."
    return {
        "id": "r1",
        "text": text,
        "removed": [{"text": "By Ann Writer", "reason": "byline", "raw_start": 0, "raw_end": 13}],
        "meta": {"published": "2021-03-02", "published_from": "given"},
        "entities": [
            {"id": "e1", "name": "Jane Roe", "type": "PERSON",
             "mentions": [{"start": 6, "end": 14, "text": "Jane Roe"}]},
            {"id": "e2", "name": "Springfield", "type": "GPE"},
            {"id": "e3", "name": "Acme", "type": "ORG"},
        ],
        "times": [
            {"id": "t0", "start": 0, "end": 0, "text": "March 2", "type": "DATE", "value": "2021-03-02",
             "role": "publication", "raw_start": 20, "raw_end": 27},
            {"id": "t1", "start": 23, "end": 32, "text": "on Monday", "type": "DATE", "value": "2021-03-01",
             "mod": "APPROX"},
        ],
        "sources": [{"id": "s1", "entity": "e1", "description": "Jane Roe", "kind": "person"}],
        "attributions": [{"id": "a1", "source": "s1", "cue": {"start": 15, "end": 19, "text": "said"},
                          "content": {"start": 38, "end": 61, "text": "Springfield would sue Acme"},
                          "kind": "indirect"}],
        "events": [{"id": "v1", "actor": "e2", "predicate": "sue", "target": "e3", "time": "t1", "date": "2021-03-01",
                    "date_reason": "sentence", "source": "s1", "code": "COERCE", "mode": "seize",
                    "sentence": {"start": 0, "end": 62}}],
        "relations": [{"a": "e2", "b": "e3", "polarity": "negative",
                       "text": {"start": 38, "end": 61, "text": "Springfield would sue Acme"}}],
    }


def test_a_record_whose_ids_all_resolve_validates():
    record = Record.model_validate(valid_record())
    assert record.events[0].code == "COERCE" and Record.from_json(record.to_json()) == record


@pytest.mark.parametrize(("part", "index", "field", "message"), [
    ("events", 0, "actor", "events[0] (v1).actor 'e9' is no entity id"),
    ("events", 0, "target", "events[0] (v1).target 'e9' is no entity id"),
    ("events", 0, "time", "events[0] (v1).time 'e9' is no time id"),
    ("events", 0, "source", "events[0] (v1).source 'e9' is no source id"),
    ("attributions", 0, "source", "attributions[0] (a1).source 'e9' is no source id"),
    ("sources", 0, "entity", "sources[0] (s1).entity 'e9' is no entity id"),
    ("relations", 0, "a", "relations[0].a 'e9' is no entity id"),
    ("relations", 0, "b", "relations[0].b 'e9' is no entity id"),
])
def test_an_id_that_points_at_nothing_fails_naming_it(part, index, field, message):
    data = copy.deepcopy(valid_record())
    data[part][index][field] = "e9"
    with pytest.raises(ValidationError, match=re.escape(message)):
        Record.model_validate(data)
    with pytest.raises(ValidationError, match="ids that point at nothing"):
        Record.from_json(json.dumps(data))  # what the store runs on every record it reads back


def test_ids_of_another_kind_do_not_count():
    data = valid_record()
    data["events"][0]["time"] = "e1"  # an entity id where a time id belongs
    with pytest.raises(ValidationError, match=re.escape("events[0] (v1).time 'e1' is no time id")):
        Record.model_validate(data)


@pytest.mark.parametrize(("path", "value"), [
    (("events", 0, "code"), "FIGHT"),
    (("events", 0, "mode"), "punch"),
    (("events", 0, "date_reason"), "publication"),
    (("events", 0, "modality"), "certain"),
    (("times", 0, "role"), "dateline"),
    (("times", 1, "mod"), "ROUGHLY"),
    (("times", 1, "type"), "WEEKDAY"),
    (("removed", 0, "reason"), "advert"),
    (("entities", 0, "type"), "DATE"),
    (("entities", 0, "mentions", 0, "kind"), "surname"),
    (("sources", 0, "kind"), "expert"),
    (("attributions", 0, "kind"), "quote"),
    (("relations", 0, "polarity"), "hostile"),
    (("meta", "published_from"), "guessed"),
])
def test_a_value_outside_its_vocabulary_fails(path, value):
    data = valid_record()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValidationError, match=re.escape(path[-1])):
        Record.model_validate(data)


def test_the_json_schema_lists_the_vocabularies():
    defs = json_schema()["$defs"]
    assert set(defs["Event"]["properties"]["code"]["anyOf"][0]["enum"]) == set(typing.get_args(rec.PloverCode))
    assert defs["Event"]["properties"]["date_reason"]["anyOf"][0]["enum"] == ["clause", "sentence", "context"]
    assert defs["TimeExpression"]["properties"]["role"]["anyOf"][0]["const"] == "publication"
    assert "byline" in defs["Removed"]["properties"]["reason"]["enum"]


def _tsv_rows(name: str) -> list[list[str]]:
    with (EVENTS_DATA / name).open(encoding="utf-8") as fh:
        return [row for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#")]


def test_every_plover_type_and_mode_in_the_dictionaries_is_in_the_record():
    codes, modes = set(typing.get_args(rec.PloverCode)), set(typing.get_args(rec.PloverMode))
    rows = [(r + [""] * 5)[2:4] for r in _tsv_rows("plover_verbs.tsv")]
    rows += [(r + [""] * 4)[1:3] for r in _tsv_rows("plover_nouns.tsv")]
    used_codes = {kind for kind, _ in rows if kind != "none"}
    used_modes = {mode for _, mode in rows if mode}
    assert used_codes <= codes, used_codes - codes
    assert used_modes <= modes, used_modes - modes
    assert codes == used_codes  # the 16 PLOVER types, each in the dictionaries
    assert modes == used_modes  # no mode listed that nothing produces


def test_the_producers_vocabularies_are_the_records():
    from newsgraph.clean.boilerplate import BOILERPLATE, CREDIT
    from newsgraph.extract.entities.core import ENTITY_LABELS
    from newsgraph.extract.events.coding import COOPERATIVE_TYPES, HOSTILE_TYPES, INTENT_CAMEO
    from newsgraph.extract.time import patterns

    assert set(ENTITY_LABELS) == set(typing.get_args(rec.EntityType))
    assert {BOILERPLATE, CREDIT} <= set(typing.get_args(rec.RemovedReason))
    assert (COOPERATIVE_TYPES | HOSTILE_TYPES | set(INTENT_CAMEO)) <= set(typing.get_args(rec.PloverCode))
    time_mods = set(patterns.QUANTITY_MODS.values()) | set(patterns.POSITION_MODS.values())
    assert time_mods <= set(typing.get_args(rec.TimeMod)), time_mods
