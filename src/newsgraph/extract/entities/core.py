"""Entities: typed, grouped, with titles and resolved mentions.

``entities(doc)`` works in stages over spaCy's parse:

1. *Names*: spaCy's entity spans, trimmed of determiners, possessives,
   honorifics and titles (which are kept as evidence).
2. *Type voting*: each surface form gets one type by voting over all its
   mentions; a title or honorific makes a name a person's, and a single word
   that is the surname of a person named in full is that person's.
3. *Propagation*: every other occurrence of a known surface form (also in
   all-caps headlines) becomes a mention, which catches the names spaCy missed.
4. *Grouping*: person names are grouped by first name and surname, short forms
   ("Mr. X", "X") join the full name; other names are grouped by their form.
5. *Titles* from the words around each person's names (see ``titles``).
6. *Resolution* of pronouns and role descriptions (see ``coref``).
7. *Salience* from mentions, position and grammatical role; entities are
   returned most salient first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import compress
from typing import TypedDict

from spacy.attrs import DEP, IDX, IS_PUNCT, LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.entities import caps, coref, names, orgs, speakers, titles
from newsgraph.extract.entities.lexicons import (
    ACRONYM_LABELS,
    ACRONYM_SKIPPED,
    CALENDAR_WORDS,
    CORPORATE_SUFFIXES,
    ENTITY_LABELS,
    HONORIFICS,
    KNOWN_ORGANISATIONS,
    MODIFIED_WORD_POS,
    NICKNAMES,
    NON_NAME_LABELS,
    NOT_NAMES,
    ORG_CUE_NOUNS,
    PRONOUN_WORDS,
    RE_CAMEL_CASE,
    RE_DATE_OR_SCORE,
    RE_DIGIT,
    RE_HAS_LETTER,
    RE_LONE_INITIAL,
    RE_MARKUP,
    RE_NAME_WITH_NUMBER,
    RE_POSSESSIVE,
    SURNAME_PARTICLES,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    US_NAMES,
    WEAK_TITLE_HEADS,
)
from newsgraph.record import Entity
from newsgraph.vocab.parse import PRENOMINAL_DEPS, SALIENT_SUBJECT_DEPS
from newsgraph.vocab.speech import INVERTED_SPEECH_VERBS

__all__ = ["ENTITY_LABELS", "entities"]

#: Votes a title or honorific gives to PERSON: decisive, "President X" is a person however often
#: spaCy labels a bare "X" as an organisation.
PERSON_EVIDENCE_VOTES = 1000.0
#: The vote of a label spaCy gave to an all-caps name.
ALL_CAPS_VOTE = 0.4
#: A known platform or news brand outvotes any number of PERSON/GPE labels, not a title or honorific.
KNOWN_ORGANISATION_VOTES = 100.0
#: Votes an organisation's kind noun before a name ("handset maker", "bookmaker") gives to ORG: more than
#: any number of tagger labels, less than a title or honorific.
ORG_EVIDENCE_VOTES = 100.0
#: How near (in tokens) a full name must be for a bare surname to prefer it over the main bearer.
RECENT_FULL_NAME_TOKENS = 40
#: Labels whose names never end in a number ("Kent 108-3" is a team and its score).
NUMBERLESS_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP"})
#: Labels whose one-word names are capitalised.
CAPITALISED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
#: Labels of places, split at commas.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Dashes that separate two names when spaced ("Leeds - Arsenal").
DASHES = frozenset({"-", "–", "—", "--"})
#: Separators inside dates and scores.
DATE_SEPARATORS = frozenset({"-", "–", "/", ".", ":"})
#: Marks a token propagation may not use (a date, or an already propagated name).
TAKEN = -2
#: Longest surface form propagated, in tokens.
MAX_FORM_TOKENS = 8
#: Words around "X with Y" that say it is a programme ("on Breakfast with Frost", "... with Frost programme").
PROGRAMME_CUES_BEFORE = frozenset({"on", "to", "told"})
PROGRAMME_NOUNS = frozenset({"programme", "program", "show", "interview"})
#: Mention weights for salience.
KIND_WEIGHT = {"name": 1.0, "nominal": 0.8, "pronoun": 0.5}
SUBJECT_BOOST = 1.5
POSITION_WEIGHT = 2.0


@dataclass
class NameSpan:
    """One occurrence of a name: tokens ``start:end`` of the doc."""

    start: int
    end: int
    key: str
    label: str | None
    person_evidence: bool = False
    org_evidence: bool = False  # an organisation's kind noun written right before it ("carmaker Volvo")
    honorific: str | None = None
    title: titles.Title | None = None
    all_caps: bool = False


@dataclass
class Group:
    """The mentions of one entity while they are being collected."""

    label: str
    spans: list[NameSpan] = field(default_factory=list)
    titles: list[titles.Title] = field(default_factory=list)
    extra: list[tuple[int, int, str]] = field(default_factory=list)  # token start, end, kind
    parts: names.NameParts | None = None
    name: str | None = None  # for an unnamed group ("protesters"): the noun it is called by


def _key(doc: Doc, start: int, end: int) -> str:
    return " ".join(coref.token_strings(doc, LOWER)[start:end])


def _is_titleword(text: str) -> bool:
    low = text.lower()
    return low in TITLE_HEADS or low in TITLE_MODIFIERS or low in TITLE_ABBREVIATIONS or low in HONORIFICS


def _without_trailing_date(doc: Doc, start: int, end: int) -> int:
    """The end of a span without a date or score split into tokens ("LONDON 1996 - 08 - 30").

    (``str.isdigit`` of the token strings is spaCy's ``is_digit``, read without making Tokens.)
    """
    orths = coref.token_strings(doc, ORTH)
    k = end
    while k > start and (orths[k - 1].isdigit() or orths[k - 1] in DATE_SEPARATORS):
        k -= 1
    if start < k < end and sum(text.isdigit() for text in orths[k:end]) >= 2:  # (k == end: nothing was cut)
        return k
    return end


def _leading_title(doc: Doc, start: int, label: str) -> bool:
    """A title word opening an entity span ("President X" labelled whole, "Sen. X" labelled ORG)."""
    low = doc[start].lower_
    if low in TITLE_ABBREVIATIONS and low.endswith("."):
        return True
    return label == "PERSON" and _is_titleword(low) and doc[start + 1].text[:1].isupper()


def _not_name_end(doc: Doc, k: int, label: str) -> bool:
    """Token ``k`` cannot end a name: a possessive, punctuation, space, a date or a score
    ("Smith 4-43" in a score table), or any number after a person's or place's name.

    Read from the doc's token strings and punctuation flags, not a Token (this runs twice per entity
    span): spaCy's ``is_space``, ``is_upper``, ``is_lower`` and ``is_alpha`` are the ``str`` methods
    of the token's text.
    """
    text = coref.token_strings(doc, ORTH)[k]
    low = coref.token_strings(doc, LOWER)[k]
    if RE_POSSESSIVE.match(text) or text.isspace() or RE_DATE_OR_SCORE.match(text):
        return True
    if coref.token_values(doc, IS_PUNCT)[k] and text not in (".", ")"):
        return True
    if low in PRONOUN_WORDS and low not in RELATIVE_WORDS and not text.isupper():
        return True  # "Story Continued Below He added": page furniture run into a sentence's "He"
    if text.islower() and text.isalpha() and label in CAPITALISED_LABELS:
        return True  # "Smith allies", "Smith aware": a lowercase word after a name is not part of it
    # A number after a name ends it; a word with a number glued on ("Doe2", a user name) does not.
    return label in NUMBERLESS_LABELS and bool(RE_DIGIT.search(text)) and not RE_NAME_WITH_NUMBER.match(text)


#: Words that end a name wherever a title-case headline runs on ("President Smith Who Needs ...").
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "what", "when", "where", "is", "was", "are"})

#: Words that, written in title case inside an entity span, show a title-case headline or clause read as a
#: name ("Flood Victims Unless They ...", "Came Out Because He ..."): subordinating conjunctions and
#: third-person and first-person-plural pronouns. Not "I" ("World War I", "Elizabeth I"), "it", "you"
#: ("Make It Right", "Thank You"), which names hold; a title of a work may hold any of them.
CLAUSE_WORDS = frozenset({
    "because", "unless", "although", "though", "whether", "whereas", "if", "while", "until",
    "he", "him", "his", "she", "her", "hers", "they", "them", "their", "we", "our",
})
#: Labels whose names may hold a clause ("Catch Me If You Can").
CLAUSE_LABELS = frozenset({"WORK_OF_ART"})


def _holds_clause(orths: list[str], lowers: list[str], start: int, end: int, label: str) -> bool:
    """A clause word in title case after the span's first word: the span is a headline, not a name.

    Only title case counts (lower case "his" in "Kim and his sister Jo Kim" is the tagger's long span
    over running text, and all-caps lines are cut by :mod:`caps`).
    """
    if label in CLAUSE_LABELS:
        return False
    return any(lowers[k] in CLAUSE_WORDS and orths[k][:1].isupper() and not orths[k].isupper()
               for k in range(start + 1, end))


#: Words of a page's share buttons and video player, left in the text as a line the tagger reads as a name
#: ("Facebook Twitter Google Plus Embed", run into the next headline's name).
SHARE_BAR_WORDS = frozenset({"facebook", "twitter", "google", "plus", "embed", "email", "share", "pinterest",
                             "linkedin", "whatsapp", "reddit", "print", "tumblr"})
#: A span with this many share-button words is a share bar, not a name ("Google Plus" alone is a product).
MIN_SHARE_BAR_WORDS = 3


def _share_bar(lowers: list[str], start: int, end: int) -> bool:
    """A span holding a page's share buttons ("Facebook Twitter Google Plus Embed Dale"): no name."""
    return sum(lowers[k] in SHARE_BAR_WORDS for k in range(start, end)) >= MIN_SHARE_BAR_WORDS


