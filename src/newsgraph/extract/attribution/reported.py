"""Reported speech from the dependency parse: cue verbs with a clause, "according to", passives.

Each finder yields ``Claim`` candidates: character spans for content and cue
plus the token heading the source phrase. Sources are resolved afterwards
(``sources.py``) so that "they", "the aides" and a later "these aides" land
on one record.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.attribution import lexicons as lex
from newsgraph.vocab.parse import (
    ACTIVE_SUBJECT_DEPS,
    BY_PHRASE_DEPS,
    NOMINAL_OR_PRONOUN_POS,
    NOUN_CLAUSE_DEPS,
    PASSIVE_SUBJECT_DEPS,
    VERBAL_POS,
    WH_RELATIVE_TAGS,
)
from newsgraph.vocab.speech import PLAIN_SPEECH_VERBS

#: Entity types that may stand before a headline colon as the speaker.
HEADLINE_SOURCE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Entity types of a day parsed as a verb's modifier, with the subject's name hung on it ("Dale Sunday said").
DAY_LABELS = frozenset({"DATE", "TIME"})
#: Entity types of a name that may be a subject-less root verb's performer when set right before it.
ROOT_SUBJECT_LABELS = frozenset({"PERSON", "ORG"})
#: How such a day hangs on the verb when it is not read as the subject.
DAY_DEPS = frozenset({"npadvmod"})
#: Punctuation trimmed off the edges of content spans.
EDGE_PUNCT = frozenset(",;:—–-")


@dataclass(slots=True)
class Claim:
    """An attribution found in the text, before its source is resolved."""

    content: tuple[int, int]
    kind: str
    cue: tuple[int, int] | None
    #: The token heading the source phrase, if the syntax gives one.
    speaker: Token | None
    quoted: bool = False
    #: Index of an earlier claim this one continues (same source), if any.
    continues: int | None = None
    #: Tokens the cue covers (for skipping nested cues), as token indices.
    cue_tokens: tuple[int, ...] = field(default_factory=tuple)
    #: A quote left open at its paragraph's end and reopened in the next: the closing part names the speaker.
    runs_on: bool = False
    #: The channel noun ("two posts", "a statement") a channel claim was made in: a source of its own.
    channel: Token | None = None
    #: Reporting with no reporter ("reportedly", "is said to", "according to reports"): an unstated source.
    unstated: bool = False
    #: An embedded post's signer: the name's offsets and the handle ("— Jane Roe (@jroe) May 4, 2017").
    post: tuple[int, int, str] | None = None
    #: A named transcript turn's speaker: the offsets of the name in its label ("SCHULTZ:").
    named: tuple[int, int] | None = None
    #: An untagged quote's fallback speaker: the person the narration sentence just before it is about
    #: ("Lee was sceptical. '…'"), taken only when the quote continues no other quote.
    narrated_by: Token | None = None


@dataclass(slots=True)
class Candidates:
    """The few tokens the finders start from, found in one vectorised pass over the doc.

    Iterating a Doc creates a Python object per token, and ``Doc.text`` is rebuilt
    from the tokens on every access; on long articles that cost more than all the
    rules together. So the text is read once, and candidate tokens are picked out
    of ``Doc.to_array`` by hashed lemma, lower form and part of speech.
    """

    text: str
    cue_verbs: list[Token]
    cue_nouns: list[Token]
    according: list[Token]
    anonymity: list[Token]
    channels: list[Token] = field(default_factory=list)


#: Lowercased string of each hash seen (a string's hash never changes; bounded by MAX_LOWER_CACHE).
_LOWER: dict[int, str] = {}
MAX_LOWER_CACHE = 500_000


#: Lemmas a cue verb may have: the cue verbs and the verbs of the phrasal ones (kept if their particle is there).
_CUE_LEMMAS = lex.CUE_VERBS | {verb for verb, _ in lex.PHRASAL_CUE_VERBS}


def _lowered(doc: Doc, column: numpy.ndarray) -> list[tuple[int, str]]:
    """Each distinct hash in ``column`` with its string lowercased: found once per column, then filtered
    by every word list (a doc has a few thousand distinct lemmas, and ``numpy.unique`` sorts them)."""
    strings = doc.vocab.strings
    if len(_LOWER) > MAX_LOWER_CACHE:
        _LOWER.clear()
    out: list[tuple[int, str]] = []
    for h in numpy.unique(column).tolist():
        low = _LOWER.get(h)
        if low is None:
            low = _LOWER[h] = strings[h].lower()
        out.append((h, low))
    return out


def _hashes_where(
    lowered: list[tuple[int, str]], words: frozenset[str] | set[str], dtype: numpy.dtype
) -> numpy.ndarray:
    """The hashes of ``lowered`` (from :func:`_lowered`) whose lowercased string is in ``words``."""
    return numpy.array([h for h, low in lowered if low in words], dtype=dtype)


def candidates(doc: Doc, text: str | None = None) -> Candidates:
    """Index ``doc``'s candidate tokens (cue verbs and nouns, "according", "anonymity")."""
    text = doc.text if text is None else text
    if len(doc) == 0:
        return Candidates(text, [], [], [], [])
    arr = doc.to_array([LEMMA, LOWER, POS])
    lemmas, lowers, pos = arr[:, 0], arr[:, 1], arr[:, 2]
    verbal = (pos == VERB) | (pos == AUX)

    def pick(mask: numpy.ndarray) -> list[Token]:
        return [doc[int(i)] for i in numpy.flatnonzero(mask)]

    by_lemma, by_lower = _lowered(doc, lemmas), _lowered(doc, lowers)

    def where(column: numpy.ndarray, lowered: list[tuple[int, str]], words: frozenset[str] | set[str]) -> numpy.ndarray:
        return numpy.isin(column, _hashes_where(lowered, words, column.dtype))

    cue_lemmas = pick(verbal & where(lemmas, by_lemma, _CUE_LEMMAS))
    return Candidates(
        text=text,
        cue_verbs=[t for t in cue_lemmas if is_cue_verb(t)],
        cue_nouns=pick((pos == NOUN) & where(lemmas, by_lemma, lex.CUE_NOUNS)),
        according=pick(where(lowers, by_lower, {"according"})),
        anonymity=pick(where(lowers, by_lower, {"anonymity", "anonymously"})),
        channels=pick((pos == NOUN) & where(lemmas, by_lemma, lex.CHANNEL_NOUNS)),
    )


