"""Events: who did what to whom, when, according to whom; relations between people.

One event per clause whose verb reports a happening (and one per coordinated
subject): the actor and target are found on the dependency parse and linked to
entities by mention offsets; the date comes from ``event_dates``; the source is
the attribution whose content holds the clause; the PLOVER code comes from
``plover``. Relations between two entities come from ``relations``.

Speech verbs with a clausal content ("they said that ...") are attributions, not
events: the events are in their content, with modality ``reported``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypedDict

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.events import clauses as cl
from newsgraph.extract.events.actors import actor_code
from newsgraph.extract.events.coding import code_event, codes_verb, forget_entries
from newsgraph.extract.events.context import DocContext, EntityMention
from newsgraph.extract.events.dates import UNDATED, Dating, date_event
from newsgraph.extract.events.lexicons import (
    AGENT_TYPES,
    CERTAIN_WORDS,
    CONDITIONAL_MARKS,
    FUTURE_MODALS,
    HEDGE_ADVERBS,
    HYPOTHETICAL_MODALS,
    OBJECT_PREPS,
    REPORTING_VERBS,
    TARGET_PREPS,
    TOPIC_NOUNS,
    UNCERTAIN_MODALS,
    UNCERTAIN_WORDS,
)
from newsgraph.extract.events.relations import relations as find_relations
from newsgraph.extract.events.salience import mark_main
from newsgraph.extract.failures import gave_up
from newsgraph.record import (
    Attribution,
    Entity,
    Event,
    Modality,
    Relation,
    Source,
    TextSpan,
    TimeExpression,
)
from newsgraph.vocab.epithets import AGE_EPITHET_RE, EPITHET_NOUNS
from newsgraph.vocab.parse import (
    AUX_DEPS,
    CONTENT_CLAUSE_DEPS,
    NOMINAL_POS,
    NOMINAL_SUBJECT_DEPS,
    PAST_TAGS,
    PREDICATE_COMPLEMENT_DEPS,
    VERB_OBJECT_DEPS,
)
from newsgraph.vocab.pronouns import PERSON_PRONOUN_FORMS, POSSESSIVE_DETERMINERS

#: Entity types that may be the place an act is aimed at.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions whose noun is the one an act is for or against, even when it names no entity.
RECIPIENT_PREPS = frozenset({"to", "against", "with"})
#: Sentences longer than this (in tokens) are skipped: no parse of them is worth reading.
MAX_SENTENCE_TOKENS = 400


class OffsetsData(TypedDict):
    """An ``Offsets`` as the plain dict the event's one validation reads (``_EVENT``)."""

    start: int
    end: int


#: Builds an ``Event`` from one dict, its offsets given as dicts. Why: pydantic validates the whole nested
#: record in one call of its compiled validator, where ``Event(...)`` with five ``Offsets(...)`` made six calls
#: of ``BaseModel.__init__``, each a Python frame with its keyword packing (a third of the building's cost
#: by timeit); the record is the same. (``model_construct`` skips validation but is slower still.)
_EVENT = Event.model_validate


def events(
    doc: Doc,
    entities: list[Entity],
    times: list[TimeExpression],
    sources: list[Source],
    attributions: list[Attribution],
) -> tuple[list[Event], list[Relation]]:
    """Events and relations of the article, in text order."""
    if len(doc) == 0 or not doc.has_annotation("DEP"):
        return [], []
    cl.forget_children()
    forget_entries()
    ctx = DocContext.build(doc, entities, times, sources, attributions)
    found: list[tuple[Event, Token]] = []
    for sent in doc.sents:
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue
        try:
            found.extend(_sentence_events(ctx, sent))
        except Exception as exc:  # a freak parse must not cost the article its record
            gave_up(doc, "events", f"the sentence at {sent.start_char}", exc)
    for i, (event, _verb) in enumerate(found, 1):
        event.id = f"v{i}"
    try:
        mark_main(ctx, found)
    except Exception as exc:
        gave_up(doc, "events", "salience", exc)
    try:
        rels = find_relations(ctx)
    except Exception as exc:
        gave_up(doc, "events", "relations", exc)
        rels = []
    return [event for event, _verb in found], rels