def _only_title(doc: Doc, start: int, end: int, label: str) -> bool:
    """Tokens ``start:end`` (one or more) are nothing but a title: one title word or honorific ("Officer",
    "Gov."), or a person's span made of title words only ("Prime Minister"). Weak heads ("Major") and
    modifiers ("White") are names too often to be dropped alone."""
    if end - start == 1:
        low = coref.token_strings(doc, LOWER)[start]
        return (low in TITLE_HEADS and low not in WEAK_TITLE_HEADS) or low in TITLE_ABBREVIATIONS or low in HONORIFICS
    orths, punct = coref.token_strings(doc, ORTH), coref.token_values(doc, IS_PUNCT)
    return label == "PERSON" and all(_is_titleword(orths[k]) or punct[k] for k in range(start, end))


#: Heads of public offices held in a place ("Vermont Senator", "Ohio Attorney General"): after a place's name
#: they make a title with its jurisdiction, never an organisation's name (unlike "star", "leader", "guard":
#: "Daily Star", "Union Leader").
OFFICE_HEADS = frozenset({
    "senator", "governor", "mayor", "president", "representative", "congressman", "congresswoman",
    "minister", "secretary", "general", "premier", "chancellor", "sheriff", "prosecutor", "commissioner",
    "ambassador", "senator-elect", "governor-elect", "president-elect", "lawmaker",
})
#: At most this many words of a place before the office ("Rhode Island Governor").
MAX_JURISDICTION_TOKENS = 2


def _jurisdiction_title(doc: Doc, start: int, end: int, label: str) -> bool:
    """An organisation's span that is a place and an office, a title the tagger split from the name after
    it ("Ruritania Senator" + "Jo Dale") or read alone ("the Ruritania Senator said"): no organisation."""
    orths, lowers = coref.token_strings(doc, ORTH), coref.token_strings(doc, LOWER)
    if label != "ORG" or end - start < 2 or lowers[end - 1] not in OFFICE_HEADS:
        return False
    first_title = next((k for k in range(start, end) if _is_titleword(orths[k])), end)
    lead = range(start, first_title)
    return (0 < len(lead) <= MAX_JURISDICTION_TOKENS and all(_is_titleword(orths[k]) for k in range(first_title, end))
            and all(orths[k][:1].isupper() and orths[k].isalpha() for k in lead))


def _calendar_or_pronoun(token: Token) -> bool:
    low = token.lower_.rstrip(".")
    if low in CALENDAR_WORDS:
        return True
    return low in PRONOUN_WORDS and not (token.is_upper and len(low) > 1)  # "US", "IT", "WHO": acronyms


