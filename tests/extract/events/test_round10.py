"""A past "have to" and a present "be to" hand their clause to the infinitive; "hopes" is "hope";
a "when" clause without a time of its own takes the time of the clause it hangs on.

Hand-built parses of invented sentences; each rule has hits and misses.
"""

from __future__ import annotations

from _docs import tokens
from _events import date_of
from newsgraph.extract.events.clauses import agent, direct_object, is_event_verb, is_obliged, is_planned, verb_lemma
from newsgraph.extract.events.core import events
from newsgraph.extract.events.dates import UNDATED, Dating

# "The mayor had to resign after the vote."
HAD_TO = ("0/The/1/det/DET/DT 1/mayor/2/nsubj/NOUN/NN 2/had/2/ROOT/VERB/VBD/have 3/to/4/aux/PART/TO "
          "4/resign/2/xcomp/VERB/VB 5/after/4/prep/ADP/IN 6/the/7/det/DET/DT 7/vote/5/pobj/NOUN/NN 8/./2/punct")


def test_a_past_have_to_makes_the_infinitive_the_event():
    doc = tokens(HAD_TO)
    assert is_obliged(doc[2])
    assert is_event_verb(doc[4])
    assert agent(doc[4]).text == "mayor"
    evs, _ = events(doc, [], [], [], [])
    assert [e.predicate for e in evs] == ["resign"]


def test_a_present_have_to_stays_an_obligation():
    # "The mayor has to resign after the vote.": not yet a happening
    doc = tokens(HAD_TO.replace("2/had/2/ROOT/VERB/VBD/have", "2/has/2/ROOT/VERB/VBZ/have"))
    assert not is_obliged(doc[2])
    assert not is_event_verb(doc[4])


def test_a_have_with_an_object_is_no_obligation():
    # "The mayor had time to resign.": "to resign" describes the time
    doc = tokens("0/The/1/det/DET/DT 1/mayor/2/nsubj/NOUN/NN 2/had/2/ROOT/VERB/VBD/have 3/time/2/dobj/NOUN/NN "
                 "4/to/5/aux/PART/TO 5/resign/2/xcomp/VERB/VB 6/./2/punct")
    assert not is_obliged(doc[2])


# "The bank is to raise its dividend."
IS_TO = ("0/The/1/det/DET/DT 1/bank/2/nsubj/NOUN/NN 2/is/2/ROOT/AUX/VBZ/be 3/to/4/aux/PART/TO "
         "4/raise/2/xcomp/VERB/VB 5/its/6/poss/PRON/PRP$ 6/dividend/4/dobj/NOUN/NN 7/./2/punct")


def test_a_present_be_to_is_a_planned_act_in_the_future():
    doc = tokens(IS_TO)
    assert is_planned(doc[2])
    assert is_event_verb(doc[4])
    evs, _ = events(doc, [], [], [], [])
    assert [(e.predicate, e.actor_text, e.modality) for e in evs] == [("raise", "The bank", "future")]


def test_a_goal_noun_before_be_to_says_what_the_goal_is():
    # "The aim is to raise its dividend.": no one is named who will raise it
    doc = tokens(IS_TO.replace("1/bank/2/nsubj/NOUN/NN", "1/aim/2/nsubj/NOUN/NN"))
    assert not is_planned(doc[2])
    assert not is_event_verb(doc[4])


def test_an_act_noun_or_an_expletive_before_be_to_is_no_plan():
    # "The plan is to raise its dividend." / "It is to raise its dividend."
    assert not is_planned(tokens(IS_TO.replace("1/bank/2/nsubj/NOUN/NN", "1/plan/2/nsubj/NOUN/NN"))[2])
    doc = tokens("0/It/1/nsubj/PRON/PRP 1/is/1/ROOT/AUX/VBZ/be 2/to/3/aux/PART/TO 3/raise/1/xcomp/VERB/VB "
                 "4/its/5/poss/PRON/PRP$ 5/dividend/3/dobj/NOUN/NN 6/./1/punct")
    assert not is_planned(doc[1])


