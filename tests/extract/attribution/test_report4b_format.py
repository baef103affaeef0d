"""The form of the second quote report set of round 8 (``data/handchecked_report4b.json``), not the score on it.

The set is held out: it is scored once, totals only, by ``benchmarks/score_quotes.py --data``.
These tests only check that the file is well made, so a broken annotation is caught without anyone
looking at system output: every article loads from its corpus and every annotated stretch is in its
text after the scorer's own folding, the fields keep to the sets' value sets, the set is as large as
its brief asks, its articles come from its share of the round-8 reserved pool (SemEval-2019
hyperpartisan, BBC sport 401-511 and entertainment 340-386), at most two from one outlet, and none
is in another set. Nothing here runs the pipeline; the corpus checks skip without the shared corpus.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter

import pytest

from _paths import CORPUS, needs_shared
from _quote_sets import (
    QUOTE_DATA,
    about_problems,
    field_problems,
    files_naming_articles,
    other_set_articles,
    size_problems,
    speakers_with_two_labels,
    sq,
    text_problems,
)

DATA = QUOTE_DATA / "handchecked_report4b.json"
#: The brief's minimums: articles, quotes, and distinct (article, speaker) sources with a gold role.
MIN_ARTICLES, MIN_QUOTES, MIN_ROLE_SOURCES = 10, 120, 25
#: At most this many articles from one outlet (web site; the BBC is one outlet), so no house style dominates.
MAX_PER_OUTLET = 2
#: The BBC files of the share: category -> (first, last) file number.
BBC_SHARE = {"sport": (401, 511), "entertainment": (340, 386)}
#: The SemEval-2019 file whose ground truth holds each article's address.
SEMEVAL_TRUTH = CORPUS / "semeval19_hyperpartisan" / "ground-truth-training-byarticle-20181122.xml"
RAW = json.loads(DATA.read_text(encoding="utf-8"))
GOLD = sq.load_gold(DATA)


def test_the_set_is_as_large_as_its_brief_asks() -> None:
    assert size_problems(GOLD, MIN_ARTICLES, MIN_QUOTES, MIN_ROLE_SOURCES) == []
    role_sources = {(a.key, q.speaker) for a in GOLD for q in a.quotes if q.role is not None}
    assert len(role_sources) >= MIN_ROLE_SOURCES


def test_the_about_says_it_is_a_held_out_report_set() -> None:
    assert about_problems(RAW, 202612078, "2026-12-07") == []


def test_fields_keep_to_the_value_sets() -> None:
    assert field_problems(RAW) == []


def test_a_speaker_keeps_one_role_and_gender_within_an_article() -> None:
    """One person is one source: their role and gender do not change from quote to quote."""
    assert speakers_with_two_labels(GOLD) == []


def _in_share(key: str) -> bool:
    """This set's share of the round-8 reserved pool (docs/quality.md, Attribution, round 8)."""
    corpus, item = key.split("/", 1)
    if corpus == "semeval":
        return re.fullmatch(r"semeval-\d+", item) is not None
    if corpus == "bbc":
        _, category, number = item.split("-", 2)
        first, last = BBC_SHARE.get(category, (1, 0))
        return number.isdigit() and first <= int(number) <= last
    return False


def test_every_article_is_from_the_share_and_in_no_other_set() -> None:
    assert [k for k in RAW["articles"] if not _in_share(k)] == []
    assert not other_set_articles(DATA) & set(RAW["articles"])


def test_no_article_is_named_in_another_data_file() -> None:
    """An article of a held-out set is in no other set of any kind (main events, mentions, ...)."""
    assert files_naming_articles(DATA, list(RAW["articles"])) == []


def _outlet(key: str, truth: dict[str, str]) -> str:
    """The web site an article is from, as its corpus records it (every BBC file is one outlet)."""
    corpus, item_id = key.split("/", 1)
    if corpus == "bbc":
        return "bbc.co.uk"
    address = truth.get(item_id.removeprefix("semeval-"), "")
    return re.sub(r"^(https?://)?(www\.)?", "", address).split("/")[0]


@needs_shared(CORPUS)
def test_at_most_two_articles_come_from_one_outlet() -> None:
    truth = dict(re.findall(r'id="(\d+)"[^>]*url="([^"]*)"', SEMEVAL_TRUTH.read_text(encoding="utf-8")))
    outlets = Counter(_outlet(a.key, truth) for a in GOLD)
    assert "" not in outlets and max(outlets.values()) <= MAX_PER_OUTLET, outlets


@needs_shared(CORPUS)
def test_every_article_loads_and_every_stretch_is_in_its_text() -> None:
    assert text_problems(GOLD, CORPUS) == []


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q", "-p", "no:cacheprovider"]))
