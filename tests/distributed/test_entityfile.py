"""Reading the derived entity files by entity (``newsgraph.parquet.entityfile``), across many small row groups."""

from __future__ import annotations

import random

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.parquet import entityfile
from newsgraph.parquet.entityfile import EntityFile
from newsgraph.store import queries as q


def _write(path, table: pa.Table, row_group: int, sorted_by: list[str]) -> str:
    pq.write_table(table, path, row_group_size=row_group, write_statistics=sorted_by)
    return str(path)


@pytest.fixture(scope="module")
def quotes_table() -> pa.Table:
    """Invented quote rows: 30 entities (some with none), each with ranked 'about' and 'by' rows, sorted so."""
    rng = random.Random(3)
    rows = []
    for cid in range(30):
        if cid % 7 == 3:
            continue  # an entity with no rows, between two that have some
        for role in ("about", "by"):
            for position in range(rng.choice((0, 1, 2, 5, 40))):
                rows.append((cid, role, position, f"{cid}-{role}-{position}", rng.choice((None, "2020-01"))))
    return pa.table({"corpus_entity_id": [r[0] for r in rows], "role": [r[1] for r in rows],
                     "position": [r[2] for r in rows], "content": [r[3] for r in rows],
                     "date": [r[4] for r in rows]})


@pytest.mark.parametrize("row_group", [1, 3, 8, 10_000])
def test_an_entitys_rows_are_the_rows_a_filter_gives(tmp_path, quotes_table, row_group):
    file = EntityFile(_write(tmp_path / "q.parquet", quotes_table, row_group, ["corpus_entity_id"]),
                      ("role", "position"))
    cids = quotes_table["corpus_entity_id"].to_numpy()
    roles = np.asarray(quotes_table["role"].to_pylist(), dtype=object)
    positions = quotes_table["position"].to_numpy()
    contents = quotes_table["content"].to_pylist()
    for cid in [*range(-1, 31), 99]:
        assert file.count(cid) == int((cids == cid).sum())
        for role in ("about", "by", "absent", "zzz"):
            for limit in (0, 1, 3, 39, 40, 2**62):
                want = np.flatnonzero((cids == cid) & (roles == role) & (positions < limit))
                got = file.take(cid, entityfile.in_section("role", role), entityfile.rank_below("position", limit),
                                None if limit == 2**62 else limit)
                assert got["content"].to_pylist() == [contents[i] for i in want], (cid, role, limit)
        every = file.take(cid, entityfile.every_row, entityfile.rank_below("position", 2**62))
        assert every["content"].to_pylist() == [contents[i] for i in np.flatnonzero(cids == cid)]


@pytest.mark.parametrize("row_group", [1, 4, 10_000])
def test_dated_rows_then_undated_ones(tmp_path, row_group):
    rows = []  # (entity, date, rank among its dated or undated events, rank among its main ones: every third not)
    for cid in range(6):
        for date, n in (("2021-03", cid * 2), (None, 7 - cid)):
            main = 0
            for position in range(n):
                rows.append((cid, date, position, None if position % 3 == 1 else main))
                main += position % 3 != 1
    table = pa.table({"corpus_entity_id": [r[0] for r in rows], "date": [r[1] for r in rows],
                      "position": [r[2] for r in rows], "main_position": [r[3] for r in rows]})
    file = EntityFile(_write(tmp_path / "e.parquet", table, row_group, ["corpus_entity_id"]),
                      ("date", "position", "main_position"))
    for cid in range(7):
        for null in (False, True):
            for rank in ("position", "main_position"):
                for limit in (0, 1, 2, 50):
                    want = [r for r in rows if r[0] == cid and (r[1] is None) == null
                            and r[q_index(rank)] is not None and r[q_index(rank)] < limit]
                    got = file.take(cid, entityfile.by_null("date", null=null), entityfile.rank_below(rank, limit),
                                    limit)
                    assert got["position"].to_pylist() == [r[2] for r in want], (cid, null, rank, limit)


def q_index(rank: str) -> int:
    return 2 if rank == "position" else 3


@pytest.fixture(scope="module")
def small_entity_groups(parquet_corpus, tmp_path_factory):
    """The test corpus opened with its entity files rewritten in row groups of a few rows each, so every
    entity's rows cross row groups (the corpus's own files hold one group)."""
    from newsgraph.parquet import DuckCorpus
    from newsgraph.parquet.duck import ENTITY_FILE_KEYS

    folder = tmp_path_factory.mktemp("small-entity-groups")
    root = parquet_corpus[0]
    files = {name: EntityFile(_write(folder / f"{name}.parquet", pq.read_table(root / f"{name}.parquet"), 3,
                                     ["corpus_entity_id"]), keys)
             for name, keys in ENTITY_FILE_KEYS.items()}
    assert all(files[name].file.metadata.num_row_groups > 5
               for name in ("entity_articles", "entity_quotes", "entity_events"))
    with DuckCorpus(str(root)) as corpus, DuckCorpus(str(root), use_derived=False) as plain:
        corpus.entity_files = files
        yield corpus, plain


def test_profiles_and_timelines_across_small_row_groups_are_the_datasets(small_entity_groups):
    corpus, plain = small_entity_groups
    assert corpus.derived
    ids = [r[0] for r in plain.rows("SELECT id FROM corpus_entities ORDER BY id")]
    assert ids
    for cid in ids:
        for limit in (1, 3, 50):
            assert corpus.entity(f"#{cid}", limit=limit).to_dict() == plain.entity(f"#{cid}", limit=limit).to_dict()
            for every in (False, True):
                assert q.records_of(corpus.timeline(f"#{cid}", limit=limit, all_events=every)) == q.records_of(
                    plain.timeline(f"#{cid}", limit=limit, all_events=every)), (cid, limit, every)
        assert q.records_of(corpus.quotes(by=f"#{cid}")) == q.records_of(plain.quotes(by=f"#{cid}"))
