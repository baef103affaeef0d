"""Titles and roles of people, recovered from the parse around their names.

spaCy's PERSON spans leave titles out ("Finance Minister [Jane Doe]"), so
the titles are read from the words around a name:

- pre-nominal: "Deputy Finance Minister Ana B. Ruiz", "Health Ministry spokeswoman X";
- appositive: "a special envoy, Carl J. Brandt Jr."; "Ann Lee of Texas, a ... Democrat";
- predicate: "after she became finance minister" (the subject's entity takes the title).

Each title keeps its *role* too: the title without the organisation or
nationality that qualifies it ("Norwegian Consul" → "consul"), which is
what a later definite description ("the consul") repeats.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Iterable
from dataclasses import dataclass, replace

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.tokens import Doc, Token

from newsgraph.extract.entities.coref import PLACE_QUALIFIER_LABELS, token_strings, token_values
from newsgraph.extract.entities.lexicons import (
    FEMALE_TITLES,
    HONORIFICS,
    MALE_TITLES,
    NATIONAL_OFFICES,
    PRENOMINAL_TITLE_LEAD_POS,
    QUALIFIED_WEAK_HEADS,
    RE_POSSESSIVE,
    TITLE_ABBREVIATIONS,
    TITLE_DROP,
    TITLE_HEADS,
    TITLE_HYPHENS,
    TITLE_LEAD_POS,
    TITLE_MODIFIERS,
    TITLE_PREDICATE_DEPS,
    TITLE_VERBS,
    TITLE_WORD_POS,
    WEAK_TITLE_HEADS,
)
from newsgraph.vocab.epithets import PERFORMER_NOUNS
from newsgraph.vocab.parse import NOMINAL_POS, NOMINAL_SUBJECT_DEPS, NOUN_CLAUSE_DEPS, PLURAL_NOUN_TAGS
from newsgraph.vocab.pronouns import FIRST_PERSON_FORMS
from newsgraph.vocab.speech import INVERTED_SPEECH_VERBS

#: Entity labels that may qualify a title ("Health Ministry spokeswoman", "Norwegian Consul").
QUALIFIER_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON", "FAC", "LOC"})
#: Labels of what a title is held in ("Governor of Ohio", "Representative of Texas").
JURISDICTION_LABELS = frozenset({"GPE", "ORG", "LOC"})
#: Labels that keep a word from heading an appositive title: a name of a person or a place is not a role.
NOT_TITLE_HEAD_LABELS = frozenset({"PERSON", "GPE", "LOC"})
#: Labels of a predicate noun that names a party ("he became Smith's", "joined Acme"): not a title.
NAMED_PREDICATE_LABELS = frozenset({"PERSON", "ORG", "GPE"})
#: Heads that make an appositive a role though they are not titles ("a Blue Dog Democrat").
APPOSITIVE_ONLY_HEADS = frozenset({"democrat", "republican", "libertarian", "conservative", "liberal",
                                   "socialist"})
#: Modifiers that make a predicate noun a description rather than an office.
DESCRIPTIVE_MODIFIERS = frozenset({"first", "last", "only", "second", "third", "next", "latest", "same", "such"})
#: Longest title read before a name, in tokens.
MAX_TITLE_TOKENS = 8
#: Verbs whose subject takes a title only through "as" ("replaced Jo Dale as chief executive", "joined
#: Acme as finance director", "stepped down as coach"): their object is no title.
AS_TITLE_VERBS = frozenset({"replace", "succeed", "join", "rejoin", "return", "start", "stay", "continue",
                            "take", "resign", "quit", "step", "retire"})
#: Relative pronouns that stand for the name a relative clause hangs off ("X, who is prime minister").
RELATIVE_SUBJECTS = frozenset({"who", "that"})


@dataclass(frozen=True)
class Title:
    """A title as displayed, and the bare role it names."""

    display: str
    role: str
    start: int  # token index where the title words begin
    end: int


def _word(token: Token) -> str:
    """A title word for display: abbreviations spelled out."""
    return TITLE_ABBREVIATIONS.get(token.lower_, token.text)


def _join(tokens: list[Token], words: list[str]) -> str:
    """Words of adjacent tokens joined as written: "Smith's deputy chief", not "Smith 's ..."."""
    out = ""
    for k, (token, word) in enumerate(zip(tokens, words, strict=True)):
        glued = k > 0 and tokens[k - 1].i + 1 == token.i and not tokens[k - 1].whitespace_
        out += word if k == 0 or glued else " " + word
    return out




def hyphen_compound(doc: Doc, i: int) -> str | None:
    """The lowercase word that token ``i`` ends when it closes a hyphenated word split by the tokenizer
    ("President-elect" read as "President", "-", "elect"), else None: the title is the whole word."""
    # (from the doc's token strings and trailing spaces: this is asked before most names, and no Token is made)
    if i < 2 or token_strings(doc, ORTH)[i - 1] not in TITLE_HYPHENS:
        return None
    spaces = token_values(doc, SPACY)
    if spaces[i - 1] or spaces[i - 2]:
        return None
    lowers = token_strings(doc, LOWER)
    return f"{lowers[i - 2]}-{lowers[i]}"


def _is_compound_title(doc: Doc, i: int) -> bool:
    """True when token ``i`` closes a hyphenated title word ("President-elect", "governor-elect")."""
    word = hyphen_compound(doc, i)
    return word is not None and word in TITLE_HEADS


def _is_title_word(token: Token) -> bool:
    return _is_title_text(token.lower_) or _is_compound_title(token.doc, token.i)


def _is_title_text(low: str) -> bool:
    """:func:`_is_title_word` of a token's lowercase text."""
    return low in TITLE_HEADS or low in TITLE_ABBREVIATIONS or low in TITLE_MODIFIERS


