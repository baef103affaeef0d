"""Mention resolution on the parse: pronouns and role descriptions to people.

No offline coreference model is available, so resolution follows the classic
salience-based recipe (Lappin & Leass 1994, simplified): a pronoun goes to the
nearest compatible person mentioned in the same or the two previous sentences,
preferring subjects, agreeing in gender, and respecting the binding rule that
a plain object pronoun ("him") is not its own clause's subject; the subject
pronoun of "he added" prefers the last speaker. "it" and "they" are the
organisation pass's (``orgs.py``).

A definite description ("the finance minister", "his spokeswoman") goes to
the person holding that title or role, the most recently mentioned first,
also after modifiers of its own ("the Spurs sporting director"); an age
epithet ("the 36-year-old") to the person the passage is about.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, IDX, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.entities.lexicons import (
    BINDER_DEPS,
    COLLECTIVE_GROUP_NOUNS,
    CORPORATE_SUFFIXES,
    COUNTRY_NOUNS,
    DEFINITE_DETERMINERS,
    FEMALE_TITLES,
    FRONTED_PHRASE_DEPS,
    GOVERNMENT_NOUNS,
    LOCAL_GOVERNMENT_NOUNS,
    MALE_TITLES,
    NATIONAL_OFFICES,
    OPEN_ROLES,
    ORG_CUE_NOUNS,
    ORG_KIND_NOUNS,
    OTHER_HOLDER_MODIFIERS,
    PERSON_ORG_NOUNS,
    PRONOUN_POS,
    PRONOUNS,
    QUOTE_VERBS,
    ROLE_SYNONYMS,
    ROLE_TENURE_MODIFIERS,
    SINGLE_HOLDER_OFFICES,
    TITLE_HEADS,
    TITLE_HYPHENS,
)
from newsgraph.vocab.parse import (
    NOMINAL_POS,
    NOMINAL_SUBJECT_DEPS,
    PLURAL_NOUN_TAGS,
    SALIENT_SUBJECT_DEPS,
    VERB_OR_PREP_OBJECT_DEPS,
    VERBAL_POS,
)
from newsgraph.vocab.pronouns import PERSON_REFLEXIVES

#: How many sentences back a pronoun looks for its antecedent.
PRONOUN_WINDOW = 2
#: Score weights (see ``_score``).
W_DISTANCE = 1.0
W_SUBJECT = 0.8
W_GENDER = 0.3
W_FREQUENCY = 0.2
W_SAME_CLAUSE_SUBJECT = 1.5
#: What a pronoun of the other gender than a first-name guess costs: a sentence of distance and a subject's edge.
W_GUESSED_GENDER_MISMATCH = 2.0
#: What being the last person who spoke, in this or the previous sentence, adds for the subject pronoun of a
#: speech verb that goes on with what was said ('X said ... He added').
W_LAST_SPEAKER = 1.0
#: Speech verbs that say the last speaker goes on ("he added", "she continued"); another speech verb
#: ("he replied") as often brings in someone else.
CONTINUING_SPEECH_VERBS = frozenset({"add", "continue"})
#: How many sentences back a role description looks for the person holding the role.
ROLE_WINDOW = 3
#: Quotation-mark tokens that open, close, or (straight, either way) toggle a quotation. Tokens, not
#: characters: the tokenizer's "``" and "''" count; single curly marks do not (they double as apostrophes).
OPENING_QUOTE_TOKENS = frozenset({"“"})
CLOSING_QUOTE_TOKENS = frozenset({"”"})
STRAIGHT_QUOTE_TOKENS = frozenset({'"', "''", "``"})
#: Every token that opens, closes or toggles a quotation (``Quotes._mask`` visits only these and line breaks).
QUOTE_MARK_TOKENS = OPENING_QUOTE_TOKENS | CLOSING_QUOTE_TOKENS | STRAIGHT_QUOTE_TOKENS
#: Dependencies of a verb whose subject is understood from the verb it hangs off ("..., saying").
CONTROLLED_VERB_DEPS = frozenset({"advcl", "xcomp"})
#: Dependencies that make a name the same thing as the phrase it hangs off (appositive, predicate nominal).
PREDICATE_DEPS = frozenset({"appos", "attr", "oprd"})
#: Entity types of a word before a role that only says where the role is ("the Pakistani president").
PLACE_OR_GROUP_LABELS = frozenset({"NORP", "GPE"})
#: Dependencies that join the items of a list ("the chairman, the manager and all the players").
LIST_DEPS = frozenset({"conj", "appos"})
#: Determiners of a list item that make the list generic ("a player", "all the players", "every fan").
GENERIC_DETERMINERS = frozenset({"a", "an", "all", "every", "each", "any"})
#: How many items of a list are read.
MAX_LIST_ITEMS = 8
#: Entity types of a name that may stand inside a description as a modifier of its title.
MODIFIER_NAME_LABELS = frozenset({"ORG", "GPE", "NORP"})
#: Longest role description matched after its determiner, in tokens.
MAX_ROLE_TOKENS = 4
#: How many place or tenure words may stand between the determiner and the role ("the outgoing Gambian president").
MAX_ROLE_PREFIX_TOKENS = 2


@dataclass
class Anchor:
    """A place where a person is mentioned: a candidate antecedent."""

    group: int
    token: int  # index of the mention's head token
    sent: int
    subject: bool


@dataclass
class PersonInfo:
    """What resolution knows of a person group."""

    gender: str | None = None
    count: int = 0
    #: The gender is only the first-name dictionary's guess ("Adama", "Mai" read as women's names): a pronoun
    #: of the other gender is unlikely, not impossible, and the first one resolved corrects it.
    guessed_gender: bool = False
    roles: dict[str, bool] = field(default_factory=dict)  # role text -> is the full displayed title


def sentence_ids(doc: Doc) -> list[int]:
    """The sentence number of every token (from the SENT_START array, no per-token objects)."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    # each token's number is the count of sentence starts up to it, the first token's not counted (a
    # running sum in numpy, not a loop over every token)
    starts = doc.to_array([SENT_START]) == 1
    starts[0] = False
    return numpy.cumsum(starts).tolist()


class _DocCache(threading.local):
    """What the entity stage has already read from the one doc it is working on (per thread).

    The passes of the stage read the same attributes (LOWER, ORTH, LEMMA, DEP, IS_PUNCT), the text
    and the entity spans of the same doc many times per article; each is read once. The cache holds
    the doc itself (not its ``id``, which a later doc could reuse), one per thread, and only while
    :func:`reading_strings_of` is open, so a doc changed between two runs is read afresh.
    """

    def __init__(self) -> None:
        self.doc: Doc | None = None
        self.strings: dict[int, list[str]] = {}
        self.values: dict[int, list[int]] = {}
        self.text: str | None = None
        self.ents: tuple[Span, ...] | None = None


_CACHE = _DocCache()


@contextmanager
def reading_strings_of(doc: Doc) -> Iterator[None]:
    """Keep what :func:`token_strings`, :func:`token_values`, :func:`doc_text` and :func:`doc_ents`
    read of ``doc`` for the duration of the block (the previous doc's after it)."""
    before = _CACHE.doc, _CACHE.strings, _CACHE.values, _CACHE.text, _CACHE.ents
    _CACHE.doc, _CACHE.strings, _CACHE.values, _CACHE.text, _CACHE.ents = doc, {}, {}, None, None
    try:
        yield
    finally:
        _CACHE.doc, _CACHE.strings, _CACHE.values, _CACHE.text, _CACHE.ents = before