#: How a phrasal cue's particle hangs off its verb: the model parses "fired back" with "back" as an adverb.
PARTICLE_DEPS = frozenset({"prt", "advmod"})


def is_cue_verb(token: Token) -> bool:
    if token.pos_ not in VERBAL_POS:
        return False
    lemma = token.lemma_.lower()
    if lemma in lex.CUE_VERBS:
        return True
    return any((lemma, c.lower_) in lex.PHRASAL_CUE_VERBS for c in token.children if c.dep_ in PARTICLE_DEPS)


def speaker_of(verb: Token, depth: int = 0) -> Token | None:
    """The token heading whoever performs ``verb``: its subject, or one inherited from its head."""
    named = _name_before_date(verb)
    if named is not None:
        return named
    for child in verb.children:
        if child.dep_ in ACTIVE_SUBJECT_DEPS:
            if child.tag_ in WH_RELATIVE_TAGS and verb.dep_ == "relcl":
                return verb.head  # "aides ... who spoke on condition of anonymity"
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    inverted = inverted_object(verb)
    if inverted is not None:
        return inverted
    if verb.head.i == verb.i:  # spaCy makes a new Token per access: compare positions
        return _name_set_before(verb)
    perceived = _perceived_speaker(verb)
    if perceived is not None:
        return perceived
    if depth > 4:
        return None
    if verb.dep_ in NOUN_CLAUSE_DEPS and verb.head.pos_ in NOMINAL_OR_PRONOUN_POS:
        issuer = _issuer_of_document(verb)
        if issuer is not None:
            return issuer  # "X released a statement thanking …": X, whose statement it is
        return verb.head  # "Ms. Lee, who said", "a statement saying": the noun modified speaks
    quoted = _quoted_as(verb)
    if quoted is not None:
        return quoted
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in VERBAL_POS:
        return speaker_of(verb.head.head, depth + 1)  # "After calling it 'overrated,' Jo Dale left": Dale
    if verb.dep_ in lex.SUBJECT_SHARING_DEPS and verb.head.pos_ in VERBAL_POS:
        inherited = speaker_of(verb.head, depth + 1)
        if inherited is not None and not _can_speak(inherited):
            return _reporter_over(verb, depth) or inherited
        return inherited
    return None


