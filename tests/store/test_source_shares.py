"""Sourcing shares by role and gender (``queries.share_rows``), the ``sources`` columns and their migration."""

from __future__ import annotations

import json

import pytest

from newsgraph.record import GenderEvidence, Record, TextSpan
from newsgraph.store import Store, migrations
from newsgraph.store.queries import QueryRejected, share_dimensions

#: (text, outlet, authors, published, quotes, who's who): each source's (role, gender) by description.
ARTICLES = [
    ("Ms Roe said the bridge was unsafe. An official said it was fine. Mr Pike said repairs would start.",
     "Herald", ["Ann Ortiz"], "2021-03-02",
     [("Ms Roe", "said", "the bridge was unsafe", False), ("An official", "said", "it was fine", True),
      ("Mr Pike", "said", "repairs would start", False)],
     {"Ms Roe": ("official", "female"), "An official": ("official", None), "Mr Pike": ("expert", "male")}),
    ("Ms Dale said the vote was close. Ms Dale said the count went on.",
     "Gazette", ["Ben Quill"], "2022-07-09",
     [("Ms Dale", "said", "the vote was close", False)],
     {"Ms Dale": ("politician", "female")}),
]


def _characterised(make_record, text, outlet, authors, published, quotes, who) -> Record:
    record = make_record(text, outlet=outlet, authors=authors, published=published, quotes=quotes)
    for source in record.sources:
        role, gender = who[source.description]
        start = text.index(source.description)
        end = start + len(source.description)
        source.role = role
        source.role_evidence = [TextSpan(start=start, end=end, text=source.description)]
        source.gender = gender
        if gender:
            source.gender_evidence = [GenderEvidence(start=start, end=start + 2, text=text[start : start + 2],
                                                     gender=gender, cue="honorific")]
    return Record.model_validate(record.model_dump())


@pytest.fixture
def shared(store, make_record):
    for spec in ARTICLES:
        assert store.add(_characterised(make_record, *spec))
    return store


def _table(rows, name):
    return {r[name]: (r["sources"], r["sources_share"], r["attributions"]) for r in rows}


def test_rows_carry_role_and_gender(shared):
    rows = shared.execute("SELECT description, role, gender FROM sources ORDER BY description")
    assert rows == [("An official", "official", None), ("Mr Pike", "expert", "male"),
                    ("Ms Dale", "politician", "female"), ("Ms Roe", "official", "female")]


def test_shares_by_role_and_gender_with_unknowns(shared):
    shares = shared.sources(by="role,gender").shares
    assert _table(shares["role"], "role") == {
        "official": (2, 0.5, 2), "expert": (1, 0.25, 1), "politician": (1, 0.25, 1), "unknown": (0, 0.0, 0)}
    assert _table(shares["gender"], "gender") == {
        "female": (2, 0.5, 2), "male": (1, 0.25, 1), "unknown": (1, 0.25, 1)}
    assert shares["gender"][-1]["gender"] == "unknown"  # the unknowns come last, always listed


def test_shares_per_outlet_author_and_period(shared):
    per_outlet = shared.sources(by="gender,outlet").shares["gender"]
    assert {(r["outlet"], r["gender"]): r["sources"] for r in per_outlet} == {
        ("Gazette", "female"): 1, ("Gazette", "unknown"): 0,
        ("Herald", "female"): 1, ("Herald", "male"): 1, ("Herald", "unknown"): 1}
    per_author = shared.sources(by="role,author").shares["role"]
    assert {r["author"] for r in per_author} == {"Ann Ortiz", "Ben Quill"}
    per_year = shared.sources(by="year").shares  # a grouping alone gives both shares
    assert set(per_year) == {"role", "gender"}
    assert {r["year"] for r in per_year["gender"]} == {"2021", "2022"}
    month = shared.sources(by=["gender", "month"]).shares["gender"]
    assert {r["month"] for r in month} == {"2021-03", "2022-07"}


def test_shares_follow_the_filters(shared):
    herald = shared.sources(outlet="herald", by="gender").shares["gender"]
    assert _table(herald, "gender")["female"] == (1, 0.3333, 1)
    assert shared.sources().shares == {}  # without --by, no shares


@pytest.mark.parametrize("by", ["colour", "outlet,author", "role,weekday"])
def test_share_dimensions_refuse_what_they_cannot_share(by):
    with pytest.raises(QueryRejected):
        share_dimensions(by)


def test_share_dimensions():
    assert share_dimensions("role, gender") == (["role", "gender"], None)
    assert share_dimensions("gender,outlet") == (["gender"], "outlet")
    assert share_dimensions(None) == ([], None)


def test_the_migration_fills_role_and_gender_from_stored_records(tmp_path, monkeypatch, make_record):
    """A store made before ``0011_source_roles`` gets the columns, filled from the record JSON."""
    path = tmp_path / "news.db"
    record = _characterised(make_record, *ARTICLES[0])
    older = _characterised(make_record, *ARTICLES[1])  # as the code before roles wrote it: no such fields
    older_json = json.loads(older.to_json())
    for source in older_json["sources"]:
        for key in ("role", "role_evidence", "gender", "gender_evidence"):
            del source[key]
    monkeypatch.setattr(migrations, "MIGRATIONS", tuple(m for m in migrations.MIGRATIONS if m.name < "0011"))
    with Store(path) as old:
        old.conn.execute("BEGIN")
        for rec, text in ((record, record.to_json()), (older, json.dumps(older_json))):
            old.conn.execute("INSERT INTO articles (id, text, ingested_at) VALUES (?, ?, 'now')", (rec.id, rec.text))
            old.conn.execute("INSERT INTO records (id, json) VALUES (?, ?)", (rec.id, text))
            for s in rec.sources:
                old.conn.execute("INSERT INTO sources (article_id, id, description, kind) VALUES (?, ?, ?, ?)",
                                 (rec.id, s.id, s.description, s.kind))
        old.conn.execute("COMMIT")
        assert "role" not in {r[1] for r in old.execute("PRAGMA table_info(sources)")}
    monkeypatch.undo()
    with Store(path) as store:
        assert "0011_source_roles" in store.migrations()
        assert store.execute("SELECT description, role, gender FROM sources WHERE article_id = ? ORDER BY id",
                             (record.id,)) == [
            ("Ms Roe", "official", "female"), ("An official", "official", None), ("Mr Pike", "expert", "male")]
        assert store.execute("SELECT description, role, gender FROM sources WHERE article_id = ?",
                             (older.id,)) == [("Ms Dale", None, None)]
        assert _table(store.sources(by="gender").shares["gender"], "gender")["unknown"][0] == 2
