"""Who does a gerund on a charge noun or a passive infinitive, and the time of a clause no date anchors.

Hand-built parses of invented sentences; each rule has hits and misses.
"""

from __future__ import annotations

from _docs import tokens
from _events import date_of
from newsgraph.extract.events.clauses import agent, direct_object
from newsgraph.extract.events.dates import UNDATED, Dating

# "Prosecutors charged Dale with two counts of stealing cars."
CHARGED = ("0/Prosecutors/1/nsubj/NOUN/NNS/prosecutor 1/charged/1/ROOT/VERB/VBD/charge "
           "2/Dale/1/dobj/PROPN/NNP/B-PERSON 3/with/1/prep/ADP/IN 4/two/5/nummod/NUM/CD "
           "5/counts/3/pobj/NOUN/NNS/count 6/of/5/prep/ADP/IN 7/stealing/6/pcomp/VERB/VBG/steal "
           "8/cars/7/dobj/NOUN/NNS/car 9/./1/punct")


def test_the_one_charged_does_what_the_charge_says():
    assert agent(tokens(CHARGED)[7]).text == "Dale"


def test_the_one_charged_in_a_passive_clause_is_its_subject():
    # "Dale was charged with two counts of stealing cars."
    doc = tokens("0/Dale/2/nsubjpass/PROPN/NNP/B-PERSON 1/was/2/auxpass/AUX/VBD/be 2/charged/2/ROOT/VERB/VBN/charge "
                 "3/with/2/prep/ADP/IN 4/two/5/nummod/NUM/CD 5/counts/3/pobj/NOUN/NNS/count 6/of/5/prep/ADP/IN "
                 "7/stealing/6/pcomp/VERB/VBG/steal 8/cars/7/dobj/NOUN/NNS/car 9/./2/punct")
    assert agent(doc[7]).text == "Dale"


def test_a_charge_phrase_hung_on_the_objects_apposition_names_the_object():
    # "Prosecutors charged Dale, a builder, with two counts of stealing cars.": "with" on "builder"
    doc = tokens("0/Prosecutors/1/nsubj/NOUN/NNS/prosecutor 1/charged/1/ROOT/VERB/VBD/charge "
                 "2/Dale/1/dobj/PROPN/NNP/B-PERSON 3/,/2/punct 4/a/5/det/DET/DT 5/builder/2/appos/NOUN/NN "
                 "6/,/5/punct 7/with/5/prep/ADP/IN 8/two/9/nummod/NUM/CD 9/counts/7/pobj/NOUN/NNS/count "
                 "10/of/9/prep/ADP/IN 11/stealing/10/pcomp/VERB/VBG/steal 12/cars/11/dobj/NOUN/NNS/car "
                 "13/./1/punct")
    assert agent(doc[11]).text == "Dale"


def test_a_gerund_on_another_noun_keeps_the_clause_doer():
    # "Prosecutors charged Dale with the aim of stopping thefts.": an aim is no charge
    doc = tokens("0/Prosecutors/1/nsubj/NOUN/NNS/prosecutor 1/charged/1/ROOT/VERB/VBD/charge "
                 "2/Dale/1/dobj/PROPN/NNP/B-PERSON 3/with/1/prep/ADP/IN 4/the/5/det/DET/DT "
                 "5/aim/3/pobj/NOUN/NN 6/of/5/prep/ADP/IN 7/stopping/6/pcomp/VERB/VBG/stop "
                 "8/thefts/7/dobj/NOUN/NNS/theft 9/./1/punct")
    assert agent(doc[7]).text == "Prosecutors"


def _date(spec: str, verb: int, *times: tuple[str, str | None]) -> Dating:
    return date_of(tokens(spec), verb, *times)


# "The mayor began a tour of the port last Monday.": the parser hangs the bare day on "tour".
BEGAN = ("0/The/1/det/DET/DT 1/mayor/2/nsubj/NOUN/NN 2/began/2/ROOT/VERB/VBD/begin 3/a/4/det/DET/DT "
         "4/tour/2/dobj/NOUN/NN 5/of/4/prep/ADP/IN 6/the/7/det/DET/DT 7/port/5/pobj/NOUN/NN "
         "8/last/9/amod/ADJ/JJ 9/Monday/4/npadvmod/PROPN/NNP/B-DATE 10/./2/punct")


def test_an_unanchored_day_on_the_object_gives_the_clause_its_time_and_no_date():
    assert _date(BEGAN, 2, ("last Monday", "XXXX-WXX-1")) == Dating("t1", None, None)


def test_an_anchored_day_on_the_object_still_dates_the_clause():
    assert _date(BEGAN, 2, ("last Monday", "2013-05-06")) == Dating("t1", "2013-05-06", "clause")


def test_a_time_without_a_value_is_not_taken():
    assert _date(BEGAN, 2, ("last Monday", None)) == UNDATED


def test_an_unanchored_time_in_the_subject_is_not_the_clauses():
    # "The tour of last Monday pleased the mayor.": the time describes the subject
    spec = ("0/The/1/det/DET/DT 1/tour/5/nsubj/NOUN/NN 2/of/1/prep/ADP/IN 3/last/4/amod/ADJ/JJ "
            "4/Monday/2/pobj/PROPN/NNP/B-DATE 5/pleased/5/ROOT/VERB/VBD/please 6/the/7/det/DET/DT "
            "7/mayor/5/dobj/NOUN/NN 8/./5/punct")
    assert _date(spec, 5, ("last Monday", "XXXX-WXX-1")) == UNDATED


# "The talks are going to be improved.": the parser puts the subject on "going"
IMPROVED = ("0/The/1/det/DET/DT 1/talks/3/nsubj/NOUN/NNS/talk 2/are/3/aux/AUX/VBP/be 3/going/3/ROOT/VERB/VBG/go "
            "4/to/6/aux/PART/TO 5/be/6/auxpass/AUX/VB/be 6/improved/3/xcomp/VERB/VBN/improve 7/./3/punct")


def test_a_passive_infinitive_has_no_actor_and_its_controller_is_its_object():
    doc = tokens(IMPROVED)
    assert agent(doc[6]) is None
    assert direct_object(doc[6]).text == "talks"


def test_an_active_infinitive_still_takes_its_controller_as_actor():
    # "The talks are going to improve.": the talks improve
    doc = tokens("0/The/1/det/DET/DT 1/talks/3/nsubj/NOUN/NNS/talk 2/are/3/aux/AUX/VBP/be "
                 "3/going/3/ROOT/VERB/VBG/go 4/to/5/aux/PART/TO 5/improve/3/xcomp/VERB/VB 6/./3/punct")
    assert agent(doc[5]).text == "talks"
    assert direct_object(doc[5]) is None


def test_a_purpose_infinitive_of_a_passive_infinitive_is_done_by_the_controller():
    # "The trees are to be planted to replace the flora."
    doc = tokens("0/The/1/det/DET/DT 1/trees/2/nsubj/NOUN/NNS/tree 2/are/2/ROOT/AUX/VBP/be 3/to/5/aux/PART/TO "
                 "4/be/5/auxpass/AUX/VB/be 5/planted/2/xcomp/VERB/VBN/plant 6/to/7/aux/PART/TO "
                 "7/replace/5/advcl/VERB/VB 8/the/9/det/DET/DT 9/flora/7/dobj/NOUN/NN 10/./2/punct")
    assert agent(doc[5]) is None
    assert agent(doc[7]).text == "trees"
