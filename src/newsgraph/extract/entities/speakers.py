"""First-person pronouns inside quotations: mentions of the quotation's speaker.

'"We will stay," said Jo Dale' — "We" is Jo Dale speaking, and a reader
attaches it to her, not to a new source called "we". A quotation is a run of
tokens inside quotation marks (``coref.Quotes``); its speaker is the subject of
a speech verb outside the marks, in the quotation's own sentences first, then
the sentence after it, then the one before. A quotation that goes on with no
narration in between (a new paragraph, or the next sentence reopened with a mark
on the same line, as the BBC writes it) keeps the speaker of the one before
unless its own sentences name one; so does a quotation with no speech verb
in or next to it, when the last quotation spoken came at most
``CARRIED_SPEAKER_SENTENCES`` before ('"Video games are new," X said. This
was the case in Uruguay. "It is up to us ..."'). A quotation standing as a sentence of its own
after one that says someone stated or posted something is theirs ("She posted a thank-you to her
fans. '...'"), tried before the carried speaker; so is one after "released" or "issued" something. A
quotation after a colon in its own sentence, with no speech verb ("X was blunt in her view: '...'"),
is spoken by the subject of the narration before the colon. A speech verb whose subject is a statement naming
its author ("'...,' Jo Dale's statement said", "a statement from Jo Dale said") speaks for that
author. A speaker the entity stage
does not know (an unnamed "a spokesman", "Acme's daughter") leaves its
pronouns unresolved: they are no one's mention and no source of their own.

A quotation inside a quotation, in single marks ('"... he will say, 'I regret
it'."'), is someone else speaking: its first person is the subject of the
speech verb it hangs off when that is a known entity, and nobody's otherwise
(a hypothetical speaker, "the one who loses says, 'I ...'").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

from newsgraph.extract.entities import coref
from newsgraph.vocab.parse import NOMINAL_POS
from newsgraph.vocab.pronouns import FIRST_PERSON_FORMS, FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR
from newsgraph.vocab.speech import CHANNEL_NOUNS, CUE_NOUN_VERBS, CUE_NOUNS

#: How many tokens of a speaker phrase's subtree are searched for a known entity ("Acme's chief, Jo Dale").
MAX_SPEAKER_PHRASE_TOKENS = 12
#: The entity type of a person, the only speaker of a singular first person.
PERSON_LABEL = "PERSON"
#: How many heads are climbed from a quotation set inside narration to the clause that has a subject.
MAX_HOST_STEPS = 6
#: Nouns of something said: whoever made it speaks the quotation next to it ("gave an explanation: '...'").
SPEECH_NOUNS = CUE_NOUNS | CHANNEL_NOUNS | frozenset({"explanation", "interview", "response", "reply", "answer",
                                                      "speech", "address", "letter", "email", "note"})
#: Verbs whose subject makes the speech noun they take ("posted a message", "sent a letter"), beside the light verbs.
SPEECH_NOUN_VERBS = CUE_NOUN_VERBS | frozenset({"post", "send", "write", "publish", "tweet", "put"})
#: The dependency of a clause of reported speech under a speech verb ("saying that it was ...").
REPORTED_CLAUSE_DEPS = frozenset({"ccomp"})
#: Verbs of stating and of writing to an audience: their subject introduces a quotation that stands as
#: the next sentence ("X stated his reasons.", "X posted a note."), although the verb has an object of its own.
INTRODUCING_VERBS = frozenset({"state", "post", "write", "tweet", "publish", "release", "issue"})
#: Prepositions that name who made a speech noun ("a statement from Acme", "a letter by the mayor").
SPEECH_NOUN_AUTHOR_PREPS = frozenset({"from", "by"})
#: Nouns that say a person speaks for an organisation ("a spokeswoman for Acme", "Acme spokesman Jo Dale"):
#: their "we" is the organisation's.
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
                          "behalf"})
#: The entity type of an organisation, the one a spokesperson's "we" goes to.
ORGANISATION_LABEL = "ORG"
#: How many sentences after the last spoken quotation an unattributed one still takes its speaker.
CARRIED_SPEAKER_SENTENCES = 3
#: Single quotation marks as tokens: a nested quotation opens with one tagged as an opening mark
#: and closes with one tagged as a closing mark (an apostrophe stays inside its word's token).
SINGLE_QUOTE_TOKENS = frozenset({"'", "\u2018", "\u2019"})
OPENING_MARK_TAG = "``"
CLOSING_MARK_TAG = "''"
#: The mark that leads narration into a quotation of the same sentence ('X was blunt: "..."').
COLON = ":"


def quote_runs(inside: list[bool]) -> list[tuple[int, int]]:
    """The (start, end) token ranges of consecutive tokens inside quotation marks."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, flag in enumerate([*inside, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _phrase_tokens(doc: Doc, token: int) -> list[int]:
    """The tokens of a speaker phrase, without what a possessor brings ("Acme's chief": not Acme)."""
    out: list[int] = []
    stack = [doc[token]]
    while stack and len(out) < MAX_SPEAKER_PHRASE_TOKENS:
        node = stack.pop(0)
        out.append(node.i)
        stack.extend(c for c in node.children if c.dep_ != "poss")
    return out


