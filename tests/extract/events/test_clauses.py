"""Clause rules (``events.clauses``): which verbs are events, and their arguments, on hand-built parses."""

from __future__ import annotations

from _docs import tokens
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
0/The/1/det/DET/DT 1/army/2/nsubj/NOUN/NN 2/closed/2/ROOT/VERB/VBD/close 3/the/4/det/DET/DT
4/border/2/dobj/NOUN/NN 5/./2/punct
"""


def test_main_verb_is_an_event_with_its_subject_and_object():
    doc = tokens(ARMY_CLOSED)
    verb = doc[2]
    assert is_event_verb(verb)
    assert agent(verb).text == "army"
    assert direct_object(verb).text == "border"
    assert predicate(verb) == "close"
    assert not negated(verb)


def test_state_verb_is_no_event():
    doc = tokens("""
0/The/1/det/DET/DT 1/town/2/nsubj/NOUN/NN 2/has/2/ROOT/VERB/VBZ/have 3/two/4/nummod/NUM/CD
4/bridges/2/dobj/NOUN/NNS/bridge 5/./2/punct
""")
    assert not is_event_verb(doc[2])


SAID_TALKS_FAILED = """
0/Lee/1/nsubj/PROPN/NNP/B-PERSON 1/said/1/ROOT/VERB/VBD/say 2/the/3/det/DET/DT
3/talks/4/nsubj/NOUN/NNS/talk 4/failed/1/ccomp/VERB/VBD/fail 5/./1/punct
"""


def test_speech_verb_with_a_clause_is_an_attribution_and_its_clause_the_event():
    doc = tokens(SAID_TALKS_FAILED)
    assert is_event_verb(doc[1])  # a named speaker: the speech act is listed as well (round 11)
    assert is_event_verb(doc[4])
    assert agent(doc[4]).text == "talks"
    assert clause_ancestors(doc[4]) == [doc[1]]


def test_infinitive_that_completes_the_predicate_is_not_an_event_of_its_own():
    doc = tokens("""
0/Lee/1/nsubj/PROPN/NNP/B-PERSON 1/offered/1/ROOT/VERB/VBD/offer 2/to/3/aux/PART/TO
3/resign/1/xcomp/VERB/VB 4/./1/punct
""")
    assert not is_event_verb(doc[3])
    assert merged_xcomp(doc[1]).i == 3
    assert agent(doc[3]).text == "Lee"  # control: the infinitive's doer is the governing subject


DIRECTED_TO_PURSUE = """
0/Lee/1/nsubj/PROPN/NNP/B-PERSON 1/directed/1/ROOT/VERB/VBD/direct 2/his/3/poss/PRON/PRP$
3/prosecutors/1/dobj/NOUN/NNS/prosecutor 4/to/5/aux/PART/TO 5/pursue/1/xcomp/VERB/VB
6/the/7/det/DET/DT 7/case/5/dobj/NOUN/NN 8/./1/punct
"""


def test_object_controlled_infinitive_is_an_event_done_by_the_object():
    doc = tokens(DIRECTED_TO_PURSUE)
    assert is_event_verb(doc[5])
    assert merged_xcomp(doc[1]) is None
    assert agent(doc[5]).text == "prosecutors"


def test_going_to_is_a_future_marker_and_its_infinitive_the_event():
    doc = tokens("""
0/Lee/2/nsubj/PROPN/NNP/B-PERSON 1/is/2/aux/AUX/VBZ/be 2/going/2/ROOT/VERB/VBG/go 3/to/4/aux/PART/TO
4/win/2/xcomp/VERB/VB 5/./2/punct
""")
    assert not is_event_verb(doc[2])
    assert is_event_verb(doc[4])
    assert merged_xcomp(doc[2]) is None


def test_going_somewhere_is_an_event():
    doc = tokens("""
0/Lee/2/nsubj/PROPN/NNP/B-PERSON 1/is/2/aux/AUX/VBZ/be 2/going/2/ROOT/VERB/VBG/go
3/home/2/advmod/ADV/RB 4/./2/punct
""")
    assert is_event_verb(doc[2])


def test_readiness_is_an_intention_event():
    doc = tokens("""
0/Lee/1/nsubj/PROPN/NNP/B-PERSON 1/is/1/ROOT/AUX/VBZ/be 2/ready/1/acomp/ADJ/JJ 3/to/4/aux/PART/TO
4/help/2/xcomp/VERB/VB 5/./1/punct
""")
    assert is_event_verb(doc[1])
    assert merged_xcomp(doc[1]).i == 4
    assert predicate(doc[1]) == "be ready"


def test_participle_inside_a_possessed_noun_phrase_is_no_event():
    # "They changed the agency's lending policy."
    doc = tokens("""
