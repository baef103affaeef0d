"""Find time expressions in a parsed ``Doc`` with TIMEX3 extents.

Candidates come from two places: the named patterns in ``patterns.py``
(what spaCy's DATE/TIME entities miss or cut differently: "recent months",
"for months", "the 1980s and 1990s" as two expressions) and spaCy's own DATE and
TIME entities. Each candidate is trimmed to a TIMEX3 extent (no leading
preposition, no possessive), kept only when the normaliser understands it and
no rule of ``rejection.py`` rejects it ("may" as a verb, "The Sunday Times", a
year that counts troops), and overlaps are settled in favour of the longest span.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.time import patterns as P
from newsgraph.extract.time.context import Resolution, Tense
from newsgraph.vocab.parse import AUX_DEPS, NOMINAL_POS, PRESENT_OR_PROGRESSIVE_TAGS, PRESENT_TAGS, VERBAL_POS


@dataclass(frozen=True)
class Candidate:
    """A stretch of ``doc.text`` that may be a time expression; ``source`` names the pattern or "spacy"."""

    start: int
    end: int
    source: str


#: ASCII-only lower-casing, which never changes the length of a text.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_LEAD_WORD = re.compile(r"^(\w+)\s+")
_TRAIL = re.compile(r"(?:['’]s|s['’]|[\s,;:!?)\]\"'“”‘’-])+$")
_LEAD = re.compile(r"^[\s,;:(\[\"'“”‘’-]+")
#: Words that must not end an extent ("Tuesday and", "the 1980s or").
_TRAIL_WORDS = re.compile(r"\s+(?:and|or|to|through|until|the|of|on|in|at)$", re.I)
#: A trailing full stop that ends a sentence, not an abbreviation ("in March." but not "Sept." or "p.m.").
_SENTENCE_DOT = re.compile(r"(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![A-Z][a-z]{3})(?<!\b[apAP]\.[mM])\.$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``text[start:end]`` to a TIMEX3 extent: no leading preposition, possessive or punctuation."""
    for _ in range(4):
        piece = text[start:end]
        lead = _LEAD.match(piece)
        if lead:
            start += lead.end()
            continue
        determiner = P.RE_DROPPED_DETERMINER.match(piece)
        if determiner:
            start += determiner.end()
            continue
        word = _LEAD_WORD.match(piece)
        if word and word.group(1).lower() in P.LEADING_TRIM and end - start > word.end() \
                and not P.RE_KEPT_LEAD.match(piece):
            start += word.end()
            continue
        trail = _TRAIL.search(piece)
        if trail and trail.start() > 0:
            end = start + trail.start()
            continue
        words = _TRAIL_WORDS.search(piece)
        if words:
            end = start + words.start()
            continue
        dot = _SENTENCE_DOT.search(piece)
        if dot and not P.RE_ABBREVIATION_END.search(piece):
            end -= 1
            continue
        break
    return start, max(start, end)


#: How far before its keyword a match may start, and how far after it a window reaches.
_LEAD_CHARS = 80
_AHEAD_CHARS = 160
#: A windowed match ending this close to the window's end is searched again without a window.
_SLACK_CHARS = 60


def pattern_matches(
    regex: re.Pattern[str], keyword: re.Pattern[str], text: str, haystack: str
) -> Iterator[re.Match[str]]:
    """The matches of ``regex.finditer(text)``, found by searching only near ``keyword`` hits.

    Every match contains a keyword (``P.PATTERN_KEYWORDS``), so a match starts at
    most ``_LEAD_CHARS`` before a keyword hit; searching a window around each hit
    (instead of trying the pattern at every position) gives the same matches for a
    fraction of the cost. ``haystack`` is ``text`` or its lower-cased copy (same length).
    A match that reaches the end of its window is re-searched without one, so a
    window never cuts a match short.
    """
    pos = 0
    size = len(text)
    for hit in keyword.finditer(haystack):
        if hit.start() < pos:
            continue
        start = max(pos, hit.start() - _LEAD_CHARS)
        end = min(size, hit.start() + _AHEAD_CHARS)
        match = regex.search(text, start, end)
        if match is None:
            continue
        if end < size and match.end() > end - _SLACK_CHARS:
            match = regex.search(text, start)
            if match is None:  # pragma: no cover - the window found one, so the whole text has one
                continue
        yield match
        pos = max(match.end(), match.start() + 1)