# -- one sentence --------------------------------------------------------------


@dataclass
class _Args:
    """What a clause says besides its verb."""

    target: EntityMention | None
    target_text: str | None
    object_text: str | None


def _sentence_events(ctx: DocContext, sent: Span) -> list[tuple[Event, Token]]:
    out: list[tuple[Event, Token]] = []
    tokens = ctx.tokens
    according = _according_to(tokens[i] for i in ctx.between(ctx.according, sent.start, sent.end))
    for i in ctx.between(ctx.clause_heads, sent.start, sent.end):  # every event verb heads a clause
        verb = tokens[i]
        # A cue of pure speech ("said") is an attribution; it is also an event when a party a reader
        # lists speaks ("the minister said"); a coded act that also reports ("agreed to", "accused ...
        # of") stays an event.
        if not cl.is_event_verb(verb) or (
            ctx.is_cue(verb) and not codes_verb(verb) and not cl.has_listed_speaker(verb)
        ):
            continue
        out.extend((event, verb) for event in _clause_events(ctx, verb, sent, according))
    return out


def _clause_events(ctx: DocContext, verb: Token, sent: Span, according: Token | None = None) -> list[Event]:
    agent = cl.agent(verb)
    actors = cl.conjuncts(agent) if agent is not None else [None]
    args = _arguments(ctx, verb)
    modality, source = _modality_and_source(ctx, verb, according)
    dating = _dating(ctx, verb, sent, modality)
    pred = cl.predicate(verb)
    negated = cl.negated(verb)  # asked once: the coding and every event of the clause read it
    code = code_event(verb, pred, args.object_text, negated=negated)
    out = []
    particles = _particles(verb)
    trigger = _trigger(verb, particles)
    predicate_text = _predicate_text(ctx, verb, particles)
    sent_text = ctx.span_text(sent.start, sent.end)  # spaCy builds a span's text from its tokens on every access
    object_text = args.object_text
    object_span = _locate(sent, sent_text, object_text, verb.idx, None)
    if object_text is None:  # after coding: the content says what was said, not which act it was
        content = _speech_content(ctx, verb)
        if content is not None:
            object_text, object_span = content.text, {"start": content.start, "end": content.end}
    for actor_tok in actors:
        actor, actor_text = _actor(ctx, actor_tok, verb)
        target = args.target
        if target is not None and actor is not None and target.entity.id == actor.entity.id:
            target = None  # "X praised X's ...": the actor is not its own target
        target_text = args.target_text if target is not None or args.target_text else None
        if actor_tok is not None and actor_tok.lower_ in PRONOUN_WORDS:  # the evidence is the pronoun itself
            actor_span = {"start": actor_tok.idx, "end": actor_tok.idx + len(actor_tok.text)}
        else:
            anchor = actor_tok.idx if actor_tok is not None else verb.idx
            actor_span = _locate(sent, sent_text, actor_text, anchor, actor)
        target_span = _locate(sent, sent_text, target_text, verb.idx, target)
        out.append(
            _EVENT({
                "id": "v0",
                "actor": actor.entity.id if actor is not None else None,
                "actor_text": actor_text,
                "predicate": pred,
                "target": target.entity.id if target is not None else None,
                "target_text": target_text,
                "object_text": object_text,
                "negated": negated,
                "modality": modality,
                "time": dating.time,
                "date": dating.date,
                "date_reason": dating.reason,
                "source": source,
                "code": code.type if code else None,
                "mode": code.mode if code else None,
                "cameo": code.cameo if code else None,
                "sentence": {"start": sent.start_char, "end": sent.end_char},
                "predicate_text": predicate_text,
                "trigger": trigger,
                "actor_span": actor_span,
                "target_span": target_span,
                "object_span": object_span,
                "actor_code": actor_code(actor, actor_text, dating.date),
                "target_code": actor_code(target, target_text, dating.date) if target_text else None,
            })
        )
    return out


