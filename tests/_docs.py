"""Hand-built parses for rule tests: a ``Doc`` from a table, no model needed.

Rule tests about the parse write the parse out (word, head, label, part of
speech, tag, lemma) so that a new model cannot change what they test. The
vocabulary is a blank English one: lexical attributes such as ``is_punct`` and
``like_num`` need a language's getters.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab
#: Tokens written without a space before them.
NO_SPACE_BEFORE = frozenset({".", ",", ":", ";", "?", "!", "'s", "’s", "”", "n't"})
#: Tokens written without a space after them.
NO_SPACE_AFTER = frozenset({"“"})


def parse(spec: str) -> Doc:
    """A Doc from lines ``index word head dep pos tag lemma [iob-entity]``.

    Heads are absolute token indices and a root heads itself; the index column
    must count from 0, so a table with a row left out fails at once.
    """
    rows = [line.split() for line in spec.strip().splitlines()]
    for n, row in enumerate(rows):
        assert int(row[0]) == n, f"row {n} is numbered {row[0]}"
    return _doc(rows)


def tokens(spec: str) -> Doc:
    """A Doc from one sentence written as tokens ``index/word/head/dep/POS/TAG[/lemma][/entity]``.

    The same columns as :func:`parse`, a token a field group and a sentence a
    paragraph, so that many small parses do not repeat the same table rows over
    and over. Shorthands: the lemma may be left out when it is the word in
    lower case (a proper noun's: the word itself); punctuation may stop after
    the label (``7/./2/punct``: part of speech PUNCT, tag and lemma the word); an
    entity field starts with ``B-`` or ``I-``. E.g. ``0/Lee/1/nsubj/PROPN/NNP/B-PERSON
    1/left/1/ROOT/VERB/VBD/leave 2/./1/punct``.
    """
    rows = []
    for n, item in enumerate(spec.split()):
        index, word, head, dep, *rest = item.split("/")
        assert int(index) == n, f"token {n} is numbered {index}"
        ent = rest.pop() if rest and rest[-1][:2] in ("B-", "I-") else "O"
        if not rest:
            rest = ["PUNCT", word, word]
        pos, tag = rest[0], rest[1]
        lemma = rest[2] if len(rest) > 2 else (word if pos == "PROPN" else word.lower())
        rows.append([index, word, head, dep, pos, tag, lemma, ent])
    return _doc(rows)


def _doc(rows: list[list[str]]) -> Doc:
    words = [r[1] for r in rows]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE and words[i] not in NO_SPACE_AFTER
        for i in range(len(words))
    ]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[int(r[2]) for r in rows],
        deps=[r[3] for r in rows],
        pos=[r[4] for r in rows],
        tags=[r[5] for r in rows],
        lemmas=[r[6] for r in rows],
        ents=[r[7] if len(r) > 7 else "O" for r in rows],
    )
