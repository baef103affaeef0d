"""The ranker's features of what an article is about (round 8), on a hand-built Doc of invented text.

"Rebels attacked Kelso. Troops arrived.\\n\\nThe Kelso attack alarmed Lima. Rebels attacked Kelso. Rebels fled."
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from _docs import VOCAB
from newsgraph.extract.events import ranking
from newsgraph.extract.events.context import DocContext
from newsgraph.record import Attribution, Entity, Event, Mention, Offsets, Source, TextSpan

ROWS = [
    # word, head, dep, pos, tag, lemma
    ("Rebels", 1, "nsubj", "PROPN", "NNPS", "rebel"),
    ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
    ("Kelso", 1, "dobj", "PROPN", "NNP", "Kelso"),
    (".", 1, "punct", "PUNCT", ".", "."),
    ("Troops", 5, "nsubj", "NOUN", "NNS", "troop"),
    ("arrived", 5, "ROOT", "VERB", "VBD", "arrive"),
    (".", 5, "punct", "PUNCT", ".", "."),
    ("\n\n", 5, "dep", "SPACE", "_SP", "\n\n"),
    ("The", 10, "det", "DET", "DT", "the"),
    ("Kelso", 10, "compound", "PROPN", "NNP", "Kelso"),
    ("attack", 11, "nsubj", "NOUN", "NN", "attack"),
    ("alarmed", 11, "ROOT", "VERB", "VBD", "alarm"),
    ("Lima", 11, "dobj", "PROPN", "NNP", "Lima"),
    (".", 11, "punct", "PUNCT", ".", "."),
    ("Rebels", 15, "nsubj", "PROPN", "NNPS", "rebel"),
    ("attacked", 15, "ROOT", "VERB", "VBD", "attack"),
    ("Kelso", 15, "dobj", "PROPN", "NNP", "Kelso"),
    (".", 15, "punct", "PUNCT", ".", "."),
    ("Rebels", 19, "nsubj", "PROPN", "NNPS", "rebel"),
    ("fled", 19, "ROOT", "VERB", "VBD", "flee"),
    (".", 19, "punct", "PUNCT", ".", "."),
]
#: The events' verbs (token indices): attack, arrive, alarm, attack again, flee.
VERBS = (1, 5, 11, 15, 19)


def _doc() -> Doc:
    words = [r[0] for r in ROWS]
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", "\n\n") and words[i] != "\n\n"
              for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, heads=[r[1] for r in ROWS], deps=[r[2] for r in ROWS],
               pos=[r[3] for r in ROWS], tags=[r[4] for r in ROWS], lemmas=[r[5] for r in ROWS])


def _entity(doc: Doc, entity_id: str, name: str, kind: str, tokens: list[int]) -> Entity:
    mentions = [Mention(start=doc[i].idx, end=doc[i].idx + len(doc[i].text), text=doc[i].text) for i in tokens]
    return Entity(id=entity_id, name=name, type=kind, salience=len(tokens) / 3, mentions=mentions)


def _event(doc: Doc, verb: int, predicate: str, **fields) -> tuple[Event, object]:
    sent = doc[verb].sent
    tok = doc[verb]
    event = Event(id=f"v{verb}", predicate=predicate, sentence=Offsets(start=sent.start_char, end=sent.end_char),
                  trigger=Offsets(start=tok.idx, end=tok.idx + len(tok.text)), **fields)
    return event, tok


def _features(attributions: list[Attribution] | None = None, sources: list[Source] | None = None
              ) -> dict[str, list[float]]:
    doc = _doc()
    entities = [_entity(doc, "e1", "Kelso", "GPE", [2, 9, 16]), _entity(doc, "e2", "Lima", "GPE", [12]),
                _entity(doc, "e3", "Rebels", "NORP", [0, 14, 18])]
    ctx = DocContext.build(doc, entities, [], sources or [], attributions or [])
    found = [_event(doc, 1, "attack", actor="e3", actor_text="Rebels", target="e1", target_text="Kelso"),
             _event(doc, 5, "arrive", actor_text="Troops"),
             _event(doc, 11, "alarm", actor_text="The Kelso attack", target="e2", target_text="Lima"),
             _event(doc, 15, "attack", actor="e3", actor_text="Rebels", target="e1", target_text="Kelso"),
             _event(doc, 19, "flee", actor="e3", actor_text="Rebels")]
    x = ranking.features(ctx, found, [0.6, 0.4, 0.3, 0.3, 0.2])
    return {name: x[:, i].tolist() for i, name in enumerate(ranking.FEATURE_NAMES)}


def test_a_stem_joins_a_verb_and_its_noun_but_not_short_lookalikes():
    assert ranking.stem("resign") == ranking.stem("resignation")
    assert ranking.stem("announce") == ranking.stem("announcement")
    assert ranking.stem("car") != ranking.stem("career")  # too short to cut


def test_the_lead_s_words_and_entities_are_compared_after_the_lead_only():
    f = _features()
    # "attacked" again after the lead shares the lead's stem; "alarmed" and "fled" do not.
    assert f["predicate_stem_in_lead"] == [0.0, 0.0, 0.0, 1.0, 0.0]
    # the subject's head word: "attack", "rebel" are lead words; the lead's own events are left at 0.
    assert f["participant_in_lead"] == [0.0, 0.0, 1.0, 1.0, 1.0]
    # "The Kelso attack alarmed Lima": Kelso in the lead, Lima not.
    assert f["clause_entities_in_lead"] == pytest.approx([0.0, 0.0, 0.5, 1.0, 1.0])


def test_the_most_mentioned_entities_are_the_article_s_main_participants():
    f = _features()
    assert f["actor_top"] == [1.0, 0.0, 0.0, 1.0, 1.0]  # Rebels, three mentions
    assert f["target_top"] == [1.0, 0.0, 0.0, 1.0, 0.0]  # Kelso yes, Lima (one mention) no


def test_a_happening_told_again_needs_its_stem_and_a_participant():
    f = _features()
    # The first attack is told again twice: "the Kelso attack" (a noun, Kelso) and "Rebels attacked Kelso".
    assert f["retold_after"] == [1.0, 0.0, 0.0, 0.0, 0.0]
    assert f["retold_before"] == [0.0, 0.0, 0.0, 1.0, 0.0]  # the second tells it again
    # "Rebels fled" shares the participant, not the happening.
    assert f["retold_after"][4] == f["retold_before"][4] == 0.0


def test_paragraph_openings(monkeypatch):
    f = _features()
    assert f["paragraph_initial"] == [1.0, 0.0, 1.0, 0.0, 0.0]
    assert f["paragraph_initial_long"] == [0.0] * 5  # five sentences are not a long article
    monkeypatch.setattr(ranking, "LONG_ARTICLE", 5)
    assert _features()["paragraph_initial_long"] == [0.0, 0.0, 1.0, 0.0, 0.0]  # the lead's opening not counted


def test_reporting_structure():
    doc = _doc()
    start, end = doc[14].idx, doc[17].idx + 1  # "Rebels attacked Kelso." as what a source says
    said = Attribution(id="a1", source="s1", cue=None, kind="indirect",
                       content=TextSpan(start=start, end=end, text=doc.text[start:end]))
    rebels = Source(id="s1", entity="e3", description="the rebels", kind="organization")
    f = _features([said], [rebels])
    assert f["reported_content"] == [0.0, 0.0, 0.0, 1.0, 0.0]
    assert f["actor_is_source"] == [1.0, 0.0, 0.0, 1.0, 1.0]
    assert _features()["actor_is_source"] == [0.0] * 5
