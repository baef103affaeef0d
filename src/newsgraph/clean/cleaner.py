"""The cleaning stage's entry point and its result type."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.record import Paragraph, RawSpan, Removed

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


@dataclass
class Cleaned:
    """Clean text with paragraphs, raw offsets and what was removed."""

    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    raw_spans: list[RawSpan] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    dateline: str | None = None
    outlet: str | None = None


class _Builder:
    """Appends raw pieces to the clean text, recording where each came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[RawSpan] = []
        self.paragraphs: list[Paragraph] = []
        self._para_start: int | None = None

    def add(self, text: str, raw_start: int | None = None) -> None:
        if raw_start is not None and text:
            self.spans.append(
                RawSpan(start=self.length, end=self.length + len(text),
                        raw_start=raw_start, raw_end=raw_start + len(text))
            )
        self.parts.append(text)
        self.length += len(text)

    def open_paragraph(self) -> None:
        if self.paragraphs or self._para_start is not None:
            self.add("\n\n")
        self._para_start = self.length

    def close_paragraph(self) -> None:
        if self._para_start is not None:
            self.paragraphs.append(Paragraph(start=self._para_start, end=self.length))
        self._para_start = None

    @property
    def text(self) -> str:
        return "".join(self.parts)


def lines_with_offsets(raw: str) -> list[tuple[int, str]]:
    """The lines of ``raw`` without their endings, each with its start offset."""
    out = []
    for match in _LINE.finditer(raw):
        if match.start() == len(raw) and not match.group():
            break
        line = match.group().rstrip("\r\n")
        out.append((match.start(), line))
    return out


def clean(raw: str, *, fmt: str = "text") -> Cleaned:
    """Paragraphs from blank-line-separated blocks, lines inside a block joined by a space."""
    builder = _Builder()
    in_paragraph = False
    for offset, line in lines_with_offsets(raw):
        stripped = line.strip()
        if not stripped:
            if in_paragraph:
                builder.close_paragraph()
                in_paragraph = False
            continue
        lead = len(line) - len(line.lstrip())
        if not in_paragraph:
            builder.open_paragraph()
            in_paragraph = True
        else:
            builder.add(" ")
        builder.add(stripped, offset + lead)
    if in_paragraph:
        builder.close_paragraph()
    return Cleaned(text=builder.text, paragraphs=builder.paragraphs, raw_spans=builder.spans)
