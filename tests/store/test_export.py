"""Exports: records as JSONL, each table as JSONL/CSV/Parquet, readable by pandas and DuckDB."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from newsgraph.errors import StoreError
from newsgraph.record import Record
from newsgraph.store.export import EXPORT_TABLES


@pytest.fixture
def filled(store, make_record):
    store.add(make_record("Mayor Jane Roe said \"it is safe\" on Monday.", [("Jane Roe", "PERSON", ["Jane Roe"])],
                          published="2021-03-02", quotes=[("Jane Roe", "said", "it is safe", False)],
                          events=[("Jane Roe", "said", None, "2021-03-01")]))
    store.add(make_record("Alan Pike and Jane Roe met.", [("Alan Pike", "PERSON", ["Alan Pike"]),
                                                          ("Jane Roe", "PERSON", ["Jane Roe"])]))
    return store


def test_records_jsonl_round_trip(filled, tmp_path):
    out = tmp_path / "records.jsonl"
    assert filled.export("jsonl", out) == [out]
    lines = out.read_text().splitlines()
    assert [Record.from_json(line) for line in lines] == list(filled.records())


@pytest.mark.parametrize("table", [t for t in EXPORT_TABLES if t != "records"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_each_table_in_each_format(filled, tmp_path, table, fmt):
    out = tmp_path / f"{table}.{fmt}"
    filled.export(fmt, out, table=table)
    expected = len(filled.table(table))
    if fmt == "parquet":
        df = pd.read_parquet(out)
    elif fmt == "csv":
        df = pd.read_csv(out)
    else:
        df = pd.read_json(out, lines=True) if out.stat().st_size else pd.DataFrame()
    assert len(df) == expected
    if expected:
        assert list(df.columns) == list(filled.table(table).columns)


def test_parquet_is_readable_by_duckdb_and_keeps_types(filled, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    paths = filled.export("parquet", tmp_path / "pq")
    assert {p.name for p in paths} == {f"{t}.parquet" for t in EXPORT_TABLES}
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{tmp_path / 'pq' / 'mentions.parquet'}')").fetchone()[0]
    assert n == filled.count("mentions")
    row = con.execute(
        f"SELECT e.name, count(*) FROM read_parquet('{tmp_path / 'pq' / 'entities.parquet'}') e "
        "GROUP BY e.name ORDER BY 2 DESC, 1 LIMIT 1").fetchone()
    assert row == ("Jane Roe", 2)
    described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{tmp_path / 'pq' / 'mentions.parquet'}')")
    types = {r[0]: r[1] for r in described.fetchall()}
    assert types["start"] == "BIGINT" and types["text"] == "VARCHAR"
    record = json.loads(pd.read_parquet(tmp_path / "pq" / "records.parquet").record[0])
    assert record["schema"] == "newsgraph.record/1"


def test_empty_table_exports_an_empty_parquet_with_columns(store, tmp_path):
    out = tmp_path / "events.parquet"
    store.export("parquet", out, table="events")
    df = pd.read_parquet(out)
    assert df.empty and "predicate" in df.columns


@pytest.mark.parametrize(
    ("fmt", "out", "table", "message"),
    [("xml", "x", None, "unknown format"), ("csv", None, None, "needs --out"),
     ("parquet", None, "articles", "needs --out"), ("csv", "x.csv", "nonsense", "no table")],
)
def test_export_errors(store, tmp_path, fmt, out, table, message):
    with pytest.raises(StoreError, match=message):
        store.export(fmt, tmp_path / out if out else None, table=table)


def test_parquet_dates_are_timestamps_and_counts_integers(filled, tmp_path):
    """``published`` and the store's own times load as dates in pandas and DuckDB, counts as integers."""
    duckdb = pytest.importorskip("duckdb")
    paths = filled.export("parquet", tmp_path / "pq")
    articles = pd.read_parquet(tmp_path / "pq" / "articles.parquet")
    assert str(articles["published"].dtype).startswith("datetime64")
    assert str(articles["ingested_at"].dtype).startswith("datetime64")
    assert sorted(str(v)[:10] for v in articles["published"].dropna()) == ["2021-03-02"]
    assert str(articles["n_words"].dtype) == "int64"
    con = duckdb.connect()
    rows = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{tmp_path / 'pq' / 'articles.parquet'}')").fetchall()
    described = {r[0]: r[1] for r in rows}
    assert described["published"] == "TIMESTAMP" and described["n_words"] == "BIGINT"
    before = con.execute(f"SELECT count(*) FROM read_parquet('{tmp_path / 'pq' / 'articles.parquet'}') "
                         "WHERE published < DATE '2021-04-01'").fetchone()[0]
    assert before == 1 and paths
