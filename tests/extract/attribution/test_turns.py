"""Named transcript turns ("BERGER: …", or "BERGER:" alone on a line before the turn): one direct claim each.

Transcripts are invented. The scanner runs alone; the attribution tests run the full pipeline
(model needed).
"""

from __future__ import annotations

import pytest

from newsgraph.extract.attribution.core import attributions
from newsgraph.extract.attribution.turns import labelled_turns
from newsgraph.extract.entities.core import entities

INLINE = ("MAYA ORTIZ: Welcome back. The council voted last night.\n\n"
          "REP. TOM BERGER: We never saw the plans before the vote.\n\n"
          "MAYA ORTIZ: Never?\n\n"
          "REP. BERGER: Not once.")  # fmt: skip
ALONE = ("Station transcript.\n\n"
         "ORTIZ:\n\n"
         "Congressman, thank you for coming in.\n\n"
         "What happens next?\n\n"
         "TOM BERGER, COUNCIL MEMBER:\n\n"
         "We start again in May.\n\n"
         "ORTIZ:\n\n"
         "Thank you.\n\n"
         "BERGER:\n\n"
         "Thanks.")  # fmt: skip


def _words(text: str) -> list[tuple[str | None, str]]:
    return [(text[t.name[0] : t.name[1]] if t.name else None, text[t.content[0] : t.content[1]])
            for t in labelled_turns(text)]  # fmt: skip


def test_a_question_label_is_a_turn_with_no_speaker() -> None:
    text = "QUESTION: Will the bridge open?\n\nBERGER: In May.\n\nORTIZ: Thank you.\n\nBERGER: Yes.\n\nORTIZ: Bye."
    assert _words(text)[:3] == [(None, "Will the bridge open?"), ("BERGER", "In May."), ("ORTIZ", "Thank you.")]


def test_inline_turns_give_name_and_the_rest_of_their_paragraph() -> None:
    assert _words(INLINE) == [
        ("MAYA ORTIZ", "Welcome back. The council voted last night."),
        ("REP. TOM BERGER", "We never saw the plans before the vote."),
        ("MAYA ORTIZ", "Never?"),
        ("REP. BERGER", "Not once."),
    ]


def test_a_label_alone_takes_the_paragraphs_up_to_the_next_label_and_the_name_before_a_comma() -> None:
    assert _words(ALONE) == [
        ("ORTIZ", "Congressman, thank you for coming in.\n\nWhat happens next?"),
        ("TOM BERGER", "We start again in May."),
        ("ORTIZ", "Thank you."),
        ("BERGER", "Thanks."),
    ]


@pytest.mark.parametrize("text", [
    "TOM BERGER: We never saw the plans.\n\nThe council met on Monday.",  # one speaker: no transcript
    "GOLD FIX: 1,210 dollars.\n\nSILVER FIX: 16 dollars.",  # labelled lines, not a conversation
    "GOLD FIX: UP $25.\n\nSILVER FIX: DOWN.\n\nGOLD FIX: UP.\n\nSILVER FIX: FLAT.",  # lines of capitals
    "ORTIZ: Hello.\n\nBERGER: Hello.",  # one turn each: too little to call a transcript
    "BREAKING: The bridge is closed.\n\nUPDATE: It reopens at noon.",  # news labels, not speakers
    "QUESTION: Will it open?\n\nBERGER: In May.",  # one named speaker
    "Tom Berger: We never saw the plans.\n\nMaya Ortiz: Never?",  # not capitals: a headline's colon
    "The plan, he said: rebuild.\n\nIn short: wait.",
])  # fmt: skip
def test_no_named_turns(text: str) -> None:
    assert labelled_turns(text) == []


def test_each_turn_is_a_direct_claim_by_its_speaker_and_one_speaker_is_one_source(nlp) -> None:
    doc = nlp(INLINE)
    sources, attrs = attributions(doc, entities(doc))
    by_id = {s.id: s for s in sources}
    turns = [a for a in attrs if a.kind == "direct" and a.cue is not None and a.cue.text.endswith(":")]
    assert [a.content.text for a in turns] == [
        "Welcome back. The council voted last night.", "We never saw the plans before the vote.", "Never?",
        "Not once."]  # fmt: skip
    assert all(INLINE[a.content.start : a.content.end] == a.content.text for a in turns)
    speakers = [by_id[a.source].description.upper() for a in turns]  # type: ignore[index]
    assert "ORTIZ" in speakers[0] and "BERGER" in speakers[1]
    assert turns[0].source == turns[2].source
    assert turns[1].source == turns[3].source != turns[0].source
    # the headline rule no longer reads the same lines as claims of their own
    assert not [a for a in attrs if a.kind == "indirect" and a.cue is not None and a.cue.text == ":"]


def test_a_quote_inside_a_turn_keeps_its_own_speaker(nlp) -> None:
    text = ("MAYA ORTIZ: What did the mayor say?\n\n"
            "TOM BERGER: Ann Lee told us \u201cthe bridge will wait,\u201d and that was all.")  # fmt: skip
    doc = nlp(text)
    sources, attrs = attributions(doc, entities(doc))
    by_id = {s.id: s for s in sources}
    quote = next(a for a in attrs if a.quoted and a.content.text.startswith("the bridge will wait"))
    assert "Lee" in by_id[quote.source].description  # type: ignore[index]
