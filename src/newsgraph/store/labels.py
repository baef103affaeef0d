"""The one label of an article in lists: its headline, else its first sentence shortened, else its file name.

Pure string code (the store imports no spaCy), shared by the store's queries,
the web app and the CLI so an article reads the same everywhere and no list
shows a bare hash.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import TYPE_CHECKING, Any

from newsgraph.record import claim_parts
from newsgraph.vocab.calendar import MONTHS

if TYPE_CHECKING:
    import pandas as pd

#: About how many characters a label cut from the text may have (it is cut at a word).
LABEL_CHARS = 80
#: Characters of the text read to find the first sentence (more than a label ever needs).
LEAD_CHARS = 400
#: The end of a first sentence: ., ! or ? (with closing quotes or brackets) before white space.
RE_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)")
RE_SPACE = re.compile(r"\s+")
#: Words a period follows without ending a sentence (titles, company forms), lower case.
ABBREVIATIONS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof", "rev",
    "jr", "sr", "no", "co", "corp", "inc", "ltd", "vs", "sept",
}) | frozenset(name for name in MONTHS if len(name) <= 4 and name not in ("may", "june", "july"))  # short forms
#: The word before a period: letters, or single letters with periods between them ("U.S", "p.m").
RE_LAST_WORD = re.compile(r"(?:\b\w(?:\.\w)+|\b\w+)$")


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` on one line, cut at the last word that fits in ``limit`` characters (with "…")."""
    text = RE_SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 3:  # a very long first word is cut inside it rather than left alone
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def first_sentence(text: str) -> str:
    """The text up to the end of its first sentence (all of ``text`` when none ends in it)."""
    text = RE_SPACE.sub(" ", text).strip()
    for match in RE_SENTENCE_END.finditer(text):
        word = RE_LAST_WORD.search(text[: match.start()])
        if match.group().startswith(".") and word and (
                word.group().lower() in ABBREVIATIONS or len(word.group()) == 1 or "." in word.group()):
            continue
        return text[: match.end()]
    return text


def file_name(origin: str | None) -> str:
    """The last part of a path or URL (``a/b/c.txt`` → ``c.txt``), or ``""``."""
    if not origin:
        return ""
    return origin.rstrip("/").rsplit("/", 1)[-1] or origin


def article_label(title: str | None, text: str | None = None, origin: str | None = None,
                  article_id: str | None = None) -> str:
    """How lists name an article: the headline, else its first sentence shortened, else its file name.

    >>> article_label(None, "Ferries resumed on Tuesday. The strike ended.", "in/x.txt")
    'Ferries resumed on Tuesday.'
    >>> article_label(None, "", "inbox/report-7.txt")
    'report-7.txt'
    """
    if title and title.strip():
        return shorten(title, 2 * LABEL_CHARS)
    if text and text.strip():
        return shorten(first_sentence(text))
    return file_name(origin) or (article_id or "")[:12] or "untitled"


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or not str(value).strip()


def with_labels(conn: sqlite3.Connection | None, df: pd.DataFrame, id_column: str = "id") -> pd.DataFrame:
    """``df`` with a ``label`` column (``article_label``) for the article in ``id_column``.

    Rows with a title are labelled from it; for the others one query reads the
    start of their text and their origin (the rows a page shows, so it is cheap).
    Without a connection (a Parquet corpus) an untitled row is named by its
    ``origin`` column when it has one.
    """
    df = df.copy()
    if id_column not in df.columns:
        df["label"] = []
        return df
    titles = df["title"] if "title" in df.columns else [None] * len(df)
    untitled = sorted({str(i) for i, t in zip(df[id_column], titles, strict=True) if _is_blank(t) and i})
    origins = df["origin"] if "origin" in df.columns else [None] * len(df)
    leads: dict[str, tuple[str, str | None]] = {
        str(i): ("", None if _is_blank(o) else str(o)) for i, o in zip(df[id_column], origins, strict=True)}
    if untitled and conn is not None:
        rows = conn.execute(
            f"SELECT id, substr(text, 1, {LEAD_CHARS}), coalesce(path, url) FROM articles "
            "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(untitled),))
        leads.update({r[0]: (r[1], r[2]) for r in rows})
    df["label"] = [
        article_label(None if _is_blank(t) else str(t), *leads.get(str(i), ("", None)), article_id=str(i))
        for i, t in zip(df[id_column], titles, strict=True)
    ]
    return df


def record_counts(record: Any) -> dict[str, Any]:
    """The sourcing figures a view shows for one record: its claims, as every count of attributions counts them.

    One definition for the CLI's readable view, the article page and the store:
    ``attributions`` is the number of claims — attributions that are no quoted
    fragment of another (``record.claim_parts``; the fragments stay listed,
    marked as part of their claim, and ``fragments`` says how many) —,
    ``by_kind`` counts them by their source's kind (``unknown`` without a
    source), ``anonymous_share`` is the share whose source is anonymous and
    ``named_sources`` the named sources they cite.
    """
    sources = {s.id: s for s in record.sources}
    parts = claim_parts(record.attributions)
    by_kind: dict[str, int] = {}
    anonymous = 0
    named: set[str] = set()
    claims = [a for a in record.attributions if a.id not in parts]
    for a in claims:
        source = sources.get(a.source or "")
        kind = source.kind if source is not None else "unknown"
        by_kind[kind] = by_kind.get(kind, 0) + 1
        if source is not None and source.anonymous:
            anonymous += 1
        elif source is not None:
            named.add(source.entity or source.description.lower())
    total = len(claims)
    return {
        "attributions": total,
        "fragments": len(parts),
        "by_kind": dict(sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))),
        "anonymous_share": round(anonymous / total, 4) if total else 0.0,
        "named_sources": len(named),
    }


def labelled(store: Any, df: pd.DataFrame, id_column: str = "id") -> pd.DataFrame:
    """``with_labels`` over a store, or over a corpus with no SQLite connection (a Parquet corpus: titles only)."""
    conn = getattr(store, "conn", None)
    return with_labels(conn if isinstance(conn, sqlite3.Connection) else None, df, id_column)