def _is_head(token: Token) -> bool:
    low = token.lower_
    return ((low in TITLE_HEADS and low not in WEAK_TITLE_HEADS) or low in TITLE_ABBREVIATIONS
            or _is_compound_title(token.doc, token.i))


def _make_title(tokens: list[Token], qualifier_ids: set[int], weak_head: bool = False) -> Title | None:
    """A display title from title tokens; None when no title head (or, with ``weak_head``, a qualified
    weak one at the end) is among them."""
    kept = [t for t in tokens if t.lower_ not in TITLE_DROP and not RE_POSSESSIVE.match(t.text)]
    while kept and (kept[0].pos_ in PRENOMINAL_TITLE_LEAD_POS or kept[0].lower_ == "the"):
        kept.pop(0)
    headed = bool(kept) and (any(_is_head(t) for t in kept) or (weak_head and kept[-1].lower_ in QUALIFIED_WEAK_HEADS))
    if not headed or kept[-1].lower_ in HONORIFICS:
        return None
    if len(kept) == 1 and kept[0].lower_ in TITLE_MODIFIERS and kept[0].lower_ not in TITLE_HEADS:
        return None
    # joined as written, so that a hyphenated title ("President-elect") keeps its one word
    display = _join(kept, [_word(t) for t in kept])
    role_tokens = [t for t in kept if t.i not in qualifier_ids]
    role = _join(role_tokens, [_word(t) for t in role_tokens]).lower() or display.lower()
    return Title(display=display, role=role, start=kept[0].i, end=kept[-1].i + 1)


def prenominal_title(doc: Doc, start: int) -> Title | None:
    """The title written right before a name starting at token ``start``."""
    if start == 0 or not (_is_title_text(token_strings(doc, LOWER)[start - 1])
                          or _is_compound_title(doc, start - 1)):
        return None  # the chain starts with a title word next to the name (most names have none: no Token made)
    tokens: list[Token] = []
    qualifiers: set[int] = set()
    i = start - 1
    while i >= 0 and len(tokens) < MAX_TITLE_TOKENS:
        token = doc[i]
        if _is_compound_title(doc, i):
            tokens[0:0] = list(doc[i - 2 : i + 1])  # "President-elect": the three tokens as one title word
            i -= 3
            continue
        if token.is_punct or token.is_space or token.like_num:
            break
        is_qualifier = bool(tokens) and token.ent_type_ in QUALIFIER_LABELS and token.ent_iob_ in ("B", "I")
        if is_qualifier and (token.ent_type_ != "PERSON" or not _is_title_word(token)):
            # A whole entity qualifying the title; never part of the name itself.
            j = i
            while j > 0 and doc[j].ent_iob_ == "I":
                j -= 1
            while j <= i and doc[j].lower_ in INVERTED_SPEECH_VERBS:
                j += 1  # "Said Presidential nominee X": the verb is not part of the title
            if j > i:
                break
            if any(RE_POSSESSIVE.match(t.text) for t in doc[j : i + 1]):
                break  # "Norway's consul": a possessive, not a title qualifier
            span_tokens = list(doc[j : i + 1])
            tokens[0:0] = span_tokens
            qualifiers.update(t.i for t in span_tokens)
            i = j - 1
            continue
        if _is_title_word(token) and token.pos_ in TITLE_WORD_POS:
            tokens.insert(0, token)
            i -= 1
            continue
        break
    # The chain must end in a head next to the name ("Surgeon General X", not "general X" alone); a weak
    # head qualified by an organisation or place is one ("Dunmore boss X", "Acme head X").
    qualified = bool(tokens) and tokens[-1].lower_ in QUALIFIED_WEAK_HEADS and any(t.i in qualifiers for t in tokens)
    if qualified:
        return _make_title(tokens, qualifiers, weak_head=True)
    while tokens and not _is_head(tokens[-1]):
        tokens.pop()
    if not tokens:
        return None
    return _make_title(tokens, qualifiers)


