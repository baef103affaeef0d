"""Dating events (``events.dates``) on hand-built parses: a time of the clause, the sentence, or the context."""

from __future__ import annotations

import pytest

from _docs import parse
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.dates import UNDATED, Dating, attached_clause, date_event, date_value
from newsgraph.record import TimeExpression


def _time(text: str, words: str, type_: str = "DATE", value: str | None = None, n: int = 1, **kw) -> TimeExpression:
    start = text.index(words)
    return TimeExpression(id=f"t{n}", start=start, end=start + len(words), text=words, type=type_, value=value, **kw)


def _date(spec: str, verb: int, *times: tuple[str, str, str | None], past: bool = True) -> Dating:
    doc = parse(spec)
    found = [_time(doc.text, words, type_, value, n + 1) for n, (words, type_, value) in enumerate(times)]
    ctx = DocContext.build(doc, [], found, [], [])
    return date_event(ctx, doc[verb], doc[verb].sent, past=past)


@pytest.mark.parametrize(("type_", "value", "role", "expected"), [
    ("DATE", "2021-05", None, "2021-05"),
    ("DATE", "2021-05-04", None, "2021-05-04"),
    ("DATE", "2021-W18", None, "2021-W18"),
    ("TIME", "2021-05-04TEV", None, "2021-05-04TEV"),
    ("DATE", "199", None, "199"),
    ("DURATION", "P2Y", None, None),
    ("SET", "XXXX-WXX-1", None, None),
    ("DATE", "2021-05-04", "publication", None),  # the publication date never dates by itself
    ("DATE", "PRESENT_REF", None, None),
    ("DATE", None, None, None),
])
def test_date_value_is_a_calendar_value_only(type_, value, role, expected):
    t = TimeExpression(id="t1", start=0, end=3, text="May", type=type_, value=value, role=role)
    assert date_value(t) == expected


MOVED_IN_MAY = """
0 She 1 nsubj PRON PRP she
1 moved 1 ROOT VERB VBD move
2 abroad 1 advmod ADV RB abroad
3 in 1 prep ADP IN in
4 May 3 pobj PROPN NNP May
5 . 1 punct PUNCT . .
"""


def test_a_time_of_the_clause_dates_its_event():
    assert _date(MOVED_IN_MAY, 1, ("May", "DATE", "2021-05")) == Dating("t1", "2021-05", "clause")


def test_a_time_framing_a_noun_of_the_clause_dates_it():
    spec = """
0 She 1 nsubj PRON PRP she
1 spoke 1 ROOT VERB VBD speak
2 during 1 prep ADP IN during
3 her 5 poss PRON PRP$ her
4 April 5 compound PROPN NNP April
5 hearing 2 pobj NOUN NN hearing
6 . 1 punct PUNCT . .
"""
    assert _date(spec, 1, ("April", "DATE", "2021-04")) == Dating("t1", "2021-04", "clause")


def test_a_time_describing_a_noun_does_not_date_the_clause():
    spec = """
0 She 1 nsubj PRON PRP she
1 studied 1 ROOT VERB VBD study
2 the 3 det DET DT the
3 floods 1 dobj NOUN NNS flood
4 of 3 prep ADP IN of
5 the 6 det DET DT the
6 1990s 4 pobj NUM CD 1990s
7 . 1 punct PUNCT . .
"""
    assert _date(spec, 1, ("the 1990s", "DATE", "199")) == UNDATED


def test_a_duration_of_the_clause_gives_no_date_and_no_guess():
    spec = """
0 She 1 nsubj PRON PRP she
1 waited 1 ROOT VERB VBD wait
2 two 3 nummod NUM CD two
3 years 1 npadvmod NOUN NNS year
4 . 1 punct PUNCT . .
"""
    assert _date(spec, 1, ("two years", "DURATION", "P2Y")) == Dating("t1", None, None)


def test_a_coordinated_clause_shares_the_time():
    spec = """
0 She 1 nsubj PRON PRP she
1 resigned 1 ROOT VERB VBD resign
2 in 1 prep ADP IN in
3 May 2 pobj PROPN NNP May
4 and 1 cc CCONJ CC and
5 left 1 conj VERB VBD leave
6 the 7 det DET DT the
7 city 5 dobj NOUN NN city
8 . 1 punct PUNCT . .
"""
    assert _date(spec, 5, ("May", "DATE", "2021-05")) == Dating("t1", "2021-05", "clause")


def test_the_noun_of_an_npadvmod_time_is_its_clause():
    doc = parse("""
0 They 1 nsubj PRON PRP they
1 announced 1 ROOT VERB VBD announce
2 the 3 det DET DT the
3 decision 1 dobj NOUN NN decision
4 last 5 amod ADJ JJ last
5 week 3 npadvmod NOUN NN week
6 . 1 punct PUNCT . .
""")
    t = _time(doc.text, "last week", value="2021-W18")
    ctx = DocContext.build(doc, [], [t], [], [])
    assert attached_clause(ctx, t).i == 3
    assert date_event(ctx, doc[1], doc[1].sent, past=True) == UNDATED  # the decision's time, not the announcing


#: "She signed the deal <mark> he left on Friday ."
def _signed(mark: str) -> str:
    return f"""
0 She 1 nsubj PRON PRP she
1 signed 1 ROOT VERB VBD sign
2 the 3 det DET DT the
3 deal 1 dobj NOUN NN deal
4 {mark} 6 mark SCONJ IN {mark}
5 he 6 nsubj PRON PRP he
6 left 1 advcl VERB VBD leave
7 on 6 prep ADP IN on
8 Friday 7 pobj PROPN NNP Friday
9 . 1 punct PUNCT . .
"""


