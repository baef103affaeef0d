"""Clause rules (``events.clauses``): which verbs are events, and their arguments, on hand-built parses."""

from __future__ import annotations

from _docs import parse
from newsgraph.extract.events.clauses import (
    agent,
    clause_ancestors,
    conjuncts,
    direct_object,
    forget_children,
    is_event_verb,
    kids,
    merged_xcomp,
    negated,
    predicate,
    pronoun_antecedent,
)

ARMY_CLOSED = """
0 The 1 det DET DT the
1 army 2 nsubj NOUN NN army
2 closed 2 ROOT VERB VBD close
3 the 4 det DET DT the
4 border 2 dobj NOUN NN border
5 . 2 punct PUNCT . .
"""


def test_main_verb_is_an_event_with_its_subject_and_object():
    doc = parse(ARMY_CLOSED)
    verb = doc[2]
    assert is_event_verb(verb)
    assert agent(verb).text == "army"
    assert direct_object(verb).text == "border"
    assert predicate(verb) == "close"
    assert not negated(verb)


def test_state_verb_is_no_event():
    doc = parse("""
0 The 1 det DET DT the
1 town 2 nsubj NOUN NN town
2 has 2 ROOT VERB VBZ have
3 two 4 nummod NUM CD two
4 bridges 2 dobj NOUN NNS bridge
5 . 2 punct PUNCT . .
""")
    assert not is_event_verb(doc[2])


SAID_TALKS_FAILED = """
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 said 1 ROOT VERB VBD say
2 the 3 det DET DT the
3 talks 4 nsubj NOUN NNS talk
4 failed 1 ccomp VERB VBD fail
5 . 1 punct PUNCT . .
"""


def test_speech_verb_with_a_clause_is_an_attribution_and_its_clause_the_event():
    doc = parse(SAID_TALKS_FAILED)
    assert not is_event_verb(doc[1])
    assert is_event_verb(doc[4])
    assert agent(doc[4]).text == "talks"
    assert clause_ancestors(doc[4]) == [doc[1]]


def test_infinitive_that_completes_the_predicate_is_not_an_event_of_its_own():
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 offered 1 ROOT VERB VBD offer
2 to 3 aux PART TO to
3 resign 1 xcomp VERB VB resign
4 . 1 punct PUNCT . .
""")
    assert not is_event_verb(doc[3])
    assert merged_xcomp(doc[1]).i == 3
    assert agent(doc[3]).text == "Lee"  # control: the infinitive's doer is the governing subject


DIRECTED_TO_PURSUE = """
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 directed 1 ROOT VERB VBD direct
2 his 3 poss PRON PRP$ his
3 prosecutors 1 dobj NOUN NNS prosecutor
4 to 5 aux PART TO to
5 pursue 1 xcomp VERB VB pursue
6 the 7 det DET DT the
7 case 5 dobj NOUN NN case
8 . 1 punct PUNCT . .
"""


def test_object_controlled_infinitive_is_an_event_done_by_the_object():
    doc = parse(DIRECTED_TO_PURSUE)
    assert is_event_verb(doc[5])
    assert merged_xcomp(doc[1]) is None
    assert agent(doc[5]).text == "prosecutors"


def test_going_to_is_a_future_marker_and_its_infinitive_the_event():
    doc = parse("""
0 Lee 2 nsubj PROPN NNP Lee B-PERSON
1 is 2 aux AUX VBZ be
2 going 2 ROOT VERB VBG go
3 to 4 aux PART TO to
4 win 2 xcomp VERB VB win
5 . 2 punct PUNCT . .
""")
    assert not is_event_verb(doc[2])
    assert is_event_verb(doc[4])
    assert merged_xcomp(doc[2]) is None


def test_going_somewhere_is_an_event():
    doc = parse("""
0 Lee 2 nsubj PROPN NNP Lee B-PERSON
1 is 2 aux AUX VBZ be
2 going 2 ROOT VERB VBG go
3 home 2 advmod ADV RB home
4 . 2 punct PUNCT . .
""")
    assert is_event_verb(doc[2])


def test_readiness_is_an_intention_event():
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 is 1 ROOT AUX VBZ be
2 ready 1 acomp ADJ JJ ready
3 to 4 aux PART TO to
4 help 2 xcomp VERB VB help
5 . 1 punct PUNCT . .
""")
    assert is_event_verb(doc[1])
    assert merged_xcomp(doc[1]).i == 4
    assert predicate(doc[1]) == "be ready"


