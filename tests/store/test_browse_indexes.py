"""The tables and flags that let the browse views read a range instead of scanning (migrations 0015-0017).

Each is compared with what the rows say, counted here independently: the
timeline of every event with the old walk (every event, the non-lead reports
skipped), the ``source_kind`` filter with the articles whose attributions have a
source of that kind, after ingest, re-processing, merge, split, rebuild and on a
store made before the migrations.
"""

from __future__ import annotations

import pytest

from newsgraph.store import Store, migrations, queries

ROE, PIKE, LANE = ("Jane Roe", "PERSON", ["Jane Roe"]), ("Alan Pike", "PERSON", ["Alan Pike"]), \
    ("Kim Lane", "PERSON", ["Kim Lane"])

#: Invented articles: one event told by three outlets (one corpus event), near misses, undated events,
#: a quote by a named person and one by an anonymous source.
SPECS = [
    dict(text="Alan Pike warned Jane Roe about the ferry fares on Monday. Pike said \"fares must fall\".",
         entities=[PIKE, ROE], published="2021-03-05", outlet="Herald",
         quotes=[("Alan Pike", "said", "fares must fall", False)],
         events=[("Alan Pike", "warned", "Jane Roe", "2021-03-04")]),
    dict(text="On Monday Alan Pike warned Jane Roe that the ferry fares would rise. Kim Lane thanked Jane Roe.",
         entities=[PIKE, ROE, LANE], published="2021-03-06", outlet="Times",
         events=[("Alan Pike", "warned", "Jane Roe", "2021-03-04"), ("Kim Lane", "thanked", "Jane Roe", None)]),
    dict(text="Alan Pike warned Jane Roe in March over the ferry fares. An official said \"talks failed\".",
         entities=[PIKE, ROE], published="2021-03-04", outlet="Gazette",
         quotes=[("an official", "said", "talks failed", True)],
         events=[("Alan Pike", "warned", "Jane Roe", "2021-03")]),
    dict(text="Kim Lane praised Alan Pike on the quay. Jane Roe resigned from the harbour board.",
         entities=[LANE, PIKE, ROE], outlet="Herald",
         events=[("Kim Lane", "praised", "Alan Pike", "2021-02-01"), ("Jane Roe", "resigned", None, None)]),
    dict(text="Kim Lane praised Alan Pike at the quay. A spokesman said \"no comment\".",
         entities=[LANE, PIKE], published="2020-12-01",
         quotes=[("a spokesman", "said", "no comment", True)],
         events=[("Kim Lane", "praised", "Alan Pike", "2021-02-01")]),
]


def _walked(conn, every: bool, limit: int | None) -> list[tuple[str, str]]:
    """The timeline of every event as it was found before 0015: all events, non-lead reports skipped."""
    bit = 1 if every else 2
    lead = {(a, e): int(n) for a, e, n in conn.execute("SELECT article_id, event_id, lead FROM event_reports")}
    rows = queries.timeline(conn, None, all_events=every)
    kept = [(a, e) for a, e in zip(rows["article_id"], rows["event_id"], strict=True)
            if (a, e) not in lead or lead[(a, e)] & bit]
    return kept if limit is None else kept[:limit]


def _hidden_agrees(conn) -> bool:
    """Every event's ``hidden`` bits are the complement of its report's ``lead`` (0 with no report)."""
    wrong = conn.execute("""SELECT count(*) FROM events v LEFT JOIN event_reports r
        ON r.article_id = v.article_id AND r.event_id = v.id
        WHERE v.hidden != CASE WHEN r.lead IS NULL THEN 0 ELSE 3 & ~r.lead END""").fetchone()[0]
    return wrong == 0


def _assert_timelines(store: Store) -> None:
    assert _hidden_agrees(store.conn)
    n = store.count("events")
    for every in (False, True):
        for limit in (*range(n + 2), None):
            read = queries.timeline(store.conn, None, limit=limit, all_events=every, corpus_events=True)
            assert list(zip(read["article_id"], read["event_id"], strict=True)) == _walked(store.conn, every, limit)
        plain = queries.timeline(store.conn, None, all_events=every)
        for limit in range(n + 2):
            cut = queries.timeline(store.conn, None, limit=limit, all_events=every)
            assert list(cut["event_id"]) == list(plain["event_id"][:limit])
            assert list(cut["article_id"]) == list(plain["article_id"][:limit])


def _kind_articles(conn, kind: str) -> set[str]:
    return {r[0] for r in conn.execute("""SELECT DISTINCT q.article_id FROM attributions q
        JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id WHERE s.kind = ?""", (kind,))}


def _assert_kinds(store: Store) -> None:
    conn = store.conn
    counted = {r[:2]: r[2] for r in conn.execute("""SELECT s.kind, q.article_id, count(*) FROM attributions q
        JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id GROUP BY 1, 2""")}
    assert {r[:2]: r[2] for r in conn.execute("SELECT kind, article_id, attributions FROM articles_by_source_kind")} \
        == counted
    for kind in ("person", "anonymous", "media"):
        expected = _kind_articles(conn, kind)
        for sort in queries.ARTICLE_SORTS:
            for extra in ({}, {"outlet": "Herald"}, {"date_from": "2021"}):
                page = queries.articles_page(conn, source_kind=kind, sort=sort, **extra)
                every = queries.articles_page(conn, sort=sort, **extra)
                assert page.total == len(page.rows) == len(expected & set(every.rows["id"]))
                # The filtered page is the unfiltered one with the other articles left out, in its order.
                assert list(page.rows["id"]) == [i for i in every.rows["id"] if i in expected]
                if page.total > 1:
                    second = queries.articles_page(conn, source_kind=kind, sort=sort, limit=1, offset=1, **extra)
                    assert list(second.rows["id"]) == list(page.rows["id"][1:2])


