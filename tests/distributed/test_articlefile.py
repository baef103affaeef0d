"""Fetching articles by ``corpus_order`` from their row groups (``newsgraph.parquet.articlefile``)."""

from __future__ import annotations

import random

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.parquet.articlefile import ArticleGroups

COLUMNS = ("id", "title", "path", "url", "text")


def _files(tmp_path, row_group: int) -> list[str]:
    """Invented article files: orders shuffled within each file (so groups' bounds overlap, one file's range
    inside another's), a file without the ``url`` column, one order written twice (in two files)."""
    rng = random.Random(5)
    orders = list(range(0, 3000, 3))
    rng.shuffle(orders)
    chunks = [sorted(orders[:400]), orders[400:700], [*sorted(orders[700:]), orders[0]]]
    paths = []
    for n, chunk in enumerate(chunks):
        data = {"id": [f"a{o}-{n}" for o in chunk], "title": [f"Title {o}" for o in chunk],
                "path": [None if o % 2 else f"/in/{o}.txt" for o in chunk],
                "url": [f"https://example.org/{o}" for o in chunk],
                "text": [" ".join(["word"] * (o % 17)) or None for o in chunk],
                "corpus_order": pa.array(chunk, type=pa.int64())}
        if n == 1:
            del data["url"]
        path = str(tmp_path / f"part-{n}.parquet")
        pq.write_table(pa.table(data), path, row_group_size=row_group)
        paths.append(path)
    return paths


def _plain(paths: list[str], orders: list[int]) -> dict[int, tuple]:
    """The same lookup as one DuckDB filter over the files (first file wins for an order written twice)."""
    listed = ", ".join(f"'{p}'" for p in paths)
    rows = duckdb.sql(f"""SELECT corpus_order, {", ".join(COLUMNS)} FROM read_parquet([{listed}], union_by_name = true,
                          filename = true) WHERE corpus_order IN ({", ".join(map(str, orders))})
                          ORDER BY filename""").fetchall() if orders else []
    found: dict[int, tuple] = {}
    for order, *row in rows:
        found.setdefault(order, tuple(row))
    return found


@pytest.mark.parametrize("row_group", [1, 7, 64, 10_000])
def test_the_hits_are_the_rows_a_filter_gives(tmp_path, row_group):
    paths = _files(tmp_path, row_group)
    groups = ArticleGroups(paths)
    assert groups.usable
    rng = random.Random(row_group)
    cases = [[], [0], [1], [-5, 10**9], [2997, 0, 3], sorted(rng.sample(range(-3, 3003), 40)),
             rng.sample(range(0, 3000, 3), 20)]
    for orders in cases * 2:  # twice: the second time from the decoded groups kept
        assert groups.rows(orders, COLUMNS) == _plain(paths, orders), orders


def test_a_group_without_bounds_is_not_used(tmp_path):
    path = str(tmp_path / "nostats.parquet")
    pq.write_table(pa.table({"id": ["a"], "corpus_order": pa.array([4], type=pa.int64())}), path,
                   write_statistics=False)
    assert not ArticleGroups([path]).usable
