"""Clause analysis on the dependency parse: which verbs are events, and their arguments.

The functions here take spaCy tokens and return tokens (or token lists); they
know nothing of entities or records. ``events.py`` turns their answers into
``Event`` records.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

import numpy
from spacy.attrs import DEP, HEAD, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsgraph.extract.events.lexicons import (
    ACTING_COMPLEMENT_DEPS,
    ARGUMENT_COMPLEMENT_DEPS,
    AUTHORED_NOUNS,
    CAPACITY_NOUNS,
    CLAUSE_DEPS,
    CLAUSE_TRIM_DEPS,
    CONTRACTION_LEMMAS,
    COORDINATION_DEPS,
    EMBEDDING_DEPS,
    EVENT_NOMINALS,
    LEADING_CONNECTIVE_DEPS,
    MEANS_NOUNS,
    NEGATION_WORDS,
    NON_PERSON_TYPES,
    OBJECT_CONTROL_PREPOSITIONS,
    PERSONAL_RELATIVES,
    PHRASE_TRIM_DEPS,
    PREP_KEEPING_TRIM_DEPS,
    READINESS_ADJECTIVES,
    STATE_VERBS,
    VERB_GROUP_DEPS,
    WHO_NAME_TYPES,
)
from newsgraph.vocab.parse import (
    AUX_DEPS,
    BY_PHRASE_DEPS,
    CLAUSE_SUBJECT_DEPS,
    CONTENT_CLAUSE_DEPS,
    DETERMINER_DEPS,
    LIGHT_VERB_COMPLEMENT_DEPS,
    NOMINAL_OR_PRONOUN_POS,
    NOMINAL_POS,
    NOMINAL_SUBJECT_DEPS,
    NOUN_CLAUSE_DEPS,
    OBJECT_DEPS,
    PARTICIPLE_TAGS,
    PASSIVE_SUBJECT_DEPS,
    PAST_TAGS,
    PLURAL_NOUN_TAGS,
    PROPER_OR_PRONOUN_POS,
    VERBAL_POS,
)
from newsgraph.vocab.pronouns import REFLEXIVE_PRONOUNS
from newsgraph.vocab.speech import NON_EVENT_SPEECH_VERBS

#: A word: letters, with inner hyphens or apostrophes, or a clitic ("’s", "n't").
RE_WORD = re.compile(r"^(?:['’])?[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
#: Verbs whose adjective complement makes the predicate ("kept quiet", "grew impatient").
ADJECTIVE_LIGHT_VERBS = frozenset({"make", "grow", "become", "get", "turn", "go", "keep"})
#: Relative pronouns: a relative clause's subject that stands for the noun it describes.
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
#: Pronouns a subject may stand in for an earlier noun phrase with.
ANAPHORS = frozenset({"it", "they", "he", "she", "we"})
#: Singular personal pronouns: never what "it" or a lone "they" takes up.
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
#: Subordinators a participle without a subject may follow and still share the main clause's subject.
ADJUNCT_MARKS = frozenset({"while", "when", "after", "before", "since", "by", "without", "upon", "on", "in"})
#: How a name hangs on the title noun the parser made the head ("minister Ann Cole").
NAME_ON_TITLE_DEPS = frozenset({"appos", "compound", "flat"})
#: Pronouns that may take up the subject of an earlier coordinated or complement clause.
SIBLING_ANAPHORS = frozenset({"it", "they"})
#: Clauses side by side under one governor ("said X was ..., it lacked ...").
SIBLING_CLAUSE_DEPS = frozenset({"ccomp", "conj"})
#: Entity types of a dateline's place ("London, England -- ...").
DATELINE_TYPES = frozenset({"GPE", "LOC"})
#: Dashes that close a dateline.
DASHES = frozenset({"--", "—", "–", "-"})
#: Entity types of times: a relative pronoun does not stand for them.
TIME_ENTITY_TYPES = frozenset({"DATE", "TIME"})
#: How far up the tree rules may walk (guards against pathological parses).
MAX_DEPTH = 40
#: Nouns for a charge laid on someone: what an "of" gerund on them says is done by the one charged
#: ("charged Lee with two counts of stealing": Lee is said to have stolen, not the prosecutor).
CHARGE_NOUNS = frozenset({"count", "charge", "accusation", "allegation", "suspicion"})


def verb_lemma(tok: Token) -> str:
    """The lowercase lemma, mended for contractions ("It’s" gives "’") and wordless tokens."""
    if tok.lower_ in CONTRACTION_LEMMAS and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_:
        return CONTRACTION_LEMMAS[tok.lower_]  # only when attached to the word before: "it ’s", not "s"
    if is_word_prefix(tok):  # the parser split "re-elected" and made "re" the verb
        return f"{tok.lower_}-{tok.doc[tok.i + 2].lemma_.lower()}"
    lemma = tok.lemma_.lower()
    if not any(ch.isalpha() for ch in lemma):
        return tok.lower_
    return silent_e(tok.lower_, lemma)


#: Relative pronouns that can be a clause's object ("the plan that Lee drew up", "a survey which was released").
OBJECT_RELATIVES = frozenset({"which", "that", "whom", "who"})
#: Entity types of a party an act can be done to (a name in a relative clause keeps the pronoun as object).
PARTY_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Tags of a question word that can front an object ("what", "which").
WH_TAGS = frozenset({"WP", "WDT"})
#: Tags of a present "be" ("is", "are", "'s") that makes ``be to VERB`` a plan.
PRESENT_BE_TAGS = frozenset({"VBZ", "VBP"})
#: Nouns whose "is to VERB" says what they are, not what someone will do ("the aim is to win").
GOAL_NOUNS = frozenset({"aim", "goal", "idea", "intention", "objective", "purpose", "task", "job", "priority",
                        "hope", "challenge", "point", "key", "way", "solution", "option", "answer", "problem",
                        "mission", "ambition", "target", "strategy", "focus", "role", "duty", "rule", "thing",
                        "step", "aspiration", "dream", "wish", "alternative", "approach", "policy", "question"})


#: A one-syllable stem ending in one vowel and one consonant ("hop", "fin", "star").
RE_CVC_STEM = re.compile(r"^[^aeiouy]*[aeiouy][bcdfgklmnprstvz]$")


def silent_e(form: str, lemma: str) -> str:
    """Put back the silent "e" the lemmatizer dropped: "hoped" → "hope", not "hop".

    English doubles the last consonant of a one-syllable verb before "-ed"/"-ing"
    ("hop" → "hopped", "star" → "starred"), so an undoubled "hoped", "fined",
    "staged" or "staring" comes from a stem in "e"; the model's rule lemmatizer
    takes the first form its word list knows ("hop", "fin", "stag"). The third
    person of such a stem adds an "s" ("hops"), so "hopes" is "hope" too. Longer
    stems ("visited", "opened") are left alone: their last syllable is not stressed.
    """
    if RE_CVC_STEM.match(lemma) and form in (lemma + "ed", lemma + "ing", lemma + "es"):
        return lemma + "e"
    return lemma


def has_letters(tok: Token) -> bool:
    return any(ch.isalpha() for ch in tok.text)


def is_word(tok: Token) -> bool:
    """Letters, with inner hyphens or apostrophes ("re-elected", "’s"): not "tonnes(17" or a URL."""
    return RE_WORD.match(tok.text) is not None


def is_word_prefix(tok: Token) -> bool:
    """``pre`` in ``pre-recruited``: the first part of a hyphenated word, glued to the hyphen."""
    doc = tok.doc
    return (
        not tok.whitespace_
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].text in ("-", "‐", "–")
        and not doc[tok.i + 1].whitespace_
        and doc[tok.i + 2].is_alpha
    )


def is_hortative_let(tok: Token) -> bool:
    """``let's`` / ``let us``: the writer exhorting, no event."""
    doc = tok.doc
    if tok.lower_ != "let" or tok.i + 1 >= len(doc):
        return False
    following = doc[tok.i + 1].lower_
    return following in ("'s", "’s") or (following == "us" and bool(tok.is_sent_start))  # "they let us go" acts