def _issuer_of_document(verb: Token) -> Token | None:
    """Who issued the document a participle hangs off: "Lee released a statement thanking them for '…'".

    Why: the document says how the claim was made, its issuer makes it (as "said in a statement" stays
    the speaker's). Only a participle on a document noun that is the object of an issuing verb
    (``CUE_NOUN_VERBS``: "released", "issued") with a subject of its own; else None.
    """
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in lex.DOCUMENT_NOUNS:
        return None
    return issuing_subject(noun)


def issuing_subject(noun: Token) -> Token | None:
    """The subject of the issuing verb (``CUE_NOUN_VERBS``) a document noun is the object of: "Lee" of "Lee
    issued a statement"; None when the noun is no such object or the verb has no subject."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in lex.CUE_NOUN_VERBS:
        return None
    return next((c for c in noun.head.children if c.dep_ in ACTIVE_SUBJECT_DEPS), None)


def _quoted_as(verb: Token) -> Token | None:
    """The one "quoted as saying": the passive subject of "quoted" over "as ``verb``", or its object.

    "'…,' the source was quoted as saying." and "The Courier quoted the mayor as saying: '…'": the words
    are the source's and the mayor's, not those of whoever quoted them, so "saying" takes the one quoted,
    whom it does not share by the parse (the active subject would be the outlet).
    """
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.lemma_.lower() != QUOTED_AS_VERB:
        return None
    quoted = verb.head.head
    return next((c for c in quoted.children if c.dep_ == "nsubjpass"), None) or next(
        (c for c in quoted.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)


def quoted_as_cue(verb: Token) -> Token | None:
    """The speech verb of "quoted as saying" when ``verb`` is that "quoted": the quote's cue, or None."""
    if verb.lemma_.lower() != QUOTED_AS_VERB:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            pcomp = next((c for c in prep.children if c.dep_ == "pcomp" and is_cue_verb(c)), None)
            if pcomp is not None and _quoted_as(pcomp) is not None:
                return pcomp
    return None


#: The verb of "X was quoted as saying": its passive subject is the speaker.
QUOTED_AS_VERB = "quote"
#: Tag verbs whose object after them is the one told, never who speaks ("'…,' told PEOPLE").
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "warn", "remind", "urge", "thank"})
#: Tokens that may stand between the reported words and an inverted tag verb after them.
TAG_GAP_TEXTS = frozenset({",", "\u201d", '"', "\u2019", "'"})
#: How the parser attaches the speaker after an inverted tag's verb: as its object, or, after "continued"
#: ("'…,' continued the aide"), as an attribute, the verb read as a copula.
INVERTED_SPEAKER_DEPS = frozenset({"dobj", "attr"})


def inverted_object(verb: Token) -> Token | None:
    """The speaker of an inverted tag with no subject, which the parser read as the verb's object.

    "'We will win,' added the source." and "She was 'thrilled,' adds the source.": the reported
    words come first and the parser takes the speaker after the verb for its direct object. When the
    verb has no subject, its reported clause stands before it, a comma or closing mark stands right
    before it, and a noun phrase starts right after it, that phrase is the speaker (an attribute,
    too: "'…,' continued the aide" is parsed as a copula's). Not for verbs whose object is the one
    told ("'…,' told PEOPLE").
    """
    if verb.lemma_.lower() in ADDRESSEE_VERBS or verb.i == 0:
        return None
    if verb.doc[verb.i - 1].text not in TAG_GAP_TEXTS:
        return None
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None:
        return None
    for child in verb.rights:
        if child.dep_ in INVERTED_SPEAKER_DEPS and child.pos_ in ("NOUN", "PROPN") and child.left_edge.i == nxt.i:
            return child
    return None


#: Verbs of perceiving whose passive subject performs the verb they take ("X is heard shouting").
PERCEPTION_VERBS = frozenset({"hear", "see", "catch", "film", "record"})


