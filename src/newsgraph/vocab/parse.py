"""Label sets of the parse: dependency labels, coarse parts of speech, fine tags.

The English models label dependencies with the ClearNLP scheme (``nsubj``,
``dobj``, ``pobj``), parts of speech with Universal POS (``VERB``, ``PROPN``) and
fine tags with the Penn Treebank's (``VBD``, ``NNS``). A rule tests a token
against one of these names, never against a tuple of its own, so that two rules
meaning "a verb" mean the same labels. Where stages need different sets, the
names say how they differ and each set is derived from the smaller one.
"""

from __future__ import annotations

# -- parts of speech ----------------------------------------------------------

#: A verb or an auxiliary: the tagger calls a copula, and a main-verb "have" or "do", AUX,
#: so the head of a clause may be either.
VERBAL_POS: frozenset[str] = frozenset({"VERB", "AUX"})
#: A common or a proper noun: what heads a noun phrase that names or describes.
NOMINAL_POS: frozenset[str] = frozenset({"NOUN", "PROPN"})
#: A noun or a pronoun: what may fill an argument slot (subject, object, possessor).
NOMINAL_OR_PRONOUN_POS: frozenset[str] = NOMINAL_POS | {"PRON"}
#: A proper noun or a pronoun: words that refer to one particular party, never a kind.
PROPER_OR_PRONOUN_POS: frozenset[str] = frozenset({"PROPN", "PRON"})

# -- fine tags ----------------------------------------------------------------

#: Wh-words that open a relative clause ("who", "which", "that" as WDT).
WH_RELATIVE_TAGS: frozenset[str] = frozenset({"WP", "WDT"})
#: Singular nouns, common and proper.
SINGULAR_NOUN_TAGS: frozenset[str] = frozenset({"NN", "NNP"})
#: Plural nouns, common and proper.
PLURAL_NOUN_TAGS: frozenset[str] = frozenset({"NNS", "NNPS"})
#: Participles, present ("-ing") and past ("-ed"): the forms that head a reduced clause.
PARTICIPLE_TAGS: frozenset[str] = frozenset({"VBG", "VBN"})
#: The simple past ("resigned"): a finite verb in the past tense.
SIMPLE_PAST_TAGS: frozenset[str] = frozenset({"VBD"})
#: Forms that put a verb in the past: the simple past and the past participle.
PAST_TAGS: frozenset[str] = SIMPLE_PAST_TAGS | {"VBN"}
#: Finite present forms ("says", "say"): a clause in the present tense.
PRESENT_TAGS: frozenset[str] = frozenset({"VBZ", "VBP"})
#: Present forms and the "-ing" form: what a clause that is going on now may show.
PRESENT_OR_PROGRESSIVE_TAGS: frozenset[str] = PRESENT_TAGS | {"VBG"}

# -- dependencies: subjects ---------------------------------------------------

#: Subjects of an active verb, nominal or clausal: who says or does what the verb says.
ACTIVE_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "csubj"})
#: Subjects of a passive verb: what the verb is done to.
PASSIVE_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubjpass", "csubjpass"})
#: The subject slot of an active clause, the expletive included ("there", "it" in "it is unclear"):
#: whatever fills it, the clause has a subject of its own and inherits none.
CLAUSE_SUBJECT_DEPS: frozenset[str] = ACTIVE_SUBJECT_DEPS | {"expl"}
#: The subject slot, active or nominal passive: where a mention is what its clause is about.
#: A passive clausal subject (``csubjpass``) is left out: it is a clause, never a mention.
TOPIC_SUBJECT_DEPS: frozenset[str] = CLAUSE_SUBJECT_DEPS | {"nsubjpass"}
#: Every place that makes a mention prominent in its clause (salience, antecedents): the subject
#: slot and the agent of a passive ("by X"), who is its logical subject.
SALIENT_SUBJECT_DEPS: frozenset[str] = TOPIC_SUBJECT_DEPS | {"agent"}
#: Nominal subjects, active or passive: the noun phrase a clause is about.
NOMINAL_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass"})

# -- dependencies: objects and complements ------------------------------------

#: Objects of a verb as the English models label them: direct object and indirect (dative) object.
VERB_OBJECT_DEPS: frozenset[str] = frozenset({"dobj", "dative"})
#: Labels of other dependency schemes, which the English models never produce: Universal
#: Dependencies' ``obj`` (a model trained on UD, a ``Doc`` built by hand in UD terms) and the Stanford
#: scheme's ``tmod``. They are kept in the sets that have always accepted them.
OTHER_SCHEME_DEPS: frozenset[str] = frozenset({"obj", "tmod"})
#: Objects of a verb in either scheme: what an action is done to.
OBJECT_DEPS: frozenset[str] = VERB_OBJECT_DEPS | {"obj"}
#: Objects of a verb or of a preposition ("told him", "spoke to him"): positions a pronoun may hold
#: without being its clause's subject.
VERB_OR_PREP_OBJECT_DEPS: frozenset[str] = VERB_OBJECT_DEPS | {"pobj"}
#: Complements of a copula or a light verb that carry the predicate: adjective ("is ready"), noun
#: ("is the director"), object predicate ("named him director").
PREDICATE_COMPLEMENT_DEPS: frozenset[str] = frozenset({"acomp", "attr", "oprd"})
#: Complements of a light verb that carry its meaning ("kept quiet"): adjective and object predicate.
LIGHT_VERB_COMPLEMENT_DEPS: frozenset[str] = PREDICATE_COMPLEMENT_DEPS - {"attr"}

# -- dependencies: clauses ----------------------------------------------------

#: Clauses that modify a noun: relative clauses and participle or infinitive modifiers.
NOUN_CLAUSE_DEPS: frozenset[str] = frozenset({"relcl", "acl"})
#: Clauses that report what was said or thought: a clausal complement ("said that ...") or a clause set
#: beside the verb ("..., he said").
CONTENT_CLAUSE_DEPS: frozenset[str] = frozenset({"ccomp", "parataxis"})

# -- dependencies: the words around a head ------------------------------------

#: Auxiliaries, active and passive.
AUX_DEPS: frozenset[str] = frozenset({"aux", "auxpass"})
#: Auxiliaries and negation: the words of a verb group that are not its verb ("did not say").
AUX_OR_NEG_DEPS: frozenset[str] = AUX_DEPS | {"neg"}
#: What determines a noun: an article or demonstrative, or a possessor ("the", "his", "X's").
DETERMINER_DEPS: frozenset[str] = frozenset({"det", "poss"})
#: Adjectival modifiers of a noun, by adjective or by noun.
ADJECTIVAL_DEPS: frozenset[str] = frozenset({"amod", "nmod"})
#: Modifiers before a noun: compounds and adjectival modifiers ("chief US economist").
PRENOMINAL_DEPS: frozenset[str] = ADJECTIVAL_DEPS | {"compound"}
#: Where a "by" phrase hangs: a preposition, or the agent of a passive (the parser uses either).
BY_PHRASE_DEPS: frozenset[str] = frozenset({"prep", "agent"})
