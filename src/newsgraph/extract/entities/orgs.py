"""Mentions of organisations and groups: "the carmaker", "it", "they", "the rebels".

No offline coreference model is available, so this follows the same salience
recipe as the person pronouns (Lappin & Leass 1994, simplified):

- a definite description naming an organisation's kind ("the company", "the
  ministry", "this agency") goes to the nearest earlier organisation of a
  compatible kind within a few sentences, subjects and frequent names
  preferred, a name that contains the noun ("Standards Board" for "the board")
  most of all (failing that, a name holding the noun further back, or the article's
  main organisation of that kind); a kind noun joined to the name after it ("the
  advocacy group Fair Homes") is that name's; "the government" goes to the country the article is about (its
  most frequent country), or, when it names none, to an entity of its own;
- "it"/"its" and "they"/"their" weigh every earlier noun phrase of their own
  and the previous sentence (recency, subject, object), agreeing in number
  (an organisation may take "they"); they are resolved only when the best
  phrase is a mention of an organisation, country or group; when it is
  anything else ("the tax ... it") they stay unresolved; for "it"/"its" a learned
  ranker (``ranking.py``) makes the final choice among the entities mentioned
  nearby, the rules' choice being one of its features (``_rank``);
- a plural noun for a group of people ("protesters", "officials") that the
  article uses at least ``GROUP_MIN_MENTIONS`` times, or twice after "the"
  ("the fans ... the fans"; also a collective singular, "the police"), or once as
  a definite plural ("the plaintiffs"), becomes an unnamed entity whose mentions
  are those nouns; synonyms of one group ("the officers", "the police") are one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Token

from newsgraph.extract.entities import coref, ranking
from newsgraph.extract.entities.coref import token_strings
from newsgraph.extract.entities.lexicons import (
    COLLECTIVE_GROUP_NOUNS,
    COMPOUND_NAMED_ORGS,
    CORPORATE_SUFFIXES,
    COUNTRY_NOUNS,
    FEDERAL_UNION_NOUNS,
    GOVERNMENT_NOUNS,
    GROUP_MIN_DEFINITE_MENTIONS,
    GROUP_MIN_MENTIONS,
    GROUP_NOUNS,
    GROUP_SYNONYMS,
    HEAD_NAMED_ORG_NOUNS,
    LOCAL_GOVERNMENT_NOUNS,
    LONE_COLLECTIVE_NOUNS,
    MEDIA_ONLY_NOUNS,
    NON_NAME_LABELS,
    ORG_DESCRIPTION_DETERMINERS,
    ORG_KIND_ALSO,
    ORG_KIND_NOUNS,
    ORG_NAME_KINDS,
    PERSON_ORG_NOUNS,
    STATE_NOUNS,
    UNKNOWN_ORG_KINDS,
    UNNAMED_ORG_MIN_MENTIONS,
    US_NAMES,
    US_STATES,
)
from newsgraph.vocab.parse import NOMINAL_SUBJECT_DEPS, PLURAL_NOUN_TAGS, PRESENT_TAGS
from newsgraph.vocab.pronouns import NEUTER_PRONOUN_FORMS, PLURAL_PRONOUN_FORMS
from newsgraph.vocab.speech import QUOTE_SPEECH_VERBS, SELF_REPORTING_VERBS

#: Entity types an organisation description or "it" may stand for.
ORG_LABELS = frozenset({"ORG", "GPE", "FAC", "NORP"})
#: How many sentences back a description looks for its organisation.
DESCRIPTION_WINDOW = 4
#: How many sentences back "it"/"they" look (0: their own sentence only).
PRONOUN_WINDOW = 1
#: How many sentences back a plural pronoun looks for a group entity when its own window offers nothing: an
#: article keeps calling a group "they" across sentences that do not name it ("the liberals ... Just don't ask
#: them ...").
PLURAL_FALLBACK_WINDOW = 3
#: How far up from "its" the participle of a fronted adjunct may be ("Reporting its results ...").
CATAPHOR_DEPTH = 4
#: Lappin & Leass salience weights (halved for the previous sentence).
W_RECENCY = 100.0
W_SUBJECT = 80.0
W_OBJECT = 50.0
W_NOT_ADVERBIAL = 50.0
#: A subject weighs more the less deeply its verb is embedded (this weight over 1 + the verb's depth):
#: "Consumers care how handsets fit their lives" — "their" is the consumers'.
W_MAIN_SUBJECT = 30.0
#: Description scoring: per sentence back, subject, frequency, the noun inside the name.
D_DISTANCE = 1.0
D_SUBJECT = 0.5
D_FREQUENCY = 0.3
D_NAMED_KIND = 2.0
#: The kind of an organisation whose name and context say nothing of it.
UNKNOWN_KIND = "unknown"
#: Sentences back a longer name may be for a capitalised kind noun standing alone ("the Bank", ``_short_form``).
SHORT_FORM_WINDOW = 8
#: Mentions an organisation needs to be the article's main one of its kind, for a description with none nearer.
MAIN_ORG_MIN_MENTIONS = 3
#: Kinds whose one named organisation of an article a description of that kind is, however far back
#: ("the school" for the one university named): a school is seldom one of two in a news article.
NAMED_KIND_UNIQUE = frozenset({"school"})
#: Words before "government" that make it a federation's own ("the federal government").
FEDERAL_WORDS = frozenset({"federal"})
#: Mentions a country needs to be "the government"'s country without a nearer cue.
GOVERNMENT_MIN_MENTIONS = 2
#: Verbs whose passive subject "it" is an expletive ("it is thought that ...").
EXPLETIVE_PASSIVE_VERBS = frozenset({"think", "expect", "believe", "say", "understand", "report", "moot",
                                     "know", "estimate", "hope", "feel"})
#: Verbs whose subject "it" is an expletive when the verb has a clause of its own ("it is clear that"; since
#: round 17 "it turns out that", "it came as talks resumed", "it happens that").
EXPLETIVE_VERBS = frozenset({"be", "seem", "appear", "remain", "become", "look", "take", "make", "emerge",
                             "transpire", "turn", "come", "happen"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj", "advcl"})
#: Adjectives whose small clause ("make it difficult for ...") takes an "it" that stands for a clause to come.
EXTRAPOSITION_ADJECTIVES = frozenset({"difficult", "hard", "easy", "clear", "possible", "impossible", "necessary",
                                      "harder", "easier", "tough", "tougher", "unlikely", "likely", "plain"})
#: Verbs of a small clause with an adjective ("made it clear", "found it hard", "consider it necessary").
SMALL_CLAUSE_VERBS = frozenset({"make", "find", "consider", "deem", "think", "render"})
#: The contracted "is" after "it", with either apostrophe ("it's", "it’s").
CONTRACTED_IS = frozenset({"'s", "\u2019s"})
#: The tags the model gives that "’s" when it is "is" (a verb's; the possessive's is "POS").
CONTRACTED_IS_TAGS = frozenset({"VBZ", "VBD"})
#: Object positions of a pronoun.
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "attr"})
#: Kinds a place's name may give it that no country has ("Cummins Inc." tagged a place is a company; "Mar-a-Lago"
#: a club): never "the country".
NOT_COUNTRY_KINDS = frozenset({"company", "club", "media", "band", "school", "facility", "campaign", "legal"})
#: Parts of speech no organisation's name holds: a span with one is a headline the tagger read as a name.
RUN_ON_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ"})
#: Kinds of organisation a nationality before the kind noun only qualifies ("the Italian firm": a company named before).
NATIONALITY_QUALIFIED_KINDS = frozenset({"company", "media", "band", "other"})
#: Dependencies of a noun phrase's head (spaCy's English ``noun_chunks`` set, conjuncts included).
PHRASE_HEAD_DEPS = frozenset({"nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT",
                              "conj"})
#: Plural pronouns a "they" chain needs before its unnamed group of people is an entity: with the noun
#: phrase they start from, three mentions, an article that keeps referring to the group (a single
#: "consumers ... their" is the annotation's ``null``).
GROUP_CHAIN_MIN_PRONOUNS = 2
#: Nouns for people in general: never a plural for things ("according to the people close to X. They ...").
PEOPLE_NOUNS = frozenset({"people", "person", "persons", "individual", "family", "group"})
#: Verbs of saying, thinking and deciding, whose subject "they" is people or an organisation, not things.
AGENT_VERBS = frozenset({"say", "think", "believe", "know", "want", "feel", "tell", "claim", "argue", "warn",
                         "decide", "hope", "fear", "refuse", "agree", "plan", "deny", "announce", "complain",
                         "insist", "admit", "ask", "urge", "try", "promise", "vote", "demand", "accuse"})
#: A chain that stays in its noun's sentence needs this many pronouns.
GROUP_CHAIN_LONG = 3
#: How many heads up from a pronoun the verb of a group noun's clause is looked for (``_subject_binds``).
SUBJECT_BIND_DEPTH = 4
#: Determiners that make a group noun one group the article knows ("the traders"): its chain needs no length.
SPECIFIC_GROUP_DETERMINERS = frozenset({"the", "these", "those"})
#: Kind nouns whose lower-case noun modifier must be in the name of an organisation of unknown kind
#: (``_modifier_unmet``): "the security team" is no club named before.
MODIFIED_KIND_NOUNS = frozenset({"team"})
#: Dependencies of a place's name before a noun it only qualifies ("the Paris accord", "New York financier X").
PLACE_MODIFIER_DEPS = frozenset({"compound", "nmod"})
#: Labels of a name that, inside a description of some kinds, only says where the organisation is.
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Kinds of organisation a place's name inside the description qualifies ("the US regulator", "the Leeds
#: police union"); clubs, teams, bands and parties are often named after their place and are left out.
PLACE_QUALIFIED_KINDS = NATIONALITY_QUALIFIED_KINDS | {"body", "union"}
#: Unresolved descriptions of an organisation of any other kind ("the court", "the union") before it is
#: one of its own: more than a person's organisation needs, as two "the company" may be two companies.
UNNAMED_KIND_MIN_MENTIONS = 3
#: Dependents that count or quantify a group ("a million consumers", "all candidates"): people in general.
QUANTIFIER_DEPS = frozenset({"nummod", "quantmod", "predet"})
QUANTIFIER_WORDS = frozenset({"all", "many", "most", "some", "few", "several", "no", "any", "every", "each",
                              "other", "such", "more", "fewer"})
#: Roles of an unnamed group of people's phrase that let it outweigh a plural for things before a "their" or
#: "them" of its own sentence (``_pronoun``): the subject or direct object, what the sentence is about.
PEOPLE_LEAD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
#: The pronouns that may be so taken back from a plural for things: possessives and objects ("puts bags over
#: their heads", "suffocate them"); a subject "they" is left to the weights.
PEOPLE_PRONOUN_DEPS = frozenset({"poss", "dobj", "pobj", "dative"})
#: Plural nouns for people that may start a "they" chain besides ``GROUP_NOUNS`` (lemmas): roles a
#: group of people plays in a news story, not things ("prices ... they").
CHAIN_PEOPLE_NOUNS = frozenset({
    "candidate", "challenger", "teenager", "male", "female", "rioter", "parent", "child", "man", "woman",
    "leader", "republican", "democrat", "judge", "juror", "lawyer", "attorney", "defendant", "suspect",
    "agent", "staffer", "aide", "adviser", "advisor", "bandmate", "trader", "owner", "driver", "guard",
    "firefighter", "inspector", "auditor", "regulator", "director", "manager", "organiser", "organizer",
    "donor", "athlete", "musician", "artist", "actor", "resident", "neighbour", "neighbor", "patient",
    # round 8: political camps, the people of markets and of public life, of crime and of a family
    "liberal", "conservative", "progressive", "anarchist", "thug", "correspondent", "broker", "banker",
    "dealer", "buyer", "seller", "borrower", "saver", "taxpayer", "tenant", "landlord", "commuter", "motorist",
    "tourist", "visitor", "pensioner", "retiree", "graduate", "pupil", "mother", "father", "witness", "looter",
    "gunman", "attacker", "terrorist", "extremist", "immigrant", "politician", "lawmaker", "senator", "official",
    "commentator", "pundit", "critic", "spectator", "listener", "reader", "follower", "believer",
    "christian", "muslim", "citizen", "civilian", "colleague", "friend", "relative", "sibling", "son", "daughter",
    # round 13: people an article names as a group and refers back to
    "alumnus", "criminal", "youth", "alien", "columnist", "chief", "supremacist", "personnel",
    # round 16: people of public order and of public events, and of a family
    "deputy", "participant", "sister", "brother",
    # round 17: the people of a study and of a deportation
    "author", "deportee",
})  # fmt: skip


@dataclass
class Org:
    """What resolution knows of one organisation, country or group."""

    label: str
    kind: str
    words: frozenset[str]
    count: int = 0


@dataclass
class Result:
    """Mentions found: (token start, token end, kind, group); groups past the known ones are new."""

    mentions: list[tuple[int, int, str, int]] = field(default_factory=list)
    new_groups: list[tuple[str, str]] = field(default_factory=list)  # (label, name)


def org_kind(words: frozenset[str]) -> str:
    """The kind of organisation its name's words give ("Labour Party" → party, "Acme Corp" → company).

    An appositive's kind noun counts as one of its words ("Veltrex, a medical supply company"). With
    none of them the kind is unknown: the name may be a company, a club or a band, not a ministry or a party.
    """
    ordered = sorted(words)
    for kinds in (ORG_NAME_KINDS, ORG_KIND_NOUNS):
        kind = next((kinds[word] for word in ordered if word in kinds), None)
        if kind is not None:
            return kind
    if words & CORPORATE_SUFFIXES:
        return "company"
    return UNKNOWN_KIND


def _compatible(noun: str, org: Org) -> bool:
    if noun in org.words:
        return True
    if org.label == "NORP":
        return ORG_KIND_NOUNS[noun] == "party" and org.kind == "party"
    if org.label == "FAC":
        return ORG_KIND_NOUNS[noun] == "facility"
    if org.label != "ORG":
        return False
    if noun in MEDIA_ONLY_NOUNS:  # "the outlet": a newspaper or broadcaster known to be one, not any name
        return org.kind == "media"
    kinds = ORG_KIND_ALSO.get(noun, frozenset({ORG_KIND_NOUNS[noun]}))
    if org.kind == UNKNOWN_KIND:
        return bool(kinds & UNKNOWN_ORG_KINDS)
    return org.kind in kinds


def _run_on_name(doc: Doc, start: int, end: int) -> bool:
    """True for a name the tagger ran on past where a name ends: across a line break ("School For Kneeling
    ... \n\n Athletes", a headline joined to the next), or through a verb, a pronoun or a subordinating
    conjunction ("They Came Out Because", a title-case headline).

    The description rules were written on names an organisation has; such a span is a piece of a
    headline, and "the school" or "the bank" after it is the school or bank the article speaks of, not it.
    """
    return any(t.is_space or t.pos_ in RUN_ON_POS for t in doc[start:end])


def _expletive(token: Token) -> bool:
    """'It is thought that ...', 'it is important to ...', 'found it hard to ...': an "it" that stands for nothing."""
    if token.dep_ == "expl":
        return True
    head = token.head
    lemma = _lemma(head)
    if token.dep_ == "nsubjpass" and lemma in EXPLETIVE_PASSIVE_VERBS:
        return True
    if token.dep_ == "nsubj" and lemma == "be" and any(_cleft_focus(c) for c in head.children if c.i > token.i):
        return True  # the cleft "it is Acme that pays": "it" only puts Acme in focus
    clause = any(c.dep_ in CLAUSE_DEPS for c in head.children)
    # "it is clear that ...", and the small clause "she found it hard to ..."
    if token.dep_ == "nsubj" and clause and (lemma in EXPLETIVE_VERBS or head.pos_ == "ADJ"):
        return True
    # "ways to make it difficult for the mayor, who ..., to ...": the small clause of an adjective of
    # extraposition, its clause parsed too far off to be the adjective's child ("made it profitable" may be a firm)
    return (token.dep_ == "nsubj" and head.pos_ == "ADJ" and head.dep_ in ("ccomp", "oprd")
            and head.lemma_.lower() in EXTRAPOSITION_ADJECTIVES and _lemma(head.head) in SMALL_CLAUSE_VERBS)


def _copula_it(token: Token) -> bool:
    """ "It is ...", "it was the stonemason who ...", "it's unlike anything": an "it" that is the subject of
    "be" describes a situation, an event or a thing far more often than an organisation (98 of 107 such
    "it" of the development mention sets have no antecedent), so it is left unresolved, by the ranker too.
    """
    return token.lower_ == "it" and token.dep_ == "nsubj" and _lemma(token.head) == "be"


def _lemma(token: Token) -> str:
    """The token's lemma, with the contracted "’s" of "it’s" read as "be" (the model lemmatises the curly
    apostrophe's "’s" to "’", the straight "'s" to "be"; and may tag the verb a past, "VBD")."""
    if token.tag_ in CONTRACTED_IS_TAGS and token.lower_ in CONTRACTED_IS:
        return "be"
    return token.lemma_.lower()


def _kind_appositives(doc: Doc) -> list[tuple[int, int, str]]:
    """(token, its head, its word) of every appositive that is a kind noun ("Acme, a software *company*").

    Read once per doc from the arrays (few tokens are such appositives); a doc without a parse has none, its
    dependencies being empty.
    """
    lowers = token_strings(doc, LOWER)
    return [(k, doc[k].head.i, lowers[k]) for k, dep in enumerate(token_strings(doc, DEP))
            if dep == "appos" and lowers[k] in ORG_KIND_NOUNS]


def _appositive_kinds(doc: Doc, spans: list[tuple[int, int]],
                      appositives: list[tuple[int, int, str]] | None = None) -> frozenset[str]:
    """The kind nouns an organisation's appositives give it ("Acme, a software company" → company).

    The article says what the organisation is, so a later "the company" means it more than a nearer
    organisation of no stated kind: the noun counts as if it were in the name. ``appositives`` are the
    doc's kind-noun appositives (``_kind_appositives``, read here when not given): a span's root is found
    only when one of them hangs off a token of the span, after it.
    """
    if appositives is None:
        appositives = _kind_appositives(doc)
    if not appositives:
        return frozenset()
    kinds = set()
    for s, e in spans:
        if e > len(doc):
            continue
        after = [(k, head, low) for k, head, low in appositives if k >= e and s <= head < e]
        if after:
            root = doc[s:e].root.i
            kinds.update(low for _, head, low in after if head == root)
    return frozenset(kinds)


def _prenominal_kind(doc: Doc, spans: list[tuple[int, int]]) -> str | None:
    """The kind a noun right before the name gives ("TV network Vantage", "the band Kestrel Road"), if any.

    A weaker cue than an appositive: it says what kind the organisation is, not that a later
    description repeats it, so it gives the kind only.
    """
    for s, _ in spans:
        if s > 0 and doc[s - 1].is_lower and doc[s - 1].pos_ == "NOUN" and doc[s - 1].lower_ in ORG_KIND_NOUNS:
            return ORG_KIND_NOUNS[doc[s - 1].lower_]
    return None


def _local_government_kind(doc: Doc, spans: list[tuple[int, int]]) -> str | None:
    """ "body" for a local government's name ("City of Seattle"), whose "the authority" or "the council" it is."""
    for s, e in spans:
        if e - s >= 3 and doc[s].lower_ in LOCAL_GOVERNMENT_NOUNS and doc[s + 1].lower_ == "of":
            return "body"
    return None


def _clause_partners(token: Token) -> set[int]:
    """Tokens a description cannot be coreferent with: its own clause's subject and the name it is an
    appositive of, or a possessor inside ("Kestrel Oil sold the company to ...": not Kestrel Oil; "Orrin
    Capital, the company's fund arm": not Orrin Capital). A clause below ("Acme said the company would")
    is no part of it.
    """
    partners: set[int] = set()
    node = token
    for _ in range(CATAPHOR_DEPTH * 2):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ == "appos":
            partners.add(head.i)
        if head.pos_ in ("VERB", "AUX"):
            if node.dep_ not in NOMINAL_SUBJECT_DEPS:
                partners.update(c.i for c in head.children if c.dep_ in NOMINAL_SUBJECT_DEPS)
            break
        node = head
    return partners


def _cleft_focus(node: Token) -> bool:
    """True for the focus of a cleft: a name after "it is" with a "that"/"who" clause of its own."""
    if node.dep_ != "attr" or node.pos_ != "PROPN":
        return False
    return any(c.dep_ == "relcl" and any(w.lower_ in ("that", "who") and w.i > node.i for w in c.lefts)
               for c in node.children)


def _coordinated(root: Token) -> bool:
    """True for a noun phrase head joined to another by "and" ("TCI and Atticus"): together they are plural."""
    if root.dep_ == "conj" and root.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return root.head.i < root.i and any(c.lower_ == "and" for c in root.head.children)
    return any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in root.children) and any(
        c.lower_ == "and" for c in root.children)


