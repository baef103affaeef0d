"""Reporting verbs: pure speech is an attribution, a coded act that also reports is an event."""

import pytest


@pytest.mark.parametrize(
    ("text", "predicate", "code"),
    [
        ("Jordan and Britain have agreed to undertake joint military exercises, an official confirmed.",
         "agree", "AGREE"),
        ("The forum has agreed to set up an energy research center in Tokyo, officials said Thursday.",
         "agree", "AGREE"),
    ],
)
def test_a_coded_act_that_reports_is_still_an_event(reader, text, predicate, code):
    doc = reader.parse(text)
    found = [(e.predicate, e.code) for e in doc._.ng_events]
    assert (predicate, code) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "People said that the bridge would reopen.",
        "We told reporters the talks had stalled.",
    ],
)
def test_pure_speech_cues_of_unlisted_speakers_are_not_events(reader, text):
    doc = reader.parse(text)
    assert doc._.ng_attributions, "the sentence is an attribution"
    assert not [e for e in doc._.ng_events if e.predicate in {"say", "tell"}]