0/They/1/nsubj/PRON/PRP 1/changed/1/ROOT/VERB/VBD/change 2/the/3/det/DET/DT 3/agency/4/poss/NOUN/NN
4/'s/3/case/PART/POS 5/lending/1/ccomp/VERB/VBG/lend 6/policy/5/dobj/NOUN/NN 7/./1/punct
""")
    assert not is_event_verb(doc[5])
    assert is_event_verb(doc[1])


def test_hortative_let_is_no_event():
    doc = tokens("""
0/Let/0/ROOT/VERB/VB 1/'s/2/nsubj/PRON/PRP/we 2/wait/0/ccomp/VERB/VB 3/./0/punct
""")
    assert not is_event_verb(doc[0])


def test_passive_agent_and_object():
    doc = tokens("""
0/The/1/det/DET/DT 1/border/3/nsubjpass/NOUN/NN 2/was/3/auxpass/AUX/VBD/be
3/closed/3/ROOT/VERB/VBN/close 4/by/3/agent/ADP/IN 5/the/6/det/DET/DT 6/army/4/pobj/NOUN/NN
7/./3/punct
""")
    assert agent(doc[3]).text == "army"
    assert direct_object(doc[3]).text == "border"


def test_passive_without_agent_has_no_doer():
    doc = tokens("""
0/The/1/det/DET/DT 1/border/3/nsubjpass/NOUN/NN 2/was/3/auxpass/AUX/VBD/be
3/closed/3/ROOT/VERB/VBN/close 4/./3/punct
""")
    assert agent(doc[3]) is None


def test_coordinated_verb_shares_the_subject():
    doc = tokens("""
0/Troops/1/nsubj/NOUN/NNS/troop 1/crossed/1/ROOT/VERB/VBD/cross 2/the/3/det/DET/DT
3/river/1/dobj/NOUN/NN 4/and/1/cc/CCONJ/CC 5/seized/1/conj/VERB/VBD/seize 6/a/7/det/DET/DT
7/town/5/dobj/NOUN/NN 8/./1/punct
""")
    assert agent(doc[5]).text == "Troops"
    assert direct_object(doc[5]).text == "town"


def test_relative_pronoun_stands_for_the_noun_it_describes():
    doc = tokens("""
0/Farmers/4/nsubj/NOUN/NNS/farmer 1/who/2/nsubj/PRON/WP 2/lost/0/relcl/VERB/VBD/lose
3/land/2/dobj/NOUN/NN 4/protested/4/ROOT/VERB/VBD/protest 5/./4/punct
""")
    assert agent(doc[2]).text == "Farmers"


def test_event_noun_subject_gives_its_possessor_as_doer():
    # "Lee's decision angered voters": the doer is Lee, not the decision.
    doc = tokens("""
0/Lee/2/poss/PROPN/NNP/B-PERSON 1/'s/0/case/PART/POS 2/decision/3/nsubj/NOUN/NN
3/angered/3/ROOT/VERB/VBD/anger 4/voters/3/dobj/NOUN/NNS/voter 5/./3/punct
""")
    assert agent(doc[3]).text == "Lee"


def test_other_noun_subject_is_its_own_doer():
    doc = tokens("""
0/Lee/2/poss/PROPN/NNP/B-PERSON 1/'s/0/case/PART/POS 2/dog/3/nsubj/NOUN/NN
3/bit/3/ROOT/VERB/VBD/bite 4/voters/3/dobj/NOUN/NNS/voter 5/./3/punct
""")
    assert agent(doc[3]).text == "dog"


def test_reflexive_is_not_the_object():
    doc = tokens("""
0/Lee/1/nsubj/PROPN/NNP/B-PERSON 1/recused/1/ROOT/VERB/VBD/recuse 2/himself/1/dobj/PRON/PRP
3/./1/punct
""")
    assert direct_object(doc[1]) is None


def test_negation_and_particle():
    doc = tokens("""
0/They/3/nsubj/PRON/PRP 1/did/3/aux/AUX/VBD/do 2/not/3/neg/PART/RB 3/set/3/ROOT/VERB/VB
4/up/3/prt/ADP/RP 5/camps/3/dobj/NOUN/NNS/camp 6/./3/punct
""")
    assert negated(doc[3])
    assert predicate(doc[3]) == "set up"


def test_never_negates():
    doc = tokens("""
