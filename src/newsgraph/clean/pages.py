"""Offsets of a page's clean text, moved from the extracted text into the HTML source.

``clean`` runs on the text trafilatura extracted from a page, so its
``raw_spans`` and ``removed`` offsets point into that text. The record promises
offsets into the raw input, the HTML source: each kept span and each removed
piece is looked up there verbatim, in text order, with a cursor that only moves
forward. A piece the source does not hold verbatim (an entity such as
``&amp;`` inside it, text that trafilatura put together) loses its offsets
rather than point at the wrong place: a span is dropped, a removed piece keeps
its text and reason with ``raw_start``/``raw_end`` unset.
"""

from __future__ import annotations

from newsgraph.clean.cleaner import Cleaned
from newsgraph.record import RawSpan, Removed


def map_into_page(page: str, cleaned: Cleaned) -> None:
    """Rewrite ``cleaned.raw_spans`` and ``cleaned.removed`` (offsets into the extracted text) as
    offsets into ``page``, in place."""
    extracted = [(span.raw_start, 0, n) for n, span in enumerate(cleaned.raw_spans)]
    extracted += [(item.raw_start or 0, 1, n) for n, item in enumerate(cleaned.removed)]
    spans: list[RawSpan] = []
    removed: list[Removed] = list(cleaned.removed)
    cursor = 0
    for _, kind, n in sorted(extracted):
        if kind == 0:
            span = cleaned.raw_spans[n]
            piece = cleaned.text[span.start : span.end]
            found = page.find(piece, cursor)
            if found < 0:
                continue
            spans.append(RawSpan(start=span.start, end=span.end, raw_start=found, raw_end=found + len(piece)))
            cursor = found + len(piece)
        else:
            item = cleaned.removed[n]
            found = page.find(item.text, cursor) if item.text else -1
            if found < 0:
                removed[n] = item.model_copy(update={"raw_start": None, "raw_end": None})
                continue
            removed[n] = item.model_copy(update={"raw_start": found, "raw_end": found + len(item.text)})
            cursor = found + len(item.text)
    cleaned.raw_spans = sorted(spans, key=lambda s: s.start)
    cleaned.removed = removed