def test_a_past_be_to_is_left_alone():
    # "The bank was to raise its dividend.": a past plan, perhaps never carried out
    doc = tokens(IS_TO.replace("2/is/2/ROOT/AUX/VBZ/be", "2/was/2/ROOT/AUX/VBD/be"))
    assert not is_planned(doc[2])


def test_the_third_person_of_a_stem_in_silent_e_keeps_its_e():
    # "The firm hopes to win." / "The firm hops over it.": the lemmatizer gives "hop" for both
    hopes = tokens("0/The/1/det/DET/DT 1/firm/2/nsubj/NOUN/NN 2/hopes/2/ROOT/VERB/VBZ/hop 3/./2/punct")
    hops = tokens("0/The/1/det/DET/DT 1/firm/2/nsubj/NOUN/NN 2/hops/2/ROOT/VERB/VBZ/hop 3/./2/punct")
    visits = tokens("0/The/1/det/DET/DT 1/firm/2/nsubj/NOUN/NN 2/visits/2/ROOT/VERB/VBZ/visit 3/./2/punct")
    assert verb_lemma(hopes[2]) == "hope"
    assert verb_lemma(hops[2]) == "hop"
    assert verb_lemma(visits[2]) == "visit"


def _date(spec: str, verb: int, *times: tuple[str, str | None]) -> Dating:
    return date_of(tokens(spec), verb, *times)


# "The team played on Friday when it met Lyon."
WHEN = ("0/The/1/det/DET/DT 1/team/2/nsubj/NOUN/NN 2/played/2/ROOT/VERB/VBD/play 3/on/2/prep/ADP/IN "
        "4/Friday/3/pobj/PROPN/NNP/B-DATE 5/when/7/advmod/SCONJ/WRB 6/it/7/nsubj/PRON/PRP "
        "7/met/2/advcl/VERB/VBD/meet 8/Lyon/7/dobj/PROPN/NNP/B-GPE 9/./2/punct")


def test_a_when_clause_happens_at_the_time_of_its_head_clause():
    assert _date(WHEN, 7, ("Friday", "2014-03-07")) == Dating("t1", "2014-03-07", "context")


def test_a_when_clause_takes_the_head_time_without_a_date_when_it_has_none():
    assert _date(WHEN, 7, ("Friday", "XXXX-WXX-5")) == Dating("t1", None, None)


def test_a_when_clause_keeps_its_own_time():
    # "The team played on Friday when it met Lyon in May.": the clause's own time wins
    spec = WHEN.replace("9/./2/punct", "9/in/7/prep/ADP/IN 10/May/9/pobj/PROPN/NNP/B-DATE 11/./2/punct")
    assert _date(spec, 7, ("Friday", "2014-03-07"), ("May", "2014-05")) == Dating("t2", "2014-05", "clause")


def test_another_adverbial_clause_does_not_take_the_head_time():
    # "The team played on Friday because it met Lyon.": "because" says nothing of when (a Friday
    # without an anchor, so that no rule for the sentence's one calendar date steps in)
    spec = WHEN.replace("5/when/7/advmod/SCONJ/WRB", "5/because/7/mark/SCONJ/IN")
    assert _date(spec, 7, ("Friday", "XXXX-WXX-5")) == UNDATED


# "The party won at the election in 2010."
FRAME = ("0/The/1/det/DET/DT 1/party/2/nsubj/NOUN/NN 2/won/2/ROOT/VERB/VBD/win 3/at/2/prep/ADP/IN "
         "4/the/5/det/DET/DT 5/election/3/pobj/NOUN/NN 6/in/5/prep/ADP/IN 7/2010/6/pobj/NUM/CD/B-DATE 8/./2/punct")


def test_a_time_of_the_occasion_in_a_temporal_phrase_dates_the_clause():
    assert _date(FRAME, 2, ("2010", "2010")) == Dating("t1", "2010", "clause")


def test_a_time_of_a_noun_in_another_phrase_is_the_nouns():
    # "The party recovered from the crisis in 2010." (present "recovers", so that no sentence rule steps in)
    spec = FRAME.replace("2/won/2/ROOT/VERB/VBD/win", "2/recovers/2/ROOT/VERB/VBZ/recover").replace(
        "3/at/2/prep/ADP/IN", "3/from/2/prep/ADP/IN").replace("5/election/3/pobj/NOUN/NN", "5/crisis/3/pobj/NOUN/NN")
    assert _date(spec, 2, ("2010", "2010")) == UNDATED


