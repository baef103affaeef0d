"""Entity profile queries read the entity's articles in date order in batches: the same rows as one
plain query over all of them, and work proportional to the limit."""

from __future__ import annotations

import pandas as pd
import pytest

from newsgraph.store import queries

_QUOTES_BY = f"""
    SELECT {queries._QUOTE_COLUMNS}
    FROM entities e
    JOIN sources s ON s.article_id = e.article_id AND s.entity_id = e.id
    JOIN attributions q ON q.article_id = s.article_id AND q.source_id = s.id
    JOIN articles a ON a.id = q.article_id
    WHERE e.corpus_entity_id = ?
    ORDER BY a.published IS NULL, a.published, a.rowid, q.content_start, q.id LIMIT ?"""
_QUOTES_ABOUT = f"""
    SELECT DISTINCT {queries._QUOTE_COLUMNS}
    FROM entities e
    JOIN attributions q ON q.article_id = e.article_id
    JOIN mentions m ON m.article_id = q.article_id AND m.entity_id = e.id
         AND m.start >= q.content_start AND m."end" <= q.content_end
    JOIN articles a ON a.id = q.article_id
    LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
    LEFT JOIN entities se ON se.article_id = s.article_id AND se.id = s.entity_id
    WHERE e.corpus_entity_id = ? AND (se.corpus_entity_id IS NULL OR se.corpus_entity_id != e.corpus_entity_id)
    ORDER BY a.published IS NULL, a.published, a.rowid, q.content_start, q.id LIMIT ?"""
_ARTICLES = """
    WITH per_article AS (
        SELECT article_id, sum(n_mentions) AS mentions, max(salience) AS salience
        FROM entities WHERE corpus_entity_id = ? GROUP BY article_id
    )
    SELECT a.id, a.published, a.title, a.outlet, p.mentions, round(p.salience, 3) AS salience
    FROM per_article p JOIN articles a ON a.id = p.article_id
    ORDER BY a.published IS NULL, a.published, a.rowid LIMIT ?"""


@pytest.fixture
def corpus(store, make_record):
    """40 articles: dated (with repeated dates), undated; Jane Roe quoted, quoted about, or only named."""
    for i in range(40):
        published = None if i % 5 == 0 else f"2021-0{1 + i % 3}-1{i % 2}"
        roe = i % 4 != 3
        text = f"Story {i}. Mayor Jane Roe spoke. \"Roe is right {i},\" an aide said. \"We build {i},\" Roe said."
        entities = [("Alan Pike", "PERSON", ["Story"])]
        quotes = [("an aide", "said", f"Roe is right {i}", True)]
        if roe:
            entities.insert(0, ("Jane Roe", "PERSON", ["Jane Roe", "Roe", "Roe"]))
            quotes.append(("Jane Roe", "Roe said", f"We build {i}", False))
        events = [("Alan Pike", "Story", "Jane Roe" if roe else None, None if i % 3 else f"2020-0{1 + i % 2}")]
        if roe:
            events.append(("Jane Roe", "spoke", None, None if i % 2 else "2020-01"))
        store.add(make_record(text, entities, published=published, title=f"T{i}", quotes=quotes, events=events))
    return store


@pytest.mark.parametrize("sparse", [True, False])
@pytest.mark.parametrize("dense", [True, False])
@pytest.mark.parametrize("limit", [0, 1, 3, 7, 29, None])
def test_batched_profile_queries_equal_a_plain_query(corpus, monkeypatch, dense, sparse, limit):
    monkeypatch.setattr(queries, "SPARSE_SOURCE_ROWS", 10_000 if sparse else 0)  # quotes by: sorted or walked
    monkeypatch.setattr(queries, "FIRST_BATCH", 2)
    monkeypatch.setattr(queries, "MAX_BATCH", 5)
    monkeypatch.setattr(queries, "DENSE_ENTITY_ARTICLES", 0 if dense else 10_000)
    conn = corpus.conn
    for name in ("Jane Roe", "Alan Pike"):
        cid = corpus.find_entities(name)[0].id
        lim = -1 if limit is None else limit
        for got, sql in ((queries._quotes_by(conn, cid, limit), _QUOTES_BY),
                         (queries._quotes_about(conn, cid, limit), _QUOTES_ABOUT),
                         (queries._entity_articles(conn, cid, limit), _ARTICLES)):
            expected = queries.frame(conn, sql, (cid, lim))
            assert list(got.columns) == list(expected.columns)
            pd.testing.assert_frame_equal(got.reset_index(drop=True), expected, check_dtype=False)
    roe = queries.entity_profile(conn, "Jane Roe", limit=limit or 50)
    assert len(roe.quotes_by) == min(30, limit or 50) and len(roe.quotes_about) == min(30, limit or 50)


def test_a_dense_entity_walks_the_date_index(corpus, monkeypatch):
    """A dense entity's articles come from ``articles_published`` in order: no sort of all its articles."""
    plans = [" ".join(str(r[-1]) for r in corpus.conn.execute(f"EXPLAIN QUERY PLAN {sql}", (1,)))
             for sql in (
                 "SELECT a.rowid FROM articles a WHERE a.published IS NOT NULL AND EXISTS (SELECT 1 FROM entities e "
                 "WHERE e.article_id = a.id AND e.corpus_entity_id = ?) ORDER BY a.published, a.rowid",
                 "SELECT a.rowid FROM articles a WHERE a.published IS NULL AND EXISTS (SELECT 1 FROM entities e "
                 "WHERE e.article_id = a.id AND e.corpus_entity_id = ?) ORDER BY a.rowid")]
    for plan in plans:
        assert "articles_published" in plan and "TEMP B-TREE" not in plan, plan


_TIMELINE = f"""
    SELECT {queries._TIMELINE_COLUMNS}, CASE WHEN v.actor = e.id THEN 'actor' ELSE 'target' END AS role
    FROM entities e
    JOIN events v ON v.article_id = e.article_id AND (v.actor = e.id OR v.target = e.id)
    JOIN articles a ON a.id = v.article_id
    LEFT JOIN sources s ON s.article_id = v.article_id AND s.id = v.source_id
    WHERE e.corpus_entity_id = ?
    ORDER BY v.date IS NULL, v.date, a.published, a.rowid, v.sentence_start, v.id LIMIT ?"""


@pytest.mark.parametrize("limit", [0, 1, 5, 33, None])
def test_timeline_equals_a_plain_query(corpus, limit):
    conn = corpus.conn
    for name in ("Jane Roe", "Alan Pike"):
        cid = corpus.find_entities(name)[0].id
        expected = queries.frame(conn, _TIMELINE, (cid, -1 if limit is None else limit))
        got = queries.timeline(conn, name, limit=limit)
        assert name != "Jane Roe" or limit == 0 or set(got.role) >= ({"actor", "target"} if limit is None else set())
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    everything = queries.timeline(conn, None, limit=limit)
    assert len(everything) == (70 if limit is None else min(70, limit))
