"""The form of the fifth quote report set (``data/handchecked_report5.json``), never the system's score on it.

The set is held out: it is scored once, totals only, by ``benchmarks/score_quotes.py --data``. These tests
only check that the file is well made, so a broken annotation is caught without anyone looking at system
output: every annotated stretch is in its article's text after the scorer's own folding, the fields keep to
the sets' value sets, the set is as large as it was committed to be, and its articles come from its share
of the round-9 reserved pool and from no other set or data file. Nothing here runs the pipeline.
"""

from __future__ import annotations

import json
import sys

import pytest

from _paths import CORPUS, needs_shared
from _quote_sets import (
    QUOTE_DATA,
    about_problems,
    field_problems,
    files_naming_articles,
    in_sport_semeval_gossip_share,
    other_set_articles,
    size_problems,
    speakers_with_two_labels,
    sq,
    text_problems,
)

DATA = QUOTE_DATA / "handchecked_report5.json"
#: The floor the set was committed at (articles, quotes, sources with a gold role, with a gold gender); the
#: brief asked for 15, 150, 40 and 40 and the set falls short (docs/quality.md, Attribution, round 9).
MIN_ARTICLES, MIN_QUOTES, MIN_ROLE_SOURCES, MIN_GENDER_SOURCES = 3, 27, 2, 5
RAW = json.loads(DATA.read_text(encoding="utf-8"))
GOLD = sq.load_gold(DATA)


def test_the_set_is_as_large_as_it_was_committed() -> None:
    assert size_problems(GOLD, MIN_ARTICLES, MIN_QUOTES, MIN_ROLE_SOURCES, MIN_GENDER_SOURCES) == []


def test_the_about_says_it_is_a_held_out_report_set() -> None:
    assert about_problems(RAW, 20261207, "2026-12-07") == []


def test_fields_keep_to_the_value_sets() -> None:
    assert field_problems(RAW) == []


def test_a_speaker_keeps_one_role_and_gender_within_an_article() -> None:
    assert speakers_with_two_labels(GOLD) == []


def test_every_article_is_from_the_share_and_in_no_other_set() -> None:
    assert [k for k in RAW["articles"] if not in_sport_semeval_gossip_share(k)] == []
    assert not other_set_articles(DATA) & set(RAW["articles"])


def test_no_article_is_named_in_another_data_file() -> None:
    """An article of a held-out set is in no other set of any kind (main events, mentions, ...)."""
    assert files_naming_articles(DATA, list(RAW["articles"])) == []


@needs_shared(CORPUS)
def test_every_article_loads_and_every_stretch_is_in_its_text() -> None:
    assert text_problems(GOLD, CORPUS) == []


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q", "-p", "no:cacheprovider"]))
