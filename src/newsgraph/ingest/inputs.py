"""Turn what a user names (files, directories, ``-``, JSONL, CSV, ``.gz``) into items.

An ``Item`` is one article before decoding. Reading a container never stops at a
bad entry: the entry becomes an item with ``error`` set (one line saying why), so
a corpus run reports it and goes on.

A directory is a folder of articles, not a repository: ``list_files`` walks it and
keeps article files only (see ``list_files`` for the rule), the same for ``read``,
``ingest`` and the Dask path. A ``NAME.json`` beside ``NAME.txt``/``NAME.html`` is
that article's metadata (a *sidecar*), never an article of its own.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fnmatch import fnmatch, fnmatchcase
from pathlib import Path
from typing import Any

from newsgraph.dates import normalize_published
from newsgraph.errors import InputError, InputTooLargeError, MissingInputError
from newsgraph.settings import (
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    MAX_JSON_INT_DIGITS,
    SIDECAR_SUFFIX,
    SKIP_NAMES,
    Limits,
)

#: Fields a JSONL object or CSV row may carry besides ``text``/``html``.
ITEM_FIELDS = ("id", "published", "title", "url", "authors")
#: The schema tag that marks a JSONL line as a whole record (what ``newsgraph export`` writes).
RECORD_SCHEMA = "newsgraph.record/1"
#: Sidecar keys, best first, for each metadata field (FakeNewsNet, newspaper3k and common scrapers).
SIDECAR_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("title", "headline"),
    "authors": ("authors", "author", "byline"),
    "url": ("url", "canonical_link", "link"),
    "published": ("published", "publish_date", "date_published", "datePublished", "published_at", "date"),
}
#: A sidecar larger than this is not metadata (bytes).
MAX_SIDECAR_BYTES = 1024 * 1024
#: Unix times (seconds) a sidecar's date may be: 1990-01-01 up to 2100-01-01.
EPOCH_RANGE = (631_152_000, 4_102_444_800)
#: A UTF-16 surrogate on its own: JSON can spell one (``"\ud800"``), UTF-8 cannot encode it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Item:
    """One article as named by the user, before decoding and cleaning.

    ``record`` holds a whole record read from a records JSONL (loaded as it is, not parsed
    again); ``warnings`` are one-line notes on metadata that was dropped (a date that is
    no date, a bad sidecar), printed by ``read`` and ``ingest``.
    """

    where: str
    format: str = "text"
    data: bytes | None = None
    text: str | None = None
    path: str | None = None
    line: int | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    error: str | None = None
    record: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def is_html(self) -> bool:
        return self.format == "html"


# --- listing files ---------------------------------------------------------------------------


def _inner_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _stem(path: Path) -> str:
    """The name without ``.gz`` and the format suffix: ``a.txt.gz`` → ``a``."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    return name[: -len(suffix)] if suffix else name


def _matches(name: str, rel: str, globs: Sequence[str]) -> bool:
    return any(fnmatch(name, g) or fnmatch(rel, g) for g in globs)


def _is_sidecar(path: Path) -> bool:
    """``NAME.json`` with a ``NAME.txt``/``NAME.html`` (or ``.gz`` of one) beside it."""
    if path.suffix.lower() != SIDECAR_SUFFIX:
        return False
    stem = path.name[: -len(SIDECAR_SUFFIX)]
    return any(path.with_name(stem + s + gz).exists() for s in (".txt", *HTML_SUFFIXES) for gz in ("", ".gz"))


