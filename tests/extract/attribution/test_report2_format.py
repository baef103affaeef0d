"""The form of the second quote report set (``data/handchecked_report2.json``), never the system's score on it.

The set is held out: it is scored once at the end of a round, totals only, by
``benchmarks/score_quotes.py --data``. These tests only check that the file is well made, so a
broken annotation is caught without anyone looking at system output: every article loads from
its corpus, every annotated stretch is in the article's text after the scorer's own folding
(``norm``), the fields keep to the sets' value sets and the set is as large and as varied as its
brief asks. Nothing here runs the pipeline. The corpus checks skip without the shared corpus.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from _paths import CORPUS, needs_shared

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(__file__).parent / "data" / "handchecked_report2.json"
ROLES = {"official", "politician", "spokesperson", "expert", "business", "legal", "security", "media", "activist",
         "ordinary"}
FORMS = {"marks", "partial", "post", "interview", "headline"}
#: The brief's minimums: articles, quotes, corpora, articles with embedded posts, transcripts.
MIN_ARTICLES, MIN_QUOTES, MIN_CORPORA, MIN_POST_ARTICLES, MIN_TRANSCRIPTS = 16, 170, 5, 2, 1
#: Block tags that end a line of page text; inline tags (links, emphasis) join their words.
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "title",
               "article", "head", "body", "html"}


def _load_scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", ROOT / "benchmarks" / "score_quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score_quotes", module)
    spec.loader.exec_module(module)
    return module


sq = _load_scorer()
RAW = json.loads(DATA.read_text(encoding="utf-8"))
GOLD = sq.load_gold(DATA)


class _PageText(HTMLParser):
    """The words of an HTML page, a line break at each block tag (stdlib only: no newsgraph stage runs)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text(item) -> str:
    text = item.text if item.text is not None else item.data.decode("utf-8")
    if item.format == "html":
        parser = _PageText()
        parser.feed(text)
        text = "".join(parser.parts)
    return text


def _fold(text: str) -> str:
    """The scorer's folding of marks, space and case, without its trimming of edge punctuation."""
    return sq.norm(f"x {text} x")[2:-2]


def test_the_set_is_large_and_varied_enough() -> None:
    assert len(GOLD) >= MIN_ARTICLES
    assert sum(len(a.quotes) for a in GOLD) >= MIN_QUOTES
    assert len({a.corpus for a in GOLD}) >= MIN_CORPORA
    assert sum(any(q.form == "post" for q in a.quotes) for a in GOLD) >= MIN_POST_ARTICLES
    assert sum(any(q.form == "interview" for q in a.quotes) for a in GOLD) >= MIN_TRANSCRIPTS


def test_the_about_says_it_is_a_held_out_report_set() -> None:
    about = RAW["about"]
    assert "REPORT set" in about and "held out" in about and "before newsgraph was run" in about.lower()
    assert RAW["annotated"] == "2026-12-02"


def test_fields_keep_to_the_value_sets() -> None:
    for key, article in RAW["articles"].items():
        assert set(article) == {"text", "ignore", "quotes"}, key
        for q in article["quotes"]:
            where = (key, q["quote"])
            assert q["quote"].strip() and q["speaker"] and q["key"], where
            assert isinstance(q["key"], str) or (isinstance(q["key"], list) and all(q["key"])), where
            assert q["form"] in FORMS, where
            assert q["role"] is None or q["role"] in ROLES, where
            assert q["gender"] in (None, "female", "male"), where
            assert (q["gender"] is None) == (q["gender_evidence"] is None), where
            assert ("handle" in q) == (q["form"] == "post"), where
            assert "handle" not in q or q["handle"].startswith("@"), where
        quotes = [sq.norm(q["quote"]) for q in article["quotes"]]
        assert len(quotes) == len(set(quotes)), f"{key}: the same words annotated twice"


def _in_sub_pool(key: str) -> bool:
    """The annotators' share of the reserved pool (see docs/quality.md, issue 19, round 3)."""
    corpus, item = key.split("/", 1)
    number = int(re.sub(r"\D", "", item) or -1)
    if corpus == "bbc":
        return item.startswith("bbc-sport-") and 401 <= number <= 511
    if corpus == "reuters":
        return 21001 <= number <= 21578  # reut2-021.sgm
    if corpus == "buzzfeed":
        return 1520 <= number <= 1627
    if corpus == "fakenewsnet":
        return item.startswith("gossipcop-") or (item.startswith("politifact") and number >= 15000)
    return corpus in {"semeval", "fakenewscorpus"}


def test_every_article_is_from_the_sub_pool_and_in_no_other_set() -> None:
    assert all(_in_sub_pool(key) for key in RAW["articles"]), [k for k in RAW["articles"] if not _in_sub_pool(k)]
    others = set()
    for path in sorted(DATA.parent.glob("handchecked_*.json")):  # every other set, whatever it is named now
        if path != DATA:
            others |= set(json.loads(path.read_text(encoding="utf-8"))["articles"])
    assert not others & set(RAW["articles"])


@needs_shared(CORPUS)
def test_every_article_loads_and_every_stretch_is_in_its_text() -> None:
    items = sq.find_items(GOLD, CORPUS)
    for article in GOLD:
        text = _fold(_text(items[article.key]))
        for q in article.quotes:
            assert sq.norm(q.quote) in text, (article.key, q.quote)
        for stretch in article.ignore:
            assert sq.norm(stretch) in text, (article.key, stretch)
        for q in article.quotes:
            assert any(key.lower() in text for key in q.keys), (article.key, q.keys)
            if q.handle is not None:
                assert q.handle.lower() in text, (article.key, q.handle)


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q", "-p", "no:cacheprovider"]))
