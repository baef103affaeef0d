"""The mentions and events kept per corpus entity and month (migration 0022) equal a count of the rows."""

from __future__ import annotations

import pytest

from _migrations import forget_migration
from newsgraph.store import Store, queries
from newsgraph.store.rows import delete_article

#: (text, entities, events, published): invented articles. Events name Jane Roe as actor, as target and once as
#: both; the third article has no month. A merge later puts two rows of one article in one corpus entity.
ARTICLES = [
    ("Jane Roe met Alan Pike. Alan Pike thanked Jane Roe. Acme Corp hired Ann Dale.",
     [("Jane Roe", "PERSON", ["Jane Roe", "Jane Roe"]), ("Alan Pike", "PERSON", ["Alan Pike", "Alan Pike"]),
      ("Acme Corp", "ORG", ["Acme Corp"]), ("Ann Dale", "PERSON", ["Ann Dale"])],
     [("Jane Roe", "met", "Alan Pike", None), ("Alan Pike", "thanked", "Jane Roe", None),
      ("Acme Corp", "hired", "Ann Dale", None)], "2023-05-01"),
    ("Jane Roe praised Jane Roe. Later Jane Roe visited Acme Corp.",
     [("Jane Roe", "PERSON", ["Jane Roe", "Jane Roe"]), ("Acme Corp", "ORG", ["Acme Corp"])],
     [("Jane Roe", "praised", "Jane Roe", None), ("Jane Roe", "visited", "Acme Corp", "2023-06-02")], "2023-06-09"),
    ("Alan Pike called Ann Dale. Ann Dale answered Alan Pike.",
     [("Alan Pike", "PERSON", ["Alan Pike"]), ("Ann Dale", "PERSON", ["Ann Dale", "Ann Dale"])],
     [("Alan Pike", "called", "Ann Dale", None), ("Ann Dale", "answered", "Alan Pike", None)], None),
]


def agree(store: Store) -> None:
    """The kept tallies are the count of the rows, and every entity's chart reads them right."""
    conn = store.conn
    assert queries.stored_entity_month_tallies(conn) == queries.counted_entity_month_tallies(conn)
    for (cid,) in conn.execute("SELECT id FROM corpus_entities").fetchall():
        for every in (False, True):
            kept = queries.entity_by_month(conn, f"#{cid}", all_events=every)[1]
            counted = queries.counted_entity_months(conn, cid, all_events=every)
            assert queries.records_of(kept.rows) == queries.records_of(counted.rows), (cid, every)
            assert kept.unplaced == counted.unplaced, (cid, every)
    assert store.check().ok


def by_hand(store: Store, name: str) -> dict[str, tuple[int, int]]:
    """(mentions, events) per month ('' none) of the entity rows named ``name``, each event once: a plain count."""
    conn = store.conn
    months: dict[str, list[int]] = {}
    for published, mentions in conn.execute(
            "SELECT a.published, e.n_mentions FROM entities e JOIN articles a ON a.id = e.article_id "
            "WHERE e.name = ?", (name,)):
        months.setdefault((published or "")[:7], [0, 0])[0] += mentions
    for _event, published in conn.execute(
            "SELECT DISTINCT v.article_id || '/' || v.id, a.published FROM events v JOIN articles a "
            "ON a.id = v.article_id JOIN entities e ON e.article_id = v.article_id "
            "AND e.id IN (v.actor, v.target) WHERE e.name = ? AND v.main = 1", (name,)):
        months.setdefault((published or "")[:7], [0, 0])[1] += 1
    return {m: (n, e) for m, (n, e) in months.items()}


@pytest.fixture
def stocked(store, make_record):
    for text, entities, events, published in ARTICLES:
        assert store.add(make_record(text, entities, events=events, published=published))
    return store


def test_each_event_counts_once_per_entity_by_its_article_month(stocked):
    _, counts = queries.entity_by_month(stocked.conn, "Jane Roe")
    rows = {r["month"]: (r["mentions"], r["events"]) for r in queries.records_of(counts.rows)}
    # "Jane Roe praised Jane Roe" is one event of hers; the visit dated 2023-06-02 is filed under its article's month.
    assert rows == {"2023-05": (2, 2), "2023-06": (2, 2)} == {m: v for m, v in by_hand(stocked, "Jane Roe").items()}
    _, dale = queries.entity_by_month(stocked.conn, "Ann Dale")
    assert dale.unplaced == {"mentions": 2, "events": 2} and by_hand(stocked, "Ann Dale")[""] == (2, 2)
    agree(stocked)


def test_the_tallies_follow_writes_merges_splits_and_deletes(stocked, make_record):
    text, entities, events, published = ARTICLES[1]
    stocked.replace(make_record(text, entities, events=events[:1], published=published))  # one event fewer
    agree(stocked)
    stocked.conn.execute("UPDATE events SET main = 0 WHERE predicate = 'thanked'")  # all_events differs now
    stocked.conn.execute("UPDATE articles SET published = '2024-01-03' WHERE published IS NULL")  # dated now
    agree(stocked)
    stocked.merge_entities("Jane Roe", "Alan Pike")  # "met" and "thanked" now have her at both ends
    agree(stocked)
    stocked.split_entity("Jane Roe", names=["Alan Pike"])
    agree(stocked)
    delete_article(stocked.conn, stocked.execute("SELECT article_id FROM events WHERE predicate = 'met'")[0][0])
    agree(stocked)
    for text, entities, events, published in ARTICLES:  # stored again, after the decisions
        stocked.replace(make_record(text, entities, events=events, published=published))
    agree(stocked)


def test_a_store_made_before_is_counted_by_the_migration(stocked):
    before = queries.stored_entity_month_tallies(stocked.conn)
    assert before
    path = forget_migration(stocked, "entity_month_tallies", "0022_entity_month_tallies")
    with Store(path) as again:
        assert queries.stored_entity_month_tallies(again.conn) == before
        agree(again)


def test_check_finds_entity_month_tallies_that_disagree_with_the_rows(stocked):
    with stocked.transaction() as conn:
        conn.execute("UPDATE entity_month_tallies SET events = events + 1 WHERE month = '2023-05'")
    report = stocked.check()
    assert not report.ok and any("entity_month_tallies" in p for p in report.problems)
