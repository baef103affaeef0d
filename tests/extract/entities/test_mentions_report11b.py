"""The second held-out mention report set of round 17 (``mentions_report11b.json``) is well formed.

Form only: this module never runs the entity stage on the set's articles, so that the set stays
held out until it is scored once at the end of the round (docs/quality.md, issue 15). The checks
are those of every report set (``_mention_sets``); this module states the set's minimums and its
reserved pool: Horne 2017 articles of the Real and Fake folders of the Buzzfeed and the Random
political news datasets that no file of the repository named before the round, news reports only.
"""

from __future__ import annotations

import pytest

from _paths import CORPUS, needs_shared
from extract.entities import _mention_sets as sets
from newsgraph.evaluate.mentions import load_annotations

REPORT11B = sets.DATA / "mentions_report11b.json"
#: The minimums the set was made to (issue 15, round 17): 200 mentions in 12 articles, with 40
#: organisation and group descriptions, 20 roles, 60 third-person pronouns and 15 first-person
#: pronouns inside quotations.
MINIMUMS = {"articles": 12, "mentions": 200, "description": 40, "role": 20, "pronoun": 60, "first_person": 15}
#: The pool: each Horne 2017 folder of the share (relative to the corpus folder) and the stems of its
#: files that no file of the repository named before the round, in any form the sets use
#: ('Real/NUMBER', 'horne-Random-Real-NUMBER', 'NUMBER_Real'; a number named under a label excludes it in both
#: datasets). 155 files.
POOL = {
    "horne2017/Public Data/Buzzfeed Political News Dataset/Fake": frozenset({
        "1_Fake", "2_Fake", "3_Fake", "4_Fake", "5_Fake", "6_Fake", "8_Fake", "9_Fake", "10_Fake", "11_Fake",
        "12_Fake", "13_Fake", "14_Fake", "15_Fake", "16_Fake", "17_Fake", "18_Fake", "19_Fake", "20_Fake",
        "21_Fake", "22_Fake", "23_Fake", "24_Fake", "25_Fake", "26_Fake", "27_Fake", "28_Fake", "29_Fake",
        "30_Fake", "31_Fake", "32_Fake", "33_Fake", "34_Fake", "35_Fake", "36_Fake", "37_Fake", "38_Fake",
        "39_Fake", "40_Fake", "41_Fake", "42_Fake", "43_Fake", "44_Fake", "45_Fake", "46_Fake", "47_Fake",
        "48_Fake",
    }),
    "horne2017/Public Data/Buzzfeed Political News Dataset/Real": frozenset({
        "101_Real", "103_Real", "104_Real", "105_Real", "107_Real", "109_Real", "110_Real", "112_Real",
        "114_Real", "116_Real", "121_Real", "125_Real", "127_Real", "131_Real", "133_Real", "135_Real",
        "136_Real", "140_Real", "141_Real", "144_Real", "145_Real", "147_Real", "149_Real", "152_Real",
    }),
    "horne2017/Public Data/Random Poltical News Dataset/Fake": frozenset({
        "001", "002", "2", "003", "3", "004", "4", "005", "5", "006", "6", "008", "8", "009", "9", "12", "14",
        "17", "19", "21", "23", "25", "26", "28", "29", "37", "38", "41", "42", "43", "51", "56", "57", "60",
        "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77",
        "78", "79", "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94",
        "95", "96", "97", "98", "99",
    }),
    "horne2017/Public Data/Random Poltical News Dataset/Real": frozenset({
        "163", "167", "173", "179", "184", "185", "193", "195", "197", "1007", "1009",
    }),
}
#: The size of the pool as the description states it.
POOL_SIZE = 155

pytestmark = needs_shared(CORPUS)


@pytest.fixture(scope="module")
def report11b() -> dict:
    return load_annotations(REPORT11B)


def test_the_pool_is_as_stated():
    assert sum(len(stems) for stems in POOL.values()) == POOL_SIZE
    assert f"{POOL_SIZE} eligible files" in load_annotations(REPORT11B)["description"]
    for folder, stems in POOL.items():
        assert all((CORPUS / folder / f"{stem}.txt").is_file() for stem in stems), folder


def test_articles_are_from_the_reserved_pool_and_in_no_other_set(report11b):
    for name in sets.check_new_articles(report11b, REPORT11B.name, MINIMUMS["articles"]):
        folder, _, file = name.rpartition("/")
        assert file.endswith(".txt") and file.removesuffix(".txt") in POOL[folder], name
        assert (CORPUS / name).is_file(), name


def test_every_mention_points_at_its_words(report11b):
    sets.check_mentions_point_at_their_words(report11b, CORPUS)


def test_counts_meet_the_minimums_and_match_the_description(report11b):
    sets.check_counts(report11b, MINIMUMS["mentions"], MINIMUMS["description"], MINIMUMS["role"],
                      MINIMUMS["pronoun"], MINIMUMS["first_person"])


def test_the_file_is_plain_json_with_only_the_known_fields():
    sets.check_plain_fields(REPORT11B)
