"""How many main events an article gets (``salience.main_count``), on invented lengths and hand-built events."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from newsgraph.extract.events import salience
from newsgraph.extract.events.salience import MAX_MAIN, MIN_MAIN, main_count, select_main
from newsgraph.record import Event, Offsets

#: The record's promise: 5-12 main events where the article has them.
PROMISED_LOW, PROMISED_HIGH = 5, 12


def test_the_count_stays_within_the_records_promise_at_every_length() -> None:
    counts = [main_count(n) for n in range(0, 400)]
    assert all(MIN_MAIN <= c <= MAX_MAIN for c in counts)
    assert PROMISED_LOW <= MIN_MAIN <= MAX_MAIN <= PROMISED_HIGH


def test_a_short_article_gets_the_minimum_and_a_long_one_the_cap() -> None:
    assert main_count(0) == MIN_MAIN
    assert main_count(1) == MIN_MAIN
    assert main_count(10_000) == MAX_MAIN


def test_the_count_never_falls_as_the_article_grows() -> None:
    counts = [main_count(n) for n in range(0, 400)]
    assert counts == sorted(counts)


@pytest.mark.parametrize(("n_sentences", "per_main", "most", "expected"), [
    (7, 1.0, 12, 7),      # one per sentence, between the bounds
    (30, 1.0, 12, 12),    # capped
    (30, 3.0, 12, 10),    # one per three sentences
    (6, 3.0, 12, MIN_MAIN),  # lifted to the minimum
    (40, 2.0, 8, 8),      # a lower cap
])
def test_the_count_follows_its_parameters(n_sentences: int, per_main: float, most: int, expected: int) -> None:
    assert main_count(n_sentences, per_main, most) == expected


def _article(n_sentences: int, events_per_sentence: int) -> tuple[Any, list[tuple[Event, Any]]]:
    """A stand-in context (only sentence bounds) and events of distinct lemmas and clauses, all scored alike."""
    ctx = SimpleNamespace(sent_bounds=[(10 * k, 10 * k + 10) for k in range(n_sentences)])
    found = []
    for k in range(n_sentences):
        for j in range(events_per_sentence):
            i = 10 * k + j
            event = Event(id=f"v{i}", predicate=f"act{i}", sentence=Offsets(start=100 * k, end=100 * k + 90),
                          salience=0.9)
            found.append((event, SimpleNamespace(i=i)))
    return ctx, found


def test_select_main_marks_the_count_of_a_long_article() -> None:
    ctx, found = _article(n_sentences=60, events_per_sentence=1)
    select_main(ctx, found, salience.MIN_MAIN_SALIENCE, salience.MAIN_RELATIVE)
    assert sum(e.main for e, _v in found) == main_count(60) == MAX_MAIN


def test_select_main_lifts_a_short_article_to_the_minimum_when_it_has_the_events() -> None:
    ctx, found = _article(n_sentences=3, events_per_sentence=2)  # six events over three sentences
    select_main(ctx, found, salience.MIN_MAIN_SALIENCE, salience.MAIN_RELATIVE)
    assert sum(e.main for e, _v in found) == MIN_MAIN


def test_select_main_marks_fewer_than_the_minimum_when_the_article_has_fewer() -> None:
    ctx, found = _article(n_sentences=3, events_per_sentence=1)
    select_main(ctx, found, salience.MIN_MAIN_SALIENCE, salience.MAIN_RELATIVE)
    assert sum(e.main for e, _v in found) == 3