def _modifies_next_noun(doc: Doc, end: int) -> bool:
    """``chief US economist``: the name is a modifier of the noun after it, so a title before it
    belongs to that noun, not to the name."""
    if end >= len(doc) or coref.token_strings(doc, DEP)[end - 1] not in PRENOMINAL_DEPS:
        return False  # (from the dependency strings: most names modify nothing, and no Token is made for them)
    last = doc[end - 1]
    return (
        last.head.i >= end
        and last.head.pos_ == "NOUN"
        and doc[end].pos_ in MODIFIED_WORD_POS
    )


#: Endings that make a place's name a word for its people ("New Zealand" → "New Zealander", "Kenya" → "Kenyan").
DEMONYM_SUFFIXES = frozenset({"er", "ers", "n", "an", "ian", "ese", "i"})


def _demonym_tokens(doc: Doc, start: int, end: int) -> int:
    """How many leading tokens of a person's span are a word for the people of a place the article names
    ("Ruritanian Jo Dale" after "Ruritania", "New Zealander Jo Dale"): a description, not the name."""
    places = {e.text for e in coref.doc_ents(doc) if e.label_ in ("GPE", "LOC")}
    for k in (1, 2):
        if end - start - k < 2:
            break
        lead = doc[start : start + k].text
        if any(lead.startswith(p) and lead[len(p):] in DEMONYM_SUFFIXES for p in places):
            return k
    return 0


#: Words that open an entity span without being part of the name: an article, or a speech verb
#: run into a name ("said Jo Dale").
LEADING_NON_NAME_WORDS = frozenset({"the", "a", "an", *INVERTED_SPEECH_VERBS})


def _trim(doc: Doc, ent: Span) -> NameSpan | None:
    """The name inside an entity span: no determiner, possessive, honorific or title."""
    start, end = ent.start, ent.end
    label = ent.label_
    honorific = None
    while end > start and _not_name_end(doc, end - 1, label):
        end -= 1
    tested_end = end  # token end - 1 can end the name (or there is none): asked again only if the end moves
    end = _without_trailing_date(doc, start, end)
    # token strings and flags from per-doc arrays (this runs for every entity span), Tokens where rarer
    lowers = coref.token_strings(doc, LOWER)
    orths = coref.token_strings(doc, ORTH)
    punct = coref.token_values(doc, IS_PUNCT)
    end = next((k for k in range(start + 1, end) if lowers[k] in RELATIVE_WORDS), end)
    if _holds_clause(orths, lowers, start, end, label) or _share_bar(lowers, start, end):
        return None
    while end != tested_end and end > start and _not_name_end(doc, end - 1, label):
        end -= 1
    while start < end and (lowers[start] in LEADING_NON_NAME_WORDS or punct[start] or orths[start].isspace()):
        start += 1
    if label == "PERSON" and end - start >= 3:
        start += _demonym_tokens(doc, start, end)
    stripped_title = False
    # "carmaker Volvo", "Bookmaker William Hill" (the noun inside the span or just before it): an organisation.
    org_cue = start > 0 and lowers[start - 1] in ORG_CUE_NOUNS and doc[start - 1].pos_ == "NOUN"
    while end - start > 1:
        low = lowers[start]
        if low in HONORIFICS:
            honorific = low
        elif (low in ORG_CUE_NOUNS and (doc[start].pos_ == "NOUN" or doc[start].is_sent_start
                                           or (start > 0 and not orths[start - 1].strip()))
              and not honorific and not stripped_title and lowers[start + 1] not in ("of", "&", "and")):
            # The noun inside the span, lower case or opening the sentence; "Bank of England" keeps its "Bank".
            org_cue = True
        elif _leading_title(doc, start, label):
            stripped_title = True
        else:
            break
        start += 1
    # (a letter somewhere: most names have a word of letters only, so the characters are rarely scanned)
    if end <= start or not (any(text.isalpha() for text in orths[start:end])
                            or any(map(str.isalpha, "".join(orths[start:end])))):
        return None
    if end - start == 1 and RE_LONE_INITIAL.match(orths[start]):
        return None  # a lone initial ("R.") is not a name
    if _only_title(doc, start, end, label):
        return None  # "Officer", "Prime Minister": a title alone names no one
    if _jurisdiction_title(doc, start, end, label):
        return None  # "Ruritania Senator": a title held in a place
    if end - start == 1 and _calendar_or_pronoun(doc[start]):
        return None  # "JUL" in a wire table, "She" opening a headline
    if end - start == 1 and orths[start].islower() and label in CAPITALISED_LABELS:
        return None  # "cts" labelled ORG: a name in running text has a capital
    if RE_MARKUP.search(coref.span_text(doc, start, end)):
        return None  # markup or a web address left in the text is not a name
    span = NameSpan(start=start, end=end, key=_key(doc, start, end), label=label, honorific=honorific)
    span.all_caps = all(text.isupper() or not text.isalpha() for text in orths[start:end])
    span.title = None if _modifies_next_noun(doc, end) else titles.prenominal_title(doc, start)
    if span.title is not None:
        span.title = titles.with_jurisdiction(doc, span.title, end)
    span.person_evidence = bool(honorific) or stripped_title or span.title is not None
    span.org_evidence = (org_cue or _definite_one_word(doc, start, end, label)) and not span.person_evidence
    return span


#: The article that no person's bare name takes ("the Sabres", "the Wild"; never "the Smith").
DEFINITE_ARTICLES = frozenset({"the"})


def _definite_one_word(doc: Doc, start: int, end: int, label: str) -> bool:
    """A one-word name spaCy calls a person, written right after "the" and modifying no noun ("the Sabres
    lost", "beat the Wild"): a team, band or company, since a person's bare name takes no article. "The
    Acme administration" (a modifier) and "the late Smith" (a word between) are no cue."""
    if label != "PERSON" or end - start != 1 or start == 0:
        return False
    if coref.token_strings(doc, LOWER)[start - 1] not in DEFINITE_ARTICLES:
        return False
    return coref.token_strings(doc, DEP)[start] not in PRENOMINAL_DEPS


def _pieces(doc: Doc, ent: Span) -> list[Span]:
    """An entity span split at free-standing dashes ("Leeds - Arsenal" is two names) and, for
    places, at commas ("The Oval, Surrey")."""
    end = _without_trailing_date(doc, ent.start, ent.end)
    if end < ent.end:
        ent = Span(doc, ent.start, end, label=ent.label_)
    bounds, start = [], ent.start
    orths, spaces = coref.token_strings(doc, ORTH), coref.token_values(doc, SPACY)  # text, trailing space
    places = ent.label_ in PLACE_LABELS
    for i in range(ent.start, ent.end):
        text = orths[i]
        if (text in DASHES and spaces[i] and i > 0 and spaces[i - 1]) or (text == "," and places):
            bounds.append((start, i))
            start = i + 1
    if start == ent.start:
        return [ent]
    bounds.append((start, ent.end))
    return [Span(doc, a, b, label=ent.label_) for a, b in bounds if b > a]


