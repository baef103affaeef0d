"""The form of the second quote report set (``data/handchecked_report2.json``), never the system's score on it.

The set is held out: it is scored once at the end of a round, totals only, by
``benchmarks/score_quotes.py --data``. These tests only check that the file is well made, so a
broken annotation is caught without anyone looking at system output: every article loads from
its corpus, every annotated stretch is in the article's text after the scorer's own folding
(``norm``), the fields keep to the sets' value sets and the set is as large and as varied as its
brief asks. Nothing here runs the pipeline. The corpus checks skip without the shared corpus.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from _paths import CORPUS, needs_shared
from _quote_sets import field_problems, other_set_articles, sq, text_problems

DATA = Path(__file__).parent / "data" / "handchecked_report2.json"
#: The brief's minimums: articles, quotes, corpora, articles with embedded posts, transcripts.
MIN_ARTICLES, MIN_QUOTES, MIN_CORPORA, MIN_POST_ARTICLES, MIN_TRANSCRIPTS = 16, 170, 5, 2, 1
RAW = json.loads(DATA.read_text(encoding="utf-8"))
GOLD = sq.load_gold(DATA)


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
    assert field_problems(RAW) == []


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
    assert not other_set_articles(DATA) & set(RAW["articles"])


@needs_shared(CORPUS)
def test_every_article_loads_and_every_stretch_is_in_its_text() -> None:
    assert text_problems(GOLD, CORPUS) == []


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q", "-p", "no:cacheprovider"]))
