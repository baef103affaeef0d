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
Union"). A resolved pronoun is not read when the person named nearest before it
(in its sentence or the one before) makes it ambiguous: the source as the possessor
of a person ("Day's nominee ... he" may be the nominee's) or a new person brought in
as a subject ("said Jo Day. One dealer told us ... he said" may be the dealer's);
see :func:`_nearest_is_own`; nor when its clause gives it to someone else ("Al Fry said he
would run"; "Jo Day tells him"): see :func:`_bound_elsewhere`. A capitalised "Chairman" right
before a name is the office's title, not evidence. A generic "he or she" names no one and is not read
either. One gender in the evidence gives the gender; both give none (``None``),
and the evidence then lists both, so the conflict can be seen. No evidence gives
none. A name is never read: "Jane" says nothing here. (The entity stage uses
first names, among other cues, to decide which pronoun goes to whom; the pronoun
is still the article's word.)
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.attribution import lexicons as lex
from newsgraph.extract.attribution.roles import Described, Phrase, owned
from newsgraph.record import GenderEvidence, Source
from newsgraph.vocab.pronouns import PERSON_PRONOUN_GENDERS

#: Source kinds that can have a gender: people, named or not.
PEOPLE_KINDS = frozenset({"person", "anonymous"})


#: Common nouns that name a person when they are a subject ("one dealer ... told Reuters").
PERSON_SUBJECT_NOUNS: frozenset[str] = (
    lex.ANONYMOUS_NOUNS | lex.ROLE_NOUNS | lex.OTHER_PERSON_NOUNS
    | frozenset(lex.GENDERED_TITLES) | frozenset(lex.KINSHIP_GENDERS) | frozenset(lex.PERSON_NOUN_GENDERS)
)

#: Words that pair "he" with "she" in a generic "he or she", "his/her".
GENERIC_JOINERS = frozenset({"or", "and", "/"})

#: Determiners that bring in a new person ("one dealer"), not one named before ("the dealer").
NEW_PERSON_DETERMINERS = frozenset({"a", "an", "one", "another"})

#: How many sentences before a pronoun's own one are searched for the person named nearest before it.
ANTECEDENT_SENTENCES_BACK = 1


def _own_tokens(doc: Doc, source: Source, words: Described) -> tuple[frozenset[int], frozenset[str]]:
    """The token indices that name or describe ``source``, and its name words (lower case)."""
    own: set[int] = set()
    for phrase in words.phrases:
        own.update(phrase.name)
        own.add(phrase.head.i)
    for m in source.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            own.update(t.i for t in span)
    names = frozenset(doc[i].lower_ for i in own if doc[i].pos_ == "PROPN")
    return frozenset(own), names


def _is_own(ent: Span, own: frozenset[int], names: frozenset[str]) -> bool:
    """A person span is the source's when it overlaps its words or shares its last name word."""
    return any(t.i in own for t in ent) or ent[-1].lower_ in names


def _possessor(ent: Span) -> bool:
    """"Doe's" in "Doe's nominee": a pronoun after it may be the possessed person's.

    Only a possessed person noun counts ("Doe's administration ... he" is still Doe's "he").
    """
    doc = ent.doc
    owner = ent.root.head if ent.root.dep_ == "poss" else None
    if owner is None and ent.end + 1 < len(doc) and doc[ent.end].lower_ in ("'s", "’s", "'", "’"):
        owner = doc[ent.end].head if doc[ent.end].head.i > ent.end else doc[ent.end + 1]
    return owner is not None and owner.lower_ in PERSON_SUBJECT_NOUNS


def _new_person_subject(tok: Token) -> bool:
    """A person noun as a subject that brings in someone new: "one dealer", "a trader", "another aide".

    A definite one ("the president", "the actress") may be the source itself under another
    description, so it is no evidence that the pronoun is someone else's (on the development sets
    reading a definite one of the pronoun's gender as someone else lost a right gender and saved none).
    """
    return (tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and tok.lower_ in PERSON_SUBJECT_NOUNS
            and any(c.dep_ in ("det", "nummod") and c.lower_ in NEW_PERSON_DETERMINERS for c in tok.children))


def _generic(doc: Doc, at: int) -> bool:
    """"he or she", "his or her", "him/her": a pronoun paired with the other gender's names no one."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    i = span[0].i
    for a, b in ((i - 2, i - 1), (i + 2, i + 1)):
        if 0 <= a < len(doc) and 0 <= b < len(doc) and doc[b].lower_ in GENERIC_JOINERS:
            other = PERSON_PRONOUN_GENDERS.get(doc[a].lower_)
            if other is not None and other != PERSON_PRONOUN_GENDERS.get(span[0].lower_):
                return True
    return False


def _nearest_is_own(
    doc: Doc, at: int, own: frozenset[int], names: frozenset[str], persons: Sequence[Span] | None = None
) -> bool:
    """False when the person named nearest before the pronoun at character ``at`` makes it ambiguous.

    The candidates are spaCy's PERSON spans and the person nouns that bring in someone new as a
    subject ("one dealer told Reuters"), in the pronoun's sentence and
    :data:`ANTECEDENT_SENTENCES_BACK` before it. The pronoun is ambiguous when the nearest is the
    source as the possessor of a person ("Doe's nominee ... he") or such a noun that is not the
    source. When the nearest is another person's name the entity stage's resolution stands: it
    weighs gender and binding, and on the development sets overruling it lost more right genders
    than it saved.

    ``persons`` is :func:`person_spans` of ``doc`` when the caller has it: ``doc.ents`` builds its spans
    anew on every access, and an article's sources have many pronouns.
    """
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return True
    tok = span[0]
    window_start = tok.sent.start
    for _ in range(ANTECEDENT_SENTENCES_BACK):
        if window_start > 0:
            window_start = doc[window_start - 1].sent.start
    persons = person_spans(doc) if persons is None else persons
    names_before = [e for e in persons if window_start <= e.start and e.end <= tok.i]
    nouns_before = [doc[t.i : t.i + 1] for t in doc[window_start : tok.i] if _new_person_subject(t)]
    if not names_before and not nouns_before:
        return True
    nearest = max([*names_before, *nouns_before], key=lambda e: e.end)
    mine = _is_own(nearest, own, names)
    if nearest in names_before:
        return not (mine and _possessor(nearest))
    return mine


#: Dependencies of a pronoun that is the object of its verb ("tells him"): never that verb's own subject.
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
#: Dependencies of a pronoun that is the subject of a clause ("X said he would go").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _bound_elsewhere(doc: Doc, at: int, own: frozenset[int], names: frozenset[str]) -> bool:
    """True when the clause around the pronoun at character ``at`` says it is not the source.

    Two readings of the parse that do not depend on nearness: a plain object pronoun is not the
    subject of its own verb ("Jo Day tells him": "him" is not Jo Day, who would be "herself"), and the
    subject of a clause reported by another name is that name's ("Al Fry said he would run": "he" is
    Al Fry, not a source named before; any proper noun, as the tagger types many surnames as places or
    organisations). The entity stage, weighing gender, can still give such a
    pronoun to the source when both are of one gender.
    """
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]

    def subject(verb: Token) -> Token | None:
        return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)

    def is_own(t: Token) -> bool:
        return t.i in own or (t.pos_ == "PROPN" and t.lower_ in names)

    if tok.dep_ in OBJECT_DEPS:
        subj = subject(tok.head)
        return subj is not None and is_own(subj)
    if tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "ccomp":
        subj = subject(tok.head.head)
        return subj is not None and subj.pos_ == "PROPN" and not is_own(subj)
    return False


def _word_cue(tok: Token, before_name: bool) -> tuple[str, str] | None:
    """(gender, cue kind) a single word gives, if any."""
    low = tok.lower_.rstrip(".")
    if before_name and low in lex.HONORIFIC_GENDERS:
        return lex.HONORIFIC_GENDERS[low], "honorific"
    if before_name and low in lex.UNGENDERED_OFFICE_TITLES and tok.text[:1].isupper():
        return None  # "Chairman Jo Ray": the office's title, written so for a woman too
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


def _joined_names(doc: Doc, at: int) -> bool:
    """A couple named with one surname at token ``at``, the joining word: "Ben and Nora Castellan" (a lone
    given name before "and", a full name after it). Two surnames ("Volker and Morrison", a span the entity
    stage may join to one of the two) are not read so: the source is often the one of them it quotes."""
    return (0 < at < len(doc) - 2 and doc[at].lower_ in lex.JOINING_WORDS
            and doc[at - 1].pos_ == "PROPN" and (at < 2 or doc[at - 2].pos_ != "PROPN")
            and doc[at + 1].pos_ == "PROPN" and doc[at + 2].pos_ == "PROPN")


def _two_people(doc: Doc, source: Source, words: Described) -> bool:
    """The source is a couple named together, in one of its names or mentions ("Ben and Nora Castellan").

    Why: the entity stage makes one person of such a span, and a word about one of the two ("the actor",
    "his") then gave the pair a gender; the two may differ, so none is given. Coordinated descriptions
    ("the actor and the doctor") are not read so: "a former official and now an industry consultant" is
    one person, and the parse does not tell the two apart."""
    for phrase in words.phrases:
        if any(i + 2 in phrase.name and _joined_names(doc, i + 1) for i in phrase.name):
            return True
    spans = [span for m in source.mentions if (span := doc.char_span(m.start, m.end, alignment_mode="expand"))]
    return any(_joined_names(doc, t.i) for span in spans for t in span[1:-2])


def person_spans(doc: Doc) -> list[Span]:
    """spaCy's PERSON spans of ``doc``, in order: read once per article for every source's pronouns."""
    return [e for e in doc.ents if e.label_ == "PERSON"]


def source_gender(
    doc: Doc, source: Source, words: Described, text: str, persons: Sequence[Span] | None = None
) -> tuple[str | None, list[GenderEvidence]]:
    """The gender the article gives ``source`` and the words that give it; None on no or conflicting evidence.

    ``persons`` is :func:`person_spans` of ``doc``, computed once by the caller for all its sources.
    """
    if source.kind not in PEOPLE_KINDS or _two_people(doc, source, words):
        return None, []
    persons = person_spans(doc) if persons is None else persons
    found: dict[tuple[int, int], GenderEvidence] = {}
    own, names = _own_tokens(doc, source, words)
    for start, end in words.pronouns:
        word = text[start:end]
        gender = PERSON_PRONOUN_GENDERS.get(word.lower())
        if (gender is not None and not _generic(doc, start) and _nearest_is_own(doc, start, own, names, persons)
                and not _bound_elsewhere(doc, start, own, names)):
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
