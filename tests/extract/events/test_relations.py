"""Relations between entities (``events.relations``) on hand-built parses and entity records."""

from __future__ import annotations

from spacy.tokens import Doc

from _docs import parse
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.relations import relations
from newsgraph.record import Entity, Mention, TimeExpression


def entity(doc: Doc, eid: str, label: str, *spans: tuple[int, int], kinds: tuple[str, ...] = ()) -> Entity:
    """An entity record whose mentions are the token spans ``spans`` of ``doc``."""
    mentions = [
        Mention(start=doc[s:e].start_char, end=doc[s:e].end_char, text=doc[s:e].text, kind=k)
        for (s, e), k in zip(spans, kinds or ("name",) * len(spans), strict=True)
    ]
    return Entity(id=eid, name=mentions[0].text, type=label, mentions=mentions)


def found(doc: Doc, entities: list[Entity], times: list[TimeExpression] | None = None) -> list[tuple]:
    ctx = DocContext.build(doc, entities, times or [], [], [])
    return [(r.a, r.b, r.polarity) for r in relations(ctx)]


def two_people(doc: Doc, lee: int, kim: int, kim_type: str = "PERSON") -> list[Entity]:
    return [entity(doc, "e1", "PERSON", (lee, lee + 1)), entity(doc, "e2", kim_type, (kim, kim + 1))]


GREW_TENSE = """
0 Lee 2 poss PROPN NNP Lee
1 's 0 case PART POS 's
2 relationship 5 nsubj NOUN NN relationship
3 with 2 prep ADP IN with
4 Kim 3 pobj PROPN NNP Kim
5 grew 5 ROOT VERB VBD grow
6 tense 5 acomp ADJ JJ tense
7 . 5 punct PUNCT . .
"""


def test_possessor_and_with_phrase_are_the_parties_and_the_predicate_gives_polarity():
    doc = parse(GREW_TENSE)
    assert found(doc, two_people(doc, 0, 4)) == [("e1", "e2", "negative")]


def test_evidence_is_the_clause_core_without_a_fronted_adverbial():
    doc = parse("""
0 After 9 prep ADP IN after
1 the 2 det DET DT the
2 vote 0 pobj NOUN NN vote
3 , 9 punct PUNCT , ,
4 Lee 6 poss PROPN NNP Lee
5 's 4 case PART POS 's
6 relationship 9 nsubj NOUN NN relationship
7 with 6 prep ADP IN with
8 Kim 7 pobj PROPN NNP Kim
9 grew 9 ROOT VERB VBD grow
10 tense 9 acomp ADJ JJ tense
11 . 9 punct PUNCT . .
""")
    ctx = DocContext.build(doc, two_people(doc, 4, 8), [], [], [])
    (relation,) = relations(ctx)
    assert relation.text.text == "Lee's relationship with Kim grew tense"
    assert doc.text[relation.text.start : relation.text.end] == relation.text.text


def test_relationship_noun_with_one_entity_party_gives_no_relation():
    doc = parse(GREW_TENSE.replace("4 Kim 3 pobj PROPN NNP Kim", "4 voters 3 pobj NOUN NNS voter"))
    assert found(doc, [entity(doc, "e1", "PERSON", (0, 1))]) == []


def test_party_must_be_a_person_organisation_or_place():
    doc = parse(GREW_TENSE)
    assert found(doc, two_people(doc, 0, 4, kim_type="WORK_OF_ART")) == []


def test_two_mentions_of_one_entity_are_no_relation():
    doc = parse(GREW_TENSE)
    assert found(doc, [entity(doc, "e1", "PERSON", (0, 1), (4, 5))]) == []


def test_possessive_pronoun_party_is_its_antecedent():
    # "Lee said his relationship with Kim grew tense."
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee
1 said 1 ROOT VERB VBD say
2 his 3 poss PRON PRP$ his
3 relationship 6 nsubj NOUN NN relationship
4 with 3 prep ADP IN with
5 Kim 4 pobj PROPN NNP Kim
6 grew 1 ccomp VERB VBD grow
7 tense 6 acomp ADJ JJ tense
8 . 1 punct PUNCT . .
""")
    assert found(doc, two_people(doc, 0, 5)) == [("e1", "e2", "negative")]


HAD_A_BOND = """
0 Lee 3 nsubj PROPN NNP Lee
1 and 0 cc CCONJ CC and
2 Kim 0 conj PROPN NNP Kim
3 had 3 ROOT VERB VBD have
4 a 6 det DET DT a
5 {adj} 6 amod ADJ JJ {adj}
6 {noun} 3 dobj NOUN NN {noun}
7 . 3 punct PUNCT . .
"""


def test_coordinated_subject_of_a_holding_verb_are_the_parties():
    doc = parse(HAD_A_BOND.format(adj="strong", noun="bond"))
    assert found(doc, two_people(doc, 0, 2)) == [("e1", "e2", "positive")]


def test_relationship_without_words_of_quality_is_neutral():
    doc = parse(HAD_A_BOND.format(adj="long", noun="relationship"))
    assert found(doc, two_people(doc, 0, 2)) == [("e1", "e2", "neutral")]


def test_negative_noun_gives_its_polarity():
    doc = parse(HAD_A_BOND.format(adj="long", noun="feud"))
    assert found(doc, two_people(doc, 0, 2)) == [("e1", "e2", "negative")]


def test_negation_flips_the_polarity():
    doc = parse("""
