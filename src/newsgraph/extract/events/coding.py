"""PLOVER coding: event type, mode and CAMEO code from a verb/phrase dictionary plus context rules.

The dictionary (``data/plover_verbs.tsv``) maps a verb lemma, or a verb with a
particular complement (a direct-object noun, an infinitive, a preposition), to a
PLOVER type, mode and CAMEO code. Two context rules follow the CAMEO coding
manual: a cooperative act stated as an intention ("vowed to help", "would allow")
is AGREE (CAMEO 03, express intent to cooperate), a hostile one is THREATEN
(CAMEO 13); a visit or meeting the article states keeps its type whatever its
tense ("will visit" is CONSULT, CAMEO 04x: the future is the event's modality),
while one announced by a party is its expression of intent (AGREE, CAMEO 036). A
negated verb is not coded (the PLOVER manual treats negation as context and
drops such events) unless the dictionary has an entry for the negated form
("not VERB", e.g. "did not accept" is REJECT); an infinitive after a verb with no entry of its own carries the
code ("plans to impose sanctions" is coded as "impose sanctions").
Events outside the ontology (speech, states, routine acts) keep ``code`` None.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from newsgraph.extract.events import cameo
from newsgraph.extract.events.clauses import is_going_to, kids
from newsgraph.extract.events.lexicons import (
    CODED_COMPLEMENT_DEPS,
    CONDITIONAL_MARKS,
    FUTURE_MODALS,
    HYPOTHETICAL_MODALS,
    READINESS_ADJECTIVES,
    REPORTING_VERBS,
)
from newsgraph.vocab.parse import CONTENT_CLAUSE_DEPS, OBJECT_DEPS, VERBAL_POS

DATA_FILE = "plover_verbs.tsv"
NOUN_FILE = "plover_nouns.tsv"
#: Types that, stated as an intention, become AGREE / THREATEN.
COOPERATIVE_TYPES = frozenset({"AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "CONSULT"})
#: Types a future or conditional auxiliary does not turn into AGREE: a planned visit is still a visit.
TENSE_STABLE_TYPES = frozenset({"CONSULT"})
#: Prefix of dictionary entries for a negated verb ("not accept").
NEGATED_PREFIX = "not "
HOSTILE_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})
INTENT_CAMEO = {"AGREE": "030", "THREATEN": "130", "REJECT": "120", "REQUEST": "100"}
#: CAMEO's own code for an intention to meet or negotiate (a consultation, 04x, stated as an intention).
INTENT_TO_MEET_CAMEO = "036"
CONSULT_CAMEO_PREFIX = "04"
#: Verbs of intention or attempt whose infinitive carries the event ("plans to ...", "vowed to ...");
#: the infinitive's act is stated as an intention.
INTENT_VERBS = frozenset(
    {"plan", "intend", "prepare", "want", "hope", "aim", "expect", "vow", "swear", "pledge", "promise", "offer"}
)
#: Verbs of phase or manner whose infinitive (or event-noun object) is the act itself.
ASPECT_VERBS = frozenset(
    {"begin", "start", "continue", "resume", "decide", "move", "keep", "announce", "confirm", "try", "attempt", "seek"}
)
#: Verbs that carry an event noun ("staged a strike", "opened fire", "imposed a curfew").
SUPPORT_VERBS = frozenset(
    {"stage", "hold", "launch", "continue", "begin", "start", "organize", "organise", "mount", "open", "announce",
     "issue", "reiterate", "engage", "conduct", "carry", "make", "give", "take", "put", "resume", "declare",
     "impose", "reimpose", "extend", "tighten", "lodge", "end", "complete", "order", "set", "stop", "go"}
)
#: Prepositions whose object may be the event noun of a support verb ("engaged in cleansing").
NOUN_PREPS = frozenset({"in", "under", "into", "on"})
#: Modals of obligation: "X must do Y", said by another, is a demand (CAMEO 10).
OBLIGATION_MODALS = frozenset({"must"})
NONE = "none"
#: Entity types of the party a "must" clause is a demand on: states and peoples, CAMEO's actors.
STATE_ENTITY_TYPES = frozenset({"GPE", "NORP"})
#: Entity types of a party an act is for: a purpose clause naming one says what the act is.
PARTY_ENTITY_TYPES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


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


def _read_table(name: str) -> list[list[str]]:
    text = resources.files("newsgraph.extract.events").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def dictionary() -> dict[tuple[str, str], _Entry | None]:
    """The verb dictionary: ``(verb, complement)`` -> entry (None: deliberately uncoded)."""
    table: dict[tuple[str, str], _Entry | None] = {}
    for cols in _read_table(DATA_FILE):
        verb, complement, kind, mode, cameo = (cols + [""] * 5)[:5]
        table[(verb, complement or "*")] = None if kind == NONE else _Entry(kind, mode or None, cameo or None)
    return table


@lru_cache(maxsize=1)
def noun_dictionary() -> dict[str, _Entry]:
    """Event nouns -> entry ("strike" -> PROTEST)."""
    table: dict[str, _Entry] = {}
    for cols in _read_table(NOUN_FILE):
        noun, kind, mode, cameo = (cols + [""] * 4)[:4]
        table[noun] = _Entry(kind, mode or None, cameo or None)
    return table


def lookup(verb: str, complements: list[str]) -> _Entry | bool | None:
    """The entry for ``verb`` with the most specific complement; False when the verb is unknown."""
    table = dictionary()
    for comp in complements:
        if (verb, comp) in table:
            return table[(verb, comp)]
    return table.get((verb, "*"), False)


def lemmas(tok: Token) -> list[str]:
    """The token's lemma, and stems of its form for when the lemmatizer errs ("staged" -> "stag")."""
    out = [tok.lemma_.lower()]
    form = tok.lower_
    if form.endswith("ed"):
        out += [form[:-1], form[:-2]]
    elif form.endswith("ing"):
        out += [form[:-3], form[:-3] + "e"]
    elif form.endswith("s"):
        out.append(form[:-1])
    out.append(form)
    return list(dict.fromkeys(out))