def test_participle_inside_a_possessed_noun_phrase_is_no_event():
    # "They changed the agency's lending policy."
    doc = parse("""
0 They 1 nsubj PRON PRP they
1 changed 1 ROOT VERB VBD change
2 the 3 det DET DT the
3 agency 4 poss NOUN NN agency
4 's 3 case PART POS 's
5 lending 1 ccomp VERB VBG lend
6 policy 5 dobj NOUN NN policy
7 . 1 punct PUNCT . .
""")
    assert not is_event_verb(doc[5])
    assert is_event_verb(doc[1])


def test_hortative_let_is_no_event():
    doc = parse("""
0 Let 0 ROOT VERB VB let
1 's 2 nsubj PRON PRP we
2 wait 0 ccomp VERB VB wait
3 . 0 punct PUNCT . .
""")
    assert not is_event_verb(doc[0])


def test_passive_agent_and_object():
    doc = parse("""
0 The 1 det DET DT the
1 border 3 nsubjpass NOUN NN border
2 was 3 auxpass AUX VBD be
3 closed 3 ROOT VERB VBN close
4 by 3 agent ADP IN by
5 the 6 det DET DT the
6 army 4 pobj NOUN NN army
7 . 3 punct PUNCT . .
""")
    assert agent(doc[3]).text == "army"
    assert direct_object(doc[3]).text == "border"


def test_passive_without_agent_has_no_doer():
    doc = parse("""
0 The 1 det DET DT the
1 border 3 nsubjpass NOUN NN border
2 was 3 auxpass AUX VBD be
3 closed 3 ROOT VERB VBN close
4 . 3 punct PUNCT . .
""")
    assert agent(doc[3]) is None


def test_coordinated_verb_shares_the_subject():
    doc = parse("""
0 Troops 1 nsubj NOUN NNS troop
1 crossed 1 ROOT VERB VBD cross
2 the 3 det DET DT the
3 river 1 dobj NOUN NN river
4 and 1 cc CCONJ CC and
5 seized 1 conj VERB VBD seize
6 a 7 det DET DT a
7 town 5 dobj NOUN NN town
8 . 1 punct PUNCT . .
""")
    assert agent(doc[5]).text == "Troops"
    assert direct_object(doc[5]).text == "town"


def test_relative_pronoun_stands_for_the_noun_it_describes():
    doc = parse("""
0 Farmers 4 nsubj NOUN NNS farmer
1 who 2 nsubj PRON WP who
2 lost 0 relcl VERB VBD lose
3 land 2 dobj NOUN NN land
4 protested 4 ROOT VERB VBD protest
5 . 4 punct PUNCT . .
""")
    assert agent(doc[2]).text == "Farmers"


def test_event_noun_subject_gives_its_possessor_as_doer():
    # "Lee's decision angered voters": the doer is Lee, not the decision.
    doc = parse("""
0 Lee 2 poss PROPN NNP Lee B-PERSON
1 's 0 case PART POS 's
2 decision 3 nsubj NOUN NN decision
3 angered 3 ROOT VERB VBD anger
4 voters 3 dobj NOUN NNS voter
5 . 3 punct PUNCT . .
""")
    assert agent(doc[3]).text == "Lee"


def test_other_noun_subject_is_its_own_doer():
    doc = parse("""
0 Lee 2 poss PROPN NNP Lee B-PERSON
1 's 0 case PART POS 's
2 dog 3 nsubj NOUN NN dog
3 bit 3 ROOT VERB VBD bite
4 voters 3 dobj NOUN NNS voter
5 . 3 punct PUNCT . .
""")
    assert agent(doc[3]).text == "dog"


def test_reflexive_is_not_the_object():
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 recused 1 ROOT VERB VBD recuse
2 himself 1 dobj PRON PRP himself
3 . 1 punct PUNCT . .
""")
    assert direct_object(doc[1]) is None


def test_negation_and_particle():
    doc = parse("""
0 They 3 nsubj PRON PRP they
1 did 3 aux AUX VBD do
2 not 3 neg PART RB not
3 set 3 ROOT VERB VB set
4 up 3 prt ADP RP up
5 camps 3 dobj NOUN NNS camp
6 . 3 punct PUNCT . .
""")
    assert negated(doc[3])
    assert predicate(doc[3]) == "set up"


def test_never_negates():
    doc = parse("""
0 They 2 nsubj PRON PRP they
1 never 2 advmod ADV RB never
2 paid 2 ROOT VERB VBD pay
3 . 2 punct PUNCT . .
""")
    assert negated(doc[2])


def test_light_verb_takes_its_adjective_complement():
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 made 1 ROOT VERB VBD make
2 clear 1 acomp ADJ JJ clear
3 . 1 punct PUNCT . .
""")
    assert predicate(doc[1]) == "make clear"


