"""What the pages show, computed from records and store rows (no HTTP here, so it is easy to test)."""

from __future__ import annotations

import re
import sqlite3
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from newsgraph.record import Record, claim_parts
from newsgraph.store import Store
from newsgraph.store.db import explain
from newsgraph.store.labels import article_label, record_counts
from newsgraph.store.queries import SNIPPET_CLOSE, SNIPPET_OPEN, timeline
from newsgraph.web.highlight import record_spans, render

RE_SNIPPET_MATCH = re.compile(re.escape(SNIPPET_OPEN) + "(.*?)" + re.escape(SNIPPET_CLOSE), re.S)
#: Characters of an article id the pages show (ids are sha256 hex).
SHORT_ID = 12


def entity_url(ref: int | str | None) -> str:
    """The page of a corpus entity: ``#id`` for a number (exact), else the name (best match)."""
    if ref is None or ref == "":
        return "/entities/"
    key = f"#{ref}" if isinstance(ref, int) else str(ref)
    return "/entities/" + quote(key, safe="")


def short_id(article_id: str | None) -> str:
    return (article_id or "")[:SHORT_ID]


def snippet_html(snippet: str | None) -> Markup:
    """An FTS snippet as HTML: text escaped, the store's match markers turned into ``<mark>``."""
    if not snippet:
        return Markup("")
    out, cursor = [], 0
    for match in RE_SNIPPET_MATCH.finditer(snippet):
        out.append(escape(snippet[cursor:match.start()], quote=False))
        out.append("<mark>" + escape(match.group(1), quote=False) + "</mark>")
        cursor = match.end()
    out.append(escape(snippet[cursor:], quote=False))
    return Markup("".join(out))


def corpus_ids(store: Store, article_id: str) -> dict[str, int]:
    """Article entity id → corpus entity id, so the article page links to profiles."""
    rows = store.execute("SELECT id, corpus_entity_id FROM entities WHERE article_id = ?", (article_id,))
    return {str(r[0]): int(r[1]) for r in rows if r[1] is not None}


def all_events(store: Store, limit: int, every: bool = False) -> Any:
    """The main events of every article by event date (the timeline without an entity); all with ``every``."""
    try:
        return timeline(store.conn, None, limit=limit, all_events=every)
    except sqlite3.Error as exc:
        raise explain(store.path, exc) from exc


def _cut(text: str, start: int, end: int) -> str:
    return text[max(0, start):max(0, end)]


def source_character(source: Any) -> str:
    """How an anonymous (or any) source is characterised: count, affiliation, why it is unnamed."""
    parts = []
    if source.count:
        parts.append(f"{source.count} {'person' if source.count == 1 else 'people'}")
    if source.affiliation:
        parts.append(f"affiliation: {source.affiliation}")
    if source.reason:
        parts.append(f"reason for anonymity: {source.reason}")
    if source.declined_to_comment:
        parts.append("declined to comment")
    if getattr(source, "role", None):
        parts.append(f"role: {source.role} ({', '.join(dict.fromkeys(e.text for e in source.role_evidence))})")
    if getattr(source, "gender", None):
        words = ", ".join(dict.fromkeys(e.text for e in source.gender_evidence))
        parts.append(f"gender: {source.gender} ({words})")
    elif getattr(source, "gender_evidence", None):
        parts.append("gender: conflicting evidence")
    return "; ".join(parts)


def article_context(record: Record, corpus: dict[str, int]) -> dict[str, Any]:
    """Everything ``article.html`` shows for one record."""
    entities = {e.id: e for e in record.entities}
    sources = {s.id: s for s in record.sources}
    times = {t.id: t for t in record.times}
    attribution_count: dict[str, int] = {}
    parts = claim_parts(record.attributions)  # quoted fragments of a paraphrase: listed, counted with it
    for a in record.attributions:
        if a.source and a.id not in parts:
            attribution_count[a.source] = attribution_count.get(a.source, 0) + 1
    entity_rows = [
        {"id": e.id, "name": e.name, "type": e.type, "titles": e.titles, "salience": e.salience,
         "mentions": len(e.mentions), "anchor": f"{e.id}-m0" if e.mentions else None,
         "corpus": corpus.get(e.id)}
        for e in sorted(record.entities, key=lambda e: (-e.salience, e.name))
    ]
    source_rows = [
        {"id": s.id, "description": s.description, "kind": s.kind, "anonymous": s.anonymous,
         "entity": entities[s.entity].name if s.entity in entities else None,
         "corpus": corpus.get(s.entity or ""), "character": source_character(s),
         "attributions": attribution_count.get(s.id, 0)}
        for s in record.sources
    ]
    attribution_rows = [
        {"id": a.id, "kind": a.kind, "quoted": a.quoted, "part_of": parts.get(a.id),
         "source": sources[a.source].description if a.source in sources else None,
         "anonymous": sources[a.source].anonymous if a.source in sources else False,
         "cue": a.cue.text if a.cue else None, "content": a.content.text}
        for a in record.attributions
    ]
    time_rows = [t for t in record.times]
    event_rows = [
        {"id": v.id, "date": v.date, "date_reason": v.date_reason, "actor": v.actor_text, "predicate": v.predicate,
         "target": v.target_text, "object": v.object_text, "negated": v.negated, "modality": v.modality,
         "code": v.code, "actor_corpus": corpus.get(v.actor or ""), "target_corpus": corpus.get(v.target or ""),
         "time": times[v.time].text if v.time in times else None,
         "source": sources[v.source].description if v.source in sources else None,
         "evidence": _cut(record.text, v.sentence.start, v.sentence.end)}
        for v in sorted(record.events, key=lambda v: (v.date is None, v.date or "", v.sentence.start))
    ]
    return {
        "record": record,
        "title": article_label(record.meta.title, record.text, record.source.path or record.source.url, record.id),
        "counts": record_counts(record),
        "body": render(record.text, record_spans(record)),
        "entities": entity_rows,
        "sources": source_rows,
        "attributions": attribution_rows,
        "times": time_rows,
        "events": event_rows,
        "types": sorted({e.type for e in record.entities}),
    }


def pager(request: Any, found: Any) -> dict[str, Any]:
    """Where a paged list is ("51–100 of 1,234") and the links to the previous and next pages.

    The links keep the request's other parameters and change ``offset`` only.
    """
    total, offset, limit = found.total, found.offset, found.limit
    shown = len(found.rows)

    def link(to: int) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
        params.append(("offset", str(to)))
        return request.url.path + "?" + urlencode(params)

    return {
        "first": offset + 1 if shown else 0, "last": offset + shown, "total": total,
        "previous": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + shown < total and shown == limit else None,
    }
