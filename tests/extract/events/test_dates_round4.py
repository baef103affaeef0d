"""Dating from what the clause's object, a phase participle, an anchoring gerund and an embedded post say.

Hand-built parses; each rule has a hit and a miss.
"""

from __future__ import annotations

from _docs import parse
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.dates import UNDATED, Dating, date_event
from newsgraph.record import Attribution, Source, TextSpan, TimeExpression


def _time(text: str, words: str, value: str | None, n: int, type_: str = "DATE") -> TimeExpression:
    start = text.index(words)
    return TimeExpression(id=f"t{n}", start=start, end=start + len(words), text=words, type=type_, value=value)


def _date(spec: str, verb: int, *times: tuple[str, str | None], posts: list[tuple[str, str]] = ()) -> Dating:
    """``posts``: (the post's words, its signature) pairs, as the attribution stage gives an embedded post."""
    doc = parse(spec)
    found = [_time(doc.text, words, value, n + 1) for n, (words, value) in enumerate(times)]
    sources, attributions = [], []
    for k, (words, signature) in enumerate(posts):
        w, s = doc.text.index(words), doc.text.index(signature)
        sources.append(Source(id=f"s{k}", description="Jane Roe", kind="social", handle="@jroe"))
        attributions.append(Attribution(
            id=f"a{k}", source=f"s{k}", kind="direct",
            cue=TextSpan(start=s, end=s + len(signature), text=signature),
            content=TextSpan(start=w, end=w + len(words), text=words)))
    ctx = DocContext.build(doc, [], found, sources, attributions)
    return date_event(ctx, doc[verb], doc[verb].sent, past=doc[verb].tag_ in ("VBD", "VBN"))


ANNOUNCED_A_RECALL = """
0 The 1 det DET DT the
1 firm 2 nsubj NOUN NN firm
2 announced 2 ROOT VERB VBD announce
3 a 4 det DET DT a
4 recall 2 dobj NOUN NN recall
5 on 4 prep ADP IN on
6 Jan. 5 pobj PROPN NNP Jan.
7 13 6 nummod NUM CD 13
8 . 2 punct PUNCT . .
"""


def test_a_day_hung_on_the_object_dates_the_clause():
    assert _date(ANNOUNCED_A_RECALL, 2, ("Jan. 13", "2009-01-13")) == Dating("t1", "2009-01-13", "clause")


def test_a_month_hung_on_the_object_does_not():
    spec = ANNOUNCED_A_RECALL.replace("5 on 4 prep ADP IN on", "5 in 4 prep ADP IN in")
    assert _date(spec, 2, ("Jan. 13", "2009-01")) == UNDATED


def test_a_day_of_the_subject_does_not_date_the_clause():
    spec = """
0 The 1 det DET DT the
1 attack 4 nsubj NOUN NN attack
2 on 1 prep ADP IN on
3 Monday 2 pobj PROPN NNP Monday
4 shocked 4 ROOT VERB VBD shock
5 everyone 4 dobj PRON NN everyone
6 . 4 punct PUNCT . .
"""
    assert _date(spec, 4, ("Monday", "2021-05-03")) == UNDATED


STEERED_BEGINNING = """
0 He 1 nsubj PRON PRP he
1 steered 1 ROOT VERB VBD steer
2 trades 1 dobj NOUN NNS trade
3 to 1 prep ADP IN to
4 brokers 3 pobj NOUN NNS broker
5 beginning 1 advcl VERB VBG begin
6 in 5 prep ADP IN in
7 early 8 amod ADJ JJ early
8 2014 6 pobj NUM CD 2014
9 . 1 punct PUNCT . .
"""


def test_a_phase_participle_gives_the_clause_its_start():
    assert _date(STEERED_BEGINNING, 1, ("early 2014", "2014")) == Dating("t1", "2014", "clause")


def test_another_participle_keeps_its_time():
    spec = STEERED_BEGINNING.replace("beginning 1 advcl VERB VBG begin", "earning 1 advcl VERB VBG earn")
    assert _date(spec, 1, ("early 2014", "2014")) == UNDATED


AFTER_MEETING = """
0 After 4 prep ADP IN after
1 meeting 0 pcomp VERB VBG meet
2 allies 1 dobj NOUN NNS ally
3 Gates 4 nsubj PROPN NNP Gates
4 signaled 4 ROOT VERB VBD signal
5 a 6 det DET DT a
6 shift 4 dobj NOUN NN shift
7 last 8 amod ADJ JJ last
8 month 1 npadvmod NOUN NN month
9 . 4 punct PUNCT . .
"""


def test_a_dated_gerund_after_an_anchor_word_dates_the_main_clause():
    assert _date(AFTER_MEETING, 4, ("last month", "2007-12")) == Dating("t1", "2007-12", "context")


def test_a_dated_gerund_under_another_preposition_does_not():
    spec = AFTER_MEETING.replace("0 After 4 prep ADP IN after", "0 Despite 4 prep ADP IN despite")
    assert _date(spec, 4, ("last month", "2007-12")) == UNDATED


