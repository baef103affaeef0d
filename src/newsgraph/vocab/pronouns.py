"""Pronouns that more than one stage reads, defined once.

Stage-only pronoun lists (the attribution stage's speaker pronouns, the entity
stage's capitalised pronouns) stay in their stage's ``lexicons.py``.
"""

from __future__ import annotations

#: Third-person singular pronouns that stand for a person, every form, with the gender they give.
PERSON_PRONOUN_GENDERS: dict[str, str] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
#: The same pronouns as a set of forms.
PERSON_PRONOUN_FORMS: frozenset[str] = frozenset(PERSON_PRONOUN_GENDERS)
#: Reflexive pronouns, every person and number.
REFLEXIVE_PRONOUNS: frozenset[str] = frozenset(
    {"himself", "herself", "itself", "themselves", "myself", "yourself", "ourselves"}
)
#: Reflexives that stand for a person: what a binder in the same clause resolves ("hurt himself").
PERSON_REFLEXIVES: frozenset[str] = PERSON_PRONOUN_FORMS & REFLEXIVE_PRONOUNS
#: Possessive determiners and the pronoun each stands for ("his claim" is a claim by "he").
POSSESSIVE_PRONOUNS: dict[str, str] = {
    "his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we", "your": "you",
}  # fmt: skip
#: The possessive determiners as a set: an owner inside a noun phrase ("her retirement").
POSSESSIVE_DETERMINERS: frozenset[str] = frozenset(POSSESSIVE_PRONOUNS)

#: First-person pronouns, every form: inside a quotation they stand for its speaker ("I", "we", "our").
FIRST_PERSON_SINGULAR: frozenset[str] = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PERSON_PLURAL: frozenset[str] = frozenset({"we", "us", "our", "ours", "ourselves"})
FIRST_PERSON_FORMS: frozenset[str] = FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL
#: Third-person pronouns for a thing or an organisation ("it", "its"), and plural ones ("they", "their").
NEUTER_PRONOUN_FORMS: frozenset[str] = frozenset({"it", "its", "itself"})
PLURAL_PRONOUN_FORMS: frozenset[str] = frozenset({"they", "them", "their", "theirs", "themselves"})
#: Second-person pronouns: a quote's addressee, never a source of its own.
SECOND_PERSON_FORMS: frozenset[str] = frozenset({"you", "your", "yours", "yourself", "yourselves"})
