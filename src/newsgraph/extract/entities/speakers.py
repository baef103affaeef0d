"""First-person pronouns inside quotations: mentions of the quotation's speaker.

'"We will stay," said Jo Dale' — "We" is Jo Dale speaking, and a reader
attaches it to her, not to a new source called "we". A quotation is a run of
tokens inside quotation marks (``coref.Quotes``); its speaker is the subject of
a speech verb outside the marks, in the quotation's own sentences first, then
the sentence after it, then the one before. A quotation that goes on in a new
paragraph with no narration in between keeps the speaker of the one before.
A speaker the entity stage does not know (an unnamed "a spokesman") leaves its
pronouns unresolved: they are no one's mention and no source of their own.
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

from newsgraph.extract.entities import coref
from newsgraph.vocab.pronouns import FIRST_PERSON_FORMS

#: How many tokens of a speaker phrase's subtree are searched for a known entity ("Acme's chief, Jo Dale").
MAX_SPEAKER_PHRASE_TOKENS = 12


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


def _owner(doc: Doc, token: int, owners: dict[int, int]) -> int | None:
    if token in owners:
        return owners[token]
    for child in list(doc[token].subtree)[:MAX_SPEAKER_PHRASE_TOKENS]:
        if child.i in owners:
            return owners[child.i]
    return None


def _speaker(doc: Doc, quotes: coref.Quotes, sents: list[int], run: tuple[int, int],
             owners: dict[int, int]) -> tuple[bool, int | None]:
    """Whether a speaker is written for the quotation ``run``, and its group when it is a known entity."""
    first, last = sents[run[0]], sents[run[1] - 1]
    middle = (run[0] + run[1]) / 2
    for sentences in (range(first, last + 1), (last + 1,), (first - 1,)):
        subjects = [t for s in sentences for t in quotes.speech_subjects(s)]
        for token in sorted(subjects, key=lambda t: abs(t - middle)):
            group = _owner(doc, token, owners)
            if group is not None:
                return True, group
        if subjects:
            return True, None  # an unknown speaker ("a spokesman said") is the speaker all the same
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
    previous: tuple[tuple[int, int], int | None] | None = None
    for run in quote_runs(quotes.inside):
        written, speaker = _speaker(doc, quotes, sents, run, owners)
        if not written and previous is not None and _only_marks(doc, previous[0][1], run[0], orths):
            speaker = previous[1]  # the quotation goes on in a new paragraph
        previous = (run, speaker)
        if speaker is None:
            continue
        for k in range(*run):
            if lowers[k] in FIRST_PERSON_FORMS and k not in blocked:
                found.append((k, speaker))
    return found
