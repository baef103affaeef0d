"""Bylines: "By A", "By A and B", "By A, B and C", "A, Reuters", "A | Outlet", with a date after.

A byline is read token by token across line breaks (scraped text often wraps
it: "By Jane / Smith and Tom Baker March / 14,2019"). A name is a run of
capitalised tokens; a line break may fall inside a name only after its first
word, so a name never swallows the next line's sentence. A byline is only
accepted when nothing but a date, an outlet or role words follows it on its
line, so "By Tuesday, the company..." or a sentence opening with "By" and a
name is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.clean import patterns as P
from newsgraph.clean.dates import find_date
from newsgraph.clean.lexicons import JOB_WORDS, NOT_NAME_WORDS, OUTLETS, ROLE_WORDS
from newsgraph.clean.lines import NEWLINE, Line
from newsgraph.vocab.names import BYLINE_NAME_PARTICLES, BYLINE_NAME_SUFFIXES

_TOKEN = re.compile(r"\S+")
_TRAIL = ".,;:|"
#: A quoted nickname inside a name: Steve ‘Frosty’ Smith.
_NICKNAME = re.compile(r"[‘'\"“][A-Z][a-z]+[’'\"”]")
#: Tokens ending in a period that do not end a name: initials and "Jr.".
#: A middle initial with its period: "A.".
_INITIAL = re.compile(r"[A-Z]\.")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.|[JS]r\.")
_CONNECTORS = frozenset({"and", "&"})
_DATE_LEADS = frozenset({"on", "updated", "update", "published", "posted", "|", "-", "–", "—", "·", "•", "/", ","})
#: How many lines a byline may run over.
MAX_BYLINE_LINES = 4
#: Most characters of a line and tokens in all read when looking for a byline.
MAX_BYLINE_CHARS, MAX_BYLINE_TOKENS = 300, 60
#: Most tokens a byline name may have.
MAX_NAME_TOKENS = 5
#: Most tokens that may follow a byline on its line (role words, outlet) and still be taken with it.
MAX_TAIL_TOKENS = 5


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    line: int
    newline_before: bool


@dataclass
class Byline:
    """Authors, outlet and date read from a byline, and the raw range it covers."""

    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None
    raw_start: int = 0
    raw_end: int = 0
    last_line: int = 0


def _tokens(raw: str, lines: list[Line], first: int) -> list[Token]:
    out: list[Token] = []
    for index in range(first, min(len(lines), first + MAX_BYLINE_LINES)):
        line = lines[index]
        if line.removed:
            break
        new_line = True
        for piece in line.pieces:
            for match in _TOKEN.finditer(raw, piece.start, min(piece.end, piece.start + MAX_BYLINE_CHARS)):
                out.append(Token(match.group(), match.start(), match.end(), index, new_line and index != first))
                new_line = False
                if len(out) >= MAX_BYLINE_TOKENS:
                    return out
    return out


def _bare(token: str) -> str:
    return token.rstrip(_TRAIL)


def is_name_token(token: str) -> bool:
    """A capitalised word, an initial or a particle, not a month, role or outlet word."""
    bare = _bare(token)
    if not bare:
        return False
    low = bare.lower()
    if low in BYLINE_NAME_PARTICLES or low in BYLINE_NAME_SUFFIXES:
        return True
    if _INITIAL.fullmatch(token.rstrip(",;:|")):
        return True  # "A." is an initial ("Jo A. Dale"), though the bare "A" is a stop word
    if low in NOT_NAME_WORDS or low.endswith(("'s", "’s")) or bare.endswith(("'", "’")):
        return False
    return bool(P.NAME_TOKEN.match(bare))


def _outlet_at(tokens: list[Token], pos: int, *, known_only: bool = False) -> tuple[str, int] | None:
    """A known outlet starting at ``pos`` (longest first), or (unless ``known_only``) a short all-caps name."""
    for size in (4, 3, 2, 1):
        if pos + size > len(tokens):
            continue
        if any(tok.newline_before for tok in tokens[pos + 1 : pos + size]):
            continue
        phrase = " ".join(_bare(tok.text) for tok in tokens[pos : pos + size]).lower()
        if phrase in OUTLETS:
            return OUTLETS[phrase], pos + size
    bare = _bare(tokens[pos].text)
    if not known_only and 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha():
        return bare, pos + 1
    return None


def _name_at(tokens: list[Token], pos: int) -> tuple[str, int, bool] | None:
    """A person name starting at ``pos``: (name, next position, ended with a comma)."""
    words: list[str] = []
    cursor = pos
    comma = False
    while cursor < len(tokens) and len(words) < MAX_NAME_TOKENS:
        tok = tokens[cursor]
        if tok.newline_before and len(words) >= 2:
            break
        if len(words) >= 2 and _outlet_at(tokens, cursor, known_only=True) is not None:
            break
        if words and _NICKNAME.fullmatch(tok.text):
            words.append(tok.text)
            cursor += 1
            continue
        if not is_name_token(tok.text):
            break
        word = tok.text.rstrip(",;:|")
        words.append(word if _ABBREVIATION.fullmatch(word) else word.rstrip("."))
        cursor += 1
        if tok.text.endswith(","):
            comma = True
            break
        if tok.text.endswith((".", ";", ":", "|")) and not _ABBREVIATION.fullmatch(tok.text):
            break
    content = [
        w for w in words if w.lower() not in BYLINE_NAME_PARTICLES and w.lower() not in BYLINE_NAME_SUFFIXES
    ]
    if len(content) < 2 or words[0].lower() in BYLINE_NAME_PARTICLES:
        return None
    if all(w.isupper() for w in content if len(w) > 2):
        words = [w.title() if len(w) > 2 or not w.endswith(".") else w for w in words]
    return " ".join(words), cursor, comma


def _lead_length(tokens: list[Token]) -> int:
    """How many tokens the byline's lead word(s) take: "By" 1, "Written by" 2, none 0."""
    if not tokens:
        return 0
    first = tokens[0].text.lower()
    if first in ("by", "by:", "author:", "authors:", "byline:"):
        return 1
    if len(tokens) > 1 and tokens[1].text.lower() in ("by", "by:") and first in (
        "written", "posted", "story", "words", "reporting", "report", "text"
    ):
        return 2
    return 0