def with_jurisdiction(doc: Doc, title: Title, name_end: int) -> Title:
    """The title with the place or body written right after the name ("Gov. Ann Lee of Ohio" →
    "Governor of Ohio"; "Rep. X of Texas" → "Representative of Texas")."""
    i = name_end
    if i + 1 >= len(doc) or doc[i].lower_ != "of" or doc[i + 1].ent_iob_ != "B":
        return title
    if doc[i + 1].ent_type_ not in JURISDICTION_LABELS or " of " in title.display:
        return title
    j = i + 2
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return replace(title, display=f"{title.display} of {doc[i + 1 : j].text}")


def _chunk_title(doc: Doc, head: Token, chunk_start: int) -> Title | None:
    """The noun phrase ``doc[chunk_start : head.i + 1]`` (plus "of ORG") as a title."""
    if any(t.lower_ in DESCRIPTIVE_MODIFIERS for t in doc[chunk_start : head.i]):
        return None  # "the next Supreme Court justice", "the first governor": a description, not an office held
    end = head.i + 1
    # "chief executive of Apple", "secretary of state": keep an "of"-phrase naming who.
    if end + 1 < len(doc) and doc[end].lower_ in ("of", "for", "at") and doc[end + 1].ent_type_ in QUALIFIER_LABELS:
        j = end + 1
        while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
            j += 1
        end = j + 1
    tokens = list(doc[chunk_start:end])
    qualifiers = {t.i for t in tokens if t.ent_type_ in QUALIFIER_LABELS or t.i > head.i}
    # "the club's coach": the possessor says whose the role is; the role is "coach".
    last_possessive = max((t.i for t in tokens if t.i < head.i and RE_POSSESSIVE.match(t.text)), default=None)
    if last_possessive is not None:
        qualifiers |= {t.i for t in tokens if t.i <= last_possessive}
    party = head.lower_ in APPOSITIVE_ONLY_HEADS
    # Descriptive words are not part of a title: "a fiscally conservative Blue Dog Democrat".
    kept = [t for t in tokens if t.lower_ not in TITLE_DROP and t.pos_ != "ADV"
            and not (party and t.pos_ == "ADJ" and t.is_lower)]
    while kept and kept[0].pos_ in TITLE_LEAD_POS:
        kept.pop(0)
    if not kept:
        return None
    display = _join(kept, [_word(t) if t.i <= head.i else t.text for t in kept])
    role = " ".join(_word(t) for t in kept if t.i not in qualifiers).lower() or head.lower_
    return Title(display=display, role=role, start=kept[0].i, end=kept[-1].i + 1)


def _np_start(doc: Doc, head: Token) -> int:
    """Where the noun phrase ending in ``head`` begins: its leftmost left dependent."""
    start = head.i
    for child in head.lefts:
        start = min(start, child.left_edge.i)
    return start


def _appositive_head_ok(token: Token) -> bool:
    low = token.lower_
    return token.pos_ in NOMINAL_POS and (
        (low in TITLE_HEADS and low not in WEAK_TITLE_HEADS) or low in APPOSITIVE_ONLY_HEADS
    ) and token.ent_type_ not in NOT_TITLE_HEAD_LABELS