POST = """
0 We 1 nsubj PRON PRP we
1 won 1 ROOT VERB VBD win
2 ! 1 punct PUNCT . !
3 — 5 punct PUNCT : —
4 Jane 5 compound PROPN NNP Jane
5 Roe 5 ROOT PROPN NNP Roe
6 May 5 npadvmod PROPN NNP May
7 4 6 nummod NUM CD 4
8 , 6 punct PUNCT , ,
9 2017 6 nummod NUM CD 2017
"""


def test_a_post_s_words_take_its_signature_s_date():
    found = _date(POST, 1, ("May 4, 2017", "2017-05-04"), posts=[("We won!", "— Jane Roe May 4, 2017")])
    assert found == Dating("t1", "2017-05-04", "context")


def test_words_outside_a_post_do_not():
    assert _date(POST, 1, ("May 4, 2017", "2017-05-04")) == UNDATED


POST_MONDAY = """
0 We 1 nsubj PRON PRP we
1 won 1 ROOT VERB VBD win
2 on 1 prep ADP IN on
3 Monday 2 pobj PROPN NNP Monday
4 — 6 punct PUNCT : —
5 Jane 6 compound PROPN NNP Jane
6 Roe 6 ROOT PROPN NNP Roe
7 May 6 npadvmod PROPN NNP May
8 4 7 nummod NUM CD 4
9 , 7 punct PUNCT , ,
10 2017 7 nummod NUM CD 2017
"""


def test_a_weekday_in_a_post_is_read_from_the_post_s_date():
    # No publication date: the time stage left "Monday" as a weekday; 4 May 2017 was a Thursday.
    found = _date(POST_MONDAY, 1, ("Monday", "XXXX-WXX-1"), ("May 4, 2017", "2017-05-04"),
                  posts=[("We won on Monday", "— Jane Roe May 4, 2017")])
    assert found == Dating("t1", "2017-05-01", "context")


def test_a_weekday_outside_a_post_stays_unresolved():
    assert _date(POST_MONDAY, 1, ("Monday", "XXXX-WXX-1"), ("May 4, 2017", "2017-05-04")) == Dating("t1", None, None)


CONTINUED = """
0 In 3 prep ADP IN in
1 2013 0 pobj NUM CD 2013
2 hosts 3 nsubj NOUN NNS host
3 pressed 3 ROOT VERB VBD press
4 him 3 dobj PRON PRP he
5 . 3 punct PUNCT . .
6 He 7 nsubj PRON PRP he
7 rose 7 ROOT VERB VBD rise
8 from 7 prep ADP IN from
9 his 10 poss PRON PRP$ his
10 chair 8 pobj NOUN NN chair
11 . 7 punct PUNCT . .
"""


def test_a_past_main_clause_continues_the_dated_sentence_before():
    assert _date(CONTINUED, 7, ("2013", "2013")) == Dating("t1", "2013", "context")


def test_a_clause_that_is_not_in_the_simple_past_does_not_continue():
    spec = CONTINUED.replace("7 rose 7 ROOT VERB VBD rise", "7 rises 7 ROOT VERB VBZ rise")
    assert _date(spec, 7, ("2013", "2013")) == UNDATED


def test_a_sentence_with_a_time_of_its_own_does_not_continue():
    # a time describing a noun of the sentence ("his" stands in for one): the sentence has its own time
    spec = CONTINUED.replace("8 from 7 prep ADP IN from", "8 off 7 prep ADP IN off")
    assert _date(spec, 7, ("2013", "2013"), ("his", "2010")) == UNDATED


def test_a_modal_sentence_before_gives_no_continuation():
    spec = CONTINUED.replace("3 pressed 3 ROOT VERB VBD press", "3 pressed 3 ROOT VERB VB press").replace(
        "2 hosts 3 nsubj NOUN NNS host", "2 would 3 aux AUX MD would")
    assert _date(spec, 7, ("2013", "2013")) == UNDATED


REPORTED = """
0 Last 1 amod ADJ JJ last
1 month 3 npadvmod NOUN NN month
2 papers 3 nsubj NOUN NNS paper
3 reported 3 ROOT VERB VBD report
4 that 7 mark SCONJ IN that
5 groups 7 nsubj NOUN NNS group
6 have 7 aux AUX VBP have
7 begun 3 ccomp VERB VBN begin
8 recruiting 7 xcomp VERB VBG recruit
9 . 3 punct PUNCT . .
"""


def test_a_dated_report_dates_what_it_reports_as_standing():
    assert _date(REPORTED, 7, ("Last month", "2015-12")) == Dating("t1", "2015-12", "context")


def test_a_dated_report_does_not_date_a_reported_simple_past():
    spec = REPORTED.replace("6 have 7 aux AUX VBP have\n", "6 then 7 advmod ADV RB then\n").replace(
        "7 begun 3 ccomp VERB VBN begin", "7 began 3 ccomp VERB VBD begin")
    assert _date(spec, 7, ("Last month", "2015-12"), ) == UNDATED


