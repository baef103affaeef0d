"""Which line breaks end a paragraph, when no blank lines say so.

Hard-wrapped text breaks lines at a fixed width: a full line's next word would
not have fitted on it. So a line break where the next word *would* have fitted
("premature") was made on purpose — it ends a paragraph when the line ends a
sentence, and it follows a paragraph's opening word(s) when the line before
ended a sentence (scraped copy often leaves "The" alone on a line). Indented
lines start paragraphs in wire copy. Text whose lines are far longer than any
wrap width has one paragraph per line.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from newsgraph.clean import patterns as P
from newsgraph.clean.lines import NEWLINE, Line

#: Wrap widths outside this range are not hard wrapping.
MIN_WRAP, MAX_WRAP = 50, 130
#: Share of lines that must come close to the wrap width for a text to count as wrapped.
MIN_FULL_SHARE = 0.5
#: A line is "close" to the wrap width above this share of it.
FULL_LINE = 0.6
#: Share of lines that may be longer than the wrap width in a wrapped text.
MAX_LONG_SHARE = 0.05
#: Percentile of line widths taken as the wrap width (robust to a few outliers).
WIDTH_PERCENTILE = 0.9
#: Indented lines must be between these shares of the lines for indentation to mark paragraphs.
MIN_INDENT_SHARE, MAX_INDENT_SHARE = 0.03, 0.9


@dataclass(frozen=True, slots=True)
class Layout:
    """How a text is laid out: hard-wrapped (with a width) or not, and whether indents start paragraphs."""

    wrapped: bool
    width: int = 0
    indent_marks: bool = False
    base_indent: int = 0


def _indent_marks(lines: list[Line]) -> tuple[bool, int]:
    """Whether deeper indentation marks paragraph starts (wire copy), and the base indentation.

    It does when some lines sit deeper than the shallowest ones and some
    shallow lines continue the line above (a paragraph's wrapped tail).
    """
    base = min(line.indent for line in lines)
    deeper = sum(line.indent > base + 1 for line in lines) / len(lines)
    if not MIN_INDENT_SHARE <= deeper <= MAX_INDENT_SHARE:
        return False, base
    continued = any(
        line.brk == NEWLINE and line.indent <= base + 1 and previous.indent > base + 1
        for previous, line in pairwise(lines)
    )
    return continued, base


def layout_of(lines: list[Line]) -> Layout:
    """Guess the layout from line widths and indentation (features of the whole text)."""
    if len(lines) < 2:
        return Layout(wrapped=False)
    indent_marks, base = _indent_marks(lines)
    if len(lines) < 3:
        return Layout(wrapped=False, indent_marks=indent_marks, base_indent=base)
    widths = sorted(line.width for line in lines)
    width = widths[min(len(widths) - 1, int(WIDTH_PERCENTILE * len(widths)))]
    wrapped = MIN_WRAP <= width <= MAX_WRAP
    if wrapped:
        full = sum(w >= FULL_LINE * width for w in widths) / len(widths)
        long = sum(w > width * 1.15 + 2 for w in widths) / len(widths)
        wrapped = full >= MIN_FULL_SHARE and long <= MAX_LONG_SHARE
    return Layout(wrapped=wrapped, width=width if wrapped else 0, indent_marks=indent_marks, base_indent=base)


def ends_sentence(text: str) -> bool:
    return bool(P.SENTENCE_END.search(text))


def _starts_upper(text: str) -> bool:
    for ch in text[:3]:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
    return False


def _starts_lower(text: str) -> bool:
    return text[:1].islower()


def _premature(before: Line, after: Line, width: int) -> bool:
    match = P.FIRST_WORD.match(after.text)
    word = len(match.group()) if match else 0
    return before.width + 1 + word <= width


def paragraph_starts(lines: list[Line], layout: Layout) -> list[bool]:
    """For each line, whether it starts a paragraph."""
    starts = [line.brk != NEWLINE for line in lines]
    if starts:
        starts[0] = True
    for i in range(1, len(lines)):
        if starts[i]:
            continue
        before, after = lines[i - 1], lines[i]
        if layout.indent_marks:
            starts[i] = after.indent > layout.base_indent + 1
            continue
        if not layout.wrapped:
            starts[i] = not (_starts_lower(after.text) and not ends_sentence(before.text))
            continue
        if not _premature(before, after, layout.width):
            continue
        if ends_sentence(before.text):
            starts[i] = True
        elif _starts_upper(before.text) and (starts[i - 1] or ends_sentence(lines[i - 2].text)):
            starts[i - 1] = True
    return starts


def joiner(before: str, after: str) -> str:
    """What joins two wrapped lines: nothing after a hyphenated word, else a space."""
    if len(before) > 1 and before.endswith("-") and before[-2].isalpha() and after[:1].isalpha():
        return ""
    return " "


def paragraphs(lines: list[Line], *, wrapped: bool | None = None) -> list[list[tuple[Line, str]]]:
    """Lines grouped into paragraphs, each line with the string joining it to the line before."""
    if not lines:
        return []
    layout = layout_of(lines) if wrapped is None or wrapped else Layout(wrapped=False)
    starts = paragraph_starts(lines, layout)
    out: list[list[tuple[Line, str]]] = []
    for line, start in zip(lines, starts, strict=True):
        if start or not out:
            out.append([(line, "")])
        else:
            out[-1].append((line, joiner(out[-1][-1][0].text, line.text)))
    return out