def appositive_titles(doc: Doc, start: int, end: int) -> list[Title]:
    """Titles in an appositive next to the name ``doc[start:end]``."""
    found: list[Title] = []
    # the words beside the name from the doc's token strings (most names have no comma or "of" beside them)
    orths, lowers = token_strings(doc, ORTH), token_strings(doc, LOWER)
    # Before: "a special envoy, Carl J. Brandt Jr.".
    if start >= 2 and orths[start - 1] == "," and _appositive_head_ok(doc[start - 2]):
        head = doc[start - 2]
        chunk_start = _np_start(doc, head)
        if doc[chunk_start].lower_ in ("a", "an", "the") or doc[chunk_start].dep_ == "poss":
            title = _chunk_title(doc, head, chunk_start)
            if title:
                found.append(title)
    # After: "Ann Lee of Texas, a fiscally conservative Blue Dog Democrat".
    j = end
    if j + 1 < len(doc) and lowers[j] == "of" and doc[j + 1].ent_type_ in JURISDICTION_LABELS:
        j += 1
        while j < len(doc) and doc[j].ent_iob_ in ("B", "I") and doc[j].ent_type_ in JURISDICTION_LABELS:
            j += 1
            if j < len(doc) and doc[j].ent_iob_ == "B":
                break
    if j + 3 < len(doc) and orths[j] == "," and doc[j + 1].like_num and orths[j + 2] == ",":
        j += 2  # "Jo Dale, 45, the club's coach": the age stands between the name and its appositive
    if j + 1 < len(doc) and orths[j] == "," and _opens_appositive(doc, j + 1):
        # The head: first noun after the determiner that ends its phrase.
        k = j + 2
        limit = min(len(doc), j + 2 + MAX_TITLE_TOKENS)
        while k < limit and not (doc[k].pos_ in NOMINAL_POS and (
            k + 1 >= len(doc) or doc[k + 1].pos_ not in NOMINAL_POS
        ) and not _possessed(doc, k)):
            k += 1
        if k < limit and _appositive_head_ok(doc[k]):
            title = _chunk_title(doc, doc[k], j + 1)
            if title:
                found.append(title)
    return found


def _opens_appositive(doc: Doc, k: int) -> bool:
    """True when token ``k`` opens a noun phrase that may be a role after a name: an article ("a", "the"),
    a possessive pronoun ("Jo Dale, its chief executive"), or a possessed name ("Jo Dale, Acme's chief")."""
    token = doc[k]
    if token.lower_ in ("a", "an", "the") or (token.tag_ == "PRP$" and token.lower_ not in FIRST_PERSON_FORMS):
        return True
    if token.ent_iob_ != "B" or token.ent_type_ not in QUALIFIER_LABELS - {"PERSON"}:
        return False
    end = k + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and not RE_POSSESSIVE.match(doc[end].text):
        end += 1  # the tagger may take the possessive mark into the name ("Acme Foods'")
    return end < len(doc) and bool(RE_POSSESSIVE.match(doc[end].text))


def _possessed(doc: Doc, k: int) -> bool:
    """True when token ``k`` is a possessor ("the club's coach", "the guitarist's sister"): the phrase's
    head comes after it, and the person is what that head names, not the possessor."""
    return k + 1 < len(doc) and bool(RE_POSSESSIVE.match(doc[k + 1].text))


def predicate_title(token: Token) -> Title | None:
    """A title predicated of a subject token ("she became finance minister"), or of a name through a
    relative clause ("Mr Blair, who is prime minister")."""
    for clause in token.children:
        if clause.dep_ != "relcl":
            continue
        relative = next((c for c in clause.children if c.dep_ in NOMINAL_SUBJECT_DEPS
                         and c.lower_ in RELATIVE_SUBJECTS), None)
        title = predicate_title(relative) if relative is not None else None
        if title is not None:
            return title
    if token.dep_ not in NOMINAL_SUBJECT_DEPS:
        return None
    verb = token.head
    as_only = verb.lemma_.lower() in AS_TITLE_VERBS
    if verb.lemma_.lower() not in TITLE_VERBS and not as_only:
        return None
    for child in verb.children:
        target = None
        if child.dep_ in TITLE_PREDICATE_DEPS and child.pos_ in NOMINAL_POS and not as_only:
            target = child
        elif child.dep_ == "prep" and child.lower_ == "as":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        if target is None or not _appositive_head_ok(target) or target.lower_ in APPOSITIVE_ONLY_HEADS:
            continue
        if target.ent_type_ in NAMED_PREDICATE_LABELS:
            continue
        if any(c.dep_ in NOUN_CLAUSE_DEPS or c.lower_ in DESCRIPTIVE_MODIFIERS for c in target.children):
            continue  # "the first governor to sign X" describes an act, not an office
        dets = [c for c in target.children if c.dep_ == "det"]
        if verb.lemma_.lower() == "be" and any(d.lower_ in ("a", "an") for d in dets):
            continue  # "he is a lawyer" describes, it does not give a title
        return _chunk_title(doc=token.doc, head=target, chunk_start=_np_start(token.doc, target))
    return None


#: Determiners that open a role description ("the chancellor", "this striker").
ROLE_DETERMINERS = frozenset({"the", "this", "that"})
#: Parts of speech of the words of a role description between its determiner and its head.
ROLE_WORD_POS = frozenset({"ADJ", "NOUN", "PROPN"})
#: Entity types of a name that may stand inside a role description only to say where or whose the
#: role is ("the Libertines singer", "the Massachusetts governor", "the Democratic nominee").
ROLE_QUALIFIER_LABELS = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC"})
#: Modifiers of a title that make it another office than its head alone: a "Vice President" is not
#: "the president", a "Deputy Director" not "the director", a "Prime Minister" not "the minister".
OFFICE_CHANGING_MODIFIERS = frozenset({"deputy", "vice", "assistant", "associate", "acting", "interim", "co",
                                       "under", "prime", "lieutenant", "junior", "shadow"})
