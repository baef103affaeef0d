"""The form of the sixth quote report set (``data/handchecked_report6.json``), never the system's score on it.

The set is held out: it is scored once, totals only, by ``benchmarks/score_quotes.py --data``. These tests
only check that the file is well made, so a broken annotation is caught without anyone looking at system
output: every annotated stretch and every role or gender evidence is in its article's text after the
scorer's own folding, the fields keep to the sets' value sets, the set is as large as it was committed to
be, its description states the seeded selection and the gender convention it follows, and its articles
come from its share of the round-10 reserved pool and from no other set or data file. Nothing here runs
the pipeline.
"""

from __future__ import annotations

import json
import sys

import pytest

from _paths import CORPUS, needs_shared
from _quote_sets import (
    QUOTE_DATA,
    about_problems,
    evidence_problems,
    field_problems,
    files_naming_articles,
    in_sport_semeval_gossip_share,
    other_set_articles,
    size_problems,
    speakers_with_two_labels,
    sq,
    text_problems,
)

DATA = QUOTE_DATA / "handchecked_report6.json"
#: The floor the set was committed at (articles, quotes, sources with a gold role, with a gold gender).
MIN_ARTICLES, MIN_QUOTES, MIN_ROLE_SOURCES, MIN_GENDER_SOURCES = 39, 427, 75, 42
#: The brief asks for at least two interview or question-and-answer articles.
MIN_INTERVIEW_ARTICLES = 2
#: The seed of the selection's shuffle and the day the set was annotated, as its description gives them.
SEED, ANNOTATED = 20261208, "2026-12-07"
RAW = json.loads(DATA.read_text(encoding="utf-8"))
GOLD = sq.load_gold(DATA)


def test_the_set_is_as_large_as_it_was_committed() -> None:
    assert size_problems(GOLD, MIN_ARTICLES, MIN_QUOTES, MIN_ROLE_SOURCES, MIN_GENDER_SOURCES) == []


def test_the_set_holds_its_interviews() -> None:
    """Interview turns are a form of their own for the scorer; a set without them would not test it."""
    interviews = [k for k, a in RAW["articles"].items() if any(q["form"] == "interview" for q in a["quotes"])]
    assert len(interviews) >= MIN_INTERVIEW_ARTICLES


def test_the_about_says_it_is_a_held_out_report_set() -> None:
    assert about_problems(RAW, SEED, ANNOTATED) == []


def test_the_about_states_the_gender_convention() -> None:
    """Issue 19's wording decides gender here (any pronoun resolved to the person, honorific or gendered
    noun), unlike some earlier sets; a reader of the file must be told so."""
    about = RAW["about"]
    assert "issue 19" in about and "first name alone is not evidence" in about


def test_fields_keep_to_the_value_sets() -> None:
    assert field_problems(RAW) == []


def test_a_speaker_keeps_one_role_and_gender_within_an_article() -> None:
    assert speakers_with_two_labels(GOLD) == []


def test_a_role_or_gender_comes_with_its_evidence() -> None:
    """A gold role without the words that give it cannot be checked by a reader (the gender pair is in
    ``field_problems``)."""
    unbacked = [(k, q["speaker"]) for k, a in RAW["articles"].items() for q in a["quotes"]
                if q["role"] is not None and not q["role_evidence"]]
    assert unbacked == []


def test_every_article_is_from_the_share_and_in_no_other_set() -> None:
    assert [k for k in RAW["articles"] if not in_sport_semeval_gossip_share(k)] == []
    assert not other_set_articles(DATA) & set(RAW["articles"])


def test_no_article_is_named_in_another_data_file() -> None:
    """An article of a held-out set is in no other set of any kind (main events, mentions, ...)."""
    assert files_naming_articles(DATA, list(RAW["articles"])) == []


@needs_shared(CORPUS)
def test_every_article_loads_and_every_stretch_is_in_its_text() -> None:
    assert text_problems(GOLD, CORPUS) == []


@needs_shared(CORPUS)
def test_every_evidence_is_in_its_text() -> None:
    assert evidence_problems(RAW, GOLD, CORPUS) == []


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q", "-p", "no:cacheprovider"]))
