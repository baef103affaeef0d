"""Raw text to lines that remember where each character came from.

A ``Line`` is one physical line of the raw input, or a part of one when a
collapsed paragraph break (a run of spaces) or a left-over HTML block tag
splits it. Its ``pieces`` are raw ranges joined into ``text``; inline tags
and trimmed prefixes are gaps between pieces, so offsets stay exact.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.clean import patterns as P
from newsgraph.record import Removed

#: Kinds of break in front of a line: the first line, a plain newline, or a hard
#: break (blank line, collapsed break, block tag, removed line) that always ends a paragraph.
START, NEWLINE, HARD = "start", "newline", "hard"

#: A document is read as HTML-ish text when it has at least this many block tags.
MIN_BLOCK_TAGS = 2


@dataclass(slots=True)
class Piece:
    """``raw[start:end]``, and the string put in front of it when joined to the piece before."""

    start: int
    end: int
    joiner: str = ""


@dataclass(slots=True)
class Line:
    """One line (or part of one) with its raw pieces and layout features."""

    pieces: list[Piece]
    text: str
    indent: int = 0
    width: int = 0
    brk: str = NEWLINE
    removed: bool = False
    reason: str | None = None

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end


def _pieces_of(raw: str, start: int, end: int, strip_tags: bool, removed: list[Removed]) -> list[Piece]:
    """The raw range split around inline tags (when asked), each piece stripped of outer whitespace."""
    segments: list[tuple[int, int]] = []
    if strip_tags:
        cursor = start
        for match in P.INLINE_TAG.finditer(raw, start, end):
            segments.append((cursor, match.start()))
            removed.append(Removed(text=match.group(), reason="markup", raw_start=match.start(), raw_end=match.end()))
            cursor = match.end()
        segments.append((cursor, end))
    else:
        segments.append((start, end))
    pieces: list[Piece] = []
    gap_had_space = False
    for seg_start, seg_end in segments:
        chunk = raw[seg_start:seg_end]
        stripped = chunk.strip()
        if not stripped:
            gap_had_space = gap_had_space or bool(chunk)
            continue
        lead = len(chunk) - len(chunk.lstrip())
        piece_start = seg_start + lead
        joiner = " " if pieces and (gap_had_space or lead) else ""
        pieces.append(Piece(piece_start, piece_start + len(stripped), joiner))
        gap_had_space = len(chunk.rstrip()) < len(chunk)
    return pieces


def _text_of(raw: str, pieces: list[Piece]) -> str:
    if len(pieces) == 1:
        return raw[pieces[0].start : pieces[0].end]
    return "".join(p.joiner + raw[p.start : p.end] for p in pieces)


def make_line(raw: str, pieces: list[Piece], indent: int, width: int, brk: str) -> Line:
    return Line(pieces=pieces, text=_text_of(raw, pieces), indent=indent, width=width, brk=brk)


def retext(raw: str, line: Line) -> None:
    """Recompute ``line.text`` after its pieces changed."""
    if line.pieces:
        line.pieces[0].joiner = ""
    line.text = _text_of(raw, line.pieces)


def trim_start(raw: str, line: Line, raw_pos: int) -> None:
    """Drop everything of ``line`` before ``raw_pos`` (and the whitespace after it)."""
    kept: list[Piece] = []
    for piece in line.pieces:
        if piece.end <= raw_pos:
            continue
        if piece.start < raw_pos:
            chunk = raw[raw_pos : piece.end]
            lead = len(chunk) - len(chunk.lstrip())
            piece = Piece(raw_pos + lead, piece.end, piece.joiner)
            if piece.start >= piece.end:
                continue
        kept.append(piece)
    line.pieces = kept
    retext(raw, line)  # no pieces left: empty text


def trim_end(raw: str, line: Line, raw_pos: int) -> None:
    """Drop everything of ``line`` from ``raw_pos`` on (and the whitespace before it)."""
    kept: list[Piece] = []
    for piece in line.pieces:
        if piece.start >= raw_pos:
            break
        if piece.end > raw_pos:
            chunk = raw[piece.start : raw_pos].rstrip()
            if not chunk:
                break
            piece = Piece(piece.start, piece.start + len(chunk), piece.joiner)
        kept.append(piece)
    line.pieces = kept
    retext(raw, line)  # no pieces left: empty text


def _subranges(raw: str, start: int, end: int, html_mode: bool, removed: list[Removed]) -> list[tuple[int, int, bool]]:
    """Split one physical line at collapsed breaks and block tags: (start, end, hard break before)."""
    cuts: list[tuple[int, int, str | None]] = []
    if html_mode:
        for match in P.BLOCK_TAG.finditer(raw, start, end):
            cuts.append((match.start(), match.end(), match.group()))
    for match in P.COLLAPSED_BREAK.finditer(raw, start, end):
        cuts.append((match.start(), match.end(), None))
    if not cuts:
        return [(start, end, False)]
    cuts.sort()
    out: list[tuple[int, int, bool]] = []
    cursor, hard = start, False
    for cut_start, cut_end, tag in cuts:
        if cut_start < cursor:
            continue
        out.append((cursor, cut_start, hard))
        if tag is not None:
            removed.append(Removed(text=tag, reason="markup", raw_start=cut_start, raw_end=cut_end))
        cursor, hard = cut_end, True
    out.append((cursor, end, hard))
    return out


def split_lines(raw: str, removed: list[Removed], *, html_mode: bool | None = None) -> list[Line]:
    """The non-blank lines of ``raw``, each with the kind of break before it."""
    if html_mode is None:
        html_mode = len(P.BLOCK_TAG.findall(raw, 0, 200_000)) >= MIN_BLOCK_TAGS
    lines: list[Line] = []
    pending = START
    for match in P.LINE.finditer(raw):
        line_start, line_end = match.start(1), match.end(1)
        if line_start == len(raw) and not match.group(2):
            break
        content = match.group(1)
        if not content.strip():
            if pending != START:
                pending = HARD
            continue
        indent = P.INDENT.match(content).end()
        for sub_start, sub_end, hard in _subranges(raw, line_start, line_end, html_mode, removed):
            pieces = _pieces_of(raw, sub_start, sub_end, html_mode, removed)
            if not pieces:
                if pending != START:
                    pending = HARD
                continue
            brk = pending if pending == START else (HARD if hard else pending)
            sub_indent = indent if sub_start == line_start else 0
            lines.append(make_line(raw, pieces, sub_indent, sub_end - line_start, brk))
            pending = NEWLINE
        if not match.group(2):
            break
    return lines