def token_values(doc: Doc, attr: int) -> list[int]:
    """One integer attribute (IS_PUNCT, a flag) of every token, read once per doc as :func:`token_strings`."""
    if doc is _CACHE.doc and attr in _CACHE.values:
        return _CACHE.values[attr]
    values = doc.to_array([attr]).tolist()
    if doc is _CACHE.doc:
        _CACHE.values[attr] = values
    return values


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc (the property joins every token's text on each call)."""
    if doc is _CACHE.doc:
        if _CACHE.text is None:
            # each token's text and its trailing space (SPACY), as ``Doc.text`` joins them, from the arrays
            orths = token_strings(doc, ORTH)
            _CACHE.text = "".join([text + " " if space else text
                                   for text, space in zip(orths, token_values(doc, SPACY), strict=True)])
        return _CACHE.text
    return doc.text


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without making the Span: the doc's text from the first token's
    offset to the end of the last token's own text (a span's text ends before its trailing space)."""
    if end <= start:
        return ""
    idx = token_values(doc, IDX)
    return doc_text(doc)[idx[start] : idx[end - 1] + len(token_strings(doc, ORTH)[end - 1])]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once per doc (the property makes every entity's Span on each call)."""
    if doc is _CACHE.doc:
        if _CACHE.ents is None:
            _CACHE.ents = doc.ents
        return _CACHE.ents
    return doc.ents


#: Most strings the per-key lookup keeps (:func:`strings_of`); past it the lookup starts afresh, so a
#: long-running reader's memory stays bounded.
MAX_KNOWN_STRINGS = 200_000
_KNOWN_STRINGS: dict[int, str] = {}


def strings_of(doc: Doc, keys: list[int]) -> list[str]:
    """The strings of string-store keys (hashes of the strings), each distinct key looked up once.

    ``StringStore`` decodes a new str on every lookup, which was a tenth of the stage when done per
    token; a key is the hash of its string, so the same key is the same string in every vocabulary
    and the lookup can be kept across docs.
    """
    known = _KNOWN_STRINGS
    try:
        return [known[key] for key in keys]
    except KeyError:  # new words: look them up, then read the whole doc from the lookup
        if len(known) > MAX_KNOWN_STRINGS:
            known.clear()
        store = doc.vocab.strings
        for key in keys:
            if key not in known:
                known[key] = store[key]
        # (read from the store itself should another thread have just cleared the lookup)
        return [known[key] if key in known else store[key] for key in keys]


def token_strings(doc: Doc, attr: int) -> list[str]:
    """One string attribute (ORTH, LOWER, LEMMA) of every token, without making Token objects.

    Inside :func:`reading_strings_of` the list is read once per doc and shared: callers only read it.
    """
    if doc is _CACHE.doc and attr in _CACHE.strings:
        return _CACHE.strings[attr]
    values = strings_of(doc, doc.to_array([attr]).tolist())
    if doc is _CACHE.doc:
        _CACHE.strings[attr] = values
    return values


def _clause_head(token: Token) -> Token:
    """The verb a token hangs off, through prepositions and possessors."""
    head = token.head
    while head.pos_ not in VERBAL_POS and head.head.i != head.i:
        head = head.head
    return head


def _score(pronoun: Token, anchor: Anchor, doc: Doc, info: PersonInfo, sent: int, gender: str) -> float | None:
    """How good an antecedent ``anchor`` is for ``pronoun``; None if impossible."""
    if info.gender and info.gender != gender and not (
            info.guessed_gender and anchor.subject and sent - anchor.sent <= 1
            and pronoun.dep_ in NOMINAL_SUBJECT_DEPS):
        return None  # against a guess only subject to subject, in this or the next sentence ("Mai Fatty ... he")
    score = -W_DISTANCE * (sent - anchor.sent)
    if info.gender and info.gender != gender:
        score -= W_GUESSED_GENDER_MISMATCH
    if anchor.subject:
        score += W_SUBJECT
    if info.gender == gender:
        score += W_GENDER
    score += W_FREQUENCY * min(info.count, 10) / 10
    score -= 0.001 * (pronoun.i - anchor.token)
    same_clause = sent == anchor.sent and _clause_head(doc[anchor.token]).i == _clause_head(pronoun).i
    if pronoun.lower_ in PERSON_REFLEXIVES:
        if same_clause and anchor.subject:
            score += W_SAME_CLAUSE_SUBJECT
    elif pronoun.dep_ in VERB_OR_PREP_OBJECT_DEPS and same_clause and anchor.subject:
        score -= W_SAME_CLAUSE_SUBJECT  # "Smith told him": him is not Smith
    return score


def _topic_of(anchor: Token, pronoun: Token) -> bool:
    """True when ``anchor`` is the object of a phrase opening the sentence of ``pronoun`` ("On X, he said").

    Read from positions, not from the phrase's head: the parser often hangs the phrase off the quotation's
    verb ("On X, he said, 'I watched ...'" → "On" under "watched").
    """
    prep = anchor.head
    return (anchor.dep_ == "pobj" and prep.dep_ == "prep" and prep.is_sent_start and anchor.i < pronoun.i
            and pronoun.sent.start == prep.i and any(t.text == "," for t in pronoun.doc[anchor.i : pronoun.i]))


def _binder(pronoun: Token) -> int | None:
    """The token that binds a reflexive: the nearest subject or possessor up the tree.

    "X hurt himself" → X; "X's decision to distance himself" → X (the
    infinitive has no subject of its own, so the possessor of its noun binds).
    """
    node = pronoun
    for _ in range(8):
        head = node.head
        for child in head.children:
            if child.i != node.i and child.dep_ in BINDER_DEPS and child.i < pronoun.i:
                return child.i
        if head.i == node.i:
            return None
        node = head
    return None


