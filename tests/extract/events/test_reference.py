"""The reference article against the gold's events, relations and dates.

Inputs of the other stages (entities, times with values, the first attribution)
are built here by hand from the gold, so this test checks the events stage only.
"""

from __future__ import annotations

import json
import re

import pytest

from _paths import GOLD, REFERENCE, needs_shared
from newsgraph.extract.events.core import events
from newsgraph.record import Attribution, Entity, Mention, Source, SourceMention, TextSpan, TimeExpression

pytestmark = needs_shared(REFERENCE, GOLD)


def _occurrences(text: str, phrases: list[str], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.end()))
    return found


def gold_entities(text: str, gold: dict) -> list[Entity]:
    taken: list[tuple[int, int]] = []
    out = []
    for entity in gold["entities"]:
        phrases = [p for p in entity.get("names", []) + entity.get("mentions", []) if p[:1].isupper()]
        spans = _occurrences(text, phrases, taken)
        mentions = [Mention(start=s, end=e, text=text[s:e]) for s, e in sorted(spans)]
        out.append(Entity(id=entity["key"], name=entity["names"][0], type=entity["type"], mentions=mentions))
    return out


def gold_times(text: str, gold: dict) -> list[TimeExpression]:
    taken: list[tuple[int, int]] = []
    out = []
    for time in gold["times"]:
        if time.get("role") == "publication":
            continue
        for s, e in _occurrences(text, [time["text"]], taken):
            kind = "DURATION" if time["value"].startswith("P") else "DATE"
            out.append(
                TimeExpression(id=f"t{len(out) + 1}", start=s, end=e, text=text[s:e], type=kind, value=time["value"])
            )
    return out


def first_attribution(text: str) -> tuple[list[Source], list[Attribution]]:
    claim = (
        "Attorney General Jeff Sessions offered to resign at one point in recent months after his relationship"
        " with President Trump grew increasingly tense"
    )
    who = "two people close to the White House"
    c, w, cue = text.index(claim), text.index(who), text.index("according to")
    source = Source(
        id="s1", description=who, kind="anonymous", anonymous=True,
        mentions=[SourceMention(start=w, end=w + len(who), text=who)],
    )
    attribution = Attribution(
        id="a1", source="s1", kind="according_to",
        cue=TextSpan(start=cue, end=cue + 12, text="according to"),
        content=TextSpan(start=c, end=c + len(claim), text=claim),
    )
    return [source], [attribution]


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted(nlp, gold, reference_text):
    text = reference_text
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        if not _.startswith("newsgraph_"):
            doc = proc(doc)
    entities = gold_entities(text, gold)
    sources, attributions = first_attribution(text)
    evs, rels = events(doc, entities, gold_times(text, gold), sources, attributions)
    return evs, rels, {e.id: e for e in entities}


def _names(gold: dict, key: str | None) -> set[str]:
    for entity in gold["entities"]:
        if entity["key"] == key:
            return {n.lower() for n in entity["names"] + entity["mentions"]}
    return set()


def _find(evs, gold: dict, want: dict):
    actor_names = _names(gold, want["actor"])
    for ev in evs:
        if ev.predicate.split()[0] != want["predicate"] or ev.actor != want["actor"]:
            continue
        if want.get("target") and ev.target != want["target"]:
            continue
        if want.get("what") and (ev.object_text is None or want["what"].lower() not in ev.object_text.lower()):
            continue
        assert ev.actor_text and any(n in ev.actor_text.lower() for n in actor_names | {"he"}), ev
        return ev
    return None


def test_gold_events_found_with_actor_target_and_what(extracted, gold):
    evs, _, _ = extracted
    missing = [want for want in gold["events"] if _find(evs, gold, want) is None]
    assert not missing, missing


def test_gold_negation_and_sources(extracted, gold):
    evs, _, _ = extracted
    for want in gold["events"]:
        ev = _find(evs, gold, want)
        assert ev is not None
        assert ev.negated == bool(want.get("negated")), ev
        if want.get("source"):
            assert ev.source == "s1" and ev.modality == "reported", ev


def test_gold_dates(extracted, gold):
    evs, _, _ = extracted
    dated = [w for w in gold["events"] if "date" in w]
    assert len(dated) == 8
    for want in gold["events"]:
        ev = _find(evs, gold, want)
        assert ev is not None
        assert ev.date == want.get("date"), (want, ev)
        if ev.date is not None:
            assert ev.date_reason in ("clause", "sentence", "context") and ev.time is not None


def test_unclear_offer_is_uncertain(extracted):
    evs, _, _ = extracted
    offers = [e for e in evs if e.predicate == "offer" and e.actor == "sessions"]
    assert {e.modality for e in offers} >= {"uncertain", "reported"}


def test_passive_actor(extracted):
    evs, _, _ = extracted
    reported = [e for e in evs if e.predicate == "report"]
    assert reported and reported[0].actor == "abc" and reported[0].target == "sessions"


def test_gold_relations(extracted, gold):
    _, rels, _ = extracted
    for want in gold["relations"]:
        match = [
            r for r in rels
            if {r.a, r.b} == {want["a"], want["b"]} and r.polarity == want["polarity"] and r.text.text == want["text"]
        ]
        assert match, (want, rels)


def test_offsets_are_evidence(extracted, reference_text):
    evs, rels, _ = extracted
    text = reference_text
    for ev in evs:
        assert 0 <= ev.sentence.start < ev.sentence.end <= len(text)
        if ev.actor_text:
            assert ev.actor_text in text[ev.sentence.start : ev.sentence.end]
    for r in rels:
        assert text[r.text.start : r.text.end] == r.text.text


def test_codes(extracted):
    evs, _, _ = extracted
    by_pred = {e.predicate: e for e in evs}
    assert by_pred["criticize"].code == "ACCUSE" and by_pred["criticize"].cameo == "111"
    assert by_pred["endorse"].code == "SUPPORT"
    assert by_pred["refuse"].code == "REJECT"
    assert by_pred["decline"].code is None  # "declined to comment" is outside PLOVER


def test_whole_pipeline_finds_the_gold_predicates(reference_record, gold):
    """Through the reader, with whatever the other stages give: every gold predicate is an event."""
    predicates = {e.predicate.split()[0] for e in reference_record.events}
    assert {w["predicate"] for w in gold["events"]} <= predicates
    text = reference_record.text
    for ev in reference_record.events:
        assert 0 <= ev.sentence.start < ev.sentence.end <= len(text)
        if ev.date is not None:
            assert ev.time is not None and ev.date_reason in ("clause", "sentence", "context")


def test_whole_pipeline_argument_quality(reference_record):
    """Object and actor phrases the whole pipeline gives on the reference article."""
    evs = reference_record.events
    by_pred: dict[str, list] = {}
    for ev in evs:
        by_pred.setdefault(ev.predicate, []).append(ev)
    recusal = [e for e in by_pred["announce"] if e.object_text == "his recusal"]
    assert recusal and recusal[0].target_text is None  # a possessive determiner is not the object
    assert "charge" not in by_pred  # "charging policy" is a noun phrase
    assert [e.actor_text for e in by_pred["direct"]] == ["Sessions"]
    oversee = by_pred["oversee"][0]
    assert oversee.target_text is None and oversee.code is None
    assert [e.actor_text for e in by_pred["request"]] == ["the two people close to the White House"]
