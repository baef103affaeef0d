"""Dating a report's later past clauses by the day its lead gives the occasion.

Hand-built parses of invented sentences; the rule has a hit and its misses.
"""

from __future__ import annotations

from _docs import parse
from _events import date_of
from newsgraph.extract.events.dates import UNDATED, Dating
from newsgraph.record import Entity, Mention


def _mayor(text: str) -> Entity:
    """One person, every "mayor" of the text a mention of her."""
    starts = [i for i in range(len(text)) if text.startswith("mayor", i)]
    return Entity(id="e1", name="Ann Cole", type="PERSON",
                  mentions=[Mention(start=i, end=i + 5, text="mayor", kind="nominal") for i in starts])


def _date(spec: str, verb: int, *times: tuple[str, str | None]) -> Dating:
    doc = parse(spec)
    return date_of(doc, verb, *times, people=[_mayor(doc.text)])


# "The mayor opened a school Friday. The city is growing fast. The mayor cheered."
OCCASION = """
0 The 1 det DET DT the
1 mayor 2 nsubj NOUN NN mayor
2 opened 2 ROOT VERB VBD open
3 a 4 det DET DT a
4 school 2 dobj NOUN NN school
5 Friday 2 npadvmod PROPN NNP Friday
6 . 2 punct PUNCT . .
7 The 8 det DET DT the
8 city 10 nsubj NOUN NN city
9 is 10 aux AUX VBZ be
10 growing 10 ROOT VERB VBG grow
11 fast 10 advmod ADV RB fast
12 . 10 punct PUNCT . .
13 The 14 det DET DT the
14 mayor 15 nsubj NOUN NN mayor
15 cheered 15 ROOT VERB VBD cheer
16 . 15 punct PUNCT . .
"""


def test_a_later_past_clause_takes_the_day_of_the_leads_occasion():
    assert _date(OCCASION, 15, ("Friday", "2011-03-04")) == Dating("t1", "2011-03-04", "context")


def test_a_later_clause_about_someone_else_is_not_dated_by_the_lead():
    spec = OCCASION.replace("14 mayor 15 nsubj NOUN NN mayor", "14 crowd 15 nsubj NOUN NN crowd")
    assert _date(spec, 15, ("Friday", "2011-03-04")) == UNDATED


def test_a_lead_dated_only_to_a_year_dates_nothing_later():
    assert _date(OCCASION, 15, ("Friday", "2011")) == UNDATED


def test_a_later_clause_not_in_the_simple_past_is_not_dated_by_the_lead():
    spec = OCCASION.replace("15 cheered 15 ROOT VERB VBD cheer", "15 cheers 15 ROOT VERB VBZ cheer")
    assert _date(spec, 15, ("Friday", "2011-03-04")) == UNDATED


def test_a_sentence_with_a_time_of_its_own_is_not_dated_by_the_lead():
    # "The mayor cheered, tired after hours": a time in the sentence, even one of a noun, is its own
    spec = OCCASION.replace("16 . 15 punct PUNCT . .", "16 long 14 amod ADJ JJ long\n17 . 15 punct PUNCT . .")
    assert _date(spec, 15, ("Friday", "2011-03-04"), ("long", None)) == UNDATED


def test_a_past_clause_dated_otherwise_in_between_ends_the_leads_narrative():
    # "... The city grew in 2001. The city is growing fast. The crowd cheered.": the story went back in time
    past = "7 The 8 det DET DT the\n8 city 10 nsubj NOUN NN city\n9 then 10 advmod ADV RB then\n" \
           "10 grew 10 ROOT VERB VBD grow\n11 2001 10 npadvmod NUM CD 2001\n12 . 10 punct PUNCT . .\n"
    lines = OCCASION.strip("\n").split("\n")
    shifted = "\n".join(_shift(line, 6) for line in lines[7:])
    spec = "\n".join(lines[:7]) + "\n" + past + shifted + "\n"
    assert _date(spec, 21, ("Friday", "2011-03-04"), ("2001", "2001")) == UNDATED
    assert _date(spec.replace("2001 10 npadvmod", "soon 10 advmod").replace("NUM CD 2001", "ADV RB soon"), 21,
                 ("Friday", "2011-03-04")) == Dating("t1", "2011-03-04", "context")


def _shift(line: str, by: int) -> str:
    """A parse line moved ``by`` tokens on (its index and its head's)."""
    i, word, head, *rest = line.split()
    return " ".join([str(int(i) + by), word, str(int(head) + by), *rest])
