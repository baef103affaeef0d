"""A speech event's object is the content it reports (``core._speech_content``), on hand-built parses."""

from __future__ import annotations

from _docs import tokens
from newsgraph.extract.events.core import events
from newsgraph.record import Attribution, Entity, Mention, TextSpan

#: "Mayor Ann Lee said the bridge closed."
SAID_CLAUSE = """
0/Mayor/2/compound/PROPN/NNP 1/Ann/2/compound/PROPN/NNP/B-PERSON 2/Lee/3/nsubj/PROPN/NNP/I-PERSON
3/said/3/ROOT/VERB/VBD/say 4/the/5/det/DET/DT 5/bridge/6/nsubj/NOUN/NN 6/closed/3/ccomp/VERB/VBD/close
7/./3/punct
"""

#: "The ministry argued that the plan was legal."
ARGUED_THAT = """
0/The/1/det/DET/DT 1/ministry/2/nsubj/NOUN/NN 2/argued/2/ROOT/VERB/VBD/argue 3/that/5/mark/SCONJ/IN
4/the/5/det/DET/DT 5/plan/6/nsubj/NOUN/NN 6/was/2/ccomp/AUX/VBD/be 7/legal/6/acomp/ADJ/JJ 8/./2/punct
"""


def _entity(doc, words: str, id_: str, type_: str) -> Entity:
    start = doc.text.index(words)
    return Entity(id=id_, name=words, type=type_,
                  mentions=[Mention(start=start, end=start + len(words), text=words, kind="name")])


def _span(doc, words: str) -> TextSpan:
    start = doc.text.index(words)
    return TextSpan(start=start, end=start + len(words), text=words)


def test_a_speech_events_object_is_its_content_clause_with_offsets_into_the_text():
    doc = tokens(SAID_CLAUSE)
    found, _ = events(doc, [_entity(doc, "Ann Lee", "e0", "PERSON")], [], [], [])
    (said,) = [e for e in found if e.predicate == "say"]
    assert said.object_span is not None
    assert doc.text[said.object_span.start:said.object_span.end] == "the bridge closed"
    assert said.object_text == "the bridge closed"


def test_the_attribution_stages_content_for_the_cue_comes_first():
    doc = tokens(ARGUED_THAT)
    # An attribution whose content the attribution stage drew narrower than the parse's clause.
    attr = Attribution(id="a0", source=None, cue=_span(doc, "argued"), content=_span(doc, "the plan was legal"),
                       kind="indirect")
    found, _ = events(doc, [], [], [], [attr])
    (argued,) = [e for e in found if e.predicate == "argue"]
    assert argued.object_span is not None
    assert (argued.object_span.start, argued.object_span.end) == (attr.content.start, attr.content.end)
    assert argued.object_text == "the plan was legal"