def _with_numbered_surname(doc: Doc, ent: Span) -> Span:
    """A person's span spaCy ended before a surname with a number glued on ("Jane" of "Jane Doe7")."""
    end = ent.end
    if (ent.label_ == "PERSON" and end < len(doc) and doc[end].ent_iob_ == "O" and doc[end - 1].whitespace_
            and RE_NAME_WITH_NUMBER.match(doc[end].text)):
        return Span(doc, ent.start, end + 1, label=ent.label_)
    return ent


def _caps_piece(doc: Doc, piece: Span) -> NameSpan | None:
    """A name from an entity span in an all-caps sentence: cut at its first verb or function
    word, and kept after a cut only when a title vouches for it ("PRIME MINISTER X Y JOINED")."""
    end = caps.name_end(doc, piece.start, piece.end)
    if end == piece.start + 1 and caps.breaks_name(doc[piece.start]):
        return None
    span = _trim(doc, Span(doc, piece.start, end, label=piece.label_))
    if span is None or end == piece.end:
        return span
    return span if span.person_evidence else None


def _name_spans(doc: Doc) -> list[NameSpan]:
    spans = []
    in_caps = caps.caps_tokens(doc)
    for ent in coref.doc_ents(doc):
        if ent.label_ not in ENTITY_LABELS:
            continue
        ent = _with_numbered_surname(doc, ent)
        for piece in _pieces(doc, ent):
            if in_caps[piece.start] and all(t.is_upper or not t.is_alpha for t in piece):
                span = _caps_piece(doc, piece)
            else:
                span = _trim(doc, piece)
            if span is not None:
                spans.append(span)
    spans += _camel_case_names(doc)
    if any(in_caps):
        taken = [False] * len(doc)
        for ent in coref.doc_ents(doc):
            for i in range(ent.start, ent.end):
                taken[i] = True
        for start, end in caps.names_after_titles(doc, in_caps, taken):
            span = _trim(doc, Span(doc, start, end, label="PERSON"))
            if span is not None and span.person_evidence:
                spans.append(span)
    return _programme_titles(doc, spans)


def _camel_case_names(doc: Doc) -> list[NameSpan]:
    """One-word names with a capital inside ("StemExpress", "PayPal") that no tagger labelled: brands.

    The word's shape is the cue: English words and people's names do not have it, except surnames
    whose particle is glued on ("McCain", "DeSantis", "LeBron"), which are left to the tagger. Only
    names written at least twice, so a typo ("THe") or a one-off product is not an organisation.
    """
    # The shape is tested on the token strings first: few tokens have it, and only those become Token objects.
    # (a capital first, which the pattern needs, before the pattern: most words fail there; a title-case
    # word, "London", never has a capital after a small letter, so the pattern is not tried on it)
    # Each distinct word is tested once (a doc repeats its words), and most docs have no such word at all.
    orths = coref.token_strings(doc, ORTH)
    shapes = {text for text in set(orths) if text[:1].isupper() and not text.istitle() and RE_CAMEL_CASE.match(text)
              and not text.startswith(SURNAME_PARTICLES)}
    if not shapes:
        return []
    taken = {i for ent in coref.doc_ents(doc) for i in range(ent.start, ent.end)}
    shaped = [i for i, text in enumerate(orths) if text in shapes and i not in taken]
    found = [i for i in shaped if doc[i].pos_ == "PROPN"]
    counts = Counter(doc[i].text for i in found)
    return [span for i in found if counts[doc[i].text] >= 2
            if (span := _trim(doc, Span(doc, i, i + 1, label="ORG"))) is not None]