#: The document whose verb entries are kept, and them by (token index, particles): one tuple, replaced whole.
_ENTRIES: tuple[Doc | None, dict[tuple[int, tuple[str, ...]], _Entry | bool | None]] = (None, {})


def forget_entries() -> None:
    """Drop the kept verb entries (a document's parse, or the dictionaries, may have changed since)."""
    global _ENTRIES
    _ENTRIES = (None, {})


def _verb_entry(tok: Token, particle: list[str]) -> _Entry | bool | None:
    """``_lookup_verb_entry``, kept per token and particles of the current document.

    Why: the coding asks the entry of a verb for its own clause, for ``codes_verb`` and for the clause
    that hosts it ("agreed to ..."), each time with the lemma stems, the complements and the clause
    features rebuilt; about one call in six repeats one. ``events()`` starts each document afresh
    (``forget_entries``); the pair is read and replaced whole, like ``clauses.kids``.
    """
    global _ENTRIES
    doc, kept = _ENTRIES
    if doc is not tok.doc:
        kept = {}
        _ENTRIES = (tok.doc, kept)
    key = (tok.i, tuple(particle))
    if key in kept:
        return kept[key]
    found = kept[key] = _lookup_verb_entry(tok, particle)
    return found


def _lookup_verb_entry(tok: Token, particle: list[str]) -> _Entry | bool | None:
    """The entry for a verb: hand table and CAMEO dictionary, the more specific first.

    Order: a hand-table entry for this complement or phrasal verb, or its "none"
    (the override layer), then a
    dictionary pattern that matched words of the clause ("no code" patterns even
    over a hand verb-wide entry, coded ones only for verbs the hand table does not
    list), then the hand table's verb-wide entry, then the dictionary's own code of
    the verb. A dictionary "no code"
    (``[---]``, e.g. "cut production") is an answer too: the verb stays uncoded.
    """
    comps = _complements(tok)
    feats: frozenset[str] | None = None
    table = dictionary()  # read once: up to four stems ask it a few times each
    for lemma in lemmas(tok):
        heads = ([" ".join([lemma, *particle])] if particle else []) + [lemma]
        for head in heads:
            found = _specific(head, comps)
            if found is not False:
                return found
        if particle and (heads[0], "*") in table:  # a hand-listed phrasal verb is specific already
            return table[(heads[0], "*")]
        hand = _verb_wide_entry(table, heads)
        if hand is None:
            return None  # the hand table keeps this verb out of the ontology, whatever its pattern
        if feats is None:
            feats = cameo.features(tok)
        # A phrasal verb is a verb of its own block ("call off" is CANCEL's, "call" CALL's).
        pattern = (cameo.match(heads[0], feats) if particle else None) or cameo.match(lemma, feats)
        if pattern is not None and pattern[1] > 0 and (hand is False or pattern[0] == cameo.UNCODED or pattern[1] >= 2):
            return _cameo_entry(pattern[0])  # "cut ties" 160; "cut production" [---]
        if hand is not False:
            return hand
        if pattern is not None:
            return _cameo_entry(pattern[0])
    return False