def test_coordinated_nouns_are_conjuncts():
    doc = parse("""
0 France 3 nsubj PROPN NNP France B-GPE
1 and 0 cc CCONJ CC and
2 Germany 0 conj PROPN NNP Germany B-GPE
3 agreed 3 ROOT VERB VBD agree
4 . 3 punct PUNCT . .
""")
    assert [t.text for t in conjuncts(doc[0])] == ["France", "Germany"]
    assert [t.text for t in conjuncts(doc[3])] == ["agreed"]


def test_pronoun_subject_takes_up_the_reporting_frames_subject():
    doc = parse("""
0 Hungary 2 nsubj PROPN NNP Hungary B-GPE
1 has 2 aux AUX VBZ have
2 said 2 ROOT VERB VBN say
3 it 5 nsubj PRON PRP it
4 will 5 aux AUX MD will
5 veto 2 ccomp VERB VB veto
6 the 7 det DET DT the
7 plan 5 dobj NOUN NN plan
8 . 2 punct PUNCT . .
""")
    assert pronoun_antecedent(doc[3], doc[5]).text == "Hungary"


def test_pronoun_subject_without_a_noun_subject_above_has_no_antecedent():
    # "She said it will veto the plan": the frame's subject is itself a pronoun.
    doc = parse("""
0 She 1 nsubj PRON PRP she
1 said 1 ROOT VERB VBD say
2 it 4 nsubj PRON PRP it
3 will 4 aux AUX MD will
4 veto 1 ccomp VERB VB veto
5 the 6 det DET DT the
6 plan 4 dobj NOUN NN plan
7 . 1 punct PUNCT . .
""")
    assert pronoun_antecedent(doc[2], doc[4]) is None


# -- who does an adjunct, a purpose clause, a coordinated relative clause (QA-SRL dev half) --------------


def test_participle_after_a_passive_clause_is_done_by_its_subject_not_its_agent():
    # "The crew was praised by fans, winning a prize": the crew wins.
    doc = parse("""
0 The 1 det DET DT the
1 crew 3 nsubjpass NOUN NN crew
2 was 3 auxpass AUX VBD be
3 praised 3 ROOT VERB VBN praise
4 by 3 agent ADP IN by
5 fans 4 pobj NOUN NNS fan
6 , 3 punct PUNCT , ,
7 winning 3 advcl VERB VBG win
8 a 9 det DET DT a
9 prize 7 dobj NOUN NN prize
10 . 3 punct PUNCT . .
""")
    assert agent(doc[3]).text == "fans"
    assert agent(doc[7]).text == "crew"


def test_gerund_after_a_preposition_of_a_passive_clause_is_done_by_its_subject():
    # "The firm was fined for polluting the river."
    doc = parse("""
0 The 1 det DET DT the
1 firm 3 nsubjpass NOUN NN firm
2 was 3 auxpass AUX VBD be
3 fined 3 ROOT VERB VBN fin
4 for 3 prep ADP IN for
5 polluting 4 pcomp VERB VBG pollute
6 the 7 det DET DT the
7 river 5 dobj NOUN NN river
8 . 3 punct PUNCT . .
""")
    assert agent(doc[5]).text == "firm"
    assert predicate(doc[3]) == "fine"  # "fined" is not a form of "fin"


def test_purpose_infinitive_and_participle_after_while_take_the_main_subject():
    # "The club rallied to beat Leeds while losing a player."
    doc = parse("""
0 The 1 det DET DT the
1 club 2 nsubj NOUN NN club
2 rallied 2 ROOT VERB VBD rally
3 to 4 aux PART TO to
4 beat 2 advcl VERB VB beat
5 Leeds 4 dobj PROPN NNP Leeds
6 while 7 mark SCONJ IN while
7 losing 4 advcl VERB VBG lose
8 a 9 det DET DT a
9 player 7 dobj NOUN NN player
10 . 2 punct PUNCT . .
""")
    assert agent(doc[4]).text == "club"
    assert agent(doc[7]).text == "club"


def test_finite_clause_after_because_keeps_no_inherited_subject():
    # "He left because cheering started": a clause with its own subject is not controlled.
    doc = parse("""
0 He 1 nsubj PRON PRP he
1 left 1 ROOT VERB VBD leave
2 because 4 mark SCONJ IN because
3 cheering 4 nsubj NOUN NN cheering
4 started 1 advcl VERB VBD start
5 . 1 punct PUNCT . .
""")
    assert agent(doc[4]).text == "cheering"


