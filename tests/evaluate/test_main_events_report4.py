"""The fourth main-events report set keeps the form the scorer needs (format only, never system output).

``benchmarks/data/main_events_report4.json`` is a held-out set: nothing here runs newsgraph on
its articles, only the scorer's ``load_article`` reads their text. The form checks are the ones
shared with the other report sets (``tests/_main_events_sets.py``), with this set's minimums:
25 articles, 5 outlets, 60 dated events, 5-12 events an article, a third of the articles long
(text > 5 kB), no article of another set. The set was drawn from one share of the reserved pool
(Reuters ``reut2-021.sgm`` stories with a body of at least 1.5 kB, BBC sport 401-511, SemEval-2019
hyperpartisan articles with an odd id), which is checked too. A SemEval article is one article of
the by-article XML file, read by its id, so the scorer's SemEval reader is tested here on an
invented file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from _main_events_sets import (
    DATA_DIR,
    EVENTS_IN_A_LONGER_TEXT,
    check_contexts_are_literal_snippets,
    check_dated_articles_have_their_publication_date,
    check_fields,
    check_no_article_from_another_set,
    key,
    load_scorer,
)
from _paths import CORPUS, needs_shared
from newsgraph.evaluate.corpora import reuters_stories, semeval_article

DATA = DATA_DIR / "main_events_report4.json"
#: The minimums the set was made to.
MIN_ARTICLES, MIN_OUTLETS, MIN_DATED = 25, 5, 60
#: A long article's text, in characters, and the share of the set that is long.
LONG_TEXT, LONG_SHARE = 5000, 1 / 3
#: A Reuters story of the share has a body (text after title and dateline) of at least this many characters.
MIN_REUTERS_BODY = 1500
REUTERS_FILE = "reuters21578/reut2-021.sgm"
SEMEVAL_FILE = "semeval19_hyperpartisan/articles-training-byarticle-20181122.xml"
BBC_SPORT = re.compile(r"^bbc/bbc/sport/(\d{3})\.txt$")
BBC_SPORT_SHARE = range(401, 512)


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def test_set_is_named_by_the_scorer() -> None:
    assert load_scorer().DATA_SETS["report4"] == DATA


def test_set_size_and_fields(data: dict[str, Any]) -> None:
    assert "2026-12-07" in data["description"] and "random.Random(2026120704)" in data["description"]
    check_fields(data, min_articles=MIN_ARTICLES, min_outlets=MIN_OUTLETS, min_dated=MIN_DATED)
    assert all(len(a["events"]) >= EVENTS_IN_A_LONGER_TEXT for a in data["articles"])


def test_articles_come_from_the_share(data: dict[str, Any]) -> None:
    """Reuters from reut2-021.sgm, BBC sport 401-511, SemEval odd ids: no other part of the pool."""
    for article in data["articles"]:
        if article["format"] == "reuters":
            assert article["file"] == REUTERS_FILE
        elif article["format"] == "semeval":
            assert article["file"] == SEMEVAL_FILE and int(article["id"]) % 2 == 1, key(article)
        else:
            found = BBC_SPORT.match(article["file"])
            assert article["format"] == "text" and found and int(found.group(1)) in BBC_SPORT_SHARE, key(article)


def test_no_article_from_another_set(data: dict[str, Any]) -> None:
    check_no_article_from_another_set(data, DATA)


@needs_shared(CORPUS)
def test_articles_load_contexts_are_literal_snippets_and_a_third_are_long(data: dict[str, Any]) -> None:
    texts = check_contexts_are_literal_snippets(data, CORPUS)
    assert sum(len(t) > LONG_TEXT for t in texts.values()) >= LONG_SHARE * len(texts)


@needs_shared(CORPUS)
def test_reuters_stories_have_the_share_s_body_length(data: dict[str, Any]) -> None:
    bodies = {d.item.id: d.extra["body"] for d in reuters_stories(CORPUS / REUTERS_FILE)}
    for article in (a for a in data["articles"] if a["format"] == "reuters"):
        assert len(bodies[f"reuters-{article['id']}"]) >= MIN_REUTERS_BODY, key(article)


@needs_shared(CORPUS)
def test_dated_articles_have_their_publication_date(data: dict[str, Any]) -> None:
    """Reuters and SemEval relative dates were resolved against the article's date; the scorer hands it on."""
    check_dated_articles_have_their_publication_date(data, CORPUS, {"reuters", "semeval"})


def test_semeval_reader_gives_title_paragraphs_and_date(tmp_path: Path) -> None:
    """An invented two-article file: the article asked for, its title first, then its paragraphs with
    the tags stripped and the entities unescaped, and its published-at as publication date."""
    path = tmp_path / "articles.xml"
    path.write_text(
        '<articles>\n<article id="0000003" published-at="2019-05-02" title="Council &amp; mayor agree">'
        '<p>The council <a href="http://example.org" type="external">voted</a> on Monday.</p> '
        "<p/> <p>The mayor &quot;signed&quot; the plan.</p></article>\n"
        '<article id="0000005" published-at="2019-05-03" title="Other">'
        "<p>Another text.</p></article>\n</articles>\n",
        encoding="utf-8",
    )
    item = semeval_article(path, "0000003")
    assert item.title == "Council & mayor agree"
    assert item.text == 'Council & mayor agree\n\nThe council voted on Monday.\n\nThe mayor "signed" the plan.'
    assert item.published == "2019-05-02"
    with pytest.raises(KeyError):
        semeval_article(path, "0000007")
