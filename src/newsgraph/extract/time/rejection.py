"""Candidates that are not time expressions despite their form: "may" as a verb, "The Sunday Times".

``rejected(doc, cand, resolution)`` is true when any rule of ``REJECTION_RULES``
rejects the candidate. Each rule is a small predicate over an ``Evidence`` (the
candidate, its reading, its tokens and the text around it) whose docstring says
what it rejects and why; the regexes are named in ``patterns.py``, the character
windows below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.extract.time import patterns as P
from newsgraph.extract.time.context import Resolution
from newsgraph.extract.time.recognize import Candidate
from newsgraph.vocab.parse import VERBAL_POS

#: How far after a candidate (in characters) the rules read what follows it: the next word or two.
FOLLOWING_CHARS = 30
#: How far before a candidate the sentence-start check looks ("... said. Weekly meetings").
SENTENCE_START_CHARS = 4
#: How far before a bare decade a possessive makes it an age ("in his early 30s").
AGE_OWNER_CHARS = 20
#: How far after a candidate an age suffix is looked for ("-year-old", "-months-old").
AGE_SUFFIX_CHARS = 12
#: How far after a duration "old" is looked for ("six years old").
OLD_AFTER_CHARS = 8
#: The word before "noon" in "High Noon", and before "soon" in "as soon as", with their space.
HIGH_BEFORE_NOON = "high "
AS_BEFORE_SOON = "as "

#: Date words that are also common words: "may" (a modal verb), "march", "sun", "fall".
AMBIGUOUS_WORDS = frozenset({"may", "march", "sun", "sat", "wed", "jan", "dec", "mar", "sept", "fall", "spring"})
#: Pattern names (and "spacy") whose candidates may overlap a named entity: holidays and clock
#: times are often inside one ("Christmas Day", "3 p.m. Eastern"), and spaCy's own dates made the entity.
NAME_PROOF_SOURCES = frozenset({"holiday", "clock", "spacy"})
#: Plural nouns after a year that leave it a year: "the 2000 elections", "the 1996 Olympics".
YEAR_NOUNS = frozenset({"elections", "olympics", "games"})
#: Tokens before a four-digit number that make it an amount or a number: "$2000", "Room 1998", "Route 1500".
NUMBER_MARKS = frozenset({"$", "#", "No.", "no.", "Room", "Route"})


def name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the named entities that can swallow a date word (computed once per doc)."""
    return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in P.NAME_LABELS]


@dataclass(frozen=True)
class Evidence:
    """A candidate and what the rejection rules look at: its text, tokens, reading and surroundings."""

    doc: Doc
    cand: Candidate
    resolution: Resolution
    #: The tokens the candidate covers (``None`` when it does not fall on tokens).
    span: Span | None
    #: ``doc.text``, its candidate's part (as written and lower-cased), and the ``FOLLOWING_CHARS`` after it.
    full: str
    text: str
    lowered: str
    after: str
    #: The named-entity spans from ``name_spans(doc)``, when the caller has them.
    names: list[tuple[int, int]] | None = None

    @classmethod
    def of(
        cls, doc: Doc, cand: Candidate, resolution: Resolution, names: list[tuple[int, int]] | None = None,
        full: str | None = None,
    ) -> Evidence:
        """The evidence about ``cand``; ``names`` and ``full`` as for ``rejected``."""
        full = doc.text if full is None else full
        text = full[cand.start : cand.end]
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        after = full[cand.end : cand.end + FOLLOWING_CHARS]
        return cls(doc, cand, resolution, span, full, text, text.lower(), after, names)

    def before(self, chars: int) -> str:
        """The ``chars`` characters before the candidate (fewer at the start of the text)."""
        return self.full[max(0, self.cand.start - chars) : self.cand.start]

    def name_spans(self) -> list[tuple[int, int]]:
        """The named-entity spans the candidate may fall in."""
        return self.names if self.names is not None else name_spans(self.doc)


RejectionRule = Callable[[Evidence], bool]

# --- the rules, in the order they are tried ------------------------------------------------


def not_understood(e: Evidence) -> bool:
    """No normalisation rule reads it, or it does not cover whole tokens: there is nothing to keep."""
    return e.span is None or not e.resolution.known


def ambiguous_word_as_verb(e: Evidence) -> bool:
    """"Officials may decide", "protesters march": a date word used as a modal, a verb or a common word.

    Lower case is enough: the month and weekday names are capitalised.
    """
    if e.lowered not in AMBIGUOUS_WORDS:
        return False
    token = e.span[0]
    return token.tag_ == "MD" or token.pos_ in VERBAL_POS or e.text.islower()


def followed_by_name_word(e: Evidence) -> bool:
    """"The Sunday Times", "Black Friday Massacre": a capitalised name word after it makes a name, not a date."""
    follower = P.RE_NEXT_NAME_WORD.match(e.after)
    return bool(follower and follower.group(1).lower() in P.NAME_FOLLOWERS)


def inside_a_name(e: Evidence) -> bool:
    """"Windows 2000", "Summer Olympics": a pattern's match inside a named entity is part of the name.

    Holidays, clock times and spaCy's own dates may overlap one (``NAME_PROOF_SOURCES``).
    """
    if e.cand.source in NAME_PROOF_SOURCES:
        return False
    return any(start < e.cand.end and e.cand.start < end for start, end in e.name_spans())


def frequency_word_in_a_name(e: Evidence) -> bool:
    """"Harper's Weekly": a capitalised frequency word that does not start a sentence is a name."""
    return (
        e.cand.source == "set" and e.text[:1].isupper() and e.cand.start > 0
        and not P.RE_SENTENCE_START.search(e.before(SENTENCE_START_CHARS))
    )


