"""Words that sit inside a person's name without being its given name or surname.

Cleaning (bylines), the entity stage (surnames) and the store (resolution keys)
read names differently, so each has its own set; all are derived from one base
here so that a particle or suffix added for one is seen, on purpose, by the others.
"""

from __future__ import annotations

#: Lower-case particles that belong to a surname in every reader ("van", "de la", "bin").
NAME_PARTICLES: frozenset[str] = frozenset(
    {"van", "von", "de", "del", "della", "der", "den", "la", "le", "da", "di", "du", "st.", "bin", "ibn", "al", "el"}
)
#: Particles the entity stage keeps with a surname: also "ben" and "mac", written as separate words
#: before a surname in mentions ("Ben Ami", "Mac Donald" spelt apart), which a byline never splits.
SURNAME_PARTICLES: frozenset[str] = NAME_PARTICLES | {"ben", "mac"}
#: Particles allowed lower case inside a byline's name: also the Portuguese "das", "do", "dos" and the
#: Spanish "y" ("Ana dos Santos", "José Ortega y Gasset"), which bylines of wire services carry.
BYLINE_NAME_PARTICLES: frozenset[str] = NAME_PARTICLES | {"das", "do", "dos", "y"}

#: Generational and degree suffixes after a name, without dots: the store compares names with
#: their dots removed ("Jr." and "Jr" meet as "jr").
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "esq", "phd", "md"})
#: The same suffixes as tokens, dotted or not: the entity stage reads them as the tokenizer leaves them.
NAME_SUFFIX_TOKENS: frozenset[str] = NAME_SUFFIXES | {"jr.", "sr.", "esq."}
#: Suffixes a byline name may end with: generational ones only. A lone "V" in a byline is an initial,
#: and a degree there belongs to the role line.
BYLINE_NAME_SUFFIXES: frozenset[str] = NAME_SUFFIX_TOKENS - {"v", "esq", "esq.", "phd", "md"}

#: Honorifics before a name: they make the name a person's and may give a gender (the entity stage, and
#: the NER combination of ``nlp.conll_ner``, which keeps a person the model found after one).
HONORIFICS: dict[str, str | None] = {
    "mr.": "male", "mr": "male", "mister": "male", "sir": "male", "lord": "male",
    "mrs.": "female", "mrs": "female", "ms.": "female", "ms": "female", "miss": "female",
    "madam": "female", "dame": "female", "lady": "female",
    "dr.": None, "dr": None, "prof.": None, "mx.": None,
}