def _depth(token: Token) -> int:
    """How many heads stand above ``token`` in its sentence (coordination not counted)."""
    depth = 0
    while token.head.i != token.i:
        if token.dep_ != "conj":
            depth += 1
        token = token.head
    return depth


def _complement_of_predicate(root: Token) -> bool:
    """True for the object of a preposition an adjective or verb governs ("afraid of Westport", "talks
    with Acme"): the organisation is what the clause is about, not a noun's modifier ("the head of Acme")."""
    prep = root.head
    return prep.dep_ == "prep" and prep.head.pos_ in ("ADJ", "VERB")


def _for_people(root: Token) -> bool:
    """True for a noun that names people ("the people close to X", "officers", "the staff"), in any number."""
    return _people_lemma(root.lemma_)


def _people_lemma(lemma: str) -> bool:
    """``_for_people`` of a token with this lemma (read from the doc's lemma array, as spaCy's ``lemma_``)."""
    lemma = lemma.lower()
    return (lemma in PEOPLE_NOUNS or lemma in CHAIN_PEOPLE_NOUNS or lemma in COLLECTIVE_GROUP_NOUNS
            or GROUP_NOUNS.get(lemma) == "NORP")


#: Pronouns for one person whatever their sex, which a singular "they" stands for ("everyone ... them").
SINGULAR_INDEFINITE_PRONOUNS = frozenset({
    "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "whoever", "each",
})
#: Singular nouns for one person of either sex that a relative "who" with a singular "they" is about
#: ("the person who pays their debts").
SINGULAR_PERSON_NOUNS = frozenset({
    "person", "individual", "man", "woman", "child", "student", "voter", "customer", "user", "parent",
    "employee", "patient", "reader", "driver", "worker", "citizen", "resident", "member", "applicant",
})