#: Modifiers of a description that say when the role was held, not which role: no part of the match.
ROLE_TIME_WORDS = TITLE_DROP | frozenset({"current", "incumbent", "sitting", "new", "veteran"})
#: Words that say a role is no longer held: "the former president" is not the President the article names,
#: unless the title itself was written so ("former President X") or the description says where the role was
#: held and the title does not ("the former Acme singer" for "singer X", who sings elsewhere now).
FORMER_WORDS = frozenset({"former", "ex", "ex-"})
#: How many tokens before a title's words are read for a former word ("former Fiat chief executive X").
FORMER_WINDOW = 2
#: Dependencies that join the items of a list ("the chairman, the manager or a player").
LIST_DEPS = frozenset({"conj", "appos"})
#: Determiners of a list item that make the whole list speak of roles, not holders ("a player", "every fan").
GENERIC_DETERMINERS = frozenset({"a", "an", "all", "every", "each", "any"})


def _role_words(title: Title) -> tuple[str, set[str]]:
    """A title's head word and the other words of its display, lower-cased ("Rock singer" → singer, {rock})."""
    words = title.display.lower().replace("'s", " ").split()
    if " of " in f" {title.role} ":
        head = title.role.split(" of ")[0].split()[-1]
    else:
        head = title.role.split()[-1] if title.role else words[-1]
    return head, set(words) - {head}


def _names_in(tokens: Iterable[Token]) -> set[tuple[str, str]]:
    """(type, word) of the names of places, organisations and peoples among ``tokens``, lower-cased."""
    return {(t.ent_type_, t.lower_) for t in tokens if t.ent_type_ in ROLE_QUALIFIER_LABELS}


def _other_names(names: set[tuple[str, str]], title_names: set[tuple[str, str]]) -> bool:
    """True when a description and a title name different things of one type: "the Democratic nominee" and
    "Republican nominee", "the Acme chief" and "Dunmore chief" (names of different types are a tagger's
    disagreement more often than another holder)."""
    for label in {label for label, _ in names} & {label for label, _ in title_names}:
        if not {w for t, w in names if t == label} & {w for t, w in title_names if t == label}:
            return True
    return False


def _generic_list_item(head: Token) -> bool:
    """True when ``head`` is an item of a list with an indefinite or quantified item ("be it the chairman,
    the manager or a player"): such a list names roles, not the people who hold them."""
    top = head
    while top.dep_ in LIST_DEPS and top.head.i != top.i:
        top = top.head
    items = [top, *(t for t in top.subtree if t.dep_ in LIST_DEPS)]
    return any(item.i != head.i and any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in item.children)
               for item in items)


def _openers(lowers: list[str]) -> list[int]:
    """The tokens that may open a role description (``ROLE_DETERMINERS``), in order: the walks of
    :func:`role_mentions` and :func:`renown_mentions` jump from one to the next, since
    :func:`_described_at` finds nothing at any other token."""
    return [k for k, low in enumerate(lowers) if low in ROLE_DETERMINERS]


def _next_opener(openers: list[int], i: int, n: int) -> int:
    """The first opener at or after token ``i`` (``n``, the doc's length, when there is none)."""
    following = bisect_left(openers, i)
    return openers[following] if following < len(openers) else n


def _described_at(doc: Doc, lowers: list[str], covered: list[bool], i: int,
                  heads: Container[str]) -> tuple[int, set[str], set[str]] | None:
    """The role description opened at token ``i`` (as :func:`_description`) when one of ``heads`` follows
    the determiner within a title's length: the cheap test first, as the walk visits every token."""
    if lowers[i] not in ROLE_DETERMINERS or covered[i] \
            or not any(w in heads for w in lowers[i + 1 : i + 2 + MAX_TITLE_TOKENS]):
        return None
    return _description(doc, i, covered)


