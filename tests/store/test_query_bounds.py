"""Search and lookups stay within their bounds: user text never reaches FTS5 as syntax,
text over a bound is refused with a message naming it, and the deadline stops a query
and leaves the connection usable (issue 14)."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import time

import pytest

from newsgraph import settings
from newsgraph.errors import StoreError
from newsgraph.store import queries as q
from newsgraph.store.queries import QueryRejected, QueryTimeout, deadline, match_query

#: Wall-clock seconds any bounded call in these tests may take (far above what each needs).
BOUND_S = 5.0
FTS_SYNTAX = ['"', "(", ")", "*", "^", ":", "+", "-", "NEAR", "OR", "AND", "NOT", "{", "}", ",", " ", "\x00"]


@pytest.fixture
def story(store, make_record):
    for spec in (
        dict(text="Mayor Jane Roe closed the old bridge on Monday. Alan Pike criticised Roe.",
             entities=[("Jane Roe", "PERSON", ["Jane Roe"]), ("Alan Pike", "PERSON", ["Alan Pike"])],
             title="Bridge closed"),
        dict(text="Governor Jane Roe opened the new bridge near the river.",
             entities=[("Jane Roe", "PERSON", ["Jane Roe"])], title="New bridge opens"),
    ):
        assert store.add(make_record(**spec))
    return store


@pytest.mark.parametrize(("text", "expression"), [
    ("bridge", '"bridge"'),
    ('"new bridge" river', '"new bridge" AND "river"'),
    ("bridg* OR river", '"bridg"* OR "river"'),
    ("bridge NOT governor", '"bridge" NOT "governor"'),
    ('"a" OR (b NEAR c)* ^d', '"a" OR "b" AND "NEAR" AND "c" AND "d"'),
    ("OR bridge AND", '"bridge"'),  # an operator with nothing on one side is dropped
    ("title:bridge", '"title" AND "bridge"'),  # no column filters
    ('say "it\'s" now', '"say" AND "it\'s" AND "now"'),
    ('"unclosed phrase', '"unclosed phrase"'),
])
def test_user_text_becomes_quoted_terms(text: str, expression: str) -> None:
    assert match_query(text).expression == expression


def test_operator_soup_is_searched_not_parsed(story) -> None:
    assert set(story.search('"bridge" OR (river NEAR c)* ^governor').title) == {"Bridge closed", "New bridge opens"}
    assert set(story.search("bridge\x00governor").title) == {"New bridge opens"}


def test_random_fts_syntax_never_reaches_sqlite(story) -> None:
    rng = random.Random(14)
    for _ in range(300):
        text = "".join(rng.choice([*FTS_SYNTAX, "bridge", "roe", "x"]) for _ in range(rng.randint(1, 12)))
        with contextlib.suppress(QueryRejected):  # no word, or a short prefix: refused, never an SQLite error
            story.search(text)


@pytest.mark.parametrize(("text", "bound"), [
    ("x" * (settings.SEARCH_MAX_CHARS + 1), f"at most {settings.SEARCH_MAX_CHARS} characters"),
    (" ".join(["bridge"] * (settings.SEARCH_MAX_TERMS + 1)), f"at most {settings.SEARCH_MAX_TERMS} words"),
    ('"' + " ".join(["bridge"] * (settings.SEARCH_MAX_TERMS + 1)) + '"', f"at most {settings.SEARCH_MAX_TERMS} words"),
    (" ".join(["bridge*"] * (settings.SEARCH_MAX_PREFIXES + 1)), f"at most {settings.SEARCH_MAX_PREFIXES} prefix"),
    ("b*", f"at least {settings.SEARCH_MIN_PREFIX_CHARS} letters"),
    ("  ?! ", "at least one word"),
])
def test_search_over_a_bound_is_refused_naming_it(story, text: str, bound: str) -> None:
    with pytest.raises(QueryRejected, match=bound) as info:
        story.search(text)
    assert isinstance(info.value, StoreError)  # the CLI prints it as one line
    assert "\n" not in str(info.value)


def test_search_at_the_bounds_is_answered(story) -> None:
    words = " ".join(["bridge"] * settings.SEARCH_MAX_TERMS)
    assert len(story.search(words)) == 2
    assert len(story.search(" OR ".join(["bridg*"] * settings.SEARCH_MAX_PREFIXES))) == 2


def test_a_thousand_words_are_refused_at_once(story) -> None:
    text = " ".join(f"word{i}" for i in range(1000))[: settings.SEARCH_MAX_CHARS]
    start = time.monotonic()
    with pytest.raises(QueryRejected):
        story.search(text)
    with pytest.raises(QueryRejected):
        story.search(" ".join(f"word{i}" for i in range(1000)))
    assert time.monotonic() - start < 0.5


def test_deadline_stops_a_long_query_and_the_connection_stays_usable(story) -> None:
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    start = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"longer than 0\.2 s"), deadline(story.conn, 0.2):
        story.execute(endless)
    assert time.monotonic() - start < BOUND_S
    assert story.count() == 2
    assert len(story.search("bridge")) == 2  # no handler left behind: a later query runs to its end


def test_deadline_lets_other_errors_through(story) -> None:
    with pytest.raises(sqlite3.OperationalError, match="no such table"), deadline(story.conn, 5):
        story.conn.execute("SELECT * FROM nowhere")
    with deadline(story.conn, None):
        assert story.count() == 2


@pytest.mark.parametrize("query", ["#99999999999999999999999", "99999999999999999999999", f"#{2**63}"])
def test_an_id_out_of_range_matches_nothing(story, query: str) -> None:
    assert story.find_entities(query) == []
    with pytest.raises(StoreError, match="no entity matches"):
        story.timeline(query)
    with pytest.raises(StoreError, match="no entity matches"):
        story.entity(query)


def test_the_largest_id_is_looked_up(story) -> None:
    assert story.find_entities(f"#{q.MAX_ROW_ID}") == []
    ref = story.find_entities("Jane Roe")[0]
    assert story.find_entities(f"#{ref.id}") == [ref]


@pytest.mark.parametrize("call", [
    lambda s, text: s.find_entities(text),
    lambda s, text: s.entity(text),
    lambda s, text: s.timeline(text),
    lambda s, text: s.quotes(by=text),
    lambda s, text: s.sources(outlet=text),
    lambda s, text: s.sources(author=text),
])
def test_a_long_name_or_filter_is_refused(story, call) -> None:
    start = time.monotonic()
    with pytest.raises(QueryRejected, match=f"at most {settings.NAME_MAX_CHARS} characters"):
        call(story, "Jane Roe " * 7000)  # ~60 KB
    assert time.monotonic() - start < BOUND_S


def test_nul_bytes_in_a_name_are_just_characters(story) -> None:
    """Names are normalised to letters and digits: a NUL separates words like a space."""
    assert [r.name for r in story.find_entities("Jane\x00Roe")] == ["Jane Roe"]
    assert isinstance(story.find_entities("\x00\x00"), list)  # no letters at all: no error either
