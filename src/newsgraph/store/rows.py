"""A record as table rows, and its raw input: what one article's write transaction holds.

The normalised tables carry what queries need; the full record JSON goes to
``records`` untouched, so a field the extractors add later is kept even before
a table has a column for it.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newsgraph.record import Record, claim_parts
from newsgraph.store.entities import name_key, resolve

if TYPE_CHECKING:
    from newsgraph.ingest import Item

#: Item fields kept with the raw input so ``reprocess`` rebuilds the same item.
ITEM_FIELDS = ("where", "format", "path", "line", "id", "url", "title", "authors", "published")


@dataclass
class RawInput:
    """The raw bytes (or text) of an input and the item fields around them."""

    item: dict
    data: bytes
    is_text: bool

    @classmethod
    def from_item(cls, item: Item) -> RawInput | None:
        if item.data is not None:
            return cls({k: getattr(item, k) for k in ITEM_FIELDS}, item.data, False)
        if item.text is not None:
            return cls({k: getattr(item, k) for k in ITEM_FIELDS}, item.text.encode("utf-8"), True)
        return None

    def to_item(self) -> Item:
        """The ``Item`` to read again (``reprocess``); the input stage is imported only then."""
        from newsgraph.ingest import Item

        item = Item(**self.item)
        if self.is_text:
            item.text = self.data.decode("utf-8")
        else:
            item.data = self.data
        return item

    def to_row(self, article_id: str) -> tuple[str, str, bytes]:
        meta = dict(self.item, is_text=self.is_text)
        return article_id, json.dumps(meta, ensure_ascii=False), zlib.compress(self.data, 6)

    @classmethod
    def from_row(cls, item_json: str, data: bytes) -> RawInput:
        meta = json.loads(item_json)
        is_text = bool(meta.pop("is_text", False))
        return cls(meta, zlib.decompress(data), is_text)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _b(value: bool | None) -> int | None:
    return None if value is None else int(value)


def delete_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Remove an article and (by cascade) all its rows; corpus entities and decisions stay."""
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))


#: The columns of each table one article writes, in insert order: the one definition the SQLite
#: store and the Parquet corpus (``newsgraph.distributed``) share. ``entities.corpus_entity_id`` is
#: resolved by the store (``entities.resolve``); a Parquet corpus builds it in its own entity job.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "path", "line", "input_id", "url", "format", "title", "authors", "published",
                 "published_from", "outlet", "dateline", "language", "text", "n_words", "newsgraph_version",
                 "model", "pipeline", "ingested_at"),
    "records": ("id", "json"),
    "raw_inputs": ("id", "item", "data"),
    "entities": ("article_id", "id", "name", "type", "titles", "salience", "n_mentions", "key",
                 "corpus_entity_id"),
    "mentions": ("article_id", "entity_id", "start", "end", "text", "kind"),
    "times": ("article_id", "id", "start", "end", "text", "type", "value", "mod", "anchored", "role"),
    "sources": ("article_id", "id", "entity_id", "description", "kind", "anonymous", "count", "affiliation",
                "reason", "declined_to_comment", "n_mentions", "role", "gender"),
    "attributions": ("article_id", "id", "source_id", "cue_start", "cue_end", "cue", "content_start",
                     "content_end", "content", "kind", "quoted", "part_of"),
    "events": ("article_id", "id", "actor", "actor_text", "predicate", "target", "target_text", "object_text",
               "negated", "modality", "time_id", "date", "date_reason", "source_id", "code", "mode", "cameo",
               "sentence_start", "sentence_end", "main", "salience", "predicate_text"),
    "relations": ("article_id", "position", "a", "b", "polarity", "start", "end", "text", "date"),
    "warnings": ("article_id", "position", "stage", "message"),
}
#: The columns of a failed input's row (``failures`` adds ``attempts`` and ``failed_at`` when stored).
FAILURE_COLUMNS = ("id", "where", "path", "line", "reason", "newsgraph_version")


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


