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
#: continuation byte character, or a stray C1 control. One character class: cheap on megabytes.
_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\x80-\x9f]"
)
_SPACE = re.compile(r"\s")


def needs_repair(text: str) -> bool:
    """Whether ``text`` may hold mojibake (a cheap regex check; ftfy decides)."""
    return _HINT.search(text) is not None


def fix(text: str) -> str:
    """ftfy's encoding repair of one short string."""
    return fix_text(text, _CONFIG)


def _word_around(text: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    match = _SPACE.search(text, pos)
    return start, match.start() if match else len(text)


def repaired_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, fixed) for each word of ``text`` holding a mojibake hint that ftfy changes."""
    out: list[tuple[int, int, str]] = []
    done = -1
    for hint in _HINT.finditer(text):
        if hint.start() < done:
            continue
        start, end = _word_around(text, hint.start())
        done = end
        word = text[start:end]
        if not is_bad(word) and not any("\x80" <= ch <= "\x9f" for ch in word):
            continue
        fixed = fix(word)
        if fixed != word and fixed:
            out.append((start, end, fixed))
    return out