def _cataphor(pronoun: Token) -> int | None:
    """The subject a pronoun in a fronted phrase looks ahead to: "Before his retirement, X ...".

    Only when the phrase hangs off the main verb before its subject and the
    pronoun is not itself inside a quotation-like clause of its own.
    """
    node = pronoun
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return None
        if head.dep_ == "ROOT" and node.dep_ in FRONTED_PHRASE_DEPS:
            subject = next((c for c in head.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
            if subject is not None and subject.i > pronoun.i and node.i < subject.i:
                return subject.i
            return None
        node = head
    return None


def _controller(verb: Token, inside: list[bool]) -> list[int]:
    """Who speaks a speech verb with no subject of its own, hanging off another verb ("..., saying: '...'").

    Only object control is read: "That prompted X to attack Y, saying ..." — the verb also governs an
    infinitive, so its named object (X) attacks and says. A subject is not taken over in general (the
    parser hangs the participle off many verbs whose subject does not speak).
    """
    head = verb.head
    if head.i == verb.i or head.pos_ not in VERBAL_POS:
        return []
    if not any(c.dep_ == "xcomp" and c.i != verb.i for c in head.children):
        return []
    return [c.i for c in head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON") and not inside[c.i]]


def _straight_mark_opens(doc: Doc, i: int, orths: list[str], inside: bool) -> bool:
    """Whether the straight quotation mark at token ``i`` leaves the text inside a quotation."""
    spaced_before = i == 0 or bool(doc[i - 1].whitespace_) or not orths[i - 1].strip() or orths[i - 1] in "(["
    glued_after = not doc[i].whitespace_ and i + 1 < len(doc) and bool(orths[i + 1].strip())
    if spaced_before and glued_after:
        return True
    if not spaced_before and not glued_after:
        return False
    return not inside


#: Verbs of telling, whose object is the one addressed ("X told the Gazette: '...'").
TELLING_VERBS = frozenset({"tell", "inform", "assure", "remind", "brief", "advise", "warn", "ask"})


class Quotes:
    """Which tokens are inside quotation marks, and who speaks each quotation.

    A third-person pronoun inside a quotation seldom means its speaker
    ('"He is a nasty guy," X said of Y'), so the speaker is a poor antecedent.
    Speakers are the subjects of speech verbs outside the quotation, in the
    quotation's sentence or the one before or after it ('X said. "He ..."').
    """

    def __init__(self, doc: Doc, sents: list[int], groups: dict[int, int]) -> None:
        self.doc = doc
        self.sents = sents
        self.groups = groups  # token index -> person group, for names and resolved pronouns
        self.inside = self._mask(doc)
        self.narrated: list[bool] | None = None  # ``narrated_sentences``, read once
        self._by_sent: dict[int, list[int]] = {}
        self._addressed: dict[int, list[int]] = {}  # sentence -> heads of the phrases speech verbs address
        lemmas = token_strings(doc, LEMMA)
        # the speech verbs' lemmas among the doc's distinct lemmas (each lowercased once), then their tokens
        speech = {lemma for lemma in set(lemmas) if lemma.lower() in QUOTE_VERBS}
        for i in [i for i, lemma in enumerate(lemmas) if lemma in speech]:
            if not self.inside[i]:
                verb = doc[i]
                if any(c.dep_ == "neg" for c in verb.children):
                    continue  # "X has not responded": a speech verb denied speaks no quotation
                addressed = _addressees(verb, self.inside)
                if addressed:
                    self._addressed.setdefault(sents[i], []).extend(addressed)
                subjects = [c.i for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS and not self.inside[c.i]]
                if not subjects and verb.dep_ == "acl" and verb.head.pos_ in NOMINAL_POS:
                    subjects = [verb.head.i]  # "a clip of the minister saying, '...'": the noun speaks
                if not subjects and verb.dep_ == "conj" and verb.head.pos_ in VERBAL_POS:
                    # "the actress stopped to sign autographs and joked: '...'": the first verb's subject
                    subjects = [c.i for c in verb.head.children
                                if c.dep_ in NOMINAL_SUBJECT_DEPS and not self.inside[c.i]]
                if not subjects and verb.dep_ in CONTROLLED_VERB_DEPS:
                    subjects = _controller(verb, self.inside)
                self._by_sent.setdefault(sents[i], []).extend(subjects)

    @staticmethod
    def _mask(doc: Doc) -> list[bool]:
        """Inside-quotation flags per token; a straight mark's direction is read from its spacing.

        A straight mark after a space and glued to the next word opens a quotation, one glued to the
        word before closes it: 'said: "I quit. "I will go."' is one quotation, although its marks,
        counted in pairs, would put "I will go." outside (the BBC corpus writes a quotation's
        paragraphs on one line, each reopened with a mark and none closed). A mark spaced on both
        sides or glued on both toggles, as before.
        """
        mask = [False] * len(doc)
        inside = False
        orths = token_strings(doc, ORTH)
        # Only quotation marks and line breaks change the state: the words between two of them all take
        # the state the first leaves (set as one slice, not token by token).
        marks = [i for i, text in enumerate(orths) if text in QUOTE_MARK_TOKENS or "\n" in text]
        for k, i in enumerate(marks):
            text = orths[i]
            if text.count("\n") >= 2 and not text.strip():
                inside = False  # a new paragraph reopens its quotation
            elif text in OPENING_QUOTE_TOKENS:
                inside = True
            elif text in CLOSING_QUOTE_TOKENS:
                inside = False
            elif text in STRAIGHT_QUOTE_TOKENS:
                inside = _straight_mark_opens(doc, i, orths, inside)
            else:
                mask[i] = inside
            if inside:
                end = marks[k + 1] if k + 1 < len(marks) else len(doc)
                mask[i + 1 : end] = [True] * (end - i - 1)
        return mask

    def addressees(self, sent: int) -> list[int]:
        """The phrases speech verbs outside quotation marks in sentence ``sent`` address ("told the BBC")."""
        return self._addressed.get(sent, [])

    def speech_subjects(self, sent: int) -> list[int]:
        """The subjects of speech verbs outside quotation marks in sentence ``sent``, in text order."""
        return self._by_sent.get(sent, [])

    def speakers_of(self, i: int) -> set[int]:
        """The person groups speaking the quotation token ``i`` stands in."""
        sent = self.sents[i]
        found = set()
        for s in (sent - 1, sent, sent + 1):
            for speaker in self._by_sent.get(s, []):
                group = self.groups.get(speaker)
                if group is None:
                    head = self.doc[speaker]
                    group = next((self.groups[c.i] for c in head.subtree if c.i in self.groups), None)
                if group is not None:
                    found.add(group)
        return found


def _addressees(verb: Token, inside: list[bool]) -> list[int]:
    """The heads of the noun phrases a speech verb is addressed to: the object of a verb of telling ("X
    told the Gazette"), the object of "to" ("X said to Acme Radio"); none inside quotation marks.

    Inside the quotation the speaker calls the addressee "you": a third-person "it" or "they" there is
    someone or something else.
    """
    found = []
    telling = verb.lemma_.lower() in TELLING_VERBS
    for child in verb.children:
        if inside[child.i]:
            continue
        if child.dep_ in ("dobj", "dative") and telling and child.pos_ in ("NOUN", "PROPN"):
            found.append(child.i)
        elif child.dep_ in ("prep", "dative") and child.lower_ == "to":
            found += [c.i for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")
                      and not inside[c.i]]
    return found


def narrated_sentences(doc: Doc, sents: list[int], quotes: Quotes) -> list[bool]:
    """Per sentence, whether it has a word outside quotation marks: distances back to an antecedent
    count these only, so a quotation does not push the passage's topic away.

    Read once per ``Quotes`` of the same doc and sentences (the person pronouns and the role descriptions
    both ask): the flags depend on nothing else, and callers only read them.
    """
    if quotes.narrated is not None and quotes.doc is doc and quotes.sents is sents:
        return quotes.narrated
    lowers = token_strings(doc, LOWER)
    punct = token_values(doc, IS_PUNCT)
    narrated = [False] * (sents[-1] + 1 if sents else 0)
    for flag, low, is_punct, sent in zip(quotes.inside, lowers, punct, sents, strict=True):
        if not flag and not is_punct and low.strip():
            narrated[sent] = True
    if quotes.doc is doc and quotes.sents is sents:
        quotes.narrated = narrated
    return narrated


def resolve_pronouns(
    doc: Doc,
    anchors: list[Anchor],
    people: dict[int, PersonInfo],
    sents: list[int],
    blocked: set[int],
    quotes: Quotes | None = None,
) -> list[tuple[int, int]]:
    """(pronoun token, group) pairs for the singular third-person pronouns of ``doc``.

    ``anchors`` are the name mentions sorted by token; resolved pronouns join
    them, so a chain of "he ... his ... he" follows its first antecedent. A
    person of unknown gender takes the gender of the first pronoun resolved
    to it.
    """
    pool = sorted(anchors, key=lambda a: a.token)
    groups = {a.token: a.group for a in anchors}
    if quotes is None:
        quotes = Quotes(doc, sents, groups)
    else:
        quotes.groups = groups
    resolved: list[tuple[int, int]] = []
    cursor = 0
    recent: dict[int, Anchor] = {}
    outside: dict[int, Anchor] = {}  # the latest anchor of each person outside quotation marks
    # The group and sentence of the latest subject of a speech verb outside quotation marks.
    last_speaker: tuple[int, int] | None = None
    lowers = token_strings(doc, LOWER)
    narrated = narrated_sentences(doc, sents, quotes)
    for i in [i for i, low in enumerate(lowers) if low in PRONOUNS and i not in blocked]:
        gender = PRONOUNS[lowers[i]]
        while cursor < len(pool) and pool[cursor].token < i:
            recent[pool[cursor].group] = pool[cursor]
            if not quotes.inside[pool[cursor].token]:
                outside[pool[cursor].group] = pool[cursor]
                if _speaks(doc[pool[cursor].token]):
                    last_speaker = (pool[cursor].group, pool[cursor].sent)
            cursor += 1
        token = doc[i]
        if token.pos_ not in PRONOUN_POS:
            continue
        sent = sents[token.i]
        speakers = quotes.speakers_of(token.i) if quotes.inside[token.i] else set()
        best, best_score = None, None
        bound = _binder(token) if token.lower_ in PERSON_REFLEXIVES else _cataphor(token)
        group = quotes.groups.get(bound) if bound is not None else None
        if group is not None and (people[group].gender in (None, gender) or people[group].guessed_gender):
            best, best_score = group, 0.0  # "X's decision to distance himself"; "Before his ..., X ..."
        # '"X did it," he said': the speaker of a quotation is not someone named inside it.
        speaker = (not quotes.inside[token.i] and token.dep_ == "nsubj"
                   and token.head.lemma_.lower() in QUOTE_VERBS)
        candidates = outside if speaker else recent
        for group, anchor in ([] if best is not None else candidates.items()):
            if speaker:
                # '"...," X said. "..." He added, "..."': the quotation's own sentences do not push the
                # speaker out of reach; only sentences with narration count.
                back = sum(narrated[anchor.sent + 1 : sent + 1])
                anchor = Anchor(group=anchor.group, token=anchor.token, sent=sent - back, subject=anchor.subject)
                if _topic_of(doc[anchor.token], token):
                    continue  # "On Crutcher, he said": the topic is not the speaker
            if sent - anchor.sent > PRONOUN_WINDOW:
                continue
            if group in speakers:
                continue  # '"He is wrong," X said': he is not X
            score = _score(token, anchor, doc, people[group], sent, gender)
            if (score is not None and speaker and last_speaker is not None and group == last_speaker[0]
                    and sent - last_speaker[1] <= 1 and token.head.lemma_.lower() in CONTINUING_SPEECH_VERBS):
                score += W_LAST_SPEAKER  # "X said he was unable to explain why Y quit. He added: ...": X
            if score is not None and (best_score is None or score > best_score):
                best, best_score = group, score
        if best is None:
            continue
        resolved.append((token.i, best))
        quotes.groups[token.i] = best
        info = people[best]
        if info.gender is None or (info.guessed_gender and info.gender != gender):
            info.gender, info.guessed_gender = gender, False
        subject = token.dep_ in SALIENT_SUBJECT_DEPS
        previous = recent.get(best)
        # The pronoun becomes the group's latest anchor, keeping subject status within its sentence.
        kept_subject = previous is not None and previous.sent == sent and previous.subject
        recent[best] = Anchor(group=best, token=token.i, sent=sent, subject=subject or kept_subject)
        if not quotes.inside[token.i]:
            outside[best] = recent[best]
            if speaker:
                last_speaker = (best, sent)
    return resolved


def _speaks(token: Token) -> bool:
    """True for the subject of a speech verb ("X said", "said X")."""
    return token.dep_ in NOMINAL_SUBJECT_DEPS and token.head.lemma_.lower() in QUOTE_VERBS


def _continues(doc: Doc, end: int) -> bool:
    """True when the words before ``end`` are only the start of a longer phrase or a name."""
    if end >= len(doc):
        return False
    # the words, spaces, tags from the doc's arrays (asked for each candidate role phrase): no Token made
    orths, lowers, spaces = token_strings(doc, ORTH), token_strings(doc, LOWER), token_values(doc, SPACY)
    pos, tags = token_strings(doc, POS), token_strings(doc, TAG)
    if (not spaces[end - 1] and orths[end] in ("-", "–")) or lowers[end] in ("of", "for"):
        return True
    if pos[end] in NOMINAL_POS and tags[end] != "POS":
        return True
    if tags[end] == "POS" and orths[end - 1][:1].isupper() and end + 1 < len(doc):
        return orths[end + 1][:1].isupper()  # "the President's Daily Brief": a name, not the person
    return orths[end - 1][:1].isupper() and orths[end][:1].isupper() and doc[end].is_alpha


def _is_open(phrase: str) -> bool:
    """True for a role that an untitled person may hold: an open role, or an office of one holder
    ("the Tory leader": a place or party word before the office's head is no part of the office)."""
    if phrase in OPEN_ROLES or phrase in SINGLE_HOLDER_OFFICES:
        return True
    first, _, rest = phrase.partition(" ")
    return rest in SINGLE_HOLDER_OFFICES and first not in OTHER_HOLDER_MODIFIERS


def _untitled_holders(phrase: str, people: dict[int, PersonInfo]) -> list[tuple[int, bool]]:
    """For an open role nobody is titled with ("the candidate", "the mayor"): the people with no title at all.

    A titled person ("columnist Jane Doe") is someone else; gendered roles need a compatible gender.
    """
    synonym = ROLE_SYNONYMS.get(phrase)
    if not _is_open(phrase) or any(phrase in info.roles or (synonym and synonym in info.roles)
                                   for info in people.values()):
        return []
    gender = OPEN_ROLES.get(phrase) or (
        "male" if phrase.split()[-1] in MALE_TITLES else "female" if phrase.split()[-1] in FEMALE_TITLES else None)
    return [(group, False) for group, info in people.items()
            if not info.roles and (gender is None or info.gender in (None, gender))]


def _holders(phrase: str, by_role: dict[str, list[tuple[int, bool]]],
             people: dict[int, PersonInfo]) -> list[tuple[int, bool]]:
    """The people holding the role ``phrase`` names, under its own name or a synonym ("the premier")."""
    synonym = ROLE_SYNONYMS.get(phrase)
    return (by_role.get(phrase) or (by_role.get(synonym, []) if synonym else [])
            or _elect_as_office(phrase, by_role, people) or _untitled_holders(phrase, people))


def _elect_as_office(phrase: str, by_role: dict[str, list[tuple[int, bool]]],
                     people: dict[int, PersonInfo]) -> list[tuple[int, bool]]:
    """For "the president-elect" when nobody is titled so: the article's most mentioned person, if titled
    with the office itself ("President Jo Dale", as a quotation or a later line may call the winner). An
    untitled person named nearby is otherwise taken for the winner; a sitting holder named less often
    ("President Al Roe" beside the winner) is not the one the article is about."""
    if not phrase.endswith(ELECT_SUFFIX) or phrase not in SINGLE_HOLDER_OFFICES or not people:
        return []
    top = max(people, key=lambda group: people[group].count)
    return [c for c in by_role.get(phrase[: -len(ELECT_SUFFIX)], []) if c[0] == top and c[1]]


#: Entity labels of a title's qualifier that keep the office a country's ("US president", "Syrian president").
PLACE_QUALIFIER_LABELS = frozenset({"GPE", "NORP", "LOC"})


def _office_of_organisation(info: PersonInfo, phrase: str, labels: dict[str, str]) -> bool:
    """True when the person holds the office ``phrase`` only under a qualifier that is no place ("LU
    president", "club president", "union president"): a bare "the president" is then the country's,
    someone else. A title with a place ("US president") or none ("President Jo Dale") is the office
    itself. The qualifier is told by not being a place, as the tagger often misreads a club's initials."""
    if info.roles.get(phrase):
        return False  # titled with the bare office
    qualified = [role[: -len(phrase)].split() for role, full in info.roles.items()
                 if full and role.endswith(" " + phrase)]
    return bool(qualified) and not any(labels.get(w) in PLACE_QUALIFIER_LABELS for words in qualified
                                       for w in words)


#: The ENT_IOB array's code of a token inside an entity (``Token.ent_iob_`` "I"; 3 is "B", 2 "O").
IOB_INSIDE = 1


def _role_start(doc: Doc, i: int, lowers: list[str]) -> int:
    """Where the role words of a description opened by the determiner at ``i`` begin.

    A place word only says where ("the Pakistani president", "the London mayor"), and a word of
    tenure only says that the role is held now ("the outgoing president"): both are skipped.
    """
    first = i + 1
    # the labels and IOB codes from the doc's arrays (ENT_IOB 1 is "I"): no Token at every determiner
    labels, iob = token_strings(doc, ENT_TYPE), token_values(doc, ENT_IOB)
    for _ in range(MAX_ROLE_PREFIX_TOKENS):
        if first + 1 >= len(doc):
            break
        if lowers[first] in ROLE_TENURE_MODIFIERS or (
                labels[first] in PLACE_OR_GROUP_LABELS and iob[first + 1] != IOB_INSIDE):
            first += 1
        else:
            break
    return first


def _named_in_phrase(doc: Doc, head: int, later: list[Anchor]) -> set[int]:
    """The people named inside the description whose head is token ``head``: someone else.

    "the mayor who destroyed Hendrix's house", "the coach of Jo Dale's team": a name inside a
    phrase is not what the phrase refers to (the i-within-i condition), unless it is set beside
    it as an appositive or predicate ("the mayor, Jo Dale,"). Only the description's own phrase:
    a name elsewhere in its clause was tried as well (condition C) and lost a check-set mention.
    """
    scope = doc[head]
    found = set()
    for anchor in later:
        if anchor.token > scope.right_edge.i:
            break
        name = doc[anchor.token]
        if name.pos_ != "PRON" and scope.is_ancestor(name) and not _predicated(name, scope):
            found.add(anchor.group)
    return found


def _predicated(name: Token, scope: Token) -> bool:
    """True when ``name`` is said to be the description, not set beside it: an appositive or a predicate
    ("the mayor, Jo Dale,", "the winner, who was Jo Dale"): the same person, not someone inside the phrase."""
    node = name
    while node.i != scope.i and node.head.i != node.i:
        if node.dep_ in PREDICATE_DEPS:
            return True
        node = node.head
    return False


#: Sentences back a nationality epithet ("the Swede") is read to: sport reports name a player and go on
#: with the nationality at once.
DEMONYM_WINDOW = 1
#: What may follow a nationality epithet for it to stand alone: "the American said", not "the American team".
DEMONYM_FOLLOWING_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def _demonym_epithet(doc: Doc, i: int) -> int | None:
    """The end of a nationality word standing for a person, opened by "the" at ``i`` ("the Swede",
    "The American said"): one capitalised word the tagger reads as a nationality, nothing nominal
    after it, and not a possessor ("the American's serve" is still the player, but often a team's)."""
    if i + 1 >= len(doc) or token_strings(doc, ENT_TYPE)[i + 1] != "NORP":
        return None  # (the label from the doc's array: no Token for the word after most "the")
    word = doc[i + 1]
    if not word.is_title or word.tag_ in ("NNS", "NNPS") or word.ent_iob_ != "B":
        return None
    after = i + 2
    if after < len(doc) and (doc[after].pos_ in DEMONYM_FOLLOWING_POS or doc[after].ent_iob_ == "I"
                             or doc[after].tag_ == "POS"):
        return None
    return after


#: Letters a nationality word and its country's name share at the start ("Swede", "Sweden"; "Chilean",
#: "Chile"): enough to tell a country written after a name ("Jo Dale of Chile") from another.
COUNTRY_STEM = 4


def _nationality_fits(words: set[str], word: str) -> bool:
    """True when the nationalities written for a person (``words``: nationality words, and countries
    after "of" as "of <country>") hold the nationality word ``word``."""
    return word in words or any(w.startswith("of ") and w[3:3 + COUNTRY_STEM] == word[:COUNTRY_STEM]
                                for w in words)


def _written_nationalities(doc: Doc, order: list[Anchor]) -> dict[int, set[str]]:
    """The nationality words written right before a person's name ("American Taylor Dent",
    "Swede Jo Dale"), and the country written after it ("Jo Dale of Chile", as "of chile"),
    lower-cased, by person group."""
    found: dict[int, set[str]] = {}
    for anchor in order:
        k = anchor.token
        while k > 0 and doc[k].ent_iob_ == "I":
            k -= 1
        if k > 0 and doc[k - 1].ent_type_ == "NORP" and doc[k - 1].is_title:
            found.setdefault(anchor.group, set()).add(doc[k - 1].lower_)
        end = anchor.token + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            country = end + 1 + (doc[end + 1].lower_ == "the")
            if country < len(doc) and doc[country].ent_type_ == "GPE":
                found.setdefault(anchor.group, set()).add("of " + doc[country].lower_)
    return found


def _age_epithet(doc: Doc, i: int, lowers: list[str]) -> int | None:
    """The end of an age epithet opened by "the" at ``i`` ("the 36-year-old", "the 25-year-old striker").

    News names a person and goes on with their age as a description; the parser splits the hyphens.
    """
    words = lowers[i + 1 : i + 6]
    # (the words first: they settle almost every "the" without making a Token for the number)
    if len(words) < 5 or words[1:] != ["-", "year", "-", "old"] or not doc[i + 1].like_num:
        return None
    end = i + 6
    if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].tag_ not in PLURAL_NOUN_TAGS:
        end += 1  # "the 25-year-old striker"
    elif end < len(doc) and doc[end].ent_type_ == "NORP" and doc[end].is_title and doc[end].tag_ not in (
            "NNS", "NNPS"):
        end += 1  # "the 18-year-old Ruritanian": an age and a nationality, still one person's epithet
    if end < len(doc) and (doc[end].pos_ in NOMINAL_POS or doc[end].pos_ == "ADJ" or lowers[end] == "of"):
        return None  # "the 25-year-old striker's goal", "the 36-year-old chief executive": not only this phrase
    return end


#: The words of the one standing a ranking gives a single player ("the world number one", "the world No 1").
TOP_STANDING_WORDS = (("world", "number", "one"), ("world", "number", "1"), ("world", "no", "1"),
                      ("world", "no.", "1"))


def _standing_epithet(doc: Doc, i: int, lowers: list[str]) -> int | None:
    """The end of "the world number one" opened by "the" at ``i``: a standing one player holds at a time,
    which a sport report uses, as it uses an age, for the player it is about. Other ranks ("the world
    number 14") are left: a report names several players and seldom says which holds which rank."""
    words = tuple(lowers[i + 1 : i + 4])
    if words not in TOP_STANDING_WORDS:
        return None
    end = i + 4
    if end < len(doc) and (doc[end].pos_ in NOMINAL_POS or lowers[end] == "of"):
        return None  # "the world number one spot", "the world number one of 2004": not the player alone
    return end


def _modified_title(doc: Doc, i: int, first: int, lowers: list[str], by_role: dict[str, list[tuple[int, bool]]],
                    covered: list[bool], last_seen: dict[int, int], sents: list[int]) -> tuple[int, int, int] | None:
    """A description whose last words are a title someone in the article holds, after modifiers of
    its own ("the Spurs sporting director" for "Tottenham sporting director Frank Arnesen": "director").

    Only titles people are given (not open roles), only after words that do not make it another
    holder's ("the former director", "the deputy director"), and only a holder named within
    ``ROLE_WINDOW`` sentences.
    """
    # the tags and entity labels from the doc's arrays (this is asked at most determiners): no Token made
    pos, labels = token_strings(doc, POS), token_strings(doc, ENT_TYPE)
    end = first
    while end < len(doc) and end - first < MAX_ROLE_TOKENS + 1 and pos[end] in ("NOUN", "PROPN", "ADJ") \
            and (not covered[end] or labels[end] in MODIFIER_NAME_LABELS):
        end += 1  # an organisation's or a place's name may modify the title ("the Rovers sporting director")
    if end - first < 2 or pos[end - 1] != "NOUN" or covered[end - 1] or _continues(doc, end):
        return None
    if any(lowers[k] in OTHER_HOLDER_MODIFIERS for k in range(i + 1, end)):
        return None
    for start in range(first + 1, end):
        holders = by_role.get(" ".join(lowers[start:end]), [])
        candidates = [c for c in holders if c[0] in last_seen and sents[i] - sents[last_seen[c[0]]] <= ROLE_WINDOW]
        if candidates:
            return i, end, max(candidates, key=lambda c: (c[1], last_seen[c[0]]))[0]
    return None


#: Demonstratives that open a role only with its holder's name set beside it ("This agent, Jo Dale,"):
#: the other role rules read definite descriptions alone.
APPOSITIVE_DEMONSTRATIVES = frozenset({"this", "that"})

#: Possessive markers that open a role owned by a named person with the holder's name set beside it
#: ("Jo Dale's lawyer, Al Roe,"): the role is the words after the marker, up to the comma.
APPOSITIVE_POSSESSIVES = frozenset({"'s", "\u2019s"})

#: Tags of a plural noun: "the mayors, Jo Dale and Al Roe," names several people, not one.
APPOSITIVE_PLURAL_TAGS = frozenset({"NNS", "NNPS"})

#: Endings of English agent nouns ("adviser", "mayor", "economist", "physician", "attendant"): a head
#: read as a person's role when no title list holds it.
AGENT_NOUN_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")

#: Words that join a list's items: a name followed by one is the first of several.
LIST_JOINERS = frozenset({"and", "or", "&"})

#: Heads that name an organisation, a place or a collective: "the airline, Acme," even when the tagger
#: reads the name after the comma as a person's, the phrase is no role. The group nouns are not among
#: them: their singular ("the senator", "the mayor") is one person, and the head must be singular.
NOT_PERSON_HEADS = (frozenset(ORG_KIND_NOUNS) | ORG_CUE_NOUNS | COUNTRY_NOUNS | LOCAL_GOVERNMENT_NOUNS
                    | GOVERNMENT_NOUNS | frozenset(COLLECTIVE_GROUP_NOUNS) | PERSON_ORG_NOUNS)


def _ends_in_description(doc: Doc, start: int, end: int) -> bool:
    """True when the phrase ``doc[start:end]`` ends in a definite description of its own ("the head of
    the agency", "the chairman of its board"): a common noun, last in the phrase, with a determiner
    after ``start``. That inner description names an organisation or a group, and a mention that
    ends where it ends would be read as it."""
    last = doc[end - 1]
    if last.pos_ != "NOUN" or end - 1 == start:
        return False
    return any(child.dep_ in ("det", "poss") and child.i > start and child.lower_ in DEFINITE_DETERMINERS
               for child in last.children)


def _appositives(head: Token) -> list[Token]:
    """The appositives of a role's head noun, and of the place or body its "of" names ("the mayor of
    Lakeside, Jo Dale,": the parser often hangs the name on "Lakeside", which no person is called)."""
    found = [c for c in head.children if c.dep_ == "appos"]
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < head.i:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and obj.ent_type_ != "PERSON":
                found += [c for c in obj.children if c.dep_ == "appos" and c.i > obj.i]
    return found


#: Entity labels of a place set beside a role's "of" place before its holder's name ("the mayor of
#: Lakeside, Ruritania, Jo Dale,").
PLACE_APPOSITIVE_LABELS = frozenset({"GPE", "LOC"})


def _before_place_appositive(doc: Doc, head: Token, comma: int) -> int:
    """The comma that closes a role before its holder's name, when a place stands between ("the mayor
    of Lakeside, Ruritania, the capital of the north, Jo Dale,"): the first comma after the role, if
    the words after it open with a place that is an appositive of the role or of its "of" place; else
    ``comma`` itself, the one right before the name."""
    first = next((k for k in range(head.i + 1, comma) if doc[k].text == ","), None)
    if first is None or first + 1 >= comma:
        return comma
    place = doc[first + 1]
    while place.dep_ == "compound" and place.head.i > place.i:
        place = place.head
    if place.ent_type_ in PLACE_APPOSITIVE_LABELS and place.dep_ == "appos" and (
            place.head.i == head.i or place.head.head.head.i == head.i):
        return first
    return comma


#: Words before an office that say its holder has won it and not yet taken it ("the incoming president"):
#: the office-elect's holder ("President-elect Jo Dale"), not a sitting holder named in the article.
INCOMING_WORDS = frozenset({"incoming"})
#: Most words between "incoming" and the office ("the incoming Republican president").
MAX_INCOMING_QUALIFIERS = 2
#: The suffix of an office won and not yet taken, as a title keeps it whole ("president-elect").
ELECT_SUFFIX = "-elect"


def _incoming_holder(doc: Doc, i: int, lowers: list[str], by_role: dict[str, list[tuple[int, bool]]],
                     last_seen: dict[int, int]) -> tuple[int, int, int] | None:
    """ "the incoming (Republican) president" opened at ``i``: the one person titled with the office-elect
    ("President-elect Jo Dale") and mentioned before, when the article titles one. Without this, the words
    after "incoming" read as a modified title go to whoever the article titles with the bare office ("Ruritanian
    President Al Roe"), a sitting holder, often of another country."""
    k = i + 1
    if k >= len(doc) or lowers[k] not in INCOMING_WORDS:
        return None
    labels = token_strings(doc, ENT_TYPE)
    first = k + 1
    while first < len(doc) and first - k <= MAX_INCOMING_QUALIFIERS and labels[first] in PLACE_OR_GROUP_LABELS:
        first += 1  # a party or a country says whose office it is, not that it is another
    for office in SINGLE_HOLDER_OFFICES:
        words = office.split()
        end = first + len(words)
        if lowers[first:end] != words or _continues(doc, end):
            continue
        holders = {group for group, full in by_role.get(office + ELECT_SUFFIX, []) if full and group in last_seen}
        if len(holders) == 1:
            return i, end, holders.pop()
    return None


#: Verbs that say who a described person is by naming them "as" someone ("police identified the gunman as
#: Jo Dale"; "the victim was named as Al Roe").
NAMING_AS_VERBS = frozenset({"identify", "name"})
#: The description's place in such a clause: the object, or the subject of the passive.
NAMED_AS_DEPS = frozenset({"dobj", "nsubjpass"})


def _named_as(doc: Doc, i: int, person_at: dict[int, int]) -> tuple[int, int, int] | None:
    """ "the gunman" opened at ``i`` and named by its clause ("identified the gunman as Jo Dale"): the
    person whose name follows the verb's "as". A crime's or an accident's roles ("the gunman", "the
    victim", "the driver") are seldom titles, so no title rule finds their holder; the clause says it.
    Only a singular common noun with no words after it, and a name right after "as"."""
    head = doc[i].head
    if doc[i].dep_ != "det" or head.pos_ != "NOUN" or head.tag_ in APPOSITIVE_PLURAL_TAGS \
            or head.dep_ not in NAMED_AS_DEPS or head.i <= i or any(c.i > head.i for c in head.children):
        return None
    verb = head.head
    if verb.lemma_.lower() not in NAMING_AS_VERBS:
        return None
    marker = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > head.i), None)
    if marker is None or marker.i + 1 >= len(doc) or doc[marker.i + 1].ent_type_ != "PERSON":
        return None
    k = marker.i + 1
    while k < len(doc) and doc[k].ent_type_ == "PERSON" and (k == marker.i + 1 or doc[k].ent_iob_ == "I"):
        if k in person_at:
            return i, head.i + 1, person_at[k]
        k += 1
    return None


