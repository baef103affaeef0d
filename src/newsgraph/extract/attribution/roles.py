"""Who a source is: its role, read from the article's own words about it.

The words are the ones that describe the source where the article names it:

- the source's own phrases ("a senior official", "a spokeswoman for the ministry",
  "the company");
- for a source that is an entity, the title written before each of its names
  ("Health Ministry spokeswoman Jane Doe", "Mr Doe"), the appositives next to them
  ("Jane Doe, a professor at Leeds"), and the descriptions the entity stage
  resolved to it ("the finance minister");
- for an organisation, the words of its name ("Ministry of Defence", "Acme Corp").

Each phrase is read head first ("spokeswoman" decides "a spokeswoman for the
ministry", not "ministry"), then the words before the head from the nearest
("Health Ministry spokeswoman"), then, for a head that names no role, what it is
attached to ("a source at the ministry"). A word is looked up in the stage's role
list (``lexicons.ROLE_WORDS``), then in the Phoenix agents dictionary that the
event stage codes actors with (``vocab.phoenix``, PETRARCH-2), its codes mapped to roles
by ``lexicons.ROLE_OF_PHOENIX_CODE``. Each phrase votes for the role of its first
hit; the most voted role wins (the earliest on a tie), with the words that voted
for it as evidence. Nothing is guessed from a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.attribution import lexicons as lex
from newsgraph.extract.attribution.reported import phrase_of
from newsgraph.record import Entity, Source, TextSpan
from newsgraph.vocab.parse import DETERMINER_DEPS
from newsgraph.vocab.phoenix import agent_table, country_only
from newsgraph.vocab.pronouns import PERSON_PRONOUN_GENDERS

#: Source kinds whose role is their kind: a news organisation is media whatever it is called.
MEDIA_KINDS = frozenset({"media"})
#: Source kinds that get no role: a document, a post or unattributed reporting is no one.
ROLELESS_KINDS = frozenset({"document", "social", "unstated"})
#: Roleless kinds whose source can still be someone: a post signed by a named account ("— City Police
#: (@citypolice)") is its author speaking, and the author's words give the role.
AUTHORED_KINDS = frozenset({"social"})
#: Parts of speech that end a title read leftwards from a name ("said Finance Minister X": not "said").
TITLE_STOP_POS = frozenset({"VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PRON", "NUM", "SPACE"})
#: Longest title read before a name, in tokens.
MAX_TITLE_TOKENS = 8
#: Fewest words of a name shared by two person entities for them to be taken for one person (``same_person``).
MIN_SHARED_NAME_WORDS = 2


class NoVote:
    """A phrase that says what the person heads, though not its role: it casts no vote (``NO_VOTE``)."""


NO_VOTE = NoVote()


@dataclass(slots=True)
class Phrase:
    """Words describing a source: its head, the words before the head, and what the head is attached to."""

    head: Token
    left: list[Token]  # nearest first
    attached: list[Token] = field(default_factory=list)
    #: Token indices of the person's own name: never read as a role or gender word ("Mr King").
    name: frozenset[int] = frozenset()

    def role_order(self) -> list[Token]:
        return [self.head, *self.left, *self.attached]


@dataclass(slots=True)
class Described:
    """What the article says of one source: its phrases and the pronouns resolved to it."""

    phrases: list[Phrase]
    pronouns: list[tuple[int, int]]  # character offsets of he/she/his/her ... mentions
    #: News organisations written as the possessor of the person's name ("CBS News's Jo Ray"): their staff.
    outlets: list[tuple[int, int]] = field(default_factory=list)


def _span(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def owned(token: Token, stop: Token) -> bool:
    """True when ``token`` hangs below a possessor on its way to ``stop`` ("her" or "the mother's" in
    "the mother's lawyer"): such words are about someone else."""
    node, hops = token, 0
    while node.i != stop.i and hops < MAX_TITLE_TOKENS:
        if node.dep_ == "poss":
            return True
        if node.head.i == node.i:
            break
        node, hops = node.head, hops + 1
    return False


def _owned_by_person(token: Token, stop: Token) -> bool:
    """True when ``token`` is a word of a person's name or title written as the possessor on its way to
    ``stop`` ("President-elect" in "President-elect Jo Ray's transition team"): that person's role, not the
    possessed one's. A possessor that is no person ("the company's Jo Ray") still says where one works."""
    node, hops = token, 0
    while node.i != stop.i and hops < MAX_TITLE_TOKENS:
        if node.dep_ == "poss":
            return node.ent_type_ == "PERSON" and node.i != token.i
        if node.head.i == node.i:
            break
        node, hops = node.head, hops + 1
    return False


def _show_role(token: Token) -> bool:
    """``token`` is a judge's or a mogul's title in entertainment: right after a show's name in quotation marks
    ("the "Talent Hour" judge") or a show's or an art's word ("the music mogul", "the social media mogul")."""
    if token.lower_ not in lex.SHOW_ROLE_NOUNS or token.i == 0:
        return False
    doc = token.doc
    before = doc[token.i - 1]
    two = doc[max(token.i - 2, 0) : token.i].text.lower()
    return before.is_quote or before.lower_ in lex.SHOW_WORDS or two in lex.SHOW_PHRASES