def _perceived_speaker(verb: Token) -> Token | None:
    """The passive subject of a perception verb over ``verb``: "Lee is heard shouting, '…'" is Lee's.

    Why: the parser makes "shouting" the complement of "heard", whose subject is passive; the
    one heard is the one shouting, though no active subject is there to inherit.
    """
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in PERCEPTION_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def _name_set_before(verb: Token) -> Token | None:
    """The name right before a sentence's root verb that has no subject, or None.

    "When asked whether she would run, her publicist, Alan Cole, told CNN that …": the parser hangs the
    long opening phrase, name and all, elsewhere and leaves "told" with no subject. A person or
    organisation name ending just before the verb (a comma between at most) is who performs it.
    """
    i = verb.i - 1
    while i >= 0 and verb.doc[i].text == ",":
        i -= 1
    if i < 0:
        return None
    tok = verb.doc[i]
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ROOT_SUBJECT_LABELS or tok.head.i == verb.i:
        return None
    return tok


def _name_before_date(verb: Token) -> Token | None:
    """The name the parser hung on a day set between a subject and its verb, or None.

    "Gov. Jo Dale Sunday called the plan 'a disaster'": the parser reads "Jo Dale Sunday" as one
    noun phrase, a time ("Sunday") with "Dale" as its modifier, set as the verb's modifier or as its
    subject, so the verb has no speaking subject; the
    name (a proper noun outside the time's own words, so not "Super" of "Super Tuesday") is the subject.
    """
    for child in verb.lefts:
        if child.dep_ in ACTIVE_SUBJECT_DEPS | DAY_DEPS and child.ent_type_ in DAY_LABELS:
            names = [c for c in child.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
                     and c.ent_type_ not in DAY_LABELS]  # fmt: skip
            if names:
                return names[-1]
    return None


def _can_speak(head: Token) -> bool:
    """True unless ``head`` is a plain thing: a common noun naming no person, group or organisation."""
    if head.pos_ != "NOUN" or head.ent_type_:
        return True
    lemma = head.lemma_.lower()
    return lemma in lex.ROLE_NOUNS | lex.ANONYMOUS_NOUNS | lex.PERSON_WORDS | lex.ORG_NOUNS | lex.MEDIA_NOUNS \
        or lemma in lex.DOCUMENT_NOUNS | lex.SOCIAL_NOUNS


def _reporter_over(verb: Token, depth: int) -> Token | None:
    """For a participle cue hung on a reported clause ("X said the question sounded fair, *adding* …",
    parsed as the clause's), the speaker of the verb reporting that clause; None when there is none."""
    if verb.tag_ != "VBG" or not is_cue_verb(verb):
        return None
    clause = verb.head
    if clause.dep_ not in lex.REPORTED_CLAUSE_DEPS or not is_cue_verb(clause.head):
        return None
    return speaker_of(clause.head, depth + 1)


def phrase_of(token: Token) -> Span:
    """The noun phrase headed by ``token``, cut before a comma-set-off appositive or relative clause."""
    doc = token.doc
    right = token.i
    for child in token.rights:
        if child.dep_ == "punct" or (child.left_edge.i - 1 > token.i and doc[child.left_edge.i - 1].text in ",(—"):
            break
        if child.dep_ in lex.SET_OFF_MODIFIER_DEPS and child.left_edge.i > 0 and doc[child.left_edge.i - 1].is_punct:
            break
        right = child.right_edge.i
    left = token.left_edge.i
    while left < right and (doc[left].is_punct or doc[left].is_space or doc[left].text in lex.ALL_QUOTE_MARKS):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space or doc[right].text in lex.ALL_QUOTE_MARKS):
        right -= 1
    return doc[left : right + 1]


def cue_span(verb: Token) -> tuple[int, int]:
    """The cue's characters: the verb, with a particle ("pointed out") or a leading adverb ("previously reported")."""
    doc = verb.doc
    start, end = verb.idx, verb.idx + len(verb.text)
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = child.idx + len(child.text)
        if child.dep_ == "advmod" and child.i == verb.i - 1 and child.lower_ in lex.CUE_ADVERBS:
            start = child.idx
    del doc
    return start, end


