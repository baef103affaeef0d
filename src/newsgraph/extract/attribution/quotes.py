"""Direct quotations: pair quotation marks in the text, robust to bad marks.

News text is messy: straight and curly marks mix, an opening curly mark is
often mis-encoded as the closer, a quote that runs over several paragraphs
reopens each paragraph without closing the one before, and unclosed marks are
common in scraped text. So marks are paired by a small scanner over the text,
not by the tokenizer, and anything that does not pair within a paragraph and a
length limit is dropped instead of guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.extract.attribution import lexicons as lex


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` are the marks' outer offsets, ``inner_*`` the quoted words."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    #: True when the quote went on to the end of its paragraph unclosed and the next paragraph reopened it.
    continues: bool = False


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _straight_opens(text: str, i: int) -> bool:
    """A straight mark opens when it follows a space or an opening bracket and precedes a non-space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def _closes_curly_opener(text: str, i: int) -> bool:
    """A “ used as a closer (mis-encoding) sits after a word or punctuation and before a space or punctuation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)—–")


def _paragraph_ends(text: str) -> list[int]:
    """Offsets where a paragraph ends (a blank line), plus the end of the text."""
    ends: list[int] = []
    i = text.find("\n\n")
    while i != -1:
        ends.append(i)
        i = text.find("\n\n", i + 2)
    ends.append(len(text))
    return ends


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _scan_paragraph(text: str, start: int, end: int) -> tuple[list[QuoteSpan], int | None]:
    """Quotes closed inside ``text[start:end]``, and the offset of a mark still open at its end."""
    found: list[QuoteSpan] = []
    open_at: int | None = None
    opener = ""
    for i in range(start, end):
        ch = text[i]
        if ch not in lex.OPENING_QUOTES and ch not in lex.CLOSING_QUOTES:
            continue
        if open_at is None:
            if ch in lex.OPENING_QUOTES and (ch != '"' or _straight_opens(text, i)):
                if ch == "“" and _closes_curly_opener(text, i) and i > start:
                    continue  # a stray closer-looking mark with nothing open: ignore
                open_at, opener = i, ch
            continue
        closers = lex.CLOSERS_FOR.get(opener, lex.CLOSING_QUOTES)
        if ch in closers and (ch != "“" or opener == "„" or _closes_curly_opener(text, i)):
            if ch == '"' and opener == '"' and _straight_opens(text, i) and not _closes_curly_opener(text, i):
                # a straight mark that looks like an opener: the previous one was unclosed
                open_at = i
                continue
            inner_start, inner_end = _trim(text, open_at + 1, i)
            if inner_end > inner_start and i + 1 - open_at <= lex.MAX_QUOTE_CHARS:
                found.append(QuoteSpan(open_at, i + 1, inner_start, inner_end))
            open_at = None
        elif ch in lex.OPENING_QUOTES and ch == opener:
            open_at = i  # the same opener again: the first one was never closed
    return found, open_at


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order, with multi-paragraph quotes split per paragraph.

    A quote open at the end of a paragraph counts (marked ``continues``) only when the
    next paragraph starts with an opening mark: the convention for a quote that runs on.
    """
    spans: list[QuoteSpan] = []
    start = 0
    for end in _paragraph_ends(text):
        found, open_at = _scan_paragraph(text, start, end)
        spans.extend(found)
        nxt = end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if open_at is not None and nxt < len(text) and text[nxt] in lex.OPENING_QUOTES:
            inner_start, inner_end = _trim(text, open_at + 1, end)
            if inner_end > inner_start and end - open_at <= lex.MAX_QUOTE_CHARS:
                spans.append(QuoteSpan(open_at, end, inner_start, inner_end, continues=True))
        start = end + 2
    return spans
