"""A time the sentence has but the parser did not link to the clause: hung on a noun, right after the verb.

Hand-built parses of invented sentences; each rule has hits and misses.
"""

from __future__ import annotations

from _docs import tokens
from _events import date_of
from newsgraph.extract.events.dates import UNDATED, Dating


def _date(spec: str, verb: int, *times: tuple[str, str | None]) -> Dating:
    return date_of(tokens(spec), verb, *times)


# "Inspectors traced the plant as the source of the outbreak on March 3.": the parser made a clause of
# "as the source of the outbreak" (an advcl headed by the noun) and hung the day on "outbreak".
TRACED = ("0/Inspectors/1/nsubj/NOUN/NNS/inspector 1/traced/1/ROOT/VERB/VBD/trace 2/the/3/det/DET/DT "
          "3/plant/1/dobj/NOUN/NN 4/as/9/mark/ADP/IN 5/the/6/det/DET/DT 6/source/9/nsubj/NOUN/NN "
          "7/of/6/prep/ADP/IN 8/the/9/det/DET/DT 9/outbreak/1/advcl/NOUN/NN 10/on/9/prep/ADP/IN "
          "11/March/10/pobj/PROPN/NNP 12/3/11/nummod/NUM/CD 13/./1/punct")


def test_a_day_on_a_noun_the_parser_made_a_clause_of_dates_the_clause():
    assert _date(TRACED, 1, ("March 3", "2011-03-03")) == Dating("t1", "2011-03-03", "sentence")


def test_a_day_in_the_subject_of_that_noun_clause_does_not():
    # "... as the source of the March 3 outbreak": the day describes the outbreak, before its noun
    spec = ("0/Inspectors/1/nsubj/NOUN/NNS/inspector 1/traced/1/ROOT/VERB/VBD/trace 2/the/3/det/DET/DT "
            "3/plant/1/dobj/NOUN/NN 4/as/11/mark/ADP/IN 5/the/6/det/DET/DT 6/source/11/nsubj/NOUN/NN "
            "7/of/6/prep/ADP/IN 8/the/11/det/DET/DT 9/March/11/compound/PROPN/NNP 10/3/9/nummod/NUM/CD "
            "11/outbreak/1/advcl/NOUN/NN 12/./1/punct")
    assert _date(spec, 1, ("March 3", "2011-03-03")) == UNDATED


# "Lenders had received bonds worth millions as of the end of Monday."
AS_OF = ("0/Lenders/2/nsubj/NOUN/NNS/lender 1/had/2/aux/AUX/VBD/have 2/received/2/ROOT/VERB/VBN/receive "
         "3/bonds/2/dobj/NOUN/NNS/bond 4/worth/3/amod/ADJ/JJ 5/millions/4/npadvmod/NOUN/NNS/million "
         "6/as/4/prep/ADP/IN 7/of/6/prep/ADP/IN 8/the/9/det/DET/DT 9/end/7/pobj/NOUN/NN "
         "10/of/9/prep/ADP/IN 11/Monday/10/pobj/PROPN/NNP 12/./2/punct")


def test_an_as_of_time_hung_on_the_object_dates_the_clause():
    assert _date(AS_OF, 2, ("the end of Monday", "2011-03-07")) == Dating("t1", "2011-03-07", "sentence")


def test_an_of_time_on_the_object_describes_the_noun():
    # "Lenders had studied the floods of the 1990s.": "of" tells which floods, not when they were studied
    spec = ("0/Lenders/2/nsubj/NOUN/NNS/lender 1/had/2/aux/AUX/VBD/have 2/studied/2/ROOT/VERB/VBN/study "
            "3/the/4/det/DET/DT 4/floods/2/dobj/NOUN/NNS/flood 5/of/4/prep/ADP/IN 6/the/7/det/DET/DT "
            "7/1990s/5/pobj/NOUN/NNS/1990s 8/./2/punct")
    assert _date(spec, 2, ("the 1990s", "199")) == UNDATED


# "The group has raised $3 million since Thursday.": the tagger calls this "since" SCONJ.
SINCE = ("0/The/1/det/DET/DT 1/group/3/nsubj/NOUN/NN 2/has/3/aux/AUX/VBZ/have 3/raised/3/ROOT/VERB/VBN/raise "
         "4/$/6/quantmod/SYM/$ 5/3/6/compound/NUM/CD 6/million/3/dobj/NUM/CD "
         "7/since/3/prep/SCONJ/IN 8/Thursday/7/pobj/PROPN/NNP 9/./3/punct")


