"""The CAMEO verb-pattern dictionary (PETRARCH-2, converted by ``build_dictionaries``) on dependency clauses.

A verb belongs to one or more verb blocks; each block has patterns, each a set of
conditions on the clause (``obj:NOUN``, ``mod:WORD``, ``p:WORD``, ``pp:PREP:NOUN``). The most
specific pattern whose conditions all hold gives the CAMEO code; with none, the
verb's own code. ``-`` (PETRARCH's ``[---]``) is a deliberate "no code": "cut
production" or "cut the deficit" are not sanctions. The CAMEO code becomes a
PLOVER type and mode through CAMEO2PLOVER-2021 (``cameo_plover.tsv``).

Loaded once per process (``lru_cache``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.extract.events.clauses import kids
from newsgraph.vocab.parse import OBJECT_DEPS

VERB_FILE = "cameo_verbs.tsv"
MAPPING_FILE = "cameo_plover.tsv"
#: The dictionary's "no code" mark.
UNCODED = "-"
#: Prefix of a verb code inherited from its synonym block.
INHERITED = "~"
#: Entity types of a prepositional phrase that only says when ("on Tuesday"): no pattern condition.
TIME_ENTITY_TYPES = frozenset({"DATE", "TIME"})
#: How the words before an object's head hang on it ("peacekeeping forces", "civilian staff").
OBJECT_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
#: Dependents whose word a ``p:`` condition reads: particles, prepositions, adverbs ("look forward").
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "agent", "dative"})


@dataclass(frozen=True)
class CameoTables:
    verbs: dict[str, list[tuple[int, str]]]
    forms: dict[str, str]
    patterns: dict[int, list[tuple[frozenset[str], str]]]
    plover: dict[str, tuple[str, str | None]]


def _lines(name: str) -> list[list[str]]:
    text = resources.files("newsgraph.extract.events").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def tables() -> CameoTables:
    verbs: dict[str, list[tuple[int, str]]] = {}
    forms: dict[str, str] = {}
    patterns: dict[int, list[tuple[frozenset[str], str]]] = {}
    for cols in _lines(VERB_FILE):
        if cols[0] == "V":
            verbs.setdefault(cols[1], []).append((int(cols[2]), cols[3]))
        elif cols[0] == "F":
            forms.setdefault(cols[1], cols[2])
        elif cols[0] == "P":
            conds = frozenset(cols[2].split()) if cols[2] else frozenset()
            patterns.setdefault(int(cols[1]), []).append((conds, cols[3]))
    plover = {c[0]: (c[1], c[2] or None) for c in _lines(MAPPING_FILE)}
    return CameoTables(verbs, forms, patterns, plover)


def features(verb: Token) -> frozenset[str]:
    """What the patterns can check on a clause: object nouns, particles and prepositions, prepositional objects."""
    out: set[str] = set()
    for c in kids(verb):
        if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass":
            out.update({f"obj:{c.lemma_.lower()}", f"obj:{c.lower_}"})
            out.update(f"mod:{g.lower_}" for g in kids(c) if g.dep_ in OBJECT_MODIFIER_DEPS)
        elif c.dep_ in PARTICLE_DEPS:
            if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in TIME_ENTITY_TYPES for g in kids(c)):
                continue  # "demanded on Tuesday": a time, not the "* ON" of a pattern
            out.add(f"p:{c.lower_}")
            for g in kids(c):
                if g.dep_ == "pobj":
                    out.update({f"pp:{c.lower_}:{g.lemma_.lower()}", f"pp:{c.lower_}:{g.lower_}"})
    return frozenset(out)


@dataclass(frozen=True)
class BlockPatterns:
    """One verb block's patterns in dictionary order, indexed by condition.

    Why: a block such as the one of "sell" and "return" has over a thousand patterns, and a clause has
    a handful of features; only a pattern with one of them among its conditions can match, so ``match``
    checks those alone instead of every pattern of every block of the verb.
    """

    #: The block's patterns with conditions, as the dictionary lists them: (conditions, code).
    listed: tuple[tuple[frozenset[str], str], ...]
    #: Per condition, the positions in ``listed`` of the patterns that carry it, in order.
    by_condition: dict[str, tuple[int, ...]]


@lru_cache(maxsize=1)
def block_patterns() -> dict[int, BlockPatterns]:
    """Every block's indexed patterns, built once per process with the dictionary (a few hundred blocks)."""
    out: dict[int, BlockPatterns] = {}
    for block, patterns in tables().patterns.items():
        listed = tuple((conds, code) for conds, code in patterns if conds)
        by_condition: dict[str, list[int]] = {}
        for position, (conds, _code) in enumerate(listed):
            for cond in conds:
                by_condition.setdefault(cond, []).append(position)
        out[block] = BlockPatterns(listed, {c: tuple(p) for c, p in by_condition.items()})
    return out


@lru_cache(maxsize=65536)
def match(lemma: str, feats: frozenset[str]) -> tuple[str, int] | None:
    """``(CAMEO code or "-", how many conditions matched)`` for a verb lemma; None when the verb is not listed.

    The most specific pattern whose conditions all hold wins, the first listed among equally specific ones.
    """
    t = tables()
    blocks = t.verbs.get(lemma) or t.verbs.get(t.forms.get(lemma, ""))
    if not blocks:
        return None
    indexed = block_patterns()
    best: tuple[str, int] | None = None
    for block, _own in blocks:
        found = indexed.get(block)
        if found is None:
            continue
        by_condition = found.by_condition
        for position in sorted({p for f in feats for p in by_condition.get(f, ())}):
            conds, code = found.listed[position]
            if conds <= feats and (best is None or len(conds) > best[1]):
                best = (code, len(conds))
    if best is not None:
        return best
    own = blocks[0][1]
    if own.startswith(INHERITED) or own == UNCODED:
        return None  # no default ("[---]" block), or a synonym-block one ("go" → 040 "make a visit")
    return own, 0


def plover(code: str) -> tuple[str, str | None] | None:
    """PLOVER type and mode of a CAMEO code, through its most specific listed prefix ("0311" -> "031" -> "03")."""
    table = tables().plover
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None
