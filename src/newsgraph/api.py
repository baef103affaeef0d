"""The Python API: ``read`` one article, ``Reader.read_many`` a corpus.

The work for one item runs in three stages: *prepare* (decode, HTML
extraction, cleaning, metadata), *parse* (spaCy with newsgraph's components,
batched through ``nlp.pipe``) and *assemble* (the typed ``Record``). The CLI,
the store and the evaluations all come through here.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import __version__
from newsgraph.clean import Cleaned, clean
from newsgraph.clean.dates import find_date
from newsgraph.clean.pages import map_into_page
from newsgraph.dates import normalize_published
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.extract.attribution.profile import sourcing_profile
from newsgraph.extract.failures import strict
from newsgraph.ingest import Item, decode_bytes, extract_html, iter_items
from newsgraph.ingest.decode import translate_c1
from newsgraph.ingest.language import ENGLISH, detect_language, skipped_for_language
from newsgraph.nlp import extensions as ext
from newsgraph.nlp.factories import COMPONENTS
from newsgraph.nlp.pipeline import load, model_label, parse_in_sections
from newsgraph.record import SCHEMA, Generator, Meta, Record, SourceInfo, TimeExpression
from newsgraph.settings import SECTION_CHARS, Limits

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

ItemLike = Item | str | Path

#: The packages whose code and data decide what a record holds.
_STAGE_PACKAGES = ("ingest", "clean", "nlp", "extract")


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A short hash of every stage's source and data files.

    Records carry it so a store can tell which records an older build made even
    when the version number did not change.
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for package in _STAGE_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".tsv", ".json", ".txt", ".csv"):
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class Prepared:
    """An item after decoding and cleaning, ready to parse."""

    item: Item
    record_id: str
    cleaned: Cleaned | None = None
    meta: Meta = field(default_factory=Meta)
    url: str | None = None
    error: str | None = None
    #: A whole record read from a records JSONL: kept as it is, not parsed again.
    loaded: Record | None = None


#: What a record id looks like (a SHA-256 in hex); a loaded record with another id gets one made.
_RECORD_ID = re.compile(r"[0-9a-f]{64}")


def record_id(item: Item) -> str:
    """The id of the record an item gives: the SHA-256 of its raw bytes (idempotent ingest keys on it).

    A record loaded from a records JSONL keeps its own id. Text with a lone surrogate (which
    UTF-8 cannot encode) still hashes, so planning an ingest never dies on one input.
    """
    if item.record is not None:
        rid = item.record.get("id")
        if isinstance(rid, str) and _RECORD_ID.fullmatch(rid):
            return rid
        payload = json.dumps(item.record, sort_keys=True, default=str).encode("utf-8", "surrogatepass")
        return hashlib.sha256(payload).hexdigest()
    payload = item.data if item.data is not None else (item.text or "").encode("utf-8", "surrogatepass")
    if item.error and not payload:
        payload = f"error:{item.where}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(payload).hexdigest()


def _load_record(item: Item) -> Record:
    """The record of a records-JSONL line, validated; ``InputError`` saying which field is wrong."""
    try:
        record = Record.from_dict(item.record or {})
        record.to_json()  # a lone surrogate cannot be written back out
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "record"
        raise InputError(item.where, f"not a valid {SCHEMA} record ({where}: {first['msg']})") from None
    except (ValueError, UnicodeError) as exc:
        raise InputError(item.where, f"not a valid {SCHEMA} record ({type(exc).__name__})") from None
    return record


def prepare(item: Item, published: str | date | None = None) -> Prepared:
    """Decode, extract and clean one item. Never raises on bad input: sets ``error``.

    Outside strict mode (``NEWSGRAPH_STRICT``) an unexpected failure while preparing one
    input is that input's error too, so one strange file never stops a batch.
    """
    prepared = Prepared(item=item, record_id=record_id(item))
    if item.error:
        prepared.error = item.error
        return prepared
    try:
        return _prepare(prepared, item, published)
    except NewsgraphError:
        raise
    except Exception as exc:  # the batch goes on; strict mode (the tests) shows the bug
        if strict():
            raise
        first_line = (str(exc).splitlines() or [""])[0][:200]
        prepared.error = f"cannot prepare this input ({type(exc).__name__}: {first_line})"
        return prepared


def _prepare(prepared: Prepared, item: Item, published: str | date | None) -> Prepared:
    if item.record is not None:
        try:
            prepared.loaded = _load_record(item)
        except InputError as exc:
            prepared.error = exc.reason
        return prepared
    try:
        # Text handed over as a string gets the decoding rule for C1 controls too (one for one).
        raw = translate_c1(item.text) if item.text is not None else decode_bytes(item.data or b"", item.where)
        if not raw.strip():
            raise InputError(item.where, "empty input")
        html_meta = None
        if item.is_html:
            html_meta = extract_html(raw, item.where, url=item.url)
            cleaned = clean(html_meta.text, fmt="html")
            map_into_page(raw, cleaned)  # offsets into the extracted text -> into the page
        else:
            cleaned = clean(raw)
    except InputError as exc:
        prepared.error = exc.reason
        return prepared
    if not cleaned.text.strip():
        prepared.error = "no article text left after cleaning"
        return prepared

    sources_of_date = (
        ("given", published),
        ("metadata", item.published),
        ("metadata", html_meta.published if html_meta else None),
        ("text", cleaned.published),
    )
    meta = Meta(
        title=item.title or (html_meta.title if html_meta else None) or cleaned.title,
        authors=item.authors or (html_meta.authors if html_meta else []) or cleaned.authors,
        outlet=(html_meta.outlet if html_meta else None) or cleaned.outlet,
        dateline=cleaned.dateline,
        language=detect_language(cleaned.text),
    )
    for origin, value in sources_of_date:
        iso = normalize_published(value)
        if iso:
            meta.published, meta.published_from = iso, origin
            break
    prepared.cleaned = cleaned
    prepared.meta = meta
    prepared.url = item.url or (html_meta.url if html_meta else None)
    return prepared


def _source_info(prepared: Prepared) -> SourceInfo:
    item = prepared.item
    path = item.path if item.path else (None if item.where.startswith("<") else item.where)
    return SourceInfo(
        id=item.id, path=path, line=item.line, url=prepared.url, format=item.format, error=prepared.error
    )


def assemble(prepared: Prepared, doc: Doc | None, generator: Generator) -> Record:
    """The record of a prepared item and its parse."""
    if prepared.loaded is not None:
        return prepared.loaded
    record = Record(id=prepared.record_id, source=_source_info(prepared), generator=generator)
    if prepared.error or prepared.cleaned is None or doc is None:
        return record
    cleaned = prepared.cleaned
    record.meta = prepared.meta
    record.text = cleaned.text
    record.paragraphs = cleaned.paragraphs
    record.raw_spans = cleaned.raw_spans
    record.removed = cleaned.removed
    record.entities = ext.get_list(doc, ext.ENTITIES)
    record.times = ext.get_list(doc, ext.TIMES)
    record.sources = ext.get_list(doc, ext.SOURCES)
    record.attributions = ext.get_list(doc, ext.ATTRIBUTIONS)
    record.events = ext.get_list(doc, ext.EVENTS)
    record.relations = ext.get_list(doc, ext.RELATIONS)
    record.warnings = ext.get_list(doc, ext.WARNINGS)
    record.sourcing = sourcing_profile(record.sources, record.attributions)
    publication = publication_time(cleaned, prepared.meta.published)
    if publication is not None:
        record.times.insert(0, publication)
    return record


def publication_time(cleaned: Cleaned, published: str | None) -> TimeExpression | None:
    """The publication date as written in a removed byline or dateline, with its raw offsets.

    The byline is not part of the clean text, so the time has an empty span at
    0 and points into the raw input instead; its id is ``t0``.
    """
    if not published:
        return None
    for piece in cleaned.removed:
        if piece.reason not in ("byline", "dateline") or piece.raw_start is None:
            continue
        found = find_date(piece.text)
        if found is None or found.iso != published[:10]:
            continue
        return TimeExpression(
            id="t0", start=0, end=0, text=" ".join(piece.text[found.start : found.end].split()), type="DATE",
            value=found.iso, role="publication",
            raw_start=piece.raw_start + found.start, raw_end=piece.raw_start + found.end,
        )
    return None


_PATH_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".csv", ".gz", ".md")


def _looks_like_path(value: str) -> bool:
    """A string names a file when it exists, or is one short line ending like an input file."""
    if "\n" in value or len(value) > 4096 or not value.strip():
        return False
    try:
        if Path(value).exists():
            return True
    except (OSError, ValueError):  # too long for a file name, or a NUL byte: it is text
        return False
    return " " not in value.strip() and value.lower().endswith(_PATH_SUFFIXES)


def _as_item(value: ItemLike) -> Iterator[Item]:
    if isinstance(value, Item):
        yield value
        return
    if isinstance(value, Path) or _looks_like_path(value):
        yield from iter_items([str(value)])
        return
    text = str(value)
    fmt = "html" if text.lstrip()[:1] == "<" else "text"
    yield Item(where="<text>", format=fmt, text=text)


class Reader:
    """Loads the model once and reads articles into records.

    ``Reader(model="en_core_web_sm")`` picks a model; by default the best
    installed official English model, else the PyPI mirror.
    """

    def __init__(self, model: str | None = None, *, limits: Limits | None = None) -> None:
        self.model_name = model
        self.nlp: Language = load(model)
        self.use_limits(limits or Limits.from_env())
        self.generator = Generator(newsgraph=__version__, model=model_label(self.nlp), pipeline=pipeline_fingerprint())

    def use_limits(self, limits: Limits) -> None:
        """Read with ``limits`` from now on (a command applies the environment's to the shared reader)."""
        self.limits = limits
        # The model takes what the limits allow; the parse limit is newsgraph's own check.
        self.nlp.max_length = max(self.nlp.max_length, limits.max_chars + 1)

    def read(self, source: ItemLike, published: str | date | None = None) -> Record:
        """One article: a path, an ``Item``, or the text itself. Raises ``InputError`` when bad."""
        items = list(_as_item(source))
        if len(items) != 1:
            raise InputError(str(source), f"names {len(items)} articles; use read_many")
        record = next(self.read_many(items, published=published))
        if record.source.error:
            raise InputError(items[0].where, record.source.error)
        return record

    def read_many(
        self,
        items: Iterable[ItemLike],
        *,
        published: str | date | None = None,
        n_process: int = 1,
        batch_size: int = 32,
    ) -> Iterator[Record]:
        """Records for every item, in input order, with bounded memory.

        Bad items give a record with ``source.error`` set and the run goes on.
        ``n_process > 1`` spreads batches over worker processes, each with its
        own model.
        """
        flat = (item for value in items for item in _as_item(value))
        if n_process > 1:
            yield from _read_parallel(self, flat, published, n_process, batch_size)
            return
        prepared_stream = (prepare(item, published) for item in flat)
        yield from self._parse_prepared(prepared_stream, batch_size)

    def _parse_prepared(self, prepared_stream: Iterable[Prepared], batch_size: int) -> Iterator[Record]:
        # Texts over SECTION_CHARS pass the batch as an empty placeholder and are parsed in
        # sections when their turn comes, so the order and the other documents' batches stay.
        long_texts: dict[int, str] = {}

        def docs() -> Iterator[tuple[Doc, Prepared]]:
            for prepared in prepared_stream:
                text = prepared.cleaned.text if prepared.cleaned and not prepared.error else ""
                if prepared.meta.language != ENGLISH:
                    text = ""  # the extractors read English only: skipped, with a note (below)
                if len(text) > self.limits.max_chars:
                    # Refused before spaCy sees it (its E088 would stop the whole batch).
                    prepared.error = (f"clean text is {len(text):,} characters, over the parse limit of "
                                      f"{self.limits.max_chars:,} (NEWSGRAPH_MAX_CHARS)")
                    text = ""
                elif len(text) > SECTION_CHARS:
                    long_texts[id(prepared)] = text
                    text = ""
                doc = self.nlp.make_doc(text)
                setattr(doc._, ext.PUBLISHED, prepared.meta.published)
                yield doc, prepared

        for doc, prepared in self.nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
            text = long_texts.pop(id(prepared), None)
            if text is not None:
                doc = self._parse_long(text, prepared.meta.published)
            record = assemble(prepared, doc, self.generator)
            if not prepared.error and prepared.loaded is None:  # a loaded record keeps its own warnings
                record.warnings.extend(skipped_for_language(prepared.meta.language))
            yield record

    def _parse_long(self, text: str, published: str | None) -> Doc:
        """A text over ``SECTION_CHARS``: the model in sections (memory bounded), then newsgraph's components."""
        doc = parse_in_sections(self.nlp, text, SECTION_CHARS)
        setattr(doc._, ext.PUBLISHED, published)
        for name, component in self.nlp.pipeline:
            if name in COMPONENTS:
                doc = component(doc)
        return doc

    def parse(self, text: str, published: str | None = None) -> Doc:
        """The spaCy ``Doc`` of a clean text with newsgraph's extensions set."""
        doc = self.nlp.make_doc(text)
        setattr(doc._, ext.PUBLISHED, normalize_published(published))
        return next(self.nlp.pipe([doc]))


# --- multiprocessing -----------------------------------------------------------

_WORKER: Reader | None = None


def _init_worker(model: str | None) -> None:
    """Use the ``Reader`` inherited from the parent (forked with its model loaded), else load one."""
    global _WORKER
    if _WORKER is None or _WORKER.model_name != model:
        _WORKER = Reader(model)


def _work(batch: list[tuple[Item, str | None]]) -> list[Record]:
    assert _WORKER is not None
    prepared = [prepare(item, published) for item, published in batch]
    return list(_WORKER._parse_prepared(prepared, batch_size=len(batch) or 1))


def _read_parallel(
    reader: Reader,
    items: Iterator[Item],
    published: str | date | None,
    n_process: int,
    batch_size: int,
) -> Iterator[Record]:
    published_iso = normalize_published(published)
    ctx = multiprocessing.get_context("fork")
    # Batches in flight: enough that no worker waits for the next while the main process
    # stores results, few enough to bound memory. A batch is sent as soon as one is taken
    # back (not window by window), so a slow batch never leaves the other workers idle.
    window = n_process * 3
    batches = ([(item, published_iso) for item in batch] for batch in _batched(items, batch_size))
    # Workers are forked while ``_WORKER`` holds this reader, so they start with its model
    # loaded (pages shared copy-on-write) instead of each loading the model again.
    global _WORKER
    previous, _WORKER = _WORKER, reader
    try:
        pool = ctx.Pool(n_process, initializer=_init_worker, initargs=(reader.model_name,))
    finally:
        _WORKER = previous
    with pool:
        pending: deque[AsyncResult[list[Record]]] = deque()
        for batch in islice(batches, window):
            pending.append(pool.apply_async(_work, (batch,)))
        while pending:
            records = pending.popleft().get()
            for batch in islice(batches, 1):
                pending.append(pool.apply_async(_work, (batch,)))
            yield from records


def _batched(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(islice(items, size)):
        yield batch


_DEFAULT_READER: dict[str | None, Reader] = {}


def get_reader(model: str | None = None) -> Reader:
    """A shared ``Reader`` per model name, loaded on first use and kept for later calls."""
    reader = _DEFAULT_READER.get(model)
    if reader is None:
        reader = _DEFAULT_READER[model] = Reader(model)
    return reader


def read(path_or_text: ItemLike, published: str | date | None = None, *, model: str | None = None) -> Record:
    """Read one article (a path or the text itself) into a record."""
    return get_reader(model).read(path_or_text, published=published)


__all__ = ["NewsgraphError", "Prepared", "Reader", "assemble", "get_reader", "prepare", "read", "record_id"]