def _singular_they(token: Token) -> bool:
    """True for a "they"/"their"/"them" that stands for one person of the pronoun's own sentence.

    "Anyone claiming the city owes them ...", "the one voter who lost their ballot": the clause the
    pronoun stands in (or one above it) is about a singular indefinite ("everyone", "someone") or a relative
    "who" on a singular noun for a person, so the pronoun is that person's singular "they", and no group or
    organisation named earlier is its antecedent. Organisations' "they" never has such a binder: a "who"
    after an organisation's kind noun ("the firm who ...") is not in ``SINGULAR_PERSON_NOUNS``.
    """
    for node in token.ancestors:
        if node.dep_ in ("acl", "relcl") and node.head.lower_ in SINGULAR_INDEFINITE_PRONOUNS:
            return True
        for child in node.children:
            if child.dep_ not in NOMINAL_SUBJECT_DEPS or child.i >= token.i:
                continue
            if child.lower_ in SINGULAR_INDEFINITE_PRONOUNS:
                return True
            if (child.lower_ == "who" and node.dep_ == "relcl" and node.head.tag_ == "NN"
                    and node.head.lemma_.lower() in SINGULAR_PERSON_NOUNS and not node.head.ent_type_):
                return True
    return False


#: Relative pronouns whose clause is about the noun the clause hangs on ("Norwegians who own ...").
RELATIVE_SUBJECTS = frozenset({"who", "that", "which"})
#: Verb tags and words of a plural verb agreeing with its subject: "Wales have won", "Scotland are".
PLURAL_VERB_TAGS = frozenset({"VBP"})
PLURAL_VERB_WORDS = frozenset({"were"})


def _possessor_subject(token: Token) -> Token | None:
    """The subject of the clause a possessive "their" stands in, when that clause has one of its own.

    "Wales have won their last four games", "Norwegians who own their homes", "urging the club to open
    their books": a possessive is most often its own clause's subject (what binding theory calls its local
    binder). The walk goes up from the pronoun to the nearest verb with a nominal subject (a relative
    pronoun there stands for the noun its clause hangs on), or to a subjectless infinitive whose governing
    verb has an object (object control); the first subject found is the answer, as a further one would be
    another clause's.
    """
    if token.dep_ != "poss":
        return None
    node = token
    for _ in range(SUBJECT_BIND_DEPTH + 2):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in node.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
        if len(subjects) > 1 or any(c.lower_ == "and" for s in subjects for c in s.children):
            return None  # "the group and other terrorists slaughter ... in their": a split binder
        subject = subjects[0] if subjects else None
        if subject is not None:
            if subject.i > token.i:
                return None  # a subject after the pronoun: no binder read to here
            if subject.lower_ in RELATIVE_SUBJECTS and node.dep_ == "relcl":
                return node.head
            return subject
        if node.dep_ == "xcomp":
            controller = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
            if controller is not None:
                return controller
        if node.dep_ not in ("xcomp", "conj"):
            return None  # a clause without a subject of its own: leave it to the weighing
    return None


def _plural_agreement(subject: Token) -> bool:
    """True when ``subject``'s verb agrees in the plural ("Wales have won", "Scotland are a strong side").

    British English writes a team, a party or a government named in the singular with a plural verb,
    and then refers to it as "they".
    """
    if subject.dep_ not in NOMINAL_SUBJECT_DEPS:
        return False
    verb = subject.head
    finite = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i] or [verb]
    first = finite[0]
    return first.tag_ in PLURAL_VERB_TAGS or first.lower_ in PLURAL_VERB_WORDS