def is_word_suffix(tok: Token) -> bool:
    """``elected`` in ``re-elected``: the part after a hyphen glued to both words."""
    return tok.i >= 2 and is_word_prefix(tok.doc[tok.i - 2])


def is_event_verb(tok: Token) -> bool:
    """Whether ``tok`` heads a clause that reports a happening of its own."""
    if not is_word(tok) or (is_word_suffix(tok) and tok.doc[tok.i - 2].pos_ == "VERB"):
        return False  # a hyphen, quote mark or word part the tagger took for a verb ("re-elected")
    if is_hortative_let(tok):
        return False  # "let's wait and see": an exhortation, not a happening
    if is_nominal_participle(tok):
        return False  # "the council's housing policy": a modifier inside a noun phrase
    if tok.dep_ in CLAUSE_DEPS and is_readiness(tok):
        return True  # "is ready to contribute troops": an intention
    if tok.pos_ != "VERB" or tok.dep_ not in CLAUSE_DEPS:
        return False
    if verb_lemma(tok) in STATE_VERBS:
        return False
    if is_going_to(tok):
        return False  # "is going to win": a future marker; "win" is the event
    if tok.dep_ == "xcomp" and (is_going_to(tok.head) or is_obliged(tok.head)):
        return True  # "is going to win", "is to raise", "had to resign": the infinitive is the event
    if tok.dep_ == "xcomp" and not _object_controlled(tok):
        return False  # "agreed to sell": part of the governing verb's predicate
    if (
        tok.dep_ == "acl"
        and not any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in kids(tok))
        and not _acting_participle(tok)
    ):
        return False  # "the decision to sell", "the aides close to ...": descriptions of nouns
    return not is_speech_only(tok) or has_listed_speaker(tok)


def is_nominal_participle(tok: Token) -> bool:
    """``the council's housing policy``: a participle the parser made a clause, inside a noun phrase.

    It follows a possessive marker (tagged POS, so not a contracted "is") and its
    "object" is the bare noun right after it (no determiner of its own), so
    together they are one possessed noun, whatever role the parser gave it.
    """
    if tok.tag_ != "VBG" or tok.i == 0 or any(c.dep_ in AUX_DEPS for c in kids(tok)):
        return False
    prev = tok.doc[tok.i - 1]
    if not (prev.tag_ == "POS" or prev.dep_ == "case"):
        return False
    if tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.head.i == tok.i and nxt.dep_ in OBJECT_DEPS and not any(c.dep_ in DETERMINER_DEPS for c in kids(nxt))


def _acting_participle(tok: Token) -> bool:
    """``a declaration demanding that ...``, ``protesters calling for ...``: a participle that acts."""
    return tok.tag_ == "VBG" and any(c.dep_ in ACTING_COMPLEMENT_DEPS for c in kids(tok))


def is_going_to(tok: Token) -> bool:
    """``is going to VERB`` or ``is to VERB``: the future, not a movement or a state."""
    return (
        tok.lemma_.lower() == "go"
        and tok.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in kids(tok))
        and any(c.dep_ == "xcomp" and c.pos_ in VERBAL_POS for c in kids(tok))
    ) or is_planned(tok)


def _to_infinitive(tok: Token) -> Token | None:
    """The bare ``to`` infinitive completing ``tok`` ("to raise" in "is to raise"), if any."""
    for c in kids(tok):
        if c.dep_ == "xcomp" and c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(c)):
            return c
    return None


def is_planned(tok: Token) -> bool:
    """``X is to raise its dividend``: a present "be" with a ``to`` infinitive, a scheduled act.

    The subject must be a party, not the content of a goal ("the aim is to win",
    "the plan is to sell": there the infinitive says what the noun is), and not an
    expletive ("it is to be hoped"); "was/were to" (a past plan, a condition) is left alone.
    """
    if tok.lemma_.lower() != "be" or tok.tag_ not in PRESENT_BE_TAGS or _to_infinitive(tok) is None:
        return False
    subj = children(tok, NOMINAL_SUBJECT_DEPS)
    if not subj or subj[0].dep_ == "expl" or subj[0].lower_ in ("it", "this", "that", "what"):
        return False
    head = subj[0].lemma_.lower()
    return head not in EVENT_NOMINALS and head not in GOAL_NOUNS


def is_obliged(tok: Token) -> bool:
    """``X had to resign``: a past "have to", which says the act was done; the infinitive is the event.

    Only the past ("had to", "has had to"): "has to leave" is still an obligation,
    not a happening, so it stays out as a state with its complement.
    """
    return (
        tok.lemma_.lower() == "have"
        and tok.tag_ in PAST_TAGS  # "had to", "has had to"
        and not any(c.dep_ in OBJECT_DEPS for c in kids(tok))
        and _to_infinitive(tok) is not None
    )


