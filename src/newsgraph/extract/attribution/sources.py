"""Source records: one per distinct source, with all its mentions.

Resolution runs in text order over every phrase that names a source (the
subject of a cue, the object of "according to", the agent of "was reported
by", whoever "declined to comment"). A phrase joins an earlier source when it
names the same entity (by mention offsets, so it works whatever the entity
stage groups), the same person's surname, or, for anonymous sources, when it is
a later reference: a pronoun ("they"), or a definite description with the same
head noun ("the aides", "these officials").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.attribution import lexicons as lex
from newsgraph.extract.attribution.reported import phrase_of, speaker_of
from newsgraph.record import Entity, Source, SourceMention
from newsgraph.vocab.parse import (
    ADJECTIVAL_DEPS,
    DETERMINER_DEPS,
    NOMINAL_SUBJECT_DEPS,
    PLURAL_NOUN_TAGS,
    PROPER_OR_PRONOUN_POS,
    SINGULAR_NOUN_TAGS,
    VERBAL_POS,
)
from newsgraph.vocab.pronouns import PERSON_PRONOUN_GENDERS, POSSESSIVE_PRONOUNS

PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
#: Every pronoun form a mention may be (a mention that is one names nobody by itself).
_PRONOUN_FORMS = lex.SPEAKER_PRONOUNS | lex.THING_PRONOUNS | frozenset(POSSESSIVE_PRONOUNS)
#: How many sentences back a pronoun may reach for its referent.
PRONOUN_WINDOW_SENTENCES = 3
#: How many "and"-joined verbs are climbed to a sentence's main verb ("X arrived and said …").
MAX_CONJ_STEPS = 4
MAX_DESCRIPTION_CHARS = 120
#: Entity types a source phrase's head may not have (times and dates mis-parsed as subjects).
NOT_SOURCE_LABELS = frozenset({"TIME", "DATE"})
#: Nouns by which a page names one unnamed informant in turn ("a source ... the insider added"): a
#: definite phrase with one of them refers back to the latest singular source named by any of them.
SOURCE_SYNONYMS = frozenset({"source", "insider"})
#: Determiners that name one more informant than the page has quoted ("another source"): never joined.
NEW_SOURCE_DETERMINERS = frozenset({"another"})
#: Possessives by which a page refers back to its own informant ("our insider", "our source"): definite.
OWN_SOURCE_POSSESSIVES = frozenset({"our"})
#: How many sentences back "the statement" may refer to the statement someone issued.
DOCUMENT_WINDOW_SENTENCES = 6
#: Nouns a page calls an outlet by after naming it ("the mag", "the magazine", "the story").
OUTLET_NOUNS = frozenset({"mag", "magazine", "tabloid", "outlet", "publication", "newspaper", "paper", "site",
                          "website", "story", "article"})
#: Their tags as a speaker: singular, and "mag" the model may tag an adjective.
OUTLET_TAGS = SINGULAR_NOUN_TAGS | {"JJ"}
#: Words that may stand between "the" and such a noun ("the same mag").
OUTLET_PHRASE_WORDS = frozenset({"same"})
#: How many sentences back the outlet must have spoken.
OUTLET_WINDOW_SENTENCES = 3
#: Words of a photo credit, never of a person's name ("Chris Weeks/Getty", "Screengrab from YouTube").
CREDIT_WORDS = frozenset({"getty", "screengrab", "screenshot", "shutterstock", "wireimage", "filmmagic"})
#: A name joined to an agency or photographer by a slash, as photo credits are set ("Danny Lawson/AP").
CREDIT_SLASH_RE = re.compile(r"\w/[A-Z]")
#: Characters either side of a mention read for a credit's slash ("Lawson" + "/AP").
CREDIT_CONTEXT_CHARS = 2
#: The entity type of a nationality word ("the American") read as a person's epithet.
DEMONYM_LABELS = frozenset({"NORP"})
#: Singular tags of such a word (proper noun, common noun or adjective, never a plural).
DEMONYM_TAGS = frozenset({"NNP", "NN", "JJ"})


@dataclass(slots=True)
class _EntityRef:
    id: str | None
    name: str
    label: str
    start: int
    end: int


@dataclass(slots=True)
class _Draft:
    """A source being built; turned into a ``Source`` at the end."""

    kind: str
    entity: str | None = None
    entity_name: str | None = None
    anonymous: bool = False
    head_lemma: str = ""
    plural: bool = False
    count: int | None = None
    affiliation: str | None = None
    reason: str | None = None
    declined: bool = False
    key: str | None = None
    handle: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    named_mentions: list[tuple[int, int]] = field(default_factory=list)
    last_offset: int = -1


class EntityIndex:
    """Which entity (if any) covers each token, from entity mention offsets."""

    def __init__(self, doc: Doc, entities: list[Entity], text: str | None = None) -> None:
        """``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it from the tokens on every access)."""
        self.by_token: dict[int, _EntityRef] = {}
        refs: list[_EntityRef] = []
        if entities:
            for entity in entities:
                for m in entity.mentions:
                    refs.append(_EntityRef(entity.id, entity.name, entity.type, m.start, m.end))
        else:
            refs = [_EntityRef(None, e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
        self.refs = sorted(refs, key=lambda r: r.start)
        # A one-word ORG/GPE "entity" that is a named person's surname is that person
        # (small models often tag a bare surname as ORG).
        # Such a mention is linked to the person's own entity, the one with most mentions.
        mentions_of = Counter(r.id for r in self.refs)
        persons: dict[str, _EntityRef] = {}
        for r in sorted(self.refs, key=lambda r: -mentions_of[r.id]):
            if r.label in PERSON_LABELS and r.name.split():
                persons.setdefault(r.name.split()[-1].lower(), r)
        for ref in self.refs:
            person = persons.get(ref.name.lower())
            if ref.label not in PERSON_LABELS and " " not in ref.name and person is not None:
                ref.label, ref.id, ref.name = "PERSON", person.id, person.name
        #: Mentions that are photo credits ("Chris Weeks/Getty"): never who a pronoun or epithet means.
        self.credits: set[tuple[int, int]] = set()
        #: The entities named by such a credit: the entity stage's "he"/"she" linked to one is not followed.
        self.credited: set[str | None] = set()
        if text is None:
            text = doc.text if self.refs else ""
        for ref in self.refs:
            span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span is None:
                continue
            around = text[max(0, ref.start - CREDIT_CONTEXT_CHARS) : ref.end + CREDIT_CONTEXT_CHARS]
            if _is_credit(around, ref.name):
                self.credits.add((ref.start, ref.end))
                self.credited.add(ref.id)
            for tok in span:
                self.by_token.setdefault(tok.i, ref)

    def of(self, token: Token) -> _EntityRef | None:
        return self.by_token.get(token.i)

    def persons_before(self, offset: int, floor: int) -> list[_EntityRef]:
        return [r for r in self.refs if floor <= r.start < offset and r.label in PERSON_LABELS
                and (r.start, r.end) not in self.credits]  # fmt: skip


def _is_credit(mention: str, name: str) -> bool:
    """True for a photo credit the entity stage typed as a person: "Danny Lawson/AP", "Getty Images".

    ``mention`` is the mention with a few characters either side, so the slash of a credit whose
    agency the entity stage left out ("Monica Schipper" of "Monica Schipper/Getty") is seen.

    Gossip and wire pages set a credit after each photo, often inside the text's paragraphs; the
    photographer or agency there is named but never speaks, so a later "she told the magazine" is not
    theirs. A name joined to an agency by a slash, or holding a credit word (``CREDIT_WORDS``), is one.
    """
    if CREDIT_SLASH_RE.search(mention):
        return True
    words = {w.lower() for w in re.findall(r"\w+", f"{mention} {name}")}
    return bool(words & CREDIT_WORDS)


def _document_author(head: Token) -> str | None:
    """Who a document is by: "a report by Human Rights Watch", "a letter from the mayor"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in lex.DOCUMENT_AUTHOR_PREPOSITIONS:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return phrase_of(pobj).text[:MAX_DESCRIPTION_CHARS]
    return None


