"""The names, articles, mentions and source rows kept per corpus entity (migration 0020) equal a count of the rows."""

from __future__ import annotations

import pytest

from _migrations import forget_migration
from newsgraph.store import Store, queries
from newsgraph.store.rows import delete_article

#: (text, entities, quotes): invented articles. Jane Roe goes by "Jane Roe" and "Roe" and is twice a source in the
#: first; the second names her twice as two article entities of the same name; Acme is never a source.
ARTICLES = [
    ("Jane Roe said the plan was fine. Roe said it was late. Acme Corp said nothing new.",
     [("Jane Roe", "PERSON", ["Jane Roe"]), ("Roe", "PERSON", ["Roe"]), ("Acme Corp", "ORG", ["Acme Corp"])],
     [("Jane Roe", "said", "the plan was fine", False), ("Roe", "said", "it was late", False)]),
    ("Jane Roe met Alan Pike. Later Jane Roe said the bridge was safe. Acme Corp and Acme Corp staff waited.",
     [("Jane Roe", "PERSON", ["Jane Roe"]), ("Alan Pike", "PERSON", ["Alan Pike"]),
      ("Jane Roe", "PERSON", ["Jane Roe"]), ("Acme Corp", "ORG", ["Acme Corp", "Acme Corp"])],
     [("Jane Roe", "said", "the bridge was safe", False)]),
    ("Alan Pike said the road was closed. Ann Dale said the road would open. Acme Corp agreed.",
     [("Alan Pike", "PERSON", ["Alan Pike"]), ("Ann Dale", "PERSON", ["Ann Dale"]),
      ("Acme Corp", "ORG", ["Acme Corp"])],
     [("Alan Pike", "said", "the road was closed", False), ("Ann Dale", "said", "the road would open", False)]),
]


def agree(store: Store) -> None:
    """The kept tallies are the count of the rows, and every profile's names and source rows read them right."""
    conn = store.conn
    assert queries.stored_entity_name_tallies(conn) == queries.counted_entity_name_tallies(conn)
    for (cid,) in conn.execute("SELECT id FROM corpus_entities").fetchall():
        kept = conn.execute(queries.PROFILE_NAMES_SQL, (cid,)).fetchall()
        counted = conn.execute(queries.PROFILE_NAMES_COUNTED_SQL, (cid,)).fetchall()
        assert kept == counted, cid
        joined = conn.execute("SELECT count(*) FROM entities e JOIN sources s ON s.article_id = e.article_id "
                              "AND s.entity_id = e.id WHERE e.corpus_entity_id = ?", (cid,)).fetchone()[0]
        assert conn.execute(queries.ENTITY_SOURCE_ROWS_SQL, (cid,)).fetchone()[0] == joined, cid
    # The entity list's sorts read the same tallies: equal to a count of the entity rows.
    assert sorted(conn.execute(queries.ENTITY_COUNTS_SQL)) == sorted(conn.execute(queries.ENTITY_COUNTS_COUNTED_SQL))
    assert store.check().ok


@pytest.fixture
def stocked(store, make_record):
    for text, entities, quotes in ARTICLES:
        assert store.add(make_record(text, entities, quotes=quotes, published="2023-05-01"))
    return store


def test_the_profile_names_count_articles_once_and_mentions_each(stocked):
    profile = stocked.entity("Jane Roe")
    names = queries.records_of(profile.names)
    # Two entity rows named "Jane Roe" in the second article count one article and both mentions.
    assert names == [{"name": "Jane Roe", "type": "PERSON", "articles": 2, "mentions": 3},
                     {"name": "Roe", "type": "PERSON", "articles": 1, "mentions": 1}]
    assert len(profile.quotes_by) == 3
    acme = queries.records_of(stocked.entity("Acme Corp").names)
    assert acme == [{"name": "Acme Corp", "type": "ORG", "articles": 3, "mentions": 4}]
    assert stocked.entity("Acme Corp").quotes_by.empty
    agree(stocked)


def test_the_tallies_follow_reprocessing_deletes_merges_and_splits(stocked, make_record):
    text, entities, quotes = ARTICLES[1]
    stocked.replace(make_record(text, entities[:2], quotes=[], published="2023-05-01"))  # fewer rows, no quote
    agree(stocked)
    delete_article(stocked.conn, stocked.execute("SELECT article_id FROM entities WHERE name = 'Ann Dale'")[0][0])
    agree(stocked)
    stocked.merge_entities("Jane Roe", "Alan Pike")
    assert {r["name"] for r in queries.records_of(stocked.entity("Jane Roe").names)} >= {"Jane Roe", "Alan Pike"}
    agree(stocked)
    stocked.split_entity("Jane Roe", names=["Alan Pike"])
    agree(stocked)
    for text, entities, quotes in ARTICLES:  # stored again, after the decisions
        stocked.replace(make_record(text, entities, quotes=quotes, published="2023-05-01"))
    agree(stocked)


def test_a_store_made_before_is_counted_by_the_migration(stocked):
    before = queries.stored_entity_name_tallies(stocked.conn)
    assert before
    path = forget_migration(stocked, "entity_name_tallies", "0020_entity_name_tallies")
    with Store(path) as again:
        assert queries.stored_entity_name_tallies(again.conn) == before
        agree(again)


def test_check_finds_entity_name_tallies_that_disagree_with_the_rows(stocked):
    with stocked.transaction() as conn:
        conn.execute("UPDATE entity_name_tallies SET sources = sources + 1 WHERE name = 'Roe'")
    report = stocked.check()
    assert not report.ok and any("entity_name_tallies" in p for p in report.problems)