def is_readiness(tok: Token) -> bool:
    """``X is willing/ready/prepared to ...``."""
    if tok.lemma_.lower() != "be":
        return False
    return any(
        c.dep_ == "acomp" and c.lower_ in READINESS_ADJECTIVES and any(g.dep_ == "xcomp" for g in kids(c))
        for c in kids(tok)
    )


def is_speech_only(tok: Token) -> bool:
    """A speech verb whose content is a clause, or with no object: an attribution, not an event."""
    if tok.lemma_.lower() not in NON_EVENT_SPEECH_VERBS:
        return False
    labels = {c.dep_ for c in kids(tok)}
    if labels & CONTENT_CLAUSE_DEPS or tok.dep_ == "parataxis":
        return True
    return not (labels & OBJECT_DEPS) and not any(_topic_phrase(c) for c in kids(tok))


#: Speakers whose speech act a reader does not list: the quoting "I"/"we"/"you" (inside a quotation, the
#: speaker talking of himself) and generic or empty subjects ("people say", "it is said", "some argue").
UNLISTED_SPEAKERS = frozenset({
    "i", "we", "you", "me", "us", "it", "this", "that", "one", "someone", "somebody", "anyone", "anybody",
    "everyone", "everybody", "nobody", "people", "others", "some", "many", "few", "most", "who", "which", "what",
})


def has_listed_speaker(tok: Token) -> bool:
    """Whether the speech verb ``tok`` has a speaker a reader lists its act for ("the minister said").

    The speaker is the verb's agent: a name, a described party ("the ministry", "a spokesman") or a
    third-person pronoun the entity stage resolves; "I said" (a quotation's own speaker) and generic
    speakers ("people say") are not listed, nor a verb with no agent ("it was said"). Why: the
    hand-checked main events list the reporting act itself ("X argued that ..."), so a speech verb with
    a party as speaker is an event as well as an attribution; the attribution is built apart, unchanged.
    """
    speaker = agent(tok)
    if speaker is None or speaker.pos_ not in NOMINAL_OR_PRONOUN_POS:
        return False
    return speaker.lower_ not in UNLISTED_SPEAKERS and speaker.lemma_.lower() not in UNLISTED_SPEAKERS


def _topic_phrase(prep: Token) -> bool:
    """``insisted on its demands``: a prepositional object that is what the speech act is about."""
    if prep.dep_ != "prep":
        return False
    return any(g.dep_ == "pobj" and g.pos_ == "NOUN" and not g.ent_type_ for g in kids(prep))


def _object_controlled(xcomp: Token) -> bool:
    """``X ordered his engineers to inspect ...``: the xcomp has its own (object) agent.

    Only objects that can act count: names, pronouns, plural or possessed nouns
    ("his engineers") and act nouns ("the decision to ..."); "sought permission
    to leave" stays one predicate.
    """
    gov = xcomp.head
    if any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in kids(xcomp)):
        return False
    return any(c.dep_ in OBJECT_DEPS and c.i < xcomp.i and _can_act(c) for c in kids(gov))


def _can_act(noun: Token) -> bool:
    return (
        noun.pos_ in PROPER_OR_PRONOUN_POS
        or bool(noun.ent_type_)
        or noun.tag_ == "NNS"
        or noun.lemma_.lower() in EVENT_NOMINALS
        or any(c.dep_ == "poss" for c in kids(noun))
    )


#: Per thread: the document whose hyphen positions are kept (``hyphen_positions``).
_CHILDREN = threading.local()


#: The document whose children lists are kept, and the lists by token index (None: not built yet): one tuple,
#: read and replaced whole.
_KIDS: tuple[Doc | None, list[tuple[Token, ...] | None], list[tuple[int, ...]], list[Token]] = (None, [], [], [])


def kids(tok: Token) -> tuple[Token, ...]:
    """``tok.children``, built once per token of the current document.

    Why: spaCy makes a new Python ``Token`` for every child on every walk, and the clause rules
    walk the children of the same verb a few dozen times per clause (subject, objects, particles,
    modals, complements, dating, coding). The lists are kept for the last document asked
    (``events()`` starts each document afresh with ``forget_children``). They are kept in one
    module-level tuple, not per thread (a thread-local costs a third of a call, and this is the
    stage's most called function): the pair is read in one step, so a thread working on another
    document only replaces it, and a list is only ever taken from the pair of its own document.
    """
    global _KIDS
    doc, by_index, children_of, tokens = _KIDS
    if doc is not tok.doc:
        doc = tok.doc
        by_index = [None] * len(doc)  # a list read by index: cheaper than a dict's ``get``
        children_of, _, _, tokens = doc_tree(doc)
        _KIDS = (doc, by_index, children_of, tokens)
    i = tok.i
    found = by_index[i]
    if found is None:  # the document's own ``Token`` objects: no new one per child
        found = by_index[i] = tuple([tokens[c] for c in children_of[i]])
    return found


def doc_tree(doc: Doc) -> tuple[list[tuple[int, ...]], list[int], list[int], list[Token]]:
    """Per document: each token's children indices (in ``Token.children`` order), the ``dep`` and ``tag``
    ids, and one ``Token`` per position, read from arrays once.

    Why: the phrase and clause walks (``_phrase_tokens``, ``dates._own_tokens``) visit every token under a
    head, and each ``kids`` call and each ``doc[i]`` costs a Python call or a new ``Token``; on indices the
    walk only makes the list it returns. Kept with the children lists (``forget_children`` drops it).
    """
    store = _CHILDREN.__dict__
    kept = store.get("tree")
    if kept is None or kept[0] is not doc:
        n = len(doc)
        if n:
            columns = doc.to_array([HEAD, DEP, TAG]).reshape(n, 3)  # uint64: the ids are hashes
            heads = (columns[:, 0].astype("int64") + numpy.arange(n)).tolist()  # relative heads, signed
            deps, tags = columns[:, 1].tolist(), columns[:, 2].tolist()
        else:
            heads, deps, tags = [], [], []
        lists: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(heads):
            if h != i:  # the root is its own head, not its own child
                lists[h].append(i)  # ascending, as ``Token.children`` yields them
        kept = store["tree"] = (doc, [tuple(c) for c in lists], deps, tags, list(doc))
    return kept[1], kept[2], kept[3], kept[4]