def _wanted(path: Path, rel: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether a file met in a directory walk is read as an article."""
    name = path.name
    if _matches(name, rel, exclude) or _is_sidecar(path):
        return False
    if include:
        return _matches(name, rel, include)
    if _inner_suffix(path) not in ARTICLE_SUFFIXES:
        return False
    return not any(fnmatchcase(name.lower(), g) for g in SKIP_NAMES)


def _walk(top: Path, include: Sequence[str], exclude: Sequence[str]) -> list[Path]:
    """Article files under ``top``, sorted; a folder that cannot be listed is returned itself."""
    found: list[Path] = []
    unlistable: list[Path] = []

    def on_error(exc: OSError) -> None:
        unlistable.append(Path(exc.filename) if exc.filename else top)

    for folder, dirnames, filenames in os.walk(top, onerror=on_error):
        base = Path(folder)
        rel_base = base.relative_to(top)
        dirnames[:] = [d for d in dirnames
                       if not d.startswith(".") and not _matches(d, (rel_base / d).as_posix(), exclude)]
        for name in filenames:
            path = base / name
            if name.startswith(".") or not path.is_file():  # hidden, or a FIFO/socket/broken link
                continue
            if _wanted(path, (rel_base / name).as_posix(), include, exclude):
                found.append(path)
    return sorted(found + unlistable, key=lambda p: p.parts)


def list_files(
    paths: Iterable[str | Path], *, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[Path]:
    """The files ``paths`` name, directories walked, in order, without reading them.

    A path named directly is kept as it is (even when it does not exist: reading it
    says so). In a directory, hidden files and folders (``.git/``) are skipped, and so
    are files that are not articles: only ``.txt``, ``.text``, HTML, ``.jsonl``, ``.csv``
    (each also ``.gz``) and files without a suffix are read, never ``README*``,
    ``LICENSE*`` and the like (``settings.SKIP_NAMES``), and never a sidecar.
    ``include`` globs replace that rule (a file is read when it matches one);
    ``exclude`` globs skip files and folders. Globs match the file name or its path
    relative to the named directory. A folder that cannot be listed is returned
    itself, so whoever reads the list reports it (``iter_items`` does).

    Example: ``list_files(["feeds/"], exclude=["drafts/*"])``.
    """
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(_walk(path, include, exclude))
        else:
            out.append(path)
    return out


# --- reading one file ------------------------------------------------------------------------


def _read_bytes(path: Path, where: str, limits: Limits) -> bytes:
    if not path.exists():
        raise MissingInputError(where, "no such file or directory")
    if path.is_dir():  # ``list_files`` returns a folder only when it cannot be listed
        try:
            os.listdir(path)
            reason = "it is a directory"
        except OSError as exc:
            reason = (exc.strerror or "unreadable").lower()
        raise InputError(where, f"cannot list directory ({reason})")
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise InputTooLargeError(where, f"file is {size} bytes, over the limit of {limits.max_bytes}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(where, f"cannot read file ({exc.strerror})") from exc
    if path.suffix.lower() == ".gz":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
                data = fh.read(limits.max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(where, f"corrupt gzip file ({exc})") from exc
        if len(data) > limits.max_bytes:
            raise InputTooLargeError(where, f"decompressed over the limit of {limits.max_bytes} bytes")
    return data


# --- metadata fields -------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    return {list: "a list", dict: "an object", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


def _check_text(key: str, value: str) -> str:
    if LONE_SURROGATE.search(value):
        raise ValueError(f"field {key!r} holds a lone surrogate escape (not valid Unicode)")
    return value


def _text_field(obj: dict[str, Any], key: str) -> str | None:
    """A string field, ``None`` when absent or empty; ``ValueError`` naming the field when mistyped."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and key == "id":
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"field {key!r} must be text, not {_type_name(value)}")
    return _check_text(key, value)


def _split_names(text: str) -> list[str]:
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            parsed = None
        if isinstance(parsed, list) and all(isinstance(v, str) for v in parsed):
            return [v.strip() for v in parsed if v.strip()]
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


