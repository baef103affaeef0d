"""The sixth held-out mention report set (``mentions_report6.json``) is well formed.

Form only: this module never runs the entity stage on the set's articles, so that the set stays
held out until it is scored once at the end of the round (docs/quality.md, issue 15). The checks
are those of every report set (``_mention_sets``); this module states the set's minimums and its
reserved pool (two Reuters files, two BBC folders and a range of SemEval-2019 ids, at most two
articles an outlet), and checks that a SemEval article is read as its title and paragraphs.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from _paths import CORPUS, needs_shared
from extract.entities import _mention_sets as sets
from newsgraph.evaluate.corpora import reuters_stories
from newsgraph.evaluate.mentions import load_annotations, read_article

REPORT6 = sets.DATA / "mentions_report6.json"
#: The minimums the set was made to (issue 15, round 10): 200 mentions in 15 articles, with 40
#: organisation and group descriptions, 60 third-person pronouns and 30 first-person pronouns inside
#: quotations, and 25 roles.
MIN_ARTICLES, MIN_MENTIONS, MIN_DESCRIPTIONS, MIN_ROLES = 15, 200, 40, 25
MIN_PRONOUNS, MIN_FIRST_PERSON = 60, 30
#: The reserved Reuters files of the share; their stories are named ``<file>#reuters-NEWID``.
REUTERS_FILES = ("reuters21578/reut2-021.sgm", "reuters21578/reut2-020.sgm")
#: The share takes Reuters stories whose body is at least this many bytes (UTF-8).
MIN_REUTERS_BODY_BYTES = 1500
#: The reserved sub-pools of BBC files of the share: folder and the inclusive range of file numbers.
POOL = {"bbc/bbc/business": (451, 510), "bbc/bbc/entertainment": (340, 386)}
#: The inclusive range of SemEval-2019 ids of the share (articles named ``<sets.SEMEVAL_FILE>#semeval-ID``).
SEMEVAL_IDS = (500, 644)
#: At most this many SemEval articles of one outlet (the host of its URL, ``www.`` and ``us.`` dropped).
MAX_PER_OUTLET = 2

pytestmark = needs_shared(CORPUS)


@pytest.fixture(scope="module")
def report6() -> dict:
    return load_annotations(REPORT6)


@lru_cache(maxsize=len(REUTERS_FILES))
def _reuters_bodies(table: str) -> dict[str, str]:
    """The body of every story of one reserved Reuters file by the loader's item id, read once."""
    return {doc.item.id: doc.extra["body"] for doc in reuters_stories(CORPUS / table)}


def _reuters_body(name: str) -> str:
    """The body of the story ``<file>#reuters-NEWID``, as the Reuters loader reads it."""
    table, _, story = name.partition("#")
    return _reuters_bodies(table)[story]


def test_articles_are_from_the_reserved_share_and_in_no_other_set(report6):
    urls = sets.semeval_outlets(CORPUS)
    outlets: Counter = Counter()
    for name in sets.check_new_articles(report6, REPORT6.name, MIN_ARTICLES):
        if name.startswith(sets.SEMEVAL_FILE + "#semeval-"):
            article_id = name.rpartition("-")[2]
            assert SEMEVAL_IDS[0] <= int(article_id) <= SEMEVAL_IDS[1], name
            outlets[urls[article_id]] += 1
            continue
        if "#" in name:
            assert name.partition("#")[0] in REUTERS_FILES, name
            assert len(_reuters_body(name).encode("utf-8")) >= MIN_REUTERS_BODY_BYTES, name
            continue
        folder, _, stem = name.rpartition("/")
        low, high = POOL[folder]
        assert low <= int(stem.split(".")[0]) <= high, name
        assert (CORPUS / name).is_file(), name
    assert outlets and max(outlets.values()) <= MAX_PER_OUTLET, outlets


def test_every_mention_points_at_its_words(report6):
    sets.check_mentions_point_at_their_words(report6, CORPUS)


def test_counts_meet_the_minimums_and_match_the_description(report6):
    sets.check_counts(report6, MIN_MENTIONS, MIN_DESCRIPTIONS, MIN_ROLES, MIN_PRONOUNS, MIN_FIRST_PERSON)


def test_the_file_is_plain_json_with_only_the_known_fields():
    sets.check_plain_fields(REPORT6)


def test_a_semeval_article_is_read_as_its_title_and_paragraphs(tmp_path: Path):
    xml = tmp_path / "semeval19_hyperpartisan" / "articles-test.xml"
    xml.parent.mkdir()
    xml.write_text('<articles><article id="0000007" title="Mill &amp; Co closes">'
                   "<p>The <a href=\"x\">mill</a> closed.</p> <p>It  had 40 workers.</p></article>"
                   '<article id="0000008" title="Other"><p>Not this one.</p></article></articles>\n',
                   encoding="utf-8")
    assert read_article(xml.with_name("articles-test.xml#semeval-0000007")) == (
        "Mill & Co closes\n\nThe mill closed.\n\nIt had 40 workers.")
    with pytest.raises(KeyError):
        read_article(xml.with_name("articles-test.xml#semeval-0000009"))