def _verb_wide_entry(table: dict[tuple[str, str], _Entry | None], heads: list[str]) -> _Entry | bool | None:
    """The hand table's verb-wide entry (complement ``*``) of the first of ``heads`` it lists; None when it
    lists any of them as None (kept out of the ontology); False when it lists none.

    Why one loop: ``_lookup_verb_entry`` asked it as two generators per stem (an ``any`` for the Nones, then a
    ``next`` for the first entry), on every look-up of every clause.
    """
    hand: _Entry | bool | None = False
    for head in heads:
        wide = table.get((head, "*"), False)
        if wide is None:
            return None
        if hand is False:
            hand = wide
    return hand


def _hand_specific(tok: Token, particle: list[str]) -> bool:
    """Whether the hand table lists the verb with one of this clause's complements ("set" + "obj:fire")."""
    comps = _complements(tok)
    return any(
        _specific(head, comps) is not False
        for lemma in lemmas(tok)
        for head in ([" ".join([lemma, *particle])] if particle else []) + [lemma]
    )


def _specific(verb: str, complements: list[str]) -> _Entry | bool | None:
    table = dictionary()
    for comp in complements:
        if (verb, comp) in table:
            return table[(verb, comp)]
    return False


def _cameo_entry(code: str) -> _Entry | None:
    """A CAMEO code as an entry; None for "no code" and for codes with no PLOVER type (statements, 01)."""
    if code == cameo.UNCODED:
        return None
    mapped = cameo.plover(code)
    if mapped is None:
        return None
    return _Entry(mapped[0], mapped[1], code)


def codes_verb(tok: Token) -> bool:
    """Whether the dictionary gives the verb itself a PLOVER type ("agreed", "accused", "threatened").

    Such a verb is an event even where it also introduces reported content.
    """
    return isinstance(_verb_entry(tok, []), _Entry)


def _complements(verb: Token) -> list[str]:
    out: list[str] = []
    for c in kids(verb):
        if c.dep_ in OBJECT_DEPS or c.dep_ in CODED_COMPLEMENT_DEPS:
            out += [f"obj:{c.lemma_.lower()}", f"obj:{c.lower_}"]
            out += [f"obj:{g.lemma_.lower()}" for g in kids(c) if g.dep_ == "compound"]
        elif c.dep_ == "xcomp":
            out.append(f"to:{c.lemma_.lower()}")
        elif c.dep_ == "prep":
            out.append(f"prep:{c.lower_}")
    return out


def _noun_entry(verb: Token, *, support: bool) -> _Entry | None:
    """The event noun a verb carries: its object; for support verbs also "engaged in X", "put under X"."""
    nouns = []
    for c in kids(verb):
        if c.dep_ in OBJECT_DEPS or (support and c.dep_ == "nsubjpass"):
            nouns.append(c)
        elif support and c.dep_ == "prep" and c.lower_ in NOUN_PREPS:
            nouns += [g for g in kids(c) if g.dep_ == "pobj"]
    nouns = [n for n in nouns if n.pos_ == "NOUN" and not n.ent_type_]
    table = noun_dictionary()
    for noun in nouns:
        compounds = [f"{g.lower_} {noun.lemma_.lower()}" for g in kids(noun) if g.dep_ in ("compound", "amod")]
        for word in (*compounds, noun.lemma_.lower(), noun.lower_):  # "air strike" before "strike"
            if word in table:
                return table[word]
    return None


def _intent_host(verb: Token) -> Token | None:
    """The infinitive an intention verb or a readiness adjective introduces.

    After an intention verb the parser sometimes hangs the infinitive as a purpose clause
    ("have sworn to fight": advcl); it is the verb's complement all the same.
    """
    intends = verb.lemma_.lower() in INTENT_VERBS
    for c in kids(verb):
        if c.dep_ == "xcomp" and c.pos_ in VERBAL_POS:
            return c
        if intends and c.dep_ == "advcl" and c.i > verb.i and _to_infinitive(c):
            return c
        if c.dep_ == "acomp" and c.lower_ in READINESS_ADJECTIVES:
            for g in kids(c):
                if g.dep_ == "xcomp" and g.pos_ in VERBAL_POS:
                    return g
    return None


def _purpose(verb: Token) -> Token | None:
    """The purpose infinitive of an uncoded act ("send material *to help* defend X"), which says what it is.

    Only when the purpose names a party ("to help cut its debt" says nothing of one).
    """
    for c in kids(verb):
        purpose = c.dep_ in ("advcl", "xcomp") and c.i > verb.i and _to_infinitive(c)
        if purpose and any(t.ent_type_ in PARTY_ENTITY_TYPES for t in c.subtree):
            return c
    return None


def _to_infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok))