def _is_name(tok: Token) -> bool:
    """A proper noun or a word the model tags as a name (not a pronoun or a description)."""
    return tok.pos_ == "PROPN" or (bool(tok.ent_type_) and tok.pos_ != "PRON")


def _window_floor(sent: Span, sentences: int) -> Span:
    """The earliest sentence of a window reaching ``sentences`` sentences back from ``sent`` (fewer at
    the document's start): the floor a look-back for an antecedent stops at."""
    doc = sent.doc
    floor = sent
    for _ in range(sentences):
        if floor.start == 0:
            break
        floor = doc[floor.start - 1].sent
    return floor


def _within_paragraph(span: Span) -> Span:
    """``span`` cut to the paragraph of its root: a parse may join a heading to the next paragraph."""
    root = span.root
    start, end = span.start, span.end
    for tok in span:
        if tok.is_space and "\n\n" in tok.text:
            if tok.i < root.i:
                start = tok.i + 1
            else:
                end = tok.i
                break
    return span.doc[start:end] if end > start else span.doc[root.i : root.i + 1]


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _without_determiner(span: Span) -> str:
    words = [t.text for t in span if not (t.i == span.start and t.dep_ in DETERMINER_DEPS)]
    return " ".join(words)


def _count(head: Token) -> int | None:
    """How many people an anonymous phrase counts: "three aides" 3, "a person" 1, "officials" None."""
    for child in head.children:
        if child.dep_ == "nummod":
            word = child.lower_
            if word.isdigit():
                return int(word)
            if word in lex.NUMBER_WORDS:
                return lex.NUMBER_WORDS[word]
            return None
        if child.dep_ in lex.COUNT_DEPS and child.lower_ in lex.NUMBER_WORDS:
            return lex.NUMBER_WORDS[child.lower_]
    if head.tag_ in SINGULAR_NOUN_TAGS and head.lower_ != "people":
        return 1
    return None


def _strip_det(span: Span) -> str:
    tokens = [t for t in span]
    while tokens and tokens[0].dep_ in lex.DESCRIPTION_LEAD_DEPS and tokens[0].lower_ in ("the", "a", "an", "its"):
        tokens.pop(0)
    return "".join(t.text_with_ws for t in tokens).strip()


def _affiliating_modifier(token: Token) -> bool:
    """ "administration" in "administration officials"; not "senior" or "two"."""
    if token.lower_ in lex.RANK_WORDS:
        return False
    return token.dep_ == "compound" or (token.dep_ in ADJECTIVAL_DEPS and token.pos_ == "PROPN")