def _in_non_government_name(token: Token) -> bool:
    """``token`` is a capitalised word inside a name headed by a body that is no government's ("Government" in
    "the Government Accountability Project"): the name's head says what the body is."""
    node, hops = token, 0
    while node.dep_ == "compound" and node.head.i != node.i and hops < MAX_TITLE_TOKENS:
        node, hops = node.head, hops + 1
    return node.i != token.i and token.text[:1].isupper() and node.lower_ in lex.NON_GOVERNMENT_BODY_HEADS


def _capitalised_in_text(token: Token) -> bool:
    """``token`` is capitalised where a sentence does not start: a word of a name ("the Spice Girls")."""
    return token.text[:1].isupper() and not token.is_sent_start


def _in_attachment(token: Token, stop: Token) -> bool:
    """True when ``token`` is inside a prepositional phrase on its way to ``stop`` ("women" in
    "spokeswoman for women Sandra Gidley"): it says what the person is attached to, not who they are."""
    node, hops = token, 0
    while node.i != stop.i and hops < MAX_TITLE_TOKENS:
        if node.dep_ in ("prep", "pobj", "agent"):
            return True
        if node.head.i == node.i:
            break
        node, hops = node.head, hops + 1
    return False


def _phrase(span: Span, name: frozenset[int] = frozenset()) -> Phrase:
    head = _person_head(span)
    before = [t for t in reversed(span) if t.i < head.i and not t.is_punct]
    left = [t for t in before if not _in_attachment(t, head)]
    attached: list[Token] = [t for t in before if _in_attachment(t, head)]
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in lex.ROLE_PREPOSITIONS and span.start <= prep.i < span.end:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                attached.append(pobj)
                attached.extend(t for t in reversed(list(pobj.subtree)) if t.i < pobj.i and not t.is_punct)
                # "the New York office of the watchdog group X": the organisation the branch is of
                for owner in (o for c in pobj.children if _is_branch_of(c) for o in c.children if o.dep_ == "pobj"):
                    if span.start <= owner.i < span.end:
                        attached.append(owner)
                        attached.extend(t for t in reversed(list(owner.subtree)) if t.i < owner.i and not t.is_punct)
    return Phrase(head=head, left=left, attached=attached, name=name)


def _person_head(span: Span) -> Token:
    """The head of a phrase about a person: the parser's root, unless the root is a kind of body and the
    phrase ends on a role noun inside the root's attachment ("A Department for Education and Skills
    spokeswoman", parsed as a department "for ... spokeswoman"): an English noun phrase ends on its head.
    A role noun with a determiner of its own heads a phrase of its own inside the body's name ("the Office
    of the Inspector General"), and the body stays the head."""
    root = span.root
    last = next((t for t in reversed(span) if not t.is_punct), root)
    if (last.i > root.i and root.lower_ in lex.ORG_NOUNS and last.lower_ in lex.ROLE_NOUNS
            and _in_attachment(last, root) and not any(c.dep_ in DETERMINER_DEPS for c in last.children)):
        return last
    return root


def _is_branch_of(token: Token) -> bool:
    """``token`` is the "of" after a branch noun ("office of", "bureau of"): the branch of an organisation."""
    branch = token.head
    return token.dep_ == "prep" and token.lower_ == "of" and branch.text.islower() and branch.lower_ in lex.BRANCH_NOUNS


def _title_run(doc: Doc, name: Span) -> list[Token]:
    """The words right before a name that hang on it: its title ("Health Ministry spokeswoman"), nearest first."""
    inside = set(range(name.start, name.end))
    run: list[Token] = []
    i = name.start - 1
    while i >= 0 and len(run) < MAX_TITLE_TOKENS:
        tok = doc[i]
        if tok.is_space or tok.pos_ in TITLE_STOP_POS or (tok.is_punct and tok.tag_ != "POS"):
            break
        node, hops = tok, 0
        while node.i not in inside and node.head.i != node.i and hops < 4 and node.head.i >= i:
            node, hops = node.head, hops + 1
        if node.i not in inside and not (not run and _loose_title(tok)):
            break
        run.append(tok)
        inside.add(i)
        i -= 1
    return run


def _loose_title(token: Token) -> bool:
    """``token``, right before a name, is its title though the parser hung it elsewhere: a lower-case role noun
    ("... 2016  Tulsa police spokeswoman Jo Ray told ...", where a dateline's run of capitals can make the
    noun an object of the word before it). A lower-case noun naming a role written against a capitalised name
    is that person's title in news English; a capitalised word is not taken this way (it may be a name's
    part, an organisation's or a headline's word)."""
    return token.pos_ == "NOUN" and token.text.islower() and token.lower_ in lex.ROLE_NOUNS


def _listed_name(token: Token) -> bool:
    """``token``, the word a name is an appositive of, is another name, not a description: the parser hangs
    the second of a list of titled names on the first ("comments from Dunmore Mayor Jo Ray, Sen. Al Fry and
    ..."), and the first one's title is not the second's. A proper noun that is a role word ("the Mayor, Jo
    Ray") still describes the name after it."""
    return token.pos_ == "PROPN" and token.lower_ not in lex.ROLE_NOUNS