def clause_span(head: Token, exclude: Token | None = None) -> tuple[int, int]:
    """The characters of ``head``'s subtree, without a leading complementizer or edge punctuation."""
    doc = head.doc
    left, right = head.left_edge.i, head.right_edge.i
    if exclude is not None and left <= exclude.i <= right:
        if exclude.i > head.i:
            right = exclude.left_edge.i - 1
        else:
            left = exclude.right_edge.i + 1
    # A misparse can hang ``head`` inside ``exclude``'s subtree; the clause keeps at least its head.
    left, right = min(left, head.i), max(right, head.i)
    while left < right and (doc[left].dep_ == "mark" and doc[left].lower_ in lex.COMPLEMENTIZERS):
        left += 1
    while left < right and doc[left].text in EDGE_PUNCT:
        left += 1
    while right > left and doc[right].text in EDGE_PUNCT:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(s <= offset < e for s, e in spans)


def _reported_clause(verb: Token) -> Token | None:
    """The head of what ``verb`` reports: a clause ("said (that) ..."), "asked whether ...", a mis-parsed
    "said legalizing it would ...", or a promise's infinitive ("pledged to cut ...")."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in lex.REPORTED_CLAUSE_DEPS:
            return child
    for child in verb.children:
        marks = {c.lower_ for c in child.children if c.dep_ in lex.CLAUSE_MARKER_DEPS}
        if child.dep_ == "advcl" and marks & {"if", "whether"}:
            return child
        if child.dep_ != "xcomp" or child.pos_ not in VERBAL_POS:
            continue
        if child.lemma_.lower() in lex.NOT_CONTENT_VERBS:
            continue
        if "to" in marks and lemma in lex.XCOMP_CUE_VERBS:
            return child
        if "to" not in marks and child.tag_ == "VBG" and lemma in PLAIN_SPEECH_VERBS:
            return child
    return None


def verb_claims(doc: Doc, quoted: list[tuple[int, int]], cands: Candidates | None = None) -> Iterator[Claim]:
    """ "X said (that) ...", "..., X added", "X told Y ...", and the passive "... was reported by X"."""
    cands = cands or candidates(doc)
    for token in cands.cue_verbs:
        if _inside(quoted, token.idx):
            continue
        lemma = token.lemma_.lower()
        if lemma in lex.FRAGMENT_ONLY_VERBS:
            continue
        cue = cue_span(token)
        clause = _reported_clause(token)
        if clause is None and token.dep_ == "parataxis" and token.head.pos_ in VERBAL_POS:
            clause = token.head  # "Prices will rise, he said" parsed with "said" hanging off "rise"
            content = clause_span(clause, exclude=token)
        elif clause is not None:
            content = clause_span(clause)
        else:
            passive = next((c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            if passive is None or agent is None:
                continue
            content = clause_span(passive)
            yield Claim(content, "indirect", cue, speaker_of(token), cue_tokens=(token.i,))
            continue
        if content[1] <= content[0]:
            continue
        speaker = speaker_of(token)
        unstated = speaker is None and _impersonal_passive(token)
        yield Claim(content, "indirect", cue, speaker, cue_tokens=(token.i,), unstated=unstated)


def _impersonal_passive(verb: Token) -> bool:
    """ "It has been reported that ...", "it is said that ...": a passive cue whose subject is an expletive."""
    if verb.lemma_.lower() not in lex.UNSTATED_PASSIVE_VERBS or any(c.dep_ == "agent" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    return subject is not None and subject.lower_ in lex.EXPLETIVE_SUBJECTS


def _passive_raising(verb: Token) -> Token | None:
    """The infinitive of "X is said to have quit" (a passive cue, no agent): X and the infinitive are the claim."""
    if verb.lemma_.lower() not in lex.UNSTATED_PASSIVE_VERBS or any(c.dep_ == "agent" for c in verb.children):
        return None
    if not any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None
    for child in verb.children:
        marks = {c.lower_ for c in child.children if c.dep_ in ("aux", "mark")}
        if child.dep_ == "xcomp" and child.pos_ in VERBAL_POS and "to" in marks:
            return child
    return None


def unstated_claims(doc: Doc, quoted: list[tuple[int, int]], cands: Candidates | None = None) -> Iterator[Claim]:
    """Reporting nobody is named for: "the mayor is said to have quit", "the mayor reportedly quit".

    The content is the whole clause (subject included), the cue the passive verb or the adverb,
    and no speaker: the caller gives these claims an ``unstated`` source, so they are counted.
    """
    cands = cands or candidates(doc)
    text = cands.text
    for token in cands.cue_verbs:
        if _inside(quoted, token.idx):
            continue
        infinitive = _passive_raising(token)
        if infinitive is None:
            continue
        subject = next(c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS)
        start, _ = clause_span(subject)
        _, end = clause_span(infinitive)
        aux = [c for c in token.children if c.dep_ == "auxpass" and c.i < token.i]
        cue_start = aux[0].idx if aux else token.idx
        yield Claim((start, end), "indirect", (cue_start, token.idx + len(token.text)), None,
                    cue_tokens=(token.i,), unstated=True)  # fmt: skip
    if "reportedly" not in text.lower():
        return
    for token in doc:
        if token.lower_ not in lex.UNSTATED_ADVERBS or _inside(quoted, token.idx):
            continue
        head = token.head
        if head.pos_ not in VERBAL_POS or head.i == token.i:
            continue
        start, end = clause_span(head)
        while end > start and text[end - 1] in ".!?":
            end -= 1
        yield Claim((start, end), "indirect", (token.idx, token.idx + len(token.text)), None,
                    cue_tokens=(token.i,), unstated=True)  # fmt: skip


def according_to_claims(
    doc: Doc, quoted: list[tuple[int, int]], cands: Candidates | None = None
) -> Iterator[Claim]:
    """ "..., according to X" and "According to X, ...": the rest of the sentence is the claim."""
    cands = cands or candidates(doc)
    for token in cands.according:
        if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        if _inside(quoted, token.idx):
            continue
        to = doc[token.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() in lex.NOT_SOURCE_NOUNS:
            continue
        sent = token.sent
        phrase_end = max(pobj.right_edge.i, to.i)
        cue = (token.idx, to.idx + len(to.text))
        before = doc[sent.start : token.i]
        after = doc[phrase_end + 1 : sent.end]
        words_before = sum(1 for t in before if not t.is_punct)
        words_after = sum(1 for t in after if not t.is_punct)
        if words_before >= 2 and words_after < 2:
            span = before
        elif words_after >= 2 and words_before < 2:
            span = after
        elif words_before >= 2:
            span = sent
        else:
            continue
        content = _trim_tokens(span)
        if content is None:
            continue
        if bare_reports(pobj):
            yield Claim(content, "according_to", cue, None, cue_tokens=(token.i, to.i), unstated=True)
            continue
        yield Claim(content, "according_to", cue, pobj, cue_tokens=(token.i, to.i))


def bare_reports(noun: Token) -> bool:
    """ "according to reports", "according to unconfirmed reports": reports with no owner, author or outlet."""
    if noun.lower_ not in lex.UNSTATED_REPORT_NOUNS:
        return False
    owned = {"poss", "compound", "prep", "nmod", "acl", "relcl", "appos"}
    if any(c.dep_ in owned or (c.dep_ == "det" and c.lower_ not in ("a", "an")) for c in noun.children):
        return False  # "the report" points back to one named earlier; "reports by X" have an author
    return not any(c.ent_type_ for c in noun.subtree)


def _trim_tokens(span: Span) -> tuple[int, int] | None:
    """``span``'s characters without edge punctuation (keeping closing quote marks and a final period)."""
    tokens = [t for t in span]
    while tokens and (tokens[0].is_punct and tokens[0].text not in lex.OPENING_QUOTES):
        tokens.pop(0)
    while tokens and tokens[-1].text in EDGE_PUNCT | {".", "!", "?"} and tokens[-1].i == span.end - 1:
        tokens.pop()
    while tokens and tokens[-1].text in EDGE_PUNCT:
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def headline_claims(doc: Doc, quoted: list[tuple[int, int]], text: str | None = None) -> Iterator[Claim]:
    """Headline attribution: a line opening "Name: claim" ("Lynch: No outside influence on probe")."""
    text = doc.text if text is None else text
    for sent in doc.sents:
        if sent.start_char > 0 and text[sent.start_char - 1] != "\n":
            continue
        colon = next((t for t in sent[: lex.MAX_HEADLINE_SOURCE_WORDS + 1] if t.text == ":"), None)
        if colon is None or colon.i == sent.start or _inside(quoted, colon.idx):
            continue
        left = doc[sent.start : colon.i]
        if not all(t.is_title or t.is_upper or not t.is_alpha for t in left):
            continue
        if not any(t.ent_type_ in HEADLINE_SOURCE_LABELS for t in left):
            continue
        line_end = text.find("\n", colon.idx)
        line_end = len(text) if line_end == -1 else line_end
        start = colon.idx + 1
        while start < line_end and text[start].isspace():
            start += 1
        end = line_end
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;"):
            end -= 1
        if len(text[start:end].split()) < 2:
            continue
        yield Claim((start, end), "indirect", (colon.idx, colon.idx + 1), left.root, cue_tokens=(colon.i,))


