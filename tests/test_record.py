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
