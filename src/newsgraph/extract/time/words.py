"""Reading the words of an expression: the prepared text the rules see, numbers, units, modifiers.

``prepare`` lower-cases and tidies an expression; ``strip_modifiers`` takes the
TIMEX3 ``mod`` words off it ("about", "early", "more than"); ``number_of``,
``unit_of`` and ``spelled_year`` read the amounts, units and years written in it.
"""

from __future__ import annotations

import re

from newsgraph.extract.time import patterns as P

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = re.compile(r"[\u2018\u2019\u02bc`´]")
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"(?:['’]s|s['’]|[\s.,;:!?)\]\"'])+$")
_LEADING = re.compile(r"^[\s(\[\"',]+")
#: Leading words that are part of a modifier ("at least", "as soon as"), not a preposition to drop.
_KEEP_PREFIXES = (*(f"{m} " for m in P.QUANTITY_MODS if " " in m), "as soon as ")


def prepare(text: str) -> str:
    """Lower-case, one space between words, ASCII quotes and hyphens, no trailing "'s" or punctuation."""
    s = _QUOTES.sub("'", _DASHES.sub("-", text or "")).lower()
    s = _SPACES.sub(" ", s).strip()
    s = _LEADING.sub("", s)
    # a trailing full stop belongs to an abbreviation only ("a.m.", "sept.")
    keep_dot = bool(re.search(r"(?:\b[ap]\.m|\b[a-z]{3,4})\.$", s)) and not s.endswith("s.")
    s = _TRAILING.sub("", s) if not keep_dot else s
    words = s.split(" ")
    while len(words) > 1 and words[0] in P.LEADING_TRIM and not " ".join(words).startswith(_KEEP_PREFIXES):
        words = words[1:]
    return " ".join(words)


def number_of(text: str) -> float | None:
    """The value of a number in digits or words: "12", "1,000", "twenty-four", "5 1/2", "a couple of"."""
    t = text.strip().replace("-", " ")
    if not t:
        return None
    if t in P.NUMBER_WORDS:
        return float(P.NUMBER_WORDS[t])
    fraction = 0.0
    if t.endswith(" and a half"):
        fraction, t = 0.5, t.removesuffix(" and a half")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", t.replace(",", ""))
    if match:
        value = float(match.group(1))
        if match.group(2) and int(match.group(3)):
            value += int(match.group(2)) / int(match.group(3))
        return value + fraction
    total, last = 0, None
    for word in t.split():
        if word not in P.NUMBER_WORDS or word in ("a", "an"):
            return None
        n = P.NUMBER_WORDS[word]
        if n in (100, 1000):
            total = total * n if total else n
        elif last is not None and not (last >= 20 and last % 10 == 0 and n < 10) and last not in (100, 1000):
            return None  # "two three" is two numbers, not five; "twenty four" is one
        else:
            total += n
        last = n
    return float(total) + fraction if total else None


def unit_of(word: str) -> str | None:
    """The singular unit of "years", "centuries", "month"; ``None`` if not a unit."""
    word = P.IRREGULAR_PLURALS.get(word, word)
    if word in P.UNITS or word == "weekend":
        return word
    if word.endswith("s") and (word[:-1] in P.UNITS or word[:-1] == "weekend"):
        return word[:-1]
    return None


def spelled_year(s: str) -> int | None:
    """A year in words, as broadcast transcripts write it: "nineteen ninety-six", "two thousand one"."""
    words = s.replace("-", " ").replace(" and ", " ").split()
    if len(words) >= 2 and words[0] in ("nineteen", "eighteen", "seventeen") and words[1] != "hundred":
        rest = number_of(" ".join(words[1:]))
        if rest is not None and 10 <= rest < 100 and rest == int(rest):
            return P.NUMBER_WORDS[words[0]] * 100 + int(rest)
    if words[:2] == ["two", "thousand"]:
        rest = number_of(" ".join(words[2:])) if len(words) > 2 else 0.0
        if rest is not None and rest < 100 and rest == int(rest):
            return 2000 + int(rest)
    return None


#: Modifier words, longest first, so "more than" is tried before "more".
_POSITION_PREFIXES = sorted(P.POSITION_MODS, key=len, reverse=True)
_QUANTITY_PREFIXES = sorted(P.QUANTITY_MODS, key=len, reverse=True)


def strip_modifiers(s: str) -> tuple[str, str | None]:
    """Take "about", "nearly", "more than", "early", "the end of", "mid-" off the front; return the TIMEX3 mod."""
    mod = None
    for _ in range(2):
        for prefix in _QUANTITY_PREFIXES:
            if s.startswith(prefix + " ") and len(s) > len(prefix) + 1:
                s, mod = s[len(prefix) + 1:], mod or P.QUANTITY_MODS[prefix]
                break
        for prefix in _POSITION_PREFIXES:
            if s.startswith((prefix + " ", prefix + "-")) and len(s) > len(prefix) + 1:
                rest = s[len(prefix) + 1:]
                if prefix in ("earlier", "later") and rest.startswith("in "):
                    rest = rest[3:]
                s, mod = rest, mod or P.POSITION_MODS[prefix]
                break
        if s.startswith("sometime ") or s.startswith("some time "):
            s = s.split(" ", 1)[1] if not s.startswith("some time ") else s[10:]
    # trailing "or so" / "or more" / "or later"
    for suffix, value in ((" or so", "APPROX"), (" or more", "EQUAL_OR_MORE"), (" or later", "EQUAL_OR_MORE"),
                          (" or less", "EQUAL_OR_LESS"), (" or earlier", "EQUAL_OR_LESS")):
        if s.endswith(suffix) and not P.RE_OFFSET.match(s):
            s, mod = s[: -len(suffix)], mod or value
    return s, mod


__all__ = ["number_of", "prepare", "spelled_year", "strip_modifiers", "unit_of"]
