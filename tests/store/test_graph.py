"""The entity graph: co-mentions kept by triggers (migration 0008), an entity's network, the corpus graph."""

from __future__ import annotations

import pytest

from newsgraph.errors import StoreError
from newsgraph.record import Record, Relation, TextSpan
from newsgraph.store import graph
from newsgraph.store.queries import QueryRejected


def related(record: Record, a: str, b: str, polarity: str, piece: str) -> Record:
    """``record`` with a relation between the entities named ``a`` and ``b``, read from ``piece``."""
    ids = {e.name: e.id for e in record.entities}
    start = record.text.index(piece)
    record.relations.append(Relation(a=ids[a], b=ids[b], polarity=polarity,
                                     text=TextSpan(start=start, end=start + len(piece), text=piece)))
    return record


@pytest.fixture
def corpus(store, make_record):
    """Four invented articles: Roe and Pike together in three, Acme in two, Hale in one; stated edges."""
    texts = [
        make_record("Jane Roe praised Alan Pike at Acme Corp. Roe thanked Pike.",
                    [("Jane Roe", "PERSON", ["Jane Roe", "Roe"]), ("Alan Pike", "PERSON", ["Alan Pike", "Pike"]),
                     ("Acme Corp", "ORG", ["Acme Corp"])],
                    events=[("Jane Roe", "praised", "Alan Pike", None), ("Jane Roe", "thanked", "Alan Pike", None)]),
        make_record("Alan Pike, a rival of Jane Roe, spoke in Denver.",
                    [("Alan Pike", "PERSON", ["Alan Pike"]), ("Jane Roe", "PERSON", ["Jane Roe"]),
                     ("Denver", "GPE", ["Denver"])],
                    events=[("Alan Pike", "spoke", None, None)]),
        make_record("Jane Roe met Alan Pike and Tom Hale at Acme Corp.",
                    [("Jane Roe", "PERSON", ["Jane Roe"]), ("Alan Pike", "PERSON", ["Alan Pike"]),
                     ("Tom Hale", "PERSON", ["Tom Hale"]), ("Acme Corp", "ORG", ["Acme Corp"])],
                    events=[("Tom Hale", "met", "Jane Roe", None)]),
        make_record("Acme Corp opened an office in Denver.",
                    [("Acme Corp", "ORG", ["Acme Corp"]), ("Denver", "GPE", ["Denver"])]),
    ]
    related(texts[1], "Alan Pike", "Jane Roe", "negative", "Alan Pike, a rival of Jane Roe")
    for record in texts:
        assert store.add(record)
    return store


def ids(store) -> dict[str, int]:
    return {name: int(cid) for cid, name in store.execute("SELECT id, name FROM corpus_entities")}


def test_co_mentions_count_shared_articles_once_per_article(corpus):
    who = ids(corpus)
    stored = graph.stored_co_mentions(corpus.conn)
    # Roe is named twice in the first article ("Jane Roe", "Roe"): still one shared article there.
    assert stored[(who["Jane Roe"], who["Alan Pike"])] == 3
    assert stored[(who["Alan Pike"], who["Jane Roe"])] == 3
    assert stored[(who["Acme Corp"], who["Denver"])] == 1
    assert (who["Tom Hale"], who["Denver"]) not in stored
    assert stored == graph.counted_co_mentions(corpus.conn)


def consistent(store) -> bool:
    """The trigger-kept tables hold what the entity, event and relation rows say."""
    conn = store.conn
    return (graph.stored_co_mentions(conn) == graph.counted_co_mentions(conn)
            and graph.stored_stated_edges(conn) == graph.counted_stated_edges(conn))


def test_co_mentions_and_stated_edges_follow_deletes_merges_and_splits(corpus, make_record):
    who = ids(corpus)
    first = corpus.execute("SELECT article_id FROM entities WHERE name = 'Tom Hale'")[0][0]
    # Re-processing replaces the article: Hale is gone from it, Denver is new there.
    corpus.replace(make_record("Jane Roe met Alan Pike and Tom Hale at Acme Corp.",
                               [("Jane Roe", "PERSON", ["Jane Roe"]), ("Alan Pike", "PERSON", ["Alan Pike"]),
                                ("Denver", "GPE", ["Acme Corp"])]))
    assert corpus.execute("SELECT count(*) FROM entities WHERE article_id = ?", (first,))[0][0] == 3
    stored = graph.stored_co_mentions(corpus.conn)
    assert (who["Tom Hale"], who["Jane Roe"]) not in stored
    assert stored[(who["Denver"], who["Jane Roe"])] == 2
    assert consistent(corpus)
    assert ("event", who["Tom Hale"], who["Jane Roe"]) not in {(r[1], r[3], r[4]) for r in
                                                               graph.stored_stated_edges(corpus.conn)}
    corpus.merge_entities("Alan Pike", "Jane Roe")
    stored = graph.stored_co_mentions(corpus.conn)
    assert (who["Alan Pike"], who["Jane Roe"]) not in stored and (who["Jane Roe"], who["Denver"]) not in stored
    # Roe's events now start and end at Pike: self-loops, which the graph leaves out.
    assert {(r[3], r[4]) for r in graph.stored_stated_edges(corpus.conn)} == {(who["Alan Pike"], who["Alan Pike"])}
    assert consistent(corpus)
    assert all(e.kind == "co_mention" for e in graph.entity_graph(corpus.conn, "Alan Pike").edges)
    corpus.split_entity("Alan Pike", names=["Jane Roe"])
    assert consistent(corpus)
    assert any(e.kind == "event" for e in graph.entity_graph(corpus.conn, "Alan Pike").edges)