# "The team arrived on Friday, bringing its fans."
BRINGING = ("0/The/1/det/DET/DT 1/team/2/nsubj/NOUN/NN 2/arrived/2/ROOT/VERB/VBD/arrive 3/on/2/prep/ADP/IN "
            "4/Friday/3/pobj/PROPN/NNP/B-DATE 5/,/2/punct 6/bringing/2/advcl/VERB/VBG/bring "
            "7/its/8/poss/PRON/PRP$ 8/fans/6/dobj/NOUN/NNS/fan 9/./2/punct")


def test_an_accompanying_participle_happens_when_its_clause_does():
    assert _date(BRINGING, 6, ("Friday", "XXXX-WXX-5")) == Dating("t1", None, None)


def test_a_participle_after_a_subordinator_does_not_take_the_clause_time():
    # "The team arrived on Friday, before bringing its fans.": "before" sets it at another time
    spec = BRINGING.replace("5/,/2/punct", "5/before/6/mark/SCONJ/IN")
    assert _date(spec, 6, ("Friday", "XXXX-WXX-5")) == UNDATED


def test_a_when_clause_does_not_take_the_start_of_a_state():
    # "The singer has been ill since May, when he was treated.": not treated "since May"
    doc_spec = ("0/The/1/det/DET/DT 1/singer/3/nsubj/NOUN/NN 2/has/3/aux/AUX/VBZ/have 3/been/3/ROOT/AUX/VBN/be "
                "4/ill/3/acomp/ADJ/JJ 5/since/3/prep/ADP/IN 6/May/5/pobj/PROPN/NNP/B-DATE 7/,/3/punct "
                "8/when/11/advmod/SCONJ/WRB 9/he/11/nsubjpass/PRON/PRP 10/was/11/auxpass/AUX/VBD/be "
                "11/treated/3/advcl/VERB/VBN/treat 12/./3/punct")
    assert _date(doc_spec, 11, ("May", "XXXX-05")) == UNDATED


# "It is unclear what rivals the club will face.": the parser makes "rivals" a second subject of "face"
FRONTED = ("0/It/1/nsubj/PRON/PRP 1/is/1/ROOT/AUX/VBZ/be 2/unclear/1/acomp/ADJ/JJ 3/what/8/dep/PRON/WP "
           "4/rivals/8/nsubj/NOUN/NNS/rival 5/the/6/det/DET/DT 6/club/8/nsubj/NOUN/NN 7/will/8/aux/AUX/MD "
           "8/face/1/ccomp/VERB/VB 9/./1/punct")


def test_a_fronted_question_phrase_is_not_the_subject():
    assert agent(tokens(FRONTED)[8]).text == "club"


def test_two_subjects_without_a_question_word_keep_the_first():
    # the same parse without "what": nothing says the first phrase was fronted
    spec = FRONTED.replace("3/what/8/dep/PRON/WP", "3/some/4/det/DET/DT")
    assert agent(tokens(spec)[8]).text == "rivals"


# "They cited a survey which was released on Monday."
SURVEY = ("0/They/1/nsubj/PRON/PRP 1/cited/1/ROOT/VERB/VBD/cite 2/a/3/det/DET/DT 3/survey/1/dobj/NOUN/NN "
          "4/which/6/nsubjpass/PRON/WDT 5/was/6/auxpass/AUX/VBD/be 6/released/3/relcl/VERB/VBN/release "
          "7/on/6/prep/ADP/IN 8/Monday/7/pobj/PROPN/NNP/B-DATE 9/./1/punct")


def test_a_relative_pronoun_object_is_the_noun_it_stands_for():
    assert direct_object(tokens(SURVEY)[6]).text == "survey"


