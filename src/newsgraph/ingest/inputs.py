"""Turn what a user names (files, directories, ``-``, JSONL, CSV, ``.gz``) into items.

An ``Item`` is one article before decoding. Reading a container never stops at a
bad entry: the entry becomes an item with ``error`` set, so a corpus run reports
it and goes on.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError, InputTooLargeError, MissingInputError
from newsgraph.settings import HTML_SUFFIXES, SKIP_SUFFIXES, Limits

#: Fields a JSONL object or CSV row may carry besides ``text``/``html``.
ITEM_FIELDS = ("id", "published", "title", "url", "authors")


@dataclass
class Item:
    """One article as named by the user, before decoding and cleaning."""

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

    @property
    def is_html(self) -> bool:
        return self.format == "html"


def _inner_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _read_bytes(path: Path, where: str, limits: Limits) -> bytes:
    if not path.exists():
        raise MissingInputError(where, "no such file or directory")
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
        except (OSError, EOFError) as exc:
            raise InputError(where, f"corrupt gzip file ({exc})") from exc
        if len(data) > limits.max_bytes:
            raise InputTooLargeError(where, f"decompressed over the limit of {limits.max_bytes} bytes")
    return data


def _authors(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value)
    if text.startswith("["):
        try:
            parsed = json.loads(text)
            if isinstance(parsed, list):
                return [str(v).strip() for v in parsed if str(v).strip()]
        except json.JSONDecodeError:
            pass
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


def item_from_mapping(obj: dict[str, Any], where: str, path: str | None, fmt: str, line: int | None = None) -> Item:
    """An item from a JSONL object or CSV row with ``text`` or ``html``."""
    def opt(key: str) -> str | None:
        value = obj.get(key)
        return None if value is None or value == "" else str(value)

    html, text = opt("html"), opt("text")
    item = Item(
        where=where,
        format=fmt,
        path=path,
        line=line,
        id=opt("id"),
        url=opt("url"),
        title=opt("title"),
        authors=_authors(obj.get("authors")),
        published=opt("published"),
    )
    if html is not None:
        item.text, item.format = html, "html"
    elif text is not None:
        item.text = text
    else:
        item.error = "no 'text' or 'html' field"
    return item


def _jsonl_items(data: bytes, where: str, path: str) -> Iterator[Item]:
    for lineno, line in enumerate(data.decode("utf-8-sig", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        line_where = f"{where}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(where=line_where, format="jsonl", path=path, line=lineno,
                       error=f"malformed JSON line ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield Item(where=line_where, format="jsonl", path=path, line=lineno, error="JSON line is not an object")
            continue
        yield item_from_mapping(obj, line_where, path, "jsonl", lineno)


def _csv_items(data: bytes, where: str, path: str) -> Iterator[Item]:
    from newsgraph.ingest.decode import decode_bytes

    csv.field_size_limit(sys.maxsize)
    text = decode_bytes(data, where)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not ({"text", "html"} & set(reader.fieldnames)):
        raise InputError(where, "CSV has no 'text' or 'html' column")
    for rowno, row in enumerate(reader, 2):
        yield item_from_mapping(row, f"{where}:{rowno}", path, "csv", rowno)


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
        yield Item(where=where, format=fmt, data=data, path=str(path))


def _walk(directory: Path) -> Iterator[Path]:
    for child in sorted(directory.rglob("*")):
        if child.is_file() and not child.name.startswith(".") and _inner_suffix(child) not in SKIP_SUFFIXES:
            yield child


def list_files(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> list[str]:
    """The input files ``paths`` name, in the order ``iter_items`` reads them (directories walked).

    ``include``/``exclude`` are glob patterns on the file name; a named file is
    kept as named (``-`` and missing paths too, so the reader reports them).
    """
    from fnmatch import fnmatch

    include, exclude = tuple(include), tuple(exclude)

    def keep(path: Path) -> bool:
        if include and not any(fnmatch(path.name, pat) for pat in include):
            return False
        return not any(fnmatch(path.name, pat) for pat in exclude)

    out: list[str] = []
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            out.extend(str(child) for child in _walk(path) if keep(child))
        else:
            out.append(str(name))
    return out


def iter_items(paths: Iterable[str], limits: Limits | None = None) -> Iterator[Item]:
    """Every article named by ``paths``, in order; bad ones carry ``error``."""
    limits = limits or Limits.from_env()
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read(limits.max_bytes + 1)
            if len(data) > limits.max_bytes:
                yield Item(where="-", path="-", error=f"input over the limit of {limits.max_bytes} bytes")
            elif data.lstrip()[:1] == b"<":
                yield Item(where="-", path="-", format="html", data=data)
            else:
                yield Item(where="-", path="-", data=data)
            continue
        path = Path(name)
        if path.is_dir():
            for child in _walk(path):
                yield from _file_items(child, str(child), limits)
        elif not path.exists():
            yield Item(where=name, path=name, error="no such file or directory")
        else:
            yield from _file_items(path, name, limits)
