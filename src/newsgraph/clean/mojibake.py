"""Mojibake repair with ftfy, word by word so raw offsets stay exact.

ftfy turns "donâ€™t" back into "don’t" — three characters become one, so a
fix over a whole paragraph would lose the character mapping. We test each
piece with ftfy's cheap badness check and only then fix it one
whitespace-delimited word at a time: an unchanged word keeps a 1:1 span, a
repaired word gets its own span (clean word ↔ raw word).
"""

from __future__ import annotations

import re

from ftfy import TextFixerConfig, fix_text
from ftfy.badness import is_bad

#: Only encoding repairs: no quote uncurling, width folding or normalisation that would alter good text.
_CONFIG = TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
#: The telltale of UTF-8 read as Latin-1/cp1252: a lead byte character (Â..ô) followed by a
#: continuation byte character, or a stray C1 control. Other code pages (MacRoman "‚Äô") are
#: left to ftfy's own badness test, run on non-ASCII words only.
_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\x80-\x9f]"
)
#: A whitespace-delimited word holding at least one non-ASCII character: the only candidates.
_NON_ASCII_WORD = re.compile(r"[^\s\x00-\x7f]")
_SPACE = re.compile(r"\s")


def needs_repair(text: str) -> bool:
    """Whether ``text`` could hold mojibake at all (it has non-ASCII characters); ftfy decides."""
    return not text.isascii()


def fix(text: str) -> str:
    """ftfy's encoding repair of one short string."""
    return fix_text(text, _CONFIG)


def _word_around(text: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    match = _SPACE.search(text, pos)
    return start, match.start() if match else len(text)


def _is_mojibake(word: str) -> bool:
    return _HINT.search(word) is not None or is_bad(word)


def repaired_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, fixed) for each non-ASCII word of ``text`` that ftfy repairs."""
    out: list[tuple[int, int, str]] = []
    done = -1
    for hit in _NON_ASCII_WORD.finditer(text):
        if hit.start() < done:
            continue
        start, end = _word_around(text, hit.start())
        done = end
        word = text[start:end]
        if not _is_mojibake(word):
            continue
        fixed = fix(word)
        if fixed != word and fixed:
            out.append((start, end, fixed))
    return out


def readable(text: str) -> str:
    """``text`` with its mojibake words repaired: what the line features are computed on."""
    if text.isascii():
        return text
    fixes = repaired_words(text)
    if not fixes:
        return text
    parts, cursor = [], 0
    for start, end, fixed in fixes:
        parts.append(text[cursor:start])
        parts.append(fixed)
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)