def test_an_active_relative_object_is_the_noun_too():
    # "They cited a survey that the council ran."
    doc = tokens("0/They/1/nsubj/PRON/PRP 1/cited/1/ROOT/VERB/VBD/cite 2/a/3/det/DET/DT 3/survey/1/dobj/NOUN/NN "
                 "4/that/7/dobj/PRON/WDT 5/the/6/det/DET/DT 6/council/7/nsubj/NOUN/NN "
                 "7/ran/3/relcl/VERB/VBD/run 8/./1/punct")
    assert direct_object(doc[7]).text == "survey"


def test_a_relative_clause_naming_a_party_keeps_the_pronoun():
    # "They cited a survey which was released by Acme.": the noun's phrase would give Acme as the target
    doc = tokens("0/They/1/nsubj/PRON/PRP 1/cited/1/ROOT/VERB/VBD/cite 2/a/3/det/DET/DT 3/survey/1/dobj/NOUN/NN "
                 "4/which/6/nsubjpass/PRON/WDT 5/was/6/auxpass/AUX/VBD/be 6/released/3/relcl/VERB/VBN/release "
                 "7/by/6/agent/ADP/IN 8/Acme/7/pobj/PROPN/NNP/B-ORG 9/./1/punct")
    assert direct_object(doc[6]).text == "which"


def test_a_relative_clause_on_a_time_happens_at_that_time():
    # "The team played in May, when it met Lyon.": the parser hangs the clause on "May"
    spec = ("0/The/1/det/DET/DT 1/team/2/nsubj/NOUN/NN 2/played/2/ROOT/VERB/VBD/play 3/in/2/prep/ADP/IN "
            "4/May/3/pobj/PROPN/NNP/B-DATE 5/,/4/punct 6/when/8/advmod/SCONJ/WRB 7/it/8/nsubj/PRON/PRP "
            "8/met/4/relcl/VERB/VBD/meet 9/Lyon/8/dobj/PROPN/NNP/B-GPE 10/./2/punct")
    assert _date(spec, 8, ("May", "XXXX-05")) == Dating("t1", None, None)


def test_a_relative_clause_on_a_time_without_when_or_where_is_not_dated_by_it():
    # "The team played in May, which it enjoyed.": "which" takes up the time, it does not set the clause in it
    spec = ("0/The/1/det/DET/DT 1/team/2/nsubj/NOUN/NN 2/played/2/ROOT/VERB/VBD/play 3/in/2/prep/ADP/IN "
            "4/May/3/pobj/PROPN/NNP/B-DATE 5/,/4/punct 6/which/8/dobj/PRON/WDT 7/it/8/nsubj/PRON/PRP "
            "8/enjoyed/4/relcl/VERB/VBD/enjoy 9/./2/punct")
    assert _date(spec, 8, ("May", "XXXX-05")) == UNDATED


# "He flew to Paris on Friday to meet the president."
FLEW = ("0/He/1/nsubj/PRON/PRP 1/flew/1/ROOT/VERB/VBD/fly 2/to/1/prep/ADP/IN 3/Paris/2/pobj/PROPN/NNP/B-GPE "
        "4/on/1/prep/ADP/IN 5/Friday/4/pobj/PROPN/NNP/B-DATE 6/to/7/aux/PART/TO 7/meet/1/advcl/VERB/VB "
        "8/the/9/det/DET/DT 9/president/7/dobj/NOUN/NN 10/./1/punct")


def test_a_purpose_infinitive_is_done_on_the_occasion_of_its_clause():
    assert _date(FLEW, 7, ("Friday", "XXXX-WXX-5")) == Dating("t1", None, None)


def test_an_infinitive_with_its_own_subject_is_not_dated_by_the_clause():
    # "He flew to Paris on Friday for aides to meet the president.": the aides' meeting may come later
    spec = FLEW.replace("6/to/7/aux/PART/TO", "6/for/9/mark/SCONJ/IN 7/aides/9/nsubj/NOUN/NNS/aide 8/to/9/aux/PART/TO")
    spec = spec.replace("7/meet/1/advcl/VERB/VB 8/the/9/det/DET/DT 9/president/7/dobj/NOUN/NN 10/./1/punct",
                        "9/meet/1/advcl/VERB/VB 10/the/11/det/DET/DT 11/president/9/dobj/NOUN/NN 12/./1/punct")
    assert _date(spec, 9, ("Friday", "XXXX-WXX-5")) == UNDATED
