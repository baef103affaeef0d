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

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsgraph.extract.entities.lexicons import (
    HONORIFICS,
    PRENOMINAL_TITLE_LEAD_POS,
    QUALIFIED_WEAK_HEADS,
    RE_POSSESSIVE,
    TITLE_ABBREVIATIONS,
    TITLE_DROP,
    TITLE_HEADS,
    TITLE_LEAD_POS,
    TITLE_MODIFIERS,
    TITLE_PREDICATE_DEPS,
    TITLE_VERBS,
    TITLE_WORD_POS,
    WEAK_TITLE_HEADS,
)
from newsgraph.vocab.parse import NOMINAL_POS, NOMINAL_SUBJECT_DEPS, NOUN_CLAUSE_DEPS
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


def _is_title_word(token: Token) -> bool:
    low = token.lower_
    return low in TITLE_HEADS or low in TITLE_ABBREVIATIONS or low in TITLE_MODIFIERS


def _is_head(token: Token) -> bool:
    low = token.lower_
    return (low in TITLE_HEADS and low not in WEAK_TITLE_HEADS) or low in TITLE_ABBREVIATIONS


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
    display = " ".join(_word(t) for t in kept)
    role_tokens = [t for t in kept if t.i not in qualifier_ids]
    role = " ".join(_word(t) for t in role_tokens).lower() or display.lower()
    return Title(display=display, role=role, start=kept[0].i, end=kept[-1].i + 1)


def prenominal_title(doc: Doc, start: int) -> Title | None:
    """The title written right before a name starting at token ``start``."""
    tokens: list[Token] = []
    qualifiers: set[int] = set()
    i = start - 1
    while i >= 0 and len(tokens) < MAX_TITLE_TOKENS:
        token = doc[i]
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
    # Before: "a special envoy, Carl J. Brandt Jr.".
    if start >= 2 and doc[start - 1].text == "," and _appositive_head_ok(doc[start - 2]):
        head = doc[start - 2]
        chunk_start = _np_start(doc, head)
        if doc[chunk_start].lower_ in ("a", "an", "the") or doc[chunk_start].dep_ == "poss":
            title = _chunk_title(doc, head, chunk_start)
            if title:
                found.append(title)
    # After: "Ann Lee of Texas, a fiscally conservative Blue Dog Democrat".
    j = end
    if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].ent_type_ in JURISDICTION_LABELS:
        j += 1
        while j < len(doc) and doc[j].ent_iob_ in ("B", "I") and doc[j].ent_type_ in JURISDICTION_LABELS:
            j += 1
            if j < len(doc) and doc[j].ent_iob_ == "B":
                break
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("a", "an", "the"):
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
    if verb.lemma_.lower() not in TITLE_VERBS:
        return None
    for child in verb.children:
        target = None
        if child.dep_ in TITLE_PREDICATE_DEPS and child.pos_ in NOMINAL_POS:
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