def frequency_word_as_adjective(e: Evidence) -> bool:
    """"the Communist Party daily Granma", "a quarterly dividend": an adjective before a noun, not a time."""
    return bool(
        e.cand.source == "set" and P.RE_LY_WORD.fullmatch(e.text)
        and (P.RE_NEXT_CAPITAL.match(e.after) or e.span[0].dep_ == "amod" or e.span[0].pos_ == "ADJ")
    )


def programme_title(e: Evidence) -> bool:
    """"60 Minutes", "48 Hours": a number and a capitalised plural inside a sentence name a programme.

    At the start of a line it may be a heading's duration, and stays.
    """
    return bool(P.RE_COUNTED_TITLE.search(e.text)) and e.cand.start > 0 and e.full[e.cand.start - 1] != "\n"


def fraction_in_quarters(e: Evidence) -> bool:
    """"about three-quarters of the vote": a fraction, not quarters of a year."""
    return bool(P.RE_QUARTERS_FRACTION.search(e.lowered))


def decade_of_a_life(e: Evidence) -> bool:
    """"in his 30s", "her early 40s": a decade after a possessive is an age."""
    return bool(P.RE_TWO_DIGIT_DECADE.fullmatch(e.text)) and bool(
        P.RE_AGE_OWNER.search(e.before(AGE_OWNER_CHARS).lower())
    )


def quoted_title(e: Evidence) -> bool:
    """The programme "This Week", the song "Friday": a capitalised expression alone in quotes is a title."""
    before_char = e.full[e.cand.start - 1 : e.cand.start] if e.cand.start else ""
    return (
        before_char in P.OPEN_QUOTES and e.full[e.cand.end : e.cand.end + 1] in P.CLOSE_QUOTES
        and e.text[:1].isupper()
    )


def named_march(e: Evidence) -> bool:
    """"the March for Our Lives", "the Women's March on Washington": a march, not the month."""
    return bool(P.RE_NAMED_MARCH.search(e.text) and P.RE_MARCH_NAME_TAIL.match(e.after))


def part_of_a_compound(e: Evidence) -> bool:
    """"now-famous", "today-style": a hyphen after it makes it part of a compound adjective ("1998-99" stays)."""
    return e.after.startswith("-") and not e.after[1:2].isdigit()


def decade_without_century(e: Evidence) -> bool:
    """"in their late 40s, early 50s": a decade without "the" or an apostrophe is an age."""
    return bool(P.RE_BARE_DECADE.fullmatch(e.text))


def fraction_of_something(e: Evidence) -> bool:
    """"a quarter of a million", "half of the votes", "a quarter percentage point": fractions."""
    return bool(P.RE_FRACTION_WORDS.fullmatch(e.lowered) and P.RE_FRACTION_TAIL.match(e.after))


def high_noon(e: Evidence) -> bool:
    """"High Noon" (a film), "high noon" (a figure of speech): no clock time."""
    return e.lowered == "noon" and e.before(len(HIGH_BEFORE_NOON)).lower() == HIGH_BEFORE_NOON


def as_soon_as(e: Evidence) -> bool:
    """"as soon as he arrived": a conjunction, not a vague future."""
    return e.lowered == "soon" and e.before(len(AS_BEFORE_SOON)).lower() == AS_BEFORE_SOON


def ordinal_second(e: Evidence) -> bool:
    """"a second term", "the second round": an ordinal, not a second of time."""
    return bool(P.RE_ORDINAL_SECOND.fullmatch(e.lowered))


def age(e: Evidence) -> bool:
    """"a 44-year-old", "six years old": ages are not time expressions."""
    return bool(
        P.RE_AGE_SUFFIX.match(e.full[e.cand.end : e.cand.end + AGE_SUFFIX_CHARS])
        or e.lowered.endswith(("-old", " old"))
        or (e.resolution.type == "DURATION"
            and P.RE_OLD_AFTER.match(e.full[e.cand.end : e.cand.end + OLD_AFTER_CHARS]))
    )


def year_that_counts(e: Evidence) -> bool:
    """"2000 troops", "1500 meters", "$2000", "Route 1500": a four-digit number that counts or numbers things."""
    if e.cand.source not in ("year", "spacy") or not P.RE_FOUR_DIGITS.fullmatch(e.text):
        return False
    doc, span = e.doc, e.span
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in YEAR_NOUNS:
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and (prev.like_num or prev.text in NUMBER_MARKS)


#: The rejection rules, in the order they are tried; the first that holds rejects the candidate.
#: ``not_understood`` comes first: the others may read the candidate's tokens.
REJECTION_RULES: tuple[RejectionRule, ...] = (
    not_understood,
    ambiguous_word_as_verb,
    followed_by_name_word,
    inside_a_name,
    frequency_word_in_a_name,
    frequency_word_as_adjective,
    programme_title,
    fraction_in_quarters,
    decade_of_a_life,
    quoted_title,
    named_march,
    part_of_a_compound,
    decade_without_century,
    fraction_of_something,
    high_noon,
    as_soon_as,
    ordinal_second,
    age,
    year_that_counts,
)


def rejected(
    doc: Doc,
    cand: Candidate,
    resolution: Resolution,
    names: list[tuple[int, int]] | None = None,
    full: str | None = None,
) -> bool:
    """True when a candidate is not a time expression despite its form (any of ``REJECTION_RULES``).

    ``names`` are the spans from ``name_spans(doc)`` and ``full`` is ``doc.text`` (which
    spaCy rebuilds on every access); pass them when checking many candidates.
    """
    evidence = Evidence.of(doc, cand, resolution, names, full)
    return any(rule(evidence) for rule in REJECTION_RULES)


__all__ = ["REJECTION_RULES", "Evidence", "RejectionRule", "name_spans", "rejected"]
