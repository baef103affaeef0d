"""The running counts ``stats`` reads (``tallies``, migration 0006) against counts of the tables themselves."""

from __future__ import annotations

import sqlite3

from newsgraph.store import Store, migrations
from newsgraph.store.queries import counted_tallies, tallied


def _nonzero(counts: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    return {k: n for k, n in counts.items() if n}


def _agree(store: Store) -> None:
    assert _nonzero(tallied(store.conn)) == _nonzero(counted_tallies(store.conn))


def _records(make_record):
    return [
        make_record("Jane Roe spoke in Springfield on Monday.", [("Jane Roe", "PERSON", ["Jane Roe"]),
                                                                 ("Springfield", "GPE", ["Springfield"])],
                    outlet="The Ledger", published="2024-05-06"),
        make_record("Alan Pike said he met Jane Roe in Portland.", [("Alan Pike", "PERSON", ["Alan Pike"]),
                                                                    ("Jane Roe", "PERSON", ["Jane Roe"])],
                    outlet="The Ledger", quotes=[("Alan Pike", "said", "he met Jane Roe", False)]),
        make_record("Officials in Denver said the plan would pass.", [("Denver", "GPE", ["Denver"])],
                    outlet="Daily Post", version="0.0.9",
                    events=[("Denver", "pass", None, "2024-05-07")]),
    ]


def test_tallies_follow_every_write(tmp_path, make_record):
    with Store(tmp_path / "news.db") as store:
        _agree(store)
        records = _records(make_record)
        for record in records:
            store.add(record)
            _agree(store)
        store.merge_entities("Jane Roe", "Alan Pike")
        _agree(store)
        store.split_entity("Jane Roe", names=["Alan Pike"])
        _agree(store)
        with store.transaction() as conn:  # an article and, by cascade, all its rows
            conn.execute("DELETE FROM articles WHERE id = ?", (records[0].id,))
        _agree(store)
        info = store.stats()
    assert info["counts"]["articles"] == 2 and info["counts"]["entities"] == 3
    assert info["outlets"] == [{"outlet": "Daily Post", "articles": 1}, {"outlet": "The Ledger", "articles": 1}]
    assert sorted(g["newsgraph"] for g in info["generators"]) == ["0.0.9", "0.1.0"]
    assert info["words"] == sum(len(r.text.split()) for r in records[1:])
    assert info["published"]["dated_articles"] == 0


def test_a_rolled_back_write_leaves_the_tallies_as_they_were(tmp_path, make_record):
    first, second, _ = _records(make_record)
    with Store(tmp_path / "news.db") as store:
        store.add(first)
        before = tallied(store.conn)
        try:
            with store.transaction() as conn:
                conn.execute("DELETE FROM articles")
                raise RuntimeError("a crash inside the transaction")
        except RuntimeError:
            pass
        assert tallied(store.conn) == before
        store.add(second)
        _agree(store)


def test_the_migration_counts_an_older_store(tmp_path, monkeypatch):
    path = tmp_path / "news.db"
    monkeypatch.setattr(migrations, "MIGRATIONS", tuple(m for m in migrations.MIGRATIONS if m.name < "0006"))
    with Store(path) as old:  # rows as an older newsgraph wrote them (plain SQL: today's row builder is newer)
        old.conn.execute("BEGIN")
        old.conn.executemany(
            "INSERT INTO articles (id, text, n_words, outlet, published, newsgraph_version, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, '0.0.9', 'now')",
            [("a1", "Jane Roe spoke.", 3, "The Ledger", "2024-05-06"),
             ("a2", "Alan Pike spoke.", 3, "The Ledger", None), ("a3", "Jane Roe left.", 3, "Daily Post", None)])
        old.conn.executemany("INSERT INTO corpus_entities (id, name, type, pinned, created_at) "
                             "VALUES (?, ?, 'PERSON', 0, 'now')",
                             [(1, "Jane Roe"), (2, "Alan Pike"), (3, "Nobody Now")])
        old.conn.executemany("INSERT INTO entities (article_id, id, name, key, corpus_entity_id) "
                             "VALUES (?, 'e1', ?, ?, ?)",
                             [("a1", "Jane Roe", "jane roe", 1), ("a2", "Alan Pike", "alan pike", 2),
                              ("a3", "Jane Roe", "jane roe", 1)])
        old.conn.execute("COMMIT")
        assert "tallies" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    monkeypatch.undo()
    with Store(path) as store:
        assert "0006_tallies" in store.migrations()
        _agree(store)
        info = store.stats()
    assert info["counts"]["articles"] == 3 and info["counts"]["entities"] == 3
    assert info["counts"]["corpus_entities"] == 2  # in use by an article: "Nobody Now" is not
    assert info["outlets"] == [{"outlet": "The Ledger", "articles": 2}, {"outlet": "Daily Post", "articles": 1}]
    assert info["words"] == 9 and info["published"]["dated_articles"] == 1


def test_check_names_tallies_that_disagree(tmp_path, make_record):
    path = tmp_path / "news.db"
    with Store(path) as store:
        for record in _records(make_record):
            store.add(record)
        assert store.check().ok
    with sqlite3.connect(path) as conn:  # a hand edit that bypasses the triggers
        conn.execute("UPDATE tallies SET n = n + 5 WHERE kind = 'rows' AND key = 'mentions'")
    with Store(path, readonly=True) as store:
        report = store.check()
    assert not report.ok
    assert any("tallies" in p and "rows mentions" in p for p in report.problems), report.problems