def _owner(doc: Doc, token: int, owners: dict[int, int]) -> int | None:
    if token in owners:
        return owners[token]
    for k in _phrase_tokens(doc, token):
        if k in owners:
            return owners[k]
    return None


def reports_own_content(doc: Doc, subject: int, inside: list[bool]) -> bool:
    """Whether the speech verb ``subject`` speaks for says its own content in a clause outside quotation marks.

    '"Q." Later his team made a statement saying that it was his choice.': a verb with a reported clause of
    its own ("saying that ...") reports another statement and does not introduce the quotation before it.
    """
    token = doc[subject]
    verb = token.head if token.dep_ in coref.NOMINAL_SUBJECT_DEPS else next(
        (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in coref.QUOTE_VERBS), token.head)
    return any(c.dep_ in REPORTED_CLAUSE_DEPS and not any(inside[k] for k in range(c.left_edge.i, c.right_edge.i + 1))
               for c in verb.children)


def _speaker_in(doc: Doc, quotes: coref.Quotes, sentences: Iterable[int], run: tuple[int, int],
                owners: dict[int, int], after: bool = False) -> tuple[bool, int | None]:
    """Whether sentences ``sentences`` name a speaker (a speech verb's subject), and its group if known.

    The subject of the verb the quotation hangs off comes first ('He said the crowd was "loud"', even
    when the tagger runs the next sentence, with its own speaker, into the quotation's), then the nearest.
    ``after`` says the sentences follow the quotation: there a speech verb with a reported clause of its
    own (``reports_own_content``) names no speaker of it.
    """
    subjects = [t for s in sentences for t in quotes.speech_subjects(s)
                if not (after and reports_own_content(doc, t, quotes.inside))]
    middle = (run[0] + run[1]) / 2
    opening = doc[run[0]]

    def order(t: int) -> tuple[bool, float]:
        return (not doc[t].head.is_ancestor(opening), abs(t - middle))

    ranked = sorted(subjects, key=order)
    if (ranked and doc[ranked[0]].head.is_ancestor(opening) and _owner(doc, ranked[0], owners) is None
            and _author_owner(doc, ranked[0], quotes.inside, owners) is None):
        return True, None  # 'a graphic that said: "If I had ..."': the verb the quotation hangs off has its speaker
    for token in ranked:
        group = _owner(doc, token, owners)
        if group is None:
            group = _author_owner(doc, token, quotes.inside, owners)
        if group is not None:
            return True, group
    return bool(subjects), None  # an unknown speaker ("a spokesman said") is the speaker all the same


