"""The event stage's per-document indexes (``hyphen_positions``, ``own_times``) answer as the scans they replace."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from _docs import parse
from newsgraph.extract.events import clauses as cl
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.dates import _own_tokens, clause_times, own_times
from newsgraph.record import TimeExpression

VOCAB = Vocab()


def _hyphenated() -> Doc:
    """ "The well-known 12-year-old dog - a stray - barked": glued hyphens and free dashes."""
    words = ["The", "well", "-", "known", "12", "-", "year", "-", "old", "dog", "-", "a", "stray", "-", "barked"]
    spaces = [True, False, False, True, False, False, False, False, True, True, True, True, True, True, False]
    tags = ["DT", "RB", "HYPH", "VBN", "CD", "HYPH", "NN", "HYPH", "JJ", "NN", "HYPH", "DT", "NN", "HYPH", "VBD"]
    return Doc(VOCAB, words=words, spaces=spaces, tags=tags)


def test_hyphen_positions_are_the_tokens_tagged_hyph():
    doc = _hyphenated()
    cl.forget_children()
    assert cl.hyphen_positions(doc) == {t.i for t in doc if t.tag_ == "HYPH"}


def test_hyphen_positions_follow_the_document_asked():
    first, second = _hyphenated(), Doc(VOCAB, words=["a", "-", "b"], spaces=[False, False, False],
                                          tags=["NN", "HYPH", "NN"])
    cl.forget_children()
    assert cl.hyphen_positions(first) == {2, 5, 7, 10, 13}
    assert cl.hyphen_positions(second) == {1}


def test_hyphen_joined_keeps_glued_words_and_leaves_free_dashes():
    doc = _hyphenated()
    cl.forget_children()
    assert [t.text for t in cl.hyphen_joined(doc[8])] == ["12", "-", "year", "-"]
    assert [t.text for t in cl.hyphen_joined(doc[1])] == ["-", "known"]
    assert cl.hyphen_joined(doc[9]) == []  # "dog - a": spaced dashes join nothing
    assert cl.hyphen_joined(doc[14]) == []


SPOKE_ON_MONDAY = """
0 She 1 nsubj PRON PRP she
1 spoke 1 ROOT VERB VBD speak
2 on 1 prep ADP IN on
3 Monday 2 pobj PROPN NNP Monday
4 and 1 cc CCONJ CC and
5 left 1 conj VERB VBD leave
6 on 5 prep ADP IN on
7 Tuesday 6 pobj PROPN NNP Tuesday
8 . 1 punct PUNCT . .
"""


def _times(doc: Doc, *words: str) -> list[TimeExpression]:
    out = []
    for n, word in enumerate(words, 1):
        start = doc.text.index(word)
        out.append(TimeExpression(id=f"t{n}", start=start, end=start + len(word), text=word, type="DATE",
                                  value=f"2021-05-0{n}"))
    return out


def test_own_times_are_the_timed_own_tokens_in_order():
    doc = parse(SPOKE_ON_MONDAY)
    ctx = DocContext.build(doc, [], _times(doc, "Monday", "Tuesday"), [], [])
    expected = [(t, ctx.time_at(t)) for t in _own_tokens(ctx, doc[1]) if ctx.time_at(t) is not None]
    assert [(t.i, time.id) for t, time in own_times(ctx, doc[1])] == [(t.i, time.id) for t, time in expected]
    assert [time.id for _t, time in own_times(ctx, doc[1])] == ["t1"]  # the coordinated clause's day is its own
    assert [time.id for _t, time in own_times(ctx, doc[5])] == ["t2"]
    assert [time.id for time in clause_times(ctx, doc[5])] == ["t2"]


def test_own_times_of_a_clause_without_times_is_empty():
    doc = parse(SPOKE_ON_MONDAY)
    ctx = DocContext.build(doc, [], [], [], [])
    assert own_times(ctx, doc[1]) == []


def test_clause_word_times_are_the_timed_clause_words():
    from newsgraph.extract.events.dates import _clause_word_times, _clause_words

    doc = parse(SPOKE_ON_MONDAY)
    ctx = DocContext.build(doc, [], _times(doc, "Monday", "Tuesday"), [], [])
    for verb in (doc[1], doc[5]):
        expected = [(t.i, ctx.time_at(t).id) for t in _clause_words(ctx, verb) if ctx.time_at(t) is not None]
        assert [(t.i, time.id) for t, time in _clause_word_times(ctx, verb)] == expected
    assert [time.id for _t, time in _clause_word_times(ctx, doc[5])] == ["t2"]


def test_lead_day_is_the_main_clause_day_and_is_kept():
    from newsgraph.extract.events.dates import _lead_day

    doc = parse(SPOKE_ON_MONDAY)
    ctx = DocContext.build(doc, [], _times(doc, "Monday", "Tuesday"), [], [])
    day = _lead_day(ctx, 0)
    assert day is not None and (day.time, day.date) == ("t1", "2021-05-01")
    assert ctx.lead_days == {0: day}


def test_a_lead_without_a_day_gives_none():
    doc = parse(SPOKE_ON_MONDAY)
    ctx = DocContext.build(doc, [], [], [], [])
    assert _lead_day_of(ctx) is None


def _lead_day_of(ctx: DocContext):
    from newsgraph.extract.events.dates import _lead_day

    return _lead_day(ctx, 0)
