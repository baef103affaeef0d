"""Form checks shared by the held-out main-events sets' tests (format only, never system output).

A malformed entry in a ``benchmarks/data/main_events_*.json`` set fails silently in
``benchmarks/score_main_events.py``: an article that does not load, a context that is not a literal
snippet of the text the scorer searches (the gold event could never be matched), a predicate that
is not a lower-case lemma, a date that is not an ISO prefix. Each report set's test calls these
checks with its own minimums, so the checks are written once. Only the scorer's ``load_article``
reads an article's text; nothing here runs newsgraph on a set's articles.

Test modules import this as ``from _main_events_sets import ...`` (``tests/`` is on pytest's
``pythonpath``, see ``_paths``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from _scripts import load_script

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "benchmarks" / "data"
FORMATS = {"text", "buzzfeed", "fakenewsnet", "reuters", "semeval"}
#: Formats whose file holds many articles, so an entry names one by its ``id`` in that file.
MANY_ARTICLE_FORMATS = {"reuters", "semeval"}
#: An ISO date at the text's own precision: a year, a month or a day.
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: A lemma as the scorer compares it (first word of ``Event.predicate``): lower case, maybe hyphenated.
LEMMA = re.compile(r"^[a-z]+(-[a-z]+)*$")
#: Texts this short may hold fewer than the 5 events a longer article is annotated with (press items).
SHORT_TEXT = 1000
#: The fewest and most events an article of a report set is annotated with.
MIN_EVENTS, MAX_EVENTS = 2, 12
#: Fewer events than this only in a text under ``SHORT_TEXT``.
EVENTS_IN_A_LONGER_TEXT = 5


def load_scorer() -> Any:
    """The scorer module, for its ``load_article`` and ``DATA_SETS`` (reading only: nothing is parsed)."""
    return load_script("benchmarks/score_main_events.py")


def key(article: dict[str, Any]) -> tuple[str, str | None]:
    """An article: its file, and for an article of a many-article file (Reuters, SemEval) its id there."""
    return article["file"], article.get("id")


def contexts(event: dict[str, Any]) -> list[str]:
    return event["context"] if isinstance(event["context"], list) else [event["context"]]


def searchable(text: str) -> str:
    """The article text with the quote marks the scorer folds before it looks for a context."""
    return text.replace("’", "'").replace("“", '"').replace("”", '"')


def check_fields(data: dict[str, Any], *, min_articles: int, min_outlets: int, min_dated: int) -> None:
    """Every entry has the fields the scorer reads, valid, and the set meets the minimums it was made to."""
    articles = data["articles"]
    assert "REPORT" in data["description"] and "held out" in data["description"]
    assert len(articles) >= min_articles
    assert len({a["outlet"] for a in articles}) >= min_outlets
    assert len({key(a) for a in articles}) == len(articles)
    for article in articles:
        assert article["format"] in FORMATS and article["outlet"].strip() and article["note"].strip()
        assert (article["format"] in MANY_ARTICLE_FORMATS) == ("id" in article), article["file"]
        assert MIN_EVENTS <= len(article["events"]) <= MAX_EVENTS, key(article)
        for event in article["events"]:
            assert set(event) == {"predicates", "context", "actor", "date"}
            assert event["predicates"] and all(LEMMA.match(p) for p in event["predicates"]), event
            assert all(isinstance(c, str) and c.strip() for c in contexts(event))
            assert event["actor"] is None or (isinstance(event["actor"], str) and event["actor"].strip())
            assert event["date"] is None or ISO.match(event["date"]), event
    assert sum(1 for a in articles for e in a["events"] if e["date"]) >= min_dated


def check_no_article_from_another_set(data: dict[str, Any], path: Path) -> None:
    """A held-out set shares no article with the development and other report sets."""
    others: set[tuple[str, str | None]] = set()
    for other in sorted(DATA_DIR.glob("main_events_*.json")):  # every other set, whatever it is named now
        if other != path:
            others |= {key(a) for a in json.loads(other.read_text(encoding="utf-8"))["articles"]}
    mine = {key(a) for a in data["articles"]}
    assert not others & mine
    assert not {f for f, _ in others} & {f for f, i in mine if i is None}  # a whole file in another set


def check_contexts_are_literal_snippets(data: dict[str, Any], corpus: Path) -> dict[tuple[str, str | None], str]:
    """Every context is found, as the scorer finds it, in the text the scorer hands to newsgraph, and
    only a short text holds fewer than five events; returns each article's searchable text."""
    scorer = load_scorer()
    texts = {}
    for article in data["articles"]:
        item = scorer.load_article(article, corpus)
        text = searchable(item.text)
        assert len(text) > 200, key(article)
        assert len(article["events"]) >= EVENTS_IN_A_LONGER_TEXT or len(text) < SHORT_TEXT, key(article)
        for event in article["events"]:
            for ctx in contexts(event):
                assert ctx.replace("’", "'") in text, (key(article), ctx)
        texts[key(article)] = text
    return texts


