"""Roles read from what a clause says a person is, from a person's other entity, from specialists' word
endings and from an organisation's nickname (``attribution.roles``), on invented sentences.

Each rule has rows it must read and rows it must leave alone.
"""

from __future__ import annotations

import pytest

from _speakers import source_described
from newsgraph import record as rec
from newsgraph.extract.attribution import lexicons as lex
from newsgraph.extract.attribution.roles import MIN_SHARED_NAME_WORDS, same_person

_source = source_described


PREDICATES = [
    # a relative clause with a copula, a copula after the name, "as" on a verb with no object
    ("Ken Ober, who is a professor of hydrology, said the river would flood.", "Ober", "expert", ["professor"]),
    ("Rita Vale served as finance minister until last year. \"The budget is sound,\" Vale said.", "Vale",
     "official", ["minister"]),
    ("Mara Bell, who is chairman of the Commons health committee, said wards were full.", "Bell", "politician",
     ["Commons"]),
]


@pytest.mark.parametrize(("text", "word", "role", "evidence"), PREDICATES, ids=[p[1] for p in PREDICATES])
def test_what_a_clause_says_the_person_is(reader, text, word, role, evidence):
    source = _source(reader, text, word)
    assert source.role == role
    assert [e.text for e in source.role_evidence] == evidence


NOT_PREDICATES = [
    # a clause on a pronoun is not read: the pronoun may be someone else's
    "Ken Ober said prices would rise. He is an economist at the Leeds institute.",
    # negated: not what the person is
    "Ken Ober, who is not a doctor, said the cure was a fraud.",
    # "as" about the object, not the subject
    "Ken Ober said the vote was close. He described his rival as a failed lawyer.",
    # a plain noun of sex says no role
    "Ken Ober said the vote was close. He was the first man to win the seat.",
]


@pytest.mark.parametrize("text", NOT_PREDICATES)
def test_clauses_that_say_no_role_of_the_person(reader, text):
    assert _source(reader, text, "Ober").role is None


def test_a_noun_an_auxiliary_follows_is_another_clauses_subject():
    # "he was certain MPs would ...": the parser may hang "MPs" on "was"; it is the subject of "would vote"
    import spacy

    nlp = spacy.blank("en")
    doc = nlp("he was certain MPs would vote")
    heads = [1, 1, 3, 1, 5, 1]
    deps = ["nsubj", "ROOT", "amod", "attr", "aux", "ccomp"]
    for tok, head, dep, tag, pos, lemma in zip(doc, heads, deps, ["PRP", "VBD", "JJ", "NN", "MD", "VB"],
                                               ["PRON", "AUX", "ADJ", "NOUN", "AUX", "VERB"],
                                               ["he", "be", "certain", "mp", "would", "vote"], strict=True):
        tok.head, tok.dep_, tok.tag_, tok.pos_, tok.lemma_ = doc[head], dep, tag, pos, lemma
    from newsgraph.extract.attribution.roles import _predicates

    assert _predicates(doc[1]) == []
    doc[4].pos_ = "VERB"  # with no auxiliary after it, the same noun is what he was
    assert [t.text for t in _predicates(doc[1])] == ["MPs"]


def _person(eid: str, name: str, kind: rec.EntityType = "PERSON") -> rec.Entity:
    return rec.Entity(id=eid, name=name, type=kind)


def test_a_person_split_into_two_entities_is_joined_by_the_longer_name():
    short, full = _person("e1", "Dana Kell"), _person("e2", "Ada Dana Kell")
    assert same_person(short, [short, full]) == [full]
    assert same_person(full, [short, full]) == [short]


def test_no_join_on_a_surname_alone_on_two_full_names_or_with_an_organisation():
    assert MIN_SHARED_NAME_WORDS == 2
    kell, ada = _person("e1", "Kell"), _person("e2", "Ada Kell")
    assert same_person(kell, [kell, ada]) == []  # a surname alone is shared by families
    short, ada2, dan = _person("e1", "Dana Kell"), _person("e2", "Ada Dana Kell"), _person("e3", "Dan Dana Kell")
    assert same_person(short, [short, ada2, dan]) == []  # which of the two?
    assert same_person(ada2, [short, ada2, dan]) == []
    org = _person("e4", "Dana Kell", "ORG")
    assert same_person(short, [short, org]) == []


def test_the_split_entitys_title_gives_the_role(reader):
    # the entity stage may keep "Ada Dana Kell" apart from the later "Dana Kell"; read both
    text = "Party chairwoman Ada Dana Kell stayed away. Dana Kell was jeered. \"I will step aside,\" Dana Kell said."
    record = reader.read(text)
    source = next(s for s in record.sources if s.description == "Dana Kell")
    assert (source.role, [e.text for e in source.role_evidence]) == ("politician", ["Party"])
    # without the other entity's title, no role
    text = "Dana Kell was jeered. \"I will step aside,\" Dana Kell said."
    assert next(s for s in reader.read(text).sources if s.description == "Dana Kell").role is None


SPECIALISTS = [
    ("Ada Finch, a volcanologist, said the crater was cooling.", "Finch", "expert", ["volcanologist"]),
    ("Ada Finch, a noted apologist, said the regime was fair.", "Finch", None, []),
]


