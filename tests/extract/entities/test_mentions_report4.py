"""The fourth held-out mention report set (``mentions_report4.json``) is well formed.

Form only: this module never runs the entity stage on the set's articles, so that the set stays
held out until it is scored once at the end of the round (docs/quality.md, issue 15). The checks
are those of every report set (``_mention_sets``); this module states the set's minimums and pool,
and checks the FakeNewsCorpus rows, which are no files of their own, as the scorer reads them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest

from _paths import CORPUS, needs_shared
from extract.entities import _mention_sets as sets
from newsgraph.evaluate import corpora
from newsgraph.evaluate.mentions import load_annotations, read_article

REPORT4 = sets.DATA / "mentions_report4.json"
#: The minimums the set was made to (issue 15, round 7): 300 mentions in 20 articles, with 60
#: organisation and group descriptions and 40 person roles.
MIN_ARTICLES, MIN_MENTIONS, MIN_DESCRIPTIONS, MIN_ROLES = 20, 300, 60, 40
#: The reserved sub-pool of files the set was drawn from: folder and the inclusive range of file numbers.
POOL = {"bbc/bbc/business": (451, 510), "bbc/bbc/entertainment": (340, 386),
        "buzzfeed_webis2016/articles": (1400, 1519)}
#: FakeNewsCorpus rows are named ``<FNC_TABLE>#fnc-ID``; only rows of these types are in the pool.
FNC_TABLE = "fakenewscorpus/news_sample.csv"
FNC_TYPES = ("reliable", "political")
#: The selection rule's limits on articles of one FakeNewsCorpus outlet and of one BuzzFeed-Webis site;
#: the later rounds lifted the site limit for the one site that holds two thirds of the sub-pool.
MAX_PER_OUTLET, MAX_PER_SITE = 2, 3
MAX_OF_THE_LARGEST_SITE = {"rightwingnews.com": 8}

pytestmark = needs_shared(CORPUS)


@pytest.fixture(scope="module")
def report4() -> dict:
    return load_annotations(REPORT4)


@pytest.fixture(scope="module")
def fnc_rows() -> dict[str, dict]:
    """The corpus loader's metadata of every FakeNewsCorpus row, by item id (``fnc-ID``)."""
    return {doc.item.id: doc.extra for doc in corpora.fakenewscorpus(CORPUS)}


def test_articles_are_from_the_reserved_share_and_in_no_other_set(report4, fnc_rows):
    outlets: Counter[str] = Counter()
    sites: Counter[str] = Counter()
    for name in sets.check_new_articles(report4, REPORT4.name, MIN_ARTICLES):
        if name.startswith(FNC_TABLE + "#"):
            row = fnc_rows[name.partition("#")[2]]
            assert row["type"] in FNC_TYPES, name
            outlets[row["domain"]] += 1
            continue
        folder, _, stem = name.rpartition("/")
        low, high = POOL[folder]
        assert low <= int(stem.split(".")[0]) <= high, name
        assert (CORPUS / name).is_file(), name
        if name.endswith(".xml"):
            sites[urlparse(ElementTree.parse(CORPUS / name).getroot().findtext("uri") or "").netloc] += 1
    assert outlets and max(outlets.values()) <= MAX_PER_OUTLET
    assert sites
    for site, count in sites.items():
        assert count <= MAX_OF_THE_LARGEST_SITE.get(site, MAX_PER_SITE), site


def test_every_mention_points_at_its_words(report4):
    sets.check_mentions_point_at_their_words(report4, CORPUS)


def test_counts_meet_the_minimums_and_match_the_description(report4):
    sets.check_counts(report4, MIN_MENTIONS, MIN_DESCRIPTIONS, MIN_ROLES)


def test_the_file_is_plain_json_with_only_the_known_fields():
    sets.check_plain_fields(REPORT4)


def test_a_fakenewscorpus_row_is_read_as_the_loader_gives_its_content(tmp_path: Path):
    table = tmp_path / "fakenewscorpus" / "news_sample.csv"
    table.parent.mkdir()
    table.write_text('id,domain,type,content\n7,a.example,political,"Ann Lee spoke.\n\nShe  left."\n'
                     "8,b.example,reliable,Other text.\n", encoding="utf-8")
    assert read_article(table.with_name("news_sample.csv#fnc-7")) == "Ann Lee spoke.\n\nShe left."
    assert read_article(table.with_name("news_sample.csv#fnc-8")) == "Other text."
    with pytest.raises(KeyError):
        read_article(table.with_name("news_sample.csv#fnc-9"))