def test_an_entity_graph_has_each_kind_of_edge_with_its_articles(corpus):
    who = ids(corpus)
    found = graph.entity_graph(corpus.conn, "Jane Roe")
    assert found.entity.id == who["Jane Roe"]
    assert found.nodes[0].id == who["Jane Roe"]  # the entity first
    assert {n.name for n in found.nodes} == {"Jane Roe", "Alan Pike", "Acme Corp", "Tom Hale", "Denver"}
    edges = {(e.kind, e.source, e.target, e.polarity): e for e in found.edges}
    pike, roe = who["Alan Pike"], who["Jane Roe"]
    relation = edges[("relation", pike, roe, "negative")]
    assert relation.weight == 1 and relation.article_count == 1
    praised = edges[("event", roe, pike, None)]
    assert praised.weight == 2 and praised.article_count == 1 and praised.label == "praised, thanked"
    assert edges[("event", who["Tom Hale"], roe, None)].weight == 1
    co = edges[("co_mention", roe, pike, None)]
    assert co.weight == 3 and co.article_count == 3 and len(co.articles) == 3
    with_pike = {r[0] for r in corpus.execute(
        "SELECT article_id FROM entities WHERE corpus_entity_id = ? INTERSECT "
        "SELECT article_id FROM entities WHERE corpus_entity_id = ?", (roe, pike))}
    assert set(co.articles) == with_pike
    assert found.neighbours == {"relation": 1, "event": 2, "co_mention": 4}
    nodes = {n.name: n for n in found.nodes}
    assert nodes["Jane Roe"].articles == 3 and nodes["Acme Corp"].articles == 3 and nodes["Tom Hale"].articles == 1


def test_the_graph_keeps_the_heaviest_neighbours_of_each_kind(corpus):
    found = graph.entity_graph(corpus.conn, "#" + str(ids(corpus)["Jane Roe"]), limit=1)
    co = [e for e in found.edges if e.kind == "co_mention"]
    # Pike is the heaviest co-mention (3 articles) and the only relation: one neighbour in all.
    assert [n.name for n in found.nodes] == ["Jane Roe", "Alan Pike"]
    assert len(co) == 1 and co[0].weight == 3
    assert found.neighbours["co_mention"] == 4  # the total before the bound


def test_an_edge_carries_a_bounded_sample_of_its_articles(store, make_record):
    n = graph.EDGE_ARTICLES + 3
    for i in range(n):
        store.add(make_record(f"Jane Roe and Alan Pike spoke on day {i}.",
                              [("Jane Roe", "PERSON", ["Jane Roe"]), ("Alan Pike", "PERSON", ["Alan Pike"])]))
    edge = next(e for e in graph.entity_graph(store.conn, "Jane Roe").edges if e.kind == "co_mention")
    assert edge.weight == edge.article_count == n
    assert len(edge.articles) == graph.EDGE_ARTICLES and edge.articles == sorted(edge.articles)


def test_bad_requests(corpus):
    with pytest.raises(QueryRejected):
        graph.entity_graph(corpus.conn, "Jane Roe", limit=graph.MAX_NEIGHBOURS + 1)
    with pytest.raises(QueryRejected):
        graph.entity_graph(corpus.conn, "Jane Roe", limit=0)
    with pytest.raises(StoreError, match="no entity"):
        graph.entity_graph(corpus.conn, "Nobody Known")
    with pytest.raises(StoreError, match="no entity"):
        graph.entity_graph(corpus.conn, "  ")


def test_the_corpus_graph_is_bounded_by_weight_and_type(corpus):
    who = ids(corpus)
    whole = graph.corpus_graph(corpus.conn)
    assert {n.name for n in whole.nodes} == set(who)
    co = [(e.source, e.target, e.weight) for e in whole.edges if e.kind == "co_mention"]
    assert all(a < b for a, b, _ in co)  # each pair once
    stored = graph.stored_co_mentions(corpus.conn)
    assert len(co) == len([pair for pair in stored if pair[0] != pair[1]]) // 2
    assert {n.name: n.mentions for n in whole.nodes}["Jane Roe"] == 4  # "Jane Roe", "Roe", "Jane Roe", "Jane Roe"
    assert {n.name: n.articles for n in whole.nodes} == {
        name: stored[(cid, cid)] for name, cid in who.items()}  # the diagonal: articles naming each
    heavy = graph.corpus_graph(corpus.conn, min_weight=2)
    assert {(e.kind, e.weight) for e in heavy.edges} == {("co_mention", 3), ("co_mention", 2), ("event", 2)}
    people = graph.corpus_graph(corpus.conn, types=["PERSON"])
    assert {n.type for n in people.nodes} == {"PERSON"}
    assert all(e.source != who["Acme Corp"] and e.target != who["Acme Corp"] for e in people.edges)
    with pytest.raises(QueryRejected):
        graph.corpus_graph(corpus.conn, min_weight=0)


def test_check_finds_co_mentions_that_disagree_with_the_rows(corpus):
    assert corpus.check().ok
    with corpus.transaction() as conn:
        conn.execute("UPDATE co_mentions SET n = n + 1 WHERE (a, b) IN (SELECT a, b FROM co_mentions LIMIT 1)")
    report = corpus.check()
    assert not report.ok and any("co-mention counts" in p for p in report.problems)
