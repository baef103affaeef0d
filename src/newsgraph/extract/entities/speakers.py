"""First-person pronouns inside quotations: mentions of the quotation's speaker.

'"We will stay," said Jo Dale' — "We" is Jo Dale speaking, and a reader
attaches it to her, not to a new source called "we". A quotation is a run of
tokens inside quotation marks (``coref.Quotes``); its speaker is the subject of
a speech verb outside the marks, in the quotation's own sentences first, then
the sentence after it, then the one before. A quotation that goes on with no
narration in between (a new paragraph, or the next sentence reopened with a mark
on the same line, as the BBC writes it) keeps the speaker of the one before
unless its own sentences name one; so does a quotation with no speech verb
in or next to it, when the last quotation spoken came at most
``CARRIED_SPEAKER_SENTENCES`` before ('"Video games are new," X said. This
was the case in Uruguay. "It is up to us ..."'). A speaker the entity stage
does not know (an unnamed "a spokesman", "Acme's daughter") leaves its
pronouns unresolved: they are no one's mention and no source of their own.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

from newsgraph.extract.entities import coref
from newsgraph.vocab.pronouns import FIRST_PERSON_FORMS

#: How many tokens of a speaker phrase's subtree are searched for a known entity ("Acme's chief, Jo Dale").
MAX_SPEAKER_PHRASE_TOKENS = 12
#: How many sentences after the last spoken quotation an unattributed one still takes its speaker.
CARRIED_SPEAKER_SENTENCES = 3


def quote_runs(inside: list[bool]) -> list[tuple[int, int]]:
    """The (start, end) token ranges of consecutive tokens inside quotation marks."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, flag in enumerate([*inside, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _phrase_tokens(doc: Doc, token: int) -> list[int]:
    """The tokens of a speaker phrase, without what a possessor brings ("Acme's chief": not Acme)."""
    out: list[int] = []
    stack = [doc[token]]
    while stack and len(out) < MAX_SPEAKER_PHRASE_TOKENS:
        node = stack.pop(0)
        out.append(node.i)
        stack.extend(c for c in node.children if c.dep_ != "poss")
    return out


def _owner(doc: Doc, token: int, owners: dict[int, int]) -> int | None:
    if token in owners:
        return owners[token]
    for k in _phrase_tokens(doc, token):
        if k in owners:
            return owners[k]
    return None


def _speaker_in(doc: Doc, quotes: coref.Quotes, sentences: Iterable[int], run: tuple[int, int],
                owners: dict[int, int]) -> tuple[bool, int | None]:
    """Whether sentences ``sentences`` name a speaker (a speech verb's subject), and its group if known.

    The subject of the verb the quotation hangs off comes first ('He said the crowd was "loud"', even
    when the tagger runs the next sentence, with its own speaker, into the quotation's), then the nearest.
    """
    subjects = [t for s in sentences for t in quotes.speech_subjects(s)]
    middle = (run[0] + run[1]) / 2
    opening = doc[run[0]]

    def order(t: int) -> tuple[bool, float]:
        return (not doc[t].head.is_ancestor(opening), abs(t - middle))

    for token in sorted(subjects, key=order):
        group = _owner(doc, token, owners)
        if group is not None:
            return True, group
    return bool(subjects), None  # an unknown speaker ("a spokesman said") is the speaker all the same


def _speaker(doc: Doc, quotes: coref.Quotes, sents: list[int], run: tuple[int, int], owners: dict[int, int],
             carried: tuple[int, int | None] | None, goes_on: bool) -> tuple[bool, int | None]:
    """Whether a speaker is written for the quotation ``run``, and its group when it is a known entity.

    ``carried`` is the sentence and speaker of the last quotation that had one; ``goes_on`` says that
    only quotation marks and line breaks separate this quotation from that one.
    """
    first, last = sents[run[0]], sents[run[1] - 1]
    written, group = _speaker_in(doc, quotes, range(first, last + 1), run, owners)
    if written:
        return written, group
    if goes_on and carried is not None:
        return True, carried[1]
    if carried is not None and first - carried[0] == 1:
        # '"Q1," X said. "Q2."': a quotation opening the sentence right after an attributed one goes on
        # in its voice; the next sentence's speech verb more often opens someone else's ("Y said he ...").
        return True, carried[1]
    for sentences in ((last + 1,), (first - 1,)):
        written, group = _speaker_in(doc, quotes, sentences, run, owners)
        if written:
            return written, group
    if carried is not None and first - carried[0] <= CARRIED_SPEAKER_SENTENCES:
        return True, carried[1]
    return False, None


def _only_marks(doc: Doc, start: int, end: int, orths: list[str]) -> bool:
    """True when tokens ``start:end`` are only quotation marks, punctuation and line breaks."""
    return all(not orths[k].strip() or doc[k].is_punct or doc[k].is_quote for k in range(start, end))


def first_person_mentions(doc: Doc, quotes: coref.Quotes, sents: list[int], owners: dict[int, int],
                          blocked: set[int]) -> list[tuple[int, int]]:
    """(token, group) for each first-person pronoun inside a quotation whose speaker is a known entity.

    ``owners`` maps the tokens of entity mentions (names, resolved pronouns and
    descriptions) to their group.
    """
    lowers = coref.token_strings(doc, LOWER)
    if not any(low in FIRST_PERSON_FORMS for low in lowers):
        return []
    orths = coref.token_strings(doc, ORTH)
    found: list[tuple[int, int]] = []
    previous_end: int | None = None
    carried: tuple[int, int | None] | None = None  # (last sentence, speaker) of the last spoken quotation
    for run in quote_runs(quotes.inside):
        goes_on = previous_end is not None and _only_marks(doc, previous_end, run[0], orths)
        written, speaker = _speaker(doc, quotes, sents, run, owners, carried, goes_on)
        previous_end = run[1]
        if written:
            carried = (sents[run[1] - 1], speaker)
        elif not goes_on:
            carried = None
        if speaker is None:
            continue
        for k in range(*run):
            if lowers[k] in FIRST_PERSON_FORMS and k not in blocked:
                found.append((k, speaker))
    return found