def _authors(value: Any) -> list[str]:
    """Author names from a list of strings or one string (``"A B, C D"``); ``ValueError`` otherwise."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        bad = next((v for v in value if not isinstance(v, str)), None)
        if bad is not None:
            raise ValueError(f"field 'authors' must list names as text, not {_type_name(bad)}")
        return [_check_text("authors", v).strip() for v in value if v.strip()]
    if not isinstance(value, str):
        raise ValueError(f"field 'authors' must be a list of names or text, not {_type_name(value)}")
    return _split_names(_check_text("authors", value))


def _published(value: Any, warnings: list[str]) -> str | None:
    """The publication date as given (checked, not normalised); a value that is no date is a warning."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if EPOCH_RANGE[0] <= value < EPOCH_RANGE[1]:
            return datetime.fromtimestamp(value, UTC).replace(tzinfo=None).isoformat(timespec="seconds")
        warnings.append(f"field 'published': {value!r} is not a date; ignored")
        return None
    if not isinstance(value, str):
        raise ValueError(f"field 'published' must be a date as text, not {_type_name(value)}")
    text = _check_text("published", value)
    if normalize_published(text) is None:
        warnings.append(f"field 'published': {_clip(text)!r} is not a date; ignored")
        return None
    return text


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def item_from_mapping(obj: dict[str, Any], where: str, path: str | None, fmt: str, line: int | None = None) -> Item:
    """An item from a JSONL object or CSV row with ``text`` or ``html``.

    A field of the wrong type (a list as ``title``, an object as ``authors``) refuses the
    line with an error naming the field; a ``published`` that is no date is dropped with
    a warning (the date may still come from the text).
    """
    item = Item(where=where, format=fmt, path=path, line=line)
    try:
        html, text = _text_field(obj, "html"), _text_field(obj, "text")
        item.id, item.url, item.title = _text_field(obj, "id"), _text_field(obj, "url"), _text_field(obj, "title")
        item.authors = _authors(obj.get("authors"))
        item.published = _published(obj.get("published"), item.warnings)
    except ValueError as exc:
        item.error = str(exc)
        return item
    if html is not None:
        item.text, item.format = html, "html"
    elif text is not None:
        item.text = text
    else:
        item.error = "no 'text' or 'html' field"
    return item


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_JSON_INT_DIGITS:
        raise ValueError(f"a number of {len(digits)} digits (at most {MAX_JSON_INT_DIGITS})")
    return int(digits)


def load_json(text: str) -> Any:
    """``json.loads`` that refuses huge integers and deep nesting: a ``ValueError`` saying why in a few words."""
    try:
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise ValueError(exc.msg) from None
    except RecursionError:
        raise ValueError("nested too deep") from None


# --- sidecars --------------------------------------------------------------------------------


def _sidecar_path(path: Path) -> Path:
    return path.with_name(_stem(path) + SIDECAR_SUFFIX)


def _apply_sidecar(item: Item, path: Path) -> None:
    """Fill ``item``'s metadata from ``NAME.json`` beside it; a bad sidecar is a warning, not an error."""
    sidecar = _sidecar_path(path)
    if not sidecar.is_file():
        return
    label = f"sidecar {sidecar.name}"
    try:
        if sidecar.stat().st_size > MAX_SIDECAR_BYTES:
            raise ValueError(f"over {MAX_SIDECAR_BYTES} bytes")
        obj = load_json(sidecar.read_bytes().decode("utf-8-sig", errors="replace"))
    except OSError as exc:
        item.warnings.append(f"{label}: cannot read ({exc.strerror}); ignored")
        return
    except ValueError as exc:
        item.warnings.append(f"{label}: malformed JSON ({exc}); ignored")
        return
    if not isinstance(obj, dict):
        item.warnings.append(f"{label}: not a JSON object; ignored")
        return
    picked = {name: next((obj[k] for k in keys if obj.get(k) not in (None, "", [])), None)
              for name, keys in SIDECAR_KEYS.items()}
    for name, value in picked.items():
        if value is None:
            continue
        try:
            if name == "authors":
                item.authors = _authors(value)
            elif name == "published":
                notes: list[str] = []
                item.published = _published(value, notes)
                item.warnings += [f"{label}: {note}" for note in notes]
            else:
                setattr(item, name, _text_field({name: value}, name))
        except ValueError as exc:
            item.warnings.append(f"{label}: {exc}; ignored")


# --- containers ------------------------------------------------------------------------------