#: Pronouns whose evidence is the word in the clause, whatever the entity they resolve to.
PRONOUN_WORDS = PERSON_PRONOUN_FORMS | cl.ANAPHORS | {"i", "you", "us", "me", "them", "him", "her"}
#: First-person subjects: inside a direct quotation, the speaker.
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
#: Longest predicate phrase kept as written; a longer one is given as its words alone.
MAX_PREDICATE_TOKENS = 8
#: Copular and naming verbs whose complement belongs to the predicate ("became prime minister").
COPULAR_LEMMAS = frozenset({"become", "remain", "be", "stay", "turn"})


#: Adverbs that, right after their verb, are its phrasal particle though the parser calls them advmod.
PARTICLE_ADVERBS = frozenset({"down", "up", "out", "off", "back", "away", "over", "in", "on", "forward"})


def _particles(verb: Token) -> list[Token]:
    """The verb's phrasal particle(s): ``prt``, or a particle word parsed as an adverb next to it."""
    return [
        c
        for c in cl.kids(verb)
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLE_ADVERBS and c.i == verb.i + 1)
    ]


def _trigger(verb: Token, particles: list[Token]) -> OffsetsData:
    """The predicate's own words: the verb with its phrasal particle ("stepped down")."""
    if not particles:
        return {"start": verb.idx, "end": verb.idx + len(verb.text)}
    toks = [verb, *particles]
    return {"start": min(t.idx for t in toks), "end": max(t.idx + len(t.text) for t in toks)}


def _predicate_text(ctx: DocContext, verb: Token, particles: list[Token]) -> str:
    """The predicate as written: particle, merged infinitive, copular complement ("offered to resign")."""
    toks = [verb, *particles, *(c for c in cl.kids(verb) if c.dep_ == "neg")]
    inner = cl.merged_xcomp(verb)
    if inner is not None:
        toks += [inner, *(c for c in cl.kids(inner) if c.dep_ in ("aux", "prt") and c.i < inner.i + 2)]
    if verb.lemma_.lower() in COPULAR_LEMMAS:
        for c in cl.kids(verb):
            if c.dep_ in ("attr", "acomp", "oprd") and c.i > verb.i:
                toks += cl.phrase_tokens(c)
    if len(toks) == 1:
        return verb.text
    lo, hi = min(t.i for t in toks), max(t.i for t in toks) + 1
    if hi - lo <= MAX_PREDICATE_TOKENS:
        return ctx.span_text(lo, hi)
    return " ".join(t.text for t in sorted(toks, key=lambda t: t.i))


def _locate(
    sent: Span, hay: str, text: str | None, anchor: int, mention: EntityMention | None
) -> OffsetsData | None:
    """Where an argument's text stands: its occurrence in the sentence text ``hay`` nearest the anchor, else its
    mention."""
    if not text:
        return None
    base = sent.start_char
    best: int | None = None
    pos = hay.find(text)
    while pos >= 0:
        if best is None or abs(base + pos - anchor) < abs(base + best - anchor):
            best = pos
        pos = hay.find(text, pos + 1)
    if best is not None:
        return {"start": base + best, "end": base + best + len(text)}
    if mention is not None:
        return {"start": mention.mention.start, "end": mention.mention.end}
    return None


