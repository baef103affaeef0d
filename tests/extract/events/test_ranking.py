"""The learned salience ranker: its features on hand-built Docs, its weights file, its ordering (invented text)."""

from __future__ import annotations

import json
import math

import pytest
from spacy.tokens import Doc

from _docs import VOCAB
from _events import ner_entities
from _events import parse as model_parse
from newsgraph.extract.events import ranking, salience
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.core import events
from newsgraph.record import Attribution, Entity, Event, Mention, Offsets, TextSpan

#: Two paragraphs, three sentences: "Costa closed the mill. Workers marched.\n\nCosta closed the depot."
ROWS = [
    # word, head, dep, pos, tag, lemma
    ("Costa", 1, "nsubj", "PROPN", "NNP", "Costa"),
    ("closed", 1, "ROOT", "VERB", "VBD", "close"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("mill", 1, "dobj", "NOUN", "NN", "mill"),
    (".", 1, "punct", "PUNCT", ".", "."),
    ("Workers", 6, "nsubj", "NOUN", "NNS", "worker"),
    ("marched", 6, "ROOT", "VERB", "VBD", "march"),
    (".", 6, "punct", "PUNCT", ".", "."),
    ("\n\n", 6, "dep", "SPACE", "_SP", "\n\n"),
    ("Costa", 10, "nsubj", "PROPN", "NNP", "Costa"),
    ("closed", 10, "ROOT", "VERB", "VBD", "close"),
    ("the", 12, "det", "DET", "DT", "the"),
    ("depot", 10, "dobj", "NOUN", "NN", "depot"),
    (".", 10, "punct", "PUNCT", ".", "."),
]


def _doc() -> Doc:
    words = [r[0] for r in ROWS]
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", "\n\n") and words[i] != "\n\n"
              for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, heads=[r[1] for r in ROWS], deps=[r[2] for r in ROWS],
               pos=[r[3] for r in ROWS], tags=[r[4] for r in ROWS], lemmas=[r[5] for r in ROWS])


def _event(doc: Doc, verb: int, predicate: str, **fields) -> tuple[Event, object]:
    sent = doc[verb].sent
    tok = doc[verb]
    event = Event(id=f"v{verb}", predicate=predicate, sentence=Offsets(start=sent.start_char, end=sent.end_char),
                  trigger=Offsets(start=tok.idx, end=tok.idx + len(tok.text)), **fields)
    return event, tok


def _features(attributions: list[Attribution] | None = None) -> dict[str, list[float]]:
    doc = _doc()
    text = doc.text
    first, second = text.index("Costa"), text.rindex("Costa")
    costa = Entity(id="e1", name="Costa", type="PERSON", salience=0.5,
                   mentions=[Mention(start=first, end=first + 5, text="Costa"),
                             Mention(start=second, end=second + 5, text="Costa")])
    ctx = DocContext.build(doc, [costa], [], [], attributions or [])
    found = [_event(doc, 1, "close", actor="e1", actor_text="Costa", object_text="the mill"),
             _event(doc, 6, "march", actor_text="Workers"),
             _event(doc, 10, "close", actor="e1", actor_text="Costa", object_text="the depot")]
    x = ranking.features(ctx, found, [0.6, 0.3, 0.4])
    return {name: x[:, i].tolist() for i, name in enumerate(ranking.FEATURE_NAMES)}


def test_position_features_count_sentences_and_paragraphs():
    f = _features()
    assert f["lead"] == [1.0, 1.0, 0.0]  # the first two sentences are the lead
    assert f["relative_position"] == pytest.approx([0.0, 1 / 3, 2 / 3])
    assert f["paragraph_relative"] == pytest.approx([0.0, 0.0, 0.5])
    assert f["log_paragraph"] == pytest.approx([0.0, 0.0, math.log(2)])
    assert f["log_sentences"] == pytest.approx([math.log(4)] * 3)


def test_actor_features_read_the_entity_and_the_lead():
    f = _features()
    assert f["actor_resolved"] == [1.0, 0.0, 1.0]
    assert f["actor_text"] == [1.0, 1.0, 1.0]
    assert f["actor_salience"] == pytest.approx([1.0, 0.0, 1.0])  # the article's only entity is its best
    assert f["actor_mentions"] == pytest.approx([math.log(3), 0.0, math.log(3)])
    assert f["actor_in_lead"] == [1.0, 0.0, 1.0]  # named in the lead, wherever the event stands
    assert f["target_or_object"] == [1.0, 0.0, 1.0]
    assert f["target_resolved"] == [0.0, 0.0, 0.0]


