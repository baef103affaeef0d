"""One timeline layout: ``timeline FILE`` and ``timeline --db`` print the same lines for the same events."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.record import Entity, Event, Generator, Mention, Meta, Offsets, Record, Source, SourceInfo
from newsgraph.store import Store
from newsgraph.store.labels import with_labels
from newsgraph.store.queries import records_of
from newsgraph.timeline import UNDATED, line_of_entry, line_of_row, readable_date, timeline

TEXT = ("Councillor Ada Brook became chair of the harbour board in March. "
        "She did not sign the ferry contract. Dock workers walked out.")


def _record() -> Record:
    """Three events: dated by a month, negated with no written predicate, undated with no actor entity."""
    first, second = TEXT.index("She"), TEXT.index("Dock")
    return Record(
        id="f" * 64,
        text=TEXT,
        source=SourceInfo(path="harbour.txt", format="text"),
        meta=Meta(published="2022-04-01"),  # no headline: the label is the first sentence
        entities=[Entity(id="e1", name="Ada Brook", type="PERSON",
                         mentions=[Mention(start=11, end=20, text="Ada Brook")])],
        sources=[Source(id="s1", description="a board member", kind="anonymous", anonymous=True)],
        events=[
            Event(id="v1", actor="e1", actor_text="Councillor Ada Brook", predicate="become",
                  predicate_text="became chair", object_text="of the harbour board", date="2022-03",
                  date_reason="clause", main=True, sentence=Offsets(start=0, end=first - 1)),
            Event(id="v2", actor="e1", actor_text="She", predicate="sign", negated=True,
                  object_text="the ferry contract", date="2022-03", date_reason="context", source="s1",
                  main=True, sentence=Offsets(start=first, end=second - 1)),
            Event(id="v3", actor_text="Dock workers", predicate="walk", predicate_text="walked out", main=True,
                  sentence=Offsets(start=second, end=len(TEXT))),
        ],
        generator=Generator(newsgraph="0.1.0", model="hand-built"),
    )


def test_an_article_and_its_stored_rows_give_the_same_lines(tmp_path):
    record = _record()
    from_article = [line_of_entry(e) for e in timeline([record])]
    with Store(tmp_path / "news.db") as store:
        assert store.add(record)
        rows = records_of(with_labels(store.conn, store.timeline(None), "article_id"))
    from_store = [line_of_row(r) for r in rows]
    assert from_store == from_article
    assert [(x.when, x.event, x.source) for x in from_article] == [
        ("March 2022", "Councillor Ada Brook became chair → of the harbour board", "the article"),
        ("March 2022", "She not sign → the ferry contract", "a board member"),
        (UNDATED, "Dock workers walked out", "the article"),
    ]
    assert {x.article for x in from_article} == {"Councillor Ada Brook became chair of the harbour board in March."}


@pytest.mark.parametrize(("value", "text"), [
    ("2017-03-07", "7 March 2017"), ("2017-03", "March 2017"), ("2017", "2017"), ("198", "the 1980s"),
    ("19", "the 1900s"), ("2003-Q1", "2003-Q1"), ("2017-SU", "summer 2017"), ("2017-W10", "week 10 of 2017"),
    ("PRESENT_REF", "now"), ("2017-03-07T10:30", "7 March 2017, 10:30"), ("XXXX-05", "XXXX-05"),
    ("2017-13", "2017-13"), (None, UNDATED), (float("nan"), UNDATED),
])
def test_readable_dates(value, text):
    assert readable_date(value) == text


ARTICLES = [
    {"id": "a1", "published": "2019-06-05",
     "text": "Mayor Jane Roe opened the new bridge in March, officials said. Crews repaired the road."},
    {"id": "a2", "published": "2019-06-05",
     "text": "Jane Roe criticized the state budget on Monday. The governor praised the budget last year."},
]


def test_the_cli_prints_one_layout_for_a_file_and_for_a_store(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(path), "--db", db]).exit_code == 0
    from_file = runner.invoke(app, ["timeline", str(path)])
    from_store = runner.invoke(app, ["timeline", "--db", db])
    assert from_file.exit_code == 0 and from_store.exit_code == 0, from_file.output + from_store.output
    assert "events)" in from_file.stdout and "article" in from_file.stdout
    assert from_store.stdout == from_file.stdout