def _named_appositive(doc: Doc, i: int, person_at: dict[int, int], lowers: list[str]) -> tuple[int, int, int] | None:
    """A description opened at ``i`` that the name set after it says who holds ("the mayor of Lakeside,
    Jo Dale, said"; "his campaign adviser, Al Roe,"): the description, up to the comma, is that person.

    The name must be the appositive of the description's own head noun, right after a comma that
    closes the description, and the head must be singular; a name anywhere else in the phrase is
    someone else (see ``_named_in_phrase``).
    """
    start = i
    if lowers[i] in APPOSITIVE_POSSESSIVES:
        # "Jo Dale's lawyer, Al Roe,": the marker's name owns the role; the description starts after it
        owner = doc[i].head
        if token_strings(doc, DEP)[i] != "case" or owner.dep_ != "poss" or owner.ent_type_ != "PERSON":
            return None
        head, start = owner.head, i + 1
    elif token_strings(doc, DEP)[i] not in ("det", "poss"):  # (the dependency strings: no Token for most words)
        return None
    else:
        head = doc[i].head
    # a title written with a capital ("The Mayor of Lakeside") is often tagged a proper noun
    noun = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.lower_ in TITLE_HEADS and head.ent_type_ != "PERSON")
    if (not noun or head.tag_ in APPOSITIVE_PLURAL_TAGS or head.i <= i
            or head.lemma_.lower() in NOT_PERSON_HEADS):
        return None
    lemma = head.lemma_.lower()
    if not (lemma.endswith(AGENT_NOUN_ENDINGS) or lemma in OPEN_ROLES or lemma in TITLE_HEADS
            or lemma in MALE_TITLES or lemma in FEMALE_TITLES or start > i):
        # "the novel, Jo Dale": only a noun for a person is the name's role; a noun a person owns, set
        # beside another person's name ("Jo Dale's top aid, Al Roe,"), is that person's relation to the owner
        return None
    for child in _appositives(head):
        if child.i not in person_at or child.ent_type_ != "PERSON":
            continue
        after = child.right_edge.i + 1
        if any(c.dep_ in ("conj", "cc") for c in child.children) or (
                after < len(doc) and lowers[after] in LIST_JOINERS):
            continue  # "the finalists, Jo Dale and Al Roe": a list, not one holder set beside the role
        if any(lowers[k] in CORPORATE_SUFFIXES for k in range(child.left_edge.i, child.right_edge.i + 1)):
            continue  # "its main shareholder, Acme Corporation,": a company the tagger read as a person
        comma = child.left_edge.i - 1
        if comma <= head.i or doc[comma].text != ",":
            continue
        comma = _before_place_appositive(doc, head, comma)
        if any(doc[k].ent_type_ == "PERSON" or lowers[k] in PRONOUNS for k in range(i + 1, comma)):
            continue
        if _ends_in_description(doc, i, comma):
            continue  # "the chief of the agency, Jo Dale": "the agency" is a mention of its own, not Jo Dale
        return start, comma, person_at[child.i]
    return None