def _date_after(raw: str, tokens: list[Token], pos: int) -> tuple[str, int] | None:
    """A date right after the names (after words like "Updated" or a separator), and its end position."""
    cursor = pos
    while cursor < len(tokens) and cursor - pos < 4 and tokens[cursor].text.lower().rstrip(":") in _DATE_LEADS:
        cursor += 1
    if cursor >= len(tokens):
        return None
    start = tokens[cursor].start
    end = tokens[min(len(tokens), cursor + 6) - 1].end
    found = find_date(raw, start, end)
    if found is None or found.iso is None or raw[start : found.start].strip(" ,"):
        # Allow a weekday in front ("Tue September 20, 2016") — find_date covers it; anything else is not ours.
        return None
    end = _clock_end(raw, found.end, tokens[-1].end)
    after = cursor
    while after < len(tokens) and tokens[after].start < end:
        after += 1
    return found.iso, after


def _clock_end(raw: str, start: int, limit: int) -> int:
    """Where a clock time right after a byline's date ends ("... 2016 at 4:05pm"), or ``start`` if none.

    Every token the time touches goes with the byline, so no scrap of it is left in the text.
    """
    clock = P.CLOCK_AFTER_DATE.match(raw, start, limit)
    return clock.end() if clock else start


#: Most tokens of a role line under a byline's name ("Deputy Chief Foreign Correspondent").
MAX_ROLE_TOKENS = 6
#: The only lower-case words a role line may hold ("Editor of the Post", "Special to the Times").
_ROLE_SMALL_WORDS = frozenset({"the", "of", "for", "to", "at", "and"})