def _affiliation(head: Token) -> str | None:
    """ "close to the mayor" -> "mayor"; "familiar with X" kept whole; "administration officials"."""
    doc = head.doc
    for child in head.rights:
        if child.dep_ == "amod" and child.lower_ in lex.AFFILIATION_ADJECTIVES:
            prep = next((c for c in child.children if c.dep_ == "prep"), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if pobj is None:
                continue
            if child.lower_ == "close":
                return _strip_det(phrase_of(pobj))
            return doc[child.i : pobj.right_edge.i + 1].text
    modifiers = [c for c in head.lefts if _affiliating_modifier(c)]
    if modifiers:
        first = modifiers[0].left_edge.i
        while first < head.i and (doc[first].lower_ in lex.RANK_WORDS or doc[first].dep_ == "det"):
            first += 1
        if first < head.i:
            return doc[first : head.i].text
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in lex.AFFILIATION_PREPOSITIONS and child.lower_ != "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                if child.lower_ == "with":
                    return doc[child.i : pobj.right_edge.i + 1].text
                return _strip_det(phrase_of(pobj))
    return None


def _reason(sent: Span) -> str | None:
    """The reason a sentence gives for anonymity ("to discuss the talks"), if it gives one."""
    match = lex.REASON_RE.search(sent.text)
    if not match:
        return None
    return match.group(1).strip()


class SourceResolver:
    """Turns source phrases into ``Source`` records, merging later references."""

    def __init__(self, doc: Doc, entities: list[Entity], text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access
        self.index = EntityIndex(doc, entities, self.text)
        self.entities = entities
        self.drafts: list[_Draft] = []
        self._unstated: int | None = None
        self._by_key: dict[str, int] = {}
        self._genders: dict[str, str | None] = {}
        #: The quotations' inner spans (set by the caller): who a quote speaks of is not its speaker.
        self.quoted: list[tuple[int, int]] = []

    # --- classification -------------------------------------------------------

    def _entity_for(self, head: Token, span: Span) -> _EntityRef | None:
        ref = self.index.of(head)
        if ref is not None:
            return ref
        if head.pos_ == "PROPN":
            for tok in span:
                ref = self.index.of(tok)
                if ref is not None and ref.label in PERSON_LABELS | ORG_LABELS:
                    return ref
        return None

    def _kind(self, head: Token, ref: _EntityRef | None, text: str) -> str:
        lemma = head.lemma_.lower()
        if ref is not None and ref.label in PERSON_LABELS:
            return "person"
        if ref is not None and ref.label in ORG_LABELS:
            return "media" if lex.MEDIA_NAME_RE.search(ref.name) or lex.MEDIA_NAME_RE.search(text) else "organization"
        if lemma in lex.SOCIAL_NOUNS or any(t.lower_ in lex.SOCIAL_PLATFORMS for t in head.lefts):
            return "social"
        if lemma in lex.DOCUMENT_NOUNS:
            return "document"
        if lemma in lex.MEDIA_NOUNS:
            return "media"
        if lemma in lex.ORG_NOUNS:
            return "media" if any(t.lower_ in lex.MEDIA_MODIFIERS for t in head.lefts) else "organization"
        if head.pos_ == "PROPN" and lex.MEDIA_NAME_RE.search(text):
            return "media"
        person = head.pos_ in PROPER_OR_PRONOUN_POS or lemma in lex.ROLE_NOUNS or lemma in lex.PERSON_WORDS
        return "person" if person else "organization"

    @staticmethod
    def _is_anonymous(head: Token, ref: _EntityRef | None) -> bool:
        return ref is None and head.pos_ == "NOUN" and head.lemma_.lower() in lex.ANONYMOUS_NOUNS | {"people"}

    # --- resolution -----------------------------------------------------------

    def _add(self, draft: _Draft, span: tuple[int, int], named: bool) -> int:
        idx = len(self.drafts)
        self.drafts.append(draft)
        self._mention(idx, span, named)
        if draft.key:
            self._by_key[draft.key] = idx
        return idx

    def _mention(self, idx: int, span: tuple[int, int], named: bool) -> None:
        draft = self.drafts[idx]
        if span not in draft.mentions:
            draft.mentions.append(span)
            if named:
                draft.named_mentions.append(span)
        draft.last_offset = max(draft.last_offset, span[0])

    def _recent(self, offset: int, predicate: Callable[[_Draft], bool]) -> int | None:
        best, best_at = None, -1
        for i, d in enumerate(self.drafts):
            at = max((s for s, _ in d.mentions if s < offset), default=-1)
            if at > best_at and predicate(d):
                best, best_at = i, at
        return best

    def _pronoun(self, head: Token) -> int | None:
        word = POSSESSIVE_PRONOUNS.get(head.lower_, head.lower_)
        offset = head.idx
        span = (head.idx, head.idx + len(head.text))
        if word in lex.PLURAL_PRONOUNS:
            idx = self._recent(offset, lambda d: d.anonymous or d.plural)
            if idx is None:
                idx = self._recent(offset, lambda d: d.kind in ("organization", "media"))
        elif word in lex.PERSON_PRONOUNS:
            idx = self._person_pronoun(head)
        elif word in lex.THING_PRONOUNS:
            idx = self._recent(offset, lambda d: d.kind in ("organization", "media", "document"))
        elif word in lex.FIRST_PERSON_PRONOUNS or word == "you":
            return None  # "I", "we" with no known speaker, "you": no source of their own
        elif word not in lex.SPEAKER_PRONOUNS:
            return None
        else:
            idx = None
        if idx is None:
            ref = self.index.of(head)  # what the entity stage resolved it to, when this stage finds nothing
            if ref is not None and ref.label in PERSON_LABELS | ORG_LABELS and ref.id not in self.index.credited:
                idx = self._for_entity(ref, None)
        if idx is None:
            # An unresolved third-person pronoun: a source of its own, so the claim keeps its speaker.
            key = f"pronoun:{word}"
            idx = self._by_key.get(key)
            if idx is None:
                kind = "organization" if word in lex.THING_PRONOUNS else "person"  # an unresolved "it" is no one
                draft = _Draft(kind=kind, key=key, plural=word in lex.PLURAL_PRONOUNS | {"we", "us"})
                return self._add(draft, span, named=False)
        self._mention(idx, span, named=False)
        return idx

    def _resolved_pronoun(self, head: Token) -> int | None:
        """A first-person, "it" or "they" pronoun the entity stage resolved: that entity's source.

        '"We will appeal," said Jo Dale': "We" is Jo Dale. "he"/"she" keep this
        stage's own resolution, which the reference article was checked on.
        """
        word = POSSESSIVE_PRONOUNS.get(head.lower_, head.lower_)
        if word not in lex.FIRST_PERSON_PRONOUNS | lex.THING_PRONOUNS | lex.PLURAL_PRONOUNS:
            return None
        ref = self.index.of(head)
        if ref is None or ref.label not in PERSON_LABELS | ORG_LABELS:
            return None
        idx = self._for_entity(ref, None)
        self._mention(idx, (head.idx, head.idx + len(head.text)), named=False)
        return idx

    def _person_pronoun(self, head: Token) -> int | None:
        """ "he"/"she": the latest person named within a few sentences (a subject preferred)."""
        sent = head.sent
        floor_sent = _window_floor(sent, PRONOUN_WINDOW_SENTENCES)
        gender = PERSON_PRONOUN_GENDERS.get(head.lower_)
        # A person named only inside a quote of the window is spoken of by its speaker, not speaking
        # ('She went on, "Dale is unfit." "He has no plan," she wrote.': "she" is not Dale).
        window = self.doc[floor_sent.start : sent.end]
        candidates = [r for r in self.index.persons_before(head.idx, floor_sent.start_char)
                      if not self._other_gender(r, gender) and not self._spoken_of(r, window)]  # fmt: skip
        if not candidates:
            return self._recent(head.idx, lambda d: d.kind == "person" and not d.anonymous)
        subjects = [r for r in candidates if self._is_subject(r)]
        ref = (subjects or candidates)[-1]
        spoke = self._named_speaker(head.idx, floor_sent.start_char, gender)
        # Only a person a sentence is about (its main clause's subject) takes the pronoun from the one
        # who last spoke: in "X said that Y failed. '…,' he said" Y is spoken of and "he" is X.
        named_subjects = [r for r in subjects if self.text[r.start : r.end].lower() not in _PRONOUN_FORMS
                          and self._is_main_subject(r)
                          and not (spoke and self._in_apposition_to(r, self.drafts[spoke[0]]))]  # fmt: skip
        if spoke is not None and spoke[1] >= (named_subjects[-1].start if named_subjects else -1):
            # the person who last spoke, named after any person subject: "X told Y …" then "'…,' he said"
            # is X, though the entity stage may know only Y as a person (a name it typed otherwise). The
            # entity stage's pronoun mentions are no evidence here: it may have read "I" in the very quote
            # this pronoun tags as Y.
            self._mention(spoke[0], (head.idx, head.idx + len(head.text)), named=False)
            return spoke[0]
        # An unnamed speaker wins only after the last *name*: the entity stage's pronoun mentions (a "We"
        # inside the very quote this pronoun tags) follow its own reading of the pronoun.
        named_at = max((r.end for r in candidates if self.text[r.start : r.end].lower() not in _PRONOUN_FORMS),
                       default=floor_sent.start_char)  # fmt: skip
        unnamed = self._unnamed_speaker(head.idx, max(floor_sent.start_char, named_at), gender)
        return unnamed if unnamed is not None else self._for_entity(ref, None)

    def _in_apposition_to(self, ref: _EntityRef, draft: _Draft) -> bool:
        """True when ``ref`` is set in apposition to one of ``draft``'s own mentions ("said Jo Hart, Head
        Trader at …": a "Trader" the entity stage took for a person is Hart)."""
        span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "appos":
            return False
        at = span.root.head.idx
        return any(s <= at < e for s, e in draft.mentions)

    def _named_speaker(self, offset: int, floor: int, gender: str | None) -> tuple[int, int] | None:
        """The named person source mentioned last before ``offset`` (after ``floor``), and where.

        Sources exist only for speakers, so this is who last spoke; one whose words give the other
        gender is passed over, and unnamed or pronoun sources are left to the rules that read them.
        """
        best: tuple[int, int] | None = None
        for i, d in enumerate(self.drafts):
            if d.kind != "person" or d.anonymous or d.plural or not d.named_mentions:
                continue
            if d.key is None or d.key.startswith(("pronoun:", "anon:")):
                continue
            at = max((st for st, _ in d.named_mentions if floor <= st < offset), default=-1)
            if at < 0 or (best is not None and at <= best[1]):
                continue
            known = self._entity_gender(d.entity) or lex.GENDERED_TITLES.get(d.head_lemma)
            if gender is not None and known is not None and known != gender:
                continue
            best = (i, at)
        return best

    def _spoken_of(self, ref: _EntityRef, sent: Span) -> bool:
        """True for a person a quote in ``sent`` (the pronoun's sentence and the ones before it in its
        window) speaks *of* ("'Gavin kicked it,' he said", "'he's lying,' he said"): a speaker names
        themselves "I", so only a first-person mention inside a quote may be the speaker."""
        if self.text[ref.start : ref.end].lower() in lex.FIRST_PERSON_PRONOUNS:
            return False
        return any(sent.start_char <= s and s <= ref.start and ref.end <= e for s, e in self.quoted)

    def _entity_gender(self, entity_id: str | None) -> str | None:
        """The gender the article's words give a person entity: an honorific before a mention ("Mr
        McConnell"), a gendered title ("spokeswoman"), a "he"/"she" the entity stage resolved to it; None
        on none or both. Only used to keep "she" off a man, never written to a record."""
        if entity_id is None:
            return None
        if entity_id not in self._genders:
            words: set[str] = set()  # honorifics and titles: the article's own words about the person
            pronouns: set[str] = set()  # the entity stage's reading, weaker: used when words say nothing
            entity = next((e for e in self.entities if e.id == entity_id), None)
            for m in entity.mentions if entity else []:
                word = m.text.lower()
                if word in ("he", "she"):  # a subject; a possessive may sit in a quote about someone else
                    pronouns.add(PERSON_PRONOUN_GENDERS[word])
                before = self.text[max(0, m.start - 6) : m.start].split()
                if before and before[-1].lower().rstrip(".") in lex.HONORIFIC_GENDERS:
                    words.add(lex.HONORIFIC_GENDERS[before[-1].lower().rstrip(".")])
            for title in entity.titles if entity else []:
                words.update(lex.GENDERED_TITLES[w] for w in title.lower().split() if w in lex.GENDERED_TITLES)
            found = words or pronouns
            self._genders[entity_id] = found.pop() if len(found) == 1 else None
        return self._genders[entity_id]

    def _other_gender(self, ref: _EntityRef, gender: str | None) -> bool:
        known = self._entity_gender(ref.id)
        return gender is not None and known is not None and known != gender

    def _unnamed_speaker(self, offset: int, floor: int, gender: str | None) -> int | None:
        """An unnamed person who spoke after ``floor`` ("A spokesman for the press said …"): a later
        "he said" is theirs, not the person named before them. Sources exist only for speakers, so a
        source mentioned in the window spoke there; one whose noun says another gender is passed over."""
        def fits(d: _Draft) -> bool:
            if d.kind not in ("person", "anonymous") or d.entity is not None or d.plural:
                return False
            if d.key is None or not d.key.startswith(("text:", "anon:")):
                return False  # an unresolved pronoun's own source, or a post or a label
            if d.head_lemma not in lex.ROLE_NOUNS | lex.ANONYMOUS_NOUNS | lex.PERSON_WORDS:
                return False  # a name the entity stage missed ("Green"), not a description
            noun = lex.GENDERED_TITLES.get(d.head_lemma) or lex.PERSON_NOUN_GENDERS.get(d.head_lemma)
            return not (gender and noun and noun != gender)

        idx = self._recent(offset, fits)
        if idx is None or max(s for s, _ in self.drafts[idx].mentions if s < offset) < floor:
            return None
        return idx

    def _is_epithet(self, head: Token, phrase: Span) -> bool:
        """ "the 74-year-old comedian", "the Tory leader": a definite singular person noun with no name.

        Such a phrase, speaking right after a person was named, is that person (news style avoids
        repeating a name); the entity stage joins a description only to someone it titles so.
        """
        if head.pos_ != "NOUN" or head.tag_ not in SINGULAR_NOUN_TAGS or phrase[0].lower_ != "the":
            return False
        if any(t.ent_type_ in PERSON_LABELS | ORG_LABELS for t in phrase):
            return False  # "the chairman of the Bar Council", "the Labour leader": tied to a body
        lemma = head.lemma_.lower()
        return lemma in lex.EPITHET_NOUNS or bool(lex.AGE_EPITHET_RE.search(phrase.text))

    @staticmethod
    def _is_demonym_epithet(head: Token, phrase: Span) -> bool:
        """ "the American", "the New Zealander": "the" and one singular nationality word, no other word.

        Sports and wire copy name a player, then call them by their nationality ("Lee lost in four
        sets. '…,' said the Canadian"); the model tags the word as a nationality (NORP), which no
        sentence speaks as. A plural ("the Americans") is a team or a people, not an epithet.
        """
        if phrase[0].lower_ != "the" or len(phrase) < 2 or head.tag_ not in DEMONYM_TAGS:
            return False
        return all(t.ent_type_ in DEMONYM_LABELS for t in phrase[1:])

    def _outlet_referred_to(self, head: Token, phrase: Span) -> int | None:
        """The news outlet a bare "the mag", "the same magazine", "the story" refers back to, or None.

        Gossip and media pages name an outlet as a speaker ("Us Weekly reports that …"), then go on with
        "The mag described them as '…'" or "The story paints him as '…'". Such a phrase, with no name
        and nothing after its noun, is the media source that spoke last, when it spoke in the last few
        sentences (``OUTLET_WINDOW_SENTENCES``). A named organisation counts as an outlet too: a magazine
        whose name has no press word ("Hart & Home said that …. The story paints him as '…'") is typed so.
        """
        if head.lower_ not in OUTLET_NOUNS or head.tag_ not in OUTLET_TAGS:
            return None
        words = [t.lower_ for t in phrase]
        if words[0] != "the" or words[-1] != head.lower_ or any(w not in OUTLET_PHRASE_WORDS for w in words[1:-1]):
            return None
        floor_sent = _window_floor(head.sent, OUTLET_WINDOW_SENTENCES)
        idx = self._recent(head.idx, lambda d: not d.anonymous and (d.kind == "media" or (
            d.kind == "organization" and d.entity is not None)))
        if idx is None or max(s for s, _ in self.drafts[idx].mentions if s < head.idx) < floor_sent.start_char:
            return None
        return idx

    def _epithet_antecedent(self, head: Token) -> int | None:
        """The source of the person an epithet refers to: the latest person named as a subject in the
        last few sentences, when no one else named so far is titled with the epithet's noun."""
        floor_sent = _window_floor(head.sent, PRONOUN_WINDOW_SENTENCES)
        # Named in an earlier sentence: in "X said the mayor was tired" the mayor is someone else.
        before = self.index.persons_before(head.sent.start_char, floor_sent.start_char)
        subjects = [r for r in before if self._is_subject(r)]
        if not subjects:
            return None
        ref = subjects[-1]
        lemma = head.lemma_.lower()
        # someone else named so far holds that title: the epithet may be theirs (one named only later
        # cannot be meant: "the chairman added" before "campaign chairman Paul Manafort said")
        titled = {r.id for r in self.index.refs if r.start < head.idx and r.id in self._titled_with(lemma)}
        if titled - {ref.id}:
            return None
        return self._for_entity(ref, None)

    def _age_epithet_antecedent(self, head: Token) -> int | None:
        """The person a bare age epithet refers to ("said the 34-year-old"), or None.

        The model tags "34-year-old" as a date and parses its last word as the phrase's head, so the
        phrase looks like a time, not a person; with "the" before it and nothing after it, it is the
        epithet sports and wire copy use for the person just named (``_epithet_antecedent``).
        """
        phrase = _within_paragraph(phrase_of(head))
        if len(phrase) < 2 or phrase[0].lower_ != "the" or phrase[-1].i != head.i:
            return None
        if not lex.AGE_EPITHET_RE.fullmatch(phrase[1:].text.strip()):
            return None
        idx = self._epithet_antecedent(head)
        if idx is not None:
            self._mention(idx, (phrase.start_char, phrase.end_char), named=False)
        return idx

    def _titled_with(self, lemma: str) -> set[str | None]:
        """The ids of the person entities whose titles contain the noun ``lemma``."""
        return {e.id for e in self.entities if e.type in PERSON_LABELS
                and any(lemma in t.lower().split() for t in e.titles)}  # fmt: skip

    def _is_subject(self, ref: _EntityRef) -> bool:
        span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        # "The party's leader, Jo Dale, welcomed it": a name in apposition to the subject is the subject
        return root.dep_ in NOMINAL_SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in NOMINAL_SUBJECT_DEPS)

    def _is_main_subject(self, ref: _EntityRef) -> bool:
        """True for the subject of a sentence's main verb (or of a verb joined to it by "and"), not of a
        clause set under it ("X said that *Y* failed", "X, who *Y* praised, …", "where *Y* failed")."""
        span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or not self._is_subject(ref):
            return False
        root = span.root
        verb = root.head.head if root.dep_ == "appos" else root.head
        for _ in range(MAX_CONJ_STEPS):
            if verb.dep_ != "conj":
                break
            verb = verb.head
        return verb.dep_ == "ROOT" or verb.head.i == verb.i

    def _for_entity(self, ref: _EntityRef, span: tuple[int, int] | None, *, named: bool = True) -> int:
        """The source of the entity ``ref``, with ``span`` as a mention; ``named=False`` for a description the
        entity stage resolved to it ("the Tory leader"), which is no name to describe the source by."""
        key = self._entity_key(ref)
        idx = self._by_key.get(key)
        if idx is None and ref.label in PERSON_LABELS:
            idx = self._by_key.get(self._surname_key(ref.name))
        if idx is None:
            kind = (
                "person"
                if ref.label in PERSON_LABELS
                else ("media" if lex.MEDIA_NAME_RE.search(ref.name) else "organization")
            )
            draft = _Draft(kind=kind, entity=ref.id, entity_name=ref.name, key=key)
            idx = len(self.drafts)
            self.drafts.append(draft)
            self._by_key[key] = idx
        if ref.label in PERSON_LABELS:
            self._by_key.setdefault(self._surname_key(ref.name), idx)
        if span is not None:
            self._mention(idx, span, named=named)
        return idx

    @staticmethod
    def _entity_key(ref: _EntityRef) -> str:
        return f"entity:{ref.id}" if ref.id else f"name:{_norm(ref.name)}"

    @staticmethod
    def _surname_key(name: str) -> str:
        words = [w for w in name.replace("’s", "").replace("'s", "").split() if w[:1].isalpha()]
        return f"surname:{words[-1].lower()}" if words else f"surname:{name.lower()}"

    def resolve(self, head: Token) -> int | None:
        """The index of the source the phrase headed by ``head`` names, creating it if new."""
        if head.pos_ == "PRON" or head.lower_ in lex.SPEAKER_PRONOUNS or head.lower_ in POSSESSIVE_PRONOUNS:
            resolved = self._resolved_pronoun(head)
            return resolved if resolved is not None else self._pronoun(head)
        if head.lower_ in ("who", "which", "that"):
            return None
        if head.ent_type_ in NOT_SOURCE_LABELS:
            age = self._age_epithet_antecedent(head)
            if age is not None:
                return age  # "'…,' said the 34-year-old": the person just named, not a date
            return None  # "9:30 p.m." parsed as a subject in a live blog
        phrase = _within_paragraph(phrase_of(head))
        if not phrase.text.strip():
            return None
        span = (phrase.start_char, phrase.end_char)
        if self._is_demonym_epithet(head, phrase):
            idx = self._epithet_antecedent(head)
            if idx is not None:
                self._mention(idx, span, named=False)  # "said the American": the person just named
                return idx
        outlet = self._outlet_referred_to(head, phrase)
        if outlet is not None:
            self._mention(outlet, span, named=False)  # "Us Weekly reports …. The mag described …": Us Weekly
            return outlet
        ref = self._entity_for(head, phrase)
        if ref is None or ref.label not in PERSON_LABELS:
            # "The Democrat who defeated him, Gov. Jo Dale, said": the head's own tag (a party, NORP) is
            # no source when a person is named in apposition
            named = next((c for c in head.rights if c.dep_ == "appos" and self.index.of(c) is not None), None)
            if named is not None and self.index.of(named).label in PERSON_LABELS:  # type: ignore[union-attr]
                # "her senior policy adviser, Jake Sullivan": the person named in apposition
                ref = self.index.of(named)
                span = (phrase.start_char, max(phrase.end_char, named.idx + len(named.text)))
        if ref is not None and (ref.label in PERSON_LABELS or ref.label in ORG_LABELS):
            # A name ("Ann Lee", "Lee") describes the source; a description the entity stage resolved does not.
            idx = self._for_entity(ref, span, named=head.pos_ == "PROPN" or bool(head.ent_type_))
            draft = self.drafts[idx]
            kind = self._kind(head, ref, phrase.text)
            if draft.kind != kind and kind == "media":
                draft.kind = kind
            return idx
        if self._is_anonymous(head, ref):
            return self._anonymous(head, phrase, span)
        kind = self._kind(head, ref, phrase.text)
        if kind == "document" and ref is None and phrase[0].lower_ in lex.ANAPHORIC_DETERMINERS:
            author = self._document_antecedent_author(head)
            if author is not None:
                idx = self.resolve(author)
                if idx is not None:
                    return idx  # "ESPN issued a statement. '…,' the statement reads": ESPN speaks
        key = f"text:{_norm(_without_determiner(phrase))}"
        idx = self._by_key.get(key)
        if idx is None and ref is None and self._is_epithet(head, phrase):
            idx = self._epithet_antecedent(head)
            if idx is not None:
                self._mention(idx, span, named=False)  # the person keeps their name as description
                self._by_key[key] = idx
                return idx
        if idx is None and head.pos_ == "PROPN":
            idx = self._by_key.get(self._surname_key(head.text))
        if idx is None:
            draft = _Draft(
                kind=kind,
                key=key,
                head_lemma=head.lemma_.lower(),
                plural=head.tag_ in PLURAL_NOUN_TAGS,
                # a document's affiliation is its author ("a report by X"), not a modifier ("a court filing")
                affiliation=_document_author(head) if kind == "document" else _affiliation(head),
            )
            return self._add(draft, span, named=True)
        self._mention(idx, span, named=True)
        return idx

    def _document_antecedent_author(self, head: Token) -> Token | None:
        """Who issued the document a definite document noun refers back to ("the statement"), or None.

        The latest earlier mention of a noun of the same lemma in the last few sentences, as the object
        of a verb with a subject ("ESPN issued a statement", "Lee made a statement thanking …") or in
        "in a statement" under one, or with a possessive ("the board's statement"): that subject or
        possessor, when it is a name. A document with its own author ("the statement by the board")
        never gets here. The quote the noun tags may run over several sentences, hence the wider window.
        """
        if _document_author(head) is not None:
            return None
        floor_sent = _window_floor(head.sent, DOCUMENT_WINDOW_SENTENCES)
        lemma = head.lemma_.lower()
        for tok in reversed(self.doc[floor_sent.start : head.i]):
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN" or self._in_quote(tok):
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner if _is_name(owner) and not self._in_quote(owner) else None
            verb = tok.head
            if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "in":
                verb = verb.head
            elif tok.dep_ != "dobj":
                return None  # the latest such noun is no issued document: "the statement" is not resolved
            author = speaker_of(verb) if verb.pos_ in VERBAL_POS else None
            if author is None or self._in_quote(author) or not _is_name(author):
                return None  # a name only: "the judge" or "his" ruling is a reference to resolve first
            return author
        return None

    def _in_quote(self, tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in self.quoted)

    def _anonymous(self, head: Token, phrase: Span, span: tuple[int, int]) -> int:
        lemma = head.lemma_.lower()
        first = phrase[0].lower_
        definite = first in lex.ANAPHORIC_DETERMINERS or first in OWN_SOURCE_POSSESSIVES
        plural = head.tag_ in PLURAL_NOUN_TAGS or lemma == "people"
        key = f"anon:{_norm(_without_determiner(phrase))}"
        if first in NEW_SOURCE_DETERMINERS:
            # "another source": a new informant, not the one "a source" named before
            key = f"anon:{first}:{span[0]}"
        idx = self._by_key.get(key)
        if idx is None and definite:
            idx = self._anonymous_antecedent(span[0], lemma, plural)
        if idx is None:
            draft = _Draft(
                kind="anonymous",
                anonymous=True,
                head_lemma=lemma,
                plural=plural,
                key=key,
                count=_count(head),
                affiliation=_affiliation(head),
            )
            idx = self._add(draft, span, named=True)
        else:
            self._mention(idx, span, named=True)
            draft = self.drafts[idx]
            draft.affiliation = draft.affiliation or _affiliation(head)
            self._by_key.setdefault(key, idx)
        draft = self.drafts[idx]
        if draft.reason is None and lex.ANONYMITY_RE.search(head.sent.text):
            draft.reason = _reason(head.sent)
        return idx

    def _anonymous_antecedent(self, offset: int, lemma: str, plural: bool) -> int | None:
        """The anonymous source a definite phrase ("the aides", "the insider", "our source") refers back to.

        The latest anonymous source of the same noun and number first: "Sources say ... 'Yes,' says the
        source" is not the sources of before when "one source" spoke in between. Then, for the one
        person a gossip page quotes under varying words ("a source close to her told Us ... 'No,' the
        insider added ... our insider explained"), the latest singular source of the same kind
        (``SOURCE_SYNONYMS``). Last, as before, the latest anonymous source of the same noun.
        """
        idx = self._recent(offset, lambda d: d.anonymous and d.head_lemma == lemma and d.plural == plural)
        if idx is None and not plural and lemma in SOURCE_SYNONYMS:
            idx = self._recent(offset, lambda d: d.anonymous and not d.plural and d.head_lemma in SOURCE_SYNONYMS)
        if idx is None:
            # "the three aides close to X who ...": the latest such source
            idx = self._recent(offset, lambda d: d.anonymous and d.head_lemma == lemma)
        return idx

    def unstated(self, offset: int) -> int:
        """The article's one ``unstated`` source: what "reportedly" and "is said to" rest on.

        It has no mentions (no words name it; each claim's cue holds the words that report it),
        so one source collects every unattributed report in the article.
        """
        if self._unstated is None:
            self._unstated = len(self.drafts)
            self.drafts.append(_Draft(kind="unstated", key="\x00unstated", last_offset=offset))
        draft = self.drafts[self._unstated]
        draft.last_offset = min(draft.last_offset, offset)
        return self._unstated

    def social(self, name: tuple[int, int], handle: str) -> int:
        """The ``social`` source of an embedded post's signature: one per handle, linked to the entity named.

        The account is its own source (a sourcing count asks how a claim reached the article), so
        a person quoted in the text and posting under a handle is two sources on one entity.
        """
        key = f"social:{handle.lower()}"
        idx = self._by_key.get(key)
        if idx is not None:
            self._mention(idx, name, named=True)
            return idx
        span = self.doc.char_span(name[0], name[1], alignment_mode="expand")
        ref = next((r for t in span or () if (r := self.index.of(t)) is not None
                    and r.label in PERSON_LABELS | ORG_LABELS), None)  # fmt: skip
        draft = _Draft(kind="social", entity=ref.id if ref else None, entity_name=ref.name if ref else None,
                       key=key, handle=handle)  # fmt: skip
        return self._add(draft, name, named=True)

    def named_label(self, name: tuple[int, int]) -> int:
        """The source a transcript label names ("SCHULTZ", "REP. MIKE PENCE"): its entity, or a person by surname.

        Labels are capitals the model seldom tags, so a label no entity covers still joins the person
        named by the same surname elsewhere, and every label of one speaker is one source.
        """
        span = self.doc.char_span(name[0], name[1], alignment_mode="expand")
        ref = next((r for t in span or () if (r := self.index.of(t)) is not None
                    and r.label in PERSON_LABELS | ORG_LABELS), None)  # fmt: skip
        if ref is not None:
            return self._for_entity(ref, name)
        text = self.text[name[0] : name[1]]
        surname = self._surname_key(text)
        idx = self._by_key.get(surname)
        if idx is not None:
            self._mention(idx, name, named=True)
            return idx
        idx = self._add(_Draft(kind="person", key=f"text:{_norm(text)}"), name, named=True)
        self._by_key.setdefault(surname, idx)
        return idx

    def attach_author(self, document: int, author: int) -> None:
        """Name who issued a document source ("the ministry" for "the ministry said in a statement")."""
        draft = self.drafts[document]
        if draft.kind == "document" and draft.affiliation is None:
            draft.affiliation = self._description(self.drafts[author], self.text)[:MAX_DESCRIPTION_CHARS]

    def mark_declined(self, idx: int) -> None:
        self.drafts[idx].declined = True

    def note_anonymity(self, head: Token) -> None:
        """A sentence saying why someone "requested anonymity": give the reason to that source."""
        anchor, hops = head, 0
        while anchor.dep_ in lex.AFFILIATION_PATH_DEPS and hops < 6:
            anchor, hops = anchor.head, hops + 1
            if anchor.pos_ == "NOUN" and anchor.lemma_.lower() in lex.ANONYMOUS_NOUNS | {"people"}:
                head = anchor  # "aides close to the council who asked for anonymity": the aides, not the council
                break
        idx = self.resolve(head)
        if idx is not None and self.drafts[idx].anonymous and self.drafts[idx].reason is None:
            self.drafts[idx].reason = _reason(head.sent)

    # --- output ---------------------------------------------------------------

    def records(self) -> tuple[list[Source], dict[int, str]]:
        """The ``Source`` records in order of first mention, and draft index -> source id."""
        order = sorted(
            range(len(self.drafts)),
            key=lambda i: min((s for s, _ in self.drafts[i].mentions), default=max(self.drafts[i].last_offset, 0)),
        )
        ids: dict[int, str] = {}
        out: list[Source] = []
        text = self.text
        for n, i in enumerate(order, 1):
            d = self.drafts[i]
            ids[i] = f"s{n}"
            mentions = sorted(d.mentions)
            out.append(
                Source(
                    id=ids[i],
                    entity=d.entity,
                    description=self._description(d, text),
                    kind=d.kind,  # type: ignore[arg-type]
                    anonymous=d.anonymous,
                    count=d.count,
                    affiliation=d.affiliation,
                    reason=d.reason,
                    declined_to_comment=d.declined,
                    mentions=[SourceMention(start=s, end=e, text=text[s:e]) for s, e in mentions],
                    handle=d.handle,
                )
            )
        return out, ids

    @staticmethod
    def _description(d: _Draft, text: str) -> str:
        if d.kind == "unstated":
            return lex.UNSTATED_DESCRIPTION
        named = sorted(d.named_mentions)
        if d.anonymous and named:
            s, e = named[0]
            return text[s:e][:MAX_DESCRIPTION_CHARS]
        if named:
            s, e = max(named, key=lambda m: (min(m[1] - m[0], MAX_DESCRIPTION_CHARS), -m[0]))
            return text[s:e][:MAX_DESCRIPTION_CHARS]
        if d.entity_name:
            return d.entity_name
        s, e = sorted(d.mentions)[0]
        return text[s:e]