def _in_generic_list(head: Token) -> bool:
    """True when the noun ``head`` is one item of a list that also holds an indefinite or quantified one.

    "The whole club is different - the chairman, the manager and all the players": a list that
    names roles alongside "a player" or "all the players" speaks of roles, not of their holders.
    """
    top = head
    while top.dep_ in LIST_DEPS and top.head.i != top.i:
        top = top.head
    stack, seen = [top], 0
    while stack and seen < MAX_LIST_ITEMS:
        item = stack.pop()
        seen += 1
        if item.i != head.i and any(c.lower_ in GENERIC_DETERMINERS and c.dep_ in ("det", "predet")
                                    for c in item.children):
            return True
        stack.extend(c for c in item.children if c.dep_ in LIST_DEPS)
    return False




def role_end_words(phrases: Iterable[str]) -> frozenset[str]:
    """Every token that can end one of ``phrases`` as ``_role_phrase`` builds them: each phrase's last word,
    and each part of that word after a hyphen (a split "president-elect" ends in the token "elect").

    ``role_descriptions`` tries up to ``MAX_ROLE_TOKENS`` phrase lengths at each determiner; a phrase whose
    last token ends none of the roles that can have a holder has none, so its text need not be built.
    """
    found: set[str] = set()
    for phrase in phrases:
        word = phrase.rsplit(" ", 1)[-1]
        found.add(word)
        found.update(word[k + 1 :] for k, char in enumerate(word) if char in TITLE_HYPHENS)
    return frozenset(found)