def _role_line(lines: list[Line], tokens: list[Token], pos: int, *, need_job: bool) -> tuple[str | None, int] | None:
    """The line at ``pos`` read as the role or outlet line under a byline's name ("Staff Writer",
    "Associated Press", "Associated Press Writer"): its outlet (if any) and the position after it.

    The line must follow the name line directly (no blank line) and hold nothing but role words and one
    known outlet, so a sentence is never taken. Without a "By" (``need_job``) it must name a job: a bare
    name over an outlet reads too much like a headline over a credit.
    """
    line_index = tokens[pos].line
    if lines[line_index].brk != NEWLINE:
        return None
    end = pos
    while end < len(tokens) and tokens[end].line == line_index:
        end += 1
    if end - pos > MAX_ROLE_TOKENS:
        return None
    outlet: str | None = None
    job = False
    cursor = pos
    while cursor < end:
        hit = _outlet_at(tokens, cursor, known_only=True) if outlet is None else None
        if hit is not None and hit[1] <= end:
            outlet, cursor = hit
            continue
        word = _bare(tokens[cursor].text)
        low = word.lower()
        if low not in ROLE_WORDS or (not word[:1].isupper() and low not in _ROLE_SMALL_WORDS):
            return None
        job = job or low in JOB_WORDS
        cursor += 1
    if not (job or (outlet and not need_job)):
        return None
    return outlet, end


def _line_rest(tokens: list[Token], pos: int) -> list[Token]:
    if pos >= len(tokens):
        return []
    line = tokens[pos - 1].line if pos > 0 else tokens[0].line
    return [tok for tok in tokens[pos:] if tok.line == line]


_LEAD_WORDS = frozenset({"by", "by:", "author:", "authors:", "byline:", "written", "posted", "story", "words",
                         "reporting", "report", "text"})
_OUTLET_SEPARATORS = (",", "|", " - ", "–", "—", "/", "•", "·")
#: A byline without a lead word ("A, Reuters") is at most this long.
MAX_BARE_BYLINE_CHARS = 80


def could_open_byline(text: str) -> bool:
    """Cheap test before parsing: a lead word, or a short line with an outlet separator."""
    first = text[:12].split(maxsplit=1)
    if first and first[0].lower() in _LEAD_WORDS:
        return True
    if len(text) > MAX_BARE_BYLINE_CHARS or not text[:1].isupper():
        return False
    if any(s in text for s in _OUTLET_SEPARATORS):
        return True
    words = text.split()
    return 2 <= len(words) <= MAX_NAME_TOKENS and all(is_name_token(w) for w in words)  # a name over a role line


def _after_name(tokens: list[Token], pos: int, *, comma: bool, lead: int) -> tuple[int, str | None, bool]:
    """What follows a byline name at ``pos``: (the position after it, its outlet if any, whether a name follows).

    "and" or "&" joins another name; after a comma comes an outlet ("Jane Smith, Reuters") or else another
    name ("A, B and C"); a separator ("|", "-") may introduce an outlet, and a known outlet may follow
    right on the same line ("Maureen Callahan NY Post"). Without a lead word only known outlets count
    after a comma or separator: a short all-caps word there is too weak a sign on its own.
    """
    word = tokens[pos].text.lower()
    if word in _CONNECTORS or word.startswith("and,"):
        return pos + 1, None, True
    if comma:
        hit = None if tokens[pos].newline_before else _outlet_at(tokens, pos, known_only=not lead)
        return (hit[1], hit[0], False) if hit is not None else (pos, None, True)
    if P.BYLINE_SEPARATOR.match(word) and pos + 1 < len(tokens) and not tokens[pos + 1].newline_before:
        hit = _outlet_at(tokens, pos + 1, known_only=not lead)
    elif not tokens[pos].newline_before:
        hit = _outlet_at(tokens, pos, known_only=True)
    else:
        hit = None
    return (hit[1], hit[0], False) if hit is not None else (pos, None, False)


@dataclass
class _Reading:
    """A byline being read: the tokens, what has been taken so far, and where reading stands."""

    raw: str
    lines: list[Line]
    tokens: list[Token]
    lead: int
    names: list[str] = field(default_factory=list)
    outlet: str | None = None
    pos: int = 0
    role_line: bool = False
    published: str | None = None


def _take_names(reading: _Reading) -> bool:
    """The names after the lead word, joined by "and" or commas, and an outlet that ends them."""
    tokens = reading.tokens
    reading.pos = reading.lead
    more = True
    while more and reading.pos < len(tokens):
        found = _name_at(tokens, reading.pos)
        if found is None:
            break
        name, reading.pos, comma = found
        reading.names.append(name)
        if reading.pos >= len(tokens):
            break
        reading.pos, reading.outlet, more = _after_name(tokens, reading.pos, comma=comma, lead=reading.lead)
    return True