def host_subject(doc: Doc, run: tuple[int, int], inside: list[bool]) -> int | None:
    """The subject of the narrated clause a quotation is a part of, or None.

    'Dana Whitlow spoke of the need to "mend our roads"': a quoted phrase set inside a sentence of
    narration with no speech verb is the words of the one the sentence is about, the subject of the
    nearest clause above it outside the marks. A quotation that is a sentence of its own hangs off
    nothing outside it and has no host.
    """
    attach = next((doc[k].head for k in range(*run) if not doc[k].is_punct
                   and not run[0] <= doc[k].head.i < run[1] and not inside[doc[k].head.i]), None)
    node = attach
    for _ in range(MAX_HOST_STEPS):
        if node is None:
            return None
        subject = next((c for c in node.children if c.dep_ in coref.NOMINAL_SUBJECT_DEPS
                        and not inside[c.i] and not run[0] <= c.i < run[1]), None)
        if subject is not None:
            return subject.i
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def colon_lead_subject(doc: Doc, run: tuple[int, int], inside: list[bool]) -> int | None:
    """The subject of the narration that leads into a quotation with a colon in the same sentence, or None.

    'Jo Dale was more cautious in her forecast: "I expect a slow year."': the clause before the colon
    has no speech verb, and the parser often makes the quotation the sentence's root, so the quotation
    hangs off nothing outside it (``host_subject`` finds nothing); the one the clause is about speaks it.
    Only a subject whose verb lies in the narration before the colon counts.
    """
    sent = doc[run[0]].sent
    k = run[0] - 1
    while k >= sent.start and (doc[k].is_quote or not doc[k].text.strip()):
        k -= 1
    if k <= sent.start or doc[k].text != COLON:
        return None
    lead = range(sent.start, k)
    return next((t.i for t in doc[sent.start:k] if t.dep_ in coref.NOMINAL_SUBJECT_DEPS and not inside[t.i]
                 and t.head.i in lead and not inside[t.head.i]), None)


def _author_owner(doc: Doc, subject: int, inside: list[bool], owners: dict[int, int]) -> int | None:
    """The known author of a speech noun that is a speech verb's subject ("Jo Dale's statement said"), or None.

    A statement, letter or post speaks its author's words: "'I regret it,' Mr Dale's statement said" is
    Mr Dale's "I". Only a speech noun naming its author in its own phrase (``speech_noun_authors``) counts.
    """
    if doc[subject].lemma_.lower() not in SPEECH_NOUNS:
        return None
    authors = speech_noun_authors((doc[subject],), inside)
    return _owner(doc, authors[0], owners) if authors else None


def speech_noun_authors(sentence: Iterable[Token], inside: list[bool]) -> list[int]:
    """Who made the speech nouns of a sentence outside quotation marks, in text order.

    "Jo Dale's statement", "a statement from Jo Dale", "Jo Dale gave an explanation", "Jo Dale posted
    a message": a written or spoken thing names its author by a possessor, by "from"/"by", or as the
    subject of the verb that makes it.
    """
    found: list[int] = []
    for token in sentence:
        if inside[token.i] or token.pos_ not in NOMINAL_POS or token.lemma_.lower() not in SPEECH_NOUNS:
            continue
        author = next((c for c in token.children if c.dep_ == "poss"), None)
        if author is None:
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in SPEECH_NOUN_AUTHOR_PREPS), None)
            author = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if author is None and token.dep_ == "dobj" and token.head.lemma_.lower() in SPEECH_NOUN_VERBS:
            author = next((c for c in token.head.children if c.dep_ in coref.NOMINAL_SUBJECT_DEPS), None)
        if author is not None and not inside[author.i]:
            found.append(author.i)
    return found


