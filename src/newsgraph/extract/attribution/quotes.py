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
    skip_to = start
    for i in range(start, end):
        if i < skip_to:
            continue
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
                nested_end = _nested_straight(text, i, end)
                if nested_end is not None:
                    skip_to = nested_end  # a word or two held up in straight marks inside the quote
                    continue
                # a straight mark that looks like an opener: the previous one was unclosed
                found.extend(_reopened(text, open_at, i))
                open_at = i
                continue
            inner_start, inner_end = _trim(text, open_at + 1, i)
            if inner_end > inner_start and i + 1 - open_at <= lex.MAX_QUOTE_CHARS:
                found.append(QuoteSpan(open_at, i + 1, inner_start, inner_end))
            open_at = None
        elif ch in lex.OPENING_QUOTES and ch == opener:
            found.extend(_reopened(text, open_at, i))
            open_at = i  # the same opener again: the first one was never closed
    return found, open_at


def _nested_straight(text: str, i: int, end: int) -> int | None:
    """Where a short quotation nested in straight marks inside an open quote ends, or None.

    Copy that writes every mark straight nests them too (``"He said he would "fake" an injury and
    leave."``): an opener-looking mark inside an open quote is then no reopening when a closer follows
    within a few words, with no sentence end between, and the sentence goes on after it in lower case
    or with a comma. RETURNS: the offset just after the nested closer.
    """
    if text[:i].rstrip()[-1:] in lex.SENTENCE_END_MARKS:
        return None  # a mark opening a sentence reopens the quote ("It failed. "We tried," she said.)
    close = text.find('"', i + 1, end)
    if close == -1 or text[close - 1] in ",;:":
        return None
    inner = text[i + 1 : close]
    words = inner.split()
    if not words or len(words) > lex.MAX_NESTED_QUOTE_WORDS or any(m in inner for m in lex.SENTENCE_END_MARKS):
        return None
    after = text[close + 1 : close + 3]
    if not (after[:1] == "," or (after[:1] == " " and after[1:2].islower())):
        return None
    return close + 1


def _reopened(text: str, open_at: int, reopen: int) -> list[QuoteSpan]:
    """The quote a mark reopened before it closed, if it ended a sentence: the in-paragraph run-on.

    Many outlets run a multi-sentence quote on by reopening each sentence without closing the one
    before (``"It failed. "We will try again," she said.``): the open part ends at the sentence's
    end and continues into the reopened one (``continues``: it takes the speaker named where the
    quote closes). When words stand between the sentence's end and the new mark (``"It failed.
    He added: "We ...``), the mark was simply never closed: the quote ends with its sentence.
    """
    end = reopen
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    runs_on = text[end - 1] in lex.SENTENCE_END_MARKS
    if not runs_on:
        cut = max(text.rfind(p + " ", open_at + 1, end) for p in lex.SENTENCE_END_MARKS)
        if cut == -1:
            return []
        end = cut + 1
    inner_start, inner_end = _trim(text, open_at + 1, end)
    words = len(text[inner_start:inner_end].split())
    if words < lex.MIN_REOPENED_QUOTE_WORDS or end - open_at > lex.MAX_QUOTE_CHARS:
        return []
    return [QuoteSpan(open_at, end, inner_start, inner_end, continues=runs_on)]


