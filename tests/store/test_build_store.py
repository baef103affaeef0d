"""``benchmarks/build_store.py`` copies a store up in bulk: its derived tables equal a count from the rows.

The bulk copy drops the triggers while it copies and counts every derived table
again afterwards with the migrations that made it; here a small hand-built store
is copied up and its tallies compared with the counts ``newsgraph check`` makes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.store import Store, queries

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from build_store import bulk_scale_up

#: Problems a copied store has by construction (its copies have no record, raw input or similarity rows).
COPY_NOTES = ("without their record", "without a raw input", "not in the near-duplicate index")


def test_a_bulk_copy_counts_its_derived_tables_as_the_rows_say(tmp_path: Path, make_record) -> None:
    path = tmp_path / "base.db"
    with Store(path) as store:
        store.add(make_record("Jane Roe said the plan was fine. An official said it was late.",
                              [("Jane Roe", "PERSON", ["Jane Roe"])],
                              quotes=[("Jane Roe", "said", "the plan was fine", False),
                                      ("An official", "said", "it was late", True)],
                              outlet="Herald", authors=["Ann Smith"], published="2023-05-01"))
        store.add(make_record("Alan Pike met Jane Roe. Police said the road was closed.",
                              [("Alan Pike", "PERSON", ["Alan Pike"]), ("Jane Roe", "PERSON", ["Jane Roe"])],
                              quotes=[("Police", "said", "the road was closed", False)], outlet="Courier",
                              events=[("Alan Pike", "met", "Jane Roe", "2023-04-30")]))
    assert bulk_scale_up(path, 7, spread=True) == 8
    with Store(path) as store:
        conn = store.conn
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 8
        assert queries.stored_source_tallies(conn) == queries.counted_source_tallies(conn)
        assert queries.tallied(conn) == {k: n for k, n in queries.counted_tallies(conn).items()
                                         if n or k in queries.tallied(conn)}
        assert len({r[0] for r in conn.execute("SELECT outlet FROM articles")}) == 8  # spread over outlets
        assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'road'").fetchone()[0] == 4
        problems = [p for p in store.check().problems if not any(note in p for note in COPY_NOTES)]
        assert problems == []
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] > 50