def _speaker(doc: Doc, quotes: coref.Quotes, sents: list[int], run: tuple[int, int], owners: dict[int, int],
             carried: tuple[int, int | None] | None, goes_on: bool) -> tuple[bool, int | None]:
    """Whether a speaker is written for the quotation ``run``, and its group when it is a known entity.

    ``carried`` is the sentence and speaker of the last quotation that had one; ``goes_on`` says that
    only quotation marks and line breaks separate this quotation from that one.
    """
    first, last = sents[run[0]], sents[run[1] - 1]
    written, group = _speaker_in(doc, quotes, range(first, last + 1), run, owners)
    if written:
        return written, group
    host = host_subject(doc, run, quotes.inside)
    if host is not None and _owner(doc, host, owners) is not None:
        return True, _owner(doc, host, owners)
    lead = colon_lead_subject(doc, run, quotes.inside)
    if lead is not None and _owner(doc, lead, owners) is not None:
        return True, _owner(doc, lead, owners)
    if goes_on and carried is not None:
        return True, carried[1]
    if carried is not None and first - carried[0] == 1:
        # '"Q1," X said. "Q2."': a quotation opening the sentence right after an attributed one goes on
        # in its voice; the next sentence's speech verb more often opens someone else's ("Y said he ...").
        return True, carried[1]
    for sentences, after in (((last + 1,), True), ((first - 1,), False)):
        written, group = _speaker_in(doc, quotes, sentences, run, owners, after=after)
        if written:
            return written, group
    spans = [doc[run[0]].sent]
    if run[0] >= 1 and doc[run[0]].sent.start >= 1:
        spans.append(doc[doc[run[0]].sent.start - 1].sent)
    for span in spans:
        authors = [a for a in speech_noun_authors(span, quotes.inside) if _owner(doc, a, owners) is not None]
        if authors:
            return True, _owner(doc, authors[0], owners)
    introducer = _introducing_subject(doc, run, quotes.inside, owners)
    if introducer is not None:
        return True, introducer
    if carried is not None and first - carried[0] <= CARRIED_SPEAKER_SENTENCES:
        return True, carried[1]
    return False, None


def _introducing_subject(doc: Doc, run: tuple[int, int], inside: list[bool], owners: dict[int, int]) -> int | None:
    """The known subject of a verb of stating or posting in the sentence before a quotation that opens its own.

    'Jo Dale stated her reasons. "I will not stand ..."' and 'She posted a note to her fans. "I am sorry
    ..."': a sentence that says someone stated or wrote something, followed by a quotation standing as
    a sentence of its own, introduces that quotation, although its verb takes an object and no quotation.
    """
    sent = doc[run[0]].sent
    if sent.start < 1 or not _only_marks(doc, sent.start, run[0], coref.token_strings(doc, ORTH)):
        return None
    for token in doc[sent.start - 1].sent:
        if inside[token.i] or token.lemma_.lower() not in INTRODUCING_VERBS:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ in coref.NOMINAL_SUBJECT_DEPS and not inside[c.i]), None)
        owner = _owner(doc, subject.i, owners) if subject is not None else None
        if owner is not None:
            return owner
    return None


def nested_quotations(doc: Doc, run: tuple[int, int]) -> list[tuple[int, int]]:
    """The (start, end) token ranges of quotations in single marks inside the quotation ``run``.

    One left open ends with its sentence: a lost closing mark, or an opening mark the tagger
    misread, must not take the outer speaker's later sentences.
    """
    found: list[tuple[int, int]] = []
    start = None
    orths = coref.token_strings(doc, ORTH)
    for k in range(*run):
        if orths[k] not in SINGLE_QUOTE_TOKENS:
            continue
        token = doc[k]
        if start is None and (token.tag_ == OPENING_MARK_TAG or token.text == "\u2018"):
            start = k + 1
        elif start is not None and token.tag_ == CLOSING_MARK_TAG:
            found.append((start, k))
            start = None
    if start is not None:
        found.append((start, min(run[1], doc[start - 1].sent.end)))
    return found


def _nested_speaker(doc: Doc, nested: tuple[int, int], owners: dict[int, int], outer: int | None) -> int | None:
    """The known entity speaking a nested quotation: the subject of the speech verb its opening mark hangs off.

    A first-person subject is the outer quotation's speaker ('"I told them, 'We stay'"'), and so is
    a nested quotation no speech verb with a subject introduces (a phrase in scare quotes).
    """
    mark = doc[nested[0] - 1]
    verb = mark.head
    subject = next((c for c in verb.children if c.dep_ in coref.NOMINAL_SUBJECT_DEPS and c.i < mark.i), None)
    if subject is None or verb.lemma_.lower() not in coref.QUOTE_VERBS:
        return outer
    if subject.lower_ in FIRST_PERSON_FORMS:
        return outer
    return owners.get(subject.i)


