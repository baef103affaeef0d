"""The cleaning stage's entry point and its result type.

``clean(raw)`` runs in stages over lines that keep their raw offsets:

1. split into lines (collapsed breaks and left-over block tags split lines too);
2. drop furniture and credits line by line (``boilerplate``);
3. read the head: a headline, a byline with authors and date, date lines;
4. read the wire dateline opening the body and the sign-off closing it (``wire``);
5. group the remaining lines into paragraphs (``reflow``);
6. join them into the clean text, repairing mojibake word by word (``mojibake``).

Every removed piece is reported in ``Cleaned.removed`` with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from newsgraph.clean import mojibake
from newsgraph.clean import patterns as P
from newsgraph.clean.boilerplate import BOILERPLATE, Zone, is_link_list_header, line_reason
from newsgraph.clean.byline import Byline, could_open_byline, parse_byline
from newsgraph.clean.dates import date_line_share
from newsgraph.clean.lines import HARD, NEWLINE, Line, split_lines, trim_end, trim_start
from newsgraph.clean.reflow import ends_sentence, layout_of, paragraphs
from newsgraph.clean.wire import read_dateline, read_signoff, trailing_signoff
from newsgraph.record import Paragraph, RawSpan, Removed
from newsgraph.vocab.layout import PARAGRAPH_BREAK

#: Lines at the start and end of a text that count as its head and tail zones.
HEAD_LINES, TAIL_LINES = 4, 8
#: Lines of the head searched for a title, byline or date line.
MAX_HEAD_WINDOW = 8
#: A line with at least this many words is article prose: the head ends there.
PROSE_WORDS = 12
#: The head ends at the second prose line (scraped pages often put a caption or teaser before the byline);
#: in hard-wrapped text at the first.
MAX_PROSE_IN_HEAD = 2
#: A date line is at most this long and mostly date and time words.
MAX_DATE_LINE_CHARS, MIN_DATE_LINE_SHARE = 100, 0.6
#: A headline has at most this many words and characters.
MAX_TITLE_WORDS, MAX_TITLE_CHARS, MIN_TITLE_WORDS = 25, 200, 2
#: A headline in sentence case (not Title Case, not capitals) is short: at most this many words.
MIN_PLAIN_TITLE_WORDS, MAX_PLAIN_TITLE_WORDS = 3, 12
#: ... and is followed by a lead paragraph of at least this many words.
MIN_LEAD_WORDS = 8
_INNER_SENTENCE = re.compile(r"[a-z]{2}[.!?] +[A-Z]")
#: A word starting in lower case: the mark of prose after a dateline.
_LOWER_WORD = re.compile(r"(?<!\S)[a-z]")
#: A run of non-space characters: the unit NFC normalisation is applied to (a combining mark never
#: starts a word, so a word's normal form does not depend on its neighbours).
_WORD = re.compile(r"\S+")
#: Sign-off lines (wire sign-off, end marker, e-mail) read at the end of a text.
MAX_SIGNOFFS = 3
#: A link list after a "Related" header holds lines of at most this many words.
MAX_LINK_WORDS = 20


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

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[RawSpan] = []
        self.paragraphs: list[Paragraph] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def add_raw(self, raw_start: int, raw_end: int) -> None:
        """Append ``raw[raw_start:raw_end]``, repairing mojibake and normalising to NFC word by word."""
        piece = self.raw[raw_start:raw_end]
        fixes = mojibake.repaired_words(piece) if mojibake.needs_repair(piece) else []
        cursor = 0
        for start, end, fixed in fixes:
            self._span(piece[cursor:start], raw_start + cursor)
            self._replaced(unicodedata.normalize("NFC", fixed), raw_start + start, raw_start + end)
            cursor = end
        self._span(piece[cursor:], raw_start + cursor)

    def _replaced(self, text: str, raw_start: int, raw_end: int) -> None:
        """A word whose clean form differs from its raw form: a span of its own, so the map stays exact
        for everything around it."""
        self.spans.append(RawSpan(start=self.length, end=self.length + len(text), raw_start=raw_start, raw_end=raw_end))
        self.add(text)

    def _span(self, text: str, raw_start: int) -> None:
        if not text:
            return
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            self._normalised(text, raw_start)
            return
        self.spans.append(RawSpan(start=self.length, end=self.length + len(text),
                                  raw_start=raw_start, raw_end=raw_start + len(text)))
        self.add(text)

    def _normalised(self, text: str, raw_start: int) -> None:
        """``text`` in NFC (decomposed accents composed, so matching and search see one form); each word
        that changes gets its own span, the rest keep theirs character for character."""
        cursor = 0
        for match in _WORD.finditer(text):
            word = match.group()
            nfc = unicodedata.normalize("NFC", word)
            if nfc == word:
                continue
            self._span(text[cursor : match.start()], raw_start + cursor)
            self._replaced(nfc, raw_start + match.start(), raw_start + match.end())
            cursor = match.end()
        if cursor < len(text):
            self._span(text[cursor:], raw_start + cursor)

    def paragraph(self, lines: list[tuple[Line, str]]) -> None:
        if self.paragraphs:
            self.add(PARAGRAPH_BREAK)
        start = self.length
        for line, line_joiner in lines:
            for index, piece in enumerate(line.pieces):
                self.add(line_joiner if index == 0 else piece.joiner)
                self.add_raw(piece.start, piece.end)
        self.paragraphs.append(Paragraph(start=start, end=self.length))

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _Cleaning:
    """The state of one ``clean`` call: lines, what was found, what was removed."""

    def __init__(self, raw: str, fmt: str) -> None:
        self.raw = raw
        self.fmt = fmt
        self.removed: list[Removed] = []
        self.lines = split_lines(raw, self.removed, html_mode=None if fmt == "text" else False)
        self.result = Cleaned(text="")
        #: A first look at the layout (before anything is removed): wrapped lines continue sentences.
        first_look = layout_of(self.lines)
        self.wrapped = first_look.wrapped or first_look.indent_marks

    # -- helpers ---------------------------------------------------------------------------------
    def _kept(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if not line.removed]

    def _remove(self, index: int, reason: str, *, record: bool = True) -> None:
        line = self.lines[index]
        line.removed, line.reason = True, reason
        if record:
            self.removed.append(Removed(text=self.raw[line.start : line.end], reason=reason,
                                        raw_start=line.start, raw_end=line.end))

    def _set_published(self, iso: str | None) -> None:
        if iso and self.result.published is None:
            self.result.published = iso

    def _set_outlet(self, outlet: str | None) -> None:
        if outlet and self.result.outlet is None:
            self.result.outlet = outlet

    # -- stages ----------------------------------------------------------------------------------
    def furniture(self) -> None:
        """Drop boilerplate and credit lines, and link lists after a "Related" header in the tail."""
        n = len(self.lines)
        in_link_list = False
        for i, line in enumerate(self.lines):
            zone = Zone(head=i < HEAD_LINES, tail=i >= n - TAIL_LINES or i >= n * 0.7)
            if in_link_list:
                if len(line.text.split()) <= MAX_LINK_WORDS and not ends_sentence(line.text):
                    self._remove(i, BOILERPLATE)
                    continue
                in_link_list = False
            if zone.tail and is_link_list_header(line.text):
                self._remove(i, BOILERPLATE)
                in_link_list = True
                continue
            reason = line_reason(mojibake.readable(line.text), zone, mid_sentence=self._mid_sentence(i))
            if reason:
                self._remove(i, reason)

    def _continues_previous(self, i: int) -> bool:
        """Whether line ``i`` carries on a sentence from the kept line above (wrapped text)."""
        line = self.lines[i]
        if i == 0 or line.brk != NEWLINE:
            return False
        previous = self.lines[i - 1]
        return not previous.removed and self._joins(previous, line)

    def _joins(self, previous: Line, line: Line) -> bool:
        """Whether ``line`` reads as the rest of ``previous``'s sentence (as the reflow would join them)."""
        if ends_sentence(previous.text):
            return False
        return self.wrapped or line.text[:1].islower()

    def _mid_sentence(self, i: int) -> bool:
        """Whether line ``i`` is a wrapped piece of a sentence running over from or onto its neighbours."""
        line = self.lines[i]
        if i > 0 and line.brk == NEWLINE and self._joins(self.lines[i - 1], line):
            return True
        if i + 1 < len(self.lines) and not ends_sentence(line.text):
            following = self.lines[i + 1]
            if following.brk == NEWLINE and (self.wrapped or following.text[:1].islower()):
                return True
        return False

    def head(self) -> None:
        """Title, byline and date lines among the first lines, then the dateline of the body."""
        kept = self._kept()[:MAX_HEAD_WINDOW]
        byline: Byline | None = None
        first_body: int | None = None
        prose_lines = 0
        position = 0
        while position < len(kept):
            i = kept[position]
            line = self.lines[i]
            if line.removed:
                position += 1
                continue
            if self._continues_previous(i):
                if first_body is None:
                    first_body = i
                if self.wrapped:
                    break  # inside a wrapped paragraph: the head is over
                position += 1
                continue
            if byline is None and could_open_byline(line.text) and read_dateline(line.text) is None:
                byline = self._byline_at(i)
                if byline is not None:
                    position += 1
                    continue
            if self._date_line_at(i):
                position += 1
                continue
            if position == 0 and self._title_at(i, kept):
                position += 1
                continue
            if first_body is None:
                first_body = i
            if len(line.text.split()) >= PROSE_WORDS:
                prose_lines += 1
                if prose_lines >= MAX_PROSE_IN_HEAD or self.wrapped:
                    break
            position += 1
        if first_body is None:
            remaining = self._kept()
            first_body = remaining[0] if remaining else None
        if first_body is not None and not self._dateline_at(first_body):
            line = self.lines[first_body]
            later = [k for k in self._kept() if k > first_body][:1]
            if later and len(line.text.split()) < PROSE_WORDS and not ends_sentence(line.text):
                self._dateline_at(later[0])

    def _byline_at(self, i: int) -> Byline | None:
        found = parse_byline(self.raw, self.lines, i)
        if found is None:
            return None
        self.removed.append(Removed(text=self.raw[found.raw_start : found.raw_end], reason="byline",
                                    raw_start=found.raw_start, raw_end=found.raw_end))
        for index in range(i, found.last_line + 1):
            line = self.lines[index]
            if line.end <= found.raw_end:
                self._remove(index, "byline", record=False)
            else:
                trim_start(self.raw, line, found.raw_end)
                line.brk = HARD
        self.result.authors = found.authors
        self._set_outlet(found.outlet)
        self._set_published(found.published)
        return found

    def _date_line_at(self, i: int) -> bool:
        text = self.lines[i].text
        if len(text) > MAX_DATE_LINE_CHARS:
            return False
        found, share = date_line_share(text)
        if found is None or share < MIN_DATE_LINE_SHARE:
            return False
        self._remove(i, "byline")
        self._set_published(found.iso)
        return True

    def _title_at(self, i: int, kept: list[int]) -> bool:
        line = self.lines[i]
        if opens_with_dateline(line.text):
            return False  # "SANTA CLARA, Calif., March 24 - Intel said..." opens the body, not a headline
        later = [k for k in kept if k > i and not self.lines[k].removed]
        if not later:
            return False
        following = self.lines[later[0]]
        byline_next = (could_open_byline(following.text) and parse_byline(self.raw, self.lines, later[0]) is not None) \
            or read_dateline(following.text) is not None
        separated = following.brk == HARD or following.indent > line.indent or self.lines[i + 1].removed
        if not (separated or byline_next) or not looks_like_title(line.text, following.text, byline_next):
            return False
        self.result.title = mojibake.readable(line.text)
        self._remove(i, "title")
        return True

    def _dateline_at(self, i: int) -> bool:
        line = self.lines[i]
        found = read_dateline(line.text)
        if found is None:
            return False
        first = line.pieces[0]
        if found.length > first.end - first.start:
            return False
        cut = first.start + found.length
        text = self.raw[first.start : cut].rstrip()
        self.removed.append(Removed(text=text, reason="dateline", raw_start=first.start,
                                    raw_end=first.start + len(text)))
        trim_start(self.raw, line, cut)
        if not line.pieces:
            line.removed, line.reason = True, "dateline"
        if found.place:
            self.result.dateline = found.place
        self._set_outlet(found.outlet)
        self._set_published(found.published)
        return True

    def signoff(self) -> None:
        """A sign-off ("Reuter", "-- AP") on the last kept line (twice over when the wire doubled it)."""
        for _ in range(MAX_SIGNOFFS):
            kept = self._kept()
            if len(kept) < 2:
                return
            last = self.lines[kept[-1]]
            if P.END_MARKER.match(last.text) or P.EMAIL_SIGNOFF.match(last.text):
                self._remove(kept[-1], "signoff")  # "(END)", "Contact Jo at jo@example.org"
                continue
            outlet = read_signoff(last.text)
            if outlet is None:
                self._trailing_signoff(kept[-1])
                return
            if last.text.endswith(".") and self._continues_previous(kept[-1]):
                return  # "...told\nReuters." ends a sentence: not a sign-off
            self._remove(kept[-1], "signoff")
            self._set_outlet(outlet)

    def _trailing_signoff(self, i: int) -> None:
        line = self.lines[i]
        found = trailing_signoff(line.text)
        if found is None or len(line.pieces) != 1:
            return
        offset, outlet = found
        start = line.pieces[0].start + offset
        text = self.raw[start : line.end]
        lead = len(text) - len(text.lstrip())
        self.removed.append(Removed(text=text.strip(), reason="signoff", raw_start=start + lead, raw_end=line.end))
        trim_end(self.raw, line, start)
        self._set_outlet(outlet)

    def build(self) -> Cleaned:
        """Paragraphs of the kept lines; a removed line between two kept ones is a hard break."""
        kept: list[Line] = []
        gap = False
        for line in self.lines:
            if line.removed:
                gap = True
                continue
            if gap and kept and line.brk == NEWLINE:
                line.brk = HARD
            gap = False
            kept.append(line)
        builder = _Builder(self.raw)
        for paragraph in paragraphs(kept, wrapped=False if self.fmt != "text" else None):
            builder.paragraph(paragraph)
        result = self.result
        result.text = builder.text
        result.paragraphs = builder.paragraphs
        result.raw_spans = builder.spans
        result.removed = sorted(self.removed, key=lambda r: (r.raw_start or 0, r.raw_end or 0))
        return result


