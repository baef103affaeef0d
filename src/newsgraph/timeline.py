"""Timelines: the events of one or more records in the order they happened.

``timeline(records, entity=None)`` is the library function every surface uses
(``newsgraph timeline`` on articles, and on a store's records). Events are ordered
by their date (TIMEX3 values sort as text: "2016" < "2016-05" < "2016-05-03",
decades "198" before "1980-..."), then by article and position; undated events
follow, in text order, unless left out. Each entry carries the event's source
(the attribution's source description, or "the article") and its evidence: the
sentence with its offsets in the record text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsgraph.record import Entity, Event, Record
from newsgraph.store.labels import article_label
from newsgraph.vocab.calendar import FULL_MONTH_NAMES, MONTHS

ARTICLE_SOURCE = "the article"
#: A name shorter than this is not looked for inside a longer query ("Al" in "Al Gore Jr.").
MIN_NAME_CHARS = 4


@dataclass(frozen=True)
class TimelineEntry:
    """One event on a timeline, with what a reader needs to check it."""

    date: str | None
    date_reason: str | None
    time_text: str | None
    record_id: str
    title: str | None
    published: str | None
    event: Event
    actor: str | None
    target: str | None
    source: str
    evidence_start: int
    evidence_end: int
    evidence: str
    #: How lists name the article (``store.labels.article_label``: headline, first sentence, file name).
    label: str = ""

    @property
    def summary(self) -> str:
        """A one-line reading: "Jane Doe did not disclose the report [Senate committee]"."""
        ev = self.event
        parts = [self.actor or "(someone)"]
        parts.append(f"did not {ev.predicate}" if ev.negated else ev.predicate)
        if ev.object_text:
            parts.append(ev.object_text)
        if self.target and (not ev.object_text or self.target not in ev.object_text):
            parts.append(f"[{self.target}]")
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        ev = self.event
        return {
            "date": self.date,
            "date_reason": self.date_reason,
            "time_text": self.time_text,
            "record": self.record_id,
            "title": self.title,
            "published": self.published,
            "event": ev.id,
            "actor": self.actor,
            "predicate": ev.predicate,
            "target": self.target,
            "object": ev.object_text,
            "negated": ev.negated,
            "modality": ev.modality,
            "code": ev.code,
            "source": self.source,
            "summary": self.summary,
            "evidence": {"start": self.evidence_start, "end": self.evidence_end, "text": self.evidence},
        }


def timeline(records: Iterable[Record], entity: str | None = None, *, undated: bool = True) -> list[TimelineEntry]:
    """The events of ``records`` in date order, optionally only those whose actor or target is ``entity``.

    ``entity`` matches an entity's name or any of its mention texts, case-insensitively,
    or the event's own actor/target text.
    """
    entries: list[tuple[tuple[Any, ...], TimelineEntry]] = []
    for order, record in enumerate(records):
        entities = {e.id: e for e in record.entities}
        sources = {s.id: s.description for s in record.sources}
        times = {t.id: t.text for t in record.times}
        for ev in record.events:
            if entity is not None and not _involves(ev, entities, entity):
                continue
            if ev.date is None and not undated:
                continue
            entry = _entry(record, ev, entities, sources, times)
            key = (ev.date is None, ev.date or "", order, ev.sentence.start)
            entries.append((key, entry))
    entries.sort(key=lambda kv: kv[0])
    return [entry for _, entry in entries]


def _entry(
    record: Record, ev: Event, entities: dict[str, Entity], sources: dict[str, str], times: dict[str, str]
) -> TimelineEntry:
    actor = entities[ev.actor].name if ev.actor in entities else ev.actor_text
    target = entities[ev.target].name if ev.target in entities else ev.target_text
    start, end = ev.sentence.start, ev.sentence.end
    return TimelineEntry(
        date=ev.date,
        date_reason=ev.date_reason,
        time_text=times.get(ev.time) if ev.time else None,
        record_id=record.id,
        title=record.meta.title or record.source.path or record.source.id,
        published=record.meta.published,
        event=ev,
        actor=actor,
        target=target,
        source=sources.get(ev.source, ev.source) if ev.source else ARTICLE_SOURCE,
        evidence_start=start,
        evidence_end=end,
        evidence=record.text[start:end],
        label=article_label(record.meta.title, record.text, record.source.path or record.source.url, record.id),
    )


def _involves(ev: Event, entities: dict[str, Entity], name: str) -> bool:
    wanted = name.strip().lower()
    if not wanted:
        return True
    for entity_id in (ev.actor, ev.target):
        found = entities.get(entity_id) if entity_id else None
        if found is not None and any(_same_name(wanted, n) for n in [found.name, *(m.text for m in found.mentions)]):
            return True
    texts = [t.lower() for t in (ev.actor_text, ev.target_text) if t]
    return any(_contains_words(t, wanted) for t in texts)


def _same_name(wanted: str, name: str) -> bool:
    """"Jane Doe" and "Doe" name the same one: whole words of one contain the other."""
    name = name.lower()
    return _contains_words(name, wanted) or (len(name) >= MIN_NAME_CHARS and _contains_words(wanted, name))


def _contains_words(text: str, part: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text) is not None


#: The calendar part a date range can compare: a year, a year-month or a full date at the start of a value.
_CALENDAR_START = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _bounds(value: str) -> tuple[str, str] | None:
    """The first and last day a TIMEX3-like value covers ("2017" → 2017-01-01..2017-12-31), or None."""
    m = _CALENDAR_START.match(value)
    if m is None:
        return None
    year, month, day = m.groups()
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}-01", f"{year}-{month}-31"  # string order: the 31st is after every day of it
    return f"{year}-01-01", f"{year}-12-31"


def in_range(date: str | float | None, start: str | None = None, end: str | None = None) -> bool:
    """Whether an event dated ``date`` may fall between ``start`` and ``end`` (each a year, month or day, inclusive).

    A value overlapping the range counts ("2017" is in 2017-03..2017-05): the text said no more.
    An undated event, or one whose date names no calendar part (a decade "198", "PRESENT_REF"),
    is outside every range.
    """
    if start is None and end is None:
        return True
    span = _bounds(date) if isinstance(date, str) and date else None  # a frame's missing date is NaN
    if span is None:
        return False
    first = _bounds(start) if start else None
    last = _bounds(end) if end else None
    low = first[0] if first else "0000-00-00"
    high = last[1] if last else "9999-99-99"
    return span[0] <= high and span[1] >= low


def check_range_bound(value: str | None, name: str) -> str | None:
    """``value`` when it is a year, year-month or date; ``ValueError`` naming the option otherwise."""
    if value is not None and _CALENDAR_START.fullmatch(value) is None:
        raise ValueError(f"{name} {value!r}: give a year, a month or a day (2017, 2017-03, 2017-03-14)")
    return value



# --- the one layout of a timeline line --------------------------------------------------------

#: How a line shows an event with no date (such events come last).
UNDATED = "undated"
#: Month names for readable dates, January first (from ``vocab.calendar``, where they are defined once).
MONTH_NAMES = tuple(name.title() for name in sorted(FULL_MONTH_NAMES, key=MONTHS.__getitem__))
#: TIMEX3 seasons and vague references, as a reader says them.
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
RE_TIMEX_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?")
RE_TIMEX_MONTH = re.compile(r"(\d{4})-(\d{2})")
RE_TIMEX_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
RE_TIMEX_WEEK = re.compile(r"(\d{4})-W(\d{2})")
#: A decade (``198``: the 1980s) or a century (``19``: the 1900s).
RE_TIMEX_DECADE = re.compile(r"(\d{3})")
RE_TIMEX_CENTURY = re.compile(r"(\d{2})")


def readable_date(value: str | None) -> str:
    """A TIMEX3 value as a reader writes it: "7 March 2017", "March 2017", "the 1980s", "2003-Q1".

    Values with no plainer reading (quarters, relative values such as ``XXXX-05``)
    are shown as they are; ``None`` is ``UNDATED``.

    >>> [readable_date(v) for v in ("2017-03-07", "2017-03", "198", "2003-Q1", None)]
    ['7 March 2017', 'March 2017', 'the 1980s', '2003-Q1', 'undated']
    """
    if value is None or (isinstance(value, float) and value != value) or not str(value).strip():
        return UNDATED
    value = str(value)
    if m := RE_TIMEX_DAY.fullmatch(value):
        year, month, day, clock = m.groups()
        if 1 <= int(month) <= 12:
            return f"{int(day)} {MONTH_NAMES[int(month) - 1]} {year}" + (f", {clock}" if clock else "")
    elif (m := RE_TIMEX_MONTH.fullmatch(value)) and 1 <= int(m.group(2)) <= 12:
        return f"{MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}"
    elif m := RE_TIMEX_SEASON.fullmatch(value):
        return f"{SEASONS[m.group(2)]} {m.group(1)}"
    elif m := RE_TIMEX_WEEK.fullmatch(value):
        return f"week {int(m.group(2))} of {m.group(1)}"
    elif RE_TIMEX_DECADE.fullmatch(value):
        return f"the {value}0s"
    elif RE_TIMEX_CENTURY.fullmatch(value):
        return f"the {value}00s"
    return REFERENCES.get(value, value)


@dataclass(frozen=True)
class TimelineLine:
    """One event as every timeline view shows it, whether read from articles or from a store.

    ``timeline FILE`` builds lines from ``TimelineEntry`` (``line_of_entry``),
    ``timeline --db`` from the store's rows (``line_of_row``); one function prints
    them (``cli.timeline.render_timeline``), so both read the same. The actor and
    target are the article's words (as the predicate is); the evidence sentence
    says who they are.
    """

    date: str | None
    actor: str | None
    #: The predicate as the article writes it ("became prime minister"; "not meet" for a negated lemma).
    predicate: str
    target: str | None
    modality: str
    code: str | None
    source: str
    evidence: str
    article: str
    #: For a store's corpus event reported by several articles: "3, first: <label>" (``reports_text``).
    reports: str | None = None

    @property
    def when(self) -> str:
        return readable_date(self.date)

    @property
    def event(self) -> str:
        """"actor predicate → target": "Jane Roe met → the governor"."""
        text = f"{self.actor or '(someone)'} {self.predicate}"
        return f"{text} → {self.target}" if self.target else text


def _text(value: Any) -> str | None:
    """A row's value as text, ``None`` for a missing one (a frame's NaN included)."""
    if value is None or (isinstance(value, float) and value != value) or not str(value).strip():
        return None
    return str(value)


def predicate_as_written(predicate: str, predicate_text: str | None, negated: bool) -> str:
    """What a line shows as the predicate: the text as written, else the lemma ("not" before a negated one).

    The store's rows compute the same in SQL (``queries._TIMELINE_COLUMNS``).
    """
    if predicate_text:
        return predicate_text
    return f"not {predicate}" if negated else predicate


def line_of_entry(entry: TimelineEntry) -> TimelineLine:
    """The line of an event read from an article (``timeline FILE``)."""
    ev = entry.event
    return TimelineLine(
        date=entry.date, actor=ev.actor_text or entry.actor,
        predicate=predicate_as_written(ev.predicate, ev.predicate_text, ev.negated),
        target=ev.target_text or ev.object_text or entry.target, modality=ev.modality, code=ev.code,
        source=entry.source, evidence=entry.evidence, article=entry.label or entry.title or entry.record_id[:12])


def line_of_row(row: Mapping[str, Any]) -> TimelineLine:
    """The line of a store's timeline row (``queries.timeline`` with ``label``: ``timeline --db``)."""
    return TimelineLine(
        date=_text(row.get("date")), actor=_text(row.get("actor")), predicate=str(row.get("predicate_text") or ""),
        target=_text(row.get("target")) or _text(row.get("object")), modality=_text(row.get("modality")) or "asserted",
        code=_text(row.get("code")), source=_text(row.get("source")) or ARTICLE_SOURCE,
        evidence=_text(row.get("evidence")) or "",
        article=_text(row.get("label")) or str(row.get("article_id", ""))[:12],
        reports=reports_text(row) if "reports" in row else None)


def reports_text(row: Mapping[str, Any]) -> str:
    """How many articles report a corpus event, and which first: "3, first: <label>" ("1" when one does)."""
    value = row.get("reports")
    n = 1 if value is None or (isinstance(value, float) and value != value) else int(value)
    if n <= 1:
        return "1"
    text = f"{n}, first: {_text(row.get('first_label')) or ''}"
    if _text(row.get("first_reported_by")):
        text += f" (says: first reported by {row['first_reported_by']})"
    return text
