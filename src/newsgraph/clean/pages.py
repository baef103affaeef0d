"""Offsets of a page's clean text, moved from the extracted text into the HTML source.

``clean`` runs on the text trafilatura extracted from a page, so its
``raw_spans`` and ``removed`` offsets point into that text. The record promises
offsets into the raw input, the HTML source: each kept span and each removed
piece is looked up there verbatim, in text order, with a cursor that only moves
forward. A kept span the source does not hold verbatim as a whole (the page
wraps its lines, or writes ``&rsquo;`` where the text has ’) is mapped word
by word: each run of words the page holds verbatim gets a span of its own, and
a word with an entity inside keeps its plain parts. What the page does not hold
verbatim (the entity itself) maps to no span rather than to the wrong place; a
removed piece not found keeps its text and reason with ``raw_start`` /
``raw_end`` unset.
"""

from __future__ import annotations

import re

from newsgraph.clean.cleaner import Cleaned
from newsgraph.record import RawSpan, Removed

_WORD = re.compile(r"\S+")
#: Within a word, the runs between characters a page may write as entities or markup.
_PLAIN_PART = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9&<>\"'\u00a0-\uffff]+")
#: Word by word, a run is only looked for near the cursor: its opening words (a phrase) within
#: ``ANCHOR_WINDOW`` characters, a single word within ``NEAR_CHARS``. Further on, the same words are
#: more likely another occurrence (a link list, a teaser) than the article's: better no span than a wrong one.
ANCHOR_WINDOW, NEAR_CHARS = 5000, 300
#: The plain parts of a word with an entity inside are looked for this close to each other.
PART_GAP_CHARS = 24
#: Words taken together as the anchor of a run (a phrase is found where a single word may not be).
ANCHOR_WORDS = 4


#: What a page holds that is not its visible text: scripts (JSON-LD repeats the article body), styles,
#: the ``<title>``, comments, and the tags themselves (attributes repeat the headline and the description).
_NOT_TEXT = re.compile(
    r"(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>|<title\b.*?</title\s*>|<!--.*?-->|<[^>]*>"
)


class _Page:
    """A page and the positions of its visible text, where clean text is looked for."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.hidden = bytearray(len(page) + 1)
        for match in _NOT_TEXT.finditer(page):
            self.hidden[match.start() : match.end()] = b"\x01" * (match.end() - match.start())

    def find(self, needle: str, cursor: int, limit: int | None = None) -> int:
        """The first place at or after ``cursor`` (and within ``limit`` characters of it) where the page's
        visible text holds ``needle`` verbatim, or -1."""
        if not needle:
            return -1
        stop = len(self.page) if limit is None else min(len(self.page), cursor + limit + len(needle))
        at = self.page.find(needle, cursor, stop)
        while at >= 0 and (self.hidden[at] or self.hidden[at + len(needle) - 1]):
            at = self.page.find(needle, at + 1, stop)
        return at


#: A paragraph that the page does not hold verbatim is first placed by a phrase of this many words
#: (tried every ``PHRASE_STEP`` words from its start) that it does hold verbatim.
PHRASE_WORDS, PHRASE_STEP = 6, 3
#: The markup inside a paragraph is at most this many times its text before the phrase.
MARKUP_FACTOR = 3


def _placed_from(page: _Page, text: str, words: list[tuple[int, int]], cursor: int) -> int:
    """Where the word-by-word search of a paragraph starts: a little before the first phrase of it the
    page holds verbatim after ``cursor`` (so a paragraph far past the cursor is still found), else
    ``cursor``."""
    for k in range(0, max(1, len(words) - PHRASE_WORDS + 1), PHRASE_STEP):
        last = min(k + PHRASE_WORDS, len(words)) - 1
        phrase = text[words[k][0] : words[last][1]]
        if last - k + 1 < PHRASE_WORDS:
            break
        at = page.find(phrase, cursor)
        if at >= 0:
            before = words[k][0] - words[0][0]
            return max(cursor, at - MARKUP_FACTOR * before - NEAR_CHARS)
    return cursor


def _word_spans(page: _Page, text: str, start: int, end: int, cursor: int) -> tuple[list[tuple[int, int, int]], int]:
    """(clean start, clean end, page start) of the runs of ``text[start:end]`` the page holds verbatim,
    word by word from ``cursor``; and the cursor after the last one."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    cursor = _placed_from(page, text, words, cursor)
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(words):
        ws, we = words[i]
        anchor_end = words[min(i + ANCHOR_WORDS, len(words)) - 1][1]
        found = page.find(text[ws:anchor_end], cursor, ANCHOR_WINDOW) if anchor_end > we else -1
        if found < 0:
            found = page.find(text[ws:we], cursor, NEAR_CHARS)
        if found < 0:
            limit: int | None = NEAR_CHARS
            for part in _PLAIN_PART.finditer(text, ws, we):
                at = page.find(part.group(), cursor, limit)
                if at >= 0:
                    out.append((part.start(), part.end(), at))
                    cursor, limit = at + len(part.group()), PART_GAP_CHARS
            i += 1
            continue
        j, page_end = i, found + (we - ws)
        while j + 1 < len(words):
            following = text[words[j][1] : words[j + 1][1]]  # the separator and the next word
            if not page.page.startswith(following, page_end) or page.hidden[page_end + len(following) - 1]:
                break
            page_end += len(following)
            j += 1
        out.append((ws, words[j][1], found))
        cursor, i = page_end, j + 1
    return out, cursor


def map_into_page(page: str, cleaned: Cleaned) -> None:
    """Rewrite ``cleaned.raw_spans`` and ``cleaned.removed`` (offsets into the extracted text) as
    offsets into ``page``, in place."""
    extracted = [(span.raw_start, 0, n) for n, span in enumerate(cleaned.raw_spans)]
    extracted += [(item.raw_start or 0, 1, n) for n, item in enumerate(cleaned.removed)]
    spans: list[RawSpan] = []
    removed: list[Removed] = list(cleaned.removed)
    cursor = 0
    index = _Page(page)
    for _, kind, n in sorted(extracted):
        if kind == 0:
            span = cleaned.raw_spans[n]
            piece = cleaned.text[span.start : span.end]
            found = index.find(piece, cursor)
            if found >= 0:
                spans.append(RawSpan(start=span.start, end=span.end, raw_start=found, raw_end=found + len(piece)))
                cursor = found + len(piece)
                continue
            runs, cursor = _word_spans(index, cleaned.text, span.start, span.end, cursor)
            spans.extend(RawSpan(start=s, end=e, raw_start=at, raw_end=at + e - s) for s, e, at in runs)
        else:
            item = cleaned.removed[n]
            found = index.find(item.text, cursor)
            if found < 0:
                removed[n] = item.model_copy(update={"raw_start": None, "raw_end": None})
                continue
            removed[n] = item.model_copy(update={"raw_start": found, "raw_end": found + len(item.text)})
            cursor = found + len(item.text)
    cleaned.raw_spans = sorted(spans, key=lambda s: s.start)
    cleaned.removed = removed
