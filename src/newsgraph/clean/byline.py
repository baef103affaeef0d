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


def parse_byline(raw: str, lines: list[Line], first: int) -> Byline | None:
    """The byline starting at ``lines[first]``, or None when the line does not open one."""
    tokens = _tokens(raw, lines, first)
    lead = _lead_length(tokens)
    names: list[str] = []
    outlet: str | None = None
    pos = lead
    expect_name = True
    while pos < len(tokens) and expect_name:
        expect_name = False
        found = _name_at(tokens, pos)
        if found is None:
            break
        name, pos, comma = found
        names.append(name)
        if pos >= len(tokens):
            break
        word = tokens[pos].text.lower()
        if word in _CONNECTORS or word.startswith("and,"):
            pos += 1
            expect_name = True
        elif comma:
            hit = _outlet_at(tokens, pos, known_only=not lead) if not tokens[pos].newline_before else None
            if hit is not None:
                outlet, pos = hit
            else:
                expect_name = True
                if pos < len(tokens) and tokens[pos].text.lower() in _CONNECTORS:
                    pos += 1
        elif P.BYLINE_SEPARATOR.match(word) and pos + 1 < len(tokens) and not tokens[pos + 1].newline_before:
            hit = _outlet_at(tokens, pos + 1, known_only=not lead)
            if hit is not None:
                outlet, pos = hit
        elif not tokens[pos].newline_before:
            hit = _outlet_at(tokens, pos, known_only=True)
            if hit is not None:
                outlet, pos = hit
    role_line = False
    if names and outlet is None and pos < len(tokens) and tokens[pos].newline_before:
        role = _role_line(lines, tokens, pos, need_job=not lead)
        if role is not None:
            if not lead and (len(names) != 1 or tokens[pos].line != tokens[0].line + 1):
                return None  # a bare name must fill the line right above its role line
            outlet, pos = role
            role_line = True
    if not names and not (lead and outlet):
        if lead and pos < len(tokens):
            hit = _outlet_at(tokens, pos)
            if hit is None:
                return None
            outlet, pos = hit
        else:
            return None
    if not lead and outlet is None and not role_line:
        return None
    published: str | None = None
    dated = _date_after(raw, tokens, pos)
    if dated is not None:
        published, pos = dated
    if pos > 0 and tokens[pos - 1].text.endswith(":"):
        return None  # "by Topic:" is a label, not a byline
    rest = _line_rest(tokens, pos)
    if rest and published is None:
        if len(rest) > MAX_TAIL_TOKENS or any(t.text[:1].islower() and t.text not in ("and", "of", "the")
                                              for t in rest):
            return None
        if any(":" in t.text for t in rest) or rest[-1].text.endswith(("!", "?")) or (
            rest[-1].text.endswith(".") and not _ABBREVIATION.fullmatch(rest[-1].text)
        ):
            return None  # a sentence or a transcript speaker label follows: not a byline
        pos += len(rest)
    if published is None and pos < len(tokens) and tokens[pos].line == tokens[pos - 1].line:
        return None
    start = tokens[0].start
    end = tokens[pos - 1].end
    return Byline(authors=names, outlet=outlet, published=published, raw_start=start, raw_end=end,
                  last_line=tokens[pos - 1].line)
