"""Relations: what the text says of the relationship between two entities, and its polarity.

A relation is read off a relationship noun ("relationship", "bond", "rift", ...)
whose two parties the parse names: a possessor and a "with" phrase ("her
friendship with X"), a "between A and B" phrase, or the coordinated subject of
a verb that has the noun as its object ("A and B had a warm friendship"). The polarity
comes from the words around the noun (its adjectives, the predicate it is the
subject of: "became increasingly frosty") or from the noun itself ("rift"), flipped
by a negation. The evidence span is the clause core: subject, verb and
complements, without adverbial clauses and framing phrases.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events import clauses as cl
from newsgraph.extract.events.context import DocContext, EntityMention
from newsgraph.extract.events.dates import clause_times, date_value
from newsgraph.extract.events.lexicons import (
    HELD_NOUN_DEPS,
    NEGATIVE_RELATION_NOUNS,
    NEGATIVE_RELATION_WORDS,
    POSITIVE_RELATION_NOUNS,
    POSITIVE_RELATION_WORDS,
    RELATION_NOUNS,
    RELATION_PARTY_DEPS,
    RELATION_QUALITY_DEPS,
)
from newsgraph.record import Polarity, Relation, TextSpan
from newsgraph.vocab.parse import VERBAL_POS

#: Roles one party holds towards another ("an ally of", "a critic of"), with their polarity.
ROLE_POLARITY: dict[str, Polarity] = {
    **dict.fromkeys(
        (
            "ally",
            "friend",
            "confidant",
            "supporter",
            "protege",
            "protégé",
            "champion",
            "backer",
            "loyalist",
            "defender",
        ),
        "positive",
    ),
    **dict.fromkeys(("rival", "critic", "foe", "enemy", "opponent", "adversary", "detractor", "nemesis"), "negative"),
}
#: Clause parts kept in a relation's evidence span.
CORE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "dobj", "acomp", "attr", "oprd", "xcomp", "prt"})
#: Verbs whose coordinated subject are the parties of the relationship they hold ("A and B had a bond").
HOLDING_VERBS = frozenset({"have", "share", "enjoy", "build", "forge", "develop", "maintain", "be"})
PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def relations(ctx: DocContext) -> list[Relation]:
    out: list[Relation] = []
    seen: set[tuple[str, str, int]] = set()
    for i in ctx.nouns:
        tok = ctx.tokens[i]
        if tok.lemma_.lower() in ROLE_POLARITY:
            role = _role_relation(ctx, tok)
            if role is not None and (role.a, role.b, tok.i) not in seen:
                seen.add((role.a, role.b, tok.i))
                out.append(role)
            continue
        if tok.lower_ not in RELATION_NOUNS:
            continue
        parties = _parties(ctx, tok)
        if len(parties) < 2:
            continue
        a, b = parties[0], parties[1]
        if a.entity.id == b.entity.id:
            continue
        clause = tok.head if tok.dep_ in RELATION_PARTY_DEPS else tok
        key = (a.entity.id, b.entity.id, clause.i)
        if key in seen:
            continue
        seen.add(key)
        span = _evidence(ctx, tok, clause)
        out.append(
            Relation(
                a=a.entity.id,
                b=b.entity.id,
                polarity=_polarity(tok, clause),
                text=span,
                date=_date(ctx, clause),
            )
        )
    return out


def _role_relation(ctx: DocContext, role: Token) -> Relation | None:
    """``X, a longtime ally of Y`` / ``X is a fierce critic of Y``: a role one party holds towards the other."""
    if role.dep_ == "appos":
        holder_tok = role.head
        clause = role
    elif role.dep_ == "attr" and role.head.pos_ in VERBAL_POS:
        subjects = cl.children(role.head, ("nsubj",))
        if not subjects:
            return None
        holder_tok = subjects[0]
        clause = role.head
    else:
        return None
    holder = _party(ctx, holder_tok)
    other = None
    for prep in (c for c in cl.kids(role) if c.dep_ == "prep" and c.lower_ in ("of", "to")):
        for pobj in (c for c in cl.kids(prep) if c.dep_ == "pobj"):
            other = _party(ctx, pobj)
    if holder is None or other is None or holder.entity.id == other.entity.id:
        return None
    polarity: Polarity = ROLE_POLARITY[role.lemma_.lower()]
    if clause is not role and cl.negated(clause):
        polarity = "neutral"  # "not a critic of" says little of what the relationship is
    if clause is role:  # the holder's phrase through the appositive, the comma between them included
        tokens = [*cl.phrase_tokens(holder_tok), *role.subtree]
        tokens = list(ctx.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1])
    else:
        tokens = [*clause.subtree]
    bounds = cl.contiguous(sorted(set(tokens), key=lambda t: t.i)) or (role.i, role.i + 1)
    span = ctx.doc[bounds[0] : bounds[1]]
    return Relation(
        a=holder.entity.id,
        b=other.entity.id,
        polarity=polarity,
        text=TextSpan(start=span.start_char, end=span.end_char, text=span.text),
        date=_date(ctx, clause) if clause is not role else None,
    )


def _party(ctx: DocContext, tok: Token) -> EntityMention | None:
    found = ctx.entity_at(tok)
    return found if found is not None and found.entity.type in PARTY_TYPES else None


def _parties(ctx: DocContext, noun: Token) -> list[EntityMention]:
    found: list[EntityMention] = []

    def add(tok: Token) -> None:
        for t in cl.conjuncts(tok):
            m = _party(ctx, t)
            if m is not None and all(m.entity.id != f.entity.id for f in found):
                found.append(m)

    for c in cl.kids(noun):
        if c.dep_ == "poss":
            add(c)
        elif c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
            for pobj in (g for g in cl.kids(c) if g.dep_ == "pobj"):
                add(pobj)
    if len(found) < 2 and noun.dep_ in HELD_NOUN_DEPS and noun.head.lemma_.lower() in HOLDING_VERBS:
        for subj in cl.children(noun.head, ("nsubj",)):
            add(subj)
    return found


def _polarity(noun: Token, clause: Token) -> Polarity:
    words = {t.lemma_.lower() for t in noun.subtree} | {t.lower_ for t in noun.subtree}
    if clause is not noun:
        for c in cl.kids(clause):
            if c.dep_ in RELATION_QUALITY_DEPS:
                words |= {t.lemma_.lower() for t in c.subtree} | {t.lower_ for t in c.subtree}
        words.add(clause.lemma_.lower())
    score = 0
    if noun.lower_ in NEGATIVE_RELATION_NOUNS:
        score -= 1
    if noun.lower_ in POSITIVE_RELATION_NOUNS:
        score += 1
    score += len(words & POSITIVE_RELATION_WORDS) - len(words & NEGATIVE_RELATION_WORDS)
    if clause is not noun and cl.negated(clause):
        score = -score
    if score > 0:
        return "positive"
    if score < 0:
        return "negative"
    return "neutral"


def _evidence(ctx: DocContext, noun: Token, clause: Token) -> TextSpan:
    doc = ctx.doc
    if clause is noun:
        tokens = list(noun.subtree)
    else:
        tokens = [clause]
        for c in cl.kids(clause):
            if c.dep_ in CORE_DEPS:
                tokens.extend(c.subtree)
    bounds = cl.contiguous(sorted(tokens, key=lambda t: t.i)) or (noun.i, noun.i + 1)
    span = doc[bounds[0] : bounds[1]]
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)


def _date(ctx: DocContext, clause: Token) -> str | None:
    if clause.pos_ not in VERBAL_POS:
        return None
    for time in clause_times(ctx, clause):
        value = date_value(time)
        if value is not None:
            return value
    return None