def _only_marks(doc: Doc, start: int, end: int, orths: list[str]) -> bool:
    """True when tokens ``start:end`` are only quotation marks, punctuation and line breaks."""
    return all(not orths[k].strip() or doc[k].is_punct or doc[k].is_quote for k in range(start, end))


def spoken_for(doc: Doc, quotes: coref.Quotes, owners: dict[int, int], labels: list[str]) -> dict[int, int]:
    """Person group → the organisation it speaks for, when a speech verb's subject phrase says so.

    "Jo Dale, a spokeswoman for Acme, said", "Acme spokesman Jo Dale said", "Jo Dale said on behalf
    of Acme": the person's "we" in a quotation is the organisation's (their "I" stays theirs).
    """
    found: dict[int, int] = {}
    lowers = coref.token_strings(doc, LOWER)
    for sent in sorted(set(quotes.sents)):
        for subject in quotes.speech_subjects(sent):
            person = _owner(doc, subject, owners)
            if person is None or labels[person] != PERSON_LABEL:
                continue
            head = doc[subject].head
            # the subtree lies between its edges: walk it only when "behalf" is written there
            behalf = "behalf" in lowers[head.left_edge.i : head.right_edge.i + 1]
            phrase = _phrase_tokens(doc, subject) + ([c.i for c in head.subtree
                                                      if c.lower_ == "behalf" and not quotes.inside[c.i]]
                                                     if behalf else [])
            if not any(doc[k].lower_ in SPOKES_NOUNS for k in phrase):
                continue
            phrase += [c.i for k in phrase if doc[k].lower_ == "behalf" for c in doc[k].subtree]
            org = next((owners[k] for k in phrase if k in owners and labels[owners[k]] == ORGANISATION_LABEL), None)
            if org is not None:
                found.setdefault(person, org)
    return found


def first_person_mentions(doc: Doc, quotes: coref.Quotes, sents: list[int], owners: dict[int, int],
                          blocked: set[int], labels: list[str] | None = None) -> list[tuple[int, int]]:
    """(token, group) for each first-person pronoun inside a quotation whose speaker is a known entity.

    ``owners`` maps the tokens of entity mentions (names, resolved pronouns and
    descriptions) to their group; ``labels``, when given, the entity type of each
    group: "I" is a person's (an organisation speaks as "we"), so a singular first
    person whose speaker is no person is left unresolved ('the head of the
    Commission responded: "Says who? I think ..."').
    """
    lowers = coref.token_strings(doc, LOWER)
    if FIRST_PERSON_FORMS.isdisjoint(lowers):  # (the words tested in C, not by a generator per token)
        return []
    orths = coref.token_strings(doc, ORTH)
    found: list[tuple[int, int]] = []
    speaks_for = spoken_for(doc, quotes, owners, labels) if labels is not None else {}
    previous_end: int | None = None
    carried: tuple[int, int | None] | None = None  # (last sentence, speaker) of the last spoken quotation
    for run in quote_runs(quotes.inside):
        goes_on = previous_end is not None and _only_marks(doc, previous_end, run[0], orths)
        written, speaker = _speaker(doc, quotes, sents, run, owners, carried, goes_on)
        previous_end = run[1]
        if written:
            carried = (sents[run[1] - 1], speaker)
        elif not goes_on:
            carried = None
        nested = nested_quotations(doc, run)
        for k in range(*run):
            if lowers[k] not in FIRST_PERSON_FORMS or k in blocked:
                continue
            inner = next((n for n in nested if n[0] <= k < n[1]), None)
            who = speaker if inner is None else _nested_speaker(doc, inner, owners, speaker)
            if who is None or (labels is not None and lowers[k] in FIRST_PERSON_SINGULAR
                               and labels[who] != PERSON_LABEL):
                continue
            if lowers[k] in FIRST_PERSON_PLURAL and who in speaks_for:
                who = speaks_for[who]  # "a spokeswoman for Acme said: 'We ...'": Acme
            found.append((k, who))
    return found
