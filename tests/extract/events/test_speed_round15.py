"""The event stage's round-15 per-document arrays answer as the ``Token`` reads they replace."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from newsgraph.extract.events import clauses

VOCAB = English().vocab


def _doc() -> Doc:
    """An invented sentence parsed by hand, with a root in the middle and children on both sides:
    "The old mayor of Lynwick quietly resigned on Friday ."."""
    words = ["The", "old", "mayor", "of", "Lynwick", "quietly", "resigned", "on", "Friday", "."]
    return Doc(VOCAB, words=words, spaces=[True] * 8 + [False, False],
               heads=[2, 2, 6, 2, 3, 6, 6, 6, 7, 6],
               deps=["det", "amod", "nsubj", "prep", "pobj", "advmod", "ROOT", "prep", "pobj", "punct"],
               tags=["DT", "JJ", "NN", "IN", "NNP", "RB", "VBD", "IN", "NNP", "."])


def test_doc_tree_matches_the_token_reads() -> None:
    """Children indices, dependency and tag ids and tokens are what ``Token`` gives, position by position."""
    clauses.forget_children()
    doc = _doc()
    children_of, deps, tags, tokens = clauses.doc_tree(doc)
    assert children_of[6] == (2, 5, 7, 9)  # the root: both sides, ascending
    assert children_of[0] == ()
    for tok in doc:
        assert children_of[tok.i] == tuple(c.i for c in tok.children)
        assert deps[tok.i] == tok.dep and tags[tok.i] == tok.tag
        assert tokens[tok.i].i == tok.i and tokens[tok.i].doc is doc


def test_kids_and_phrases_follow_the_document() -> None:
    """A second document replaces the first one's arrays: no child list is read across documents."""
    clauses.forget_children()
    first = _doc()
    assert [t.i for t in clauses.kids(first[2])] == [0, 1, 3]
    # "prep" is trimmed from a bare phrase and kept in an actor's "of" phrase.
    assert [t.text for t in clauses.phrase_tokens(first[2])] == ["The", "old", "mayor"]
    assert [t.text for t in clauses.actor_phrase_tokens(first[2])] == ["The", "old", "mayor", "of", "Lynwick"]
    other = Doc(VOCAB, words=["Rain", "fell", "."], spaces=[True, False, False], heads=[1, 1, 1],
                deps=["nsubj", "ROOT", "punct"], tags=["NN", "VBD", "."])
    assert [t.i for t in clauses.kids(other[1])] == [0, 2]
    assert clauses.kids(other[0]) == ()


def test_empty_doc_has_empty_arrays() -> None:
    clauses.forget_children()
    assert clauses.doc_tree(Doc(VOCAB, words=[])) == ([], [], [], [])


def _participle(tag: str) -> Doc:
    """Invented: "Critics of the council 's housing policy and raising rents spoke ." with "housing" tagged ``tag``."""
    words = ["Critics", "of", "the", "council", "'s", "housing", "policy", "and", "raising", "rents", "spoke", "."]
    return Doc(VOCAB, words=words, spaces=[True] * 3 + [False] + [True] * 6 + [False, False],
               heads=[10, 0, 3, 5, 3, 1, 5, 5, 5, 8, 10, 10],
               deps=["nsubj", "prep", "det", "nsubj", "case", "pcomp", "dobj", "cc", "conj", "dobj", "ROOT", "punct"],
               tags=["NNS", "IN", "DT", "NN", "POS", tag, "NN", "CC", "VBG", "NNS", "VBD", "."])


def test_phrase_leaves_out_what_a_nominal_participle_coordinates() -> None:
    """A possessed "housing policy" keeps its words and drops the clause coordinated with it; a
    "housing" that is no participle (tagged NN) keeps the coordination as any phrase does."""
    clauses.forget_children()
    nominal = _participle("VBG")
    assert clauses.is_nominal_participle(nominal[5])
    assert [t.i for t in clauses.phrase_tokens(nominal[1], frozenset())] == [1, 2, 3, 4, 5, 6]
    clauses.forget_children()
    plain = _participle("NN")
    assert [t.i for t in clauses.phrase_tokens(plain[1], frozenset())] == list(range(1, 10))