@pytest.mark.parametrize(("text", "word", "role", "evidence"), SPECIALISTS, ids=["ologist", "apologist"])
def test_a_specialists_ending_makes_an_expert(reader, text, word, role, evidence):
    assert "volcanologist" not in lex.ROLE_WORDS
    source = _source(reader, text, word)
    assert (source.role, [e.text for e in source.role_evidence]) == (role, evidence)


def test_a_chair_of_an_organisation_known_by_its_nickname_is_in_business(reader):
    source = _source(reader, "The Gulls chairman Dan Rook said the manager would stay.", "Rook")
    assert (source.role, [e.text for e in source.role_evidence]) == ("business", ["chairman"])
    # a people before the chair, or a kind of body, names no organisation
    assert _source(reader, "The Welsh chairman Dan Rook said the manager would stay.", "Rook").role is None
    assert _source(reader, "Committee chairman Dan Rook said the inquiry would go on.", "Rook").role is None


def test_a_former_monopoly_and_a_party_committee(reader):
    assert _source(reader, "The former monopoly said prices would rise.", "monopoly").role == "business"
    source = _source(reader, "Democratic National Committee chairwoman Ada Vale said the count was fair.", "Vale")
    assert source.role == "politician"


OF_TITLES = [
    # a title written with "of": the phrase, or the compound it stands for ("council leader")
    ("Lord Tull, leader of Essex County Council, said the airport was unwanted.", "Tull", "politician",
     ["leader of Essex County Council"]),
    ("Ann Holt, director of communications at the ministry, said the plan was sound.", "Holt", "spokesperson",
     ["director of communications"]),
    ("Ann Holt, chief of staff to the governor, said the plan was sound.", "Holt", "official", ["chief of staff"]),
    # neither the phrase nor the compound names a role
    ("Ann Holt, director of the film, said the plan was sound.", "Holt", None, []),
    ("Ann Holt, leader of the pack, said the plan was sound.", "Holt", None, []),
    # a press office's chief speaks for it
    ("Former Downing Street communications chief Ann Holt said the polls were wrong.", "Holt", "spokesperson",
     ["communications chief"]),
]


@pytest.mark.parametrize(("text", "word", "role", "evidence"), OF_TITLES, ids=[str(i) for i in range(len(OF_TITLES))])
def test_a_title_written_with_of(reader, text, word, role, evidence):
    source = _source(reader, text, word)
    assert (source.role, [e.text for e in source.role_evidence]) == (role, evidence)


def _parsed(words: list[str], heads: list[int], deps: list[str]):
    import spacy

    doc = spacy.blank("en")(" ".join(words))
    for tok, head, dep in zip(doc, heads, deps, strict=True):
        tok.head, tok.dep_ = doc[head], dep
    return doc


def test_a_phrase_ending_on_a_role_noun_inside_a_bodys_attachment_is_headed_by_it():
    from newsgraph.extract.attribution.roles import _person_head

    # "A Department for Transport spokeswoman", parsed as a department "for ... spokeswoman"
    doc = _parsed(["A", "Department", "for", "Transport", "spokeswoman", "said"], [1, 5, 1, 4, 2, 5],
                  ["det", "nsubj", "prep", "compound", "pobj", "ROOT"])
    assert _person_head(doc[0:5]).text == "spokeswoman"
    # "a spokeswoman for the Department": the root is the person already
    doc = _parsed(["a", "spokeswoman", "for", "the", "Department", "said"], [1, 5, 1, 4, 2, 5],
                  ["det", "nsubj", "prep", "det", "pobj", "ROOT"])
    assert _person_head(doc[0:5]).text == "spokeswoman"
    # a body's attachment that ends on no role noun keeps the body: "the Department for Transport"
    doc = _parsed(["the", "Department", "for", "Transport", "said"], [1, 4, 1, 2, 4],
                  ["det", "nsubj", "prep", "pobj", "ROOT"])
    assert _person_head(doc[0:4]).text == "Department"
    # a role noun with a determiner of its own is a phrase inside the body's name: "the Office of the General"
    doc = _parsed(["the", "Office", "of", "the", "General", "said"], [1, 5, 1, 4, 2, 5],
                  ["det", "nsubj", "prep", "det", "pobj", "ROOT"])
    assert _person_head(doc[0:5]).text == "Office"


FORMER_OFFICES = [
    # out of office, with a party's name in the title: the party's politician
    ("Former Tory chancellor Ken Vale said the budget was reckless.", "Vale", "politician", ["Tory", "chancellor"]),
    ("Jo Cann, a Labour former minister, said the vote was lost.", "Cann", "politician", ["Labour", "minister"]),
    # out of office with no party: the office still says who they are; in office with a party: the office
    ("The former Dutch prime minister, Wim Roos, said the euro was sound.", "Roos", "official", ["prime minister"]),
    ("Tory chancellor Ken Vale said the budget was sound.", "Vale", "official", ["chancellor"]),
]


@pytest.mark.parametrize(("text", "word", "role", "evidence"), FORMER_OFFICES,
                         ids=[str(i) for i in range(len(FORMER_OFFICES))])
def test_a_former_office_with_a_party_is_a_politician(reader, text, word, role, evidence):
    source = _source(reader, text, word)
    assert (source.role, [e.text for e in source.role_evidence]) == (role, evidence)