#: A title hyphen or a space anywhere in a token (``\s`` is ``str.isspace`` for every character of a str).
RE_HYPHEN_OR_SPACE = re.compile("[" + "".join(re.escape(char) for char in sorted(TITLE_HYPHENS)) + r"\s]")


def _may_end_role(token: str, end_words: frozenset[str]) -> bool:
    """Whether a phrase ending in the token (its lower-case form) may name a role with a holder: a word
    that ends a role, or a hyphen or space, which this test does not try to place.

    (The characters are searched with one pattern, not a generator per token: this runs for every phrase
    length at every determiner.)"""
    return token in end_words or RE_HYPHEN_OR_SPACE.search(token) is not None


@cache
def _lexicon_role_end_words() -> frozenset[str]:
    """The end words of the roles the lexicons let a description name without a title in the text: the open
    roles, the single-holder offices (also after a party or place word, ``_is_open``) and the synonyms."""
    return role_end_words([*OPEN_ROLES, *SINGLE_HOLDER_OFFICES, *ROLE_SYNONYMS])


def _role_phrase(doc: Doc, lowers: list[str], start: int, end: int) -> str:
    """The role words ``doc[start:end]`` as a title keeps them: words apart, but a hyphenated word the
    tokenizer split ("president - elect") whole ("president-elect"), as the holder's title is written."""
    spaces = token_values(doc, SPACY)  # each token's trailing space (``whitespace_``), without making Tokens
    out = lowers[start]
    for k in range(start + 1, end):
        out += lowers[k] if not spaces[k - 1] and (lowers[k] in TITLE_HYPHENS or lowers[k - 1] in TITLE_HYPHENS) \
            else " " + lowers[k]
    return out