def test_a_since_phrase_tagged_as_a_conjunction_still_dates_its_verb():
    assert _date(SINCE, 3, ("Thursday", "2011-03-03")) == Dating("t1", "2011-03-03", "clause")


def test_a_since_time_of_a_relative_clause_does_not_date_the_main_clause():
    # "Police named the officer, who has served since May 2014.": a state's start, not the naming's day
    spec = ("0/Police/1/nsubj/NOUN/NNS/police 1/named/1/ROOT/VERB/VBD/name 2/the/3/det/DET/DT "
            "3/officer/1/dobj/NOUN/NN 4/,/3/punct 5/who/7/nsubj/PRON/WP 6/has/7/aux/AUX/VBZ/have "
            "7/served/3/relcl/VERB/VBN/serve 8/since/7/prep/SCONJ/IN 9/May/8/pobj/PROPN/NNP "
            "10/2014/9/nummod/NUM/CD 11/./1/punct")
    assert _date(spec, 1, ("May 2014", "2014-05")) == UNDATED
    assert _date(spec, 7, ("May 2014", "2014-05")) == Dating("t1", "2014-05", "clause")


# "The survey was conducted June 2-6 of 900 adults.": the parser hung "June" on "adults".
RIGHT_AFTER = ("0/The/1/det/DET/DT 1/survey/3/nsubjpass/NOUN/NN 2/was/3/auxpass/AUX/VBD/be "
               "3/conducted/3/ROOT/VERB/VBN/conduct 4/June/10/nmod/PROPN/NNP 5/2/4/nummod/NUM/CD "
               "6/-/7/punct/PUNCT/SYM 7/6/5/prep/NUM/CD 8/of/9/quantmod/ADP/IN 9/900/10/nummod/NUM/CD "
               "10/adults/3/dobj/NOUN/NNS/adult 11/./3/punct")


def test_a_time_right_after_the_verb_is_the_verbs():
    assert _date(RIGHT_AFTER, 3, ("June 2", "2016-06-02")) == Dating("t1", "2016-06-02", "sentence")


def test_a_possessive_time_right_after_the_verb_describes_its_noun():
    # "The mayor attended Wednesday's hearing.": the hearing's day, which the clause does not take
    spec = ("0/The/1/det/DET/DT 1/mayor/2/nsubj/NOUN/NN 2/attended/2/ROOT/VERB/VBD/attend "
            "3/Wednesday/5/poss/PROPN/NNP 4/'s/3/case/PART/POS 5/hearing/2/dobj/NOUN/NN 6/./2/punct")
    assert _date(spec, 2, ("Wednesday", "2016-06-01")) == UNDATED


def test_a_clause_in_the_simple_present_is_not_dated_by_its_objects_time():
    # "The towers recall the heyday of the office during the 1920s.": how things are, not when
    spec = ("0/The/1/det/DET/DT 1/towers/2/nsubj/NOUN/NNS/tower 2/recall/2/ROOT/VERB/VBP/recall "
            "3/the/4/det/DET/DT 4/heyday/2/dobj/NOUN/NN 5/of/4/prep/ADP/IN 6/the/7/det/DET/DT "
            "7/office/5/pobj/NOUN/NN 8/during/7/prep/ADP/IN 9/the/10/det/DET/DT 10/1920s/8/pobj/NOUN/NNS/1920s "
            "11/./2/punct")
    assert _date(spec, 2, ("the 1920s", "192")) == UNDATED
    past = spec.replace("2/recall/2/ROOT/VERB/VBP/recall", "2/recalled/2/ROOT/VERB/VBD/recall")
    assert _date(past, 2, ("the 1920s", "192")) == Dating("t1", "192", "sentence")


def test_a_noun_conjunct_is_another_clauses_subject_not_this_clauses_words():
    # "The cause was never known, but the stop Wednesday ended badly.": "stop" heads the next clause
    spec = ("0/The/1/det/DET/DT 1/cause/4/nsubjpass/NOUN/NN 2/was/4/auxpass/AUX/VBD/be 3/never/4/neg/ADV/RB "
            "4/known/4/ROOT/VERB/VBN/know 5/,/4/punct 6/but/4/cc/CCONJ/CC 7/the/8/det/DET/DT "
            "8/stop/4/conj/NOUN/NN 9/Wednesday/8/npadvmod/PROPN/NNP 10/ended/8/acl/VERB/VBD/end "
            "11/badly/10/advmod/ADV/RB 12/./4/punct")
    assert _date(spec, 4, ("Wednesday", "2016-07-06")) == UNDATED
