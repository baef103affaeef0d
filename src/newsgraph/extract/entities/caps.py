"""Names in text written in capitals ("PRESIDENT X MET WITH CHANCELLOR Y IN Z").

The small English model tags and labels all-caps text poorly: verbs come out
as proper nouns and whole clauses as organisations ("TALKS WENT WELL"). The
text cannot be re-cased here (the parse has run), so in sentences that are
mostly capitals this module

- cuts an all-caps name at the first verb or function word in it, and drops
  it when no title cue vouches for what is left (a clause is not a name);
- reads names after title cues ("CHANCELLOR Y") that spaCy did not label.
"""

from __future__ import annotations

import itertools

import numpy
from spacy.attrs import IS_ALPHA, IS_UPPER, LENGTH, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from newsgraph.extract.entities.lexicons import (
    ALL_CAPS_MIN_WORDS,
    ALL_CAPS_SHARE,
    CAPS_NAME_JOINERS,
    MAX_CAPS_NAME_TOKENS,
    NON_NAME_LABELS,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    VERB_TAGS,
    WEAK_TITLE_HEADS,
)


def caps_tokens(doc: Doc) -> list[bool]:
    """For each token, whether its sentence is mostly written in capitals.

    A word here is a token of two or more letters; the sentence is mostly capitals when it has at least
    ``ALL_CAPS_MIN_WORDS`` words and ``ALL_CAPS_SHARE`` of them are upper case. The per-token tests are
    the lexeme flags spaCy computes once per word type (``IS_ALPHA`` is ``str.isalpha``, ``IS_UPPER``
    ``str.isupper``, ``LENGTH`` ``len``), read as arrays and summed per sentence with numpy, since this
    runs over every token of every article and almost no sentence of news text is written in capitals.
    Without sentence starts the doc is one sentence (as ``doc[:]``).
    """
    flags = [False] * len(doc)
    if not len(doc):
        return flags
    alpha, upper, length, sent_start = doc.to_array([IS_ALPHA, IS_UPPER, LENGTH, SENT_START]).T
    bounds = [0]
    if doc.has_annotation("SENT_START"):
        bounds += [i for i in numpy.flatnonzero(sent_start == 1).tolist() if i > 0]
    words = (alpha == 1) & (length > 1)
    n_words = numpy.add.reduceat(words.astype(numpy.int64), bounds).tolist()
    n_upper = numpy.add.reduceat((words & (upper == 1)).astype(numpy.int64), bounds).tolist()
    bounds.append(len(doc))
    for k, (sent_start, sent_end) in enumerate(itertools.pairwise(bounds)):
        if n_words[k] < ALL_CAPS_MIN_WORDS or n_upper[k] / n_words[k] < ALL_CAPS_SHARE:
            continue
        for i in range(sent_start, sent_end):
            flags[i] = True
    return flags


def breaks_name(token: Token) -> bool:
    """A word that cannot be inside an all-caps name: a verb form or a function word."""
    low = token.lower_
    if low in CAPS_NAME_JOINERS:
        return False
    return token.tag_ in VERB_TAGS or low in STOP_WORDS or token.is_punct


def name_end(doc: Doc, start: int, end: int) -> int:
    """Where an all-caps name ``doc[start:end]`` really ends: before its first verb or function word."""
    for k in range(start + 1, end):
        if breaks_name(doc[k]):
            return k
    return end


def is_title_cue(token: Token) -> bool:
    """A title word after which a name follows ("PRESIDENT", "GOV.")."""
    low = token.lower_
    return (low in TITLE_HEADS and low not in WEAK_TITLE_HEADS) or low in TITLE_ABBREVIATIONS


def _name_word(token: Token) -> bool:
    low = token.lower_
    return (token.is_upper and token.is_alpha and len(token) > 1 and not breaks_name(token)
            and low not in CAPS_NAME_JOINERS and low not in STOP_WORDS
            and low not in TITLE_HEADS and low not in TITLE_MODIFIERS and token.ent_type_ not in NON_NAME_LABELS)


def names_after_titles(doc: Doc, caps: list[bool], taken: list[bool]) -> list[tuple[int, int]]:
    """Token ranges of names right after a title cue in all-caps sentences, not already taken."""
    found = []
    for token in doc:
        i = token.i + 1
        if not caps[token.i] or i >= len(doc) or taken[i] or not is_title_cue(token):
            continue
        end = i
        while (end < len(doc) and end - i < MAX_CAPS_NAME_TOKENS and not taken[end] and caps[end]
               and _name_word(doc[end]) and not (end > i and doc[end].dep_ == "ROOT")):
            end += 1
        if end > i:
            found.append((i, end))
    return found
