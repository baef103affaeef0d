"""The second held-out mention report set (``mentions_report2.json``) is well formed.

Form only: this module never runs the entity stage on the set's articles, so that the set stays
held out until it is scored once at the end of the round (docs/quality.md, issue 15). The checks
are those of every report set (``_mention_sets``); this module states the set's minimums and pool.
"""

from __future__ import annotations

import pytest

from _paths import CORPUS, needs_shared
from extract.entities import _mention_sets as sets
from newsgraph.evaluate.mentions import load_annotations

REPORT2 = sets.DATA / "mentions_report2.json"
#: The minimums the set was made to (issue 15): enough articles, mentions and organisation descriptions.
MIN_ARTICLES, MIN_MENTIONS, MIN_DESCRIPTIONS = 16, 180, 40
#: The reserved pool the set was drawn from: folder and the inclusive range of file numbers.
POOL = {"bbc/bbc/business": (451, 510), "bbc/bbc/entertainment": (340, 386),
        "buzzfeed_webis2016/articles": (1400, 1519)}

pytestmark = needs_shared(CORPUS)


@pytest.fixture(scope="module")
def report2() -> dict:
    return load_annotations(REPORT2)


def test_articles_are_from_the_reserved_pool_and_new(report2):
    for name in sets.check_new_articles(report2, REPORT2.name, MIN_ARTICLES):
        folder, _, stem = name.rpartition("/")
        low, high = POOL[folder]
        assert low <= int(stem.split(".")[0]) <= high, name
        assert (CORPUS / name).is_file(), name


def test_every_mention_points_at_its_words(report2):
    # this set wrote its contexts before the exact form was fixed: the mention in [[ ]] is checked
    sets.check_mentions_point_at_their_words(report2, CORPUS, exact_context=False)


def test_counts_meet_the_minimums_and_match_the_description(report2):
    sets.check_counts(report2, MIN_MENTIONS, MIN_DESCRIPTIONS)


def test_the_file_is_plain_json_with_only_the_known_fields():
    sets.check_plain_fields(REPORT2)
