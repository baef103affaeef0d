"""Person names: their parts, their variants and the gender they suggest.

A name is read as ``[honorific] first [middle|initials] surname [suffix]`` so
that "Carl J. Brandt Jr.", "Carl Brandt", "Mr. Brandt" and "Brandt"
can be recognised as one person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.extract.entities.lexicons import (
    FEMALE_TITLES,
    HONORIFICS,
    MALE_TITLES,
    RE_INITIAL,
)
from newsgraph.extract.failures import strict
from newsgraph.vocab.names import NAME_SUFFIX_TOKENS, SURNAME_PARTICLES


@dataclass(frozen=True)
class NameParts:
    """The parts of a person's name, lowercased for comparison."""

    first: str | None
    surname: str
    words: tuple[str, ...]

    @property
    def full(self) -> bool:
        """A first name and a surname, not a bare surname."""
        return self.first is not None


def strip_honorifics(words: list[str]) -> list[str]:
    """The name without leading honorifics ("Mr.", "Dr.")."""
    i = 0
    while i < len(words) - 1 and words[i].lower() in HONORIFICS:
        i += 1
    return words[i:]


def _join_hyphens(words: list[str]) -> list[str]:
    """``["polakow", "-", "suransky"]`` → ``["polakow-suransky"]``: a hyphenated surname is one word."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i] in ("-", "‐") and out and i + 1 < len(words):
            out[-1] = f"{out[-1]}-{words[i + 1]}"
            i += 2
            continue
        out.append(words[i])
        i += 1
    return out


def name_parts(words: list[str]) -> NameParts | None:
    """Split a person name given as words; None when no word can be a name."""
    words = strip_honorifics(_join_hyphens([w for w in words if w.strip()]))
    core = list(words)
    while len(core) > 1 and core[-1].lower().strip(",") in NAME_SUFFIX_TOKENS:
        core.pop()
    if not core:
        return None
    lowered = tuple(w.lower() for w in core)
    if len(core) == 1:
        return NameParts(first=None, surname=lowered[0], words=lowered)
    # Surname with its particles: "Ludwig van Beethoven" -> "van beethoven".
    i = len(core) - 1
    while i > 1 and lowered[i - 1] in SURNAME_PARTICLES:
        i -= 1
    surname = " ".join(lowered[i:])
    first = lowered[0]
    if RE_INITIAL.match(core[0]) and i > 1 and not RE_INITIAL.match(core[1]):
        # "J. Edgar Hoover": the middle name is the one used.
        first = lowered[1]
    return NameParts(first=first, surname=surname, words=lowered)


class PartsMemo(dict[tuple[str, ...], "NameParts | None"]):
    """:func:`name_parts` per word sequence, for one article.

    The entity stage asks for the parts of the same forms several times per article (voting, surnames,
    grouping); the parts are a frozen value of the words alone. Kept for one article only: a memo kept
    across articles (an LRU cache) made the first run over a corpus slower, its new entries needing
    fresh memory where the parts made and dropped per article reuse it.
    """

    def of(self, words: tuple[str, ...]) -> NameParts | None:
        """:func:`name_parts` of ``words``, worked out once per sequence."""
        if words in self:
            return self[words]
        parts = self[words] = name_parts(list(words))
        return parts


@lru_cache(maxsize=1)
def _detector():
    """The first-name gender dictionary (gender-guesser), loaded once; None if not installed."""
    try:
        from gender_guesser.detector import Detector
    except ImportError:  # pragma: no cover - optional at run time
        return None
    return Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(first: str) -> str | None:
    """'male', 'female' or None for a first name, from a dictionary of ~40,000 names."""
    if not first or not first[0].isalpha() or RE_INITIAL.match(first.upper()):
        return None
    detector = _detector()
    if detector is None:
        return None
    try:
        guess = detector.get_gender(first.capitalize())
    except Exception:  # the dictionary lookup must never break the pipeline, but a bug must show
        if strict():
            raise
        return None
    if guess in ("male", "mostly_male"):
        return "male"
    if guess in ("female", "mostly_female"):
        return "female"
    return None


def honorific_gender(word: str) -> str | None:
    return HONORIFICS.get(word.lower())


def title_gender(title: str) -> str | None:
    """Gender a title states ("spokeswoman", "Congressman"), else None."""
    for word in title.lower().split():
        if word in MALE_TITLES:
            return "male"
        if word in FEMALE_TITLES:
            return "female"
    return None
