"""Checks that a ``Cleaned`` keeps its promises: exact raw spans and well-formed paragraphs.

Used by the tests and by ``newsgraph eval cleaning`` so a regression in the
offset bookkeeping shows up as a number, not as wrong evidence downstream.
"""

from __future__ import annotations

import re
import unicodedata

from newsgraph.clean import mojibake
from newsgraph.clean.cleaner import Cleaned
from newsgraph.vocab.layout import PARAGRAPH_BREAK

_WORD_CHAR = re.compile(r"\w")


def span_problems(raw: str, cleaned: Cleaned, *, limit: int = 10) -> list[str]:
    """Broken promises, at most ``limit``: a span whose text differs from its raw piece
    (other than by a mojibake repair or NFC normalisation), a word character no span covers, a paragraph that
    is not separated by a blank line."""
    problems: list[str] = []
    text = cleaned.text
    covered = bytearray(len(text))
    for span in cleaned.raw_spans:
        piece = text[span.start : span.end]
        source = raw[span.raw_start : span.raw_end]
        if piece != source and unicodedata.normalize("NFC", mojibake.fix(source)) != piece:
            problems.append(f"span {span.start}:{span.end} {piece[:40]!r} != raw {source[:40]!r}")
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
        if len(problems) >= limit:
            return problems
    for match in _WORD_CHAR.finditer(text):
        if not covered[match.start()]:
            problems.append(f"word character {match.group()!r} at {match.start()} maps to no raw span")
            break
    previous_end = None
    for paragraph in cleaned.paragraphs:
        if previous_end is not None and text[previous_end : paragraph.start] != PARAGRAPH_BREAK:
            problems.append(f"paragraph at {paragraph.start} not separated by a blank line")
        if "\n" in text[paragraph.start : paragraph.end]:
            problems.append(f"paragraph at {paragraph.start} holds a line break")
        previous_end = paragraph.end
    return problems[:limit]
