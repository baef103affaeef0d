"""Distances from an event (``time.anchors``): "a day after the vote" is a date once the vote's date is in the text."""

from __future__ import annotations

from _docs import parse
from newsgraph.extract.time.anchors import from_events
from newsgraph.record import TimeExpression

QUIT_AFTER_DATED_VOTE = """
0 He 1 nsubj PRON PRP he
1 quit 1 ROOT VERB VBD quit
2 a 3 det DET DT a
3 day 4 npadvmod NOUN NN day
4 after 1 prep ADP IN after
5 the 8 det DET DT the
6 June 8 compound PROPN NNP June
7 5 6 nummod NUM CD 5
8 vote 4 pobj NOUN NN vote
9 . 1 punct PUNCT . .
"""

VOTE_THEN_QUIT = """
0 The 1 det DET DT the
1 vote 3 nsubjpass NOUN NN vote
2 was 3 auxpass AUX VBD be
3 held 3 ROOT VERB VBN hold
4 on 3 prep ADP IN on
5 June 4 pobj PROPN NNP June
6 5 5 nummod NUM CD 5
7 . 3 punct PUNCT . .
8 A 9 det DET DT a
9 day 10 npadvmod NOUN NN day
10 after 14 prep ADP IN after
11 the 12 det DET DT the
12 vote 10 pobj NOUN NN vote
13 , 14 punct PUNCT , ,
14 he 15 nsubj PRON PRP he
15 quit 15 ROOT VERB VBD quit
16 . 15 punct PUNCT . .
"""


def _time(full: str, text: str, type_: str, value: str | None, n: int = 0, after: int = 0) -> TimeExpression:
    start = full.index(text, after)
    return TimeExpression(id=f"t{n}", start=start, end=start + len(text), text=text, type=type_, value=value)


def _run(spec: str, *spans: tuple[str, str, str | None]) -> tuple[list[TimeExpression], str]:
    doc = parse(spec)
    full = doc.text
    times = [_time(full, text, type_, value, n) for n, (text, type_, value) in enumerate(spans)]
    return from_events(doc, full, times), full


def _one_line(sentence: str) -> str:
    """A flat parse of ``sentence`` (every word under the first): enough where only the text counts."""
    words = sentence.split()
    pos = {"vote": "NOUN", "election": "NOUN", "summit": "NOUN"}
    return "\n".join(f"{i} {w} 0 {'ROOT' if i == 0 else 'dep'} {pos.get(w, 'X')} XX {w.lower()}"
                     for i, w in enumerate(words))


def test_a_date_inside_the_event_phrase_anchors_the_distance():
    out, _ = _run(QUIT_AFTER_DATED_VOTE, ("a day", "DURATION", "P1D"), ("June 5", "DATE", "2021-06-05"))
    assert (out[0].type, out[0].value, out[0].anchored) == ("DATE", "2021-06-06", True)
    assert out[1].value == "2021-06-05"


def test_before_counts_back():
    out, _ = _run(_one_line("He quit two weeks before the June 20 vote ."),
                  ("two weeks", "DURATION", "P2W"), ("June 20", "DATE", "2021-06-20"))
    assert (out[0].type, out[0].value) == ("DATE", "2021-06-06")


def test_months_and_years_are_written_at_their_granularity():
    out, _ = _run(_one_line("He quit a month after the June 5 vote ."),
                  ("a month", "DURATION", "P1M"), ("June 5", "DATE", "2021-06-05"))
    assert (out[0].type, out[0].value) == ("DATE", "2021-07")
    out, _ = _run(_one_line("He quit three years before the 2021-06 election ."),
                  ("three years", "DURATION", "P3Y"), ("2021-06", "DATE", "2021-06"))
    assert (out[0].type, out[0].value) == ("DATE", "2018")


def test_an_earlier_sentence_naming_the_event_with_a_date_anchors_it():
    out, _ = _run(VOTE_THEN_QUIT, ("June 5", "DATE", "2021-06-05"), ("A day", "DURATION", "P1D"))
    assert (out[1].type, out[1].value, out[1].anchored) == ("DATE", "2021-06-06", True)


def test_an_earlier_sentence_about_another_event_does_not():
    spec = VOTE_THEN_QUIT.replace("12 vote 10 pobj NOUN NN vote", "12 summit 10 pobj NOUN NN summit")
    out, _ = _run(spec, ("June 5", "DATE", "2021-06-05"), ("A day", "DURATION", "P1D"))
    assert (out[1].type, out[1].value, out[1].anchored) == ("DURATION", "P1D", False)


def test_without_the_event_date_the_distance_stays_an_unanchored_duration():
    out, _ = _run(_one_line("He quit a day after the vote ."), ("a day", "DURATION", "P1D"))
    assert (out[0].type, out[0].value, out[0].anchored) == ("DURATION", "P1D", False)


def test_days_do_not_move_a_month_valued_event():
    out, _ = _run(_one_line("He quit a day after the June vote ."),
                  ("a day", "DURATION", "P1D"), ("June", "DATE", "2021-06"))
    assert (out[0].type, out[0].value, out[0].anchored) == ("DURATION", "P1D", False)


def test_hours_are_not_moved_without_a_clock():
    out, _ = _run(_one_line("He quit two hours after the June 5 vote ."),
                  ("two hours", "DURATION", "PT2H"), ("June 5", "DATE", "2021-06-05"))
    assert (out[0].type, out[0].value, out[0].anchored) == ("DURATION", "PT2H", True)


def test_a_duration_without_a_signal_is_left_alone():
    out, _ = _run(_one_line("He waited a day for the June 5 vote ."),
                  ("a day", "DURATION", "P1D"), ("June 5", "DATE", "2021-06-05"))
    assert (out[0].type, out[0].value, out[0].anchored) == ("DURATION", "P1D", True)


def test_a_signal_read_into_the_extent_is_cut_off_before_an_event():
    out, full = _run(_one_line("He quit two weeks before the June 20 vote ."),
                     ("two weeks before", "DURATION", "P2W"), ("June 20", "DATE", "2021-06-20"))
    assert out[0].text == "two weeks"
    assert full[out[0].start:out[0].end] == "two weeks"
    assert out[0].value == "2021-06-06"


def test_a_signal_ending_the_clause_stays_in_the_extent():
    out, _ = _run(_one_line("He had left two days before ."), ("two days before", "DURATION", "P2D"))
    assert (out[0].text, out[0].value, out[0].anchored) == ("two days before", "P2D", True)