def role_descriptions(
    doc: Doc,
    people: dict[int, PersonInfo],
    anchors: list[Anchor],
    covered: list[bool],
    sents: list[int],
    quotes: Quotes | None = None,
) -> list[tuple[int, int, int]]:
    """(start token, end token, group) of definite descriptions naming a known role.

    "the finance minister" matches a person titled "Finance Minister"; "the
    consul" one titled "Norwegian Consul". A full-title match beats a
    role match; among equals the most recently mentioned person wins.
    With ``quotes``, the sentences back to a holder are counted without the
    ones wholly inside quotation marks (a speech does not push its speaker away).
    """
    by_role: dict[str, list[tuple[int, bool]]] = {}
    for group, info in people.items():
        for role, full in info.roles.items():
            by_role.setdefault(role, []).append((group, full))
    if not people:
        return []
    last_seen: dict[int, int] = {}
    order = sorted(anchors, key=lambda a: a.token)
    pos = token_strings(doc, POS)  # (the tags from the doc's array: no Token per anchor)
    person_at = {a.token: a.group for a in order if a.group in people and pos[a.token] != "PRON"}
    nationalities: dict[int, set[str]] | None = None  # read once, at the first "the Swede"
    found: list[tuple[int, int, int]] = []
    holders_of: dict[str, list[tuple[int, bool]]] = {}  # phrase -> its holders (``_holders``), read once
    cursor = 0
    n = len(doc)
    i = 0
    lowers = token_strings(doc, LOWER)
    # the tokens a phrase with holders can end in: the article's titles' roles, then the lexicons' roles
    end_words = role_end_words(by_role) | _lexicon_role_end_words()
    labels: dict[str, str] | None = None  # each word's entity label, read at the first national office
    if quotes is not None:
        narrated = narrated_sentences(doc, sents, quotes)
    else:
        narrated = [True] * (sents[-1] + 1 if sents else 0)

    def _narrated_distance(then: int, now: int) -> int:
        """Sentences between two, quoted sentences not counted: a quotation does not push its topic away."""
        return sum(narrated[then + 1 : now + 1])

    # Only a determiner opens a description: the walk jumps from one to the next.
    openers = [k for k, low in enumerate(lowers)
               if low in DEFINITE_DETERMINERS or low in APPOSITIVE_DEMONSTRATIVES or low in APPOSITIVE_POSSESSIVES]
    while i < n:
        low = lowers[i]
        if low in APPOSITIVE_POSSESSIVES:  # a name's role, only with its holder set beside it
            match = _named_appositive(doc, i, person_at, lowers) if i + 1 < n and not covered[i + 1] else None
            if match and not any(covered[match[0] : match[1]]):
                found.append(match)
            i = match[1] if match else i + 1
            continue
        if low not in DEFINITE_DETERMINERS and low not in APPOSITIVE_DEMONSTRATIVES:
            following = bisect_left(openers, i)
            i = openers[following] if following < len(openers) else n
            continue
        # The determiner may itself be a resolved pronoun ("his finance minister"): not a block.
        if covered[i] and low not in PRONOUNS:
            i += 1
            continue
        while cursor < len(order) and order[cursor].token < i:
            last_seen[order[cursor].group] = order[cursor].token
            cursor += 1
        match = _named_appositive(doc, i, person_at, lowers)
        if match:
            found.append(match)
            i = match[1]
            continue
        if low in APPOSITIVE_DEMONSTRATIVES:
            i += 1  # "this agent" names its holder only when the name is set beside it
            continue
        match = _incoming_holder(doc, i, lowers, by_role, last_seen) or (
            _named_as(doc, i, person_at) if low == "the" else None)
        if match:
            found.append(match)
            i = match[1]
            continue
        demonym = _demonym_epithet(doc, i) if low == "the" else None
        if demonym is not None:
            # "Fifth seed Jo Dale won. The Chilean will meet ...": a recent subject whose written
            # nationality, if any, is this one; one written with that word first.
            word = lowers[i + 1]
            if nationalities is None:
                nationalities = _written_nationalities(doc, order)
            written = [g for g, words in nationalities.items() if word in words and g in people]
            # (sentences wholly quoted not counted: "Jo Dale said ... 'quote.' 'Quote.' The Chilean will meet ...")
            subjects = {a.group for a in order[:cursor]
                        if a.subject and _narrated_distance(a.sent, sents[i]) <= DEMONYM_WINDOW}
            recent = [g for g, at in last_seen.items() if _narrated_distance(sents[at], sents[i]) <= DEMONYM_WINDOW
                      and g in people and (g not in nationalities or _nationality_fits(nationalities[g], word))]
            # the one recent person the article writes with that nationality word; else a recent
            # subject of no other nationality (a word or a country written, or an earlier epithet)
            if doc[i + 1].dep_ not in NOMINAL_SUBJECT_DEPS:
                # "the top seed went down to the American": the clause's own subject is someone else
                own = {a.group for a in order[:cursor] if a.subject and a.sent == sents[i]}
                recent = [g for g in recent if g not in own]
                written = [g for g in written if g not in own]
            written = [g for g in written if g in recent]
            group = written[0] if len(written) == 1 else None
            if group is None and not written and recent and doc[i + 1].dep_ in NOMINAL_SUBJECT_DEPS:
                # only a subject: "went down to the American" speaks of the winner, not of the last subject
                best = max(recent, key=lambda g: (g in subjects, last_seen[g]))
                group = best if best in subjects else None
            if group is not None:
                nationalities.setdefault(group, set()).add(word)
                found.append((i, demonym, group))
                i = demonym
                continue
        epithet = (_age_epithet(doc, i, lowers) or _standing_epithet(doc, i, lowers)) if low == "the" else None
        if epithet is not None:
            # "the 36-year-old said": the person the passage is about, a recent subject first
            subjects = {a.group for a in order[:cursor] if a.subject and sents[i] - a.sent <= ROLE_WINDOW}
            recent = [g for g, at in last_seen.items() if sents[i] - sents[at] <= ROLE_WINDOW]
            if recent:
                group = max(recent, key=lambda g: (g in subjects, people[g].count, last_seen[g]))
                found.append((i, epithet, group))
                i = epithet
                continue
        first = _role_start(doc, i, lowers)
        for length in range(min(MAX_ROLE_TOKENS, n - first), 0, -1):
            end = first + length
            if not _may_end_role(lowers[end - 1], end_words):
                continue  # no role with a holder ends so (``_holders`` would find no one)
            if any(covered[k] for k in range(first, end)):
                continue
            phrase = _role_phrase(doc, lowers, first, end)
            holders = holders_of.get(phrase)
            if holders is None:  # each phrase's holders once per doc: the people and their roles stay as they are
                holders = holders_of[phrase] = _holders(phrase, by_role, people)
            if phrase in NATIONAL_OFFICES and first == i + 1:
                if labels is None:  # each word's last entity label, from the arrays, for the few docs that need it
                    labels = {low: label for low, label in zip(lowers, token_strings(doc, ENT_TYPE), strict=True)
                              if label}
                holders = [c for c in holders if not _office_of_organisation(people[c[0]], phrase, labels)]
            if not holders:
                continue
            # "Jo Dale, the campaign manager for Acme": an appositive is the name it follows, "for" or not.
            appositive = [c for c in holders if i >= 2 and lowers[i - 1] == "," and last_seen.get(c[0]) == i - 2]
            if appositive:
                match = (i, end, appositive[0][0])
                break
            if _continues(doc, end):
                continue  # "the president of Mexico", "the president-elect", "the President's Daily Brief"
            # Only people mentioned in this or the last few sentences: a role named far from its
            # holder is usually generic ("the president decides who gets the briefing").
            candidates = [c for c in holders
                          if c[0] in last_seen and _narrated_distance(sents[last_seen[c[0]]], sents[i]) <= ROLE_WINDOW]
            if not candidates:
                # Farther back only the one person the article gives that full title ("Prime Minister X").
                titled = [c for c in holders if c[1]]
                if len(titled) != 1 or titled[0][0] not in last_seen:
                    continue
                candidates = titled
            if not candidates:
                continue
            if _is_open(phrase) and not any(c[1] for c in candidates):
                # Not the sayer of a speech verb the description is reported under: "Jo Dale said the mayor
                # was tired" speaks of someone else.
                own = {a.group for a in order[:cursor] if a.subject and a.sent == sents[i]
                       and doc[a.token].head.lemma_ in QUOTE_VERBS and doc[a.token].head in doc[i].ancestors}
                ruled_out = own | _named_in_phrase(doc, end - 1, order[cursor:])
                candidates = [c for c in candidates if c[0] not in ruled_out]
                if not candidates:
                    continue
                # "the nominee" with no one titled so: a recent subject, then the most mentioned person, not
                # the last one named ("X said Y was shot ... the nominee said"): the role is the protagonist's.
                subjects = {a.group for a in order[:cursor] if a.subject and sents[i] - a.sent <= ROLE_WINDOW}
                group = max(candidates, key=lambda c: (c[0] in subjects, people[c[0]].count, last_seen[c[0]]))[0]
            else:
                group = max(candidates, key=lambda c: (c[1], last_seen[c[0]], people[c[0]].count))[0]
            match = (i, end, group)
            break
        if match is None:
            match = _modified_title(doc, i, first, lowers, by_role, covered, last_seen, sents)
        if match and _in_generic_list(doc[match[1] - 1]):
            match = None  # "be it the chairman, the manager or a player": anyone in those roles
        if match:
            found.append(match)
            i = match[1]
        else:
            i += 1
    return found
