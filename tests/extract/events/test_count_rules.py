"""The rules ``training/salience/count.py`` chooses among: their current settings are the shipped count, and the
cached tally equals the scorer's count, on invented articles (hand-built events, no parse)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import numpy
import pytest

from newsgraph.extract.events import salience

TRAINING = Path(__file__).resolve().parents[3] / "training" / "salience"
#: Lengths the rules are checked at: empty, short, around every grid threshold, long.
LENGTHS = range(0, 121)


@pytest.fixture(scope="module")
def count():
    sys.path.insert(0, str(TRAINING))
    try:
        yield importlib.import_module("count")
    finally:
        sys.path.remove(str(TRAINING))


def _article(train, n_sentences: int, hand: list[float], gold_of: list[set[int]], n_gold: int):
    """An invented article: one event per sentence, distinct happenings and clauses."""
    n = len(hand)
    return train.Article(set_name="invented", x=numpy.zeros((n, 1)), hand=numpy.array(hand),
                         hand_main=numpy.zeros(n, dtype=bool), sentence=list(range(n)),
                         happening=[f"act{i}" for i in range(n)], clause=list(range(n)),
                         no_word=numpy.zeros(n, dtype=bool), boilerplate=numpy.zeros(n, dtype=bool),
                         n_sentences=n_sentences, matches=gold_of, n_gold=n_gold)


def test_every_rules_current_setting_is_the_shipped_count(count) -> None:
    """The "before" figures of every rule are the record's: the shipped floor and count at every length."""
    for name, rule in count.RULES.items():
        for n in LENGTHS:
            article = _article(count.train, n, [0.5], [set()], 0)
            assert rule.cut(article, rule.current) == (salience.MAIN_RELATIVE, salience.main_count(n)), (name, n)


def test_the_length_rule_gives_a_short_article_its_own_count_and_floor(count) -> None:
    rule = count.RULES["length"]
    setting = (12.0, 2.0, 0.5, 0.25)  # below 12 sentences: one per two sentences, floor 0.5; else floor 0.25
    short = _article(count.train, 11, [0.5], [set()], 0)
    long = _article(count.train, 12, [0.5], [set()], 0)
    assert rule.cut(short, setting) == (0.5, salience.main_count(11, 2.0))
    assert rule.cut(long, setting) == (0.25, salience.main_count(12))


def test_the_long_rule_caps_only_the_long_articles(count) -> None:
    rule = count.RULES["long"]
    setting = (30.0, 6.0, 0.5, 0.25)
    assert rule.cut(_article(count.train, 29, [0.5], [set()], 0), setting) == (0.25, salience.main_count(29))
    assert rule.cut(_article(count.train, 30, [0.5], [set()], 0), setting) == (0.5, 6)


def test_the_cached_tally_is_the_scorers_tally(count) -> None:
    """``Rule.figures`` (cached per floor and count) counts as ``train.tally`` over ``Rule.mark`` does."""
    train = count.train
    articles = [
        # Ten events of falling score; events 0, 2 and 3 match gold events 0, 1 and 1 of three.
        _article(train, 10, [0.9 - 0.08 * i for i in range(10)], [{0}, set(), {1}, {1}] + [set()] * 6, 3),
        # Forty sentences, twelve events; every other event matches its own gold event.
        _article(train, 40, [0.8 - 0.05 * i for i in range(12)], [{i} if i % 2 == 0 else set() for i in range(12)],
                 8),
    ]
    for name, rule in count.RULES.items():
        for setting in rule.settings()[::37]:
            expected = train.tally(articles, rule.mark(articles, setting))
            assert rule.figures(articles, setting) == expected, (name, setting)
