"""Titles read from the parse around a name (``entities.titles``), on hand-built Docs."""

from __future__ import annotations

from spacy.tokens import Doc

from _docs import parse
from newsgraph.extract.entities.titles import (
    appositive_titles,
    predicate_title,
    prenominal_title,
    with_jurisdiction,
)


def arrived(title_rows: str, name_start: int) -> Doc:
    """``<title rows> Ann Lee arrived .`` with the name at ``name_start``."""
    n = name_start
    return parse(
        title_rows.strip()
        + f"\n{n} Ann {n + 1} compound PROPN NNP Ann B-PERSON\n{n + 1} Lee {n + 2} nsubj PROPN NNP Lee I-PERSON\n"
        f"{n + 2} arrived {n + 2} ROOT VERB VBD arrive\n{n + 3} . {n + 2} punct PUNCT . .\n"
    )


# -- pre-nominal ---------------------------------------------------------------------------------


def test_prenominal_title_of_several_words():
    doc = arrived(
        """
0 Deputy 2 compound PROPN NNP Deputy
1 Attorney 2 compound PROPN NNP Attorney
2 General 4 compound PROPN NNP General
""",
        3,
    )
    title = prenominal_title(doc, 3)
    assert title is not None
    assert (title.display, title.role, title.start, title.end) == (
        "Deputy Attorney General",
        "deputy attorney general",
        0,
        3,
    )


def test_prenominal_title_keeps_its_qualifying_organisation_out_of_the_role():
    doc = arrived(
        """
0 Justice 1 compound PROPN NNP Justice B-ORG
1 Department 2 compound PROPN NNP Department I-ORG
2 spokeswoman 4 compound NOUN NN spokeswoman
""",
        3,
    )
    title = prenominal_title(doc, 3)
    assert title is not None
    assert (title.display, title.role) == ("Justice Department spokeswoman", "spokeswoman")


def test_prenominal_title_with_nationality_qualifier():
    doc = arrived("0 Russian 1 amod ADJ JJ russian B-NORP\n1 Ambassador 3 compound PROPN NNP Ambassador", 2)
    title = prenominal_title(doc, 2)
    assert title is not None
    assert (title.display, title.role) == ("Russian Ambassador", "ambassador")


def test_abbreviated_title_is_spelled_out():
    doc = arrived("0 Sen. 2 compound PROPN NNP Sen.", 1)
    title = prenominal_title(doc, 1)
    assert title is not None
    assert title.display == "Senator"


def test_time_modifier_is_dropped_from_the_display():
    doc = arrived("0 former 1 amod ADJ JJ former\n1 Governor 3 compound PROPN NNP Governor", 2)
    title = prenominal_title(doc, 2)
    assert title is not None
    assert title.display == "Governor"


def test_word_that_is_no_title_gives_none():
    doc = arrived("0 Engineer 2 compound PROPN NNP Engineer", 1)
    assert prenominal_title(doc, 1) is None


def test_title_modifier_alone_is_not_a_title():
    # "Senior Ann Lee": a modifier with no title head next to the name.
    doc = arrived("0 Senior 2 amod ADJ JJ senior", 1)
    assert prenominal_title(doc, 1) is None


def test_possessor_entity_is_not_a_title_qualifier():
    # "Russia's ambassador Ivan Petrov": a possessive, not "Russian Ambassador".
    doc = parse("""
0 Russia 2 poss PROPN NNP Russia B-GPE
1 's 0 case PART POS 's I-GPE
2 ambassador 4 compound NOUN NN ambassador
3 Ivan 4 compound PROPN NNP Ivan B-PERSON
4 Petrov 5 nsubj PROPN NNP Petrov I-PERSON
5 arrived 5 ROOT VERB VBD arrive
6 . 5 punct PUNCT . .
""")
    title = prenominal_title(doc, 3)
    assert title is not None
    assert (title.display, title.role) == ("ambassador", "ambassador")


# -- jurisdiction ----------------------------------------------------------------------------------

GOVERNOR_OF = """
0 Gov. 2 compound PROPN NNP Gov.
1 Ann 2 compound PROPN NNP Ann B-PERSON
2 Lee 5 nsubj PROPN NNP Lee I-PERSON
3 of 2 prep ADP IN of
4 Ohio 3 pobj PROPN NNP Ohio {ent}
5 spoke 5 ROOT VERB VBD speak
6 . 5 punct PUNCT . .
"""


def test_place_after_a_titled_name_joins_the_title():
    doc = parse(GOVERNOR_OF.format(ent="B-GPE"))
    title = prenominal_title(doc, 1)
    assert title is not None and title.display == "Governor"
    assert with_jurisdiction(doc, title, 3).display == "Governor of Ohio"


