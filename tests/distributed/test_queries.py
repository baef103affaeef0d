"""One query layer, two backends: the store's queries (SQLite) and ``DuckCorpus`` (DuckDB over Parquet)
give the same answers on the same inputs, whether ``DuckCorpus`` reads the derived datasets the entity job
writes (``newsgraph.parquet.derived``) or joins the datasets themselves."""

from __future__ import annotations

import pytest

from newsgraph.store import queries as q


@pytest.fixture(scope="module")
def plain_duck(parquet_corpus):
    """The Parquet corpus opened without its derived datasets."""
    from newsgraph.parquet import DuckCorpus

    with DuckCorpus(str(parquet_corpus[0]), use_derived=False) as corpus:
        yield corpus


@pytest.fixture(scope="module", params=["derived", "datasets"])
def both(request, local_store, duck, plain_duck):
    """(store, duck): the local store of the inputs and the Parquet corpus the cluster wrote of them, read
    through the derived datasets or without them."""
    chosen = duck if request.param == "derived" else plain_duck
    assert chosen.derived == (request.param == "derived")
    return local_store[0], chosen


def _entities(store, n: int = 6) -> list[str]:
    return [r[0] for r in store.execute("SELECT c.name FROM corpus_entities c JOIN entities e "
                                        "ON e.corpus_entity_id = c.id GROUP BY c.id ORDER BY count(*) DESC, c.id "
                                        f"LIMIT {n}")]


def test_stats(both):
    store, duck = both
    mine = q.stats(store.conn)
    theirs = duck.query_stats()
    assert theirs == mine
    assert mine["counts"]["articles"] > 20 and mine["counts"]["corpus_entities"] > 5


def test_entity_profiles(both):
    store, duck = both
    names = _entities(store)
    assert len(names) == 6
    for name in [*names, "#1", "Voss", "Authority"]:
        mine, theirs = store.entity(name).to_dict(), duck.entity(name).to_dict()
        assert theirs == mine, name


def test_entity_lists(both):
    store, duck = both
    for query in ("a", "voss", "orvane", "#2"):
        assert duck.find_entities(query, exact_first=False) == store.find_entities(query, exact_first=False)


@pytest.mark.parametrize("limit", [None, 3])
def test_timelines(both, limit):
    store, duck = both
    for name in [None, *_entities(store, 4)]:
        mine = q.records_of(store.timeline(name, limit=limit))
        theirs = q.records_of(duck.timeline(name, limit=limit))
        assert theirs == mine, name
    assert len(q.records_of(store.timeline(None))) > 10


def test_quotes(both):
    store, duck = both
    name = _entities(store, 1)[0]
    for options in ({}, {"by": name}, {"about": name}, {"limit": 4}):
        assert q.records_of(duck.quotes(**options)) == q.records_of(store.quotes(**options)), options


@pytest.mark.parametrize("options", [{}, {"anonymous": True}, {"outlet": "gazette"}, {"author": "quill"},
                                     {"limit": 2}, {"by": "role,gender"}, {"by": "gender,outlet"},
                                     {"by": "role,author"}, {"by": "role,month", "outlet": "gazette"}])
def test_sources(both, options):
    store, duck = both
    assert duck.sources(**options).to_dict() == store.sources(**options).to_dict()


def test_source_shares_count_something(both):
    store, _ = both
    shares = store.sources(by="role,gender").shares
    assert any(r["role"] != "unknown" and r["sources"] for r in shares["role"])


@pytest.mark.parametrize("text", ["fares", "Voss", "Mara Voss", '"news conference"', "repair*", "strike OR tram",
                                  "fares NOT Saltmere", "plans", "nothingmatchesthis"])
def test_search_matches_the_same_articles(both, text):
    store, duck = both
    mine = store.search(text, limit=100)
    theirs = duck.search(text, limit=100)
    assert sorted(theirs["id"]) == sorted(mine["id"])
    assert list(theirs.columns) == list(mine.columns)


def test_search_ranks_as_fts5_does(both):
    store, duck = both
    mine = store.search("Saltmere fares", limit=5)
    theirs = duck.search("Saltmere fares", limit=5)
    assert len(mine) > 1
    assert list(theirs["id"]) == list(mine["id"])
    assert list(theirs["score"]) == pytest.approx(list(mine["score"]), abs=0.05)


@pytest.mark.parametrize("backend", ["store", "duck"])
def test_both_refuse_the_same_searches(both, backend):
    chosen = both[0] if backend == "store" else both[1]
    with pytest.raises(q.QueryRejected):
        chosen.search("a*")
    with pytest.raises(q.QueryRejected):
        chosen.search("?!")


@pytest.mark.parametrize("backend", ["store", "duck"])
def test_both_say_when_no_entity_matches(both, backend):
    from newsgraph.errors import StoreError

    chosen = both[0] if backend == "store" else both[1]
    with pytest.raises(StoreError, match="no entity matches"):
        chosen.entity("Nobody Atall")