def _actor(ctx: DocContext, tok: Token | None, verb: Token) -> tuple[EntityMention | None, str | None]:
    """The actor's entity and text; a pronoun is replaced by the noun phrase it takes up in the sentence."""
    if tok is None:
        return None, None
    lower = tok.lower_
    # The subject's own phrase, built once: the check below and the actor's text both read it.
    own_phrase = None if lower in ("'s", "’s") else cl.actor_phrase_tokens(tok)
    if own_phrase is None or not _wordy(own_phrase) or not cl.has_letters(tok):
        return None, None  # "expected 2005 to be ... and to return": a number misparsed as a subject
    subject_i = tok.i
    if lower in FIRST_PERSON_SUBJECTS:
        resolved = ctx.mentions_by_token.get(tok.i)  # the entity stage's "I" → the speaker comes first
        if resolved is not None:
            return resolved, _resolved_text(resolved)
        speaker = ctx.quotation_speaker(tok)
        if speaker is not None:
            return speaker
    if lower in PERSON_PRONOUN_FORMS:
        person = ctx.entity_at(tok)  # the entity stage's coreference, else the nearest person subject
        if person is not None:
            return person, _resolved_text(person)
    elif lower in cl.ANAPHORS:
        resolved = ctx.mentions_by_token.get(tok.i)  # the entity stage's it/they resolution comes first
        if resolved is not None:
            return resolved, _resolved_text(resolved)
        antecedent = cl.pronoun_antecedent(tok, verb)
        if antecedent is not None:
            tok = antecedent
    # The event's own clause is never part of its actor's phrase: "aides close to X who asked ...",
    # where the parser hung the relative clause on a noun inside the actor phrase.
    phrase = own_phrase if tok.i == subject_i else cl.actor_phrase_tokens(tok)
    lo, hi = verb.left_edge.i, verb.right_edge.i  # spaCy's trees are projective: a subtree is a span
    if not lo <= tok.i <= hi:
        phrase = [t for t in phrase if not lo <= t.i <= hi]
    found = ctx.entity_at(tok) or ctx.entity_in(phrase, head=tok)
    found = _apposed_name(ctx, tok, found) or found
    if found is None and _is_epithet(ctx, tok):
        found = ctx.epithet_antecedent(tok)
    text = _text(ctx, phrase)
    if text is None or text.lower() in BARE_DETERMINERS:
        text = tok.text  # the phrase was cut at a quote mark: "the “open borders” mess" → "the"
    if not any(ch.isalpha() for ch in text):
        return None, None
    return found, text


def _apposed_name(ctx: DocContext, tok: Token, found: EntityMention | None) -> EntityMention | None:
    """The name an apposition gives a described actor: "Another union, the United Farm Workers, endorsed ...".

    Only when the actor's own head is no name (a description, or a phrase whose entity is a
    modifier: "Christie's former chief of staff, Bridget Kelly, pleaded" is Kelly, not Christie).
    """
    if found is not None and found.start <= tok.i < found.end and found.mention.kind == "name":
        return None
    for c in cl.kids(tok):
        if c.dep_ != "appos":
            continue
        named = ctx.mentions_by_token.get(c.i)
        if named is not None and named.mention.kind == "name" and named.entity.type in AGENT_TYPES:
            return named
    return None


def _is_epithet(ctx: DocContext, tok: Token) -> bool:
    """ "the singer", "the 25-year-old": a definite singular person noun standing for someone named before.

    Not when the phrase names a person or a body of its own ("the chairman of the Bar Council").
    """
    phrase = cl.phrase_tokens(tok)
    if phrase[0].lower_ != "the" or any(t.i in ctx.mentions_by_token for t in cl.actor_phrase_tokens(tok)):
        return False
    if AGE_EPITHET_RE.search(_text(ctx, phrase) or ""):
        return True  # "the 66-year-old", whose head the tagger may call an adjective
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in EPITHET_NOUNS


def _resolved_text(found: EntityMention) -> str:
    """An actor's text for display: the name a pronoun or a description was resolved to, else the mention.

    The evidence span stays on the pronoun itself; the text says who it is.
    """
    if found.mention.kind in ("pronoun", "nominal"):
        return found.entity.name
    return found.mention.text


#: What is left of an actor phrase cut short at a quotation mark.
BARE_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})


def _wordy(tokens: list[Token]) -> bool:
    """Whether a phrase has a word in it: numbers and dates alone neither act nor are acted on."""
    return any(cl.has_letters(t) for t in tokens)


def _text(ctx: DocContext, tokens: list[Token]) -> str | None:
    bounds = cl.contiguous(tokens)
    if bounds is None:
        return None
    return ctx.span_text(bounds[0], bounds[1])


# -- arguments -----------------------------------------------------------------


