"""Mark spans of an article's clean text as HTML: entity mentions, quotes, cues, times, events.

Spans come from the record by character offsets into ``Record.text`` and may
overlap (a name inside a quote, a quote crossing a sentence). The text is cut
at every span boundary; at each cut the open elements are closed back to the
longest still-valid prefix and the rest reopened, so the HTML always nests
properly and every piece of text is escaped exactly once. A span split this
way keeps its classes and data attributes on every piece; only the first piece
carries the ``id`` anchor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from itertools import pairwise

from markupsafe import Markup

from newsgraph.record import Record

#: Nesting rank of each layer when spans start and end together: lower is outer.
LAYER_RANK = {"event": 0, "quote": 1, "cue": 2, "entity": 3, "time": 4}


@dataclass(frozen=True)
class Span:
    """One highlighted stretch: ``text[start:end]`` shown as ``<span class=...>``."""

    start: int
    end: int
    layer: str
    classes: tuple[str, ...] = ()
    anchor: str | None = None
    title: str | None = None
    data: tuple[tuple[str, str], ...] = field(default=())

    def sort_key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, LAYER_RANK.get(self.layer, 9))

    def open_tag(self, first: bool) -> str:
        attrs = [f'class="{escape(" ".join(("hl", self.layer, *self.classes)))}"']
        if first and self.anchor:
            attrs.append(f'id="{escape(self.anchor)}"')
        if self.title:
            attrs.append(f'title="{escape(self.title)}"')
        attrs.extend(f'data-{escape(k)}="{escape(v)}"' for k, v in self.data)
        return "<span " + " ".join(attrs) + ">"


def clamp(spans: list[Span], length: int) -> list[Span]:
    """Spans limited to the text; empty or inverted ones dropped (bad offsets never raise)."""
    kept = []
    for span in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            kept.append(span if (start, end) == (span.start, span.end) else
                        Span(start, end, span.layer, span.classes, span.anchor, span.title, span.data))
    return kept


def render(text: str, spans: list[Span]) -> Markup:
    """``text`` as escaped HTML with ``spans`` marked, properly nested whatever their overlaps."""
    spans = sorted(clamp(spans, len(text)), key=Span.sort_key)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    active: list[Span] = []  # spans covering the current piece; appended in sort order, so kept in it
    opened: set[int] = set()
    todo = 0
    for left, right in pairwise(cuts):
        active = [s for s in active if s.end > left]
        while todo < len(spans) and spans[todo].start <= left:
            active.append(spans[todo])
            todo += 1
        wanted = active
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        for span in wanted[keep:]:
            out.append(span.open_tag(first=id(span) not in opened))
            opened.add(id(span))
        stack = wanted
        out.append(escape(text[left:right], quote=False))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


def record_spans(record: Record) -> list[Span]:
    """Every span the article page highlights, from the record's own offsets."""
    spans: list[Span] = []
    for entity in record.entities:
        for i, mention in enumerate(entity.mentions):
            spans.append(Span(
                mention.start, mention.end, "entity", (f"ent-{entity.type}", f"m-{mention.kind}"),
                anchor=f"{entity.id}-m{i}", title=f"{entity.name} ({entity.type})",
                data=(("entity", entity.id), ("type", entity.type)),
            ))
    sources = {s.id: s for s in record.sources}
    for attribution in record.attributions:
        source = sources.get(attribution.source or "")
        who = source.description if source else "unknown source"
        spans.append(Span(
            attribution.content.start, attribution.content.end, "quote",
            (f"q-{attribution.kind}", "quoted" if attribution.quoted else "unquoted"),
            anchor=attribution.id, title=f"{attribution.kind} attribution to {who}",
            data=(("attribution", attribution.id),),
        ))
        if attribution.cue is not None:
            spans.append(Span(attribution.cue.start, attribution.cue.end, "cue", (),
                              title=f"cue of {attribution.id}", data=(("attribution", attribution.id),)))
    for time in record.times:
        if time.raw_start is not None and time.start == time.end:
            continue  # a byline date outside the clean text
        spans.append(Span(time.start, time.end, "time", (f"t-{time.type}",), anchor=time.id,
                          title=f"{time.type} {time.value or '(unresolved)'}", data=(("time", time.id),)))
    for event in record.events:
        spans.append(Span(event.sentence.start, event.sentence.end, "event", (), anchor=f"ev-{event.id}",
                          data=(("event", event.id),)))
    return spans
