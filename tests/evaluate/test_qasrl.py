"""The QA-SRL Wikinews scorer: detokenising, roles from question templates, span matching, and a real run."""

from __future__ import annotations

import pytest

from _paths import SHARED
from newsgraph.evaluate import qasrl

DATA = SHARED / "eval-data" / "qasrl-wikinews"


def test_detokenise_keeps_each_token_offset():
    tokens = ["``", "We", "won", "''", ",", "she", "said", "-LRB-", "again", "-RRB-", "."]
    text, spans = qasrl.detokenise(tokens)
    assert text == '"We won", she said (again).'
    assert [text[a:b] for a, b in spans][1:3] == ["We", "won"]
    assert text[slice(*spans[8])] == "again"


def _row(**kw):
    base = {"wh": "who", "subj": "", "obj": "", "prep": "", "is_passive": "False"}
    return {**base, **kw}


@pytest.mark.parametrize(
    ("row", "role"),
    [
        (_row(), "actor"),  # Who suspended something?
        (_row(wh="what", is_passive="True"), "patient"),  # What was suspended?
        (_row(prep="by", subj="something", is_passive="True"), "actor"),  # Who was something suspended by?
        (_row(wh="what", subj="someone"), "patient"),  # What did someone suspend?
        (_row(wh="when", subj="someone"), "time"),
        (_row(wh="where", subj="someone"), None),
        (_row(wh="what", subj="someone", prep="for"), None),  # an oblique
    ],
)
def test_roles_come_from_the_question_template(row, role):
    assert qasrl._role(row) == role


def test_spans_match_by_containment_or_half_their_words():
    text = "the new prime minister of the island"
    assert qasrl.span_match(text, (4, 22), [(0, 22)])  # "new prime minister" inside the gold
    assert not qasrl.span_match(text, (26, 36), [(0, 22)])
    assert not qasrl.span_match(text, None, [(0, 22)])


def test_halves_do_not_overlap():
    arts = [qasrl.Article(str(i), "") for i in range(5)]
    dev, report = qasrl.halve(arts, "dev"), qasrl.halve(arts, "report")
    assert not {a.id for a in dev} & {a.id for a in report}
    assert len(dev) + len(report) == 5


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/eval-data/qasrl-wikinews is absent (NEWSGRAPH_SHARED)")
def test_gold_articles_put_answers_on_their_words():
    articles = qasrl.load(DATA)
    assert len(articles) > 40
    art = articles[0]
    for start, pred in art.predicates.items():
        assert art.text[start : pred.char[1]].lower().startswith(pred.verb.lower()[:3])
        for a, b in pred.actors:
            assert 0 <= a < b <= len(art.text)


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/eval-data/qasrl-wikinews is absent (NEWSGRAPH_SHARED)")
def test_newsgraph_beats_the_svo_baseline_on_a_few_articles(reader):
    report = qasrl.evaluate(DATA, reader, half="dev", limit=4)
    assert report.newsgraph.reported > 0
    assert report.newsgraph.actor.value > report.baseline_on_newsgraph_predicates.actor.value


def test_a_resolved_pronoun_matches_through_its_antecedent_text():
    text = "The United States said they would seek talks."
    gold = [(0, 17)]  # "The United States"
    assert qasrl.text_match(text, "The United States", gold)
    assert not qasrl.text_match(text, "talks", gold)
    assert not qasrl.text_match(text, None, gold)


def test_the_patient_is_the_object_before_a_target_from_a_prepositional_phrase():
    # "The envoy began a visit to Peru.": the patient question ("What did someone begin?") asks for
    # "a visit"; "Peru" answers an oblique question ("Where did someone begin something to?").
    from types import SimpleNamespace

    from newsgraph.record import Offsets

    visit, peru = Offsets(start=17, end=24), Offsets(start=28, end=32)
    assert qasrl.patient_span(SimpleNamespace(object_span=visit, target_span=peru)) == (17, 24)
    assert qasrl.patient_span(SimpleNamespace(object_span=None, target_span=peru)) == (28, 32)
    assert qasrl.patient_span(SimpleNamespace(object_span=None, target_span=None)) is None
