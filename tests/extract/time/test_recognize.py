"""Finding time expressions (``time.recognize``): TIMEX3 extents, windowed pattern search, tense, overlaps."""

from __future__ import annotations

import re

import pytest

from _docs import parse
from newsgraph.extract.time.context import Resolution
from newsgraph.extract.time.recognize import Candidate, candidates, pattern_matches, select, tense_of, trim


def _trimmed(text: str) -> str:
    start, end = trim(text, 0, len(text))
    return text[start:end]


@pytest.mark.parametrize(("text", "extent"), [
    ("on Tuesday", "Tuesday"),  # a leading preposition goes
    ("since 2019", "2019"),
    ("Tuesday's", "Tuesday"),  # so does a possessive
    ("(Monday)", "Monday"),  # and punctuation
    ("the Tuesday", "Tuesday"),  # a determiner before a weekday is dropped
    ("the 1990s", "the 1990s"),  # ... but not before a decade
    ("Tuesday and", "Tuesday"),  # a trailing joiner
    ("the 1980s or", "the 1980s"),
    ("in March.", "March"),  # a sentence's full stop
    ("on Sept.", "Sept."),  # an abbreviation's stays
    ("at 5 p.m.", "5 p.m."),
    ("at least 30 days", "at least 30 days"),  # a modifier is no preposition
    ("as soon as possible", "as soon as possible"),
])
def test_trim_to_a_timex3_extent(text, extent):
    assert _trimmed(text) == extent


def test_trim_never_takes_a_lone_word_to_nothing():
    assert _trimmed("on") == "on"


def test_trim_works_inside_a_longer_text():
    text = "They voted on Tuesday, then left."
    start, end = trim(text, text.index("on Tuesday"), text.index(","))
    assert text[start:end] == "Tuesday"


DAYS = re.compile(r"\d+ days(?: and \d+ days)*")
DAYS_KEYWORD = re.compile(r"days")


def test_pattern_matches_finds_what_finditer_finds():
    text = ("Filler words here. " * 20 + "It took 3 days. ") * 4 + "Then 12 days and 4 days passed."
    found = [(m.start(), m.end()) for m in pattern_matches(DAYS, DAYS_KEYWORD, text, text)]
    assert found == [(m.start(), m.end()) for m in DAYS.finditer(text)]
    assert len(found) == 5


def test_pattern_matches_does_not_cut_a_match_at_its_window():
    text = "Waited " + " and ".join(["1 days"] * 40) + "."
    found = [m.group() for m in pattern_matches(DAYS, DAYS_KEYWORD, text, text)]
    assert found == [DAYS.search(text).group()]
    assert len(found[0]) > 160


def test_pattern_matches_without_a_keyword_finds_nothing():
    assert list(pattern_matches(DAYS, DAYS_KEYWORD, "It took 3 weeks.", "It took 3 weeks.")) == []


HE_LEFT = """
0 He 1 nsubj PRON PRP he
1 left 1 ROOT VERB VBD leave
2 on 1 prep ADP IN on
3 Tuesday 2 pobj PROPN NNP Tuesday B-DATE
4 , 1 punct PUNCT , ,
5 officials 6 nsubj NOUN NNS official
6 said 1 conj VERB VBD say
7 at 6 prep ADP IN at
8 Acme 7 pobj PROPN NNP Acme B-ORG
9 in 6 prep ADP IN in
10 recent 11 amod ADJ JJ recent
11 months 9 pobj NOUN NNS month
12 . 1 punct PUNCT . .
"""


def test_candidates_are_spacy_dates_trimmed_and_pattern_matches():
    doc = parse(HE_LEFT)
    found = candidates(doc)
    spans = {(doc.text[c.start:c.end], c.source) for c in found}
    assert ("Tuesday", "spacy") in spans
    assert any(text == "recent months" and source != "spacy" for text, source in spans)
    assert not any("Acme" in text for text, _ in spans)  # an ORG entity is no candidate


def _doc_and_span(spec: str, words: str):
    doc = parse(spec)
    start = doc.text.index(words)
    return doc, start, start + len(words)