def article_rows(record: Record, raw: RawInput | None = None, *, ingested_at: str | None = None
                 ) -> dict[str, list[tuple]]:
    """The rows of every table for one record, keyed by table, columns as in ``COLUMNS``.

    ``entities`` rows carry ``corpus_entity_id`` = None: cross-article resolution
    needs the whole corpus, not one record.
    """
    meta, src, gen = record.meta, record.source, record.generator
    aid = record.id
    # A record made before events were scored marks none main: all its events stay in timelines.
    marks_main = any(v.main for v in record.events)
    parts = claim_parts(record.attributions)  # a quoted fragment of a paraphrase: part of its claim
    rows: dict[str, list[tuple]] = {
        "articles": [(
            aid, src.path, getattr(src, "line", None), src.id, src.url, src.format, meta.title,
            json.dumps(meta.authors, ensure_ascii=False), meta.published, meta.published_from, meta.outlet,
            meta.dateline, meta.language, record.text, len(record.text.split()),
            gen.newsgraph if gen else None, gen.model if gen else None,
            gen.pipeline if gen else None, ingested_at or _now(),
        )],
        "records": [(aid, record.to_json())],
        "raw_inputs": [raw.to_row(aid)] if raw is not None else [],
        "entities": [
            (aid, entity.id, entity.name, entity.type, json.dumps(entity.titles, ensure_ascii=False),
             entity.salience, len(entity.mentions), name_key(entity.name, entity.type), None)
            for entity in record.entities
        ],
        "mentions": [(aid, entity.id, m.start, m.end, m.text, m.kind)
                     for entity in record.entities for m in entity.mentions],
        "times": [(aid, t.id, t.start, t.end, t.text, t.type, t.value, t.mod, _b(t.anchored), t.role)
                  for t in record.times],
        "sources": [(aid, s.id, s.entity, s.description, s.kind, _b(s.anonymous), s.count, s.affiliation, s.reason,
                     _b(s.declined_to_comment), len(s.mentions), s.role, s.gender) for s in record.sources],
        "attributions": [
            (aid, a.id, a.source, a.cue.start if a.cue else None, a.cue.end if a.cue else None,
             a.cue.text if a.cue else None, a.content.start, a.content.end, a.content.text, a.kind, _b(a.quoted),
             parts.get(a.id))
            for a in record.attributions
        ],
        "events": [
            (aid, v.id, v.actor, v.actor_text, v.predicate, v.target, v.target_text, v.object_text, _b(v.negated),
             v.modality, v.time, v.date, v.date_reason, v.source, v.code, v.mode, v.cameo, v.sentence.start,
             v.sentence.end, int(v.main or not marks_main), v.salience, v.predicate_text) for v in record.events
        ],
        "relations": [(aid, i, r.a, r.b, r.polarity, r.text.start, r.text.end, r.text.text, r.date)
                      for i, r in enumerate(record.relations)],
        "warnings": [(aid, i, w.stage, w.message) for i, w in enumerate(record.warnings)],
    }
    return rows


def failure_row(record: Record, where: str) -> tuple:
    """The ``FAILURE_COLUMNS`` row of a record whose input could not be read."""
    version = record.generator.newsgraph if record.generator else None
    return (record.id, where, record.source.path, record.source.line, record.source.error, version)


def insert_record(conn: sqlite3.Connection, record: Record, raw: RawInput | None = None) -> set[int]:
    """Write one record's rows; returns the corpus entities it touched. The caller holds the transaction."""
    rows = article_rows(record, raw)
    touched: set[int] = set()
    entity_rows = []
    for row, entity in zip(rows["entities"], record.entities, strict=True):
        corpus_id = resolve(conn, record.id, entity.name, entity.type)
        touched.add(corpus_id)
        entity_rows.append((*row[:-1], corpus_id))
    rows["entities"] = entity_rows
    for table, columns in COLUMNS.items():
        if rows[table]:
            conn.executemany(_insert_sql(table, columns), rows[table])
    return touched


def record_failure(
    conn: sqlite3.Connection, failure_id: str, where: str, path: str | None, line: int | None, reason: str,
    version: str | None,
) -> None:
    conn.execute(
        'INSERT INTO failures (id, "where", path, line, reason, newsgraph_version, attempts, failed_at) '
        "VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT(id) DO UPDATE SET attempts = attempts + 1, "
        'reason = excluded.reason, "where" = excluded."where", newsgraph_version = excluded.newsgraph_version, '
        "failed_at = excluded.failed_at",
        (failure_id, where, path, line, reason, version, _now()),
    )