@pytest.fixture
def records(make_record):
    return [make_record(**spec) for spec in SPECS]


def test_timeline_of_every_event_and_kind_filter_follow_every_change(store, records, make_record):
    for record in records:
        store.add(record)
    assert store.execute("SELECT max(reports) FROM event_clusters")[0][0] == 3
    _assert_timelines(store)
    _assert_kinds(store)
    # Re-processing: the first article now dates the event another month, and loses its quote.
    changed = make_record(**{**SPECS[2], "events": [("Alan Pike", "warned", "Jane Roe", "2021-02")], "quotes": []})
    store.replace(changed.model_copy(update={"id": records[2].id}))
    _assert_timelines(store)
    _assert_kinds(store)
    store.merge_entities("Jane Roe", "Kim Lane")
    _assert_timelines(store)
    store.split_entity("Jane Roe", names=["Kim Lane"])
    _assert_timelines(store)
    store.rebuild_event_clusters()
    _assert_timelines(store)
    with store.transaction() as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (records[0].id,))
    _assert_timelines(store)
    _assert_kinds(store)


def test_the_migrations_fill_a_store_made_before(tmp_path, monkeypatch, records):
    path = tmp_path / "old.db"
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "MIGRATIONS", tuple(m for m in migrations.MIGRATIONS if m.name < "0015"))
        with Store(path) as old:
            for record in records:
                old.add(record)
            assert "hidden" not in {r[1] for r in old.execute("PRAGMA table_info(events)")}
    with Store(path) as store:
        assert {"0015_event_leads", "0016_articles_by_source_kind", "0017_browse_indexes"} <= set(store.migrations())
        _assert_timelines(store)
        _assert_kinds(store)


def test_profile_titles_are_read_from_the_titled_rows(store, make_record):
    text = "Prime Minister Jane Roe met Kim Lane."
    store.add(make_record(text, [ROE, LANE], titles={"Jane Roe": ["Prime Minister"]}, published="2021-01-02"))
    store.add(make_record("Jane Roe spoke.", [ROE], published="2021-02-02"))
    profile = store.entity("Jane Roe")
    assert list(profile.titles["title"]) == ["Prime Minister"]
    assert int(profile.titles["articles"].iloc[0]) == 1
    plan = " ".join(str(r[-1]) for r in store.execute(
        f"EXPLAIN QUERY PLAN {queries.PROFILE_TITLES_SQL}", (profile.entity.id,)))
    assert "entities_titled" in plan


def test_check_names_a_flag_or_kind_row_that_disagrees(store, records):
    for record in records:
        store.add(record)
    assert store.check().ok, store.check().problems
    with store.transaction() as conn:
        conn.execute("UPDATE events SET hidden = 3 WHERE rowid = (SELECT min(rowid) FROM events WHERE hidden = 0)")
        conn.execute("UPDATE articles_by_source_kind SET attributions = attributions + 1 WHERE kind = 'anonymous'")
    problems = " ".join(store.check().problems)
    assert "events.hidden" in problems and "articles_by_source_kind" in problems


def test_every_quote_is_read_in_article_order_up_to_the_limit(store, records, make_record):
    for record in records:
        store.add(record)
    store.add(make_record("An aide said \"it rained\". Another aide said \"it poured\".",
                          quotes=[("an aide", "said", "it rained", True), ("another aide", "said", "it poured", True)]))
    plain = [tuple(r) for r in store.execute(
        "SELECT q.article_id, q.id FROM attributions q JOIN articles a ON a.id = q.article_id "
        "ORDER BY a.published IS NULL, a.published, a.rowid, q.content_start, q.id")]
    assert len(plain) == 5
    for limit in (*range(len(plain) + 2), None):
        read = queries.quotes(store.conn, limit=limit)
        assert list(zip(read["article_id"], read["attribution_id"], strict=True)) == plain[:limit]


def test_article_pages_by_each_sort_are_the_sorted_query_cut(store, records, make_record):
    for record in records:
        store.add(record)
    store.add(make_record("Untitled and undated.", title=None))
    store.add(make_record("apple pie won.", title="apple pie", published="2021-01-01"))
    store.add(make_record("Apple cart tipped.", title="Apple cart"))
    for sort, order in queries.ARTICLE_SORTS.items():
        plain = [r[0] for r in store.execute(f"SELECT a.id FROM articles a ORDER BY {order}")]
        for offset in range(len(plain) + 1):
            for limit in (1, 2, 3, 50):
                page = queries.articles_page(store.conn, sort=sort, limit=limit, offset=offset)
                assert list(page.rows["id"]) == plain[offset:offset + limit], (sort, offset, limit)
                assert page.total == len(plain)
