"""The seventh held-out mention report set (``mentions_report7.json``) is well formed.

Form only: this module never runs the entity stage on the set's articles, so that the set stays
held out until it is scored once at the end of the round (docs/quality.md, issue 15). The checks
are those of every report set (``_mention_sets``); this module states the set's minimums and its
reserved pool (two ranges of SemEval-2019 ids, at most two articles an outlet, and a range of BBC
sport files).
"""

from __future__ import annotations

from collections import Counter

import pytest

from _paths import CORPUS, needs_shared
from extract.entities import _mention_sets as sets
from newsgraph.evaluate.mentions import load_annotations

REPORT7 = sets.DATA / "mentions_report7.json"
#: The minimums the set was made to (issue 15, round 11): 300 mentions in 20 articles, with 60
#: organisation and group descriptions, 40 roles, 80 third-person pronouns and 50 first-person
#: pronouns inside quotations.
MINIMUMS = {"articles": 20, "mentions": 300, "description": 60, "role": 40, "pronoun": 80, "first_person": 50}
#: The reserved sub-pool of BBC files of the share: folder and the inclusive range of file numbers.
POOL = {"bbc/bbc/sport": (401, 455)}
#: The inclusive ranges of SemEval-2019 ids of the share (articles named ``<sets.SEMEVAL_FILE>#semeval-ID``).
SEMEVAL_IDS = ((0, 99), (500, 644))
#: At most this many SemEval articles of one outlet (the host of its URL, ``www.`` and ``us.`` dropped).
MAX_PER_OUTLET = 2

pytestmark = needs_shared(CORPUS)


@pytest.fixture(scope="module")
def report7() -> dict:
    return load_annotations(REPORT7)


def test_articles_are_from_the_reserved_share_and_in_no_other_set(report7):
    urls = sets.semeval_outlets(CORPUS)
    outlets: Counter = Counter()
    for name in sets.check_new_articles(report7, REPORT7.name, MINIMUMS["articles"]):
        if name.startswith(sets.SEMEVAL_FILE + "#semeval-"):
            article_id = name.rpartition("-")[2]
            assert any(low <= int(article_id) <= high for low, high in SEMEVAL_IDS), name
            outlets[urls[article_id]] += 1
            continue
        folder, _, stem = name.rpartition("/")
        low, high = POOL[folder]
        assert low <= int(stem.split(".")[0]) <= high, name
        assert (CORPUS / name).is_file(), name
    assert not outlets or max(outlets.values()) <= MAX_PER_OUTLET, outlets


def test_every_mention_points_at_its_words(report7):
    sets.check_mentions_point_at_their_words(report7, CORPUS)


def test_counts_meet_the_minimums_and_match_the_description(report7):
    sets.check_counts(report7, MINIMUMS["mentions"], MINIMUMS["description"], MINIMUMS["role"],
                      MINIMUMS["pronoun"], MINIMUMS["first_person"])


def test_the_file_is_plain_json_with_only_the_known_fields():
    sets.check_plain_fields(REPORT7)