def _jsonl_items(data: bytes, where: str, path: str) -> Iterator[Item]:
    for lineno, line in enumerate(data.decode("utf-8-sig", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        line_where = f"{where}:{lineno}"
        try:
            obj = load_json(line)
        except ValueError as exc:
            yield Item(where=line_where, format="jsonl", path=path, line=lineno, error=f"malformed JSON line ({exc})")
            continue
        if not isinstance(obj, dict):
            yield Item(where=line_where, format="jsonl", path=path, line=lineno, error="JSON line is not an object")
            continue
        if obj.get("schema") == RECORD_SCHEMA:
            yield Item(where=line_where, format="record", path=path, line=lineno, record=obj)
            continue
        yield item_from_mapping(obj, line_where, path, "jsonl", lineno)


def _csv_items(data: bytes, where: str, path: str) -> Iterator[Item]:
    """Rows of a CSV file; a row with an unbalanced quote is an error naming the line it opens on.

    After such a row, reading starts again on the next line, so the rows after it are read
    (each still checked). A row whose field count differs from the header's (the usual trace
    of a quote that swallowed the next row) is an error of its own, never an article.
    """
    from newsgraph.ingest.decode import decode_bytes

    csv.field_size_limit(sys.maxsize)
    lines = decode_bytes(data, where).splitlines(keepends=True)
    reader = csv.reader(io.StringIO("".join(lines[:1]), newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(where, f"CSV header is malformed ({exc})") from None
    if not header or not ({"text", "html"} & set(header)):
        raise InputError(where, "CSV has no 'text' or 'html' column")
    offset = 1  # physical lines before the ones ``reader`` reads
    reader = csv.reader(io.StringIO("".join(lines[offset:]), newline=""), strict=True)
    while True:
        start = offset + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Item(where=f"{where}:{start}", format="csv", path=path, line=start,
                       error=f"CSV row on line {start} has an unbalanced quote ({exc})")
            offset = start
            reader = csv.reader(io.StringIO("".join(lines[offset:]), newline=""), strict=True)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            end = offset + reader.line_num
            span = f"line {start}" if end == start else f"lines {start}-{end}"
            yield Item(where=f"{where}:{start}", format="csv", path=path, line=start,
                       error=f"CSV row on {span} has {len(row)} fields, the header {len(header)} "
                             "(an unbalanced quote?)")
            continue
        yield item_from_mapping(dict(zip(header, row, strict=True)), f"{where}:{start}", path, "csv", start)


def _file_items(path: Path, where: str, limits: Limits) -> Iterator[Item]:
    kind = _inner_suffix(path)
    try:
        data = _read_bytes(path, where, limits)
    except InputError as exc:
        yield Item(where=where, path=str(path), error=exc.reason)
        return
    if kind == ".jsonl":
        yield from _jsonl_items(data, where, str(path))
    elif kind == ".csv":
        try:
            yield from _csv_items(data, where, str(path))
        except InputError as exc:
            yield Item(where=where, format="csv", path=str(path), error=exc.reason)
    else:
        fmt = "html" if kind in HTML_SUFFIXES else "text"
        item = Item(where=where, format=fmt, data=data, path=str(path))
        _apply_sidecar(item, path)
        yield item


def _stdin_item(limits: Limits) -> Item:
    data = sys.stdin.buffer.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        return Item(where="-", path="-", error=f"input over the limit of {limits.max_bytes} bytes")
    if data.lstrip()[:1] == b"<":
        return Item(where="-", path="-", format="html", data=data)
    return Item(where="-", path="-", data=data)


def iter_items(
    paths: Iterable[str | Path],
    limits: Limits | None = None,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Iterator[Item]:
    """Every article named by ``paths``, in order (directories through ``list_files``); bad ones carry ``error``.

    One input never stops the others: whatever goes wrong reading a file becomes that
    file's (or line's) error.
    """
    limits = limits or Limits.from_env()
    for name in paths:
        if str(name) == "-":
            yield _stdin_item(limits)
            continue
        for path in list_files([name], include=include, exclude=exclude):
            where = str(path)
            try:
                yield from _file_items(path, where, limits)
            except (OSError, ValueError, UnicodeError, RecursionError, MemoryError) as exc:
                # Past the checks above (a file changing while read): still this input's error alone.
                yield Item(where=where, path=where, error=f"cannot read ({type(exc).__name__}: {exc})")
