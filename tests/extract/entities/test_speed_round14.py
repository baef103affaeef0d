"""The role and title reads that now come from the doc's arrays give what the Token reads they replace give.

``titles.hyphen_compound``, ``coref._role_phrase`` and ``coref._modified_title`` read token strings,
trailing spaces, tags and entity labels from per-doc arrays (``coref.token_strings``,
``coref.token_values``) instead of Token objects; each is held here to a reading written out from
spaCy's own Token attributes, on invented text and hand-built docs. (The stage's whole output on real
articles is compared by ``benchmarks/compare_entities.py``.)
"""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import ENT_IOB, ENT_TYPE, POS, TAG
from spacy.tokens import Doc

from newsgraph.extract.entities import coref, titles

#: Invented docs, word by word with their trailing spaces: a split hyphenated title, one written
#: with spaces around the dash, and a role of two words.
WORDS = (
    (["President", "-", "elect", "Ana", "Sorel", "spoke", "."], [False, False, True, True, True, False, False]),
    (["Governor", "-", "elect", "Ivo", "Brask", "won"], [True, True, True, True, True, False]),
    (["the", "vice", "president", "-", "elect", "left"], [True, True, False, False, True, False]),
)

#: An English vocabulary (a bare ``Vocab`` has no lowercase forms).
VOCAB = spacy.blank("en").vocab


def _hyphen_reference(doc: Doc, i: int) -> str | None:
    """The hyphenated word as the Tokens state it: a dash between two words with no space either side."""
    if i < 2 or doc[i - 1].text not in titles.TITLE_HYPHENS or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    return f"{doc[i - 2].lower_}-{doc[i].lower_}"


def _role_phrase_reference(doc: Doc, start: int, end: int) -> str:
    """The role words as the Tokens state them: a dash with no space before it joins its neighbours."""
    out = doc[start].lower_
    for k in range(start + 1, end):
        glued = not doc[k - 1].whitespace_ and (doc[k].lower_ in "-‑" or doc[k - 1].lower_ in "-‑")
        out += doc[k].lower_ if glued else " " + doc[k].lower_
    return out


@pytest.mark.parametrize(("words", "spaces"), WORDS)
def test_hyphen_compound_matches_the_token_reading(words: list[str], spaces: list[bool]) -> None:
    doc = Doc(VOCAB, words=words, spaces=spaces)
    for inside in (False, True):
        if inside:
            with coref.reading_strings_of(doc):
                found = [titles.hyphen_compound(doc, i) for i in range(len(doc))]
        else:
            found = [titles.hyphen_compound(doc, i) for i in range(len(doc))]
        assert found == [_hyphen_reference(doc, i) for i in range(len(doc))]


def test_hyphen_compound_joins_only_a_dash_written_without_spaces() -> None:
    glued = Doc(VOCAB, words=WORDS[0][0], spaces=WORDS[0][1])
    spaced = Doc(VOCAB, words=WORDS[1][0], spaces=WORDS[1][1])
    assert titles.hyphen_compound(glued, 2) == "president-elect"
    assert titles.hyphen_compound(spaced, 2) is None


@pytest.mark.parametrize(("words", "spaces"), WORDS)
def test_role_phrase_matches_the_token_reading(words: list[str], spaces: list[bool]) -> None:
    doc = Doc(VOCAB, words=words, spaces=spaces)
    lowers = [w.lower() for w in words]
    with coref.reading_strings_of(doc):
        for start in range(len(doc)):
            for end in range(start + 1, len(doc) + 1):
                assert coref._role_phrase(doc, lowers, start, end) == _role_phrase_reference(doc, start, end)


def test_role_phrase_keeps_a_split_hyphenated_word_whole() -> None:
    words, spaces = WORDS[2]
    doc = Doc(VOCAB, words=words, spaces=spaces)
    assert coref._role_phrase(doc, [w.lower() for w in words], 1, 5) == "vice president-elect"


def test_tags_and_entity_labels_read_from_arrays_match_the_tokens(parse) -> None:
    """``_modified_title`` and ``_continues`` read ``pos_``, ``tag_`` and ``ent_type_`` through ``token_strings``."""
    doc = parse("The Rovers sporting director, Ana Sorel, met Tolvane bosses in Rennick on Monday.")
    with coref.reading_strings_of(doc):
        assert coref.token_strings(doc, POS) == [t.pos_ for t in doc]
        assert coref.token_strings(doc, ENT_TYPE) == [t.ent_type_ for t in doc]
        assert coref.token_strings(doc, TAG) == [t.tag_ for t in doc]  # (``_continues``)


def test_inside_code_of_the_iob_array_is_the_tokens_inside(parse) -> None:
    """``_role_start`` reads "inside an entity" as ``IOB_INSIDE`` in the ENT_IOB array: the tokens' "I"."""
    doc = parse("The New Rennick mayor met Ana Sorel of Tolvane Helder Labs on Monday.")
    with coref.reading_strings_of(doc):
        inside = [code == coref.IOB_INSIDE for code in coref.token_values(doc, ENT_IOB)]
    assert inside == [t.ent_iob_ == "I" for t in doc]
    assert any(inside)