def _single_opens(text: str, i: int) -> bool:
    """A single mark opens after a space, bracket or dash and before a letter ("‘90s" is an elision)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:\"“„«") and after.isalpha()


def _single_closes(text: str, i: int) -> bool:
    """A single mark closes after a non-space and before no letter ("don’t" and "‘n’ roll" stay words)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _scan_singles(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Quotes in single marks (‘…’, ‚…‘) in ``text[start:end]``: a stray one is simply not a quote."""
    found: list[QuoteSpan] = []
    open_at: int | None = None
    opener = ""
    skip_to = start
    for i in range(start, end):
        if i < skip_to:
            continue
        ch = text[i]
        if open_at is not None and ch in lex.SINGLE_CLOSERS_FOR[opener] and _single_closes(text, i):
            inner_start, inner_end = _trim(text, open_at + 1, i)
            if inner_end > inner_start and i + 1 - open_at <= lex.MAX_QUOTE_CHARS:
                found.append(QuoteSpan(open_at, i + 1, inner_start, inner_end))
            open_at = None
        elif ch in lex.SINGLE_OPENING_QUOTES and _single_opens(text, i):
            open_at, opener = i, ch  # a second opener: the first was an elision or never closed
    return found


def _singles_outside(text: str, start: int, end: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-mark quotes in the stretches of a paragraph no double-mark quote covers (inside one they nest)."""
    if not any(text.find(m, start, end) != -1 for m in lex.SINGLE_OPENING_QUOTES):
        return []
    found: list[QuoteSpan] = []
    cursor = start
    for q in sorted(doubles, key=lambda q: q.start):
        if q.start > cursor:
            found.extend(_scan_singles(text, cursor, q.start))
        cursor = max(cursor, q.end)
    if cursor < end:
        found.extend(_scan_singles(text, cursor, end))
    return found


def _recovered(text: str, open_at: int, end: int) -> list[QuoteSpan]:
    """The quotes after a mark never closed in its paragraph: the stray mark is dropped, not the rest.

    The scanner read every mark after the stray one as the stray quote's content, so the rest of the
    paragraph is scanned again from just after it (and again after any later stray mark).
    """
    recovered: list[QuoteSpan] = []
    stray: int | None = open_at
    while stray is not None:
        more, stray = _scan_paragraph(text, stray + 1, end)
        recovered.extend(more)
    return recovered


def _doubled_view(text: str) -> tuple[str, set[int], set[int]]:
    """``text`` with each doubled mark (''…'', ``…'') written as one straight mark, offsets unchanged.

    The mark keeps the side next to the words and the other character becomes a space, so the
    straight-mark rules apply as they are. Returns the view and where doubled openers and closers begin.
    """
    if not any(m in text for m in lex.DOUBLED_MARKS):
        return text, set(), set()
    chars = list(text)
    openers: set[int] = set()
    closers: set[int] = set()
    i = 0
    while i < len(text) - 1:
        pair = text[i : i + 2]
        if pair in lex.DOUBLED_MARKS:
            before = text[i - 1] if i > 0 else " "
            after = text[i + 2] if i + 2 < len(text) else " "
            if (pair in ("``", "‘‘") or before.isspace() or before in "([{—–-:") and not after.isspace():
                chars[i], chars[i + 1] = " ", '"'
                openers.add(i)
            elif not before.isspace():
                chars[i], chars[i + 1] = '"', " "
                closers.add(i)
            i += 2
            continue
        i += 1
    return "".join(chars), openers, closers


def _widened(q: QuoteSpan, openers: set[int], closers: set[int]) -> QuoteSpan:
    """A quote found in the doubled-mark view, with its outer offsets over both characters of each mark."""
    start = q.start - 1 if q.start - 1 in openers else q.start
    end = q.end + 1 if q.end - 1 in closers else q.end
    if (start, end) == (q.start, q.end):
        return q
    return QuoteSpan(start, end, q.inner_start, q.inner_end, q.continues)


#: Last characters of a paragraph that is narration, not a caption: sentence ends, colons, brackets, marks.
CAPTION_NOT_LAST_CHARS = frozenset(".!?:;…)" + lex.ALL_QUOTE_MARKS)
#: At most this many caption paragraphs in a row are passed over to find where a quote goes on.
MAX_CAPTIONS_SKIPPED = 5
#: Double quotation marks: a paragraph holding one quotes someone and is no caption (an apostrophe may).
DOUBLE_QUOTE_MARKS = '“”„«»‹›"'


def is_caption(paragraph: str) -> bool:
    """A paragraph of words that ends with no sentence mark, colon or quotation mark and holds no double mark.

    Pages set photo captions and credits ("Lee arrives at the hearing Credit: Jo Hart") as
    paragraphs of their own, even between the paragraphs of one long quote: layout, not narration.
    """
    body = paragraph.strip()
    return bool(body) and body[-1] not in CAPTION_NOT_LAST_CHARS and not any(m in body for m in DOUBLE_QUOTE_MARKS)


def _after_captions(view: str, end: int) -> int:
    """Where the next paragraph after ``end`` starts that is not a caption (``is_caption``).

    A quote left open at a paragraph's end goes on where the next paragraph of text reopens it,
    with a page's captions between ("...about it. / Lee arrives Credit: Jo Hart / "And then...").
    """
    nxt = end
    for _ in range(MAX_CAPTIONS_SKIPPED + 1):
        while nxt < len(view) and view[nxt].isspace():
            nxt += 1
        stop = view.find("\n\n", nxt)
        stop = len(view) if stop == -1 else stop
        if nxt >= len(view) or not is_caption(view[nxt:stop]):
            return nxt
        nxt = stop
    return end


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order, with multi-paragraph quotes split per paragraph.

    A quote open at the end of a paragraph counts (marked ``continues``) only when the
    next paragraph starts with an opening mark: the convention for a quote that runs on.
    Otherwise the mark is a stray one, and the paragraph's later quotes are recovered.
    Quotes in single marks count where no double-mark quote holds them.
    """
    view, openers, closers = _doubled_view(text)
    spans: list[QuoteSpan] = []
    start = 0
    for end in _paragraph_ends(view):
        found, open_at = _scan_paragraph(view, start, end)
        nxt = _after_captions(view, end)
        if open_at is not None and nxt < len(view) and view[nxt] in lex.OPENING_QUOTES:
            inner_start, inner_end = _trim(view, open_at + 1, end)
            if inner_end > inner_start and end - open_at <= lex.MAX_QUOTE_CHARS:
                found.append(QuoteSpan(open_at, end, inner_start, inner_end, continues=True))
        elif open_at is not None:
            found.extend(_recovered(view, open_at, end))
        found.extend(_singles_outside(view, start, end, found))
        spans.extend(sorted(found, key=lambda q: q.start))
        start = end + 2
    if openers or closers:
        spans = [_widened(q, openers, closers) for q in spans]
    return spans