def _description(doc: Doc, i: int, covered: list[bool]) -> tuple[int, set[str], set[str]] | None:
    """The end, the words and the head of a role description opened by the determiner at token ``i``.

    The words run over adjectives and nouns; a name inside may only qualify the role (an organisation,
    a place, a nationality), never be a person (then the words are a title before a name). Words
    of time ("former", "new") are left out of the words compared.
    """
    j = i + 1
    while j < len(doc) and j - i <= MAX_TITLE_TOKENS and doc[j].pos_ in ROLE_WORD_POS:
        if doc[j].ent_type_ == "PERSON":
            return None
        if covered[j] and doc[j].ent_type_ not in ROLE_QUALIFIER_LABELS:
            return None
        j += 1
    head = doc[j - 1] if j > i + 1 else None
    # a plural ("the ministers") names several people, not one holder
    if head is None or head.pos_ != "NOUN" or head.tag_ in PLURAL_NOUN_TAGS or covered[head.i]:
        return None
    words = {t.lower_ for t in doc[i + 1 : j - 1] if t.lower_ not in ROLE_TIME_WORDS}
    if any(t.lower_ in FORMER_WORDS for t in doc[i + 1 : j - 1]):
        words.add("former")
    return j, words, {head.lower_}


def _held_in(doc: Doc, end: int) -> set[tuple[str, str]] | None:
    """The names of where a description's role is held, written after it ("the president of Mexico"): the
    holder's title must name the same; None when the words after make it another word ("president-elect").

    A common noun after "of" is part of the role ("the director of football") and names no place.
    """
    if end >= len(doc):
        return set()
    if doc[end].text in ("-", "‑") and not doc[end].whitespace_:
        return None
    if doc[end].lower_ not in ("of", "for", "at"):
        return set()
    k = end + 1
    while k < len(doc) and doc[k].lower_ in ("the", "a", "an"):
        k += 1
    found: set[tuple[str, str]] = set()
    while k < len(doc) and doc[k].ent_type_ in ROLE_QUALIFIER_LABELS | {"PERSON"}:
        found.add((doc[k].ent_type_, doc[k].lower_))
        k += 1
        if k < len(doc) and doc[k].ent_iob_ != "I":
            break
    return found


def _compatible(words: set[str], title_words: set[str]) -> bool:
    """Whether a description's modifiers fit a title's: each office word of the description is in the
    title ("the deputy director" is not a "Sporting Director"), and each office-changing word of the
    title is in the description ("the president" is not the "Vice President"). Descriptive words a
    title does not carry ("the Democratic nominee", "the police officer") do not keep them apart."""
    office_words = TITLE_MODIFIERS | TITLE_HEADS
    # An office word is checked against a title that names its office too ("Foreign Minister" is not "the
    # finance minister"); a bare title ("Officer Ann Lee") is the same person as "the police officer".
    checked = OFFICE_CHANGING_MODIFIERS | (office_words if title_words & office_words else frozenset())
    if any(w in checked and w not in title_words for w in words):
        return False
    return all(w in words for w in title_words & OFFICE_CHANGING_MODIFIERS)


def _sayer_of(doc: Doc, head: Token, subjects: dict[int, int]) -> set[int]:
    """The groups whose mention is the subject of a clause above the description's head in its sentence:
    "Jo Dale told the chief executive ..." speaks of someone other than Jo Dale."""
    found = set()
    for node in head.ancestors:
        for child in node.children:
            if child.dep_ in NOMINAL_SUBJECT_DEPS and child.i != head.i and child.i in subjects \
                    and not child.is_ancestor(head):
                found.add(subjects[child.i])
    return found


def _office_of_organisation(head: str, words: set[str], title_words: set[str],
                            title_names: set[tuple[str, str]]) -> bool:
    """True when a bare description of a national office ("the president") meets a title of that word
    qualified by no place ("LU president", "club president", "Vice President"): the article's
    "the president" is the country's, and that title another office. A title with a place ("US
    president") or with no qualifier ("President Jo Dale") is the office itself."""
    if head not in NATIONAL_OFFICES or words - {"former"}:
        return False
    qualified = bool(title_words - {"former"}) or bool(title_names)
    return qualified and not any(label in PLACE_QUALIFIER_LABELS for label, _ in title_names)


