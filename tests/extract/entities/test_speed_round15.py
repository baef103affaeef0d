"""The ranker's candidate features read dependencies, tags and heads from the doc's arrays.

``ranking.DocContext.deps``, ``.tags`` and ``.heads`` replace ``doc[k].dep_``, ``.tag_`` and
``.head.i`` in ``ranking.options_for`` (each candidate token is weighed again for every mention
after it); each is held here to spaCy's own Token attributes on a hand-built doc of invented words,
heads before and after their dependents alike (a head's offset is signed). The stage's whole output
on real articles is compared by ``benchmarks/compare_entities.py``.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extract.entities import coref, ranking

#: An English vocabulary (a bare ``Vocab`` has no lowercase forms).
VOCAB = spacy.blank("en").vocab

#: "Brask Ltd said its rivals cut prices in Osland ." written out: words, heads, dependencies, tags.
WORDS = ["Brask", "Ltd", "said", "its", "rivals", "cut", "prices", "in", "Osland", "."]
HEADS = [1, 2, 2, 4, 5, 2, 5, 5, 7, 2]
DEPS = ["compound", "nsubj", "ROOT", "poss", "nsubj", "ccomp", "dobj", "prep", "pobj", "punct"]
TAGS = ["NNP", "NNP", "VBD", "PRP$", "NNS", "VBD", "NNS", "IN", "NNP", "."]


def _doc() -> Doc:
    return Doc(VOCAB, words=WORDS, heads=HEADS, deps=DEPS, tags=TAGS)


def _context(doc: Doc) -> ranking.DocContext:
    return ranking.DocContext(doc, [0] * len(doc))


def test_arrays_match_the_tokens() -> None:
    doc = _doc()
    with coref.reading_strings_of(doc):
        context = _context(doc)
        assert context.deps == [t.dep_ for t in doc]
        assert context.tags == [t.tag_ for t in doc]
        assert context.heads == [t.head.i for t in doc]
    # outside the per-doc block the lists are read afresh, and still the Tokens' own
    assert _context(doc).heads == HEADS


def test_main_subject_reads_the_head_of_the_subject() -> None:
    doc = _doc()
    context = _context(doc)
    # "Ltd" is the subject of the root "said"; "rivals" the subject of the clause under it
    assert [k for k in range(len(doc)) if context.main_subject(k)] == [1]


def test_role_of_a_dependency_is_the_role_of_its_token() -> None:
    doc = _doc()
    assert [ranking._role_of(t.dep_) for t in doc] == [ranking._role(t) for t in doc]
    assert [ranking._role_of(d) for d in ("nsubj", "dobj", "pobj", "poss", "prep")] == \
        ["subject", "object", "pobj", "poss", "other"]


def test_role_end_words_hold_each_last_word_and_its_hyphen_parts() -> None:
    words = coref.role_end_words(["finance minister", "president-elect", "mayor"])
    assert {"minister", "president-elect", "elect", "mayor"} <= words
    assert "finance" not in words and "president" not in words


def _built_phrases(words: list[str], spaces: list[bool]) -> list[tuple[str, str]]:
    """(last token, phrase) of every span of an invented doc, the phrase as ``_role_phrase`` builds it."""
    doc = Doc(VOCAB, words=words, spaces=spaces)
    lowers = [t.lower_ for t in doc]
    return [(lowers[end - 1], coref._role_phrase(doc, lowers, start, end))
            for start in range(len(doc)) for end in range(start + 1, len(doc) + 1)]


def test_no_phrase_with_a_role_ends_in_a_token_the_filter_drops() -> None:
    # every span of a doc with split hyphens: a phrase that is one of the roles always passes the filter
    roles = ["vice-president", "president-elect", "chief executive", "co-chief-executive"]
    end_words = coref.role_end_words(roles)
    words = ["the", "vice", "-", "president", "-", "elect", "and", "co", "-", "chief", "-", "executive", "left"]
    spaces = [True, False, False, False, False, True, True, False, False, False, False, True, False]
    phrases = _built_phrases(words, spaces)
    matched = [(last, phrase) for last, phrase in phrases if phrase in roles]
    assert {phrase for _, phrase in matched} == {"vice-president", "president-elect", "co-chief-executive"}
    assert all(coref._may_end_role(last, end_words) for last, _ in matched)
    # and the filter drops some spans (those ending in "the", "and", "co", "left")
    assert not coref._may_end_role("and", end_words)
    assert coref._may_end_role("-", end_words)
