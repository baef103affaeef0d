"""The search index of a Parquet corpus: each article's terms, as the store's FTS5 tokenizer makes them.

DuckDB's full-text extension is not bundled (it would be downloaded at run
time), so the workers write a ``terms`` dataset (article, term, count) next to
the articles. A term is made as SQLite's ``porter unicode61 remove_diacritics 2``
makes it: runs of letters and digits, case-folded, diacritics removed, then the
Porter stemmer (``snowballstemmer``'s ``porter``, the original algorithm).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

#: A token as unicode61 sees one: a run of letters, digits (and marks, removed below).
RE_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("porter")


@lru_cache(maxsize=1 << 16)
def _fold(token: str) -> str:
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """The unstemmed, folded tokens of ``text``: what a prefix search (``word*``) matches against."""
    return [_fold(t) for t in RE_TOKEN.findall(text or "")]


@lru_cache(maxsize=1 << 16)
def stem(token: str) -> str:
    """The Porter stem of a folded token (cached: snippets stem the same words of every article shown)."""
    return _stemmer().stemWord(token)


def article_terms(title: str | None, text: str | None) -> Counter[str]:
    """Stemmed terms of an article's title and text with their counts (``terms`` rows)."""
    folded = tokens(title or "") + tokens(text or "")
    return Counter(_stemmer().stemWords(folded))