0/They/2/nsubj/PRON/PRP 1/never/2/advmod/ADV/RB 2/paid/2/ROOT/VERB/VBD/pay 3/./2/punct
""")
    assert negated(doc[2])


def test_light_verb_takes_its_adjective_complement():
    doc = tokens("""
0/Lee/1/nsubj/PROPN/NNP/B-PERSON 1/made/1/ROOT/VERB/VBD/make 2/clear/1/acomp/ADJ/JJ 3/./1/punct
""")
    assert predicate(doc[1]) == "make clear"


def test_coordinated_nouns_are_conjuncts():
    doc = tokens("""
0/France/3/nsubj/PROPN/NNP/B-GPE 1/and/0/cc/CCONJ/CC 2/Germany/0/conj/PROPN/NNP/B-GPE
3/agreed/3/ROOT/VERB/VBD/agree 4/./3/punct
""")
    assert [t.text for t in conjuncts(doc[0])] == ["France", "Germany"]
    assert [t.text for t in conjuncts(doc[3])] == ["agreed"]


def test_pronoun_subject_takes_up_the_reporting_frames_subject():
    doc = tokens("""
0/Hungary/2/nsubj/PROPN/NNP/B-GPE 1/has/2/aux/AUX/VBZ/have 2/said/2/ROOT/VERB/VBN/say
3/it/5/nsubj/PRON/PRP 4/will/5/aux/AUX/MD 5/veto/2/ccomp/VERB/VB 6/the/7/det/DET/DT
7/plan/5/dobj/NOUN/NN 8/./2/punct
""")
    assert pronoun_antecedent(doc[3], doc[5]).text == "Hungary"


def test_pronoun_subject_without_a_noun_subject_above_has_no_antecedent():
    # "She said it will veto the plan": the frame's subject is itself a pronoun.
    doc = tokens("""
0/She/1/nsubj/PRON/PRP 1/said/1/ROOT/VERB/VBD/say 2/it/4/nsubj/PRON/PRP 3/will/4/aux/AUX/MD
4/veto/1/ccomp/VERB/VB 5/the/6/det/DET/DT 6/plan/4/dobj/NOUN/NN 7/./1/punct
""")
    assert pronoun_antecedent(doc[2], doc[4]) is None


# -- who does an adjunct, a purpose clause, a coordinated relative clause (QA-SRL dev half) --------------


def test_participle_after_a_passive_clause_is_done_by_its_subject_not_its_agent():
    # "The crew was praised by fans, winning a prize": the crew wins.
    doc = tokens("""
0/The/1/det/DET/DT 1/crew/3/nsubjpass/NOUN/NN 2/was/3/auxpass/AUX/VBD/be
3/praised/3/ROOT/VERB/VBN/praise 4/by/3/agent/ADP/IN 5/fans/4/pobj/NOUN/NNS/fan 6/,/3/punct
7/winning/3/advcl/VERB/VBG/win 8/a/9/det/DET/DT 9/prize/7/dobj/NOUN/NN 10/./3/punct
""")
    assert agent(doc[3]).text == "fans"
    assert agent(doc[7]).text == "crew"


def test_gerund_after_a_preposition_of_a_passive_clause_is_done_by_its_subject():
    # "The firm was fined for polluting the river."
    doc = tokens("""
0/The/1/det/DET/DT 1/firm/3/nsubjpass/NOUN/NN 2/was/3/auxpass/AUX/VBD/be 3/fined/3/ROOT/VERB/VBN/fin
4/for/3/prep/ADP/IN 5/polluting/4/pcomp/VERB/VBG/pollute 6/the/7/det/DET/DT 7/river/5/dobj/NOUN/NN
8/./3/punct
""")
    assert agent(doc[5]).text == "firm"
    assert predicate(doc[3]) == "fine"  # "fined" is not a form of "fin"


def test_purpose_infinitive_and_participle_after_while_take_the_main_subject():
    # "The club rallied to beat Leeds while losing a player."
    doc = tokens("""
0/The/1/det/DET/DT 1/club/2/nsubj/NOUN/NN 2/rallied/2/ROOT/VERB/VBD/rally 3/to/4/aux/PART/TO
4/beat/2/advcl/VERB/VB 5/Leeds/4/dobj/PROPN/NNP 6/while/7/mark/SCONJ/IN
7/losing/4/advcl/VERB/VBG/lose 8/a/9/det/DET/DT 9/player/7/dobj/NOUN/NN 10/./2/punct
""")
    assert agent(doc[4]).text == "club"
    assert agent(doc[7]).text == "club"


def test_finite_clause_after_because_keeps_no_inherited_subject():
    # "He left because cheering started": a clause with its own subject is not controlled.
    doc = tokens("""
