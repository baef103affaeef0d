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


#: Searches whose terms are in most, some and none of the test articles, with every operator.
WINDOW_SEARCHES = ["the", "said", "the said", "fares", "Saltmere fares", "plan NOT Saltmere", "Voss OR Ashe",
                   "Voss OR Ashe NOT fares", '"news conference" plan', "repair*", "rep* said", "said NOT the",
                   "nothingmatchesthis OR Orvane"]


@pytest.mark.parametrize("window", [1, 3, 7, q.SEARCH_RANK_WINDOW])
@pytest.mark.parametrize("text", WINDOW_SEARCHES)
def test_search_window_holds_the_stores_latest_matches(both, text, window):
    """With more matches than the window, both rank the same ``window`` most recently stored matches."""
    store, duck = both
    mine = q.search(store.conn, text, limit=100, window=window)
    theirs = duck.search(text, limit=100, window=window)
    assert sorted(theirs["id"]) == sorted(mine["id"])


@pytest.mark.parametrize("window", [1, 2, 5, q.SEARCH_RANK_WINDOW])
@pytest.mark.parametrize("text", WINDOW_SEARCHES)
def test_postings_search_answers_as_the_datasets_do(duck, plain_duck, text, window):
    """The postings path (lists read latest first, a round at a time) gives the rows, scores and order of one
    scan of the ``terms`` index."""
    assert duck.derived and not plain_duck.derived
    mine = q.records_of(plain_duck.search(text, limit=100, window=window))
    assert q.records_of(duck.search(text, limit=100, window=window)) == mine


def test_postings_search_of_a_prefix_read_whole(duck, plain_duck, monkeypatch):
    """A prefix of many terms reads all their postings at once: the same answers."""
    from newsgraph.parquet import postings

    monkeypatch.setattr(postings, "MAX_PREFIX_LISTS", 0)
    for text, window in (("rep*", 2), ("rep* NOT said", 5000), ("sal* OR vos*", 3), ("the*", 1)):
        mine = q.records_of(plain_duck.search(text, limit=100, window=window))
        assert q.records_of(duck.search(text, limit=100, window=window)) == mine, text


def test_postings_search_reads_less_than_every_posting(duck):
    """A word in every article, with a window of 2, reads a few postings of it, not the whole list."""
    from newsgraph.parquet.duck import _search_groups
    from newsgraph.parquet.postings import PostingsSearch

    groups = _search_groups("the")
    search = PostingsSearch(duck.search_files, [t for g in groups for _, t in g])
    assert len(search.window(groups, 2)) == 2
    (the,) = search.lists.values()
    assert the.df > 10 and len(the.orders) == 2


@pytest.mark.parametrize("window", [1, 2, 5, q.SEARCH_RANK_WINDOW])
@pytest.mark.parametrize("text", ["Saltmere the", "Saltmere fares", "fares said", "plan NOT Saltmere",
                                  '"news conference" the', "rep* the", "Voss NOT the", "Voss the fares"])
def test_rarest_first_answers_as_the_datasets_do(duck, plain_duck, text, window):
    """An AND read from its rarest list, the others looked up at its articles: the rows, scores and order of
    one scan of the ``terms`` index, whatever the window."""
    mine = q.records_of(plain_duck.search(text, limit=100, window=window))
    assert q.records_of(duck.search(text, limit=100, window=window)) == mine


def test_rarest_first_reads_the_common_list_at_the_rare_articles_only(duck):
    """A rare word and a word in every article: the common list holds postings at the rare word's articles
    only (not the window's worth read from the top)."""
    from newsgraph.parquet.duck import _search_groups
    from newsgraph.parquet.postings import PostingsSearch

    groups = _search_groups("Saltmere the")
    search = PostingsSearch(duck.search_files, [t for g in groups for _, t in g])
    rare, common = sorted(search.lists.values(), key=lambda p: p.df)
    assert 0 < rare.df < common.df
    found = search.window(groups, 1)
    assert len(found) == 1
    assert len(rare.orders) == rare.df
    assert len(common.orders) <= rare.df and set(common.orders.tolist()) <= set(rare.orders.tolist())