0 Lee 5 nsubj PROPN NNP Lee
1 and 0 cc CCONJ CC and
2 Kim 0 conj PROPN NNP Kim
3 do 5 aux AUX VBP do
4 not 5 neg PART RB not
5 have 5 ROOT VERB VB have
6 a 8 det DET DT a
7 good 8 amod ADJ JJ good
8 relationship 5 dobj NOUN NN relationship
9 . 5 punct PUNCT . .
""")
    assert found(doc, two_people(doc, 0, 2)) == [("e1", "e2", "negative")]


def test_between_phrase_gives_both_parties():
    doc = parse("""
0 The 1 det DET DT the
1 rift 6 nsubj NOUN NN rift
2 between 1 prep ADP IN between
3 Lee 2 pobj PROPN NNP Lee
4 and 3 cc CCONJ CC and
5 Kim 3 conj PROPN NNP Kim
6 deepened 6 ROOT VERB VBD deepen
7 . 6 punct PUNCT . .
""")
    assert found(doc, two_people(doc, 3, 5)) == [("e1", "e2", "negative")]


def test_relation_takes_the_date_of_its_clause():
    doc = parse("""
0 Lee 2 poss PROPN NNP Lee
1 's 0 case PART POS 's
2 relationship 5 nsubj NOUN NN relationship
3 with 2 prep ADP IN with
4 Kim 3 pobj PROPN NNP Kim
5 soured 5 ROOT VERB VBD sour
6 in 5 prep ADP IN in
7 May 6 pobj PROPN NNP May
8 . 5 punct PUNCT . .
""")
    may = doc[7:8]
    time = TimeExpression(id="t1", type="DATE", start=may.start_char, end=may.end_char, text="May", value="2021-05")
    ctx = DocContext.build(doc, two_people(doc, 0, 4), [time], [], [])
    (relation,) = relations(ctx)
    assert (relation.polarity, relation.date) == ("negative", "2021-05")
    undated = DocContext.build(doc, two_people(doc, 0, 4), [], [], [])
    assert relations(undated)[0].date is None


# -- roles -----------------------------------------------------------------------------------------


LONGTIME_ALLY = """
0 Lee 7 nsubj PROPN NNP Lee
1 , 0 punct PUNCT , ,
2 a 4 det DET DT a
3 longtime 4 amod ADJ JJ longtime
4 ally 0 appos NOUN NN ally
5 of 4 prep ADP IN of
6 Kim 5 pobj PROPN NNP Kim
7 won 7 ROOT VERB VBD win
8 . 7 punct PUNCT . .
"""


def test_appositive_role_towards_another_entity():
    doc = parse(LONGTIME_ALLY)
    assert found(doc, two_people(doc, 0, 6)) == [("e1", "e2", "positive")]


def test_appositive_role_evidence_names_the_role():
    doc = parse(LONGTIME_ALLY)
    (relation,) = relations(DocContext.build(doc, two_people(doc, 0, 6), [], [], []))
    assert relation.text.text == "Lee, a longtime ally of Kim"


IS_A_CRITIC = """
0 Lee 1 nsubj PROPN NNP Lee
1 is 1 ROOT AUX VBZ be
2 a 4 det DET DT a
3 fierce 4 amod ADJ JJ fierce
4 critic 1 attr NOUN NN critic
5 of 4 prep ADP IN of
6 Kim 5 pobj PROPN NNP Kim
7 . 1 punct PUNCT . .
"""


def test_predicated_role_gives_its_polarity():
    doc = parse(IS_A_CRITIC)
    assert found(doc, two_people(doc, 0, 6)) == [("e1", "e2", "negative")]
    (relation,) = relations(DocContext.build(doc, two_people(doc, 0, 6), [], [], []))
    assert relation.text.text == "Lee is a fierce critic of Kim"


def test_negated_role_is_neutral():
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee
1 is 1 ROOT AUX VBZ be
2 not 1 neg PART RB not
3 a 5 det DET DT a
4 fierce 5 amod ADJ JJ fierce
5 critic 1 attr NOUN NN critic
6 of 5 prep ADP IN of
7 Kim 6 pobj PROPN NNP Kim
8 . 1 punct PUNCT . .
""")
    assert found(doc, two_people(doc, 0, 7)) == [("e1", "e2", "neutral")]


def test_role_towards_nobody_named_gives_no_relation():
    doc = parse(IS_A_CRITIC.replace("6 Kim 5 pobj PROPN NNP Kim", "6 taxes 5 pobj NOUN NNS tax"))
    assert found(doc, [entity(doc, "e1", "PERSON", (0, 1))]) == []
