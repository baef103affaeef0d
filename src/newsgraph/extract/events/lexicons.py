"""Named word lists and patterns of the events stage, in one place.

Every list says what it is for; the rules in ``events.py``, ``event_dates.py``
and ``relations.py`` only refer to these names.
"""

from __future__ import annotations

import re

from newsgraph.vocab.parse import PREDICATE_COMPLEMENT_DEPS
from newsgraph.vocab.speech import NON_EVENT_SPEECH_VERBS

# -- parse labels only the events stage reads (the shared ones are in newsgraph.vocab.parse) --

#: Dependencies that make a verb the head of its own clause (and so of an event).
CLAUSE_DEPS = frozenset(
    {"ROOT", "conj", "ccomp", "advcl", "relcl", "acl", "pcomp", "csubj", "csubjpass", "parataxis", "xcomp"}
)
#: Children that are separate clauses: their words belong to another event.
SUBCLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass"})
#: Children left out of a full phrase, prepositional modifiers kept ("the inquiry into ..."):
#: clauses, appositives and coordination.
CLAUSE_TRIM_DEPS = frozenset({"relcl", "appos", "cc", "conj", "parataxis", "advcl"})
#: Children left out of an actor or target phrase (they describe the noun at length): also
#: participle modifiers, punctuation, prepositional and adverbial modifiers.
PHRASE_TRIM_DEPS = CLAUSE_TRIM_DEPS | {"acl", "punct", "prep", "advmod", "npadvmod"}
#: The same, prepositional modifiers kept: for the "of"/"for" phrase of an actor ("a spokesman for X").
PREP_KEEPING_TRIM_DEPS = PHRASE_TRIM_DEPS - {"prep"}
#: Clause links a verb is embedded through, walking up to the clauses around it (complement,
#: adverbial, control, clausal subject, relative, prepositional and noun-modifying clauses).
EMBEDDING_DEPS = frozenset({"ccomp", "advcl", "xcomp", "csubj", "relcl", "pcomp", "acl"})
#: Complements that make a participle act ("a declaration demanding that ...", "calling for ...").
ACTING_COMPLEMENT_DEPS = frozenset({"ccomp", "dobj", "xcomp"})
#: The words of a verb group kept with an event's verb: its auxiliary, negation and particle.
VERB_GROUP_DEPS = frozenset({"aux", "neg", "prt"})
#: Complements that are arguments of a verb beside its objects: clauses, predicates, indirect objects.
ARGUMENT_COMPLEMENT_DEPS = PREDICATE_COMPLEMENT_DEPS | {"xcomp", "ccomp", "dative"}
#: Coordination inside a phrase: the conjunct and its conjunction.
COORDINATION_DEPS = frozenset({"conj", "cc"})
#: Connectives trimmed off the front of an event's text ("and", "that", "because").
LEADING_CONNECTIVE_DEPS = frozenset({"cc", "mark"})
#: Dependents of a verb whose descriptions may date it (its subject and objects).
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr"})
#: Positions of a party in a relationship clause ("X and Y have a close relationship", "ties with Y
#: strained"): subjects, the direct object and a predicate noun; an indirect object is never the relation.
RELATION_PARTY_DEPS = ARGUMENT_DEPS - {"dative"}
#: Positions of a relationship noun that a holding verb governs ("they have a rift", "it is a feud").
HELD_NOUN_DEPS = frozenset({"dobj", "attr"})
#: Words beside a relationship clause that say how it goes: predicates, adverbs and infinitives
#: ("is strained", "badly", "to improve").
RELATION_QUALITY_DEPS = PREDICATE_COMPLEMENT_DEPS | {"advmod", "xcomp"}
#: Besides the objects, what a PLOVER verb entry may name as its complement: a passive subject, a
#: predicate noun.
CODED_COMPLEMENT_DEPS = frozenset({"nsubjpass", "attr"})
#: How a time word hangs off the noun it dates ("her April hearing", "the tour last year").
TIME_MODIFIER_DEPS = frozenset({"npadvmod", "tmod", "nmod", "compound", "amod", "nummod", "poss"})
#: How an anchoring subordinator hangs off its clause ("after", "when" as marker; "once" as adverb).
ANCHOR_MARK_DEPS = frozenset({"mark", "advmod"})
#: Nouns naming an act, whose possessor or "by" phrase is the one who acts ("X's decision to ...").
EVENT_NOMINALS = frozenset(
    {"decision", "offer", "plan", "move", "order", "bid", "attempt", "effort", "proposal", "call", "request",
     "demand", "announcement", "choice", "recusal", "resignation", "refusal", "suggestion", "threat", "promise",
     "pledge", "vow", "push", "campaign", "visit", "trip", "statement", "warning", "appeal", "invitation"}
)

