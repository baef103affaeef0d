"""The eighth held-out mention report set (``mentions_report8.json``) is well formed.

Form only: this module never runs the entity stage on the set's articles, so that the set stays
held out until it is scored once at the end of the round (docs/quality.md, issue 15). The checks
are those of every report set (``_mention_sets``); this module states the set's minimums and its
reserved pool (two ranges of SemEval-2019 ids, at most two articles an outlet, a range of BBC sport
files, BBC tech files of odd number over 5 kB, and Horne 2017 random real files of odd number), and
that no corpus gives more than half of the articles.
"""

from __future__ import annotations

from collections import Counter

import pytest

from _paths import CORPUS, needs_shared
from extract.entities import _mention_sets as sets
from newsgraph.evaluate.mentions import load_annotations

REPORT8 = sets.DATA / "mentions_report8.json"
#: The minimums the set was made to (issue 15, round 13): 300 mentions in 20 articles, with 70
#: organisation and group descriptions, 30 roles, 80 third-person pronouns and 40 first-person
#: pronouns inside quotations.
MINIMUMS = {"articles": 20, "mentions": 300, "description": 70, "role": 30, "pronoun": 80, "first_person": 40}
#: The reserved sub-pool of BBC files of the share: folder and the inclusive range of file numbers.
BBC_POOL = {"bbc/bbc/sport": (401, 455), "bbc/bbc/tech": (1, 401)}
#: BBC tech files of the share are those of odd number over this many bytes.
TECH_MIN_BYTES = 5000
#: Horne 2017 random real files of the share are those of odd number in this folder.
HORNE_FOLDER = "horne2017/Public Data/Random Poltical News Dataset/Real"
#: The inclusive ranges of SemEval-2019 ids of the share (articles named ``<sets.SEMEVAL_FILE>#semeval-ID``).
SEMEVAL_IDS = ((0, 99), (500, 644))
#: At most this many SemEval articles of one outlet (the host of its URL, ``www.`` and ``us.`` dropped).
MAX_PER_OUTLET = 2
#: No corpus (the first folder of an article's file) gives more than this share of the articles.
MAX_CORPUS_SHARE = 0.5

pytestmark = needs_shared(CORPUS)


@pytest.fixture(scope="module")
def report8() -> dict:
    return load_annotations(REPORT8)


def test_articles_are_from_the_reserved_share_and_in_no_other_set(report8):
    urls = sets.semeval_outlets(CORPUS)
    outlets: Counter = Counter()
    names = sets.check_new_articles(report8, REPORT8.name, MINIMUMS["articles"])
    for name in names:
        if name.startswith(sets.SEMEVAL_FILE + "#semeval-"):
            article_id = name.rpartition("-")[2]
            assert any(low <= int(article_id) <= high for low, high in SEMEVAL_IDS), name
            outlets[urls[article_id]] += 1
            continue
        assert (CORPUS / name).is_file(), name
        folder, _, stem = name.rpartition("/")
        number = int(stem.split(".")[0])
        if folder == HORNE_FOLDER:
            assert number % 2 == 1, name
            continue
        low, high = BBC_POOL[folder]
        assert low <= number <= high, name
        if folder.endswith("tech"):
            assert number % 2 == 1 and (CORPUS / name).stat().st_size > TECH_MIN_BYTES, name
    assert not outlets or max(outlets.values()) <= MAX_PER_OUTLET, outlets
    sets.check_corpus_share(names, MAX_CORPUS_SHARE)


def test_every_mention_points_at_its_words(report8):
    sets.check_mentions_point_at_their_words(report8, CORPUS)


def test_counts_meet_the_minimums_and_match_the_description(report8):
    sets.check_counts(report8, MINIMUMS["mentions"], MINIMUMS["description"], MINIMUMS["role"],
                      MINIMUMS["pronoun"], MINIMUMS["first_person"])


def test_the_file_is_plain_json_with_only_the_known_fields():
    sets.check_plain_fields(REPORT8)
