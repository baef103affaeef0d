"""Roles of a House or Senate party leader, of a cashier and a club-goer, and a title the parser hung away from
the name it stands before (``attribution.roles``, ``lexicons``), on invented sentences and hand-built parses.

Each rule has rows it must read and rows it must leave alone.
"""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from _speakers import source_described
from newsgraph.extract.attribution import roles

_source = source_described


ROLES = [
    # a chamber's minority or majority leader is a party figure, though "leader" alone says no role
    ('"The vote is close," House Minority Leader Jo Varga said on Monday.', "Varga", "politician"),
    # a cashier and a club-goer are ordinary people
    ('Mara Ellis is a cashier at a grocery store. "I knew it was a scam," Ellis said.', "Ellis", "ordinary"),
    ('"The music was too loud," one club-goer told the paper.', "club-goer", "ordinary"),
]


@pytest.mark.parametrize(("text", "word", "role"), ROLES, ids=[r[1] for r in ROLES])
def test_role_words_of_round_12(reader, text, word, role):
    assert _source(reader, text, word).role == role


def _doc(words: list[str], pos: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(English().vocab, words=words, pos=pos, heads=heads, deps=deps)


def test_a_role_noun_the_parser_hung_elsewhere_is_still_the_names_title():
    # "Dunmore police spokeswoman Alma Fisk told reporters": parsed with "spokeswoman" the object of "Dunmore"
    doc = _doc(["Dunmore", "police", "spokeswoman", "Alma", "Fisk", "told", "reporters", "."],
               ["PROPN", "NOUN", "NOUN", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT"],
               [5, 2, 0, 4, 5, 5, 5, 5],
               ["dative", "compound", "dobj", "compound", "nsubj", "ROOT", "dobj", "punct"])
    run = roles._title_run(doc, doc[3:5])
    assert [t.text for t in run] == ["spokeswoman", "police"]
    phrase = roles.Phrase(head=doc[4], left=run, name=frozenset({3, 4}))
    found = roles.phrase_role(doc, phrase, doc.text)
    assert found is not None and found[0] == "spokesperson"


def test_a_noun_that_names_no_role_before_a_name_is_no_title():
    # "the book Alma Fisk wrote": "book" hangs on the verb and is not read as her title
    doc = _doc(["the", "book", "Alma", "Fisk", "wrote"],
               ["DET", "NOUN", "PROPN", "PROPN", "VERB"],
               [1, 4, 3, 4, 4],
               ["det", "dobj", "compound", "nsubj", "ROOT"])
    assert roles._title_run(doc, doc[2:4]) == []


def test_a_capitalised_word_hung_elsewhere_is_no_title():
    # "... 2016 Tulsa Alma Fisk said": a capitalised word before a name may be a dateline's or a name's part
    doc = _doc(["Tulsa", "Alma", "Fisk", "said"], ["PROPN", "PROPN", "PROPN", "VERB"], [3, 2, 3, 3],
               ["npadvmod", "compound", "nsubj", "ROOT"])
    assert roles._title_run(doc, doc[1:3]) == []


def test_the_title_of_the_name_before_in_a_list_is_not_the_next_names():
    # "comments from Dunmore Mayor Jo Ray, Sen. Al Fry": parsed with "Fry" an appositive of "Ray"
    words = ["from", "Dunmore", "Mayor", "Jo", "Ray", ",", "Sen.", "Al", "Fry", ","]
    doc = _doc(words, ["ADP", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT"],
               [0, 2, 4, 4, 0, 4, 8, 8, 4, 8],
               ["ROOT", "compound", "compound", "compound", "pobj", "punct", "compound", "compound", "appos", "punct"])
    phrases = roles._name_phrases(doc, doc[7:9], frozenset({3, 4, 7, 8}))
    found = [f[0] for p in phrases if (f := roles.phrase_role(doc, p, doc.text)) is not None]
    assert found == ["politician"]


def test_a_role_word_an_appositive_hangs_on_still_describes_the_name():
    # "the Mayor, Jo Ray": "Mayor" is a proper noun that names a role
    doc = _doc(["the", "Mayor", ",", "Jo", "Ray"], ["DET", "PROPN", "PUNCT", "PROPN", "PROPN"], [1, 1, 1, 4, 1],
               ["det", "ROOT", "punct", "compound", "appos"])
    phrases = roles._name_phrases(doc, doc[3:5], frozenset({3, 4}))
    found = [f[0] for p in phrases if (f := roles.phrase_role(doc, p, doc.text)) is not None]
    assert found == ["official"]