def test_relative_pronoun_of_a_coordinated_relative_clause_stands_for_the_noun():
    # "a nurse who trained here and who left in May"
    doc = parse("""
0 a 1 det DET DT a
1 nurse 1 ROOT NOUN NN nurse
2 who 3 nsubj PRON WP who
3 trained 1 relcl VERB VBD train
4 here 3 advmod ADV RB here
5 and 3 cc CCONJ CC and
6 who 7 nsubj PRON WP who
7 left 3 conj VERB VBD leave
8 in 7 prep ADP IN in
9 May 8 pobj PROPN NNP May
""")
    assert agent(doc[7]).text == "nurse"


def test_it_never_takes_up_a_person_and_they_never_one_person_alone():
    # "Ann Cole said it lacked support" / "Ann Cole said they lacked support"
    spec = """
0 Ann 1 compound PROPN NNP Ann B-PERSON
1 Cole 2 nsubj PROPN NNP Cole I-PERSON
2 said 2 ROOT VERB VBD say
3 {p} 4 nsubj PRON PRP {p}
4 lacked 2 ccomp VERB VBD lack
5 support 4 dobj NOUN NN support
6 . 2 punct PUNCT . .
"""
    for word in ("it", "they"):
        doc = parse(spec.format(p=word))
        assert pronoun_antecedent(doc[3], doc[4]) is None
    doc = parse(spec.format(p="she"))
    assert pronoun_antecedent(doc[3], doc[4]).text == "Cole"


def test_silent_e_is_put_back_on_one_syllable_stems_only():
    from newsgraph.extract.events.clauses import silent_e

    assert silent_e("hoped", "hop") == "hope"
    assert silent_e("staring", "star") == "stare"
    assert silent_e("hopped", "hop") == "hop"
    assert silent_e("visited", "visit") == "visit"
    assert silent_e("played", "play") == "play"
    assert silent_e("rained", "rain") == "rain"


def test_object_of_a_judging_verb_does_the_gerund_after_for():
    # "The minister praised the nurses for working overtime."
    doc = parse("""
0 The 1 det DET DT the
1 minister 2 nsubj NOUN NN minister
2 praised 2 ROOT VERB VBD praise
3 the 4 det DET DT the
4 nurses 2 dobj NOUN NNS nurse
5 for 2 prep ADP IN for
6 working 5 pcomp VERB VBG work
7 overtime 6 dobj NOUN NN overtime
8 . 2 punct PUNCT . .
""")
    assert agent(doc[6]).text == "nurses"


def test_participle_on_the_noun_after_there_is_is_done_by_that_noun():
    # "There are two dams filling the valley."
    doc = parse("""
0 There 1 expl PRON EX there
1 are 1 ROOT VERB VBP be
2 two 3 nummod NUM CD two
3 dams 1 attr NOUN NNS dam
4 filling 3 acl VERB VBG fill
5 the 6 det DET DT the
6 valley 4 dobj NOUN NN valley
7 . 1 punct PUNCT . .
""")
    assert agent(doc[4]).text == "dams"


def test_it_does_not_take_up_a_title_noun_with_a_name_on_it():
    # "justice minister Ann Cole said it would help"
    doc = parse("""
0 justice 1 compound NOUN NN justice
1 minister 4 nsubj NOUN NN minister
2 Ann 3 compound PROPN NNP Ann B-PERSON
3 Cole 1 appos PROPN NNP Cole I-PERSON
4 said 4 ROOT VERB VBD say
5 it 7 nsubj PRON PRP it
6 would 7 aux AUX MD would
7 help 4 ccomp VERB VB help
""")
    assert pronoun_antecedent(doc[5], doc[7]) is None


def test_kept_children_are_the_parse_children_of_each_document():
    first = parse("""
0 Police 1 nsubj NOUN NNS police
1 arrested 1 ROOT VERB VBD arrest
2 two 3 nummod NUM CD two
3 men 1 dobj NOUN NNS man
4 . 1 punct PUNCT . .
""")
    second = parse("""
0 Rain 1 nsubj NOUN NN rain
1 fell 1 ROOT VERB VBD fall
2 . 1 punct PUNCT . .
""")
    assert [c.i for c in kids(first[1])] == [c.i for c in first[1].children] == [0, 3, 4]
    assert [c.text for c in kids(second[1])] == ["Rain", "."]  # another document: not the first one's lists
    forget_children()
    assert [c.text for c in kids(first[3])] == ["two"]