def forget_children() -> None:
    """Drop the kept children lists, merged infinitives and phrases (a document's parse may have changed since)."""
    global _KIDS, _XCOMPS, _PHRASES, _PASSIVES
    _KIDS = (None, [], [], [])
    _PASSIVES = (None, frozenset())
    _XCOMPS = (None, [])
    _PHRASES = (None, {})
    _CHILDREN.__dict__.clear()


def dep_ids(labels: Iterable[str]) -> frozenset[int]:
    """The string ids of dependency labels, to test ``Token.dep`` (an int).

    Why: ``Token.dep_`` decodes the label from the string store on every access, about
    fifty times the cost of reading ``Token.dep``; the clause rules ask it of every child
    of every candidate verb.
    """
    return frozenset(get_string_id(label) for label in labels)


_PASSIVE_IDS = dep_ids(PASSIVE_SUBJECT_DEPS | {"auxpass"})
_NEG, _ADVMOD, _XCOMP, _ACOMP = (get_string_id(d) for d in ("neg", "advmod", "xcomp", "acomp"))
_OBJECT_IDS = dep_ids(OBJECT_DEPS)
#: Label sets asked by ``children`` and ``phrase_tokens``, by the set itself.
_ID_SETS: dict[Iterable[str], frozenset[int]] = {}


def _ids_of(deps: Iterable[str]) -> frozenset[int]:
    found = _ID_SETS.get(deps)
    if found is None:
        found = _ID_SETS[deps] = dep_ids(deps)
    return found


