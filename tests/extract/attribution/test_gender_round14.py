"""A capitalised "Chairman" right before a name is the office's title, not gender evidence.

The office is written "Chairman" for women too ("Chairman Jo Ray"), so the title before a name
says nothing of the holder's sex; a lower-case "chairman" written about the person ("X, chairman of
the committee") is the article's own word for them and still is evidence, as "chairwoman" always is.
Invented sentences and hand-built Docs.
"""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from newsgraph.extract.attribution import gender as g


def _first(words: list[str], pos: list[str]) -> Doc:
    return Doc(English().vocab, words=words, pos=pos)


@pytest.mark.parametrize(("title", "before_name", "want"), [
    ("Chairman", True, None),                    # "Chairman Jo Ray": the office's title
    ("chairman", True, ("male", "title")),       # "committee chairman Jo Ray": the article's word for him
    ("Chairman", False, ("male", "title")),      # "the Chairman said": a noun about the person
    ("Chairwoman", True, ("female", "title")),   # the female form always tells
])
def test_chairman_before_a_name(title, before_name, want):
    doc = _first([title, "Jo", "Ray", "spoke"], ["NOUN", "PROPN", "PROPN", "VERB"])
    assert g._word_cue(doc[0], before_name) == want


def _source(reader, text: str, word: str):
    record = reader.read(text)
    found = [s for s in record.sources if word.lower() in s.description.lower()]
    assert found, f"no source described with {word!r} in {[s.description for s in record.sources]}"
    return found[0]


def test_chairman_title_gives_no_gender(reader):
    text = "\"The vote is final,\" said Chairman Willa Brandt of the county board."
    source = _source(reader, text, "Brandt")
    assert source.gender is None
    assert not [e for e in source.gender_evidence if e.text.lower() == "chairman"]


def test_lower_case_chairman_about_the_person_gives_gender(reader):
    text = "\"The vote is final,\" said Otto Brandt, chairman of the county board."
    source = _source(reader, text, "Brandt")
    assert source.gender == "male"
    assert [e.text for e in source.gender_evidence] == ["chairman"]


# --- a pronoun the clause gives to someone else -------------------------------------------------

def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos)


REPORTED = (["Al", "Fry", "said", "he", "would", "run", "."], [1, 2, 2, 5, 5, 2, 2],
            ["compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
            ["PROPN", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"])
OBJECT = (["Jo", "Day", "tells", "him", "."], [1, 2, 2, 2, 2],
          ["compound", "nsubj", "ROOT", "dobj", "punct"], ["PROPN", "PROPN", "VERB", "PRON", "PUNCT"])


@pytest.mark.parametrize(("parse", "own", "names", "bound"), [
    (REPORTED, frozenset(), frozenset({"vance"}), True),         # "he" is Al Fry's, not Vance's
    (REPORTED, frozenset({0, 1}), frozenset({"fry"}), False),    # the source is Al Fry: "he" may be his
    (OBJECT, frozenset({0, 1}), frozenset({"day"}), True),       # "him" is not Jo Day, the verb's subject
    (OBJECT, frozenset(), frozenset({"kim"}), False),            # for another source it may be
], ids=["reported-other", "reported-own", "object-own-subject", "object-other"])
def test_bound_elsewhere(parse, own, names, bound):
    doc = _parsed(*parse)
    at = next(t.idx for t in doc if t.pos_ == "PRON")
    assert g._bound_elsewhere(doc, at, own, names) is bound


@pytest.mark.parametrize(("word", "gender"), [("Stepdad", "male"), ("stepmom", "female"), ("fiancée", "female")])
def test_step_and_accented_kinship_words(word, gender):
    doc = _first([word, "Jo", "Ray", "spoke"], ["NOUN", "PROPN", "PROPN", "VERB"])
    assert g._word_cue(doc[0], True) == (gender, "kinship")
