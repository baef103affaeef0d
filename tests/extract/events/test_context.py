"""The events stage's token views (``events.context``): other stages' offsets mapped onto tokens."""

from __future__ import annotations

from _docs import parse
from newsgraph.extract.events.context import DocContext
from newsgraph.record import Attribution, Entity, Mention, Source, SourceMention, TextSpan, TimeExpression

#: "Mayor Ada Vega met Omar Reyes on Friday. She said the bridge will open, according to officials."
MET = """
0 Mayor 2 compound PROPN NNP Mayor
1 Ada 2 compound PROPN NNP Ada
2 Vega 3 nsubj PROPN NNP Vega
3 met 3 ROOT VERB VBD meet
4 Omar 5 compound PROPN NNP Omar
5 Reyes 3 dobj PROPN NNP Reyes
6 on 3 prep ADP IN on
7 Friday 6 pobj PROPN NNP Friday
8 . 3 punct PUNCT . .
9 She 10 nsubj PRON PRP she
10 said 10 ROOT VERB VBD say
11 the 12 det DET DT the
12 bridge 14 nsubj NOUN NN bridge
13 will 14 aux AUX MD will
14 open 10 ccomp VERB VB open
15 , 10 punct PUNCT , ,
16 according 10 prep VERB VBG accord
17 to 16 prep ADP IN to
18 officials 17 pobj NOUN NNS official
19 . 10 punct PUNCT . .
"""

DOC = parse(MET)
TEXT = DOC.text


def _span(cls, words: str, after: int = 0, **kw):
    start = TEXT.index(words, after)
    return cls(start=start, end=start + len(words), text=words, **kw)


VEGA = Entity(id="e1", name="Ada Vega", type="PERSON",
              mentions=[_span(Mention, "Ada"), _span(Mention, "Mayor Ada Vega")])
REYES = Entity(id="e2", name="Omar Reyes", type="PERSON", mentions=[_span(Mention, "Omar Reyes")])
BRIDGE = Entity(id="e3", name="bridge", type="FAC", mentions=[_span(Mention, "bridge")])
FRIDAY = _span(TimeExpression, "Friday", id="t1", type="DATE", value="2021-08-13")
OFFICIALS = Source(id="s1", description="officials", kind="anonymous", mentions=[_span(SourceMention, "officials")])
INNER = Attribution(id="a1", source="e1", cue=_span(TextSpan, "said"), content=_span(TextSpan, "the bridge will open"),
                    kind="indirect")
OUTER = Attribution(id="a2", source="s1", cue=_span(TextSpan, "according to"),
                    content=_span(TextSpan, "She said the bridge will open"), kind="according_to")


def _ctx(entities=(VEGA, REYES, BRIDGE), times=(FRIDAY,), sources=(OFFICIALS,), attributions=(OUTER, INNER)):
    return DocContext.build(DOC, list(entities), list(times), list(sources), list(attributions))


def test_sentences_and_token_lists():
    ctx = _ctx()
    assert ctx.sent_bounds == [(0, 9), (9, 20)]
    assert ctx.clause_heads == [3, 10, 14]  # the roots and the "will open" complement
    assert ctx.according == [16]
    assert ctx.nouns == [12, 18]


def test_between_takes_the_positions_inside_a_range():
    ctx = _ctx()
    assert ctx.between(ctx.clause_heads, 9, 20) == [10, 14]
    assert ctx.between(ctx.clause_heads, 0, 3) == []


def test_a_longer_mention_wins_a_shared_token():
    ctx = _ctx()
    assert (ctx.mentions_by_token[1].start, ctx.mentions_by_token[1].end) == (0, 3)
    reversed_vega = VEGA.model_copy(update={"mentions": list(reversed(VEGA.mentions))})
    ctx = _ctx(entities=(reversed_vega,))
    assert (ctx.mentions_by_token[1].start, ctx.mentions_by_token[1].end) == (0, 3)


def test_person_mentions_are_persons_only_in_text_order():
    ctx = _ctx(entities=(BRIDGE, REYES, VEGA))
    assert [m.entity.id for m in ctx.person_mentions] == ["e1", "e1", "e2"]
    assert [m.start for m in ctx.person_mentions] == [0, 1, 4]


def test_times_and_sources_by_token():
    ctx = _ctx()
    assert ctx.time_at(DOC[7]) is FRIDAY
    assert ctx.time_at(DOC[6]) is None
    assert ctx.time_tokens == {"t1": (7, 8)}
    assert ctx.source_of_tokens([DOC[17], DOC[18]]) == "s1"
    assert ctx.source_of_tokens([DOC[3]]) is None


def test_offsets_outside_the_text_are_not_mapped():
    lost = TimeExpression(id="t9", start=len(TEXT) + 5, end=len(TEXT) + 9, text="June", type="DATE")
    ctx = _ctx(times=(lost,))
    assert ctx.time_tokens == {}
    assert ctx.times_by_token == {}


def test_entity_in_prefers_the_head_then_the_nearest():
    ctx = _ctx()
    tokens = list(DOC[0:8])
    assert ctx.entity_in(tokens, head=DOC[5]).entity.id == "e2"
    assert ctx.entity_in(tokens, head=DOC[3]).entity.id == "e1"  # "met" is no mention; "Vega" is nearest
    assert ctx.entity_in(list(DOC[6:9])) is None


def test_a_pronoun_continues_the_nearest_subject_before_it():
    ctx = _ctx()
    assert ctx.entity_at(DOC[9]).entity.id == "e1"  # Vega is the subject, Reyes the nearer object


def test_without_a_subject_a_pronoun_takes_the_nearest_person():
    ctx = _ctx(entities=(REYES,))
    assert ctx.antecedent(DOC[9]).entity.id == "e2"


def test_a_pronoun_mention_from_the_entity_stage_wins():
    she = Entity(id="e4", name="Ines Ruiz", type="PERSON", mentions=[_span(Mention, "She", kind="pronoun")])
    ctx = _ctx(entities=(VEGA, she))
    assert ctx.entity_at(DOC[9]).entity.id == "e4"


def test_a_pronoun_looks_back_two_sentences_only():
    doc = parse("""
0 Vega 1 nsubj PROPN NNP Vega
1 left 1 ROOT VERB VBD leave
2 . 1 punct PUNCT . .
3 Rain 4 nsubj NOUN NN rain
4 fell 4 ROOT VERB VBD fall
5 . 4 punct PUNCT . .
6 Wind 7 nsubj NOUN NN wind
7 rose 7 ROOT VERB VBD rise
8 . 7 punct PUNCT . .
9 She 10 nsubj PRON PRP she
10 returned 10 ROOT VERB VBD return
11 . 10 punct PUNCT . .
""")
    vega = Entity(id="e1", name="Vega", type="PERSON", mentions=[Mention(start=0, end=4, text="Vega")])
    ctx = DocContext.build(doc, [vega], [], [], [])
    assert ctx.antecedent(doc[9]) is None
    assert ctx.entity_at(doc[0]).entity.id == "e1"


def test_attribution_of_is_the_innermost_content():
    ctx = _ctx()
    assert ctx.attribution_of(DOC[12]).id == "a1"
    assert ctx.attribution_of(DOC[9]).id == "a2"
    assert ctx.attribution_of(DOC[3]) is None


def test_is_cue():
    ctx = _ctx()
    assert ctx.is_cue(DOC[10])
    assert ctx.is_cue(DOC[17])
    assert not ctx.is_cue(DOC[14])