def candidates(doc: Doc, full: str | None = None) -> list[Candidate]:
    """Every pattern match and every spaCy DATE/TIME entity, trimmed."""
    text = doc.text if full is None else full
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased ("İ")
        lowered = text.translate(_ASCII_LOWER)
    found: list[Candidate] = []
    for name, regex in P.RECOGNISER_PATTERNS.items():
        haystack = text if name in P.CASED_KEYWORDS else lowered
        for match in pattern_matches(regex, P.PATTERN_KEYWORDS[name], text, haystack):
            start, end = trim(text, match.start(), match.end())
            if end > start:
                found.append(Candidate(start, end, name))
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            start, end = trim(text, ent.start_char, ent.end_char)
            if end > start:
                found.append(Candidate(start, end, "spacy"))
    return found


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def tense_of(doc: Doc, start: int, end: int, full: str | None = None) -> Tense | None:
    """The tense of the clause an expression sits in: its governing verb and that verb's auxiliaries.

    "will meet Tuesday" and "is expected to vote Tuesday" are future; "met Tuesday"
    and "has met" are past; a present tense is "present"; no verb gives ``None``.
    An infinitive after a verb that looks ahead (``P.FUTURE_HEADS``: "plans to vote
    Tuesday") is future; after an attempt (``P.ATTEMPT_HEADS``: "was trying to pass the
    bill Tuesday", "will try to pass it Tuesday") it happens when the attempt does, so it
    takes the attempt's tense (``INFINITIVE_HEAD_STEPS`` verbs up at most); after a plan in the
    past perfect ("had been due to expire Friday") it is past, the plan told as over; after another
    verb ("agreed to buy the line in February") its own form says nothing.
    """
    span = _span(doc, start, end)
    if span is None or len(span) == 0:
        return None
    token = span.root
    for step in range(8):
        if token.pos_ in VERBAL_POS and token.dep_ != "amod":
            break
        if step and token.pos_ in NOMINAL_POS and token.dep_ in P.CLAUSE_ARGUMENT_DEPS:
            return None  # "growth ... against the forecast in December": the date belongs to a noun phrase
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    if token.pos_ not in VERBAL_POS:
        return None
    full = doc.text if full is None else full
    for _ in range(INFINITIVE_HEAD_STEPS):
        head = _infinitive_head(token)
        if head is not None and head.lemma_.lower() in P.FUTURE_HEADS and _past_perfect(head):
            return "past"  # "had been due to expire Friday": a plan told as over, its day gone by
        if head is None or head.lemma_.lower() not in P.ATTEMPT_HEADS:
            break
        token = head  # "was trying to nip the plan Tuesday": the trying's tense
    return _verb_tense(token, start, full)


#: How far before an expression a deadline cue ("until", "as soon as") is looked for.
DEADLINE_CUE_CHARS = 12
#: How many attempts up ("was trying to manage to pass it Tuesday") the governing verb is looked for.
INFINITIVE_HEAD_STEPS = 3


def _past_perfect(head: Token) -> bool:
    """ "had been scheduled", "had planned", "had been due": a verb (or a copula's adjective) in the past perfect."""
    verb = head.head if head.pos_ == "ADJ" else head
    return any(child.dep_ in AUX_DEPS and child.lower_ == "had" for child in verb.children)


def _infinitive_head(token: Token) -> Token | None:
    """The verb a "to" infinitive completes ("trying" in "was trying to nip"), or None for another verb."""
    if token.tag_ != "VB" or token.dep_ not in P.INFINITIVE_DEPS or token.head is token:
        return None
    if not any(child.dep_ in AUX_DEPS and child.lower_ == "to" for child in token.children):
        return None
    head = token.head
    if head.pos_ in VERBAL_POS or (head.pos_ == "ADJ" and head.dep_ == "acomp"):  # "was due to expire"
        return head
    return None


def _verb_tense(token: Token, start: int, full: str) -> Tense | None:
    """The tense ``token``'s form and auxiliaries give a date at character ``start`` (see ``tense_of``)."""
    auxes = [child for child in token.children if child.dep_ in AUX_DEPS]
    lowered = {aux.lower_ for aux in auxes}
    perfect = bool(lowered & {"have", "has", "had", "'ve"})
    if lowered & P.FUTURE_AUX:
        return "future"
    if any(aux.tag_ == "MD" for aux in auxes) and not perfect:
        # "must be returned by Jan. 14", "could vote Tuesday", "said he would travel Thursday"
        return "future"
    if token.head.lower_ == "going" or (
        "to" in lowered and token.tag_ == "VB" and token.head is not token
        and token.head.lemma_.lower() in P.FUTURE_HEADS
    ):
        return "future"
    cue = full[max(0, start - DEADLINE_CUE_CHARS) : start].lower().split()
    if cue and (cue[-1] in P.DEADLINE_CUES or tuple(cue[-3:]) in P.DEADLINE_PHRASES) and not lowered & {"had"}:
        # "has given them until 9 a.m. Tuesday", "could leave as soon as Tuesday"; "had been put off until
        # Tuesday" is over
        return "future"
    if token.tag_ == "VBD" or lowered & {"had", "has", "have", "did", "was", "were", "'ve"}:
        return "past"
    if token.tag_ == "VBN":
        # "is expected in December" is not past; "was extended to Nov. 16" is
        return "present" if lowered & {"is", "are", "am", "be", "being"} else None
    if token.tag_ in PRESENT_TAGS and not lowered and token.lemma_.lower() not in P.STATIVE_VERBS:
        # news present with a date looks ahead: "Arafat meets Albright Monday", "the trial opens in March"
        return "future"
    if token.tag_ in PRESENT_OR_PROGRESSIVE_TAGS or lowered & {"is", "are", "am", "do", "does"}:
        return "present"
    return None


def select(cands: list[tuple[Candidate, Resolution]]) -> list[tuple[Candidate, Resolution]]:
    """Non-overlapping candidates, longest first (patterns before spaCy on a tie), in text order.

    Taken spans are kept sorted by start, so each overlap check is a binary search:
    a page that is one long list of dates stays linear-logarithmic.
    """
    ranked = sorted(cands, key=lambda cr: (-(cr[0].end - cr[0].start), cr[0].source == "spacy", cr[0].start))
    starts: list[int] = []
    taken: list[tuple[Candidate, Resolution]] = []
    for cand, res in ranked:
        i = bisect.bisect_left(starts, cand.start)
        if i < len(taken) and taken[i][0].start < cand.end:
            continue  # overlaps the next taken span
        if i > 0 and taken[i - 1][0].end > cand.start:
            continue  # overlaps the previous taken span
        starts.insert(i, cand.start)
        taken.insert(i, (cand, res))
    return taken


__all__ = ["Candidate", "candidates", "pattern_matches", "select", "tense_of", "trim"]