#: Nouns for a means to an end: what an infinitive on them says is done by whoever has them
#: ("a package of measures to support small business": the government supports, not the measures).
#: Not laws and bills: "a bill to allow same-sex marriage" is what allows it.
MEANS_NOUNS = frozenset(
    {"measure", "step", "plan", "package", "scheme", "programme", "program", "initiative", "strategy", "fund",
     "money", "power", "way", "method", "means", "tool", "effort", "move", "bid"}
)
#: Wishes and capacities: what an infinitive on them says is done by whoever has them
#: ("the family have the desire to sell": the family sells; "won the right to host": the winner hosts).
CAPACITY_NOUNS = frozenset(
    {"desire", "wish", "heart", "will", "intention", "determination", "ambition", "courage", "willingness",
     "resolve", "ability", "capacity", "right", "chance", "opportunity"}
)
#: Texts a party writes or gives: what a participle on them says is done by their author
#: ("wrote an editorial lambasting X": the writer lambasts).
AUTHORED_NOUNS = frozenset(
    {"editorial", "column", "op-ed", "article", "letter", "essay", "tweet", "post", "blog", "speech", "message",
     "piece", "commentary"}
)

#: Verbs whose clausal complement is reported speech or thought: the verb is
#: the attribution, the complement carries the events.
#: The pure speech verbs (``newsgraph.vocab.speech.NON_EVENT_SPEECH_VERBS``) are among them.
REPORTING_VERBS = NON_EVENT_SPEECH_VERBS | {
    "acknowledge", "admit", "suggest", "indicate", "confirm", "report", "allege", "testify", "tweet", "declare",
    "announce", "reveal", "disclose", "know", "learn", "hear", "predict", "estimate", "warn",
}
#: Verbs that are states, not happenings: never events on their own.
#: Lemmas of contracted verbs, which the lemmatiser gets wrong ("It’s" → "’"): the clitic, either apostrophe.
CONTRACTION_LEMMAS = {
    clitic.replace("'", apostrophe): lemma
    for clitic, lemma in {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'d": "have", "'ll": "will",
                          "s": "be", "re": "be", "m": "be", "ve": "have"}.items()
    for apostrophe in ("'", "’")
}
STATE_VERBS = frozenset({"be", "have", "seem", "appear", "remain", "exist", "belong", "consist", "include"})

