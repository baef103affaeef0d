"""The fourth main-events development set keeps the form the scorer needs (format only, never system output).

``benchmarks/data/main_events_dev4.json`` was annotated from the article text before the system
was run on it. The checks are the ones a malformed entry would silently fail in
``benchmarks/score_main_events.py`` (an article that does not load, a context that is not a
literal snippet of the text the scorer searches, a predicate that is not a lower-case lemma, a
date that is not an ISO prefix), the minimums the set was made to (10 articles, 5 outlets, a
third of them long), and that a date is one the text can give: a file without a publication
date can only date an event to a year its text names (or that its note works out from the text).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from _paths import CORPUS, needs_shared
from _scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "data" / "main_events_dev4.json"
FORMATS = {"text", "buzzfeed", "fakenewsnet"}
#: An ISO date at the text's own precision: a year, a month or a day.
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: A lemma as the scorer compares it (first word of ``Event.predicate``): lower case, maybe hyphenated.
LEMMA = re.compile(r"^[a-z]+(-[a-z]+)*$")
#: The development pool (see the held-out rule in docs/quality.md): BBC files below these numbers.
BBC_LIMITS = {"sport": 401, "entertainment": 340, "business": 451}


def _load_scorer() -> Any:
    """The scorer module, for its ``load_article`` (reading only: nothing is parsed)."""
    return load_script("benchmarks/score_main_events.py")


def _contexts(event: dict[str, Any]) -> list[str]:
    return event["context"] if isinstance(event["context"], list) else [event["context"]]


def _searchable(text: str) -> str:
    """The article text with the quote marks the scorer folds before it looks for a context."""
    return text.replace("’", "'").replace("“", '"').replace("”", '"')


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def test_set_is_named_by_the_scorer() -> None:
    assert _load_scorer().DATA_SETS["dev4"] == DATA


def test_set_size_and_fields(data: dict[str, Any]) -> None:
    articles = data["articles"]
    assert "DEVELOPMENT" in data["description"] and "2026-12-03" in data["description"]
    assert len(articles) >= 10
    assert len({a["outlet"] for a in articles}) >= 5
    assert len({a["file"] for a in articles}) == len(articles)
    for article in articles:
        assert article["format"] in FORMATS and article["outlet"].strip() and article["note"].strip()
        assert 5 <= len(article["events"]) <= 12, article["file"]
        for event in article["events"]:
            assert set(event) == {"predicates", "context", "actor", "date"}
            assert event["predicates"] and all(LEMMA.match(p) for p in event["predicates"]), event
            assert all(isinstance(c, str) and c.strip() for c in _contexts(event))
            assert event["actor"] is None or (isinstance(event["actor"], str) and event["actor"].strip())
            assert event["date"] is None or ISO.match(event["date"]), event
    assert sum(1 for a in articles for e in a["events"] if e["date"]) >= 20


def test_articles_come_from_the_development_pool(data: dict[str, Any]) -> None:
    for article in data["articles"]:
        path = article["file"]
        assert not path.startswith(("semeval19", "fakenewscorpus", "reuters21578")), path
        assert "gossipcop" not in path, path
        if match := re.search(r"politifact(\d+)/", path):
            assert int(match.group(1)) < 15000, path
        if match := re.search(r"buzzfeed_webis2016/articles/(\d+)\.xml", path):
            assert int(match.group(1)) < 1400, path
        if match := re.search(r"bbc/bbc/(\w+)/(\d+)\.txt", path):
            assert int(match.group(2)) < BBC_LIMITS.get(match.group(1), 10**6), path


def test_no_article_from_another_development_set(data: dict[str, Any]) -> None:
    """No article of another development set (the report set's own test checks it against this one)."""
    others: set[str] = set()
    for path in sorted(DATA.parent.glob("main_events_*.json")):
        if path != DATA and not path.name.endswith("_report2.json"):
            others |= {a["file"] for a in json.loads(path.read_text(encoding="utf-8"))["articles"]}
    assert not others & {a["file"] for a in data["articles"]}


@needs_shared(CORPUS)
def test_contexts_are_literal_snippets_and_dates_are_given(data: dict[str, Any]) -> None:
    """Every context is found as the scorer finds it; every date is one the text can give."""
    scorer = _load_scorer()
    long = 0
    for article in data["articles"]:
        item = scorer.load_article(article, CORPUS)
        text = _searchable(item.text)
        long += len(text.encode("utf-8")) > 5000
        for event in article["events"]:
            for ctx in _contexts(event):
                assert ctx.replace("’", "'") in text, (article["file"], ctx)
            if event["date"] is None:
                continue
            year = event["date"][:4]
            if item.published:  # resolved against the publication date: never after it
                assert event["date"] <= item.published, (article["file"], event)
            else:  # no publication date: a year the text names, or one its note works out from the text
                assert year in text or year in article["note"], (article["file"], event)
    assert 3 * long >= len(data["articles"])
