"""Actor codes from the Phoenix dictionaries: country (CAMEO/ISO-3) plus role ("Israeli soldiers" → ISRMIL).

``phoenix_actors.tsv`` names countries, their cities and adjectives, their
institutions and office holders, international organisations and armed groups;
``phoenix_agents.tsv`` names roles ("soldiers" → MIL, "the ministry" → GOV,
"the company" → BUS). An actor phrase is read as its longest listed names: the
actor code, when it carries a role already (USAGOV), is kept; a bare country
(ISR) takes the role of an agent noun in the same phrase. An office holder's code
holds only for its dates (``USAGOV@2009-01-20/``), checked against the event's
date when it has one. A person's name is never read as a country ("Jordan
Peterson"): a person gets a code only from a listed full name or title.

Both tables are shared with the attribution stage and loaded once per process
(``vocab.phoenix``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.extract.events.context import EntityMention
from newsgraph.vocab.phoenix import COUNTRY_CODE_LENGTH, actor_table, agent_table

#: Longest name looked up, in words.
MAX_NAME_WORDS = 6
#: Words that name no one alone, though the tables list them as cities or roles.
VAGUE_WORDS = frozenset({"he", "she", "it", "they", "we", "i", "you", "people", "who", "man", "woman", "state"})
RE_WORD = re.compile(r"[A-Za-z][A-Za-z.\-']*")


def _entries(raw: str) -> list[tuple[str, str, str]]:
    """``USAELI@1978-01-01/2000-01-01;USAGOV@2009-01-20/`` → ``(code, from, to)`` (empty bounds: always)."""
    entries = []
    for part in raw.split(";"):
        code, _, span = part.partition("@")
        lo, _, hi = span.partition("/")
        entries.append((code, lo, hi))
    return entries


def _words(text: str) -> list[str]:
    return [w.lower().rstrip(".'") if not w.lower().endswith("u.s.") else "u.s." for w in RE_WORD.findall(text)]


def _valid(entries: list[tuple[str, str, str]], when: str | None) -> str | None:
    """The code that holds at ``when`` (an ISO date); undated codes always hold."""
    for code, lo, hi in entries:
        if not lo and not hi:
            return code
    if when is None:
        open_ended = [code for code, _lo, hi in entries if not hi]
        return open_ended[-1] if open_ended else None
    day = when[:10]
    for code, lo, hi in entries:
        if (not lo or lo <= day) and (not hi or day <= hi):
            return code
    return None


#: Per table (by id, with the table kept to check it): each first word of a listed phrase and the most words
#: of a phrase it starts. Built once per process with the tables.
_STARTS: dict[int, tuple[dict, dict[str, int]]] = {}


def phrase_starts(table: dict) -> dict[str, int]:
    """The first words of ``table``'s phrases, each with the length in words of the longest it starts.

    Why: ``_longest`` tries every run of up to ``MAX_NAME_WORDS`` words of an actor phrase, and an object
    phrase can be thirty words long; a run can only be listed if its first word starts a listed phrase
    that long, so the others are skipped before their text is even joined.
    """
    kept = _STARTS.get(id(table))
    if kept is None or kept[0] is not table:
        starts: dict[str, int] = {}
        for phrase in table:
            parts = phrase.split(" ")
            starts[parts[0]] = max(starts.get(parts[0], 0), len(parts))
        kept = _STARTS[id(table)] = (table, starts)
    return kept[1]


def _longest(words: list[str], table: dict, skip: frozenset[str] = VAGUE_WORDS) -> tuple[str, int, int] | None:
    """The longest listed phrase in ``words`` (the leftmost of the longest): ``(phrase, start, end)``."""
    starts = phrase_starts(table)
    reach = [starts.get(w, 0) for w in words]
    for n in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            if reach[i] < n:
                continue  # no listed phrase of n words starts with this word
            phrase = " ".join(words[i : i + n])
            if phrase in table and not (n == 1 and phrase in skip):
                return phrase, i, i + n
    return None


def actor_code(mention: EntityMention | None, text: str | None, when: str | None = None) -> str | None:
    """The Phoenix code of an actor phrase (and of the entity it names), or None."""
    if not text:
        return None
    if mention is None:
        return _code(None, False, text, when)
    return _code(mention.entity.name, mention.entity.type == "PERSON", text, when)


@lru_cache(maxsize=8192)
def _code(entity_name: str | None, person: bool, text: str, when: str | None) -> str | None:
    actors = actor_table()
    code: str | None = None
    if entity_name is not None:
        name = " ".join(_words(entity_name))
        if name in actors and (not person or " " in name):
            code = _valid(_entries(actors[name]), when)
    words = _words(text)
    if code is None and not person:
        found = _longest(words, actors)
        if found is not None:
            code = _valid(_entries(actors[found[0]]), when)
    if person and code is None:
        return None
    role = None
    found_role = _longest(words, agent_table())
    if found_role is not None:
        role = agent_table()[found_role[0]]
    if code is None:
        return role
    if len(code) == COUNTRY_CODE_LENGTH and role is not None:
        return code + role
    return code
