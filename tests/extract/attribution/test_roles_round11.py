"""Roles of publicists and representatives, managers, bureau chiefs, running mates and environmental groups, and
no role for entertainers (``attribution.roles``, ``lexicons``), on invented sentences.

Each rule has rows it must read and rows it must leave alone.
"""

from __future__ import annotations

import pytest

from _speakers import source_described

_source = source_described


ROLES = [
    # a lower-case "rep" is a performer's representative; a publicist speaks for a client
    ('"The couple remain friends," a rep for the singer told the magazine.', "rep", "spokesperson"),
    ('"She is resting at home," Tilda Marsh\'s publicist said on Monday.', "publicist", "spokesperson"),
    # a communications consultant speaks for clients; "consultant" alone stays an expert's word
    ('"The brand will recover," said Owen Pratt, a communications consultant in Boston.', "Pratt", "spokesperson"),
    # a general manager runs a business, whatever its name says ("General" is not an army rank here)
    ('"We followed the law," said Ned Farrow, general manager of the Oakvale water district.', "Farrow",
     "business"),
    # a news bureau's chief is a journalist, not a government bureau
    ('"He earns more from touring," said Lina Park, Boston bureau chief for Trendline.', "Park", "media"),
    # a candidate's running mate is a politician
    ('"We will win Ohio," said Dana Fox\'s running mate, Carl Mendes.', "Mendes", "politician"),
    # an environmental group is an advocacy group, though its name holds "Council"
    ('"The findings are appalling," said Ada Brook of the Clearwater Council environmental group.', "Brook",
     "activist"),
]


@pytest.mark.parametrize(("text", "word", "role"), ROLES, ids=[r[1] for r in ROLES])
def test_role_words_of_round_11(reader, text, word, role):
    assert _source(reader, text, word).role == role


def test_a_capitalised_rep_before_a_name_is_still_a_politician(reader):
    source = _source(reader, '"The bill is dead," Rep. Carla Dunn said on Tuesday.', "Dunn")
    assert source.role == "politician"


ENTERTAINERS = [
    # the medium before "star" says what the person performs in, not whom they speak for
    ('"I never read the reviews," said Pete Lomax, the reality television star.', "Lomax"),
    ('"It was a hard year," the television actress Mina Crane said.', "Crane"),
]


@pytest.mark.parametrize(("text", "word"), ENTERTAINERS, ids=[e[1] for e in ENTERTAINERS])
def test_an_entertainer_gets_no_role(reader, text, word):
    assert _source(reader, text, word).role is None


def test_a_host_still_reads_as_media(reader):
    # a programme's host is a broadcaster: the entertainer rule leaves hosts alone
    source = _source(reader, '"Tonight we talk taxes," said Gil Foster, the talk show host.', "Foster")
    assert source.role == "media"


OUTLET_POSSESSORS = [
    ('"The vote is close," CBS News\'s Ella Marsh told viewers on Friday.', "Marsh"),
    ('"Nobody saw it coming," said "Morning Hour TV\'s" Ella Marsh.', "Marsh"),
]


@pytest.mark.parametrize(("text", "word"), OUTLET_POSSESSORS, ids=["plain", "quoted"])
def test_a_news_organisation_before_the_name_makes_its_staff_media(reader, text, word):
    assert _source(reader, text, word).role == "media"


def test_a_person_as_possessor_is_no_outlet():
    # "Tom Daily's Ella Marsh": "Daily" is a news name's word, but the possessor is a person
    import spacy
    from spacy.tokens import Span

    from newsgraph.extract.attribution.roles import _outlet_possessor

    doc = spacy.blank("en")("Tom Daily 's Ella Marsh")
    doc[2].tag_ = "POS"
    name = Span(doc, 3, 5, label="PERSON")
    assert _outlet_possessor(doc, name) == (0, len("Tom Daily"))  # no entity types: read as an outlet
    doc.ents = [Span(doc, 0, 2, label="PERSON"), name]
    assert _outlet_possessor(doc, name) is None