0/He/1/nsubj/PRON/PRP 1/left/1/ROOT/VERB/VBD/leave 2/because/4/mark/SCONJ/IN
3/cheering/4/nsubj/NOUN/NN 4/started/1/advcl/VERB/VBD/start 5/./1/punct
""")
    assert agent(doc[4]).text == "cheering"


def test_relative_pronoun_of_a_coordinated_relative_clause_stands_for_the_noun():
    # "a nurse who trained here and who left in May"
    doc = tokens("""
0/a/1/det/DET/DT 1/nurse/1/ROOT/NOUN/NN 2/who/3/nsubj/PRON/WP 3/trained/1/relcl/VERB/VBD/train
4/here/3/advmod/ADV/RB 5/and/3/cc/CCONJ/CC 6/who/7/nsubj/PRON/WP 7/left/3/conj/VERB/VBD/leave
8/in/7/prep/ADP/IN 9/May/8/pobj/PROPN/NNP
""")
    assert agent(doc[7]).text == "nurse"


def test_it_never_takes_up_a_person_and_they_never_one_person_alone():
    # "Ann Cole said it lacked support" / "Ann Cole said they lacked support"
    spec = """
0/Ann/1/compound/PROPN/NNP/B-PERSON 1/Cole/2/nsubj/PROPN/NNP/I-PERSON 2/said/2/ROOT/VERB/VBD/say
3/{p}/4/nsubj/PRON/PRP 4/lacked/2/ccomp/VERB/VBD/lack 5/support/4/dobj/NOUN/NN 6/./2/punct
"""
    for word in ("it", "they"):
        doc = tokens(spec.format(p=word))
        assert pronoun_antecedent(doc[3], doc[4]) is None
    doc = tokens(spec.format(p="she"))
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
    doc = tokens("""
0/The/1/det/DET/DT 1/minister/2/nsubj/NOUN/NN 2/praised/2/ROOT/VERB/VBD/praise 3/the/4/det/DET/DT
4/nurses/2/dobj/NOUN/NNS/nurse 5/for/2/prep/ADP/IN 6/working/5/pcomp/VERB/VBG/work
7/overtime/6/dobj/NOUN/NN 8/./2/punct
""")
    assert agent(doc[6]).text == "nurses"


def test_participle_on_the_noun_after_there_is_is_done_by_that_noun():
    # "There are two dams filling the valley."
    doc = tokens("""
0/There/1/expl/PRON/EX 1/are/1/ROOT/VERB/VBP/be 2/two/3/nummod/NUM/CD 3/dams/1/attr/NOUN/NNS/dam
4/filling/3/acl/VERB/VBG/fill 5/the/6/det/DET/DT 6/valley/4/dobj/NOUN/NN 7/./1/punct
""")
    assert agent(doc[4]).text == "dams"


def test_it_does_not_take_up_a_title_noun_with_a_name_on_it():
    # "justice minister Ann Cole said it would help"
    doc = tokens("""
0/justice/1/compound/NOUN/NN 1/minister/4/nsubj/NOUN/NN 2/Ann/3/compound/PROPN/NNP/B-PERSON
3/Cole/1/appos/PROPN/NNP/I-PERSON 4/said/4/ROOT/VERB/VBD/say 5/it/7/nsubj/PRON/PRP
6/would/7/aux/AUX/MD 7/help/4/ccomp/VERB/VB
""")
    assert pronoun_antecedent(doc[5], doc[7]) is None


def test_kept_children_are_the_parse_children_of_each_document():
    first = tokens("""
0/Police/1/nsubj/NOUN/NNS 1/arrested/1/ROOT/VERB/VBD/arrest 2/two/3/nummod/NUM/CD
3/men/1/dobj/NOUN/NNS/man 4/./1/punct
""")
    second = tokens("""
0/Rain/1/nsubj/NOUN/NN 1/fell/1/ROOT/VERB/VBD/fall 2/./1/punct
""")
    assert [c.i for c in kids(first[1])] == [c.i for c in first[1].children] == [0, 3, 4]
    assert [c.text for c in kids(second[1])] == ["Rain", "."]  # another document: not the first one's lists
    forget_children()
    assert [c.text for c in kids(first[3])] == ["two"]
