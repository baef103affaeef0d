"""Speech acts a reader lists, as events (``clauses.has_listed_speaker``), on hand-built parses and invented text."""

from __future__ import annotations

from _docs import tokens
from newsgraph.extract.events.clauses import has_listed_speaker, is_event_verb
from newsgraph.extract.events.core import events
from newsgraph.record import Entity, Mention

#: "Mayor Ann Lee said the bridge closed."
NAMED_SPEAKER = """
0/Mayor/2/compound/PROPN/NNP 1/Ann/2/compound/PROPN/NNP/B-PERSON 2/Lee/3/nsubj/PROPN/NNP/I-PERSON
3/said/3/ROOT/VERB/VBD/say 4/the/5/det/DET/DT 5/bridge/6/nsubj/NOUN/NN 6/closed/3/ccomp/VERB/VBD/close
7/./3/punct
"""

#: "The ministry argued that the plan was legal."
DESCRIBED_SPEAKER = """
0/The/1/det/DET/DT 1/ministry/2/nsubj/NOUN/NN 2/argued/2/ROOT/VERB/VBD/argue 3/that/5/mark/SCONJ/IN
4/the/5/det/DET/DT 5/plan/6/nsubj/NOUN/NN 6/was/2/ccomp/AUX/VBD/be 7/legal/6/acomp/ADJ/JJ 8/./2/punct
"""

#: "I said we would fix it" (a quotation's own speaker).
FIRST_PERSON = """
0/I/1/nsubj/PRON/PRP/I 1/said/1/ROOT/VERB/VBD/say 2/we/4/nsubj/PRON/PRP 3/would/4/aux/AUX/MD
4/fix/1/ccomp/VERB/VB 5/it/4/dobj/PRON/PRP 6/./1/punct
"""

#: "People say the town is quiet." (a generic speaker)
GENERIC = """
0/People/1/nsubj/NOUN/NNS/people 1/say/1/ROOT/VERB/VBP/say 2/the/3/det/DET/DT 3/town/4/nsubj/NOUN/NN
4/is/1/ccomp/AUX/VBZ/be 5/quiet/4/acomp/ADJ/JJ 6/./1/punct
"""

#: "It was said that the talks failed." (no speaker at all)
NO_SPEAKER = """
0/It/2/nsubjpass/PRON/PRP 1/was/2/auxpass/AUX/VBD/be 2/said/2/ROOT/VERB/VBN/say 3/that/6/mark/SCONJ/IN
4/the/5/det/DET/DT 5/talks/6/nsubj/NOUN/NNS/talk 6/failed/2/ccomp/VERB/VBD/fail 7/./2/punct
"""


def _entity(doc, words: str, id_: str, type_: str) -> Entity:
    start = doc.text.index(words)
    return Entity(id=id_, name=words, type=type_,
                  mentions=[Mention(start=start, end=start + len(words), text=words, kind="name")])


def test_a_named_speaker_makes_the_speech_act_an_event_with_its_actor_and_trigger():
    doc = tokens(NAMED_SPEAKER)
    assert has_listed_speaker(doc[3]) and is_event_verb(doc[3])
    found, _ = events(doc, [_entity(doc, "Ann Lee", "e0", "PERSON")], [], [], [])
    (said,) = [e for e in found if e.predicate == "say"]
    assert said.actor == "e0"
    assert doc.text[said.trigger.start:said.trigger.end] == "said"
    assert any(e.predicate == "close" for e in found), "the reported clause stays an event of its own"


def test_a_described_speaker_is_listed():
    doc = tokens(DESCRIBED_SPEAKER)
    assert is_event_verb(doc[2])
    found, _ = events(doc, [], [], [], [])
    (argued,) = [e for e in found if e.predicate == "argue"]
    assert argued.actor_text is not None and "ministry" in argued.actor_text


def test_i_said_inside_a_quotation_is_no_event():
    doc = tokens(FIRST_PERSON)
    assert not has_listed_speaker(doc[1])
    assert not is_event_verb(doc[1])
    assert is_event_verb(doc[4])


def test_a_generic_or_missing_speaker_is_no_event():
    assert not is_event_verb(tokens(GENERIC)[1])
    assert not is_event_verb(tokens(NO_SPEAKER)[2])


def test_the_speech_verb_still_yields_its_attribution(reader):
    text = "The harbour authority said that the ferry would stop running in March."
    doc = reader.parse(text)
    (attribution,) = doc._.ng_attributions
    assert attribution.cue.text == "said"
    assert "the ferry would stop running" in attribution.content.text
    speech = [e for e in doc._.ng_events if e.predicate == "say"]
    assert speech and "authority" in (speech[0].actor_text or "")
    assert any(e.predicate.startswith("stop") for e in doc._.ng_events)
