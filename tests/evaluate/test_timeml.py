"""The TimeML scorer: parsing inline TIMEX3 tags and TempEval-3 counting."""

from __future__ import annotations

import pytest

from _paths import EVAL_DATA
from newsgraph.evaluate.timeml import (
    GoldTimex,
    SystemTimex,
    evaluate,
    iter_corpus,
    parse_tml,
    score_document,
)

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, AT&amp;T said
<TIMEX3 tid="t2" type="DURATION" value="P3Y">the past three years</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_parse_tml_keeps_offsets_into_plain_text() -> None:
    doc = parse_tml(SAMPLE, name="x.tml", corpus="c")
    assert doc.dct == "1998-08-07"
    assert "<" not in doc.text and "AT&T" in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "1998-08-07"), ("the past three years", "DURATION", "P3Y")]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


def test_score_document_strict_relaxed_and_value() -> None:
    gold = [
        GoldTimex(0, 6, "Friday", "DATE", "1998-08-07"),
        GoldTimex(10, 30, "the past three years", "DURATION", "P3Y"),
    ]
    system = [SystemTimex(0, 6, "DATE", "1998-08-07"), SystemTimex(19, 30, "DURATION", "P2Y"),
              SystemTimex(40, 45, "DATE", "1998")]
    counts = score_document(gold, system)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed) == (2, 3, 1, 2)
    assert (counts.type_ok, counts.value_ok) == (2, 1)
    scores = counts.scores()
    assert scores["value_p"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores["value_r"] == pytest.approx(0.5)
    assert scores["value_accuracy"] == pytest.approx(0.5)


def test_one_system_timex_matches_one_gold_only() -> None:
    gold = [GoldTimex(0, 6, "a", "DATE", "x"), GoldTimex(7, 12, "b", "DATE", "y")]
    counts = score_document(gold, [SystemTimex(0, 12, "DATE", "x")])
    assert counts.relaxed == 1


def test_evaluate_with_a_fake_tagger() -> None:
    doc = parse_tml(SAMPLE, name="x.tml", corpus="c")

    def tagger(items):
        for _text, _dct in items:
            yield [SystemTimex(t.start, t.end, t.type, t.value) for t in doc.timexes]

    report = evaluate([doc], tagger).report()
    assert report["c"]["strict_f1"] == 1.0 and report["all"]["value_f1"] == 1.0


DATA = EVAL_DATA / "timeml"


@pytest.mark.skipif(not DATA.exists(), reason="TimeML data not available")
def test_corpus_files_parse_with_a_creation_date() -> None:
    docs = list(iter_corpus(DATA, limit=3))
    assert {d.corpus for d in docs} >= {"TimeBank", "AQUAINT"}
    assert sum(len(d.timexes) for d in docs) > 10
    for doc in docs:
        assert doc.dct
        assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)