def role_mentions(doc: Doc, titled: dict[int, list[Title]], mentions: dict[int, list[int]],
                  covered: list[bool]) -> list[tuple[int, int, int]]:
    """(start, end, group) of role descriptions left unresolved that name a title a person of the article holds.

    "Rock singer Jo Dale ... the former Acme singer", "Officer Ann Lee ... the police officer": the
    description's head noun is the title's head ("singer", "officer"), and its modifiers fit the
    title's (``_compatible``); a name inside it only says where or whose the role is. Among the holders,
    the one mentioned last before the description, else the one named first after it ("The chief
    executive of Acme resigned. Jo Dale, its chief executive, ..."). Only titles of this article:
    ``titled`` maps each person group to its titles, ``mentions`` to the tokens of its mentions.
    """
    heads: dict[str, list[tuple[int, set[str], set[str]]]] = {}
    for group, group_titles in titled.items():
        for title in group_titles:
            head, words = _role_words(title)
            former = any(t.lower_ in FORMER_WORDS for t in doc[max(0, title.start - FORMER_WINDOW) : title.start])
            heads.setdefault(head, []).append((group, words | ({"former"} if former else set()),
                                               _names_in(doc[title.start : title.end])))
    if not heads:
        return []
    owner_of = {k: g for g, tokens in mentions.items() for k in tokens}
    lowers = token_strings(doc, LOWER)  # read without making a Token per word: the pass runs on every article
    found: list[tuple[int, int, int]] = []
    openers = _openers(lowers)
    i = 0
    while (i := _next_opener(openers, i, len(doc))) < len(doc):
        described = _described_at(doc, lowers, covered, i, heads)
        if described is None:
            i += 1
            continue
        end, words, (head,) = described
        if _generic_list_item(doc[end - 1]):
            i = end
            continue
        # A name in both that differs says another holder: "the Democratic nominee", not the "Republican nominee".
        names = _names_in(doc[i + 1 : end])
        held_in = _held_in(doc, end)
        if held_in is None:
            i = end
            continue
        holders = {g for g, title_words, title_names in heads.get(head, [])
                   if _compatible(words - {"former"}, title_words - {"former"})
                   and ("former" not in words or "former" in title_words or bool(names - title_names))
                   and not _other_names(names, title_names)
                   and (not held_in or bool({w for _, w in held_in} & {w for _, w in title_names}))
                   and not _office_of_organisation(head, words, title_words, title_names)}
        holders -= _sayer_of(doc, doc[end - 1], owner_of)
        if not holders:
            i += 1
            continue
        before = {g: max((k for k in mentions.get(g, []) if k < i), default=-1) for g in holders}
        if any(at >= 0 for at in before.values()):
            group = max(holders, key=lambda g: before[g])
        else:
            # none named yet: the holder the article names most ("the president" of an article on
            # "President X", who is named again and again, not the "President Y" of one line), then the first
            group = max(holders, key=lambda g: (len(mentions.get(g, [])), -min(mentions.get(g, [len(doc)]))))
        found.append((i, end, group))
        i = end
    return found


#: Heads of descriptions that name what a person is known for, not an office held somewhere: an article
#: about a singer calls her "the singer" or "the star" without ever writing the word before her name.
RENOWN_HEADS = PERFORMER_NOUNS | frozenset({"comic", "guitarist", "drummer", "performer", "mogul", "tycoon",
                                            "billionaire", "businessman", "businesswoman", "entrepreneur",
                                            # what a film-maker, a band's singer or a fashion house's founder
                                            # is known as
                                            "filmmaker", "director", "frontman", "frontwoman", "designer",
                                            "legend", "novelist", "author", "writer",
                                            # what a show's maker or a campaigner is known as
                                            "producer", "activist"})
#: Fewest mentions (names and resolved pronouns) that make a person the article's main person.
MAIN_PERSON_MIN_MENTIONS = 4
#: How many times as often as the next person the main person must be mentioned: a clear lead, not one of
#: two people the article shares itself between.
MAIN_PERSON_LEAD = 1.4
#: Words after a role that say where or whose it is ("the star of the film"): some other holder, maybe.
HELD_IN_WORDS = frozenset({"of", "for", "at"})


#: Heads of a former office or standing ("the former secretary of state", "the former first lady"): a
#: holder of the past, who is often the person the article is about, while the present holder is someone
#: else, so a former description may go to the main person even if no one is titled with it.
FORMER_HEADS = TITLE_HEADS | RENOWN_HEADS | FEMALE_TITLES | MALE_TITLES


#: Parts of speech of the noun of an office after "of" ("secretary of state"); the tagger reads some as names.
OFFICE_NOUN_POS = frozenset({"NOUN", "PROPN"})


def _office_end(doc: Doc, lowers: list[str], end: int) -> int:
    """The end of a former office written with "of" and a common noun ("the former secretary of state",
    "the former minister of finance"): the noun is part of the office; a name after "of" ("the former
    head of Acme") says where it was held, and the description ends before it. The word is told by its
    lower case, as the tagger reads "state" there as a proper noun."""
    if end + 1 < len(doc) and lowers[end] == "of" and doc[end + 1].pos_ in OFFICE_NOUN_POS \
            and doc[end + 1].is_lower and doc[end + 1].tag_ not in PLURAL_NOUN_TAGS:
        return end + 2
    return end


#: How many tokens before a name mention are read for a title of the same head ("Former Vice President Ann
#: Cole": "president" three tokens before "Cole").
TITLE_LOOKBACK = 4


