"""The third main-events report set keeps the form the scorer needs (format only, never system output).

``benchmarks/data/main_events_report3.json`` is a held-out set: nothing here runs newsgraph on
its articles, only the scorer's ``load_article`` reads their text. The checks are the ones a
malformed entry would silently fail in ``benchmarks/score_main_events.py`` (an article that does
not load, a context that is not a literal snippet of the text the scorer searches, a predicate that
is not a lower-case lemma, a date that is not an ISO prefix) and the minimums the set was made to
(22 articles, 6 outlets, 35 dated events, no article of another set). A Reuters-21578 article is one
story of an SGML file, so an article is its file plus, for Reuters, its NEWID.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from _paths import CORPUS, needs_shared

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "data" / "main_events_report3.json"
FORMATS = {"text", "buzzfeed", "fakenewsnet", "reuters"}
#: An ISO date at the text's own precision: a year, a month or a day.
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: A lemma as the scorer compares it (first word of ``Event.predicate``): lower case, maybe hyphenated.
LEMMA = re.compile(r"^[a-z]+(-[a-z]+)*$")
#: Texts this short hold fewer events than the 5 a longer article is annotated with (two press items).
SHORT_TEXT = 1000


def _load_scorer() -> Any:
    """The scorer module, for its ``load_article`` and ``DATA_SETS`` (reading only: nothing is parsed)."""
    spec = importlib.util.spec_from_file_location("score_main_events", ROOT / "benchmarks" / "score_main_events.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_main_events"] = module
    spec.loader.exec_module(module)
    return module


def _key(article: dict[str, Any]) -> tuple[str, str | None]:
    """An article: its file, and for a story of a many-story file (Reuters) its id in that file."""
    return article["file"], article.get("id")


def _contexts(event: dict[str, Any]) -> list[str]:
    return event["context"] if isinstance(event["context"], list) else [event["context"]]


def _searchable(text: str) -> str:
    """The article text with the quote marks the scorer folds before it looks for a context."""
    return text.replace("’", "'").replace("“", '"').replace("”", '"')


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def test_set_is_named_by_the_scorer() -> None:
    assert _load_scorer().DATA_SETS["report3"] == DATA


def test_set_size_and_fields(data: dict[str, Any]) -> None:
    articles = data["articles"]
    assert "REPORT" in data["description"] and "held out" in data["description"]
    assert "2026-12-03" in data["description"]
    assert len(articles) >= 22
    assert len({a["outlet"] for a in articles}) >= 6
    assert len({_key(a) for a in articles}) == len(articles)
    for article in articles:
        assert article["format"] in FORMATS and article["outlet"].strip() and article["note"].strip()
        assert (article["format"] == "reuters") == ("id" in article), article["file"]
        assert 2 <= len(article["events"]) <= 12, _key(article)
        for event in article["events"]:
            assert set(event) == {"predicates", "context", "actor", "date"}
            assert event["predicates"] and all(LEMMA.match(p) for p in event["predicates"]), event
            assert all(isinstance(c, str) and c.strip() for c in _contexts(event))
            assert event["actor"] is None or (isinstance(event["actor"], str) and event["actor"].strip())
            assert event["date"] is None or ISO.match(event["date"]), event
    assert sum(1 for a in articles for e in a["events"] if e["date"]) >= 35


def test_no_article_from_another_set(data: dict[str, Any]) -> None:
    """A held-out set shares no article with the development and earlier report sets."""
    others: set[tuple[str, str | None]] = set()
    for path in sorted(DATA.parent.glob("main_events_*.json")):  # every other set, whatever it is named now
        if path != DATA:
            others |= {_key(a) for a in json.loads(path.read_text(encoding="utf-8"))["articles"]}
    mine = {_key(a) for a in data["articles"]}
    assert not others & mine
    assert not {f for f, _ in others} & {f for f, i in mine if i is None}  # a whole file in another set


@needs_shared(CORPUS)
def test_articles_load_and_contexts_are_literal_snippets(data: dict[str, Any]) -> None:
    """Every context is found, as the scorer finds it, in the text the scorer hands to newsgraph;
    only a short text holds fewer than five events."""
    scorer = _load_scorer()
    for article in data["articles"]:
        item = scorer.load_article(article, CORPUS)
        text = _searchable(item.text)
        assert len(text) > 200, _key(article)
        assert len(article["events"]) >= 5 or len(text) < SHORT_TEXT, _key(article)
        for event in article["events"]:
            for ctx in _contexts(event):
                assert ctx.replace("’", "'") in text, (_key(article), ctx)


@needs_shared(CORPUS)
def test_reuters_story_has_its_publication_date(data: dict[str, Any]) -> None:
    """A Reuters story's relative dates were resolved against its DATE, so the scorer must hand that date on."""
    scorer = _load_scorer()
    for article in (a for a in data["articles"] if a["format"] == "reuters"):
        item = scorer.load_article(article, CORPUS)
        assert item.published and ISO.match(item.published), _key(article)
        assert item.title and item.text.startswith(item.title), _key(article)