def _clause_subject(token: Token) -> int | None:
    head = token.head
    return next((c.i for c in head.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)


def _reporting_subject(token: Token) -> Token | None:
    """The subject of the verb of saying whose reported clause has ``token`` for its subject ("Acme said it
    would ...", "Ruritania tweeted that it had ..."): the nearest verb above the pronoun's, when the
    pronoun's clause is that verb's complement."""
    if token.dep_ not in NOMINAL_SUBJECT_DEPS:
        return None
    clause = token.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SELF_REPORTING_VERBS or clause.head.i > token.i:
        return None
    return next((c for c in clause.head.children if c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < token.i), None)


def _fronted_phrase_subject(token: Token) -> int | None:
    """The main clause subject an "its" in a fronted prepositional phrase points ahead to.

    "In its 2016 report, Human Rights Watch said ...": the phrase hangs off the main verb before
    its subject, and a possessive inside it is that subject's.
    """
    if token.dep_ != "poss":
        return None
    node = token.head
    for _ in range(CATAPHOR_DEPTH):
        head = node.head
        if head.i == node.i:
            return None
        if head.dep_ == "ROOT" and node.dep_ == "prep" and node.i < head.i:
            subject = next((c for c in head.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
            return subject.i if subject is not None and subject.i > token.i else None
        node = head
    return None


def _fronted_adjunct_subject(token: Token) -> int | None:
    """The main clause subject an "it"/"its" in a fronted, subjectless participle points ahead to.

    "Reporting its results for the quarter, the airline said ...": the participle
    is done by the main clause's subject, and its "its" is that subject too.
    """
    fronted = _fronted_phrase_subject(token)
    if fronted is not None:
        return fronted
    verb = token.head
    for _ in range(CATAPHOR_DEPTH):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBG", "VBN") or verb.i > verb.head.i:
        return None
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children):
        return None
    return next((c.i for c in verb.head.children if c.dep_ in NOMINAL_SUBJECT_DEPS and c.i > token.i), None)


class OrgResolver:
    """Walks the doc once, in text order, resolving descriptions and pronouns as it goes."""

    def __init__(self, doc: Doc, labels: list[str], names: list[list[tuple[int, int]]],
                 sents: list[int], covered: list[bool], owners: dict[int, int],
                 quotes: coref.Quotes | None = None) -> None:
        self.doc = doc
        self.quotes = quotes
        self.sents = sents
        self.covered = covered
        self.owners = owners  # token -> group, for every mention found so far
        self.result = Result()
        self.orgs: dict[int, Org] = {}
        self.labels = labels
        self.names = names
        self.ranker = ranking.active()
        self.context: ranking.DocContext | None = None
        if ranking.wanted():  # the learned ranker's view of the document (``ranking.py``)
            self.context = ranking.DocContext(doc, sents)
            self.context.add_mentions(owners)
        self.last: dict[int, tuple[int, bool]] = {}  # group -> (latest mention token, subject)
        self.plural_links: list[tuple[int, int]] = []  # (token, group) of each plural pronoun linked, in order
        self.events: list[tuple[int, int]] = []  # (token, group) of names, in text order
        self.name_starts: dict[int, tuple[int, int]] = {}  # first token of a name -> (end, group), any type
        self.run_on: set[int] = set()  # organisations every name of which ran on past a name (``_run_on_name``)
        lowers = token_strings(doc, LOWER)
        appositives = _kind_appositives(doc)  # read once for every organisation's ``_appositive_kinds``
        for gi, (label, spans) in enumerate(zip(labels, names, strict=True)):
            self.name_starts.update((s, (e, gi)) for s, e in spans)
            if label not in ORG_LABELS or not spans:
                continue
            words = frozenset(low for s, e in spans for low in lowers[s:e]) | _appositive_kinds(doc, spans, appositives)
            kind = org_kind(words)
            if kind == UNKNOWN_KIND:
                kind = _prenominal_kind(doc, spans) or _local_government_kind(doc, spans) or kind
            self.orgs[gi] = Org(label=label, kind=kind, words=words, count=len(spans))
            if all(_run_on_name(doc, s, e) for s, e in spans):
                self.run_on.add(gi)
            self.events += [(e - 1, gi) for s, e in spans]
        self.n_known = len(labels)
        # the last words of organisations' longer names that are no kind noun ("Center" of "National Hurricane
        # Center"): a description of that word alone is the organisation's (``_head_match``)
        heads = {lowers[e - 1] for gi, org in self.orgs.items() if org.label == "ORG" and gi not in self.run_on
                 for s, e in names[gi] if e - s > 1 and doc[e - 1].is_alpha}
        self.name_heads = heads - set(ORG_KIND_NOUNS) - GOVERNMENT_NOUNS - COUNTRY_NOUNS - STATE_NOUNS
        self._groups()
        self.events.sort()
        self.government: int | None = None
        self.federal: int | None = None  # "the federal government", one of its own (``_government``)
        self.person_orgs: dict[tuple[int, str], int] = {}  # (person group, noun) -> "the Kasich campaign"
        self.short_forms: dict[str, int] = {}  # "Bank" -> the organisation "the Bank" stands for (``_short_form``)
        self._coordinated_heads: dict[int, bool] = {}  # phrase head -> ``_coordinated``, for this doc
        self.cataphors: list[tuple[int, int]] = []  # (pronoun, later subject) for fronted adjuncts
        self.unresolved: dict[str, list[tuple[int, int]]] = {}  # noun -> (start, end) of descriptions of no one
        self.chain_of: dict[int, int] = {}  # plural pronoun -> the noun of the unnamed group its chain starts at
        self.chains: dict[int, list[int]] = {}  # that noun -> the pronouns of its chain, in text order

    # -- unnamed groups --------------------------------------------------------

    def _groups(self) -> None:
        """Unnamed groups of people or organisations the article keeps referring to (``GROUP_NOUNS``, and
        since round 13 the nouns for people of ``CHAIN_PEOPLE_NOUNS``, "the candidates", "the jurors").

        A group noun used ``GROUP_MIN_MENTIONS`` times, or ``GROUP_MIN_DEFINITE_MENTIONS`` times after
        "the"/"these"/"those", is a group of its own. One written once as a definite plural ("the
        plaintiffs", ``_lone_definite``) names one group the article knows too; but when the article
        also calls it by a synonym (``GROUP_SYNONYMS``: "the officers" where "the police" or "police
        officers" are written) the synonyms are one group, so it joins them instead of standing alone
        under a name the article's other mentions do not share.
        """
        occurrences: dict[str, list[int]] = {}
        lemmas = token_strings(self.doc, LEMMA)
        # the lemmas of a group noun, each distinct lemma tested once (most docs have a few such words)
        group_lemmas = {lemma for lemma in set(lemmas) if (low := lemma.lower()) in GROUP_NOUNS
                        or low in CHAIN_PEOPLE_NOUNS or low in COLLECTIVE_GROUP_NOUNS}
        for i, lemma in enumerate(lemmas):
            if lemma not in group_lemmas:
                continue
            lemma = lemma.lower()
            plural_group = lemma in GROUP_NOUNS or lemma in CHAIN_PEOPLE_NOUNS
            if (not plural_group and lemma not in COLLECTIVE_GROUP_NOUNS) or self.covered[i]:
                continue
            token = self.doc[i]
            if token.pos_ != "NOUN" or token.dep_ == "compound":
                continue
            if token.tag_ in PLURAL_NOUN_TAGS and plural_group:
                occurrences.setdefault(lemma, []).append(i)
            elif lemma in COLLECTIVE_GROUP_NOUNS and token.lower_ == lemma and self._definite(i):
                occurrences.setdefault(lemma, []).append(i)  # "the police", "the staff": singular in form
        standing = {lemma for lemma, tokens in occurrences.items() if self._repeated(tokens)}
        lone = {lemma for lemma, tokens in occurrences.items()
                if lemma not in standing and any(self._lone_definite(i) for i in tokens)}
        families: dict[str, list[str]] = {}
        for lemma in occurrences:
            families.setdefault(GROUP_SYNONYMS.get(lemma, lemma), []).append(lemma)
        formed: dict[str, int] = {}
        for lemma in sorted(standing, key=lambda low: min(occurrences[low])):
            formed[lemma] = self._form_group(lemma, occurrences[lemma])
        for members in families.values():
            if not lone & set(members):
                continue
            joined = [low for low in members if low in formed]
            rest = [i for low in members if low not in standing for i in occurrences[low]]
            if joined:  # "the officers" where "the police ... the police" is a group: that group
                gi = max(joined, key=lambda low: len(occurrences[low]))
                self._join_group(formed[gi], sorted(rest))
            else:  # "police officers ... the cops": one group of the synonyms
                first = min(members, key=lambda low: min(occurrences[low]))
                self._form_group(first, sorted(rest))

    def _repeated(self, tokens: list[int]) -> bool:
        """True for a group noun the article repeats: ``GROUP_MIN_MENTIONS`` times, or after "the" enough."""
        definite = sum(self._definite(i) for i in tokens)
        return len(tokens) >= GROUP_MIN_MENTIONS or definite >= GROUP_MIN_DEFINITE_MENTIONS

    def _lone_definite(self, i: int) -> bool:
        """True for a group noun in its plural form right after "the" ("the plaintiffs", "the banks") or a name's
        possessive.

        "The" picks out one group the article knows, even when it is written once; so does a name's
        possessive right before the noun ("Acme's staffers", ``_name_owned``). A noun whose plural is
        its lemma is a collective, often the institution in general ("would the media have time for
        that?"), and needs the repetition of ``_repeated``; so does "these officers", as often a contrast
        as a reference. The collectives of ``LONE_COLLECTIVE_NOUNS`` do not: "the jury", "the crowd",
        "the staff" of a report are the ones at its trial, its match, its hospital, even when written once.
        """
        token = self.doc[i]
        if token.lower_ in LONE_COLLECTIVE_NOUNS and i > 0 and self.doc[i - 1].lower_ == "the":
            return True
        if token.tag_ not in PLURAL_NOUN_TAGS or token.lower_ == token.lemma_.lower():
            return False
        return (i > 0 and self.doc[i - 1].lower_ == "the") or self._name_owned(i)

    def _name_owned(self, i: int) -> bool:
        """True for a noun right after a name's possessive ("Acme's staffers"): the group that name has."""
        return (i > 1 and self.doc[i - 1].dep_ == "case" and self.doc[i - 2].dep_ == "poss"
                and self.doc[i - 2].head.i == i and self.doc[i - 2].pos_ == "PROPN")

    def _form_group(self, lemma: str, tokens: list[int]) -> int:
        name = Counter(self.doc[i].lower_ for i in tokens).most_common(1)[0][0]
        label = GROUP_NOUNS.get(lemma) or COLLECTIVE_GROUP_NOUNS.get(lemma) or "NORP"
        gi = self._new_group(label, name, kind="group")
        self._join_group(gi, tokens)
        return gi

    def _join_group(self, gi: int, tokens: list[int]) -> None:
        for i in tokens:
            start = i - 1 if self._definite(i) else i
            self._add(start, i + 1, "nominal", gi)
            self.events.append((i, gi))

    def _definite(self, i: int) -> bool:
        """True when the noun at ``i`` follows "the", "these" or "those" ("the fans", "those voters")."""
        return i > 0 and self.doc[i - 1].lower_ in ("the", "these", "those")

    def _new_group(self, label: str, name: str, kind: str) -> int:
        gi = self.n_known + len(self.result.new_groups)
        self.result.new_groups.append((label, name))
        self.orgs[gi] = Org(label=label, kind=kind, words=frozenset({name}), count=0)
        return gi

    def _add(self, start: int, end: int, kind: str, gi: int) -> None:
        self.result.mentions.append((start, end, kind, gi))
        for k in range(start, end):
            self.owners[k] = gi
            self.covered[k] = True
        if gi in self.orgs:  # the ranker may give "it" to a person, who has no Org
            self.orgs[gi].count += 1
        if self.context is not None:
            self.context.add(start, end, gi)

    # -- the walk --------------------------------------------------------------

    def run(self) -> Result:
        cursor = 0
        lowers = token_strings(self.doc, LOWER)
        # the words the walk reads, each distinct word tested once, then their tokens in order
        walked = {low for low in set(lowers)
                  if low in ORG_KIND_NOUNS or low in GOVERNMENT_NOUNS or low in COUNTRY_NOUNS
                  or low in STATE_NOUNS or low in self.name_heads or low in NEUTER_PRONOUN_FORMS
                  or low in PLURAL_PRONOUN_FORMS}
        wanted = [i for i, low in enumerate(lowers) if low in walked] if walked else []
        if not wanted:
            return self.result
        heads = self._phrase_heads()
        # each name's dependency and whether it is its sentence's root (a head offset of 0), from the arrays
        deps, offsets = token_strings(self.doc, DEP), coref.token_values(self.doc, HEAD)
        for i in wanted:
            while cursor < len(self.events) and self.events[cursor][0] < i:
                at, gi = self.events[cursor]
                self.last[gi] = (at, deps[at] in NOMINAL_SUBJECT_DEPS or offsets[at] == 0)
                cursor += 1
            if self.covered[i]:
                self._short_form(i)
                continue
            low = lowers[i]
            if low in ORG_KIND_NOUNS or low in GOVERNMENT_NOUNS or low in COUNTRY_NOUNS or low in STATE_NOUNS:
                self._description(self.doc[i])
            elif low in self.name_heads:
                self._head_match(self.doc[i])
            else:
                self._pronoun(self.doc[i], heads)
        for i, subject in self.cataphors:  # the subject they point ahead to has been read by now
            gi = self.owners.get(subject)
            if gi is not None and gi in self.orgs and not self.covered[i] and self.orgs[gi].kind != "group":
                self._add(i, i + 1, "pronoun", gi)
        self._unnamed_organisations()
        self._group_chains()
        return self.result

    def _group_chains(self) -> None:
        """An unnamed group of people that "they" keeps referring to becomes an entity of its own.

        "Talking with law enforcement officers, they'll tell you that they feel ...": a chain of plural
        pronouns whose best phrase is a plural noun for people no entity stands for (or an earlier
        pronoun of the chain). With ``GROUP_CHAIN_MIN_PRONOUNS`` pronouns the article keeps referring to
        the group, and the noun and its pronouns become one unnamed entity named by the noun, as the
        groups of ``_groups`` are; a shorter chain stays unresolved.
        """
        for noun_i, pronouns in self.chains.items():
            pronouns = [i for i in pronouns if not self.covered[i]]
            if not pronouns or self.covered[noun_i]:
                continue
            short = len(pronouns) < GROUP_CHAIN_MIN_PRONOUNS or (
                len(pronouns) < GROUP_CHAIN_LONG and self.sents[pronouns[-1]] == self.sents[noun_i])
            if short and not self._specific_group(noun_i) and not self._subject_binds(noun_i, pronouns[0]):
                continue  # "if ministers scrap their scheme and make them ...": one sentence says too little
            noun = self.doc[noun_i]
            label = GROUP_NOUNS.get(noun.lemma_.lower()) or COLLECTIVE_GROUP_NOUNS.get(noun.lemma_.lower()) or "NORP"
            gi = self._new_group(label, noun.lower_, kind="group")
            self._add(noun_i, noun_i + 1, "nominal", gi)
            for i in pronouns:
                self._add(i, i + 1, "pronoun", gi)

    def _specific_group(self, noun_i: int) -> bool:
        """True for a group noun made definite or possessed ("the traders", "these voters", "Acme's staff").

        Such a phrase picks out one group the article knows, so even a single "they" after it refers to
        that group; a bare plural ("analysts say ... their") is as often people in general, whose pronoun
        the annotation leaves ``null``.
        """
        return any(c.lower_ in SPECIFIC_GROUP_DETERMINERS or c.dep_ == "poss" for c in self.doc[noun_i].children)

    def _subject_binds(self, noun_i: int, pronoun_i: int) -> bool:
        """True when the group noun is the subject of a clause the pronoun stands in ("officials insist
        they ...", "analysts voiced their disappointment"): there the pronoun is the noun's own."""
        noun = self.doc[noun_i]
        verb = noun.head
        if noun.dep_ not in NOMINAL_SUBJECT_DEPS or verb.dep_ in ("xcomp", "advcl") or any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            return False  # "allow journalists to protect their sources": the subject of an infinitive is anyone's
        node = self.doc[pronoun_i]
        for _ in range(SUBJECT_BIND_DEPTH):
            if node.head.i == node.i or node.lower_ == "than":
                return False  # "more confident than their rivals": a comparison, not the group's own
            node = node.head
            if node.i == verb.i:
                return True
        return False

    def _org_binds(self, gi: int, token: Token) -> bool:
        """True when a mention of organisation ``gi`` is the subject of a verb above ``token`` in its
        sentence ("The council said that if ..., they would ...")."""
        node = token
        for _ in range(SUBJECT_BIND_DEPTH):
            if node.head.i == node.i:
                return False
            node = node.head
            if any(c.dep_ in NOMINAL_SUBJECT_DEPS and self.owners.get(c.i) == gi for c in node.children):
                return True
        return False

    def _people_noun(self, root: Token) -> bool:
        """True for a noun phrase that may start a "they" chain: one group of people, not a quantity of them.

        A plural noun for people ("officers", "candidates") or a collective noun in the singular ("the
        staff", "King's family"; "families" are several groups). A counted or quantified phrase ("nearly a
        million consumers", "all previous candidates", "many voters") speaks of people in general, whose
        "their" the annotation leaves ``null``.
        """
        if root.pos_ != "NOUN" or root.ent_type_:
            return False
        lemma = root.lemma_.lower()
        if any(c.dep_ in QUANTIFIER_DEPS or c.lower_ in QUANTIFIER_WORDS for c in root.children):
            return False
        if lemma in COLLECTIVE_GROUP_NOUNS:
            return root.lower_ == lemma
        return root.tag_ in PLURAL_NOUN_TAGS and (GROUP_NOUNS.get(lemma) == "NORP" or lemma in CHAIN_PEOPLE_NOUNS)

    def _unnamed_organisations(self) -> None:
        """An organisation that no named one takes, described again and again: one unnamed organisation,
        named by its fullest description.

        A person's organisation ("the campaign", ``PERSON_ORG_NOUNS``) needs two descriptions: an article
        speaks of the campaign it follows without naming it. Any other kind ("the court", "the union")
        needs ``UNNAMED_KIND_MIN_MENTIONS``: two unresolved "the company" are as often two companies, but
        an article that keeps saying "the court" speaks of one court. The fullest description may hold a
        name that only says where it is ("the Leeds police union") and is no mention of it then.
        """
        for noun, described in self.unresolved.items():
            spans = [(s, e) for s, e in described if not any(self.covered[k] for k in range(s, e))]
            if len(spans) < (UNNAMED_ORG_MIN_MENTIONS if noun in PERSON_ORG_NOUNS else UNNAMED_KIND_MIN_MENTIONS):
                continue
            # named by its fullest description, also one that holds a name ("the Leeds police union")
            longest = max(described, key=lambda span: (span[1] - span[0], -span[0]))
            name = " ".join(t.lower_ for t in self.doc[longest[0] + 1 : longest[1]])
            gi = self._new_group("ORG", name, kind=ORG_KIND_NOUNS.get(noun, "other"))
            for start, end in spans:
                self._add(start, end, "nominal", gi)

    def _note(self, token: int, gi: int) -> None:
        if gi in self.orgs:
            self.last[gi] = (token, token_strings(self.doc, DEP)[token] in NOMINAL_SUBJECT_DEPS)

    # -- the learned ranker --------------------------------------------------------

    def _candidate(self, gi: int, noun: str | None) -> ranking.CandidateInfo:
        """What the ranker's features read of entity ``gi`` (for a description with head ``noun``)."""
        org = self.orgs.get(gi)
        spans = self.names[gi] if gi < self.n_known else []
        names: frozenset[str] = frozenset()
        if ranking.recording_now():  # the names only label training data
            names = frozenset(coref.span_text(self.doc, s, e).lower() for s, e in spans)
        if org is None:
            return ranking.CandidateInfo(label=ranking.candidate_type(self.labels[gi], None), count=len(spans),
                                         names=names)
        if gi >= self.n_known:
            names = names | org.words
        described = noun is not None and noun in ORG_KIND_NOUNS
        return ranking.CandidateInfo(
            label=ranking.candidate_type(org.label, org.kind), plural=org.kind == "group" or org.label == "NORP",
            kind_compatible=described and _compatible(noun, org), head_match=noun is not None and noun in org.words,
            kind_unknown=org.kind == UNKNOWN_KIND, count=org.count, names=names)

    def _ranks(self, token: Token) -> bool:
        """Whether the ranker decides the mention at ``token`` or records it for training (else the rules do,
        and nothing of the ranker's view need be computed)."""
        if self.context is None:
            return False
        return (self.ranker is not None and ranking.mention_class(token) in self.ranker.use_for) \
            or ranking.recording_now()

    def _rank(self, token: Token, start: int, rule_choice: int | None, rule_scores: dict[int, float],
              partners: set[int | None], speakers: set[int]) -> int | None:
        """The ranker's answer for the mention at ``token`` where it is in use, else the rules' choice;
        called only where ``_ranks`` says so.

        Every decision is described (and recorded when training data are collected), so the features
        are those of the rules' own walk.
        """
        assert self.context is not None
        cls = ranking.mention_class(token)
        use = self.ranker is not None and cls in self.ranker.use_for
        noun = token.lower_ if cls == "description" else None
        recent = self.context.recent(start)
        groups = set(recent)
        if rule_choice is not None:
            groups.add(rule_choice)
        candidates = {gi: self._candidate(gi, noun) for gi in groups
                      if gi < self.n_known or gi in self.orgs}
        inside = self.quotes.inside if self.quotes is not None else None
        options = ranking.options_for(token, start, self.context, candidates, rule_choice, rule_scores,
                                      {p for p in partners if p is not None}, speakers, inside, recent)
        decision = ranking.Decision(start_char=self.doc[start].idx, end_char=token.idx + len(token.text),
                                    mention_class=cls, options=options, rule_choice=rule_choice)
        chosen = self.ranker.choose(options) if use and self.ranker is not None else rule_choice
        decision.chosen = chosen
        ranking.record(decision)
        return chosen

    # -- descriptions ------------------------------------------------------------

    def _description(self, token: Token) -> None:
        if token.pos_ != "NOUN" or token.tag_ in PLURAL_NOUN_TAGS:
            return
        if self._before_name(token):
            return
        if token.dep_ in ("compound", "attr"):
            return
        if self._compound_named(token):
            return
        det = next((c for c in token.lefts if c.dep_ in ("det", "poss")), None)
        if det is not None and det.dep_ == "poss" and token.lower_ in PERSON_ORG_NOUNS:
            owner = self.owners.get(det.i)
            if owner is not None and owner not in self.orgs:  # "Trump's campaign": the person's organisation
                self._person_org(det.i, token.i + 1, owner, token)
                return
        if det is not None and det.dep_ == "poss" and token.lower_ in GOVERNMENT_NOUNS:
            owner = self.owners.get(det.i)
            country = self._main_country() if owner is not None and owner not in self.orgs else None
            if country is not None:  # "President Haddad's government", "his government": the country's
                self._add(token.i, token.i + 1, "nominal", country)
                self._note(token.i, country)
                return
        if det is None or det.lower_ not in ORG_DESCRIPTION_DETERMINERS:
            return
        if det.dep_ == "poss" and ORG_KIND_NOUNS.get(token.lower_) != "party":
            return  # "his company" is not the company named before; "his party" is his party
        if token.lower_ in GOVERNMENT_NOUNS and token.i + 2 < len(self.doc) and self.doc[token.i + 1].lower_ == "of":
            country = self._country_after(token.i + 2)
            if country is not None:  # "the government of The Gambia": the country named next
                self._add(det.i, token.i + 1, "nominal", country)
                self._note(token.i, country)
            return
        restrictive = any(c.dep_ == "relcl" and not self.doc[c.left_edge.i - 1].is_punct for c in token.rights)
        if restrictive or (token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "of"):
            return  # "the company that makes ...", "the company of X": a new one, or one named next
            # ("the band, who won a prize in 1995": a relative clause after a comma adds, it does not pick)
        inner = {self.owners.get(k) for k in range(det.i + 1, token.i)} - {None}
        if any(self.covered[k] and k not in self.owners for k in range(det.i + 1, token.i)):
            return
        nationality = len(inner) == 1 and self._nationality_modifier(next(iter(inner)), token)
        place = len(inner) == 1 and self._place_modifier(next(iter(inner)), token)
        if place:
            nationality, inner = True, set()
        if inner and not nationality:
            gi = inner.pop()
            if not inner and gi not in self.orgs and token.lower_ in PERSON_ORG_NOUNS:
                self._person_org(det.i, token.i + 1, gi, token)  # "the Kasich campaign", a person's
                return
            if not inner and gi in self.orgs and self.orgs[gi].label == "GPE" and token.lower_ in HEAD_NAMED_ORG_NOUNS:
                self._person_org(det.i, token.i + 1, gi, token)  # "the US administration": the country's, not it
                return
            if not inner and gi in self.orgs and self.orgs[gi].label in ("GPE", "ORG"):
                self._add(det.i, token.i + 1, "nominal", gi)  # "the US government", "the Kasich campaign"
                self._note(token.i, gi)
            elif (not inner and gi in self.orgs and self.orgs[gi].label == "NORP" and token.lower_ in GOVERNMENT_NOUNS
                  and det.lower_ == "the"):
                self._person_org(det.i, token.i + 1, gi, token)  # "the Ruritanian government": one of its own
            return
        if any((not t.is_alpha and t.text != "-") or (t.pos_ == "PROPN" and not nationality)
               for t in self.doc[det.i + 1 : token.i]):
            return  # "the non-partisan charity" is a description, "the Acme 4x4 maker" is not
        low = token.lower_
        rule_scores: dict[int, float] = {}
        if low in COUNTRY_NOUNS:
            gi = self._country(token, rule_scores)
        elif low in STATE_NOUNS:
            gi = self._state(token)
        elif low in HEAD_NAMED_ORG_NOUNS:
            gi = self._administration(token)
        elif low in GOVERNMENT_NOUNS:
            gi = self._government(token)
        else:
            gi = self._organisation(token, low, rule_scores)
            if gi is None and low in FEDERAL_UNION_NOUNS and any(self._us_state(k) for k in self._countries()):
                gi = self._states_country(self._partners(token))  # "any other state in the union": the US
        if self._ranks(token):
            gi = self._rank(token, det.i, gi, rule_scores, self._partners(token), self._speakers(token.i))
        if gi is not None and place and self.owners.get(det.i + 1) == gi:
            gi = None  # the place that qualifies the description is not the organisation it describes
        if gi is not None:
            self._add(det.i, token.i + 1, "nominal", gi)
            self._note(token.i, gi)
        elif det.dep_ == "det" and det.lower_ in ("the", "this") and low in ORG_KIND_NOUNS:
            self.unresolved.setdefault(low, []).append((det.i, token.i + 1))

    def _head_match(self, token: Token) -> None:
        """ "the center" after "the National Hurricane Center", "the Guard" after "the National Guard": the last
        word of an organisation's longer name, after "the" or "this", is that organisation's when it was named
        within ``SHORT_FORM_WINDOW`` sentences (the latest such one): the head match coreference systems trust
        most (Lee et al. 2013), for a word no kind noun covers. Not a plural, a modifier, or a word with "of"
        after it ("the center of the storm")."""
        i = token.i
        if i == 0 or self.doc[i - 1].lower_ not in ("the", "this") or self.covered[i - 1]:
            return
        if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in PLURAL_NOUN_TAGS or token.dep_ == "compound":
            return
        if i + 1 < len(self.doc) and self.doc[i + 1].lower_ == "of":
            return
        sent = self.sents[i]
        partners = self._partners(token)
        named = [(at, gi) for gi, (at, _) in self.last.items()
                 if gi < self.n_known and gi in self.orgs and self.orgs[gi].label == "ORG" and gi not in partners
                 and gi not in self.run_on and sent - self.sents[at] <= SHORT_FORM_WINDOW
                 and any(e - s > 1 and self.doc[e - 1].lower_ == token.lower_ for s, e in self.names[gi])]
        if named:
            gi = max(named)[1]
            self._add(i - 1, i + 1, "nominal", gi)
            self._note(i, gi)

    def _compound_named(self, token: Token) -> bool:
        """ "the Trump transition team", "his presidential transition team": one organisation of the article
        (``COMPOUND_NAMED_ORGS``), named by its compound and noun ("transition team"), whoever's it is said to be.

        Its mention runs from the first lower-case word of the phrase (the determiner, an adjective) to the
        noun, leaving the owner's name to the owner.
        """
        compounds = COMPOUND_NAMED_ORGS.get(token.lower_)
        modifier = next((c for c in token.lefts if c.dep_ == "compound" and c.lower_ in compounds), None) \
            if compounds else None
        if modifier is None:
            return False
        name = f"{modifier.lower_} {token.lower_}"
        key = (-1, name)
        if key not in self.person_orgs:
            gi = self._new_group("ORG", name, kind=ORG_KIND_NOUNS.get(token.lower_, "other"))
            self.orgs[gi].words = frozenset({token.lower_, name})
            self.person_orgs[key] = gi
        gi = self.person_orgs[key]
        start = modifier.i
        while (start > token.left_edge.i and not self.covered[start - 1] and self.doc[start - 1].is_lower
               and self.doc[start - 1].dep_ in ("det", "amod", "compound", "poss")):
            start -= 1
        if any(self.covered[k] for k in range(start, token.i + 1)):
            return True
        self._add(start, token.i + 1, "nominal", gi)
        self._note(token.i, gi)
        return True

    def _short_form(self, i: int) -> None:
        """ "the Bank" after "the African Development Bank": a capitalised kind noun, its own one-word name.

        A report on an institution writes its kind noun capitalised after "the" ("the Bank", "the
        Commission"); the tagger takes it for a name of its own, so it never reads as a description. When
        the word is a kind noun (``ORG_KIND_NOUNS``) whose whole name is that one word, and an earlier
        organisation with a longer name holding the word was named within ``SHORT_FORM_WINDOW``
        sentences, "the Bank" is that organisation's (the latest such one): the head match of a
        description, with the capital the institution's own style. Once given, the form keeps its
        organisation: an article writes "the Bank" for one institution however many other banks it names
        ("... like the World Bank and the Asian Development Bank. The Bank now ..."). With no such name the
        word stays a name, as it was.
        """
        token = self.doc[i]
        if i == 0 or not token.is_title or self.doc[i - 1].lower_ != "the" or token.lower_ not in ORG_KIND_NOUNS:
            return
        if self.covered[i - 1] or self.name_starts.get(i, (None, None))[0] != i + 1:
            return
        own = self.name_starts[i][1]
        sent = self.sents[i]
        named = [(at, gi) for gi, (at, _) in self.last.items()
                 if gi != own and gi < self.n_known and gi in self.orgs and self.orgs[gi].label == "ORG"
                 and token.lower_ in self.orgs[gi].words and sent - self.sents[at] <= SHORT_FORM_WINDOW
                 and any(e - s > 1 and self.doc[e - 1].lower_ == token.lower_ for s, e in self.names[gi])]
        gi = self.short_forms.get(token.text)
        if gi is None and named:
            gi = max(named)[1]
            self.short_forms[token.text] = gi
        if gi is not None:
            self._add(i - 1, i + 1, "nominal", gi)
            self._note(i, gi)

    def _nationality_modifier(self, gi: int | None, token: Token) -> bool:
        """True when the nationality inside a description only qualifies a company ("the Italian firm").

        A nationality (``NORP``) is no company, band or newspaper, so "the Italian firm" is a company
        named before, as "the firm" would be. Not for bodies, parties, unions and clubs, where the
        nationality may be the phrase's own ("the Irish government", "the Italian side").
        """
        if gi is None or gi not in self.orgs or self.orgs[gi].label != "NORP":
            return False
        return ORG_KIND_NOUNS.get(token.lower_) in NATIONALITY_QUALIFIED_KINDS

    def _place_modifier(self, gi: int | None, token: Token) -> bool:
        """True when a place's name inside a description only says where the organisation is ("the US
        regulator", "the Leeds police union"): a regulator, a company or a union is no country or city, so
        the description is an organisation of its kind, named before or not at all. Not for governments
        and countries ("the US government" is the country's), nor for clubs, teams, bands and parties, whose
        names are often a place's ("the Leeds side")."""
        if gi is None or gi not in self.orgs or self.orgs[gi].label not in PLACE_LABELS:
            return False
        return ORG_KIND_NOUNS.get(token.lower_) in PLACE_QUALIFIED_KINDS

    def _before_name(self, token: Token) -> bool:
        """A kind noun right before a name it describes ("the advocacy group Fair Homes", "the carmaker Fiat").

        Joined to the name (a compound or an appositive, a comma between them or not: "the band, Kestrel
        Road,"), the phrase says what the name is; it never refers back to another organisation. It
        becomes a mention of that name when the name is an organisation's or a country's and the words
        before the noun are the phrase's own ("the advocacy group"), else no mention ("the Leeds office
        Fair Homes", "the carmaker, Velo," with Velo typed a person). "The company Acme bought" is no
        such phrase: there the name is a relative clause's subject. True when the noun is done with.
        """
        after = token.i + 1
        if after < len(self.doc) and self.doc[after].text == "," and token.dep_ != "compound":
            after += 1
        name = self.name_starts.get(after)
        if name is None:
            return False
        end, gi = name
        root = self.doc[after:end].root
        joined = (root.head.i == token.i and root.dep_ == "appos") or (
            token.dep_ == "compound" and after <= token.head.i < end)
        verb = self.doc[end] if end < len(self.doc) else None
        if verb is not None and verb.tag_ in PRESENT_TAGS | {"VBD"} and verb.head.i in (token.i, root.i):
            joined = False  # "the company Acme bought in 2010" misparsed with an appositive: a relative clause
        if not joined:
            return False
        phrase = token.head if token.dep_ == "compound" else token
        det = next((c for c in (*token.lefts, *phrase.lefts) if c.dep_ == "det" and c.i < token.i), None)
        org = self.orgs.get(gi)
        if org is None or org.kind == "group" or det is None or det.lower_ not in ORG_DESCRIPTION_DETERMINERS:
            return True  # "carmaker Fiat", "its unit Fiat Auto": a title or another's part, no mention here
        if any(self.covered[k] or not (self.doc[k].is_alpha or self.doc[k].text == "-")
               for k in range(det.i, token.i)):
            return True
        self._add(det.i, token.i + 1, "nominal", gi)
        return True

    def _person_org(self, start: int, end: int, person: int, noun: Token) -> None:
        """ "the Kasich campaign", "Obama's administration": an organisation of its own, the person's.

        One entity per person and noun, named as the article writes it without determiner or possessive
        ("Kasich campaign"), so a later "the campaign" or "its" resolves to it like to a named one.
        """
        key = (person, noun.lower_)
        gi = self.person_orgs.get(key)
        if gi is None:
            # the owner's own words ("Kasich campaign"), never a pronoun: "his administration" is "administration"
            owner = [t for t in self.doc[start:end - 1]
                     if self.owners.get(t.i) == person and t.tag_ != "POS" and t.pos_ != "PRON"]
            name = " ".join([*(t.text for t in owner), noun.lower_])
            if noun.lower_ in HEAD_NAMED_ORG_NOUNS:
                name = noun.lower_  # "the Obama administration" is an "administration", its head's
            kind = "body" if noun.lower_ in GOVERNMENT_NOUNS else ORG_KIND_NOUNS.get(noun.lower_, "company")
            gi = self._new_group("ORG", name, kind=kind)
            self.orgs[gi].words = frozenset({noun.lower_, name.lower()})
            self.person_orgs[key] = gi
        first = start if self.doc[start].lower_ in ORG_DESCRIPTION_DETERMINERS else end - 1
        self._add(first, end, "nominal", gi)
        self._note(noun.i, gi)

    def _country_after(self, i: int) -> int | None:
        """The country whose name starts at token ``i`` (or after its "the"), if it is one."""
        if self.doc[i].lower_ == "the" and i + 1 < len(self.doc):
            i += 1
        gi = self.owners.get(i)
        return gi if gi is not None and gi in self.orgs and self.orgs[gi].label == "GPE" else None

    def _main_country(self) -> int | None:
        """The country named most so far (twice at least): whose government "the government" is."""
        countries = [gi for gi, org in self.orgs.items() if org.label == "GPE" and gi in self.last]
        if countries:
            best = max(countries, key=lambda gi: (self.orgs[gi].count, self.last[gi][0]))
            if self.orgs[best].count >= GOVERNMENT_MIN_MENTIONS:
                return best
        return None

    def _country(self, token: Token, scores: dict[int, float] | None = None) -> int | None:
        """ "the country", "the nation": the nearest place named as a subject or often, else the main country.

        A place no country is (a US state, ``US_STATES``; a company or a club the tagger took for a place,
        ``NOT_COUNTRY_KINDS``) is no candidate: "grew up all around the country ... makes his home in
        Florida" is the United States, which the article names as it names it (``_states_country``).
        """
        sent = self.sents[token.i]
        partners = self._partners(token)
        near = [(gi, at, subject) for gi, (at, subject) in self.last.items()
                if gi in self.orgs and self.orgs[gi].label == "GPE" and gi not in partners
                and sent - self.sents[at] <= DESCRIPTION_WINDOW and not self._modifier_place(at)]
        scored = [(-D_DISTANCE * (sent - self.sents[at]) + D_SUBJECT * subject
                   + D_FREQUENCY * min(self.orgs[gi].count, 10) / 10 + 0.0001 * at, gi)
                  for gi, at, subject in near if not self._no_country(gi)]
        if scores is not None:
            scores.update((gi, score) for score, gi in scored)
        if scored:
            return max(scored)[1]
        if any(self._us_state(gi) for gi, _, _ in near):
            return self._states_country(partners)
        found = self._main_country() if any(gi in self.last for gi in self._countries()) else self._article_country()
        if found is not None and self._no_country(found):
            return self._states_country(partners) if self._us_state(found) else None
        return found

    def _state(self, token: Token) -> int | None:
        """ "the state": of the US states (``US_STATES``) named within ``DESCRIPTION_WINDOW`` sentences, the one
        the article has named most so far (the last named of those named as often), else the one named most so
        far (twice at least); none where it names no state. An article about one state names others in passing
        ("paid a Nevada agency", "if we were any higher, we'd be Idaho"), and its "the state" is still its own."""
        sent = self.sents[token.i]
        partners = self._partners(token)
        states = [(at, gi) for gi, (at, _) in self.last.items()
                  if gi in self.orgs and self.orgs[gi].label == "GPE" and gi not in partners and self._us_state(gi)]
        near = [(at, gi) for at, gi in states if sent - self.sents[at] <= DESCRIPTION_WINDOW]
        if near:
            return max(near, key=lambda item: (self.orgs[item[1]].count, item[0]))[1]
        named = [(self.orgs[gi].count, at, gi) for at, gi in states if self.orgs[gi].count >= GOVERNMENT_MIN_MENTIONS]
        return max(named)[2] if named else None

    def _us_state(self, gi: int) -> bool:
        return gi < self.n_known and all(
            coref.span_text(self.doc, s, e).lower() in US_STATES for s, e in self.names[gi])

    def _no_country(self, gi: int) -> bool:
        """True for a place that is no country: a US state, or a name whose words give a kind no country has."""
        return self.orgs[gi].kind in NOT_COUNTRY_KINDS or self._us_state(gi)

    def _states_country(self, partners: set[int | None]) -> int | None:
        """The United States as the article names it (its name named most), for "the country" of a US state."""
        named = [gi for gi in self._countries() if gi not in partners and all(
            coref.span_text(self.doc, s, e).lower() in US_NAMES for s, e in self.names[gi])]
        return max(named, key=lambda gi: (len(self.names[gi]), -self.names[gi][0][0])) if named else None

    def _countries(self) -> list[int]:
        return [gi for gi, org in self.orgs.items() if org.label == "GPE" and gi < self.n_known]

    def _article_country(self) -> int | None:
        """The country the article names most (twice at least), for "the country" written before any place is
        named ("As X prepares to be sworn in as the country's leader ..."): the country it is about."""
        countries = self._countries()
        if not countries:
            return None
        best = max(countries, key=lambda gi: (len(self.names[gi]), -self.names[gi][0][0]))
        return best if len(self.names[best]) >= GOVERNMENT_MIN_MENTIONS else None

    def _modifier_place(self, at: int) -> bool:
        """True for a place last named as a noun's modifier ("the Paris climate agreement", "a New York
        businessman"): it says where a thing is from or was made, not the country the article goes on about."""
        token = self.doc[at]
        return token.dep_ in PLACE_MODIFIER_DEPS and token.head.i > at and token.head.pos_ == "NOUN"

    def _partners(self, token: Token) -> set[int | None]:
        """The groups of ``_clause_partners``, but for a description inside a quotation only those quoted too.

        A quotation holds its speaker's own words: "the campaign called him 'a tremendous asset to the
        campaign'" does not make the quoted campaign another than the one speaking.
        """
        inside = self.quotes.inside if self.quotes is not None else None
        if inside is not None and inside[token.i]:
            return {self.owners.get(k) for k in _clause_partners(token) if inside[k]}
        return {self.owners.get(k) for k in _clause_partners(token)}

    def _administration(self, token: Token) -> int | None:
        """ "the administration", "this administration": the administration the article last spoke of
        ("the Obama administration ... the administration"), else one of its own for the article.

        Never the country named most, as "the government" is: an administration is its head's (the
        mention sets' convention gives it as "administration" or its head, never as the country), and an
        article on a president's policies writes "the administration" for that president's.
        """
        if any(c.lower_ in FEDERAL_WORDS for c in token.lefts):
            return self._government(token)
        own = [gi for (_, noun), gi in self.person_orgs.items() if noun == token.lower_]
        spoken = [gi for gi in own if gi in self.last]
        if spoken:
            return max(spoken, key=lambda gi: self.last[gi][0])
        if own:
            return own[-1]
        key = (-1, token.lower_)  # no person's: one administration of the article's own
        if key not in self.person_orgs:
            gi = self._new_group("ORG", token.lower_, kind="body")
            self.orgs[gi].words = frozenset({token.lower_})
            self.person_orgs[key] = gi
        return self.person_orgs[key]

    def _government(self, token: Token) -> int | None:
        if any(c.lower_ in FEDERAL_WORDS for c in token.lefts):
            # "the federal government": a federation's, not the state or city the article names most
            if self.federal is None:
                self.federal = self._new_group("ORG", f"federal {token.lower_}", kind="body")
            return self.federal
        country = self._main_country()
        if country is not None:
            return country
        bodies = [gi for gi, org in self.orgs.items() if org.label == "ORG" and gi in self.last
                  and token.lower_ in org.words]
        if bodies:
            return max(bodies, key=lambda gi: self.last[gi][0])
        if self.government is None:
            self.government = self._new_group("ORG", token.lower_, kind="body")
        return self.government

    def _organisation(self, token: Token, noun: str, scores: dict[int, float] | None = None) -> int | None:
        sent = self.sents[token.i]
        best, best_score = None, None
        partners = self._partners(token)
        for gi, (at, subject) in self.last.items():
            org = self.orgs.get(gi)
            if org is None or org.kind == "group" or sent - self.sents[at] > DESCRIPTION_WINDOW:
                continue
            if gi in partners or gi in self.run_on:
                continue
            if not _compatible(noun, org) or self._modifier_unmet(token, org):
                continue
            score = (-D_DISTANCE * (sent - self.sents[at]) + D_SUBJECT * subject
                     + D_FREQUENCY * min(org.count, 10) / 10 + D_NAMED_KIND * (noun in org.words) + 0.0001 * at)
            if scores is not None:
                scores[gi] = score
            if best_score is None or score > best_score:
                best, best_score = gi, score
        if best is not None:
            return best
        found = self._main_organisation(noun, partners)
        return None if found is not None and self._modifier_unmet(token, self.orgs[found]) else found

    def _modifier_unmet(self, token: Token, org: Org) -> bool:
        """True for a "team" whose noun modifier an organisation of unknown kind lacks in its name ("the
        national security team", "the production team": not a militia or a programme named before). The
        modifier says what the team is, and nothing says the candidate is that; other kind nouns keep their
        modifiers' freedom ("the tech group"), as the guard cost report2 when it held for all of them."""
        if token.lower_ in MEDIA_ONLY_NOUNS:  # "the gossip outlet" is no newspaper named before
            return any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in org.words for c in token.lefts)
        if org.kind != UNKNOWN_KIND or token.lower_ not in MODIFIED_KIND_NOUNS:
            return False
        return any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower and c.lower_ not in org.words
                   for c in token.lefts)

    def _main_organisation(self, noun: str, partners: set[int | None]) -> int | None:
        """The organisation the article is about, for a description with none of its kind named nearby.

        A report on a club or a company keeps saying "the club" paragraphs after its name ("Newcastle
        ... (eight sentences of quotation) ... cheating the club"): the description is the article's
        main organisation of that kind, when one is described or named at least ``MAIN_ORG_MIN_MENTIONS``
        times so far and more often than any other. Before that, the latest name whose words hold the
        noun ("the commission" for "Commission on Presidential Debates" named a page before): the head
        match that coreference systems trust most (Lee et al. 2013).
        """
        partners = partners | self.run_on  # a run-on name is no organisation a description may mean
        headed = [(self.last[gi][0], gi) for gi, org in self.orgs.items()
                  if gi in self.last and org.label == "ORG" and gi not in partners and noun in org.words]
        if headed:  # a name with the description's noun as its own ("Commission on Debates"): head match
            return max(headed)[1]
        named_kind = {gi for gi, org in self.orgs.items()
                      if gi in self.last and org.label == "ORG" and gi not in partners and gi < self.n_known
                      and org.kind in NAMED_KIND_UNIQUE and org.kind == ORG_KIND_NOUNS.get(noun)}
        if len(named_kind) == 1:  # "Eastern Michigan University ... (paragraphs) ... the school": the one of its kind
            return named_kind.pop()
        counts = sorted(((org.count, gi) for gi, org in self.orgs.items()
                         if gi in self.last and org.label == "ORG" and org.kind != "group" and gi not in partners
                         and _compatible(noun, org)), reverse=True)
        if not counts or counts[0][0] < MAIN_ORG_MIN_MENTIONS or (len(counts) > 1 and counts[1][0] == counts[0][0]):
            return None
        return counts[0][1]

    # -- pronouns ----------------------------------------------------------------

    def _speakers(self, i: int) -> set[int]:
        """The groups speaking the quotation token ``i`` stands in (none outside quotation marks)."""
        if self.quotes is None or not self.quotes.inside[i]:
            return set()
        sent = self.sents[i]
        subjects = [t for s in (sent - 1, sent, sent + 1) for t in self.quotes.speech_subjects(s)]
        found = set()
        for subject in subjects:
            for k in [subject] + [c.i for c in self.doc[subject].children if c.dep_ == "poss"]:
                if k in self.owners:
                    found.add(self.owners[k])
        return found

    def _quote_speaker(self, token: Token) -> bool:
        """True for a pronoun outside quotation marks that is the subject of a verb introducing a quotation
        of its sentence ('"We did nothing wrong," they said'): it speaks the quotation, and a speaker refers
        to itself in the first person there, so no name inside that quotation is its antecedent."""
        if self.quotes is None or self.quotes.inside[token.i] or token.dep_ not in NOMINAL_SUBJECT_DEPS:
            return False
        if token.head.lemma_.lower() not in QUOTE_SPEECH_VERBS:
            return False
        sent = self.doc[token.i].sent
        return any(self.quotes.inside[k] for k in range(sent.start, sent.end))

    def _addressees(self, i: int) -> set[int]:
        """The groups the quotation token ``i`` stands in is addressed to ("told the Gazette: '... it ...'"):
        inside quotation marks the addressee is "you", so no antecedent of "it" or "they" there."""
        if self.quotes is None or not self.quotes.inside[i]:
            return set()
        sent = self.sents[i]
        found = set()
        for head in (t for s in (sent - 1, sent, sent + 1) for t in self.quotes.addressees(s)):
            found.update(self.owners[k] for k in range(self.doc[head].left_edge.i, head + 1) if k in self.owners)
        return found

    def _phrase_heads(self) -> list[int]:
        """The head tokens of noun phrases (what ``noun_chunks`` roots are, pronouns included), in order.

        Read from arrays rather than ``Doc.noun_chunks``, which builds a span per phrase; none without a parse.
        """
        if not self.doc.has_annotation("DEP"):
            return []
        nominal, deps = self._nominal_pos, PHRASE_HEAD_DEPS
        return [i for i, (pos, dep) in enumerate(zip(token_strings(self.doc, POS), token_strings(self.doc, DEP),
                                                     strict=True)) if pos in nominal and dep in deps]

    _nominal_pos = frozenset({"NOUN", "PROPN", "PRON"})

    def _plural_link_within(self, sent: int) -> int | None:
        """The entity of the latest plural pronoun linked within ``PRONOUN_WINDOW`` sentences of ``sent``.

        A chain of possessives ("their ... their ... them") has no phrase head between its links, so the
        weighing sees no candidate; the chain's last link is the nearest evidence there is. Beyond the
        window, the wider fallback (``PLURAL_FALLBACK_WINDOW``) linked the pronoun to a group where the
        annotation has another (measured on a check set's precision), so the window is the narrow one.
        """
        if not self.plural_links:
            return None
        at, gi = self.plural_links[-1]
        if sent - self.sents[at] > PRONOUN_WINDOW or gi not in self.orgs:
            return None
        return gi

    def _thing_binds(self, token: Token) -> bool:
        """True for an "its" whose own clause has for subject a singular common noun no entity stands for and
        no kind noun names ("The 787 program has faced delays in its testing phase", "the bundle that
        bolstered its business"; ``_possessor_subject``): the possessive is most often that thing's, so no
        organisation named before it."""
        if token.lower_ != "its":
            return False
        binder = _possessor_subject(token)
        return (binder is not None and binder.pos_ == "NOUN" and binder.tag_ not in PLURAL_NOUN_TAGS
                and binder.lower_ not in ORG_KIND_NOUNS and self._owner_of(binder) is None)

    def _reporter(self, token: Token, speakers: set[int]) -> int | None:
        """The organisation or country that says what the "it" of its reported clause does ("GoDaddy tweeted
        that it had given the site a day", "Ruritania said it is committed to ..."): one reports on itself in
        the third person, whatever names the clause holds (``_reporting_subject``). A group of people, a
        plural and a person are not."""
        subject = _reporting_subject(token)
        if subject is None or subject.tag_ in PLURAL_NOUN_TAGS:
            return None
        gi = self._owner_of(subject)
        org = self.orgs.get(gi) if gi is not None else None
        if org is None or gi in speakers or _coordinated(subject) or org.label not in ("ORG", "GPE") \
                or org.kind == "group":
            return None
        return gi

    def _plural_binder(self, token: Token, speakers: set[int]) -> int | None:
        """The organisation, team or country that is the subject of the clause of a possessive "their"
        (``_possessor_subject``), when its verb agrees in the plural ("Wales have won their last four games",
        "the committee are divided over their report"); a name written with a singular verb, or
        a person, is not."""
        subject = _possessor_subject(token)
        if subject is None:
            return None
        gi = self._owner_of(subject)
        org = self.orgs.get(gi) if gi is not None else None
        if org is None or gi in speakers or _coordinated(subject):
            return None
        # a group's or an organisation's own "their" was measured too, and linked where the annotation has
        # another referent; a name written with a plural verb is the evidence kept
        return gi if _plural_agreement(subject) else None

    def _owner_of(self, root: Token) -> int | None:
        gi = self.owners.get(root.i)
        if gi is not None:
            return gi
        # "Indonesia's government": the possessor of a government or organisation noun
        if root.lower_ in GOVERNMENT_NOUNS or root.lower_ in ORG_KIND_NOUNS:
            owner = next((c for c in root.children if c.dep_ == "poss"), None)
            if owner is not None and self.owners.get(owner.i) in self.orgs:
                return self.owners[owner.i]
        return None

    def _listed_owner(self, token: Token) -> int | None:
        """The organisation or country an "its" belongs to when its phrase is listed after that name.

        "Proceedings against Acme, its chief executive and two directors": a possessed phrase joined to a
        name before it, as a conjunct or an appositive, is that name's part, whatever the clause's subject
        (the weighing below would prefer the subject, "the regulator ... its").
        """
        noun = token.head
        if token.lower_ != "its" or token.dep_ != "poss" or noun.dep_ not in ("conj", "appos") or noun.head.i > token.i:
            return None
        gi = self.owners.get(noun.head.i)
        org = self.orgs.get(gi) if gi is not None else None
        if org is None or org.label not in ("ORG", "GPE") or org.kind == "group":
            return None
        return gi

    def _pronoun(self, token: Token, heads: list[int]) -> None:
        if token.pos_ not in ("PRON", "DET") or _expletive(token):
            return
        if _copula_it(token):
            # "Ruritania said it is committed to ...": a reporter's own "it is", else a situation's
            reporter = self._reporter(token, self._speakers(token.i))
            if reporter is not None:
                self._add(token.i, token.i + 1, "pronoun", reporter)
                self._note(token.i, reporter)
            return
        listed = self._listed_owner(token)
        if listed is not None:  # "complaints against Acme, its boss and ...": the organisation listed first
            self._add(token.i, token.i + 1, "pronoun", listed)
            self._note(token.i, listed)
            return
        plural = token.lower_ in PLURAL_PRONOUN_FORMS
        if plural and _singular_they(token):
            return  # "the person who pays their debts": one person's "they", no group's
        sent = self.sents[token.i]
        bound = _clause_subject(token) if token.dep_ in ("dobj", "pobj") else None
        # An object "it" is most often a thing or an event ("she found it"): not a name in a prepositional phrase.
        object_position = token.dep_ in OBJECT_DEPS
        speakers = self._speakers(token.i) | self._addressees(token.i)
        best, best_score = None, None
        best_chain: int | None = None  # the unnamed group of people the best phrase names, if it does
        rule_scores: dict[int, float] = {}  # the best phrase score of each organisation weighed (for the ranker)
        singular_orgs: list[tuple[float, int]] = []  # for "they" when no plural phrase comes before
        thing = False  # the best phrase is a plural for things (no entity, no people)
        unnamed = False  # the best phrase is a noun of an earlier sentence no entity stands for
        agent = plural and token.dep_ in NOMINAL_SUBJECT_DEPS and token.head.lemma_.lower() in AGENT_VERBS
        people_best: tuple[float, int] | None = None  # the best group of people in the pronoun's sentence
        thing_best = False  # the best phrase is a plural for things, in any role
        other_people = False  # the pronoun's sentence has a noun for people no entity stands for
        fallback: int | None = None  # the entity of the latest linked plural pronoun beyond the window
        window = PLURAL_FALLBACK_WINDOW if plural else PRONOUN_WINDOW
        window_org = False  # an organisation or place is named within the window (then no fallback)
        # the phrase heads' labels, dependencies, tags and words from the doc's arrays: a Token only for a head
        # weighed, its string attributes from the arrays even then (a head is weighed for every pronoun after it)
        labels, deps = token_strings(self.doc, ENT_TYPE), token_strings(self.doc, DEP)
        poses, tags, lowers = token_strings(self.doc, POS), token_strings(self.doc, TAG), token_strings(self.doc, LOWER)
        lemmas = token_strings(self.doc, LEMMA)
        own_head = token.head.i
        quoting = self._quote_speaker(token)
        for k in range(bisect_left(heads, token.i) - 1, -1, -1):
            root_i = heads[k]
            back = sent - self.sents[root_i]
            if back > window:
                break
            if back > PRONOUN_WINDOW and (fallback is not None or lowers[root_i] not in PLURAL_PRONOUN_FORMS):
                # beyond the window only the latest linked plural pronoun counts (``fallback``): no other
                # phrase there is weighed, and once it is found the rest of the walk changes nothing
                if fallback is not None:
                    break
                continue
            if root_i == own_head:
                continue  # "its" in "its workers": not its own phrase
            if quoting and back == 0 and self.quotes is not None and self.quotes.inside[root_i]:
                continue  # '"We never blocked Acme," they said': a speaker is not named in its own words
            # an object "it" skips names after a preposition; a plural may be a group there ("shouted at them")
            if labels[root_i] in NON_NAME_LABELS or root_i == bound or (
                    object_position and deps[root_i] == "pobj" and not plural):
                continue
            # (a Token only for the tests that read the tree around the head: most heads are dropped first)
            gi = self.owners.get(root_i)
            if gi is None and (lowers[root_i] in GOVERNMENT_NOUNS or lowers[root_i] in ORG_KIND_NOUNS):
                gi = self._owner_of(self.doc[root_i])  # "Indonesia's government": the possessor's
            # a fact of the parse alone, read once per phrase head (each head is weighed for every pronoun after it)
            coordinated = self._coordinated_heads.get(root_i)
            if coordinated is None:
                coordinated = self._coordinated_heads[root_i] = _coordinated(self.doc[root_i])
            if coordinated:
                gi = None  # "TCI and Atticus ... they": a split antecedent, no one entity; never "it"
            if gi is not None and gi in speakers:
                continue  # '"It is quite good," Acme's analyst said': "It" is not the speaker
            org = self.orgs.get(gi) if gi is not None else None
            chain = None
            if plural and gi is None and not coordinated:
                chain = self.chain_of.get(root_i) if poses[root_i] == "PRON" else (
                    root_i if self._people_noun(self.doc[root_i]) else None)
            if poses[root_i] == "PRON" and gi is None and not coordinated and chain is None:
                continue
            if org is not None and org.label == "GPE" and deps[root_i] == "pobj" and not plural:
                continue  # "X said in Paris that it ...": a place in a prepositional phrase is where, not who
            if gi is not None and org is None:
                continue  # a person
            # a collective noun for people is a plural ("the trio are ... they"; ``COLLECTIVE_GROUP_NOUNS``)
            number_plural = (tags[root_i] in PLURAL_NOUN_TAGS or lowers[root_i] in PLURAL_PRONOUN_FORMS or coordinated
                             or chain is not None or lowers[root_i] in COLLECTIVE_GROUP_NOUNS)
            # "Labour ... they": an organisation named as a subject or object, not where something happens.
            singular_org = (plural and not number_plural and org is not None and org.label in ("ORG", "NORP")
                            and (deps[root_i] != "pobj" or _complement_of_predicate(self.doc[root_i])))
            # "Wales are a strong side. They ...": a place named with a plural verb is a team or a side
            singular_org = singular_org or (plural and not number_plural and org is not None
                                            and org.label == "GPE" and _plural_agreement(self.doc[root_i]))
            if org is not None and back <= PRONOUN_WINDOW:
                window_org = True
            if plural and not number_plural and not singular_org:
                continue
            if (agent and gi is None and chain is None and not coordinated and poses[root_i] == "NOUN"
                    and not _people_lemma(lemmas[root_i])):
                continue  # "they think", "they want": the subject of a verb of saying or thinking is no thing
            if not plural and (number_plural or (org is not None and (org.label == "NORP" or org.kind == "group"))):
                continue
            if back > PRONOUN_WINDOW:
                if fallback is None and org is not None and lowers[root_i] in PLURAL_PRONOUN_FORMS:
                    fallback = gi
                continue
            score = W_RECENCY / (2 ** back)
            if deps[root_i] in NOMINAL_SUBJECT_DEPS:
                score += W_SUBJECT
                score += W_MAIN_SUBJECT / (1 + _depth(self.doc[root_i].head))
            elif deps[root_i] == "dobj":
                score += W_OBJECT
            if deps[root_i] != "pobj":
                score += W_NOT_ADVERBIAL
            score += 0.01 * root_i
            if gi is not None:
                rule_scores[gi] = max(score, rule_scores.get(gi, score))
            if singular_org:
                singular_orgs.append((score, gi))  # type: ignore[arg-type]
                continue
            if plural and back == 0:
                people = (org is not None and org.kind == "group" and org.label == "NORP"
                          and deps[root_i] in PEOPLE_LEAD_DEPS)
                if people and (people_best is None or score > people_best[0]):
                    people_best = (score, gi)  # type: ignore[assignment]
                other_people = other_people or (gi is None and poses[root_i] == "NOUN"
                                                and _people_lemma(lemmas[root_i]))
            if best_score is None or score > best_score:
                thing_best = (gi is None and chain is None and not coordinated and poses[root_i] == "NOUN"
                              and not _people_lemma(lemmas[root_i]))
                best, best_score, best_chain = gi, score, chain
                thing = (gi is None and chain is None and not coordinated and poses[root_i] == "NOUN"
                         and deps[root_i] == "pobj" and not _people_lemma(lemmas[root_i]))
                unnamed = (gi is None and not coordinated and poses[root_i] == "NOUN" and deps[root_i] == "pobj"
                           and back > 0)
        if thing_best and not other_people and people_best is not None and token.dep_ in PEOPLE_PRONOUN_DEPS:
            # "MS-13 beats the youngsters with bats, puts plastic bags over their heads": a "their" or "them"
            # whose best phrase is a plural for things goes to the group of people its sentence is about,
            # when no other noun for people there could be it
            best, best_chain = people_best[1], None
        binding = [(score, gi) for score, gi in singular_orgs if self._org_binds(gi, token)] if unnamed else []
        if binding:
            # "... beside other family members. The council said that they would ...": an organisation that
            # is the subject of a clause the pronoun stands in outweighs a phrase of the sentence before
            # that no entity stands for
            best, best_chain = max(binding)[1], None
        elif singular_orgs and (best_score is None or (thing and max(singular_orgs)[0] > best_score)):
            # "the government ... they": an organisation as a plural, when no plural phrase comes first or
            # the best is a plural for things the organisation outweighs ("reached out to the campaign by
            # phone and on social media, and they ...")
            best, best_chain = max(singular_orgs)[1], None
        if plural:
            # "Wales have won their last four games": a "their" whose own clause has for subject a team,
            # an organisation or a country written with a plural verb is theirs, whatever the weighing of
            # the phrases before ("Scotland are ... They ... Wales have lost their ...": Wales)
            bound_by = self._plural_binder(token, speakers)
            if bound_by is not None:
                best, best_chain = bound_by, None
        if best is None and best_chain is None and best_score is None and fallback is not None and not window_org:
            best = fallback  # nothing within the window: the group the article last called by a plural
        if plural and best is None and best_chain is None and best_score is None and not singular_orgs:
            # "Their movement is called Acmexit. Their aim ...": a window whose only plural is a possessive
            # (no phrase head, so never weighed above) goes on with the group the last linked plural
            # pronoun stood for, when that pronoun is within the window
            best = self._plural_link_within(sent)
        bound_group = self.owners.get(bound) if bound is not None else None
        if self._ranks(token):
            best = self._rank(token, token.i, best, rule_scores, {bound_group}, speakers)
        if not plural:
            reporter = self._reporter(token, speakers)
            if reporter is not None:
                best = reporter
            elif self._thing_binds(token):
                best = None  # "The program has faced delays in its testing phase": the program's own
        if best is None and not plural:
            subject = _fronted_adjunct_subject(token)
            if subject is not None:
                self.cataphors.append((token.i, subject))
                return
        if best is not None:  # None also when the best phrase is no organisation: "the tax ... it"
            self._add(token.i, token.i + 1, "pronoun", best)
            self._note(token.i, best)
            if plural:
                self.plural_links.append((token.i, best))
        elif plural and best_chain is not None:  # decided once the chain is complete (``_group_chains``)
            self.chain_of[token.i] = best_chain
            self.chains.setdefault(best_chain, []).append(token.i)