def _titled_with(lowers: list[str], tokens: list[int], head: str) -> bool:
    """True when a mention of the person has ``head`` in the title before it ("Coach Tom Reyes", "Vice
    President Ann Cole"): had the former description been this person, ``role_mentions`` would have
    matched it to that title; left open, it is another holder of the office ("the former coach"), or
    another office of the same word ("the former president" beside a vice president). Read only for
    the person just named, not for the article's main person, whose many mentions often hold the
    office's word as a title of the past ("Sheriff Jo Dale ... the former county sheriff")."""
    return any(head in lowers[max(0, k - TITLE_LOOKBACK) : k] for k in tokens)


def _held_in_described(lowers: list[str], end: int) -> bool:
    """True when the description goes on with where the role was held, itself a description ("the
    former singer of the band"): whose band is not said, so neither whose role; a name there ("the
    former head of Acme") is kept, as the main person is often the one the article names so."""
    return end + 1 < len(lowers) and lowers[end] in HELD_IN_WORDS and lowers[end + 1] in ROLE_DETERMINERS


def _only_recent_person(doc: Doc, i: int, owner_of: dict[int, int]) -> int | None:
    """The one person mentioned in the sentence before token ``i``'s and in its own before ``i``
    ("Jo Dale has made it official. The former governor announced ..."); None when there are several
    or none: in an article shared between people, a former office is read only right after its holder."""
    sent = doc[i].sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    groups = {g for k, g in owner_of.items() if first <= k < i}
    return next(iter(groups)) if len(groups) == 1 else None


def main_person(counts: dict[int, int]) -> int | None:
    """The person group the article is about: mentioned at least ``MAIN_PERSON_MIN_MENTIONS`` times and
    ``MAIN_PERSON_LEAD`` times as often as anyone else; None when two people share the article."""
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < MAIN_PERSON_MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < MAIN_PERSON_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def renown_mentions(doc: Doc, mentions: dict[int, list[int]], covered: list[bool]) -> list[tuple[int, int, int]]:
    """(start, end, group) of role descriptions of renown left unresolved ("the singer", "the country star",
    "the French star") that go to the article's main person (``main_person``), who is never titled so.

    ``role_mentions`` needs the holder titled with the description's head; an article about a performer
    rarely writes "singer" before the name, yet calls her "the singer" again and again. Only the heads of
    ``RENOWN_HEADS`` (what someone is known as, not an office that someone else holds), never a plural,
    "former" or a role held somewhere ("the star of the film"), not the subject of a clause above the
    description ("Jo Dale said the singer ..." speaks of someone else) nor an item of a generic list.
    ``mentions`` maps each person group to the tokens of its mentions (their number makes the main person).
    """
    group = main_person({g: len(tokens) for g, tokens in mentions.items()})
    lowers = token_strings(doc, LOWER)  # the lowercased words of the doc, read once (no Token made per word)
    if group is None and FORMER_WORDS.isdisjoint(lowers):
        return []
    owner_of = {k: g for g, tokens in mentions.items() for k in tokens}
    found: list[tuple[int, int, int]] = []
    openers = _openers(lowers)
    i = 0
    while (i := _next_opener(openers, i, len(doc))) < len(doc):
        former = i + 1 < len(doc) and lowers[i + 1] in FORMER_WORDS
        described = _described_at(doc, lowers, covered, i, FORMER_HEADS if former else RENOWN_HEADS)
        if described is None:
            i += 1
            continue
        end, words, (head,) = described
        if former:
            holder = group
            if holder is None:  # no main person: the one just named, unless titled with another office
                holder = _only_recent_person(doc, i, owner_of)
                if holder is not None and _titled_with(lowers, mentions[holder], head):
                    holder = None
            if holder is None or head not in FORMER_HEADS or _generic_list_item(doc[end - 1]) \
                    or holder in _sayer_of(doc, doc[end - 1], owner_of) or _held_in_described(lowers, end):
                i = end
                continue
            end = _office_end(doc, lowers, end)
            found.append((i, end, holder))
            i = end
            continue
        if group is None:
            i = end
            continue
        if end + 1 < len(doc) and lowers[end] == "and" and lowers[end + 1] in RENOWN_HEADS:
            end += 2  # "the actress and singer": one person of two renowns
        if head not in RENOWN_HEADS or "former" in words or (end < len(doc) and lowers[end] in HELD_IN_WORDS) \
                or _generic_list_item(doc[end - 1]) or group in _sayer_of(doc, doc[end - 1], owner_of):
            i = end
            continue
        found.append((i, end, group))
        i = end
    return found
