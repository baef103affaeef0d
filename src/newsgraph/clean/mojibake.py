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
_WORD = re.compile(r"\S+")
_C1 = re.compile(r"[\x80-\x9f]")


def needs_repair(text: str) -> bool:
    """Whether ``text`` shows mojibake or stray C1 control characters (cheap regex checks)."""
    return bool(_C1.search(text)) or is_bad(text)


def fix(text: str) -> str:
    """ftfy's encoding repair of one short string."""
    return fix_text(text, _CONFIG)


def repaired_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, fixed) for each word of ``text`` that ftfy changes."""
    out: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if not needs_repair(word):
            continue
        fixed = fix(word)
        if fixed != word and fixed:
            out.append((match.start(), match.end(), fixed))
    return out