def opens_with_dateline(text: str) -> bool:
    """Whether a line opens with a wire dateline naming a place and goes on in prose (then the dateline rule
    wins over the title rule). Prose has a lower-case word; a capitals headline with a dash ("ECONOMIC
    SPOTLIGHT - JAPAN LOW GROWTH MODEL", "U.S. FINANCIAL ANALYSTS - March 3") stays a headline."""
    found = read_dateline(text)
    if found is None or found.place is None:
        return False
    return _LOWER_WORD.search(text, found.length) is not None


def looks_like_title(text: str, following: str, byline_next: bool = False) -> bool:
    """A headline: short, no closing period, and Title Case or capitals, or followed by a byline,
    or much shorter than the prose after it."""
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or len(text) > MAX_TITLE_CHARS:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(words) < MIN_TITLE_WORDS or not letters:
        return False
    if all(ch.isupper() for ch in letters):
        return not text.endswith((",", ";", ":"))
    if text.rstrip("\"'”’)").endswith((".", ",", ";", ":")):
        return False
    if _INNER_SENTENCE.search(text):
        return False
    if byline_next:
        return True
    content = [w for w in words if sum(ch.isalpha() for ch in w) >= 4]
    if content and sum(w[0].isupper() for w in content if w[0].isalpha()) / len(content) >= 0.6:
        return True
    return (MIN_PLAIN_TITLE_WORDS <= len(words) <= MAX_PLAIN_TITLE_WORDS and len(following) > 1.5 * len(text)
            and len(following.split()) >= MIN_LEAD_WORDS)


def clean(raw: str, *, fmt: str = "text") -> Cleaned:
    """Clean paragraphs, metadata from the byline area, and every removed piece, from raw article text.

    ``fmt="text"`` reads the layout (hard wraps, indents, collapsed breaks);
    any other value (``"html"``: text extracted from a page) takes one line
    per paragraph. Never raises on odd input: an empty or whitespace-only
    text gives an empty ``Cleaned``.
    """
    if not raw or not raw.strip():
        return Cleaned(text="")
    cleaning = _Cleaning(raw, fmt)
    cleaning.furniture()
    cleaning.head()
    cleaning.signoff()
    return cleaning.build()