def _arguments(ctx: DocContext, verb: Token) -> _Args:
    """Target (entity) and object text of a clause.

    The target is looked for, in order: in the direct object (a name, a
    possessor, an apposition), in a recipient phrase ("to", "with", "against",
    ...) of the verb or of the infinitive merged into it ("offered to hand over
    to X"), in the subject of a demanded clause ("demanded that X ..."), and
    last in a place the act happens in ("lifted the curfew in X"). Without an
    entity, a recipient noun phrase still gives ``target_text``.
    """
    obj = cl.direct_object(verb)
    target: EntityMention | None = None
    target_text: str | None = None
    object_text: str | None = None
    if obj is not None:
        obj_tokens = cl.full_phrase_tokens(obj)
        target = _targetable(ctx, _agentive(ctx.entity_in(list(obj.subtree), head=obj)))
        if target is None:
            target = _apposed_entity(ctx, obj)
        if target is not None and _covers(target, obj):
            target_text = _text(ctx, cl.phrase_tokens(obj))
        else:
            object_text = _text(ctx, obj_tokens)
            if target is not None:
                target_text = target.mention.text
    heads = _predicate_heads(verb)
    if target is None:
        target, target_text = _recipient(ctx, heads, obj)
    if target is None:
        target, found_text = _demanded_party(ctx, verb)
        target_text = target_text or found_text
    if target is None:
        target, found_text = _place(ctx, heads, obj)
        target_text = target_text or found_text
    if object_text is None:
        object_text = _complement_text(ctx, verb, target)
    if target_text is not None and not any(ch.isalpha() for ch in target_text):
        target, target_text = None, None  # "slowed to 4.3%": an amount, not a party
    return _Args(target, target_text, object_text)


def _predicate_heads(verb: Token) -> list[Token]:
    """The verb and the infinitives merged into its predicate ("offered to hand over")."""
    heads = [verb]
    nxt = cl.merged_xcomp(verb)
    while nxt is not None and len(heads) < 3:
        heads.append(nxt)
        nxt = cl.merged_xcomp(nxt)
    return heads