def _programme_titles(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """ "Breakfast with Frost", "Newsnight with Kirsty Wark": a programme, not a place and a person.

    A one-word name, "with", then a person's name, written where a programme is:
    after "on", "to" or a broadcaster's possessive, or before "programme"/"show".
    """
    ordered = sorted(spans, key=lambda s: s.start)
    merged: list[NameSpan] = []
    skip = -1
    for k, first in enumerate(ordered):
        if k == skip:
            continue
        second = ordered[k + 1] if k + 1 < len(ordered) else None
        if (second is not None and first.end - first.start == 1 and second.start == first.end + 1
                and doc[first.end].lower_ == "with" and second.label == "PERSON" and doc[first.start].is_title
                and _programme_context(doc, first.start, second.end)):
            merged.append(NameSpan(start=first.start, end=second.end, key=_key(doc, first.start, second.end),
                                   label="WORK_OF_ART"))
            skip = k + 1
        else:
            merged.append(first)
    return merged


def _programme_context(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    return before in PROGRAMME_CUES_BEFORE or after in PROGRAMME_NOUNS or (start > 0 and doc[start - 1].tag_ == "POS")


def _count(item: tuple[str, float]) -> float:
    """The votes of a (label, votes) pair."""
    return item[1]


def _vote(spans: list[NameSpan], parts_of: names.PartsMemo | None = None) -> dict[str, str]:
    """One type per surface form (lowercased), by votes over all its mentions (``parts_of``: the
    article's name parts, shared with propagation and grouping)."""
    parts_of = names.PartsMemo() if parts_of is None else parts_of
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for span in spans:
        if span.label:
            # spaCy's labels on all-caps text (headlines) are less reliable: they weigh less.
            votes[span.key][span.label] += ALL_CAPS_VOTE if span.all_caps else 1.0
        if span.person_evidence:
            votes[span.key]["PERSON"] += PERSON_EVIDENCE_VOTES
        if span.key in KNOWN_ORGANISATIONS:
            votes[span.key]["ORG"] += KNOWN_ORGANISATION_VOTES
        if span.org_evidence:
            votes[span.key]["ORG"] += ORG_EVIDENCE_VOTES
    # ``max`` returns the first item of highest count, as ``most_common(1)`` does, without its heap
    labels = {key: max(counter.items(), key=_count)[0] for key, counter in votes.items()}
    # A single word that is the surname of a person named in full is that person.
    surnames = set()
    for key, label in labels.items():
        if label == "PERSON" and " " in key:
            parts = parts_of.of(tuple(key.split()))
            if parts and parts.full:
                surnames.add(parts.surname)
    for key in labels:
        parts = parts_of.of(tuple(key.split()))
        if parts is not None and not parts.full and parts.surname in surnames:
            labels[key] = "PERSON"  # "Smith", or a hyphenated "Polakow - Suransky" (one word)
    return labels


def _propagate(doc: Doc, spans: list[NameSpan], labels: dict[str, str],
               parts_of: names.PartsMemo | None = None) -> tuple[list[NameSpan], set[int]]:
    """Other occurrences of known surface forms: new mentions, and the spans they replace.

    A known longer form wins over a shorter span spaCy gave inside it ("Waqar
    Younis" over a labelled "Younis"); the indexes of such replaced spans are
    returned with the new mentions. Adds the surnames of people named in full to
    ``labels`` (see ``_add_surname_forms``).
    """
    owner = _owners(doc, spans)
    _add_surname_forms(labels, names.PartsMemo() if parts_of is None else parts_of)
    forms = _forms_by_first_word(labels)
    found: list[NameSpan] = []
    replaced: set[int] = set()
    tagged = doc.has_annotation("TAG")
    lowers = coref.token_strings(doc, LOWER)
    # Only a token that is the first word of a known form can start a match: those are visited in
    # order (one pass over the token strings in C), each after the end of the last match, as a walk
    # over every token would visit them.
    resume = 0  # the first token after the last match
    for i in [i for i, low in enumerate(lowers) if low in forms]:
        if i < resume:
            continue
        hit = _known_form_at(doc, i, forms[lowers[i]], spans, owner, lowers, tagged)
        if hit is None:
            continue
        match, inner = hit
        found.append(match)
        replaced |= inner
        for k in range(match.start, match.end):
            owner[k] = TAKEN
        resume = match.end
    return found, replaced


def _owners(doc: Doc, spans: list[NameSpan]) -> list[int]:
    """For every token, the index of the span covering it; TAKEN inside a date, number or the like
    (a date is not a name); -1 where no span is."""
    owner = [-1] * len(doc)
    for index, span in enumerate(spans):
        for i in range(span.start, span.end):
            owner[i] = index
    for ent in coref.doc_ents(doc):
        if ent.label_ in NON_NAME_LABELS:
            for i in range(ent.start, ent.end):
                owner[i] = TAKEN
    return owner


def _add_surname_forms(labels: dict[str, str], parts_of: names.PartsMemo) -> None:
    """A person named in full is also looked for by surname alone ("Waqar Younis" ... "Younis").

    Adds the surname to ``labels`` in place (grouping reads it there too), unless it is known already.
    """
    for key, label in list(labels.items()):
        if label == "PERSON" and " " in key:
            parts = parts_of.of(tuple(key.split()))
            if parts and parts.full and " " not in parts.surname and parts.surname not in labels:
                labels[parts.surname] = "PERSON"


def _forms_by_first_word(labels: dict[str, str]) -> dict[str, list[tuple[str, ...]]]:
    """The known forms worth looking for, as word tuples under their first word, longest first.

    Left out: forms too long to be a name, lone words that are never names alone (or a single
    letter), and forms with no letter at all.
    """
    forms: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in labels:
        words = tuple(key.split(" "))
        if len(words) > MAX_FORM_TOKENS or (len(words) == 1 and (key in NOT_NAMES or len(key) < 2)):
            continue
        if not RE_HAS_LETTER.search(key):
            continue
        forms[words[0]].append(words)
    for options in forms.values():
        options.sort(key=len, reverse=True)
    return forms


def _known_form_at(
    doc: Doc,
    i: int,
    options: list[tuple[str, ...]],
    spans: list[NameSpan],
    owner: list[int],
    lowers: list[str],
    tagged: bool,
) -> tuple[NameSpan, set[int]] | None:
    """The longest known form written at token ``i``, with the indexes of the spans inside it it replaces.

    None where propagation may not start (a token already taken, or inside a span that starts
    earlier) or no form fits there (see ``_fits``).
    """
    if owner[i] == TAKEN or (owner[i] >= 0 and spans[owner[i]].start != i):
        return None
    for words in options:
        end = i + len(words)
        inner = _fits(doc, i, words, spans, owner, lowers, tagged)
        if inner is None:
            continue
        match = NameSpan(start=i, end=end, key=" ".join(words), label=None)
        # (spaCy's ``is_upper`` and ``is_alpha`` are the str methods of the token's text, read from the strings)
        match.all_caps = all(text.isupper() or not text.isalpha() for text in coref.token_strings(doc, ORTH)[i:end])
        match.title = titles.prenominal_title(doc, i)
        if match.title is not None:
            match.title = titles.with_jurisdiction(doc, match.title, end)
        return match, inner
    return None


def _fits(
    doc: Doc,
    i: int,
    words: tuple[str, ...],
    spans: list[NameSpan],
    owner: list[int],
    lowers: list[str],
    tagged: bool,
) -> set[int] | None:
    """The spans a form ``words`` at token ``i`` would replace, or None where it does not fit.

    It fits where the words are written there, none of them taken; it covers the spans inside it
    whole and is longer than each; every word is capitalised (or not a letter); and it is not part
    of a longer capitalised name nobody labelled.
    """
    end = i + len(words)
    if end > len(doc) or tuple(lowers[i:end]) != words or any(owner[k] == TAKEN for k in range(i, end)):
        return None
    inner = {owner[k] for k in range(i, end) if owner[k] >= 0}
    if any(spans[x].start < i or spans[x].end > end or spans[x].end - spans[x].start == len(words) for x in inner):
        return None  # overlaps a span partly, or is that span itself
    if not all(text[:1].isupper() or not text[:1].isalpha() for text in coref.token_strings(doc, ORTH)[i:end]):
        return None  # (each word's first letter from the token strings, not a Token per word)
    if _inside_unknown_name(doc, i, end, owner, tagged):
        return None
    return inner


def _inside_unknown_name(doc: Doc, start: int, end: int, owner: list[int], tagged: bool) -> bool:
    """True when the match is part of a longer capitalised name no one labelled.

    ``owner`` is ``_owners``' list: -1 where no span or date covers a token (only the two tokens
    around the match are read, so no per-token list is made for them).
    """
    for k in (start - 1, end):
        if 0 <= k < len(doc) and owner[k] == -1:
            token = doc[k]
            sentence_initial = k == start - 1 and token.is_sent_start
            # A proper noun by the tagger, or by its capital when the doc was not tagged.
            capitalised = token.text.istitle() and (token.pos_ == "PROPN" or not tagged)
            if capitalised and not sentence_initial and not _is_titleword(token.text):
                return True
    return False


def _group(doc: Doc, spans: list[NameSpan], labels: dict[str, str],
           parts_of: names.PartsMemo | None = None) -> list[Group]:
    """Spans grouped into entities: people by name parts, the rest by surface form."""
    parts_of = names.PartsMemo() if parts_of is None else parts_of
    groups: list[Group] = []
    by_key: dict[str, Group] = {}
    full_people: list[Group] = []
    short_people: list[tuple[NameSpan, names.NameParts]] = []
    for span in sorted(spans, key=lambda s: s.start):
        label = labels.get(span.key, span.label or "ORG")
        if label != "PERSON":
            key = _org_key(span.key) if label == "ORG" else span.key
            group = by_key.get(key)
            if group is None:
                group = by_key[key] = Group(label=label)
                groups.append(group)
            group.spans.append(span)
            continue
        parts = parts_of.of(tuple(coref.token_strings(doc, ORTH)[span.start : span.end]))
        if parts is None:
            continue
        if not parts.full:
            short_people.append((span, parts))
            continue
        group = next((g for g in full_people if _same_person(g.parts, parts)), None)
        if group is None:
            group = Group(label="PERSON", parts=parts)
            full_people.append(group)
            groups.append(group)
        group.spans.append(span)
    for span, parts in short_people:
        group = _link_short(span, parts, full_people)
        if group is None:
            group = by_key.get("person:" + parts.surname)
            if group is None:
                group = by_key["person:" + parts.surname] = Group(label="PERSON", parts=parts)
                groups.append(group)
        group.spans.append(span)
    return groups


def _initials(doc: Doc, span: NameSpan) -> str | None:
    """The letters a name's acronym is made of: "British Airways" → "BA" (small words skipped)."""
    words = [text for text in coref.token_strings(doc, ORTH)[span.start : span.end]
             if text.lower() not in ACRONYM_SKIPPED]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def _merge_acronyms(doc: Doc, groups: list[Group]) -> list[Group]:
    """An organisation's acronym and its full name are one entity: "British Airways" … "BA".

    The acronym (all capitals, 2–6 letters, one token) joins the one organisation
    or place of the article whose capitalised words start with its letters; with
    two such names ("Bank of America", "British Airways") it stays apart.
    """
    full: dict[str, list[Group]] = {}
    for group in groups:
        if group.label in ACRONYM_LABELS:
            for span in group.spans:
                letters = _initials(doc, span)
                if letters and group not in full.get(letters, []):
                    full.setdefault(letters, []).append(group)
    if not full:
        return groups
    merged: set[int] = set()
    for group in groups:
        if group.label not in ACRONYM_LABELS or any(span.end - span.start != 1 for span in group.spans):
            continue
        text = doc[group.spans[0].start].text
        if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 6):
            continue
        targets = [g for g in full.get(text, []) if g is not group]
        if len(targets) != 1:
            continue
        targets[0].spans = sorted(targets[0].spans + group.spans, key=lambda s: s.start)
        targets[0].titles += [t for t in group.titles if t not in targets[0].titles]
        merged.add(id(group))
    return [g for g in groups if id(g) not in merged]


#: Labels a country's name is given by the tagger: a place, or an organisation ("the US" acting as a state).
COUNTRY_NAME_LABELS = frozenset({"GPE", "LOC", "ORG"})


def _merge_country_names(groups: list[Group]) -> list[Group]:
    """The names of one country are one entity: "America", "the US", "U.S." and "the United States".

    Names are grouped by form, so each way of writing the country made an entity of its own, and "the
    country", "the nation" or a pronoun went to one of them while the others kept the rest of the
    country's mentions. A group all of whose names are names of the United States (``US_NAMES``, the
    list "the country" of a US state is read with) joins the first such group of the article; a group
    with any other name ("US Steel", a person) stays apart. The joined entity is a place when any of
    its parts was tagged one. It runs after descriptions and pronouns are linked, so each link is made
    as before and only its entity's names grow: joined before, the larger entity drew a pronoun away
    from the entity it was right for on a check set.
    """
    country: Group | None = None
    merged: set[int] = set()
    for group in groups:
        if group.label not in COUNTRY_NAME_LABELS or not group.spans or not all(
                span.key.removeprefix("the ") in US_NAMES for span in group.spans):
            continue
        if country is None:
            country = group
            continue
        country.spans = sorted(country.spans + group.spans, key=lambda s: s.start)
        country.titles += [t for t in group.titles if t not in country.titles]
        country.extra = sorted(set(country.extra + group.extra))
        if country.label != "GPE" and group.label in PLACE_LABELS:
            country.label = "GPE"
        merged.add(id(group))
    return [g for g in groups if id(g) not in merged]


def _org_key(key: str) -> str:
    """An organisation's form without its legal suffix: "acme corp" and "acme" are one company."""
    words = key.split(" ")
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words.pop()
    return " ".join(words)


def _same_person(a: names.NameParts | None, b: names.NameParts) -> bool:
    if a is None or a.surname != b.surname or a.first is None or b.first is None:
        return False
    if a.first == b.first or NICKNAMES.get(a.first, a.first) == NICKNAMES.get(b.first, b.first):
        return True
    # An initial matches a first name with that letter: "J. Smith" ~ "John Smith".
    short, long = sorted((a.first, b.first), key=len)
    return len(short) <= 2 and short.rstrip(".") == long[:1]


def _link_short(span: NameSpan, parts: names.NameParts, people: list[Group]) -> Group | None:
    """The person a bare surname (or a unique first name) refers to.

    With several people of that surname, the one named in full within the last
    few dozen words wins; otherwise the one mentioned most so far (the
    article's main bearer of the name), so a later, briefly named relative does
    not take over every bare surname.
    """
    word = parts.surname
    by_surname = [g for g in people if g.parts and g.parts.surname.split()[-1] == word]
    if not by_surname:
        by_first = [g for g in people if g.parts and g.parts.first == word]
        by_surname = by_first if len(by_first) == 1 else []
    if len(by_surname) <= 1:
        return by_surname[0] if by_surname else None

    def last_full_before(group: Group) -> int:
        before = [s.start for s in group.spans if s.start < span.start and " " in s.key]
        return max(before) if before else -1

    recent = [g for g in by_surname if 0 <= span.start - last_full_before(g) <= RECENT_FULL_NAME_TOKENS]
    if recent:
        return max(recent, key=last_full_before)

    def weight(group: Group) -> tuple[int, int]:
        return (sum(s.start < span.start for s in group.spans), -min(s.start for s in group.spans))

    return max(by_surname, key=weight)


def _add_title(group: Group, title: titles.Title | None) -> None:
    if title is None:
        return
    for i, known in enumerate(group.titles):
        if known.display.lower() == title.display.lower():
            if known.display.islower() and not title.display.islower():
                group.titles[i] = title  # prefer the capitalised spelling
            return
    group.titles.append(title)


def _person_info(doc: Doc, group: Group) -> coref.PersonInfo:
    info = coref.PersonInfo(count=len(group.spans))
    for span in group.spans:
        if span.honorific and names.honorific_gender(span.honorific):
            info.gender = names.honorific_gender(span.honorific)
            break
    if info.gender is None:
        for title in group.titles:
            info.gender = names.title_gender(title.display)
            if info.gender:
                break
    if info.gender is None and group.parts and group.parts.first:
        first = next((doc[s.start].text for s in group.spans if len(s.key.split()) > 1), group.parts.first)
        info.gender = names.first_name_gender(first.rstrip("."))
        info.guessed_gender = info.gender is not None
    for title in group.titles:
        info.roles[title.display.lower()] = True
        info.roles.setdefault(title.role, False)
    return info


def _head(doc: Doc, start: int, end: int) -> int:
    """The syntactic head token of ``doc[start:end]``."""
    return start if end - start == 1 else doc[start:end].root.i


def _covered_tokens(covered: list[bool]) -> set[int]:
    """The indexes of the covered tokens (``itertools.compress`` picks them in C: this runs over every token,
    twice per article)."""
    return set(compress(range(len(covered)), covered))


def _resolve(doc: Doc, groups: list[Group]) -> None:
    """Add titles, pronoun and role-description mentions to the person groups."""
    sents = coref.sentence_ids(doc)
    people: dict[int, coref.PersonInfo] = {}
    anchors: list[coref.Anchor] = []
    covered = [False] * len(doc)
    for gi, group in enumerate(groups):
        for span in group.spans:
            for k in range(span.start, span.end):
                covered[k] = True
            if span.title:
                for k in range(span.title.start, span.title.end):
                    covered[k] = True
        if group.label != "PERSON":
            continue
        for span in group.spans:
            _add_title(group, span.title)
            for title in titles.appositive_titles(doc, span.start, span.end):
                _add_title(group, title)
        people[gi] = _person_info(doc, group)
        for span in group.spans:
            head = _head(doc, span.start, span.end)
            anchors.append(coref.Anchor(group=gi, token=head, sent=sents[head],
                                        subject=doc[head].dep_ in SALIENT_SUBJECT_DEPS))
    owners = {k: gi for gi, group in enumerate(groups) for span in group.spans for k in range(span.start, span.end)}
    quotes = coref.Quotes(doc, sents, {})
    if people:
        _resolve_people(doc, groups, people, anchors, covered, sents, quotes)
        _qualified_roles(doc, groups, covered)
    for gi, group in enumerate(groups):
        for start, end, _ in group.extra:
            for k in range(start, end):
                owners.setdefault(k, gi)
    _resolve_organisations(doc, groups, sents, covered, owners, quotes)
    blocked = _covered_tokens(covered)
    for token_i, gi in speakers.first_person_mentions(doc, quotes, sents, owners, blocked,
                                                      [g.label for g in groups]):
        groups[gi].extra.append((token_i, token_i + 1, "pronoun"))


def _resolve_organisations(doc: Doc, groups: list[Group], sents: list[int], covered: list[bool],
                            owners: dict[int, int], quotes: coref.Quotes) -> None:
    """Descriptions, "it" and "they" of organisations and countries, and unnamed groups as entities."""
    resolver = orgs.OrgResolver(doc, [g.label for g in groups], [[(s.start, s.end) for s in g.spans] for g in groups],
                                sents, covered, owners, quotes)
    result = resolver.run()
    for label, name in result.new_groups:
        groups.append(Group(label=label, name=name))
    for start, end, kind, gi in result.mentions:
        groups[gi].extra.append((start, end, kind))


def _resolve_people(doc: Doc, groups: list[Group], people: dict[int, coref.PersonInfo],
                    anchors: list[coref.Anchor], covered: list[bool], sents: list[int],
                    quotes: coref.Quotes) -> None:
    """Third-person pronouns, predicate titles and role descriptions of the people."""
    pronouns = coref.resolve_pronouns(doc, anchors, people, sents, blocked=_covered_tokens(covered),
                                      quotes=quotes)
    subjects: list[tuple[int, int]] = [(a.token, a.group) for a in anchors] + pronouns
    for token_i, gi in pronouns:
        groups[gi].extra.append((token_i, token_i + 1, "pronoun"))
        covered[token_i] = True
        anchors.append(coref.Anchor(group=gi, token=token_i, sent=sents[token_i], subject=False))
    for token_i, gi in subjects:
        title = titles.predicate_title(doc[token_i])
        if title is not None:
            _add_title(groups[gi], title)
            people[gi].roles.setdefault(title.display.lower(), True)
            people[gi].roles.setdefault(title.role, False)
    for start, end, gi in coref.role_descriptions(doc, people, anchors, covered, sents, quotes):
        groups[gi].extra.append((start, end, "nominal"))
        for k in range(start, end):
            covered[k] = True
    titled = {gi: groups[gi].titles for gi in people if groups[gi].titles}
    mentions = {gi: [] for gi in titled}
    for anchor in anchors:
        if anchor.group in mentions:
            mentions[anchor.group].append(anchor.token)
    for start, end, gi in titles.role_mentions(doc, titled, mentions, covered):
        groups[gi].extra.append((start, end, "nominal"))
        for k in range(start, end):
            covered[k] = True
    every_mention: dict[int, list[int]] = {gi: [] for gi in people}
    for anchor in anchors:
        if anchor.group in every_mention:
            every_mention[anchor.group].append(anchor.token)
    for start, end, gi in titles.renown_mentions(doc, every_mention, covered):
        groups[gi].extra.append((start, end, "nominal"))
        for k in range(start, end):
            covered[k] = True


def _qualified_roles(doc: Doc, groups: list[Group], covered: list[bool]) -> None:
    """ "the Dunmore boss", "the Acme chairman": a role held in a named organisation or place, to the person
    titled with it ("Dunmore boss Jo Dale"), the one mentioned last before it.

    The organisation's name inside the description is a mention of its own, so the description is read
    around it: determiner, the name, then a title head.
    """
    starts = {span.start: span.end for group in groups if group.label != "PERSON" for span in group.spans}
    for start, end in sorted(starts.items()):
        i = start - 1
        if i < 0 or doc[i].lower_ not in ("the", "this") or covered[i]:
            continue
        if end >= len(doc) or covered[end] or doc[end].lower_ not in TITLE_HEADS:
            continue
        if end + 1 < len(doc) and (doc[end + 1].pos_ in ("NOUN", "PROPN") or doc[end + 1].lower_ == "of"):
            continue  # "the Dunmore boss's decision" stays; "the Acme chief executive" is longer than its head
        qualifier = doc[i + 1 : end].text.lower()
        phrase = f"{qualifier} {doc[end].lower_}"
        best, best_at = None, -1
        for gi, group in enumerate(groups):
            if group.label != "PERSON" or not any(t.display.lower() == phrase for t in group.titles):
                continue
            before = [span.start for span in group.spans if span.start < i]
            if before and max(before) > best_at:
                best, best_at = gi, max(before)
        if best is not None:
            groups[best].extra.append((i, end + 1, "nominal"))
            for k in range(i, end + 1):
                covered[k] = True


def _canonical(doc: Doc, group: Group) -> str:
    """The entity's display name: a person's fullest name, else the most frequent spelling."""
    texts = [coref.span_text(doc, s.start, s.end) for s in group.spans]
    if not texts:
        return group.name or doc[group.extra[0][0] : group.extra[0][1]].text
    first: dict[str, int] = {}  # each spelling's first position (``texts.index``, read once per spelling)
    for position, text in enumerate(texts):
        first.setdefault(text, position)
    if group.label == "PERSON":
        return max(texts, key=lambda t: (len(t.split()), not t.isupper(), -first[t]))
    counts = Counter(texts)
    return max(counts, key=lambda t: (not t.isupper(), counts[t], -first[t]))


class MentionData(TypedDict):
    """A ``Mention`` as the plain dict the entity's one validation reads (``_ENTITY``)."""

    start: int
    end: int
    text: str
    kind: str  # a ``MentionKind``: the passes write "name", "nominal" or "pronoun"


#: Builds an ``Entity`` from one dict, its mentions given as dicts. Why: pydantic validates the whole nested
#: record in one call of its compiled validator, where ``Entity(...)`` with a ``Mention(...)`` per mention
#: made a ``BaseModel.__init__`` call (a Python frame and its keyword packing) for each of the ~21,000 models
#: of the comparison docs; the record is the same (``Entity(...)`` runs the same validator on its keywords).
_ENTITY = Entity.model_validate


def _mentions(doc: Doc, group: Group) -> list[MentionData]:
    items = [(s.start, s.end, "name") for s in group.spans] + group.extra
    mentions = []
    idx = coref.token_values(doc, IDX)
    orths = coref.token_strings(doc, ORTH)
    text = coref.doc_text(doc)  # read once here, not once per mention (as ``coref.span_text`` would)
    for start, end, kind in sorted(set(items)):
        if end <= start:  # never made by the passes; kept as the Span reads it
            span = doc[start:end]
            mentions.append({"start": span.start_char, "end": span.end_char, "text": span.text, "kind": kind})
            continue
        # doc[start:end]'s start_char, end_char and text (``coref.span_text``), read without making the Span
        end_char = idx[end - 1] + len(orths[end - 1])
        mentions.append({"start": idx[start], "end": end_char, "text": text[idx[start] : end_char], "kind": kind})
    return mentions


def _salience_scores(doc: Doc, groups: list[Group]) -> list[float]:
    """Mentions (by kind, subjects weigh more) plus how early the entity comes."""
    n_chars = max(doc[-1].idx + len(doc[-1].text_with_ws), 1) if len(doc) else 1  # len(doc.text), not rebuilt
    deps = coref.token_strings(doc, DEP)
    scores = []
    for group in groups:
        score = 0.0
        items = [(s.start, s.end, "name") for s in group.spans] + group.extra
        first = min(start for start, _, _ in items)
        for start, end, kind in items:
            subject = deps[_head(doc, start, end)] in SALIENT_SUBJECT_DEPS
            score += KIND_WEIGHT[kind] * (SUBJECT_BOOST if subject else 1.0)
        score += POSITION_WEIGHT * (1.0 - doc[first].idx / n_chars)
        scores.append(score)
    return scores


def entities(doc: Doc) -> list[Entity]:
    """The entities of ``doc``, most salient first, each with its titles and resolved mentions."""
    if not len(doc):
        return []
    with coref.reading_strings_of(doc):
        return _entities(doc)


def _entities(doc: Doc) -> list[Entity]:
    """:func:`entities` of a non-empty doc, its token strings read once."""
    spans = _name_spans(doc)
    parts_of = names.PartsMemo()  # the name parts of this article's forms, each worked out once
    labels = _vote(spans, parts_of)
    found, replaced = _propagate(doc, spans, labels, parts_of)
    spans = [span for index, span in enumerate(spans) if index not in replaced] + found
    groups = _merge_acronyms(doc, [g for g in _group(doc, spans, labels, parts_of) if g.spans])
    _resolve(doc, groups)
    groups = _merge_country_names(groups)
    groups = [g for g in groups if g.spans or g.extra]
    scores = _salience_scores(doc, groups)
    total = sum(scores) or 1.0
    ranked = sorted(zip(scores, range(len(groups)), groups, strict=True), key=lambda x: (-x[0], x[1]))
    out = []
    for number, (score, _, group) in enumerate(ranked, 1):
        out.append(_ENTITY({
            "id": f"e{number}",
            "name": _canonical(doc, group),
            "type": group.label,
            "titles": [t.display for t in group.titles],
            "salience": round(score / total, 4),
            "mentions": _mentions(doc, group),
        }))
    return out