CHAINED = """
0 In 3 prep ADP IN in
1 2007 0 pobj NUM CD 2007
2 Congress 3 nsubj PROPN NNP Congress
3 approved 3 ROOT VERB VBD approve
4 rises 3 dobj NOUN NNS rise
5 . 3 punct PUNCT . .
6 They 8 nsubjpass PRON PRP they
7 were 8 auxpass AUX VBD be
8 tied 8 ROOT VERB VBN tie
9 to 8 prep ADP IN to
10 breaks 9 pobj NOUN NNS break
11 . 8 punct PUNCT . .
12 Bills 14 nsubjpass NOUN NNS bill
13 were 14 auxpass AUX VBD be
14 signed 14 ROOT VERB VBN sign
15 . 14 punct PUNCT . .
"""


def test_a_passive_past_continues_across_an_undated_past_sentence():
    assert _date(CHAINED, 14, ("2007", "2007")) == Dating("t1", "2007", "context")


def test_the_story_stops_at_a_sentence_not_told_in_the_past():
    spec = CHAINED.replace("7 were 8 auxpass AUX VBD be", "7 are 8 auxpass AUX VBP be")
    assert _date(spec, 14, ("2007", "2007")) == UNDATED


IN_WHICH = """
0 She 1 nsubj PRON PRP she
1 spoke 1 ROOT VERB VBD speak
2 in 1 prep ADP IN in
3 her 5 poss PRON PRP$ her
4 February 5 compound PROPN NNP February
5 Address 2 pobj PROPN NNP Address
6 , 5 punct PUNCT , ,
7 in 10 prep ADP IN in
8 which 7 pobj PRON WDT which
9 she 10 nsubj PRON PRP she
10 urged 5 relcl VERB VBD urge
11 calm 10 dobj NOUN NN calm
12 . 1 punct PUNCT . .
"""


def test_a_named_occasion_with_a_time_dates_its_clause():
    assert _date(IN_WHICH, 1, ("February", "2013-02")) == Dating("t1", "2013-02", "clause")


def test_an_in_which_clause_takes_its_occasion_s_date():
    assert _date(IN_WHICH, 10, ("February", "2013-02")) == Dating("t1", "2013-02", "context")


def test_another_relative_clause_does_not():
    # a present-tense clause, which the sentence rule leaves undated: only "in which" puts it in the address
    present = IN_WHICH.replace("10 urged 5 relcl VERB VBD urge", "10 urges 5 relcl VERB VBZ urge")
    assert _date(present, 10, ("February", "2013-02")) == Dating("t1", "2013-02", "context")
    spec = present.replace("7 in 10 prep ADP IN in", "7 of 10 prep ADP IN of")
    assert _date(spec, 10, ("February", "2013-02")) == UNDATED


YEAR_AFTER_POST = """
0 We 1 nsubj PRON PRP we
1 won 1 ROOT VERB VBD win
2 ! 1 punct PUNCT . !
3 — 5 punct PUNCT : —
4 Jane 5 compound PROPN NNP Jane
5 Roe 5 ROOT PROPN NNP Roe
6 May 5 npadvmod PROPN NNP May
7 4 6 nummod NUM CD 4
8 , 6 punct PUNCT , ,
9 2017 6 nummod NUM CD 2017
10 They 11 nsubj PRON PRP they
11 signed 11 ROOT VERB VBD sign
12 this 13 det DET DT this
13 year 11 npadvmod NOUN NN year
14 . 11 punct PUNCT . .
"""


def test_a_year_from_an_unknown_now_is_read_from_the_page_s_latest_post():
    found = _date(YEAR_AFTER_POST, 11, ("May 4, 2017", "2017-05-04"), ("this year", "REF+P0Y"),
                  posts=[("We won!", "— Jane Roe May 4, 2017")])
    assert found == Dating("t2", "2017", "context")


def test_without_a_post_the_year_stays_unread():
    assert _date(YEAR_AFTER_POST, 11, ("May 4, 2017", "2017-05-04"), ("this year", "REF+P0Y")) == Dating(
        "t2", None, None)


def test_a_bare_day_hung_on_the_object_dates_the_clause():
    spec = """
0 She 1 nsubj PRON PRP she
1 offered 1 ROOT VERB VBD offer
2 a 3 det DET DT a
3 view 1 dobj NOUN NN view
4 of 3 prep ADP IN of
5 the 6 det DET DT the
6 race 4 pobj NOUN NN race
7 Friday 6 npadvmod PROPN NNP Friday
8 . 1 punct PUNCT . .
"""
    assert _date(spec, 1, ("Friday", "2008-02-01")) == Dating("t1", "2008-02-01", "clause")


def test_a_dated_gerund_after_upon_dates_the_main_clause():
    spec = AFTER_MEETING.replace("0 After 4 prep ADP IN after", "0 Upon 4 prep ADP IN upon")
    assert _date(spec, 4, ("last month", "2007-12")) == Dating("t1", "2007-12", "context")