def check_dated_articles_have_their_publication_date(data: dict[str, Any], corpus: Path, formats: set[str]) -> None:
    """Relative dates in an article of these formats were resolved against its publication date, so the
    scorer must hand that date on (and the title, which the text begins with)."""
    scorer = load_scorer()
    for article in (a for a in data["articles"] if a["format"] in formats):
        item = scorer.load_article(article, corpus)
        assert item.published and ISO.match(item.published), key(article)
        assert item.title and item.text.startswith(item.title), key(article)


#: Where the SemEval-2019 articles of a report set come from (its by-article file).
SEMEVAL_FILE = "semeval19_hyperpartisan/articles-training-byarticle-20181122.xml"
_BBC_FILE = re.compile(r"^bbc/bbc/([a-z]+)/(\d{3})\.txt$")
_BUZZFEED_FILE = re.compile(r"^buzzfeed_webis2016/articles/(\d{4})\.xml$")
_POLITIFACT_FILE = re.compile(
    r"^fakenewsnet/fakenewsnet_dataset/politifact/(fake|real)/politifact(\d+)/news content\.json$"
)


def check_articles_come_from_the_share(
    data: dict[str, Any], *, semeval_ids: range, bbc: dict[str, range], buzzfeed: range,
    politifact: range | None = None,
) -> None:
    """Every article is from the set's share of the reserved pool: SemEval ids, BBC files by category,
    BuzzFeed-Webis files and (for a share that holds them) FakeNewsNet politifact ids in the given ranges,
    no other part of the pool (a FakeNewsNet article outside a share with politifact ids fails)."""
    for article in data["articles"]:
        if article["format"] == "fakenewsnet":
            found = _POLITIFACT_FILE.match(article["file"])
            assert politifact is not None and found and int(found.group(2)) in politifact, key(article)
        elif article["format"] == "semeval":
            assert article["file"] == SEMEVAL_FILE and re.fullmatch(r"\d{7}", article["id"]), key(article)
            assert int(article["id"]) in semeval_ids, key(article)
        elif article["format"] == "buzzfeed":
            found = _BUZZFEED_FILE.match(article["file"])
            assert found and int(found.group(1)) in buzzfeed, key(article)
        else:
            found = _BBC_FILE.match(article["file"])
            assert article["format"] == "text" and found and found.group(1) in bbc, key(article)
            assert int(found.group(2)) in bbc[found.group(1)], key(article)


def check_only_dated_formats_hold_relative_dates(data: dict[str, Any], formats: set[str]) -> None:
    """An article of a format with no publication date (a BBC or BuzzFeed-Webis file) can only hold
    dates that are years the text names: nothing to resolve a relative date against."""
    for article in (a for a in data["articles"] if a["format"] not in formats):
        assert all(e["date"] is None or re.fullmatch(r"\d{4}", e["date"]) for e in article["events"]), key(article)
