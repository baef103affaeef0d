"""The second main-events report set keeps the form the scorer needs (format only, never system output).

``benchmarks/data/main_events_report2.json`` is a held-out set: nothing here runs newsgraph on
its articles. The checks are the ones a malformed entry would silently fail in
``benchmarks/score_main_events.py``: an article that does not load, a context that is not a
literal snippet of the text the scorer searches (so the gold event could never be matched),
a predicate that is not a single lower-case lemma, a date that is not an ISO prefix.
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
DATA = ROOT / "benchmarks" / "data" / "main_events_report2.json"
FORMATS = {"text", "buzzfeed", "fakenewsnet"}
#: An ISO date at the text's own precision: a year, a month or a day.
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: A lemma as the scorer compares it (first word of ``Event.predicate``): lower case, maybe hyphenated.
LEMMA = re.compile(r"^[a-z]+(-[a-z]+)*$")


def _load_scorer() -> Any:
    """The scorer module, for its ``load_article`` (reading only: nothing is parsed)."""
    return load_script("benchmarks/score_main_events.py")


def _searchable(text: str) -> str:
    """The article text with the quote marks the scorer folds before it looks for a context."""
    return text.replace("’", "'").replace("“", '"').replace("”", '"')


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def test_set_size_and_fields(data: dict[str, Any]) -> None:
    articles = data["articles"]
    assert "held out" in data["description"] and "2026-12-02" in data["description"]
    assert len(articles) >= 22
    assert len({a["outlet"] for a in articles}) >= 6
    assert len({a["file"] for a in articles}) == len(articles)
    for article in articles:
        assert article["format"] in FORMATS and article["outlet"].strip()
        assert 5 <= len(article["events"]) <= 12, article["file"]
        for event in article["events"]:
            assert set(event) == {"predicates", "context", "actor", "date"}
            assert event["predicates"] and all(LEMMA.match(p) for p in event["predicates"]), event
            contexts = event["context"] if isinstance(event["context"], list) else [event["context"]]
            assert contexts and all(isinstance(c, str) and c.strip() for c in contexts)
            assert event["actor"] is None or (isinstance(event["actor"], str) and event["actor"].strip())
            assert event["date"] is None or ISO.match(event["date"]), event


def test_no_article_from_another_set(data: dict[str, Any]) -> None:
    """A held-out set shares no article with the development and first report sets."""
    others: set[str] = set()
    for path in sorted(DATA.parent.glob("main_events_*.json")):  # every other set, whatever it is named now
        if path != DATA:
            others |= {a["file"] for a in json.loads(path.read_text(encoding="utf-8"))["articles"]}
    assert not others & {a["file"] for a in data["articles"]}


@needs_shared(CORPUS)
def test_contexts_are_literal_snippets(data: dict[str, Any]) -> None:
    """Every context is found, as the scorer finds it, in the text the scorer hands to newsgraph."""
    scorer = _load_scorer()
    for article in data["articles"]:
        item = scorer.load_article(article, CORPUS)
        text = _searchable(item.text)
        assert len(text) > 200, article["file"]
        for event in article["events"]:
            contexts = event["context"] if isinstance(event["context"], list) else [event["context"]]
            for ctx in contexts:
                assert ctx.replace("’", "'") in text, (article["file"], ctx)