def test_one_happening_in_two_paragraphs_is_repeated():
    f = _features()
    assert f["repeat_paragraphs"] == pytest.approx([1 / ranking.REPEAT_PARAGRAPHS_FULL, 0.0,
                                                    1 / ranking.REPEAT_PARAGRAPHS_FULL])
    assert f["repeat"] == pytest.approx([1 / salience.REPEAT_FULL, 0.0, 1 / salience.REPEAT_FULL])


def test_hand_score_features_keep_the_hand_order():
    f = _features()
    assert f["hand_score"] == [0.6, 0.3, 0.4]
    assert f["hand_relative"] == pytest.approx([1.0, 0.5, 4 / 6])
    assert f["hand_rank"] == pytest.approx([0.0, math.log(3), math.log(2)])


def test_an_event_inside_a_quotation_is_marked_in_quote():
    doc = _doc()
    start = doc[5].idx  # "Workers marched."
    quote = Attribution(id="a1", source=None, cue=None, kind="direct", quoted=True,
                        content=TextSpan(start=start, end=doc[7].idx + 1, text=doc.text[start:doc[7].idx + 1]))
    f = _features([quote])
    assert f["in_quote"] == [0.0, 1.0, 0.0]


def test_the_weights_file_loads_and_names_the_feature_function_s_features():
    data = json.loads(ranking.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == ranking.FEATURE_NAMES
    assert len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == len(ranking.FEATURE_NAMES)
    assert all(s > 0 for s in data["scale"])
    assert 0.0 <= data["threshold"] < 1.0 and 0.0 < data["relative"] < 1.0
    assert "training/salience/train.py" in data["command"]
    assert all(name in data["data"] for name in ("main_events_dev2", "main_events_dev3", "main_events_dev4"))
    ranker = ranking.load_ranker()
    assert ranker is not None and ranker.features == ranking.FEATURE_NAMES


def test_a_file_fitted_on_other_features_is_refused(tmp_path):
    data = json.loads(ranking.WEIGHTS_FILE.read_text(encoding="utf-8"))
    data["features"] = data["features"][::-1]
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError):
        ranking.load_ranker(path)


#: Invented: the news in the lead, a credit line at the end.
CREDITED = ("Rebels seized the northern town of Kelso on Monday. The army launched an offensive. "
            "Residents fled to the capital. Aid groups delivered food. Jane Roe contributed to this report.")


def _learned_events(nlp, text: str) -> list[Event]:
    doc = model_parse(nlp, text)
    return events(doc, ner_entities(doc), [], [], [])[0]


def test_the_ranker_orders_a_lead_event_over_a_boilerplate_one(nlp, monkeypatch):
    monkeypatch.setenv(salience.MODE_VARIABLE, "learned")
    monkeypatch.setattr(salience, "BOILERPLATE_FACTOR", 1.0)  # the ranker's own order, no hard discount
    evs = _learned_events(nlp, CREDITED)
    seize = next(e for e in evs if e.predicate == "seize")
    credit = next(e for e in evs if e.predicate == "contribute")
    assert seize.salience > credit.salience


def test_learned_main_events_are_over_the_ranker_s_cut(nlp, monkeypatch):
    monkeypatch.setenv(salience.MODE_VARIABLE, "learned")
    ranker = ranking.load_ranker()
    assert ranker is not None
    evs = _learned_events(nlp, CREDITED)
    best = max(e.salience for e in evs)
    main = [e for e in evs if e.main]
    assert main and len(main) <= salience.MAX_MAIN
    assert all(0.0 <= e.salience <= 1.0 for e in evs)
    assert all(e.salience >= max(ranker.threshold, ranker.relative * best) for e in main)
    assert not any(e.main for e in evs if e.predicate == "contribute")


def test_lead_overlap_and_centrality_compare_the_clause_s_content_words():
    f = _features()
    # "Costa closed the depot" after the lead: costa and close are lead words, depot is not.
    assert f["lead_overlap"] == pytest.approx([0.0, 0.0, 2 / 3])
    assert f["predicate_in_lead"] == [0.0, 0.0, 1.0]
    # "Costa closed the mill": costa and close in 2 of 3 sentences, mill in 1.
    assert f["centrality"][0] == pytest.approx((2 + 2 + 1) / 3 / 3)