#: Adjectives and verbs that make what depends on them uncertain ("It is unclear whether ...").
UNCERTAIN_WORDS = frozenset(
    {"unclear", "uncertain", "unknown", "unconfirmed", "doubtful", "possible", "wonder", "doubt", "speculate",
     "unsure", "ask", "question", "whether"}
)
#: Words of certainty that, negated, leave their content open ("it is not clear when ...").
CERTAIN_WORDS = frozenset({"clear", "known", "certain", "sure", "confirmed", "evident"})
UNCERTAIN_MODALS = frozenset({"may", "might"})
HYPOTHETICAL_MODALS = frozenset({"could", "would", "should", "ought"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
#: Subordinators that make a clause hypothetical.
CONDITIONAL_MARKS = frozenset({"if", "unless"})
#: Adverbs that put an event in doubt.
HEDGE_ADVERBS = frozenset({"possibly", "perhaps", "maybe", "allegedly", "reportedly", "apparently", "likely"})
#: Negation words beyond the parser's ``neg`` label.
NEGATION_WORDS = frozenset({"not", "n't", "never", "no"})

#: Prepositions whose object places a clause in time ("during the hearing", "in May").
TEMPORAL_PREPS = frozenset(
    {"in", "on", "at", "during", "before", "after", "since", "until", "till", "by", "through", "throughout",
     "from", "within", "around", "between", "early", "late", "earlier", "later", "as"}
)
#: Prepositions that introduce the one an action is aimed at.
TARGET_PREPS = frozenset({"with", "to", "against", "at", "toward", "towards", "on", "for", "upon", "into"})
#: Prepositions whose phrase completes a predicate with no direct object ("withdrew from ...").
OBJECT_PREPS = frozenset({"from", "for", "of", "about", "on", "into", "over", "against", "with", "to", "upon"})

#: Nouns naming a happening that has its own time ("during the runoff").
EVENT_NOUN_FAMILIES: dict[str, str] = {
    **dict.fromkeys(("campaign", "election", "race", "primary", "primaries", "vote", "caucus", "runoff"), "election"),
    **dict.fromkeys(("war", "conflict", "invasion", "occupation", "fighting"), "war"),
    **dict.fromkeys(("hearing", "trial", "testimony", "inquiry"), "hearing"),
    **dict.fromkeys(("summit", "conference", "meeting", "talks", "visit", "trip", "tour"), "meeting"),
    **dict.fromkeys(("crisis", "pandemic", "outbreak", "recession", "storm", "hurricane"), "crisis"),
}
#: Subordinators that tie an event to the time of another ("soon after she arrived ...").
ANCHOR_MARKS = frozenset({"after", "before", "when", "as", "while", "since", "once", "upon"})

#: Entity types that can act or be acted on.
AGENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Entity types that are never persons: "who" does not stand for them ("aides close to the club who ...").
NON_PERSON_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
#: Named parties a "who" set off by a comma after them stands for ("the Conservative Party, who gained ...").
WHO_NAME_TYPES = frozenset({"PERSON", "ORG", "NORP"})
#: Relative pronouns that stand for persons only.
PERSONAL_RELATIVES = frozenset({"who", "whom"})
#: Nouns whose nationality adjective names their topic, not a party ("the Peruvian scandal"):
#: the adjective of "an Indian proposal" is the proposer, of "the Peruvian inquiry" what is looked into.
TOPIC_NOUNS = frozenset({"investigation", "probe", "inquiry", "scandal", "affair", "issue", "question", "matter"})

#: Adjectives of readiness: "is ready to contribute" states an intention, and is an event.
READINESS_ADJECTIVES = frozenset({"willing", "ready", "prepared", "determined", "committed", "eager", "keen"})

#: Nouns for a relationship between two parties.
RELATION_NOUNS = frozenset(
    {"relationship", "relations", "relation", "ties", "bond", "bonds", "rapport", "friendship", "alliance",
     "partnership", "rift", "feud", "rivalry", "tension", "tensions", "strain", "animosity", "hostility",
     "friction", "falling-out", "chemistry", "dispute", "quarrel"}
)
#: Relationship nouns that are negative or positive by themselves.
NEGATIVE_RELATION_NOUNS = frozenset(
    {"rift", "feud", "rivalry", "tension", "tensions", "strain", "animosity", "hostility", "friction",
     "falling-out", "dispute", "quarrel"}
)
POSITIVE_RELATION_NOUNS = frozenset({"friendship", "alliance", "partnership", "rapport", "chemistry"})
#: Words saying how a relationship is or goes.
POSITIVE_RELATION_WORDS = frozenset(
    {"strong", "close", "good", "warm", "friendly", "cordial", "excellent", "solid", "great", "special",
     "improve", "strengthen", "mend", "repair", "thaw", "productive", "positive", "tight"}
)
NEGATIVE_RELATION_WORDS = frozenset(
    {"tense", "strained", "frosty", "rocky", "poor", "bad", "cool", "cold", "hostile", "sour", "bitter", "icy",
     "troubled", "difficult", "deteriorate", "worsen", "fracture", "fray", "rupture", "break",
     "collapse", "chill", "negative", "acrimonious", "testy", "uneasy", "fraught"}
)

#: A TIMEX3 value that names a calendar date, month, year, decade or century.
RE_DATE_VALUE = re.compile(r"^\d{2,4}(?:-(?:\d{2}|W\d{2}|Q[1-4]|SP|SU|FA|WI|H[12])(?:-\d{2}|-WE)?)?(?:T.+)?$")

#: Verbs whose object does what a following "for"/"of"/"with" gerund says ("praised the nurses for
#: working", "accused the firm of hiding", "charged him with stealing"): (verb lemma, preposition).
OBJECT_CONTROL_PREPOSITIONS = frozenset(
    {(verb, "for") for verb in (
        "criticize", "criticise", "praise", "blame", "thank", "fault", "fine", "punish", "condemn",
        "commend", "congratulate", "applaud", "reward", "sue", "scold", "attack", "slam", "honour",
        "honor", "credit", "arrest", "jail", "sentence", "penalise", "penalize", "forgive", "excuse",
    )}
    | {(verb, "of") for verb in ("accuse", "suspect", "convict", "acquit", "clear")}
    | {(verb, "with") for verb in ("charge",)}
)
