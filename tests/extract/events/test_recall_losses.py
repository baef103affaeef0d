"""The scorer's ``--losses`` classes, on records built by hand (invented text, no pipeline run)."""

from __future__ import annotations

from _scripts import load_script
from newsgraph.record import Event, Offsets, Record

sme = load_script("benchmarks/score_main_events.py")

TEXT = "The mayor opened a bridge. Rain fell on the town."


def _event(i: int, lemma: str, at: int, salience: float, *, main: bool) -> Event:
    sent = Offsets(start=0, end=26) if at < 26 else Offsets(start=27, end=len(TEXT))
    return Event(id=f"v{i}", predicate=lemma, sentence=sent, trigger=Offsets(start=at, end=at + 4),
                 salience=salience, main=main)


def _loss(predicate: str, events: list[Event], context: str = "The mayor opened a bridge") -> str:
    record = Record(id="r1", text=TEXT, events=events)
    gold = {"predicates": [predicate], "context": context, "actor": None, "date": None}
    return sme._loss(gold, record, sme._sentence_spans(record, [context]), [context])


def test_an_event_under_the_floor_is_not_main_below_floor() -> None:
    events = [_event(1, "open", 10, 0.2, main=False), _event(2, "fall", 32, 0.9, main=True)]
    assert _loss("open", events) == "not_main/below_floor"


def test_an_event_over_the_last_main_one_is_capped() -> None:
    events = [_event(1, "open", 10, 0.8, main=False), _event(2, "fall", 32, 0.6, main=True)]
    assert _loss("open", events) == "not_main/capped"


def test_no_event_of_the_predicate_is_no_event_or_other_lemma() -> None:
    assert _loss("build", [_event(1, "fall", 32, 0.9, main=True)]) == "no_event"
    assert _loss("build", [_event(1, "open", 10, 0.9, main=True)]) == "other_lemma"


def test_a_context_not_in_the_text_is_no_context() -> None:
    assert _loss("open", [_event(1, "open", 10, 0.9, main=True)], context="A dam burst") == "no_context"