def _recipient(ctx: DocContext, heads: list[Token], obj: Token | None) -> tuple[EntityMention | None, str | None]:
    fallback: str | None = None
    for head in heads:
        args = [c for c in cl.kids(head) if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
        if head is not heads[0]:
            args += [c for c in cl.kids(head) if c.dep_ in VERB_OBJECT_DEPS]
        if obj is not None:
            args += [c for c in cl.kids(obj) if c.dep_ == "prep" and c.lower_ in ("to", "for", "against")]
        for arg in args:
            nouns = [arg] if arg.dep_ != "prep" else [c for c in cl.kids(arg) if c.dep_ == "pobj"]
            for noun in nouns:
                if any(ctx.time_at(t) for t in noun.subtree):
                    continue
                found = _agentive(ctx.entity_in(cl.phrase_tokens(noun), head=noun))
                if found is not None:
                    return found, _text(ctx, cl.phrase_tokens(noun))
                if (
                    fallback is None
                    and arg.dep_ == "prep"
                    and arg.lower_ in RECIPIENT_PREPS
                    and noun.pos_ in NOMINAL_POS
                ):
                    fallback = _text(ctx, cl.phrase_tokens(noun))
    return None, fallback


def _demanded_party(ctx: DocContext, verb: Token) -> tuple[EntityMention | None, str | None]:
    """``X demanded that Y ...``: Y, the party a demand or appeal is addressed to."""
    if verb.lemma_.lower() in REPORTING_VERBS:
        return None, None
    for clause in (c for c in cl.kids(verb) if c.dep_ == "ccomp"):
        for subj in cl.children(clause, NOMINAL_SUBJECT_DEPS):
            tokens = cl.actor_phrase_tokens(subj)
            found = _agentive(ctx.entity_in(tokens, head=subj))
            return found, _text(ctx, tokens)
    return None, None


def _place(ctx: DocContext, heads: list[Token], obj: Token | None) -> tuple[EntityMention | None, str | None]:
    """A country or city the act happens in: in event data, the one acted upon when no one else is."""
    owners = [*heads, *([obj] if obj is not None else [])]
    for owner in owners:
        for prep in (c for c in cl.kids(owner) if c.dep_ == "prep" and c.lower_ in ("in", "into")):
            for pobj in (c for c in cl.kids(prep) if c.dep_ == "pobj"):
                found = ctx.entity_in(cl.phrase_tokens(pobj), head=pobj)
                if found is not None and found.entity.type in PLACE_TYPES:
                    return found, found.mention.text
    return None, None


def _targetable(ctx: DocContext, found: EntityMention | None) -> EntityMention | None:
    """Drop what inside an object phrase is a modifier, not a party acted on.

    A possessive determiner ("announced her retirement") is the owner of the object,
    which is the whole noun phrase; a nationality adjective on a topic noun
    ("the Peruvian scandal") says what it is about, not who is acted on
    (on other nouns it names the party: "rejected an Indian proposal").
    """
    if found is None:
        return None
    first = ctx.doc[found.start]
    if found.end - found.start == 1 and first.lower_ in POSSESSIVE_DETERMINERS:
        return None
    words = ctx.doc[found.start : found.end]
    adjective = found.entity.type == "NORP" and all(t.pos_ == "ADJ" and t.dep_ == "amod" for t in words)
    if adjective and words.root.head.lemma_.lower() in TOPIC_NOUNS:
        return None
    return found


def _agentive(found: EntityMention | None) -> EntityMention | None:
    return found if found is not None and found.entity.type in AGENT_TYPES else None


def _covers(mention: EntityMention, tok: Token) -> bool:
    return mention.start <= tok.i < mention.end or tok.lower_ in ("he", "she", "him", "her")


def _apposed_entity(ctx: DocContext, obj: Token) -> EntityMention | None:
    """``appointed a new envoy, Jane Doe``: an apposition the parser did not attach."""
    after = obj.right_edge.i + 1
    if after + 1 < len(ctx.tokens) and ctx.tokens[after].text == ",":
        found = ctx.mentions_by_token.get(after + 1)
        if found is not None and found.start == after + 1 and found.entity.type == "PERSON":
            return found
    return None


def _speech_content(ctx: DocContext, verb: Token) -> TextSpan | None:
    """What a speech verb reports, as its object: "the minister said *the talks would resume*".

    Why: a reader asked "what did X say?" gives the reported content, so a speech event without a
    direct object has it as its object (QA-SRL's patient). The attribution stage's content for this
    cue comes first (it knows quotation marks and sentences a quote runs over); else the verb's
    ``ccomp`` clause. Only the object is filled: the target ("accused *X* of ...") is left as found.
    """
    for attr in ctx.attributions:
        cue = attr.cue
        if cue is not None and cue.start <= verb.idx < cue.end and attr.content.end > attr.content.start:
            return attr.content
    if not ctx.is_cue(verb) and verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    for c in cl.kids(verb):
        if c.dep_ == "ccomp":
            bounds = cl.contiguous(cl.full_phrase_tokens(c))
            if bounds is None:
                return None
            last = ctx.tokens[bounds[1] - 1]
            start, end = ctx.tokens[bounds[0]].idx, last.idx + len(last.text)
            return TextSpan(start=start, end=end, text=ctx.span_text(bounds[0], bounds[1]))
    return None


def _complement_text(ctx: DocContext, verb: Token, target: EntityMention | None) -> str | None:
    """What the predicate is about when there is no direct object."""
    xcomp = cl.merged_xcomp(verb)
    if xcomp is not None:
        return _text(ctx, cl.argument_tokens(xcomp))
    for c in cl.kids(verb):
        if c.dep_ == "ccomp" and verb.lemma_.lower() not in REPORTING_VERBS:
            return _text(ctx, cl.full_phrase_tokens(c))
    for prep in (c for c in cl.kids(verb) if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS):
        sub = list(prep.subtree)
        holds_target = target is not None and target.start >= sub[0].i and target.end <= sub[-1].i + 1
        if holds_target or any(ctx.time_at(t) for t in sub[:4]):
            continue
        if any(c.dep_ == "pobj" for c in cl.kids(prep)):
            return _text(ctx, cl.full_phrase_tokens(prep))
    return None


# -- modality and source -------------------------------------------------------


def _modality_and_source(ctx: DocContext, verb: Token, according: Token | None = None) -> tuple[Modality, str | None]:
    attribution = ctx.attribution_of(verb)
    source = attribution.source if attribution is not None else None
    own = _own_modality(verb)
    if own is not None:
        return own, source
    reported = attribution is not None
    chain = [verb, *cl.clause_ancestors(verb)]
    for child, anc in zip([verb, *chain], chain, strict=False):
        if _uncertain_frame(anc) and anc is not verb:
            return "uncertain", source
        modal = _own_modality(anc) if anc is not verb else None
        if modal in ("hypothetical", "uncertain"):
            return modal, source
        speaker = _speaker(anc, verb, child)
        if speaker is not None:
            reported = True
            if source is None:
                source = ctx.source_of_tokens(list(speaker.subtree))
    if not reported:
        speaker = according
        if speaker is not None:
            reported = True
            if source is None:
                source = ctx.source_of_tokens(list(speaker.subtree))
    return ("reported" if reported else "asserted"), source


def _according_to(according: Iterable[Token]) -> Token | None:
    """The "according to X" of a sentence: it scopes over the whole sentence, wherever the parser hung it.

    ``according`` holds the sentence's tokens reading "according".
    """
    for tok in according:
        for to in cl.kids(tok):
            objs = [o for o in cl.kids(to) if o.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _own_modality(verb: Token) -> Modality | None:
    # The auxiliaries, marks and hedges read in one walk of the children (asked of every clause and of each
    # clause above it; most have none of the three), then tested in the rules' order.
    aux: set[str] = set()
    marks: set[str] = set()
    hedged = False
    for c in cl.kids(verb):
        dep = c.dep_
        if dep in AUX_DEPS:
            aux.add(c.lower_)
        if dep == "mark":
            marks.add(c.lower_)
        elif dep == "advmod" and not hedged:
            hedged = c.lower_ in HEDGE_ADVERBS
    if aux & FUTURE_MODALS or (verb.dep_ == "xcomp" and cl.is_going_to(verb.head)):
        return "future"
    if aux & UNCERTAIN_MODALS:
        return "uncertain"
    if aux & HYPOTHETICAL_MODALS:
        return "hypothetical"
    if "whether" in marks or ("if" in marks and verb.dep_ == "ccomp"):
        return "uncertain"  # an embedded question: "asked whether/if X had paid"
    if marks & CONDITIONAL_MARKS:
        return "hypothetical"
    if hedged:
        return "uncertain"
    return None


def _uncertain_frame(clause: Token) -> bool:
    """``It is unclear ...``, ``officials wonder ...``: a frame that leaves its content open."""
    if clause.lemma_.lower() in UNCERTAIN_WORDS:
        return True
    for c in cl.kids(clause):
        if c.dep_ in PREDICATE_COMPLEMENT_DEPS:
            if c.lower_ in UNCERTAIN_WORDS:
                return True
            if c.lower_ in CERTAIN_WORDS and cl.negated(clause):  # "it is not clear when ..."
                return True
    return False


def _speaker(clause: Token, event_verb: Token, child: Token) -> Token | None:
    """Who a clause is attributed to: "according to X", "X said" (as frame or parenthetical)."""
    for c in cl.kids(clause):
        if c.dep_ == "prep" and c.lower_ == "according":
            for to in cl.kids(c):
                objs = [o for o in cl.kids(to) if o.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if c.dep_ == "parataxis" and c.lemma_.lower() in REPORTING_VERBS:
            subj = cl.children(c, ("nsubj",))
            return subj[0] if subj else c
    content_link = child.dep_ in CONTENT_CLAUSE_DEPS or (child.head.i != clause.i and child.dep_ == "pcomp")
    if clause is not event_verb and content_link and clause.lemma_.lower() in REPORTING_VERBS:
        subj = cl.children(clause, ("nsubj",))
        return subj[0] if subj else clause
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_VERBS and clause is event_verb:
        subj = cl.children(clause.head, ("nsubj",))
        return subj[0] if subj else clause.head
    return None


def _dating(ctx: DocContext, verb: Token, sent: Span, modality: Modality) -> Dating:
    past = verb.tag_ in PAST_TAGS or any(
        c.dep_ == "aux" and c.lower_ in ("did", "had", "has", "have") for c in cl.kids(verb)
    )
    if modality == "future":
        past = False
    dating = date_event(ctx, verb, sent, past=past)
    return dating if dating is not None else UNDATED
