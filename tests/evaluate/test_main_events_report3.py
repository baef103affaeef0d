"""The third main-events report set keeps the form the scorer needs (format only, never system output).

``benchmarks/data/main_events_report3.json`` is a held-out set: nothing here runs newsgraph on
its articles, only the scorer's ``load_article`` reads their text. The checks (in
``tests/_main_events_sets.py``, shared with the other report sets) are the ones a malformed entry
would silently fail in ``benchmarks/score_main_events.py`` (an article that does not load, a context
that is not a literal snippet of the text the scorer searches, a predicate that is not a lower-case
lemma, a date that is not an ISO prefix) and the minimums the set was made to (22 articles,
6 outlets, 35 dated events, no article of another set). A Reuters-21578 article is one story of an
SGML file, so an article is its file plus, for Reuters, its NEWID.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from _main_events_sets import (
    DATA_DIR,
    check_contexts_are_literal_snippets,
    check_dated_articles_have_their_publication_date,
    check_fields,
    check_no_article_from_another_set,
    load_scorer,
)
from _paths import CORPUS, needs_shared

DATA = DATA_DIR / "main_events_report3.json"


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def test_set_is_named_by_the_scorer() -> None:
    assert load_scorer().DATA_SETS["report3"] == DATA


def test_set_size_and_fields(data: dict[str, Any]) -> None:
    assert "2026-12-03" in data["description"]
    check_fields(data, min_articles=22, min_outlets=6, min_dated=35)


def test_no_article_from_another_set(data: dict[str, Any]) -> None:
    check_no_article_from_another_set(data, DATA)


@needs_shared(CORPUS)
def test_articles_load_and_contexts_are_literal_snippets(data: dict[str, Any]) -> None:
    check_contexts_are_literal_snippets(data, CORPUS)


@needs_shared(CORPUS)
def test_reuters_story_has_its_publication_date(data: dict[str, Any]) -> None:
    check_dated_articles_have_their_publication_date(data, CORPUS, {"reuters"})