def test_an_anchoring_clause_dates_the_event_from_context():
    assert _date(_signed("after"), 1, ("Friday", "DATE", "2021-05-07")) == Dating("t1", "2021-05-07", "context")


def test_a_clause_that_does_not_anchor_gives_no_date():
    assert _date(_signed("because"), 1, ("Friday", "DATE", "2021-05-07")) == UNDATED


PRIMARY_THEN_RUNOFF = """
0 She 1 nsubj PRON PRP she
1 won 1 ROOT VERB VBD win
2 the 4 det DET DT the
3 2019 4 nummod NUM CD 2019
4 primary 1 dobj NOUN NN primary
5 . 1 punct PUNCT . .
6 She 7 nsubj PRON PRP she
7 campaigned 7 ROOT VERB VBD campaign
8 hard 7 advmod ADV RB hard
9 during 7 prep ADP IN during
10 the 11 det DET DT the
11 runoff 9 pobj NOUN NN runoff
12 . 7 punct PUNCT . .
"""


def test_a_definite_event_noun_takes_the_date_given_its_family_before():
    assert _date(PRIMARY_THEN_RUNOFF, 7, ("2019", "DATE", "2019")) == Dating("t1", "2019", "context")


@pytest.mark.parametrize(("old", "new"), [
    ("10 the 11 det DET DT the", "10 a 11 det DET DT a"),  # "during a runoff": no earlier one meant
    ("11 runoff 9 pobj NOUN NN runoff", "11 trial 9 pobj NOUN NN trial"),  # another family
])
def test_no_context_date_for_an_indefinite_or_other_event_noun(old, new):
    assert _date(PRIMARY_THEN_RUNOFF.replace(old, new), 7, ("2019", "DATE", "2019")) == UNDATED


#: "Vega , who was in Lyon on Friday , signed the deal ."
WHO_WAS_IN_LYON = """
0 Vega 9 nsubj PROPN NNP Vega
1 , 0 punct PUNCT , ,
2 who 3 nsubj PRON WP who
3 was 0 relcl AUX VBD be
4 in 3 prep ADP IN in
5 Lyon 4 pobj PROPN NNP Lyon
6 on 3 prep ADP IN on
7 Friday 6 pobj PROPN NNP Friday
8 , 0 punct PUNCT , ,
9 signed 9 ROOT VERB VBD sign
10 the 11 det DET DT the
11 deal 9 dobj NOUN NN deal
12 . 9 punct PUNCT . .
"""


def test_a_past_event_takes_the_one_date_of_a_clause_about_its_subject():
    assert _date(WHO_WAS_IN_LYON, 9, ("Friday", "DATE", "2021-05-07")) == Dating("t1", "2021-05-07", "sentence")


def test_only_a_past_event_is_dated_from_its_sentence():
    assert _date(WHO_WAS_IN_LYON, 9, ("Friday", "DATE", "2021-05-07"), past=False) == UNDATED


def test_two_dates_in_the_sentence_give_none():
    spec = WHO_WAS_IN_LYON.replace("5 Lyon 4 pobj PROPN NNP Lyon", "5 May 4 pobj PROPN NNP May")
    assert _date(spec, 9, ("May", "DATE", "2021-05"), ("Friday", "DATE", "2021-05-07")) == UNDATED


def test_the_date_of_a_reporting_verb_does_not_date_what_it_reports():
    spec = """
0 Police 1 nsubj NOUN NNS police
1 said 1 ROOT VERB VBD say
2 on 1 prep ADP IN on
3 Monday 2 pobj PROPN NNP Monday
4 the 5 det DET DT the
5 suspect 6 nsubj NOUN NN suspect
6 fled 1 ccomp VERB VBD flee
7 . 1 punct PUNCT . .
"""
    assert _date(spec, 6, ("Monday", "DATE", "2021-05-03")) == UNDATED


def test_a_sibling_clause_date_is_not_the_event_s():
    spec = """
0 She 1 nsubj PRON PRP she
1 signed 1 ROOT VERB VBD sign
2 the 3 det DET DT the
3 deal 1 dobj NOUN NN deal
4 and 1 cc CCONJ CC and
5 he 6 nsubj PRON PRP he
6 left 1 conj VERB VBD leave
7 on 6 prep ADP IN on
8 Friday 7 pobj PROPN NNP Friday
9 . 1 punct PUNCT . .
"""
    assert _date(spec, 1, ("Friday", "DATE", "2021-05-07")) == UNDATED
    assert _date(spec, 6, ("Friday", "DATE", "2021-05-07")) == Dating("t1", "2021-05-07", "clause")


def test_a_date_of_the_clause_the_event_is_embedded_in_frames_it():
    spec = """
0 In 3 prep ADP IN in
1 2019 0 pobj NUM CD 2019
2 she 3 nsubj PRON PRP she
3 found 3 ROOT VERB VBD find
4 she 6 nsubj PRON PRP she
5 had 6 aux AUX VBD have
6 lost 3 ccomp VERB VBN lose
7 ships 6 dobj NOUN NNS ship
8 . 3 punct PUNCT . .
"""
    assert _date(spec, 6, ("2019", "DATE", "2019")) == Dating("t1", "2019", "sentence")


def test_a_date_of_a_reporting_verb_does_not_frame_what_it_reports():
    """"In 2019 she said she had seen ships": 2019 dates the saying, not the seeing."""
    spec = """
0 In 3 prep ADP IN in
1 2019 0 pobj NUM CD 2019
2 she 3 nsubj PRON PRP she
3 said 3 ROOT VERB VBD say
4 she 6 nsubj PRON PRP she
5 had 6 aux AUX VBD have
6 seen 3 ccomp VERB VBN see
7 ships 6 dobj NOUN NNS ship
8 . 3 punct PUNCT . .
"""
    assert _date(spec, 6, ("2019", "DATE", "2019")) == UNDATED