def _name_phrases(doc: Doc, name: Span, own: frozenset[int]) -> list[Phrase]:
    """A name's title and its appositives ("Jane Doe, a professor"; "a spokeswoman, Jane Doe")."""
    found = [Phrase(head=name.root, left=_title_run(doc, name), name=own)]
    root = name.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= name.end:
            found.append(_phrase(phrase_of(child), own))
    if root.dep_ == "appos" and root.head.i < name.start and not root.head.ent_type_ \
            and not _listed_name(root.head):
        found.append(_phrase(phrase_of(root.head), own))
    found.extend(_predicate_phrases(root, own))
    return found


def _predicates(verb: Token) -> list[Token]:
    """The nouns an affirmative clause says its subject is: after "be" ("is a professor"), or after "as" on a
    verb with no object of its own ("served as finance minister", "will continue as his physician"; in
    "described the plan as a gift" the "as" is about the plan). One person is one thing, so a plural noun
    is left out; so is a noun an auxiliary follows, the subject of a clause the parser hung on the copula
    ("he was certain MPs would ..."), and a plain noun of sex ("the first woman to ..."), which says no role."""
    if any(c.dep_ == "neg" for c in verb.children) or _future(verb):
        return []
    found = []
    if verb.lemma_ == "be":
        found = [c for c in verb.children if c.dep_ == "attr"]
    elif not any(c.dep_ in lex.OBJECT_DEPS for c in verb.children):
        found = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in lex.PREDICATE_PREPOSITIONS
                 for o in c.children if o.dep_ == "pobj"]
    doc = verb.doc
    return [t for t in found if t.tag_ in lex.PREDICATE_NOUN_TAGS and t.lower_ not in lex.PERSON_NOUN_GENDERS
            and not (t.right_edge.i + 1 < len(doc) and doc[t.right_edge.i + 1].pos_ == "AUX")]


