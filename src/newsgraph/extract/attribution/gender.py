"""A source's gender, from the article's own evidence only.

The evidence is the article's words about the source (``roles.described``):

- pronouns resolved to it: the entity stage's he/she/his/her mentions of the
  person (which agree in gender and binding); for a source that is no entity ("a
  senior official ... she said"), the pronouns this stage resolved to it;
- an honorific before its name ("Ms", "Mrs", "Mr", "Sir", "Dame", "Lady", "Lord");
- a gendered title or role noun ("chairwoman", "spokesman", "actress"), a kinship
  word ("mother", "son") or a plain noun ("a 34-year-old woman") heading a phrase
  that describes it, or in the title before its name.

Words that describe someone else are not read: a possessor ("her lawyer", "the
mother's lawyer") or what the head is attached to ("a spokesman for the Mothers'
Union"). One gender in the evidence gives the gender; both give none (``None``),
and the evidence then lists both, so the conflict can be seen. No evidence gives
none. A name is never read: "Jane" says nothing here. (The entity stage uses
first names, among other cues, to decide which pronoun goes to whom; the pronoun
is still the article's word.)
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.attribution import lexicons as lex
from newsgraph.extract.attribution.roles import Described, Phrase, owned
from newsgraph.record import GenderEvidence, Source
from newsgraph.vocab.pronouns import PERSON_PRONOUN_GENDERS

#: Source kinds that can have a gender: people, named or not.
PEOPLE_KINDS = frozenset({"person", "anonymous"})


def _word_cue(tok: Token, before_name: bool) -> tuple[str, str] | None:
    """(gender, cue kind) a single word gives, if any."""
    low = tok.lower_.rstrip(".")
    if before_name and low in lex.HONORIFIC_GENDERS:
        return lex.HONORIFIC_GENDERS[low], "honorific"
    if low in lex.GENDERED_TITLES:
        return lex.GENDERED_TITLES[low], "title"
    if low in lex.KINSHIP_GENDERS:
        return lex.KINSHIP_GENDERS[low], "kinship"
    if low in lex.PERSON_NOUN_GENDERS:
        return lex.PERSON_NOUN_GENDERS[low], "noun"
    return None


def _phrase_cues(doc: Doc, phrase: Phrase, text: str) -> list[GenderEvidence]:
    out = []
    for tok in (phrase.head, *phrase.left):
        if tok is not phrase.head and owned(tok, phrase.head):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        while nxt is not None and nxt.text == "." and nxt.i + 1 < len(doc):
            nxt = doc[nxt.i + 1]  # "Mr . Doe" as some tokenisers leave it
        before_name = nxt is not None and (nxt.i in phrase.name or nxt.pos_ == "PROPN")
        cue = _word_cue(tok, before_name)
        if tok.i in phrase.name and (cue is None or cue[1] != "honorific"):
            continue  # a name is never read, but an honorific the name kept is ("Baroness Scotland")
        if cue is not None:
            start, end = tok.idx, tok.idx + len(tok.text)
            out.append(GenderEvidence(start=start, end=end, text=text[start:end], gender=cue[0], cue=cue[1]))
    return out


def source_gender(doc: Doc, source: Source, words: Described, text: str) -> tuple[str | None, list[GenderEvidence]]:
    """The gender the article gives ``source`` and the words that give it; None on no or conflicting evidence."""
    if source.kind not in PEOPLE_KINDS:
        return None, []
    found: dict[tuple[int, int], GenderEvidence] = {}
    for start, end in words.pronouns:
        word = text[start:end]
        gender = PERSON_PRONOUN_GENDERS.get(word.lower())
        if gender is not None:
            found[(start, end)] = GenderEvidence(start=start, end=end, text=word, gender=gender, cue="pronoun")
    for phrase in words.phrases:
        for cue in _phrase_cues(doc, phrase, text):
            found.setdefault((cue.start, cue.end), cue)
    if not found:
        return None, []
    genders = {e.gender for e in found.values()}
    evidence: list[GenderEvidence] = []
    for gender in sorted(genders):
        evidence.extend([e for _, e in sorted(found.items()) if e.gender == gender][: lex.MAX_EVIDENCE])
    evidence.sort(key=lambda e: e.start)
    return (genders.pop() if len(genders) == 1 else None), evidence
