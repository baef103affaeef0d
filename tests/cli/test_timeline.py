"""``newsgraph timeline`` and the library function under it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.record import Entity, Event, Mention, Meta, Offsets, Record, Source
from newsgraph.timeline import ARTICLE_SOURCE, in_range, timeline

TEXT = "Smith resigned in May. Jones met Smith in 2016. Lee arrived."


def _event(i: int, actor: str | None, actor_text: str, predicate: str, start: int, end: int, **kw) -> Event:
    return Event(
        id=f"v{i}", actor=actor, actor_text=actor_text, predicate=predicate,
        sentence=Offsets(start=start, end=end), **kw,
    )


@pytest.fixture()
def record() -> Record:
    smith = Entity(id="e1", name="John Smith", type="PERSON", mentions=[Mention(start=0, end=5, text="Smith")])
    jones = Entity(id="e2", name="Jones", type="PERSON", mentions=[Mention(start=23, end=28, text="Jones")])
    events = [
        _event(1, "e1", "Smith", "resign", 0, 22, date="2017-05", date_reason="clause", source="s1"),
        _event(2, "e2", "Jones", "meet", 23, 47, target="e1", target_text="Smith", date="2016", date_reason="clause"),
        _event(3, None, "Lee", "arrive", 48, 60),
    ]
    source = Source(id="s1", description="two officials", kind="anonymous", anonymous=True)
    return Record(
        id="r1", text=TEXT, meta=Meta(published="2017-06-06"), entities=[smith, jones], sources=[source], events=events
    )


def test_date_order_then_undated(record):
    entries = timeline([record])
    assert [e.event.id for e in entries] == ["v2", "v1", "v3"]
    assert entries[0].evidence == "Jones met Smith in 2016."
    assert entries[1].source == "two officials" and entries[0].source == ARTICLE_SOURCE


def test_dated_only(record):
    assert [e.event.id for e in timeline([record], undated=False)] == ["v2", "v1"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("john smith", ["v2", "v1"]),
        ("Smith", ["v2", "v1"]),
        ("Dr. John Smith", ["v2", "v1"]),
        ("Jones", ["v2"]),
        ("Tom Jones", ["v2"]),
        ("Lee", ["v3"]),
        ("Nobody", []),
        ("Smi", []),
    ],
)
def test_entity_filter(record, name, expected):
    assert [e.event.id for e in timeline([record], name)] == expected


def test_granularities_sort_as_timex(record):
    values = ["2017-05-03", "198", "2017", "2016-12", "1979"]
    events = [
        _event(i, None, "X", "act", 0, 5, date=v, date_reason="clause") for i, v in enumerate(values, 1)
    ]
    rec = record.model_copy(update={"events": events})
    assert [e.date for e in timeline([rec])] == ["1979", "198", "2016-12", "2017", "2017-05-03"]


def test_several_records_merge(record):
    other = record.model_copy(update={"id": "r2"})
    entries = timeline([record, other])
    assert [e.record_id for e in entries[:2]] == ["r1", "r2"]


def test_empty():
    assert timeline([]) == []


def test_cli_json(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Police arrested two men on Monday. The mayor praised the officers.", encoding="utf-8")
    result = CliRunner().invoke(app, ["timeline", str(article), "--json", "--published", "2017-06-06"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {d["predicate"] for d in data} >= {"arrest", "praise"}
    for d in data:
        assert d["evidence"]["text"] and d["source"]


def test_cli_table_and_entity(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Police arrested two men on Monday. The mayor praised the officers.", encoding="utf-8")
    result = CliRunner().invoke(app, ["timeline", str(article), "--entity", "nobody-at-all"])
    assert result.exit_code == 0
    assert "no events" in result.stdout


def test_cli_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["timeline", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0


MANY = (
    "Rebels seized the town of Kelso on Monday. The army launched an offensive on Tuesday. "
    "Residents fled to the capital. \"We know the place,\" a farmer said. The town has two schools. "
    "Officials think it is calm. Some people like the market. The mayor wants peace. "
    "Aid groups delivered food on Wednesday. A bridge collapsed."
)


def test_timeline_shows_main_events_unless_all_events(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(MANY, encoding="utf-8")
    runner = CliRunner()
    main = runner.invoke(app, ["timeline", str(path), "--json", "--published", "2024-03-08"])
    every = runner.invoke(app, ["timeline", str(path), "--json", "--published", "2024-03-08", "--all-events"])
    assert main.exit_code == 0 and every.exit_code == 0, main.output + every.output
    main_rows, all_rows = json.loads(main.stdout), json.loads(every.stdout)
    assert 0 < len(main_rows) < len(all_rows)
    assert "know" not in {r["predicate"] for r in main_rows}


@pytest.mark.parametrize(("date", "start", "end", "inside"), [
    ("2017-05", "2017", None, True),
    ("2017-05", "2017-06", None, False),
    ("2017-05-14", "2017-05", "2017-05", True),
    ("2017", "2017-03", "2017-04", True),  # the text says no more than the year: it may fall inside
    ("2016", "2017", None, False),
    ("2017-05", None, "2017-04-30", False),
    ("198", "1980", None, False),  # a decade names no calendar part a range can compare
    (None, "2017", None, False),
    (None, None, None, True),
])
def test_a_date_range_keeps_events_that_may_fall_inside(date, start, end, inside):
    assert in_range(date, start, end) is inside


def test_from_and_to_on_the_cli(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Police arrested two men on March 3, 2017. The mayor praised them in 2015.", encoding="utf-8")
    args = ["timeline", str(article), "--json", "--all-events", "--published", "2017-06-06"]
    every = json.loads(CliRunner().invoke(app, args).stdout)
    kept = json.loads(CliRunner().invoke(app, [*args, "--from", "2017-01", "--to", "2017-12"]).stdout)
    assert {d["date"] for d in every} >= {"2017-03-03", "2015"}
    assert [d["date"] for d in kept] == ["2017-03-03"]
    bad = CliRunner().invoke(app, [*args, "--from", "March"])
    assert bad.exit_code == 2 and "--from 'March'" in bad.output
