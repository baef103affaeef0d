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

#: Abbreviated titles before a name and the word each stands for ("Gov. Lee", "Maj. Cole"): the one
#: list of them. The entity stage reads a title by it (and displays the full word); attribution reads
#: its full stop as ending no sentence ("said Gov. Lee. Then" ends after "Lee", not "Gov.").
TITLE_ABBREVIATIONS: dict[str, str] = {
    "rep.": "Representative", "sen.": "Senator", "gov.": "Governor", "lt.": "Lieutenant",
    "gen.": "General", "col.": "Colonel", "capt.": "Captain", "sgt.": "Sergeant", "adm.": "Admiral",
    "cmdr.": "Commander", "maj.": "Major", "cpl.": "Corporal", "pvt.": "Private", "pres.": "President",
    "sec.": "Secretary", "supt.": "Superintendent", "insp.": "Inspector", "det.": "Detective",
    "atty.": "Attorney", "amb.": "Ambassador", "rev.": "Reverend", "fr.": "Father", "msgr.": "Monsignor",
    "prof.": "Professor",
}
#: Title abbreviations also written without their stop (British style, "Gov Lee", "Lt Col Hart"). The
#: others are left out: undotted, "col", "det" or "rev" are as often other words.
UNDOTTED_TITLE_ABBREVIATIONS: dict[str, str] = {
    abbreviation.rstrip("."): full
    for abbreviation, full in TITLE_ABBREVIATIONS.items()
    if abbreviation in {"gov.", "sen.", "rep.", "lt.", "gen."}
}
#: Abbreviations in or beside a name that are no title: "St." (Saint), "Messrs." and "No." ("No. 10").
OTHER_NAME_ABBREVIATIONS: frozenset[str] = frozenset({"st.", "messrs.", "no."})
#: Every dotted abbreviation before or after a name, whose full stop ends no sentence: the dotted
#: honorifics, the name suffixes, the title abbreviations and the others above.
NAME_ABBREVIATIONS: frozenset[str] = (
    frozenset(h for h in HONORIFICS if h.endswith("."))
    | NAME_SUFFIX_TOKENS
    | frozenset(TITLE_ABBREVIATIONS)
    | OTHER_NAME_ABBREVIATIONS
)