def code_event(verb: Token, predicate: str, object_text: str | None = None, *, negated: bool = False) -> Code | None:
    """The PLOVER code of the event headed by ``verb`` (``predicate`` as ``clauses.predicate`` gives it)."""
    particle = [c.lower_ for c in kids(verb) if c.dep_ == "prt"]
    lemma = verb.lemma_.lower()
    if negated:
        return _negated_code(verb, particle)
    entry = _verb_entry(verb, particle)
    intent = False
    host = _intent_host(verb)
    if host is not None and (lemma in INTENT_VERBS | ASPECT_VERBS or lemma == "be" or entry is False):
        inner = _verb_entry(host, [c.lower_ for c in kids(host) if c.dep_ == "prt"])
        if inner is False or inner is None:
            inner = _noun_entry(host, support=False)
        purpose = _purpose(host) if not inner else None
        if purpose is not None:  # "is willing to send material to help defend X": the help is what is offered
            inner = _verb_entry(purpose, [c.lower_ for c in kids(purpose) if c.dep_ == "prt"])
        if inner:
            entry = inner
            intent = lemma in INTENT_VERBS or lemma == "be"
    # A support verb's event noun ("staged a strike") outranks the verb's own code, though not a
    # hand-table entry for this very complement ("set obj:fire": arson, not "opened fire").
    if entry is False or (entry is not None and lemma in SUPPORT_VERBS and not _hand_specific(verb, particle)):
        entry = _noun_entry(verb, support=lemma in SUPPORT_VERBS) or (entry or None)
    if not entry:
        return _demanded(verb)
    return _intent(verb, Code(entry.type, entry.mode, entry.cameo), stated_intent=intent)


def _demanded(verb: Token) -> Code | None:
    """``X declared that China must drop barriers``: what a party says another must do is its demand (CAMEO 10).

    Only for a "must" clause reported by someone about a third party (not "we must", "I must").
    """
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in kids(verb)):
        return None
    if not (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS):
        return None
    subjects = [c for c in kids(verb) if c.dep_ == "nsubj"]
    if not subjects or subjects[0].ent_type_ not in STATE_ENTITY_TYPES:
        return None  # "analysts said the bank must raise capital": an opinion, not a demand on a state
    return Code("REQUEST", None, INTENT_CAMEO["REQUEST"])


def _conditional(verb: Token) -> bool:
    """Whether the clause has an "if"/"unless" condition: a hostile act on a condition is a threat."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in kids(c))
        for c in kids(verb)
    )


def _negated_code(verb: Token, particle: list[str]) -> Code | None:
    """The code of a negated verb: only what the dictionary lists for "not VERB"; else uncoded."""
    comps = _complements(verb)
    for lemma in lemmas(verb):
        for head in ([" ".join([lemma, *particle])] if particle else []) + [lemma]:
            found = lookup(NEGATED_PREFIX + head, comps)
            if isinstance(found, _Entry):
                return Code(found.type, found.mode, found.cameo)
    return None


def _announced(verb: Token) -> bool:
    """Whether a clause is someone's announcement ("X will visit Y, the embassy said").

    An announced future meeting is an expression of intent (CAMEO 036, AGREE); the
    article's own statement of a scheduled one ("X will visit Y next week") stays a visit.
    """
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
        return True
    return any(c.dep_ in CONTENT_CLAUSE_DEPS and c.lemma_.lower() in REPORTING_VERBS for c in kids(verb))


def _intent(verb: Token, code: Code, *, stated_intent: bool = False) -> Code:
    """Cooperative acts stated as intentions are AGREE, hostile ones THREATEN; "must" acts are demands."""
    aux = {c.lower_ for c in kids(verb) if c.dep_ == "aux"}
    if aux & OBLIGATION_MODALS:
        return Code("REQUEST", None, INTENT_CAMEO["REQUEST"])
    going_to = verb.dep_ == "xcomp" and is_going_to(verb.head)
    if code.type in HOSTILE_TYPES and _conditional(verb):
        return Code("THREATEN", code.mode, INTENT_CAMEO["THREATEN"])  # "may halt mediation if ... founders"
    if not (stated_intent or going_to or aux & (FUTURE_MODALS | HYPOTHETICAL_MODALS)):
        return code
    if code.type in TENSE_STABLE_TYPES and not (stated_intent or _announced(verb)):
        return code
    if code.type in COOPERATIVE_TYPES:
        meeting = (code.cameo or "").startswith(CONSULT_CAMEO_PREFIX)
        return Code("AGREE", None, INTENT_TO_MEET_CAMEO if meeting else INTENT_CAMEO["AGREE"])
    if code.type in HOSTILE_TYPES:
        return Code("THREATEN", code.mode, INTENT_CAMEO["THREATEN"])
    return code