def _future(verb: Token) -> bool:
    """``verb`` says what its subject will be, not what it is: a future auxiliary ("will be sworn in as
    president", "will serve as mayor"). An office to come is not held yet (the role convention: a
    president-elect is a politician)."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.FUTURE_AUXILIARIES for c in verb.children)


def _predicate_phrases(subject: Token, own: frozenset[int]) -> list[Phrase]:
    """What a clause says the named person is: "Jo Ray, who is a professor at Leeds", "Jo Ray is an
    economist", "Jo Ray served as finance minister" (read as an appositive is), ``subject`` the name's head.

    Clauses on a pronoun are not read: a pronoun the entity stage gives the wrong person ("X accused Lord Y
    of ..., when he was cabinet secretary") would hand over that person's office."""
    verbs = [c for c in subject.children if c.dep_ == "relcl"]
    if subject.dep_ in lex.SUBJECT_DEPS and subject.head.i != subject.i:
        verbs.append(subject.head)
    return [_phrase(phrase_of(noun), own) for verb in verbs for noun in _predicates(verb)]


def _name_words(entity: Entity) -> tuple[str, ...]:
    return tuple(entity.name.lower().split())


def same_person(entity: Entity, entities: Sequence[Entity]) -> list[Entity]:
    """Other person entities of the article that carry the same person's name, split off by the entity stage
    ("Debbie Wasserman Schultz" and "Wasserman Schultz"): their titles and appositives describe this person too.

    One name must end with the other, the shorter of at least ``MIN_SHARED_NAME_WORDS`` words (a surname alone
    is shared by families), and the shorter must end no two different longer names ("Wasserman Schultz" of
    both "Debbie" and "Dan"): otherwise nothing is joined.
    """
    mine = _name_words(entity)
    people = [e for e in entities if e.type == "PERSON" and e is not entity]

    def ends(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
        return len(short) >= MIN_SHARED_NAME_WORDS and long[-len(short) :] == short

    def unique(short: tuple[str, ...]) -> bool:
        longer = {_name_words(e) for e in (*people, entity) if len(_name_words(e)) > len(short)
                  and ends(_name_words(e), short)}
        return len(longer) <= 1

    def joins(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
        if long == short:
            return len(short) >= MIN_SHARED_NAME_WORDS
        return ends(long, short) and unique(short)

    return [o for o in people if joins(*sorted((mine, _name_words(o)), key=len, reverse=True))]


def _inside(spans: Sequence[tuple[int, int]], start: int) -> bool:
    return any(s <= start < e for s, e in spans)


def _pronouns_of_others(entity: Entity | None, entities: list[Entity]) -> set[tuple[int, int]]:
    """The offsets of the pronoun mentions of every entity but ``entity``.

    Built only when a source without an entity has a pronoun of its own: it walks every mention of
    the article, and most sources never ask.
    """
    return {(m.start, m.end) for e in entities if e is not entity for m in e.mentions if m.kind == "pronoun"}


def described(
    doc: Doc, source: Source, entity: Entity | None, entities: list[Entity], quoted: Sequence[tuple[int, int]] = ()
) -> Described:
    """The phrases and pronouns of the article that describe ``source`` (``entity``: the one it names).

    A pronoun inside quotation marks (``quoted``, the quotes' inner spans) is not read: it is the quoted
    speaker's word for someone else ("welcomed Blair's "courage in keeping his word"" says nothing of
    the speaker), and a resolver that gives it to the speaker would make it evidence.
    """
    phrases: list[Phrase] = []
    pronouns: list[tuple[int, int]] = []
    names: list[Span] = []
    if entity is not None and entity.type == "PERSON":
        for other in same_person(entity, entities):
            names.extend(span for m in other.mentions if m.kind == "name" and (span := _span(doc, m.start, m.end)))
    if entity is not None:
        for m in entity.mentions:
            if m.kind == "pronoun":
                if m.text.lower() in PERSON_PRONOUN_GENDERS and not _inside(quoted, m.start):
                    pronouns.append((m.start, m.end))
                continue
            span = _span(doc, m.start, m.end)
            if span is None:
                continue
            if m.kind == "name" and entity.type == "PERSON":
                names.append(span)
            else:
                phrases.append(_phrase(span))  # a description, or an organisation's own name ("Acme Corp")
    own = frozenset(t.i for span in names for t in span)
    others: set[tuple[int, int]] | None = None  # the other entities' pronouns, read only for an unnamed source
    # This stage's own "she said" resolution goes by recency, so it is read only for an unnamed source
    # ("a senior official ... she said"): for a name no entity covers (a party, a film title taken for a
    # speaker) the nearest pronoun is as likely someone else's.
    unnamed = entity is None and not any(
        (span := _span(doc, m.start, m.end)) is not None and span.root.pos_ == "PROPN" for m in source.mentions
    )
    for span in names:
        phrases.extend(_name_phrases(doc, span, own))
    for m in source.mentions:
        span = _span(doc, m.start, m.end)
        if span is None:
            continue
        if len(span) == 1 and span[0].lower_ in PERSON_PRONOUN_GENDERS:
            at = (span[0].idx, span[0].idx + len(span[0].text))
            # This stage's own "he"/"she" resolution goes by recency, not gender: for a source that is an
            # entity, only the entity stage's pronouns count (they agree in gender and binding); for one
            # without ("a senior official ... she said"), this stage's, unless the entity stage gave the
            # pronoun to someone else.
            if unnamed:
                if others is None:
                    others = _pronouns_of_others(entity, entities)
                if at not in others and not _inside(quoted, at[0]):
                    pronouns.append(at)
            continue
        phrases.append(_phrase(span, own | frozenset(t.i for t in span if t.ent_type_ == "PERSON"
                                                      and t.pos_ == "PROPN")))
    seen: set[tuple[int, tuple[int, ...]]] = set()
    unique = []
    for p in phrases:
        key = (p.head.i, tuple(t.i for t in p.left))
        if key not in seen:
            seen.add(key)
            unique.append(p)
    outlets = sorted({found for span in names if (found := _outlet_possessor(doc, span)) is not None})
    return Described(unique, sorted(set(pronouns)), outlets)


def _outlet_possessor(doc: Doc, name: Span) -> tuple[int, int] | None:
    """The character offsets of a news organisation's name written as the possessor right before a person's name
    ("CBS News's Jo Ray", "the "Morning Hour" TV show's Jo Ray"): the person works for it, so is media.

    The possessor is the run of capitalised words before the "'s" (quotation marks around it skipped); it
    counts when a news name's word is in it (``lex.MEDIA_NAME_RE``) and no word of it is a person's name
    ("Dana Fox's aide" is no outlet's)."""
    i = name.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i < 1 or doc[i].tag_ != "POS":
        return None
    end = i
    i -= 1
    while i >= 0 and not doc[i].is_space and (doc[i].text[:1].isupper() or doc[i].is_quote) \
            and end - i <= MAX_TITLE_TOKENS:
        i -= 1
    return _outlet_name(doc, [t for t in doc[i + 1 : end] if not t.is_quote])


def _outlet_name(doc: Doc, words: Sequence[Token]) -> tuple[int, int] | None:
    """The character offsets of ``words`` when they name a news organisation: a news name's word
    (``lex.MEDIA_NAME_RE``) in their text and none of them a person's name ("ABC News", not "Ellen Sun").

    One test for every place the role stage asks whether a name is an outlet's, so a possessor before a
    person and a source's own mention are judged alike."""
    if not words or any(t.ent_type_ == "PERSON" for t in words):
        return None
    start, stop = words[0].idx, words[-1].idx + len(words[-1].text)
    return (start, stop) if lex.MEDIA_NAME_RE.search(doc.text[start:stop]) else None


def _lookup(doc: Doc, p: int, floor: int) -> tuple[str, int] | None:
    """The role of the words ending at token ``p`` (longest phrase first; the stage's list, then Phoenix),
    with the index of the phrase's first token."""
    agents = agent_table()
    head = doc[p]
    if head.text.islower() and head.lower_ in lex.LOWERCASE_FIRST_WORDS and head.dep_ not in lex.MODIFIER_DEPS:
        return lex.LOWERCASE_ROLE_WORDS[head.lower_], p  # "a rep for X": not "Rep. X"
    for n in range(min(lex.MAX_ROLE_WORDS, p - floor + 1), 0, -1):
        words = doc[p - n + 1 : p + 1]
        if any(t.is_space for t in words):
            continue
        if words[0].is_punct:
            continue
        # the words as the tokenizer split them ("think - tank"), and as written ("think-tank")
        for key in dict.fromkeys((" ".join(t.lower_ for t in words), words.text.lower())):
            if key in lex.NO_ROLE_WORDS:
                break
            role = lex.ROLE_WORDS.get(key)
            if role is None and words.text.islower() and words[-1].dep_ not in lex.MODIFIER_DEPS:
                role = lex.LOWERCASE_ROLE_WORDS.get(key)  # "an executive at X", not "executive director"
            if role is None:
                code = agents.get(key)
                role = lex.ROLE_OF_PHOENIX_CODE.get(code[:3]) if code else None
            if role is not None:
                return role, p - n + 1
    word = doc[p].lower_
    if word.endswith(lex.EXPERT_SUFFIXES) and word not in lex.NOT_EXPERT_WORDS:
        return "expert", p  # "a gastroenterologist", "the volcanologist"
    return None


def _text_span(doc: Doc, first: int, last: int, text: str) -> TextSpan:
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    return TextSpan(start=start, end=end, text=text[start:end])


def _party_portfolio(
    doc: Doc, phrase: Phrase, first: int, floor: int, *, subject: bool = True
) -> tuple[int, int] | None:
    """The party words before a title: a party's officer is a politician ("the Lib Dem chief executive").

    With ``subject`` (a spokesperson), only with a subject noun between the party and the title ("Lib Dem
    home affairs spokesman", "the Green Party's health spokeswoman": a party's frontbench figure); "a
    Labour spokesman" speaks for the party and stays a spokesperson.
    """
    portfolio = not subject
    for tok in phrase.left:  # nearest first
        if tok.i >= first or tok.i in phrase.name:
            continue
        if tok.pos_ in ("DET", "PART") or tok.tag_ == "POS":
            continue
        hit = _lookup(doc, tok.i, floor)
        if hit is None:
            portfolio = portfolio or tok.pos_ == "NOUN"
            continue
        return (hit[1], tok.i) if hit[0] == "politician" and portfolio else None
    return None


def phrase_role(doc: Doc, phrase: Phrase, text: str) -> tuple[str, list[TextSpan], float] | None:
    """The role the first role word of ``phrase`` gives (head first), with its words and the weight of its
    vote; None without one.

    A vote counts half when its word is weak (``lex.WEAK_ROLE_WORDS``: a doctorate, a party's name, which an
    office holder has too) or when it comes from what the source is attached to ("Jo Hart of the Lisbon
    Council, a citizen action group": the council's name says less of her than the words about it).
    """
    floor = min((t.i for t in phrase.left), default=phrase.head.i)
    attached = {t.i for t in phrase.attached}
    named = _whole_name_role(doc, phrase.head, text) if phrase.head.i not in phrase.name else None
    if named is not None:
        return named[0], named[1], 1.0
    headed = _headed_organisation(doc, phrase, text)
    if headed is NO_VOTE:
        return None
    if headed is not None:
        return headed
    of_phrase = _of_phrase_role(doc, phrase, text)
    if of_phrase is not None:
        return of_phrase
    for tok in phrase.role_order():
        if tok.i in phrase.name or (tok.i in attached and any(_is_branch_of(c) for c in tok.children)):
            continue  # a branch ("the London office of X") is what X is
        if tok.i not in attached and tok.lower_ in lex.ENTERTAINER_NOUNS:
            return None  # "the reality television star": a performer, whatever medium the words before name
        if phrase.head.i in phrase.name and tok.lower_ in lex.KINSHIP_GENDERS:
            return None  # "with husband Jo Ray": whose relative the person is, not what they are
        if tok.i not in attached and _show_role(tok):
            return None  # "the "Talent Hour" judge", "the music mogul": a part in entertainment
        if tok.lower_ in lex.PERSON_NOUN_GENDERS and (tok.i in attached or _capitalised_in_text(tok)):
            continue  # "one of the first women to ...", "the Spice Girls": a plain noun of sex names no role
        if tok.i not in attached and _owned_by_person(tok, phrase.head):
            continue  # "President-elect Jo Ray's transition team": the possessor's title
        if tok.i in attached and (named := _whole_name_role(doc, tok, text)) is not None:
            return named[0], named[1], 0.5  # "Jo Fry of the Bank of Japan"
        hit = _lookup(doc, tok.i, floor if tok.i <= phrase.head.i else tok.left_edge.i)
        if hit is None:
            continue
        role, first = hit
        if role == "official" and _in_non_government_name(doc[first]):
            continue  # "director of the Government Accountability Project": no office of government
        evidence = [_text_span(doc, first, tok.i, text)]
        if role == "official" and tok is phrase.head and first == tok.i:
            if tok.lower_ in lex.POLICE_AGENCIES:
                return "security", evidence, 1.0  # "the FBI said": a police agency, its director an official
            body = _security_body(doc, phrase, floor, text)
            if body is not None:
                return "security", [body], 1.0
        if role == "official":
            # "shadow chancellor", "opposition spokesman on X": a party figure, not the office holder
            qualifier = next((t for t in phrase.left if t.i < first and t.lower_ in lex.POLITICAL_QUALIFIERS), None)
            if qualifier is not None:
                role = "politician"
                evidence.insert(0, _text_span(doc, qualifier.i, qualifier.i, text))
            elif any(t.i < first and t.lower_ in lex.FORMER_WORDS for t in phrase.left):
                # "Former Tory chancellor X", "Tory ex-minister X": out of office, a party's politician
                party = _party_portfolio(doc, phrase, first, floor, subject=False)
                if party is not None:
                    role = "politician"
                    evidence.insert(0, _text_span(doc, *party, text))
        elif role in ("spokesperson", "business") and tok.i not in attached:
            # "Lib Dem home affairs spokesman", "the Lib Dem chief executive": a party's officer
            party = _party_portfolio(doc, phrase, first, floor, subject=role == "spokesperson")
            if party is not None:
                role = "politician"
                evidence.insert(0, _text_span(doc, *party, text))
        weak = evidence[-1].text.lower() in lex.WEAK_ROLE_WORDS or tok.i in attached
        return role, evidence, 0.5 if weak else 1.0
    return _board_role(doc, phrase, text)


def _security_body(doc: Doc, phrase: Phrase, floor: int, text: str) -> TextSpan | None:
    """The security word before a generic body head ("Police" in "the Seattle Police Department"): the
    body is the police, not a ministry. Only the nearest content word is read, so "the Justice
    Department's police liaison office" is still an office of government."""
    if phrase.head.lower_ not in lex.GENERIC_BODY_HEADS:
        return None
    for tok in phrase.left:  # nearest first
        if tok.i in phrase.name or tok.pos_ in ("DET", "PART", "PUNCT") or tok.tag_ == "POS":
            continue
        hit = _lookup(doc, tok.i, floor)
        return _text_span(doc, hit[1], tok.i, text) if hit is not None and hit[0] == "security" else None
    return None


def _of_phrase_role(doc: Doc, phrase: Phrase, text: str) -> tuple[str, list[TextSpan], float] | None:
    """A title written with "of" ("chief of staff", "leader of Essex County Council"): the words from the head
    to its object looked up as one phrase, else the object and the head as the compound they stand for
    ("council leader", "communications director"). Read only for a head that names no role of its own
    ("leader", "director", "chief"), whose words alone would leave the role to what it is attached to."""
    head = phrase.head
    if head.i in phrase.name or head.lower_ not in lex.NO_ROLE_WORDS:
        return None
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")):
            role = None
            words = doc[head.i : obj.i + 1]
            if len(words) <= lex.MAX_ROLE_WORDS and not any(t.is_punct or t.is_space for t in words):
                role = lex.ROLE_WORDS.get(words.text.lower())
                if role is None:
                    code = agent_table().get(words.text.lower())
                    role = lex.ROLE_OF_PHOENIX_CODE.get(code[:3]) if code else None
            if role is None:
                role = lex.ROLE_WORDS.get(f"{obj.lower_} {head.lower_}")
            if role is not None:
                return role, [_text_span(doc, head.i, obj.i, text)], 1.0
    return None


def _whole_name_role(doc: Doc, head: Token, text: str) -> tuple[str, list[TextSpan]] | None:
    """The role of an organisation's whole name, read before its head word ("the Bank of Japan" is a central
    bank, though "bank" alone is a business): the head and what follows it, up to ``lex.MAX_ROLE_WORDS`` words."""
    if not head.text[:1].isupper():
        return None
    # longest first, so "Chamber of Commerce in Columbia" is read as the chamber of commerce it names
    for last in range(min(head.right_edge.i, head.i + lex.MAX_ROLE_WORDS - 1), head.i, -1):
        words = doc[head.i : last + 1]
        if any(t.is_space or t.is_punct for t in words):
            continue
        role = lex.ROLE_WORDS.get(words.text.lower())
        if role:
            return role, [_text_span(doc, head.i, last, text)]
    return None


def _headed_organisation(
    doc: Doc, phrase: Phrase, text: str
) -> tuple[str, list[TextSpan], float] | NoVote | None:
    """The president of an organisation is what the organisation is ("president of Acme Holdings, a finance
    company" is in business; "president of the union" an activist); of a country, the title's own role.

    Read when the phrase's head is such a title with an organisation attached: the attachment's role word,
    else, for a named organisation (an ORG entity) with none, business for half a vote, as a board's chair.
    A common noun written as the title's possessor is the organisation headed ("the company's president":
    business); one that names no role and no country ("the group's vice president") gives no vote, and so
    does a named attachment that is no place ("vice president at Third Way"): the title's own role, an
    office of government, would be a guess the words do not make (``NO_VOTE``).
    """
    if phrase.head.lower_ not in lex.ORGANISATION_HEAD_TITLES:
        return None
    owner = next((c for c in phrase.head.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
    if owner is not None and owner.i not in phrase.name:
        hit = _lookup(doc, owner.i, owner.left_edge.i)
        if hit is not None:
            return hit[0], [_text_span(doc, hit[1], owner.i, text)], 1.0
        if owner.lower_ not in lex.GOVERNED_NOUNS:
            return NO_VOTE
    if not phrase.attached:
        return None
    attachment = Phrase(head=phrase.attached[0], left=phrase.attached[1:], name=phrase.name)
    named_role = _whole_name_role(doc, attachment.head, text)
    if named_role is not None:
        return named_role[0], named_role[1], 1.0  # "president of the Chamber of Commerce": not a chamber
    floor = min(t.i for t in phrase.attached)
    for tok in attachment.role_order():
        hit = _lookup(doc, tok.i, floor)
        if hit is not None:
            return hit[0], [_text_span(doc, hit[1], tok.i, text)], 1.0
    if any(t.ent_type_ == "ORG" for t in phrase.attached):
        return "business", [_text_span(doc, phrase.head.i, phrase.head.i, text)], 0.5
    named = [t for t in phrase.attached if t.pos_ == "PROPN" and t.i not in phrase.name]
    if named and not any(t.ent_type_ in lex.PLACE_ENTITY_TYPES or country_only(t.lower_) for t in named):
        return NO_VOTE
    return None


def _board_role(doc: Doc, phrase: Phrase, text: str) -> tuple[str, list[TextSpan], float] | None:
    """A board's chair of a named organisation whose words give no role ("WMC chairman X", "chairman of
    the Gilt Market Makers' Association"): business, for half a vote, since most such boards are
    companies' and trade bodies' (a party's, a council's or a ministry's chair reads from its own words)."""
    words = [t for t in (phrase.head, *phrase.left) if t.i not in phrase.name]
    chair = next((t for t in words if t.lower_ in lex.BOARD_CHAIR_WORDS), None)
    if chair is None:
        return None
    # the chair word itself, capitalised as a title ("Chairman Jo Ray"), names no organisation
    organisation = [t for t in (*phrase.left, *phrase.attached) if t.i not in phrase.name and t.i != chair.i
                    and _names_organisation(t)]
    if not organisation:
        return None
    return "business", [_text_span(doc, chair.i, chair.i, text)], 0.5


def _names_organisation(token: Token) -> bool:
    """``token`` is part of an organisation's name: an ORG entity, or a capitalised noun that names no person,
    place or people ("Magpies chairman X": the small model often types a club's nickname as nothing). A
    word the Phoenix actors dictionary gives only a country's code ("Welsh", "French") is a people, and a
    kind of body ("Committee chairman X", ``lex.ORG_NOUNS``) says not whose: a parliament's or a company's."""
    if token.ent_type_ == "ORG":
        return True
    return (token.text[:1].isupper() and token.pos_ in ("NOUN", "PROPN") and token.lower_ not in lex.ORG_NOUNS
            and token.ent_type_ not in lex.NOT_ORGANISATION_ENTITY_TYPES and not country_only(token.lower_))


def _names_outlet(doc: Doc, mention: TextSpan) -> bool:
    """``mention`` names a news organisation (``_outlet_name``)."""
    span = _span(doc, mention.start, mention.end)
    return span is not None and _outlet_name(doc, list(span)) is not None


#: Parts of speech of a subject that names someone ("he told X", "Jo Ray told X"): X may be anyone.
NAMED_SUBJECT_POS = frozenset({"PRON", "PROPN"})
#: Single words that make a person media (``lex.ROLE_WORDS``): before a name they make it a programme's or an
#: outlet's ("the "Morning Hour" host": a show).
MEDIA_PERSON_WORDS = frozenset(w for w, role in lex.ROLE_WORDS.items() if role == "media" and " " not in w)


def _outlet_by_use(doc: Doc, source: Source, words: Described, text: str) -> tuple[str, list[TextSpan], float] | None:
    """A news organisation or programme with no news word in its name, known by how the article uses the name:
    an outlet noun before it in the source's own phrase ("the celebrity news channel Daily Buzz"), or, where the
    name stands anywhere in the article, as what an unnamed source told ("a source told Daily Buzz") or the
    modifier of an outlet noun or a broadcaster's title ("the "Morning Hour" host", "a Daily Buzz reporter").
    Read only for a source with no role word at all, and never for a person entity (people are told things
    too). "An interview with X" is not read: X is as often the one interviewed.

    Why: the news name list (``lex.MEDIA_NAME_RE``) cannot hold every tabloid, blog and show; the article's
    own use says what the name is."""
    if source.kind == "person" and source.entity is not None:
        return None
    for phrase in words.phrases:
        if phrase.head.pos_ != "PROPN":
            continue
        noun = next((t for t in phrase.left if t.i not in phrase.name and t.lower_ in lex.OUTLET_NOUNS), None)
        if noun is not None:
            return "media", [_text_span(doc, noun.i, phrase.head.i, text)], 1.0
    names = sorted({m.text for m in source.mentions  # "Page Six": a name's last word may be tagged a number
                    if (span := _span(doc, m.start, m.end)) is not None and any(t.pos_ == "PROPN" for t in span)})
    for name in names:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            span = _span(doc, match.start(), match.end())
            cue = _outlet_cue(span.root) if span is not None else None
            if span is not None and cue is not None:
                return "media", [_text_span(doc, min(cue.i, span.start), max(cue.i, span.end - 1), text)], 1.0
    return None


def _outlet_cue(root: Token) -> Token | None:
    """The word that makes the name headed by ``root`` an outlet's: the "told" it is the object of, when no
    pronoun or name told it ("a source told X", "an insider told X": what unnamed sources tell is an outlet;
    "he told X" may be said of anyone; the subject need not be tagged a noun, as the parser may tag the word
    an appositive "a source" hangs on an adjective), or the outlet noun or broadcaster's title it modifies."""
    head = root.head
    if head.i == root.i:
        return None
    if (root.dep_ in ("dobj", "dative") and head.lemma_.lower() in lex.TOLD_VERBS
            and any(c.dep_ in lex.SUBJECT_DEPS and c.pos_ not in NAMED_SUBJECT_POS for c in head.children)):
        return head
    if (root.dep_ in ("compound", "nmod") and head.i > root.i and head.pos_ == "NOUN"
            and (head.lower_ in lex.OUTLET_NOUNS or head.lower_ in MEDIA_PERSON_WORDS)):
        return head
    return None


def _party_state_tag(doc: Doc, words: Described, text: str) -> tuple[str, list[TextSpan]] | None:
    """A politician from a party-and-state tag right after the person's name ("Jo Ray (R-Tenn.)"): it decides.

    US news writes the tag after the names of members of Congress, so it says what a committee's title
    does not ("the Intelligence Committee's chairman, Jo Ray (R-N.C.)" is a senator, not security).
    """
    names = frozenset().union(*(p.name for p in words.phrases)) if words.phrases else frozenset()
    for i in sorted(names):
        if i + 1 < len(doc) and i + 1 not in names and doc[i + 1].text == "(":
            found = lex.PARTY_STATE_TAG.match(text, doc[i + 1].idx)
            if found is not None:
                span = TextSpan(start=found.start(), end=found.end(), text=found.group())
                return "politician", [span]
    return None


def _two_people(doc: Doc, words: Described) -> bool:
    """The source's names carry honorifics of both sexes ("Mr. Day" and "Mrs. Day"): two people the entity
    stage merged under one surname, so a title written before one name ("the former governor") is not the
    other's, and no role is given."""
    names = frozenset().union(*(p.name for p in words.phrases)) if words.phrases else frozenset()
    genders = {lex.HONORIFIC_GENDERS[low] for i in names
               if i > 0 and (low := doc[i - 1].lower_.rstrip(".")) in lex.HONORIFIC_GENDERS}
    genders |= {lex.HONORIFIC_GENDERS[low] for i in names
                if (low := doc[i].lower_.rstrip(".")) in lex.HONORIFIC_GENDERS}
    return len(genders) > 1


def source_role(doc: Doc, source: Source, words: Described, text: str) -> tuple[str | None, list[TextSpan]]:
    """The role of ``source`` and the words that decided it: (None, []) when the article gives none."""
    if source.kind in ROLELESS_KINDS and not (source.kind in AUTHORED_KINDS and source.entity is not None):
        return None, []
    if source.kind in AUTHORED_KINDS:
        outlet = next((m for m in source.mentions if _names_outlet(doc, m)), None)
        if outlet is not None:
            return "media", [TextSpan(start=outlet.start, end=outlet.end, text=outlet.text)]
    if source.kind in MEDIA_KINDS:
        first = source.mentions[:1]
        return "media", [TextSpan(start=m.start, end=m.end, text=m.text) for m in first]
    if _two_people(doc, words):
        return None, []
    votes: dict[str, float] = {}
    first_at: dict[str, int] = {}
    evidence: dict[str, list[TextSpan]] = {}
    # an outlet the person's name is written as the possession of votes media, a whole vote
    cast = [("media", [TextSpan(start=start, end=end, text=text[start:end])], 1.0) for start, end in words.outlets]
    cast += [found for phrase in words.phrases if (found := phrase_role(doc, phrase, text)) is not None]
    if source.entity is not None and (tag := _party_state_tag(doc, words, text)) is not None:
        return tag  # a member of Congress whatever the committee's words say
    if not cast and (outlet_cue := _outlet_by_use(doc, source, words, text)) is not None:
        cast = [outlet_cue]
    for role, spans, weight in cast:
        votes[role] = votes.get(role, 0.0) + weight
        first_at[role] = min(first_at.get(role, spans[0].start), spans[0].start)
        evidence.setdefault(role, []).extend(spans)
    if not votes:
        return None, []
    role = max(votes, key=lambda r: (votes[r], -first_at[r]))
    unique = {(s.start, s.end): s for s in evidence[role]}
    return role, [unique[k] for k in sorted(unique)][: lex.MAX_EVIDENCE]