def test_of_phrase_that_is_no_place_or_body_stays_out():
    doc = parse(GOVERNOR_OF.format(ent="B-PERSON"))
    title = prenominal_title(doc, 1)
    assert title is not None
    assert with_jurisdiction(doc, title, 3).display == "Governor"


# -- appositive ------------------------------------------------------------------------------------


SPECIAL_COUNSEL = """
0 She 1 nsubj PRON PRP she
1 named 1 ROOT VERB VBD name
2 {det} 4 det DET DT {det}
3 special 4 amod ADJ JJ special
4 counsel 1 dobj NOUN NN counsel
5 , 4 punct PUNCT , ,
6 Rob 7 compound PROPN NNP Rob B-PERSON
7 Dunn 4 appos PROPN NNP Dunn I-PERSON
8 . 1 punct PUNCT . .
"""


def test_appositive_title_before_the_name():
    doc = parse(SPECIAL_COUNSEL.format(det="a"))
    assert [t.display for t in appositive_titles(doc, 6, 8)] == ["special counsel"]


def test_appositive_needs_a_determiner_or_possessor():
    # "named special counsel, Rob Dunn": no "a"/"the"/possessor opening the noun phrase.
    doc = parse(SPECIAL_COUNSEL.format(det="a").replace("2 a 4 det DET DT a", "2 new 4 amod ADJ JJ new"))
    assert appositive_titles(doc, 6, 8) == []


def test_appositive_noun_that_is_no_title_gives_nothing():
    doc = parse(SPECIAL_COUNSEL.format(det="a").replace("counsel", "friend"))
    assert appositive_titles(doc, 6, 8) == []


def test_party_appositive_after_name_and_state_drops_descriptive_adjectives():
    doc = parse("""
0 Ann 1 compound PROPN NNP Ann B-PERSON
1 Lee 9 nsubj PROPN NNP Lee I-PERSON
2 of 1 prep ADP IN of
3 Texas 2 pobj PROPN NNP Texas B-GPE
4 , 1 punct PUNCT , ,
5 a 7 det DET DT a
6 conservative 7 amod ADJ JJ conservative
7 Democrat 1 appos PROPN NNP Democrat B-NORP
8 , 1 punct PUNCT , ,
9 voted 9 ROOT VERB VBD vote
10 . 9 punct PUNCT . .
""")
    assert [t.display for t in appositive_titles(doc, 0, 2)] == ["Democrat"]


# -- predicate -------------------------------------------------------------------------------------


def test_subject_takes_the_office_it_became():
    doc = parse("""
0 after 2 mark SCONJ IN after
1 he 2 nsubj PRON PRP he
2 became 2 ROOT VERB VBD become
3 attorney 4 compound NOUN NN attorney
4 general 2 attr NOUN NN general
5 . 2 punct PUNCT . .
""")
    title = predicate_title(doc[1])
    assert title is not None
    assert title.display == "attorney general"


def test_serving_as_gives_a_title():
    doc = parse("""
0 She 1 nsubj PRON PRP she
1 serves 1 ROOT VERB VBZ serve
2 as 1 prep ADP IN as
3 mayor 2 pobj NOUN NN mayor
4 . 1 punct PUNCT . .
""")
    title = predicate_title(doc[0])
    assert title is not None and title.display == "mayor"


def test_being_a_member_of_a_profession_is_no_title():
    doc = parse("""
0 He 1 nsubj PRON PRP he
1 is 1 ROOT AUX VBZ be
2 a 3 det DET DT a
3 lawyer 1 attr NOUN NN lawyer
4 . 1 punct PUNCT . .
""")
    assert predicate_title(doc[0]) is None


def test_descriptive_predicate_is_no_office():
    # "She became the first senator to ...": an act described, not an office held.
    doc = parse("""
0 She 1 nsubj PRON PRP she
1 became 1 ROOT VERB VBD become
2 the 4 det DET DT the
3 first 4 amod ADJ JJ first
4 senator 1 attr NOUN NN senator
5 to 6 aux PART TO to
6 vote 4 relcl VERB VB vote
7 . 1 punct PUNCT . .
""")
    assert predicate_title(doc[0]) is None


def test_object_of_a_verb_that_gives_no_office_is_no_title():
    # "He met the mayor": meeting one does not make him mayor.
    doc = parse("""
0 He 1 nsubj PRON PRP he
1 met 1 ROOT VERB VBD meet
2 the 3 det DET DT the
3 mayor 1 dobj NOUN NN mayor
4 . 1 punct PUNCT . .
""")
    assert predicate_title(doc[0]) is None
