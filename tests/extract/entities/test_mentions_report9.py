"""The ninth held-out mention report set (``mentions_report9.json``) is well formed.

Form only: this module never runs the entity stage on the set's articles, so that the set stays
held out until it is scored once at the end of the round (docs/quality.md, issue 15). The checks
are those of every report set (``_mention_sets``); this module states the set's minimums and its
reserved pool (FakeNewsNet gossipcop items whose id ends in 0-4, two ranges of SemEval-2019 ids
with at most two articles an outlet, a range of BBC sport files, and small Horne 2017 random and
Buzzfeed real files of odd number), that no corpus gives more than 40% of the articles and that
gossipcop gives at least a fifth of them.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from _paths import CORPUS, needs_shared
from extract.entities import _mention_sets as sets
from newsgraph.evaluate.mentions import load_annotations

REPORT9 = sets.DATA / "mentions_report9.json"
#: The minimums the set was made to (issue 15, round 14): 300 mentions in 20 articles, with 70
#: organisation and group descriptions, 40 roles, 80 third-person pronouns and 40 first-person
#: pronouns inside quotations.
MINIMUMS = {"articles": 20, "mentions": 300, "description": 70, "role": 40, "pronoun": 80, "first_person": 40}
#: The reserved sub-pool of BBC files of the share: folder and the inclusive range of file numbers.
BBC_POOL = {"bbc/bbc/sport": (401, 455)}
#: Horne 2017 real files of the share: folder and the largest file size in bytes (odd numbers only).
HORNE_POOL = {
    "horne2017/Public Data/Random Poltical News Dataset/Real": 6000,
    "horne2017/Public Data/Buzzfeed Political News Dataset/Real": 5000,
}
#: FakeNewsNet gossipcop items of the share: ``<GOSSIPCOP_FOLDER>/gossipcop-ID/news content.json``
#: with the id's last digit in GOSSIPCOP_LAST_DIGITS.
GOSSIPCOP_FOLDER = "fakenewsnet/fakenewsnet_dataset/gossipcop/fake"
GOSSIPCOP_LAST_DIGITS = "01234"
RE_GOSSIPCOP = re.compile(re.escape(GOSSIPCOP_FOLDER) + r"/gossipcop-(\d+)/news content\.json")
#: Gossipcop gives at least this share of the articles.
MIN_GOSSIPCOP_SHARE = 0.2
#: The inclusive ranges of SemEval-2019 ids of the share (articles named ``<sets.SEMEVAL_FILE>#semeval-ID``).
SEMEVAL_IDS = ((0, 99), (500, 644))
#: At most this many SemEval articles of one outlet (the host of its URL, ``www.`` and ``us.`` dropped).
MAX_PER_OUTLET = 2
#: No corpus (the first folder of an article's file) gives more than this share of the articles.
MAX_CORPUS_SHARE = 0.4

pytestmark = needs_shared(CORPUS)


@pytest.fixture(scope="module")
def report9() -> dict:
    return load_annotations(REPORT9)


def test_articles_are_from_the_reserved_share_and_in_no_other_set(report9):
    urls = sets.semeval_outlets(CORPUS)
    outlets: Counter = Counter()
    names = sets.check_new_articles(report9, REPORT9.name, MINIMUMS["articles"])
    for name in names:
        if name.startswith(sets.SEMEVAL_FILE + "#semeval-"):
            article_id = name.rpartition("-")[2]
            assert any(low <= int(article_id) <= high for low, high in SEMEVAL_IDS), name
            outlets[urls[article_id]] += 1
            continue
        assert (CORPUS / name).is_file(), name
        gossipcop = RE_GOSSIPCOP.fullmatch(name)
        if gossipcop:
            assert gossipcop.group(1)[-1] in GOSSIPCOP_LAST_DIGITS, name
            continue
        folder, _, stem = name.rpartition("/")
        number = int(stem.split(".")[0].split("_")[0])
        if folder in HORNE_POOL:
            assert number % 2 == 1 and (CORPUS / name).stat().st_size <= HORNE_POOL[folder], name
            continue
        low, high = BBC_POOL[folder]
        assert low <= number <= high, name
    assert not outlets or max(outlets.values()) <= MAX_PER_OUTLET, outlets
    sets.check_corpus_share(names, MAX_CORPUS_SHARE)
    assert sum(1 for name in names if RE_GOSSIPCOP.fullmatch(name)) >= MIN_GOSSIPCOP_SHARE * len(names)


def test_every_mention_points_at_its_words(report9):
    sets.check_mentions_point_at_their_words(report9, CORPUS)


def test_counts_meet_the_minimums_and_match_the_description(report9):
    sets.check_counts(report9, MINIMUMS["mentions"], MINIMUMS["description"], MINIMUMS["role"],
                      MINIMUMS["pronoun"], MINIMUMS["first_person"])


def test_the_file_is_plain_json_with_only_the_known_fields():
    sets.check_plain_fields(REPORT9)
