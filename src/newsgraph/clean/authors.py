"""Page metadata authors reduced to people: what ``meta.authors`` may hold.

Pages put all sorts in their author fields: a link label ("View all posts by
Jo Dale"), a placeholder ("No Author"), a button ("Follow"), a commenter's
heading ("Sam says"), the publisher ("Condé Nast", the outlet's own name), a
date run into a name ("City News February"). Only people are kept; initials
and nicknames are put back as the page writes them (trafilatura drops the
period of "Jo A. Dale" and the quoted nickname). A wire-service name is an
outlet, so it is dropped here and the byline in the article body, read by
``clean``, takes its place.
"""

from __future__ import annotations

import re

from newsgraph.clean.byline import is_name_token
from newsgraph.clean.lexicons import JOB_WORDS, OUTLETS
from newsgraph.vocab.calendar import MONTHS, WEEKDAYS

#: Link labels and lead words in front of a name.
_LEAD = re.compile(r"^(?:view all (?:posts|articles|stories) by|all (?:posts|articles) by|(?:more )?posts by|"
                   r"more (?:stories|articles) (?:by|from)|articles by|written by|story by|by|author:?)\s+", re.I)
#: A commenter's heading: "Sam Roe says", "Sam Roe said:".
_COMMENTER = re.compile(r"\b(?:says|said|writes|wrote|replied|commented)\s*:?$", re.I)
_CALENDAR = "|".join(sorted(set(MONTHS) | set(WEEKDAYS), key=len, reverse=True))
#: A date glued to the end of a name: "City News February", "Jo Dale March 3, 2019", "Jo Dale 2019".
_TRAILING_DATE = re.compile(r"(?:\s+(?:(?:" + _CALENDAR + r")\.?|\d{1,4}(?:st|nd|rd|th)?,?))+$", re.I)
#: Placeholders and buttons that author fields hold instead of a name.
PLACEHOLDERS: frozenset[str] = frozenset({
    "no author", "follow", "unfollow", "admin", "administrator", "staff", "anonymous", "guest", "unknown",
    "author", "authors", "editor", "editors", "contributor", "contributors", "editorial staff", "editorial team",
    "news desk", "web desk", "newsroom", "team", "the editors", "staff reports", "guest author",
})
#: Words that make a name a publisher or an outlet rather than a person.
PUBLISHER_WORDS: frozenset[str] = frozenset({
    "news", "media", "press", "inc", "llc", "ltd", "nast", "group", "network", "networks", "agency", "newsroom",
    "desk", "team", "editorial", "wire", "publishing", "publications", "corporation", "company", "magazine",
    "radio", "tv", "television", "daily", "weekly", "online", "staff", "associated", "reuters", "digital",
    "studio", "studios", "channel", "foundation", "institute", "broadcasting", "herald", "gazette",
    "tribune", "journal", "times", "post", "chronicle", "newspaper", "newspapers",
})
#: A name has at least two and at most this many words.
MAX_NAME_WORDS = 5
#: A quoted nickname between a first and a last name: 'Jo "Jj" Dale'.
_NICKNAME = r"(?:\s+[\"'“‘][^\"'”’<>]{1,20}[\"'”’])?"


def _is_outlet(name: str, outlet: str | None) -> bool:
    low = name.lower()
    if low in OUTLETS or low in {v.lower() for v in OUTLETS.values()}:
        return True
    if outlet and low in (outlet.lower(), outlet.lower().removeprefix("the ")):
        return True
    words = {w.strip(".,").lower() for w in name.split()}
    return bool(words & PUBLISHER_WORDS) or bool(words & JOB_WORDS)


def _is_initial(word: str) -> bool:
    """A middle initial, with or without its period ("A", "A.")."""
    return len(word.rstrip(".")) == 1 and word[0].isupper()


def person_name(value: str, outlet: str | None = None) -> str | None:
    """The person ``value`` names, or ``None`` when it is a placeholder, a publisher or not a name."""
    name = " ".join(value.split()).strip(" ,;|-–—·•")
    name = _LEAD.sub("", name)
    if _COMMENTER.search(name):
        return None
    name = _TRAILING_DATE.sub("", name).strip(" ,;|-–—")
    if not name or name.lower() in PLACEHOLDERS or _is_outlet(name, outlet):
        return None
    words = name.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or not all(_is_initial(w) or is_name_token(w) for w in words):
        return None
    return name


def as_written(name: str, page: str) -> str:
    """``name`` as the page writes it: initials with their period, a nickname in its quotes."""
    words = name.split()
    parts = [re.escape(w) + (r"\.?" if len(w) == 1 else "") for w in words]
    pattern = parts[0] + "".join(_NICKNAME + r"\s+" + part for part in parts[1:])
    found = re.search(r"(?<!\w)" + pattern + r"(?!\w)", page)
    return " ".join(found.group().split()) if found else name


def people(values: list[str], page: str = "", outlet: str | None = None) -> list[str]:
    """The people among the author values of a page, as the page writes them, each once."""
    out: list[str] = []
    for value in values:
        name = person_name(value, outlet)
        if name is None:
            continue
        name = as_written(name, page) if page else name
        if name not in out:
            out.append(name)
    return out
