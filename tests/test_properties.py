"""Property test: mutated real articles keep every offset promise of the record.

Hypothesis edits the shared articles (``../shared/articles/``; skipped without them) by
inserting stray characters and line breaks, deleting, duplicating and cutting stretches,
and the record of each edited text must still keep its promises: every span inside the
text, every quoted span's ``text`` equal to its slice, ``raw_spans`` exact (``text[start:end]``
is ``raw[raw_start:raw_end]``, ``newsgraph.clean.audit.span_problems``), every removed
piece equal to its raw slice, paragraphs in order. Examples are few and each has a
deadline, so the test stays within seconds.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _paths import ARTICLES
from newsgraph.clean.audit import span_problems
from newsgraph.ingest import Item
from newsgraph.ingest.decode import decode_bytes
from newsgraph.record import Record

SOURCES = sorted(ARTICLES.glob("*.txt")) if ARTICLES.exists() else []
pytestmark = pytest.mark.skipif(not SOURCES, reason=f"shared articles not available: {ARTICLES}")

#: Pieces an edit inserts: line breaks of every kind, spaces, quotes, dashes, accents (composed
#: and decomposed), a BOM, digits and a date, a byline-like line.
PIECES = ["\n", "\n\n", "\r\n", "\r", "\t", "  ", "\u00a0", "\ufeff", "\u201c", "\u201d", '"', "'", "\u2014",
          "-", "\u00e9", "e\u0301", "\u00df", "\u4e2d", "(", ")", ".", ",", "2017", "June 6, 2017",
          "\nBy Jo Dale\n", "Mr. ", " said ", "\u2026"]

#: What an edited article may be refused for: nothing of the text is left.
ALLOWED_ERRORS = ("empty input", "no article text left after cleaning")


def _texts() -> list[str]:
    return [decode_bytes(p.read_bytes(), str(p)) for p in SOURCES]


edit = st.tuples(st.sampled_from(["insert", "delete", "duplicate", "cut"]), st.floats(0, 1), st.floats(0, 1),
                 st.sampled_from(PIECES))


def mutate(text: str, edits: list[tuple[str, float, float, str]]) -> str:
    """``text`` with each edit applied in turn (positions are fractions of the current length)."""
    for kind, where, size, piece in edits:
        at = int(where * len(text))
        span = max(1, int(size * min(200, len(text) - at)))
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + span :]
        elif kind == "duplicate":
            text = text[: at + span] + text[at : at + span] + text[at + span :]
        else:
            text = text[:at] if at > len(text) // 4 else text[at:]
    return text


def offset_problems(record: Record, raw: str) -> list[str]:
    """Every broken offset promise of ``record`` read from ``raw``."""
    text, problems = record.text, []

    def inside(label: str, start: int, end: int) -> None:
        if not 0 <= start <= end <= len(text):
            problems.append(f"{label} {start}:{end} outside the text ({len(text)})")

    def quoted(label: str, span) -> None:
        inside(label, span.start, span.end)
        if text[span.start : span.end] != span.text:
            problems.append(f"{label} {span.text!r} != text {text[span.start:span.end]!r}")

    previous = 0
    for p in record.paragraphs:
        inside("paragraph", p.start, p.end)
        if p.start < previous:
            problems.append(f"paragraph at {p.start} overlaps the one before")
        previous = p.end
    for s in record.raw_spans:
        inside("raw span", s.start, s.end)
        if not 0 <= s.raw_start <= s.raw_end <= len(raw):
            problems.append(f"raw span {s.raw_start}:{s.raw_end} outside the raw input ({len(raw)})")
    problems += span_problems(raw, record)  # type: ignore[arg-type]  # it reads text, raw_spans, paragraphs
    for r in record.removed:
        if r.raw_start is not None and raw[r.raw_start : r.raw_end] != r.text:
            problems.append(f"removed {r.text[:30]!r} != raw {raw[r.raw_start:r.raw_end][:30]!r}")
    for e in record.entities:
        for m in e.mentions:
            quoted(f"mention of {e.id}", m)
    for t in record.times:
        if t.role == "publication":
            if t.raw_start is None or " ".join(raw[t.raw_start : t.raw_end].split()) != t.text:
                problems.append(f"publication time {t.text!r} != raw")
        else:
            inside(f"time {t.id}", t.start, t.end)
            if " ".join(text[t.start : t.end].split()) != " ".join(t.text.split()):
                problems.append(f"time {t.id} {t.text!r} != text {text[t.start:t.end]!r}")
    for s in record.sources:
        for m in s.mentions:
            quoted(f"mention of {s.id}", m)
    for a in record.attributions:
        quoted(f"content of {a.id}", a.content)
        if a.cue is not None:
            quoted(f"cue of {a.id}", a.cue)
    for v in record.events:
        inside(f"sentence of {v.id}", v.sentence.start, v.sentence.end)
    for rel in record.relations:
        quoted("relation", rel.text)
    return problems


@settings(max_examples=12, deadline=timedelta(seconds=30), database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(which=st.integers(0, 10_000), edits=st.lists(edit, min_size=1, max_size=6))
def test_a_mutated_article_keeps_every_offset_promise(reader, which, edits):
    texts = _texts()
    mutated = mutate(texts[which % len(texts)], edits)
    data = mutated.encode("utf-8")
    (record,) = reader.read_many([Item(where="<mutated>", data=data)])
    if record.source.error:
        assert record.source.error in ALLOWED_ERRORS or not mutated.strip(), record.source.error
        return
    raw = decode_bytes(data, "<mutated>")
    assert offset_problems(record, raw) == []
    Record.from_json(record.to_json())  # and it is still a valid record