def _take_role_line(reading: _Reading) -> bool:
    """A role or outlet line under the names ("Jane Roe / Staff Writer"), when no outlet ended them.

    Without a lead word the role line must sit under a single name filling the first line: a bare
    line of two names over a role reads too loosely as a byline.
    """
    tokens, pos = reading.tokens, reading.pos
    if not reading.names or reading.outlet is not None or pos >= len(tokens) or not tokens[pos].newline_before:
        return True
    role = _role_line(reading.lines, tokens, pos, need_job=not reading.lead)
    if role is None:
        return True
    if not reading.lead and (len(reading.names) != 1 or tokens[pos].line != tokens[0].line + 1):
        return False
    reading.outlet, reading.pos = role
    reading.role_line = True
    return True


def _take_lone_outlet(reading: _Reading) -> bool:
    """With no name, only a lead word and an outlet ("By Reuters", "By AP") make a byline."""
    if reading.names:
        return True
    if not reading.lead or reading.pos >= len(reading.tokens):
        return False
    hit = _outlet_at(reading.tokens, reading.pos)
    if hit is None:
        return False
    reading.outlet, reading.pos = hit
    return True


def _has_credit(reading: _Reading) -> bool:
    """Names without a lead word are a byline only with an outlet or a role line ("Jane Smith, Reuters")."""
    return bool(reading.lead) or reading.outlet is not None or reading.role_line


def _take_date(reading: _Reading) -> bool:
    """A date (and clock time) right after the credit goes with the byline."""
    dated = _date_after(reading.raw, reading.tokens, reading.pos)
    if dated is not None:
        reading.published, reading.pos = dated
    return True


def _not_a_label(reading: _Reading) -> bool:
    """ "by Topic:" is a label, not a byline."""
    return not (reading.pos > 0 and reading.tokens[reading.pos - 1].text.endswith(":"))


#: The only lower-case words the rest of a byline's line may hold.
_TAIL_SMALL_WORDS = frozenset({"and", "of", "the"})


def _tail_is_credit(rest: list[Token]) -> bool:
    """The words after the names on their line read as a credit (role words, an outlet):
    few, capitalised, and neither a sentence nor a transcript speaker label ("JANE ROE, HOST:")."""
    if len(rest) > MAX_TAIL_TOKENS or any(t.text[:1].islower() and t.text not in _TAIL_SMALL_WORDS for t in rest):
        return False
    last = rest[-1].text
    ends_sentence = last.endswith(("!", "?")) or (last.endswith(".") and not _ABBREVIATION.fullmatch(last))
    return not (any(":" in t.text for t in rest) or ends_sentence)


def _take_tail(reading: _Reading) -> bool:
    """Without a date, the rest of the byline's line is taken with it when it reads as a credit, else
    the line is not a byline ("Jane Smith, Reuters reported the deal.")."""
    rest = _line_rest(reading.tokens, reading.pos)
    if rest and reading.published is None:
        if not _tail_is_credit(rest):
            return False
        reading.pos += len(rest)
    return True


def _ends_its_line(reading: _Reading) -> bool:
    """Without a date, nothing of the byline's last line may be left over."""
    tokens, pos = reading.tokens, reading.pos
    return reading.published is not None or pos >= len(tokens) or tokens[pos].line != tokens[pos - 1].line


#: The decisions a byline passes, in order; each may take more tokens, and any may turn the line down.
_STEPS: tuple[Callable[[_Reading], bool], ...] = (
    _take_names, _take_role_line, _take_lone_outlet, _has_credit, _take_date, _not_a_label, _take_tail,
    _ends_its_line,
)


def parse_byline(raw: str, lines: list[Line], first: int) -> Byline | None:
    """The byline starting at ``lines[first]``, or None when the line does not open one."""
    tokens = _tokens(raw, lines, first)
    reading = _Reading(raw, lines, tokens, _lead_length(tokens))
    if not all(step(reading) for step in _STEPS):
        return None
    last = tokens[reading.pos - 1]
    return Byline(authors=reading.names, outlet=reading.outlet, published=reading.published,
                  raw_start=tokens[0].start, raw_end=last.end, last_line=last.line)