def transcript_claims(text: str, quoted: list[tuple[int, int]]) -> Iterator[Claim]:
    """Question and answer turns of a transcript ("Q: ...", "A: ..."): verbatim speech, speaker unknown.

    The line does not say who asks or answers, so the claim has no speaker: the record says
    so (an attribution with no source) instead of guessing the interviewer or the interviewee.
    """
    for match in lex.TRANSCRIPT_TURN_RE.finditer(text):
        if _inside(quoted, match.start()):
            continue
        start = match.end()
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        if len(text[start:end].split()) < lex.MIN_TRANSCRIPT_WORDS:
            continue
        marker = text[match.start() : match.end()].rstrip()
        yield Claim((start, end), "direct", (match.start(), match.start() + len(marker)), None)


def _noun_speaker(noun: Token) -> Token | None:
    """Whose claim a cue noun names: "his claim", "a warning Officials issued", "the claim by X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in BY_PHRASE_DEPS and child.lower_ in lex.SPEAKER_PREPOSITIONS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.CUE_NOUN_VERBS:
        return speaker_of(noun.head)
    return None


def noun_claims(doc: Doc, quoted: list[tuple[int, int]], cands: Candidates | None = None) -> Iterator[Claim]:
    """A cue noun with a that-clause: "his claim that the vote was rigged", "issued a warning that ..."."""
    cands = cands or candidates(doc)
    for token in cands.cue_nouns:
        if _inside(quoted, token.idx):
            continue
        clause = next(
            (
                c
                for c in token.rights
                if c.dep_ in lex.NOUN_COMPLEMENT_DEPS
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        speaker = _noun_speaker(token) if clause is not None else None
        if clause is None or speaker is None:
            continue
        content = clause_span(clause)
        if content[1] > content[0]:
            yield Claim(content, "indirect", (token.idx, token.idx + len(token.text)), speaker, cue_tokens=(token.i,))


def _channel_verb(noun: Token) -> Token | None:
    """The verb a channel noun is the medium of: "mocked ... in (a series of) posts"."""
    prep = noun.head
    if prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.lemma_.lower() in lex.CHANNEL_GROUP_NOUNS:
        prep = prep.head.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or not (verb.lemma_.lower() in lex.CHANNEL_VERBS or is_cue_verb(verb)):
        return None
    return verb


def channel_claims(doc: Doc, quoted: list[tuple[int, int]], cands: Candidates | None = None) -> Iterator[Claim]:
    """ "X mocked the timetable in two posts, calling it a fantasy": the participle clause is X's claim,
    the verb its cue, and the channel a source of its own (social media, a statement)."""
    cands = cands or candidates(doc)
    for noun in cands.channels:
        if _inside(quoted, noun.idx):
            continue
        verb = _channel_verb(noun)
        if verb is None or _reported_clause(verb) is not None:
            continue  # "said in a statement that ...": the verb's own clause is the claim
        participle = next(
            (
                c
                for c in verb.children
                if c.dep_ in lex.PARTICIPLE_CLAUSE_DEPS
                and c.tag_ == "VBG"
                and c.i > noun.i
                and c.lemma_.lower() in lex.CHANNEL_PARTICIPLES
            ),
            None,
        )
        if participle is None or (is_cue_verb(participle) and _reported_clause(participle) is not None):
            continue  # "..., saying it failed": the participle is a cue of its own
        speaker = speaker_of(verb)
        content = clause_span(participle)
        if speaker is None or content[1] <= content[0]:
            continue
        yield Claim(content, "indirect", cue_span(verb), speaker, cue_tokens=(verb.i,), channel=noun)
