"""PLOVER coding: event type, mode and CAMEO code from a verb/phrase dictionary plus context rules.

The dictionary (``data/plover_verbs.tsv``) maps a verb lemma, or a verb with a
particular complement (a direct-object noun, an infinitive, a preposition), to a
PLOVER type, mode and CAMEO code. Two context rules follow the CAMEO coding
manual: a cooperative act stated as an intention ("will visit", "would allow")
is AGREE (CAMEO 03, express intent to cooperate), a hostile one is THREATEN
(CAMEO 13); an infinitive after a verb with no entry of its own carries the
code ("plans to impose sanctions" is coded as "impose sanctions").
Events outside the ontology (speech, states, routine acts) keep ``code`` None.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.extract.event_lexicons import FUTURE_MODALS, HYPOTHETICAL_MODALS, OBJECT_DEPS

DATA_FILE = "plover_verbs.tsv"
#: Types that, stated as an intention, become AGREE / THREATEN.
COOPERATIVE_TYPES = frozenset({"SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "CONSULT"})
HOSTILE_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})
INTENT_CAMEO = {"AGREE": "030", "THREATEN": "130"}
#: Verbs of intention or attempt whose infinitive carries the event ("plans to ...").
INTENT_VERBS = frozenset(
    {"plan", "intend", "prepare", "decide", "try", "attempt", "seek", "want", "hope", "aim", "begin", "start",
     "continue", "resume", "move", "expect", "announce"}
)
NONE = "none"


@dataclass(frozen=True)
class Code:
    """A PLOVER event type with its mode and CAMEO code (either may be None)."""

    type: str
    mode: str | None
    cameo: str | None


@dataclass(frozen=True)
class _Entry:
    type: str
    mode: str | None
    cameo: str | None


@lru_cache(maxsize=1)
def dictionary() -> dict[tuple[str, str], _Entry | None]:
    """The verb dictionary: ``(verb, complement)`` -> entry (None: deliberately uncoded)."""
    text = resources.files("newsgraph.extract").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    table: dict[tuple[str, str], _Entry | None] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        cols += [""] * (5 - len(cols))
        verb, complement, kind, mode, cameo = cols[:5]
        table[(verb, complement or "*")] = None if kind == NONE else _Entry(kind, mode or None, cameo or None)
    return table


def lookup(verb: str, complements: list[str]) -> _Entry | bool | None:
    """The entry for ``verb`` with the most specific complement; False when the verb is unknown."""
    table = dictionary()
    for comp in complements:
        if (verb, comp) in table:
            return table[(verb, comp)]
    return table.get((verb, "*"), False)


def _complements(verb: Token) -> list[str]:
    out: list[str] = []
    for c in verb.children:
        if c.dep_ in OBJECT_DEPS or c.dep_ in ("nsubjpass", "attr"):
            out.append(f"obj:{c.lemma_.lower()}")
            out += [f"obj:{g.lemma_.lower()}" for g in c.children if g.dep_ == "compound"]
        elif c.dep_ == "xcomp":
            out.append(f"to:{c.lemma_.lower()}")
        elif c.dep_ == "prep":
            out.append(f"prep:{c.lower_}")
    return out


def code_event(verb: Token, predicate: str, object_text: str | None = None) -> Code | None:
    """The PLOVER code of the event headed by ``verb`` (``predicate`` as ``clauses.predicate`` gives it)."""
    words = predicate.split()
    entry = lookup(predicate, _complements(verb)) if len(words) > 1 else False
    if entry is False:
        entry = lookup(words[0], _complements(verb))
    if entry is False or (entry is not None and words[0] in INTENT_VERBS):
        entry = _infinitive_entry(verb) or (entry or None)
    if not entry:
        return None
    return _intent(verb, Code(entry.type, entry.mode, entry.cameo))


def _infinitive_entry(verb: Token) -> _Entry | None:
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            found = lookup(c.lemma_.lower(), _complements(c))
            if found:
                return found
    return None


def _intent(verb: Token, code: Code) -> Code:
    """Cooperative acts stated as intentions are AGREE; hostile ones THREATEN (CAMEO 03 / 13)."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not aux & (FUTURE_MODALS | HYPOTHETICAL_MODALS):
        return code
    if code.type in COOPERATIVE_TYPES:
        return Code("AGREE", None, INTENT_CAMEO["AGREE"])
    if code.type in HOSTILE_TYPES:
        return Code("THREATEN", code.mode, INTENT_CAMEO["THREATEN"])
    return code