def _sentence(verb: str, tag: str, lemma: str, auxes: tuple[tuple[str, str, str], ...] = ()) -> str:
    """"The council <auxes> <verb> Tuesday ." as a parse table."""
    rows = ["0 The 1 det DET DT the", f"1 council {1 + len(auxes) + 1} nsubj NOUN NN council"]
    v = 2 + len(auxes)
    for k, (word, atag, alemma) in enumerate(auxes):
        rows.append(f"{2 + k} {word} {v} aux AUX {atag} {alemma}")
    rows.append(f"{v} {verb} {v} ROOT VERB {tag} {lemma}")
    rows.append(f"{v + 1} Tuesday {v} npadvmod PROPN NNP Tuesday")
    rows.append(f"{v + 2} . {v} punct PUNCT . .")
    return "\n".join(rows)


@pytest.mark.parametrize(("verb", "tag", "lemma", "auxes", "tense"), [
    ("met", "VBD", "meet", (), "past"),
    ("met", "VBN", "meet", (("has", "VBZ", "have"),), "past"),
    ("meet", "VB", "meet", (("will", "MD", "will"),), "future"),
    ("vote", "VB", "vote", (("could", "MD", "could"),), "future"),
    ("met", "VBN", "meet", (("could", "MD", "could"), ("have", "VB", "have")), "past"),  # a perfect modal looks back
    ("meets", "VBZ", "meet", (), "future"),  # news present with a date looks ahead
    ("says", "VBZ", "say", (), "present"),  # ... but not a stative or reporting verb
    ("meeting", "VBG", "meet", (("is", "VBZ", "be"),), "present"),
])
def test_tense_of_the_governing_verb_and_its_auxiliaries(verb, tag, lemma, auxes, tense):
    doc, start, end = _doc_and_span(_sentence(verb, tag, lemma, auxes), "Tuesday")
    assert tense_of(doc, start, end) == tense


def test_tense_of_an_infinitive_after_a_future_head():
    doc, start, end = _doc_and_span("""
0 The 1 det DET DT the
1 council 3 nsubjpass NOUN NN council
2 is 3 auxpass AUX VBZ be
3 expected 3 ROOT VERB VBN expect
4 to 5 aux PART TO to
5 vote 3 xcomp VERB VB vote
6 Tuesday 5 npadvmod PROPN NNP Tuesday
7 . 3 punct PUNCT . .
""", "Tuesday")
    assert tense_of(doc, start, end) == "future"


def test_tense_of_a_date_inside_an_argument_noun_phrase_is_none():
    doc, start, end = _doc_and_span("""
0 They 1 nsubj PRON PRP they
1 revised 1 ROOT VERB VBD revise
2 the 3 det DET DT the
3 forecast 1 dobj NOUN NN forecast
4 for 3 prep ADP IN for
5 December 4 pobj PROPN NNP December
6 . 1 punct PUNCT . .
""", "December")
    assert tense_of(doc, start, end) is None


def test_tense_of_a_date_attached_to_the_verb_takes_its_tense():
    doc, start, end = _doc_and_span("""
0 They 1 nsubj PRON PRP they
1 revised 1 ROOT VERB VBD revise
2 the 3 det DET DT the
3 forecast 1 dobj NOUN NN forecast
4 in 1 prep ADP IN in
5 December 4 pobj PROPN NNP December
6 . 1 punct PUNCT . .
""", "December")
    assert tense_of(doc, start, end) == "past"


def test_tense_of_without_a_verb_is_none():
    doc, start, end = _doc_and_span("""
0 Rain 0 ROOT NOUN NN rain
1 on 0 prep ADP IN on
2 Tuesday 1 pobj PROPN NNP Tuesday
3 . 0 punct PUNCT . .
""", "Tuesday")
    assert tense_of(doc, start, end) is None


RES = Resolution("DATE", "2020")


def _texts(taken):
    return [(c.start, c.end, c.source) for c, _ in taken]


def test_select_keeps_the_longest_of_overlapping_candidates_in_text_order():
    cands = [(Candidate(20, 25, "spacy"), RES), (Candidate(0, 4, "year"), RES),
             (Candidate(0, 10, "spacy"), RES), (Candidate(8, 12, "month"), RES)]
    assert _texts(select(cands)) == [(0, 10, "spacy"), (20, 25, "spacy")]


def test_select_prefers_a_pattern_to_spacy_on_a_tie():
    cands = [(Candidate(3, 9, "spacy"), RES), (Candidate(3, 9, "weekday"), RES)]
    assert _texts(select(cands)) == [(3, 9, "weekday")]


def test_select_keeps_adjacent_candidates():
    cands = [(Candidate(0, 5, "decade"), RES), (Candidate(5, 10, "decade"), RES)]
    assert _texts(select(cands)) == [(0, 5, "decade"), (5, 10, "decade")]