#: The document whose passive heads are kept, and them (``is_passive``): one tuple, read and replaced whole.
_PASSIVES: tuple[Doc | None, frozenset[int]] = (None, frozenset())


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` has a passive subject or a passive auxiliary among its children.

    Why kept per document: the agent and object rules ask it of the same verbs and of every verb above a
    clause (about three times a clause); the heads of all passive dependents are read from one array pass.
    """
    global _PASSIVES
    doc, heads = _PASSIVES
    if doc is not verb.doc:
        doc = verb.doc
        heads = frozenset(passive_heads(doc))
        _PASSIVES = (doc, heads)
    return verb.i in heads


def among(values: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(values, ids)`` for a one-dimensional ``values`` and a handful of ``ids``: each value
    compared with each id.

    Why: ``isin`` sorts and merges, or builds a lookup table over the values' range, which for string-store
    hashes (64-bit) is not an option; for a document's few hundred labels and a dozen ids the plain
    comparisons cost a third of it (about 10 against 30 µs a call, three calls a document).
    """
    if not len(ids):
        return numpy.zeros(len(values), dtype=bool)
    return (values[:, None] == ids[None, :]).any(axis=1)


_PASSIVE_ID_ARRAY = numpy.fromiter(sorted(_PASSIVE_IDS), dtype=numpy.uint64)


def passive_heads(doc: Doc) -> list[int]:
    """The indices of the tokens with a passive subject or auxiliary child, from the ``HEAD``/``DEP`` arrays."""
    n = len(doc)
    if not n:
        return []
    columns = doc.to_array([HEAD, DEP]).reshape(n, 2)  # uint64: the ids are hashes
    passive = among(columns[:, 1], _PASSIVE_ID_ARRAY)
    heads = columns[:, 0].astype("int64") + numpy.arange(n)  # relative heads, signed
    passive &= heads != numpy.arange(n)  # the root is its own head, not its own child
    return heads[passive].tolist()


def children(tok: Token, deps: Iterable[str]) -> list[Token]:
    wanted = _ids_of(deps)
    return [c for c in kids(tok) if c.dep in wanted]


def agent(verb: Token) -> Token | None:
    """The token naming who does ``verb`` (before splitting coordinated subjects)."""
    tok: Token | None = verb
    for _ in range(MAX_DEPTH):
        if tok is None:
            return None
        found = _own_agent(tok)
        if found is not None:
            return found
        if is_passive(tok) and (children(tok, PASSIVE_SUBJECT_DEPS) or (tok.i == verb.i and tok.dep_ == "xcomp")):
            # "when we were elected": a passive without its agent has none to inherit; nor has a passive
            # infinitive, whose controller is what it is done to ("the talks are going to be improved").
            # An adjunct of one is still done by that controller ("These are to be replanted to replace
            # the flora": these replace), as the adjunct of any passive clause is by its subject.
            return None
        inherited = _inherited_agent(tok)
        if inherited is None:
            inherited = _gerund_doer(tok)
        if inherited is None or inherited.i == tok.i:
            return None
        if inherited.pos_ in VERBAL_POS:
            tok = inherited  # look at the governing clause's agent
            continue
        return _nominal_agent(inherited)
    return None


def _own_agent(verb: Token) -> Token | None:
    if is_passive(verb):
        for by in children(verb, ("agent",)):
            objs = children(by, ("pobj",))
            if objs:
                return objs[0]
        return None
    subjects = children(verb, ("nsubj",))
    if not subjects:
        return None
    subj = _past_fronted_object(verb, subjects)
    if subj.lower_ in RELATIVE_PRONOUNS:
        relcl = _relative_clause(verb)
        if relcl is not None:
            return _nominal_agent(_relative_head(relcl.head, subj))
    if subj.dep_ == "expl":
        return None
    return _nominal_agent(_past_dateline(subj))


def _past_fronted_object(verb: Token, subjects: list[Token]) -> Token:
    """``what other parties the party would ally with``: the subject, not the fronted question phrase.

    The parser can give a verb two subjects when a question word fronts its object or
    complement ("what other parties", "which rivals"); the phrase after the question word
    comes first, and the true subject is the one nearest the verb.
    """
    before = [s for s in subjects if s.i < verb.i]
    if len(before) < 2:
        return subjects[0]
    first = before[0]
    fronted = any(t.tag_ in WH_TAGS for t in verb.doc[first.left_edge.i - 1 : first.i]) or any(
        c.tag_ in WH_TAGS and c.i < first.i for c in kids(verb))
    return before[-1] if fronted else subjects[0]


def _past_dateline(subj: Token) -> Token:
    """``London, England -- The team lost ...``: the subject, not the dateline's place.

    The parser makes a dateline's place, at the start of the sentence, the subject and
    the real subject after the dash its apposition. An apposition closed by a second dash
    before the verb is an aside about the place, which is the subject ("Poland - a large
    EU member - has requested more time").
    """
    if subj.ent_type_ not in DATELINE_TYPES or not subj.is_sent_start:
        return subj
    doc = subj.doc
    for c in kids(subj):
        if c.dep_ == "appos" and any(doc[k].text in DASHES for k in range(subj.i + 1, c.left_edge.i)):
            closed = any(doc[k].text in DASHES for k in range(c.right_edge.i + 1, subj.head.i))
            return subj if closed else c
    return subj


def _relative_clause(verb: Token) -> Token | None:
    """The relative clause ``verb`` heads or is coordinated into ("who came ... and who left")."""
    tok = verb
    for _ in range(MAX_DEPTH):
        if tok.dep_ == "relcl":
            return tok
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _relative_head(head: Token, pronoun: Token) -> Token:
    """The noun a relative pronoun stands for.

    The parser often attaches "who" to the nearest noun, which may sit inside a
    modifier ("two aides close to the club who asked ..."); "who" cannot
    stand for an organisation or place, so walk out of the prepositional phrase
    to the noun it modifies.
    """
    if head.ent_type_ in TIME_ENTITY_TYPES and head.dep_ == "pobj" and head.head.head.pos_ in NOMINAL_POS:
        return head.head.head  # "its estimate of the figures on April 25 which will indicate ...": not the date
    if pronoun.lower_ not in PERSONAL_RELATIVES or head.ent_type_ not in NON_PERSON_TYPES:
        return head
    # Set off by a comma right after a party's name, "who" stands for the name unless the noun above
    # names people: "a majority over the Conservative Party, who gained ..." (the party gains).
    set_off = pronoun.i > 0 and pronoun.doc[pronoun.i - 1].text == "," and head.ent_type_ in WHO_NAME_TYPES
    tok = head
    for _ in range(MAX_DEPTH):
        if tok.dep_ != "pobj":
            return head
        tok = tok.head.head  # pobj -> prep -> what the phrase modifies
        if tok.pos_ == "ADJ" and tok.dep_ == "amod":
            tok = tok.head  # "aides close to ...": the adjective's noun
        if tok.pos_ in NOMINAL_OR_PRONOUN_POS and tok.ent_type_ not in NON_PERSON_TYPES:
            if set_off and tok.tag_ == "NN" and not tok.ent_type_:
                return head  # a singular thing ("majority", "deal") is no "who"
            return tok
    return head


def _clause_above(tok: Token) -> Token | None:
    """The nearest verb above a noun-internal participle: the clause it really belongs to."""
    for _ in range(MAX_DEPTH):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in VERBAL_POS and not is_nominal_participle(tok):
            return tok
    return None


def _inherited_agent(verb: Token) -> Token | None:
    """Where a clause without a subject takes it from (coordination, control, participles)."""
    dep = verb.dep_
    head = verb.head
    if dep == "conj" and is_nominal_participle(head):
        # "scrapping X's housing policy and raising ...": the parser hung "raising" on the
        # noun-internal participle; it coordinates with the clause above it and shares its agent.
        return _clause_above(head)
    if dep == "conj" and head.pos_ in VERBAL_POS:
        return head
    if dep == "xcomp":
        objs = [c for c in kids(head) if c.dep_ in OBJECT_DEPS and c.i < verb.i and _can_act(c)]
        return objs[0] if objs else head
    if dep == "advcl" and _controlled_adjunct(verb):
        return _controller(head)
    if dep == "csubj":
        fronted = _fronted_subject(verb)
        if fronted is not None:
            return _controller(fronted)  # "Stating the plan was fair, Lee explained ...": Lee states
    if dep == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and _adverb_on_verb(head.head):
        # "are days away from getting ...", "is close to finishing ...": the clause the adverb is in.
        return _controller(head.head.head)
    if dep == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "of":
        charged = _charged_party(head.head)
        if charged is not None:
            return charged  # "charged Lee with two counts of stealing": Lee
    if dep == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "of" and _means_of(head.head):
        # "determine the best method of extracting the ship": whoever seeks the method extracts.
        return _clause_above(head.head)
    if dep == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in VERBAL_POS:
        gov = head.head
        if not is_passive(gov) and (verb_lemma(gov), head.lower_) in OBJECT_CONTROL_PREPOSITIONS:
            objs = children(gov, OBJECT_DEPS)
            if objs:
                return objs[0]  # "praised the nurses for working": the nurses work
        return _controller(gov)  # "was arrested after attempting to ...", "won by scoring ...": the subject
    if dep in NOUN_CLAUSE_DEPS and head.pos_ in NOMINAL_OR_PRONOUN_POS:
        if _done_by_owner(verb, head):
            above = _clause_above(head)
            if above is not None:
                return above  # "wrote an editorial lambasting X", "a package of measures to support ...": the writer
        if _done_by_subject(verb, head):
            return head.head  # "fighting the election providing a clear choice": the fighters provide it
        if head.dep_ == "attr" and head.head.pos_ in VERBAL_POS:
            subj = children(head.head, CLAUSE_SUBJECT_DEPS)
            if subj and subj[0].dep_ != "expl":  # "there are two dams filling ...": the dams
                return subj[0]
        return head
    return None


def _done_by_subject(verb: Token, noun: Token) -> bool:
    """A present participle on an object that cannot act is done by the clause's subject.

    "fought the election providing a clear choice": an election provides nothing, the
    fighters do. An object that can act (a name, people, a possessed noun) keeps the
    participle ("met protesters blocking the road").
    """
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "acl"
        and noun.dep_ == "dobj"
        and noun.head.pos_ in VERBAL_POS
        and not _can_act(noun)
    )


def _charged_party(noun: Token) -> Token | None:
    """The one a charge noun in a prepositional phrase of a verb is laid on: the verb's object, or its
    subject when passive.

    "charged Lee with two counts of stealing", "arrested Lee on charges of fraud": Lee; "Lee was
    charged with counts of stealing": Lee again; also when the parser hung the phrase on the object's
    apposition. A charge noun that is itself the object ("faced
    charges of stealing") is left to the rules for gerunds on nouns (the clause's doer).
    """
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CHARGE_NOUNS or noun.dep_ != "pobj":
        return None
    gov = noun.head.head
    if gov.dep_ == "appos" and gov.head.dep_ in OBJECT_DEPS:
        # "charged Lee, a 33-year-old from Leeds, with two counts of ...": the parser hung the phrase
        # on the apposition; the one charged is the object it names.
        return gov.head
    if gov.pos_ not in VERBAL_POS or gov.i == noun.head.i:
        return None
    if is_passive(gov):
        subj = children(gov, PASSIVE_SUBJECT_DEPS)
        return subj[0] if subj else None
    objs = [c for c in children(gov, OBJECT_DEPS) if c.i < noun.i]
    return objs[0] if objs else None


def _means_of(noun: Token) -> bool:
    """A means or capacity noun without an owner of its own ("the method of ...", "a way of ...")."""
    return (
        noun.pos_ == "NOUN"
        and (noun.lemma_.lower() in MEANS_NOUNS or noun.lemma_.lower() in CAPACITY_NOUNS)
        and not any(c.dep_ == "poss" for c in kids(noun))
    )


def _gerund_doer(verb: Token) -> Token | None:
    """Who does a gerund under a preposition of a noun phrase, when no rule above found a subject.

    The noun's possessor if it has one ("Lee's way of freeing the ship": Lee), else the
    doer of the clause the noun phrase stands in ("the storm brought floods of rain
    cutting roads": the storm).
    """
    if not (verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep"):
        return None
    noun = verb.head.head
    if noun.pos_ != "NOUN":
        return None
    owners = [c for c in kids(noun) if c.dep_ == "poss"]
    return owners[0] if owners else _clause_above(verb)


def _adverb_on_verb(tok: Token) -> bool:
    """An adverb or predicate adjective of a clause ("away", "close", "busy"), carrying a gerund phrase."""
    return (
        (tok.pos_ == "ADV" and tok.dep_ == "advmod") or (tok.pos_ == "ADJ" and tok.dep_ == "acomp")
    ) and tok.head.pos_ in VERBAL_POS and tok.head.i != tok.i


def _done_by_owner(verb: Token, noun: Token) -> bool:
    """Whether a clause on ``noun`` is done by whoever has the noun, not by the noun itself.

    A means ("measures to support small business", "a plan to cut taxes") does not act,
    nor does a wish or a capacity ("had the desire to try"), nor a text ("an editorial lambasting X"):
    its author does, the subject of the
    clause the noun phrase stands in. Names and act nouns with their own agent are left alone.
    """
    own_agent = any(c.dep_ == "poss" or (c.dep_ in BY_PHRASE_DEPS and c.lower_ == "by") for c in kids(noun))
    if noun.ent_type_ or own_agent:
        return False
    lemma = noun.lemma_.lower()
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb)):
        return lemma in MEANS_NOUNS or lemma in CAPACITY_NOUNS
    return verb.tag_ == "VBG" and lemma in AUTHORED_NOUNS


def _controlled_adjunct(verb: Token) -> bool:
    """An adverbial clause without a subject whose doer is the main clause's subject.

    A bare participle ("..., scoring twice"), one after a time or manner word
    ("while wearing", "after leaving"), or a purpose infinitive ("came back to
    win"). Other subordinators ("because", "if") introduce finite clauses.
    """
    if any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in kids(verb)):
        return False
    marks = [c.lower_ for c in kids(verb) if c.dep_ == "mark"]
    if verb.tag_ in PARTICIPLE_TAGS:
        return not marks or (verb.tag_ == "VBG" and marks[0] in ADJUNCT_MARKS)
    return verb.tag_ == "VB" and not marks and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))


def _fronted_subject(verb: Token) -> Token | None:
    """Who does a sentence-initial gerund the parser took for a clausal subject.

    A gerund opening the sentence and set off by a comma ("Stating the plan was fair,
    Lee explained ...") is a fronted adjunct: the parser makes it the subject of the
    nearest clause, or of a clause inside the sentence's main clause, yet it is done by the
    noun subject of the clause the comma opens (Lee), found on its head or the heads above.
    """
    if verb.tag_ != "VBG" or verb.i != verb.sent.start or any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in kids(verb)):
        return None
    doc = verb.doc
    comma = next((k for k in range(verb.i + 1, verb.sent.end) if doc[k].text == ","), None)
    if comma is None:
        return None
    tok = verb.head
    for _ in range(MAX_DEPTH):
        subjects = [c for c in kids(tok) if c.dep_ in ("nsubj", "nsubjpass") and c.i > comma]
        if subjects:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _controller(verb: Token) -> Token:
    """Whom an adjunct of ``verb`` is about: its grammatical subject when passive, else the clause itself.

    "The team was cheered by fans, earning praise": the team earns, not the fans,
    so a passive clause hands on its subject rather than its agent.
    """
    if is_passive(verb):
        subj = children(verb, PASSIVE_SUBJECT_DEPS)
        if subj:
            return subj[0]
    return verb


def _nominal_agent(noun: Token) -> Token:
    """For an event noun ("the decision by X", "X's decision"), the one who acts; else the noun."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in EVENT_NOMINALS:
        return noun
    for c in kids(noun):
        if c.dep_ == "poss":
            return c
        if c.dep_ in BY_PHRASE_DEPS and c.lower_ == "by":
            objs = children(c, ("pobj",))
            if objs:
                return objs[0]
    gov = noun.head
    # An active verb cannot have a passive agent: a "by" phrase on it belongs to its object noun.
    if noun.dep_ in OBJECT_DEPS and not is_passive(gov):
        for c in children(gov, ("agent",)):
            objs = children(c, ("pobj",))
            if objs and c.i > noun.i:
                return objs[0]
    return noun


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nouns coordinated with it ("France and Germany")."""
    if tok.pos_ not in NOMINAL_OR_PRONOUN_POS:
        return [tok]
    return [tok, *[c for c in tok.conjuncts if c.pos_ in NOMINAL_OR_PRONOUN_POS and c.i > tok.i]]


def direct_object(verb: Token) -> Token | None:
    """The object; in the passive the subject, and for a passive infinitive its controller's subject.

    "the talks are going to be improved", "Lee hopes to be elected": the talks, Lee.
    """
    if is_passive(verb):
        subj = children(verb, PASSIVE_SUBJECT_DEPS)
        if not subj and verb.dep_ == "xcomp" and verb.head.i != verb.i:
            subj = children(verb.head, NOMINAL_SUBJECT_DEPS)
        return _relative_object(verb, subj[0]) if subj else None
    objs = [c for c in kids(verb) if c.dep in _OBJECT_IDS and c.lower_ not in REFLEXIVE_PRONOUNS]
    return _relative_object(verb, objs[0]) if objs else None


def _relative_object(verb: Token, obj: Token) -> Token:
    """For a relative pronoun object, the noun it stands for: "a survey which was released": the survey.

    "which"/"that" is the object of its relative clause ("the plan that Lee drew up", passive "the
    survey which was released"); the noun the clause describes is what the act is done to.
    """
    if obj.lower_ not in OBJECT_RELATIVES:
        return obj
    relcl = _relative_clause(verb)
    if relcl is None or relcl.head.i == relcl.i or relcl.head.pos_ not in NOMINAL_POS:
        return obj
    if any(t.i != obj.i and (t.ent_type_ in PARTY_ENTITY_TYPES or (t.pos_ == "PROPN" and not t.ent_type_))
           for t in relcl.subtree):
        # "the report that the Home Office published": the noun's phrase holds the clause, and a
        # party named in it would be read as the act's target; the pronoun stays the object.
        return obj
    return _relative_head(relcl.head, obj)


#: A clause head whose merged infinitive is not worked out yet (None is an answer: it has none).
_NOT_YET = object()
#: The document whose merged infinitives are kept, and them by token index: one tuple, read and replaced whole.
_XCOMPS: tuple[Doc | None, list] = (None, [])


def merged_xcomp(verb: Token) -> Token | None:
    """The infinitive that completes ``verb``'s predicate ("agreed to sell", "is ready to help").

    Kept per token of the current document like ``kids`` (``forget_children`` drops them): the
    predicate, the coding, the dating and the arguments each ask it of the same verb, three to four
    times per clause, and each answer walks the verb's and its complement's children.
    """
    global _XCOMPS
    doc, kept = _XCOMPS
    if doc is not verb.doc:
        doc = verb.doc
        kept = [_NOT_YET] * len(doc)
        _XCOMPS = (doc, kept)
    found = kept[verb.i]
    if found is _NOT_YET:
        found = kept[verb.i] = _merged_xcomp(verb)
    return found


def _merged_xcomp(verb: Token) -> Token | None:
    if is_going_to(verb) or is_obliged(verb):
        return None
    for c in kids(verb):
        dep = c.dep
        if dep == _XCOMP and c.pos_ in VERBAL_POS and not _object_controlled(c):
            return c
        if dep == _ACOMP and is_readiness(verb):
            for g in kids(c):
                if g.dep == _XCOMP:
                    return g
    return None


def predicate(verb: Token) -> str:
    """The verb lemma with its particle, and the complement of a light verb ("keep quiet")."""
    lemma = verb_lemma(verb)
    parts = [lemma]
    parts += [c.lower_ for c in kids(verb) if c.dep_ == "prt"]
    if lemma in ADJECTIVE_LIGHT_VERBS or is_readiness(verb):
        parts += [c.lower_ for c in kids(verb) if c.dep_ in LIGHT_VERB_COMPLEMENT_DEPS and c.pos_ == "ADJ"]
    return " ".join(parts)


def negated(verb: Token) -> bool:
    return any(c.dep == _NEG or (c.dep == _ADVMOD and c.lower_ in NEGATION_WORDS) for c in kids(verb))


#: The document whose phrases are kept, and them by (head index, trimmed labels): one tuple, replaced whole.
_PHRASES: tuple[Doc | None, dict[tuple[int, frozenset[str]], tuple[Token, ...]]] = (None, {})


def phrase_tokens(tok: Token, trim: frozenset[str] = PHRASE_TRIM_DEPS) -> list[Token]:
    """``tok`` with its modifiers, leaving out clauses, appositions and coordination.

    A word written with hyphens stays whole ("the 66-year-old": the parser hangs "66-year" on
    "old" as a modifier it would otherwise leave out). Kept per token of the current document like
    ``kids`` (``forget_children`` drops them): the actor, target, object and coding rules ask the
    same phrase several times; each caller gets a list of its own (some extend it).
    """
    global _PHRASES
    doc, kept = _PHRASES
    if doc is not tok.doc:
        doc = tok.doc
        kept = {}
        _PHRASES = (doc, kept)
    key = (tok.i, trim)
    found = kept.get(key)
    if found is None:
        found = kept[key] = tuple(_phrase_tokens(tok, trim))
    return list(found)


def _phrase_tokens(tok: Token, trim: frozenset[str]) -> list[Token]:
    children_of, deps, tags, tokens = doc_tree(tok.doc)
    out = [tok.i, *(t.i for t in hyphen_joined(tok))]
    trim_ids = _ids_of(trim)
    stack = [c for c in children_of[tok.i] if deps[c] not in trim_ids]
    while stack:
        c = stack.pop()
        out.append(c)
        # "X's housing policy and raising ...": what the parser coordinated with a
        # noun-internal participle is a clause of its own, not part of the phrase
        # (only a VBG can be one: the tag is read from the array before a ``Token`` is asked).
        if tags[c] == _VBG_ID and is_nominal_participle(tokens[c]):
            stack.extend(g for g in children_of[c] if deps[g] not in _COORDINATION_IDS)
        else:
            stack.extend(children_of[c])
    out.sort()
    return [tokens[i] for i in out]


_VBG_ID = get_string_id("VBG")
_COORDINATION_IDS = dep_ids(COORDINATION_DEPS)


_HYPH_ID = get_string_id("HYPH")


def hyphen_positions(doc: Doc) -> frozenset[int]:
    """The indices of the tokens tagged ``HYPH``, read from one array once per document.

    Why: ``hyphen_joined`` asks the tag of both neighbours of every phrase head, and each
    ``doc[i].tag_`` makes a Python ``Token``; most phrases touch no hyphen at all. Kept with the
    children lists (``forget_children`` drops both).
    """
    store = _CHILDREN.__dict__
    kept = store.get("hyphens")
    if kept is None or kept[0] is not doc:
        positions = frozenset(numpy.flatnonzero(doc.to_array(TAG) == _HYPH_ID).tolist()) if len(doc) else frozenset()
        kept = store["hyphens"] = (doc, positions)
    return kept[1]


def hyphen_joined(tok: Token) -> list[Token]:
    """The other tokens of the hyphenated word ``tok`` ends or starts ("66", "-", "year", "-" of "66-year-old")."""
    doc = tok.doc
    hyphens = hyphen_positions(doc)
    start = end = tok.i
    while start >= 2 and start - 1 in hyphens and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_:
        start -= 2
    while end + 2 < len(doc) and end + 1 in hyphens and not doc[end].whitespace_ \
            and not doc[end + 1].whitespace_:
        end += 2
    if start == end:
        return []
    return [doc[k] for k in range(start, end + 1) if k != tok.i]


def actor_phrase_tokens(tok: Token) -> list[Token]:
    """An actor's phrase with an "of"/"for" phrase ("Leaders of the coalition", "a spokesman for X")."""
    out = phrase_tokens(tok)
    for c in kids(tok):
        if c.dep_ == "prep" and c.lower_ in ("of", "for"):
            out.extend(phrase_tokens(c, PREP_KEEPING_TRIM_DEPS))
    return sorted(out, key=lambda t: t.i)


def pronoun_antecedent(pronoun: Token, verb: Token) -> Token | None:
    """The noun phrase a pronoun subject takes up within its sentence: "Hungary has said it will ...".

    First the nearest governing clause whose subject (active or passive: "both teams were
    cheered as they left"), or else whose agent ("an effort by Egypt to signal that it ..."),
    precedes the pronoun, is a noun phrase and agrees with it (``agrees``); a reporting
    frame is the usual case. Then, for "it"/"they", the subject of an earlier clause
    coordinated with one of those ("said the proposal was ill-thought, it lacked support").
    """
    chain: list[Token] = []
    tok = verb
    for _ in range(MAX_DEPTH):
        if tok.head.i == tok.i:  # the root (spaCy makes a new Token per access: compare positions)
            break
        tok = tok.head
        if tok.pos_ not in VERBAL_POS:
            continue
        chain.append(tok)
        subjects = children(tok, NOMINAL_SUBJECT_DEPS)
        if not subjects:
            found = agent(tok)
            subjects = [found] if found is not None else []
        for subj in subjects:
            if subj.i < pronoun.i and subj.pos_ in NOMINAL_POS and agrees(pronoun, subj):
                return subj
    if pronoun.lower_ not in SIBLING_ANAPHORS:
        return None
    on_chain = {t.i for t in chain} | {verb.i}
    siblings = [
        c for anc in chain for c in kids(anc)
        if c.dep_ in SIBLING_CLAUSE_DEPS and c.i < pronoun.i and c.i not in on_chain
    ]
    for clause in sorted(siblings, key=lambda t: -t.i):
        for subj in children(clause, NOMINAL_SUBJECT_DEPS):
            if subj.i < pronoun.i and subj.pos_ in NOMINAL_POS and agrees(pronoun, subj):
                return subj
    return None


def agrees(pronoun: Token, noun: Token) -> bool:
    """Whether ``noun`` can be what ``pronoun`` stands for: person-hood and number, where they are sure.

    "it" never takes up a person ("Ann Cole said it lacked support": "it" is not
    Ann Cole); "they" never takes up one person alone (but a team, a country or a
    party, as news usage has it: "Norway said they ..."); "he"/"she" never a
    place, an organisation or a plural noun.
    """
    word = pronoun.lower_
    person = noun.ent_type_ == "PERSON" or noun.lower_ in PERSONAL_PRONOUNS
    if word == "it":
        # "justice minister Ann Cole": a title noun whose name hangs on it is a person too.
        return not person and not any(c.ent_type_ == "PERSON" and c.dep_ in NAME_ON_TITLE_DEPS for c in kids(noun))
    if word == "they":
        return not (person and not any(c.dep_ == "conj" for c in kids(noun)))
    if word in ("he", "she"):
        return noun.ent_type_ not in NON_PERSON_TYPES and noun.tag_ not in PLURAL_NOUN_TAGS
    return True


def full_phrase_tokens(tok: Token) -> list[Token]:
    """``tok`` with its prepositional modifiers too ("the inquiry into ..."), minus clauses."""
    return phrase_tokens(tok, CLAUSE_TRIM_DEPS)


def argument_tokens(verb: Token) -> list[Token]:
    """``verb`` with its arguments (objects, particles, complements), not its adjuncts: "to sell"."""
    out = [c for c in kids(verb) if c.dep_ in VERB_GROUP_DEPS]
    for c in kids(verb):
        if c.dep_ in OBJECT_DEPS or c.dep_ in ARGUMENT_COMPLEMENT_DEPS:
            out.extend(c.subtree)
    return sorted([verb, *out], key=lambda t: t.i)


def contiguous(tokens: list[Token]) -> tuple[int, int] | None:
    """Token bounds of a phrase, cut at the first gap and trimmed of punctuation."""
    if not tokens:
        return None
    toks = sorted(tokens, key=lambda t: t.i)
    start = toks[0].i
    end = start + 1
    for t in toks[1:]:
        if t.i != end or (t.is_space and "\n" in t.text):
            break  # a gap, or a paragraph break the parser ran a sentence across
        end += 1
    doc = toks[0].doc
    # The run is toks[:end - first]: token k of the doc is run[k - first], its text words[k - first].
    first = start
    run = toks[: end - first]
    words = [t.text for t in run]
    while start < end and (run[start - first].is_punct or run[start - first].dep_ in LEADING_CONNECTIVE_DEPS):
        start += 1
    while end > start and run[end - 1 - first].is_punct and words[end - 1 - first] not in ("”", '"', "’"):
        end -= 1
    if end > start and words[end - 1 - first] in ("”", '"') and not any(
        w in ("“", '"') for w in words[start - first : end - 1 - first]
    ):
        end -= 1
    inner = words[start - first : end - first]
    opened = inner.count("“") > inner.count("”")
    if opened and end < len(doc) and doc[end].text == "”":
        end += 1
    return (start, end) if end > start else None


def clause_ancestors(verb: Token) -> list[Token]:
    """The clauses ``verb`` is embedded in, nearest first, across complement and adverbial links."""
    out: list[Token] = []
    tok = verb
    for _ in range(MAX_DEPTH):
        if tok.dep_ not in EMBEDDING_DEPS or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.dep_ == "pobj" or tok.pos_ == "ADP":
            continue
        out.append(tok)
    return out
