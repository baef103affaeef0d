"""The tenth held-out mention report set (``mentions_report10.json``) is well formed.

Form only: this module never runs the entity stage on the set's articles, so that the set stays
held out until it is scored once at the end of the round (docs/quality.md, issue 15). The checks
are those of every report set (``_mention_sets``); this module states the set's minimums and its
reserved pool: news pages of the article-extraction benchmark whose item id's first hex digit is
0-7 and whose hand-made body is 1,200-8,000 bytes, at most two an outlet.
"""

from __future__ import annotations

from collections import Counter

import pytest

from _paths import CORPUS, EVAL_DATA, needs_shared
from extract.entities import _mention_sets as sets
from newsgraph.evaluate.corpora import benchmark_page
from newsgraph.evaluate.mentions import load_annotations

REPORT10 = sets.DATA / "mentions_report10.json"
#: The minimums the set was made to (issue 15, round 16): 300 mentions in 20 articles, with 70
#: organisation and group descriptions, 40 roles, 80 third-person pronouns and 40 first-person
#: pronouns inside quotations.
MINIMUMS = {"articles": 20, "mentions": 300, "description": 70, "role": 40, "pronoun": 80, "first_person": 40}
#: The share of the pool: the first hex digit of the item id (after ``page-``).
FIRST_HEX_DIGITS = "01234567"
#: The inclusive range of a page's body size in bytes (UTF-8).
BODY_BYTES = (1200, 8000)
#: At most this many articles of one outlet (:func:`_mention_sets.page_outlet`).
MAX_PER_OUTLET = 2
BENCHMARK = EVAL_DATA / "article-extraction-benchmark"

pytestmark = needs_shared(CORPUS, BENCHMARK)


@pytest.fixture(scope="module")
def report10() -> dict:
    return load_annotations(REPORT10)


def test_articles_are_from_the_reserved_share_and_in_no_other_set(report10):
    outlets: Counter = Counter()
    for name in sets.check_new_articles(report10, REPORT10.name, MINIMUMS["articles"]):
        page = sets.RE_PAGE.fullmatch(name)
        assert page, name
        item_id = page.group(1)
        assert item_id.removeprefix("page-")[0] in FIRST_HEX_DIGITS, name
        item = benchmark_page(BENCHMARK, item_id)
        low, high = BODY_BYTES
        assert low <= len((item.text or "").encode("utf-8")) <= high, name
        outlets[sets.page_outlet(item.url)] += 1
    assert "" not in outlets and max(outlets.values()) <= MAX_PER_OUTLET, outlets


def test_every_mention_points_at_its_words(report10):
    sets.check_mentions_point_at_their_words(report10, CORPUS)


def test_counts_meet_the_minimums_and_match_the_description(report10):
    sets.check_counts(report10, MINIMUMS["mentions"], MINIMUMS["description"], MINIMUMS["role"],
                      MINIMUMS["pronoun"], MINIMUMS["first_person"])


def test_the_file_is_plain_json_with_only_the_known_fields():
    sets.check_plain_fields(REPORT10)
