"""Search over the derived postings: the store's ranking window, read from each term's latest postings down.

The store ranks (BM25) the ``window`` most recently stored matches of a
search (``queries.SEARCH_RANK_WINDOW``). ``search_postings.parquet`` holds
the ``terms`` index sorted by term, then latest article first, so a term's
latest postings are the first rows of its row groups, read directly by
``termfile.TermFile`` (no DuckDB statement: each cost more than the read). A search therefore reads the
first ``window`` postings of each of its terms, evaluates the query (words,
phrases, prefixes, ``AND``/``OR``/``NOT``) on the range of articles that every
list read so far covers — exact there: a list read down to article ``c`` holds
all its postings at or above ``c`` — and reads deeper (``GROWTH`` times as many
postings of the lists that bound the range) only while fewer than ``window``
matches lie in it. A word in most articles then costs ``window`` postings, not
most of the corpus. Document frequencies (BM25's idf, over the whole corpus as
FTS5 counts them) come from ``search_terms.parquet``, one row per term; only a
prefix or phrase of several terms counts its articles from the postings. BM25
is computed over the window's postings with numpy, the arithmetic of the
query layer's own formula in the same order, so scores and ties come out as
the dataset path gives them (``tests/distributed/test_queries.py``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsgraph.errors import StoreError
from newsgraph.parquet.terms import stem, tokens

if TYPE_CHECKING:
    from newsgraph.parquet.duck import SearchTerm
    from newsgraph.parquet.termfile import TermFile

#: BM25 constants, FTS5's.
BM25_K1, BM25_B = 1.2, 0.75
#: The idf FTS5 gives a term in more than half the articles (where the formula turns negative).
BM25_MIN_IDF = 1e-6
#: Each round reads this many times as many postings of the lists that bound the exact range.
GROWTH = 4
#: A prefix matching more terms than this reads all their postings in one statement (not a list at a time).
MAX_PREFIX_LISTS = 16
#: An ``AND`` whose rarest required term is in at most this many articles reads that term's list whole and
#: looks the other terms up at its articles only (``PostingsSearch.rarest_first``).
RARE_MAX_DF = 100_000


@dataclass
class Postings:
    """One term's postings read so far, latest first (``corpus_order`` descending)."""

    term: str
    df: int
    orders: np.ndarray
    tf: np.ndarray
    n_tokens: np.ndarray

    @property
    def exhausted(self) -> bool:
        return len(self.orders) >= self.df

    @property
    def floor(self) -> int:
        """The last article read: every posting of the term at or above it has been read."""
        return int(self.orders[-1]) if len(self.orders) else 2**62

    def head(self, low: int | None) -> np.ndarray:
        """The orders read at or above ``low`` (all with ``None``), ascending."""
        if low is None:
            return self.orders[::-1]
        n = int(np.searchsorted(-self.orders, -low, side="right"))
        return self.orders[:n][::-1]

    def add(self, orders: np.ndarray, tf: np.ndarray, n_tokens: np.ndarray) -> None:
        if len(orders) and ((len(self.orders) and orders[0] >= self.orders[-1]) or np.any(np.diff(orders) >= 0)):
            raise StoreError(f"search_postings.parquet is not sorted latest first for {self.term!r}: "
                             "rebuild the derived datasets (newsgraph ingest … --dask … --parquet …)")
        self.orders = np.concatenate([self.orders, orders])
        self.tf = np.concatenate([self.tf, tf])
        self.n_tokens = np.concatenate([self.n_tokens, n_tokens])


@dataclass(frozen=True)
class Atom:
    """One search term as postings: its terms, and whether an article needs all of them (a phrase) or any
    (a prefix's expansions, or a single stem)."""

    terms: tuple[str, ...]
    every: bool


_EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class SearchFiles:
    """The two derived search files, read by term (``newsgraph.parquet.termfile``): the postings, and each
    term's document frequency."""

    postings: TermFile
    terms: TermFile


class PostingsSearch:
    """The window and BM25 scores of one search over the derived postings ``files``."""

    def __init__(self, files: SearchFiles, phrases: list[SearchTerm]) -> None:
        self.files = files
        self.lists: dict[str, Postings] = {}
        # Every stem's document frequency (a prefix looks up its own terms).
        stems = list(dict.fromkeys(stem(tok) for words, prefix in phrases
                                   if not (prefix and len([t for w in words for t in tokens(w)]) == 1)
                                   for w in words for tok in tokens(w)))
        if stems:
            dfs = files.terms.lookup(stems, "df")
            self.lists = {s: Postings(s, int(dfs.get(s, 0)), _EMPTY, _EMPTY, _EMPTY) for s in stems}
        self.atoms = {term: self._atom(term) for term in phrases}

    # --- the lists ----------------------------------------------------------------------------

    def _atom(self, term: SearchTerm) -> Atom:
        """The postings lists of one search term (as ``duck._term_condition`` matches ``terms`` rows)."""
        words, prefix = term
        folded = [tok for w in words for tok in tokens(w)]
        if prefix and len(folded) == 1:
            found = self.files.terms.prefixed(folded[0], "df")
            for name, df in found:
                self.lists.setdefault(name, Postings(name, int(df), _EMPTY, _EMPTY, _EMPTY))
            if len(found) > MAX_PREFIX_LISTS:
                self._read_whole([name for name, _ in found])
            return Atom(tuple(name for name, _ in found), every=False)
        stems = tuple(dict.fromkeys(stem(w) for w in folded))  # their lists made in ``__init__``
        return Atom(stems, every=len(stems) > 1)

    def _read_whole(self, names: list[str]) -> None:
        """Every posting of ``names`` (a prefix of many terms: adjacent in the file, so their row groups are
        read once)."""
        for name in names:
            p = self.lists[name]
            if len(p.orders) == 0:
                p.add(*self.files.postings.postings(name))

    def _extend(self, p: Postings, *, more: int | None = None, down_to: int | None = None) -> None:
        """Read ``more`` postings of ``p`` past what is read, or all of them down to ``down_to``."""
        before = len(p.orders)
        p.add(*self.files.postings.postings(p.term, below=p.floor if len(p.orders) else None,
                                            at_least=down_to, limit=more))
        if more is not None and len(p.orders) - before < more:
            p.df = len(p.orders)  # the list ended here (so a round always ends or reads further)

    # --- the matches --------------------------------------------------------------------------

    def _atom_orders(self, atom: Atom, low: int | None) -> np.ndarray:
        heads = [self.lists[t].head(low) for t in atom.terms]
        if not heads:
            return _EMPTY
        found = heads[0]
        for h in heads[1:]:
            found = np.intersect1d(found, h, assume_unique=True) if atom.every else np.union1d(found, h)
        return found

    def matches(self, groups: list[list[tuple[str, SearchTerm]]], low: int | None) -> np.ndarray:
        """The matching articles (``corpus_order``, ascending) at or above ``low``: FTS5's OR of AND/NOT groups."""
        found = _EMPTY
        for group in groups:
            hits = self._atom_orders(self.atoms[group[0][1]], low)
            for op, term in group[1:]:
                other = self._atom_orders(self.atoms[term], low)
                hits = (np.setdiff1d(hits, other, assume_unique=True) if op == "NOT"
                        else np.intersect1d(hits, other, assume_unique=True))
            found = np.union1d(found, hits)
        return found

    def _rarest(self, groups: list[list[tuple[str, SearchTerm]]], size: int) -> Postings | None:
        """The list every match must be in when reading it whole and looking the others up at its articles
        is cheaper than reading down the others: one ``AND`` group, its rarest required term in at most
        ``RARE_MAX_DF`` articles, and another list longer than both it and the window."""
        if len(groups) != 1:
            return None
        required = [t for op, term in groups[0] if op != "NOT"
                    for atom in (self.atoms[term],) if atom.every or len(atom.terms) == 1 for t in atom.terms]
        if not required:
            return None
        rare = min((self.lists[t] for t in required), key=lambda p: p.df)
        longest = max(p.df for p in self.lists.values())
        if not 0 < rare.df <= RARE_MAX_DF or longest <= max(rare.df, size):
            return None
        return rare

    def rarest_first(self, groups: list[list[tuple[str, SearchTerm]]], size: int, rare: Postings) -> np.ndarray:
        """The ``size`` latest matches (ascending) of a single ``AND`` group whose every match is in ``rare``:
        ``rare`` read whole, the other lists read only at its articles, latest first: the range of its
        ``size`` latest, then, if fewer than ``size`` matches lie there, the rest of them in one statement.
        Exact there: a match is one of ``rare``'s articles, and every other list holds all its postings at
        the articles looked up (each read has a fixed cost, the row groups at the ends of the range, so
        few rounds beat reading exactly what is needed)."""
        if not rare.exhausted:
            self._extend(rare, more=None)
        others = [p for p in self.lists.values() if p is not rare and not p.exhausted]
        candidates = rare.orders  # latest first
        done = 0
        step = max(size, 1)
        while True:
            upto = min(len(candidates), done + step)
            chunk = candidates[done:upto]
            if len(chunk):
                for p in others:
                    # The term's postings at the chunk's articles (only its row groups whose bounds hold one).
                    p.add(*self.files.postings.postings_at(p.term, chunk))
            done = upto
            low = int(candidates[done - 1]) if done else None
            found = self.matches(groups, low if done < len(candidates) else None)
            if done >= len(candidates) or len(found) >= size:
                return found[-size:] if size > 0 else _EMPTY
            step = len(candidates)  # the rest in one more read

    def window(self, groups: list[list[tuple[str, SearchTerm]]], size: int) -> np.ndarray:
        """The ``size`` latest matching articles (ascending), reading each list no deeper than they need."""
        rare = self._rarest(groups, size)
        if rare is not None:
            return self.rarest_first(groups, size, rare)
        for p in self.lists.values():
            if not len(p.orders) and p.df:
                self._extend(p, more=max(size, 1))
        while True:
            live = [p for p in self.lists.values() if not p.exhausted]
            low = max(p.floor for p in live) if live else None
            found = self.matches(groups, low)
            if low is None or len(found) >= size:
                return found[-size:] if size > 0 else _EMPTY
            # The lists that bound the exact range read GROWTH times as far; the others follow them down.
            bounding = [p for p in live if p.floor == low]
            for p in bounding:
                self._extend(p, more=(GROWTH - 1) * len(p.orders))
            reached = [p.floor for p in bounding if not p.exhausted]
            if reached:
                target = max(reached)
                for p in live:
                    if p not in bounding and not p.exhausted and p.floor > target:
                        self._extend(p, down_to=target)

    # --- scores -------------------------------------------------------------------------------

    def doc_freq(self, atom: Atom) -> int:
        """Articles holding any of the atom's terms, in the whole corpus (what FTS5's idf counts)."""
        if len(atom.terms) == 1:
            return self.lists[atom.terms[0]].df
        if not atom.terms:
            return 0
        if all(self.lists[t].exhausted for t in atom.terms):
            return len(self._atom_orders(Atom(atom.terms, every=False), None))
        every = [self.files.postings.postings(t)[0] for t in atom.terms]
        return len(np.unique(np.concatenate(every)))

    def scores(self, phrases: list[SearchTerm], chosen: np.ndarray, n_docs: int, avgdl: float) -> np.ndarray:
        """BM25 of the articles ``chosen`` (every posting of theirs has been read), negative as FTS5's rank:
        each phrase's term frequency is the sum of its terms' counts, the length the article's tokens."""
        dl = np.zeros(len(chosen), dtype=np.int64)
        tf_of: dict[str, np.ndarray] = {}
        for name, p in self.lists.items():
            asc, tf, n_tokens = p.orders[::-1], p.tf[::-1], p.n_tokens[::-1]
            at = np.minimum(np.searchsorted(asc, chosen), max(len(asc) - 1, 0))
            present = (asc[at] == chosen) if len(asc) else np.zeros(len(chosen), dtype=bool)
            tf_of[name] = np.where(present, tf[at] if len(asc) else 0, 0)
            dl = np.where(present, n_tokens[at] if len(asc) else 0, dl)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * dl / avgdl) if avgdl else np.full(len(chosen), BM25_K1)
        score = np.zeros(len(chosen), dtype=np.float64)
        for term in phrases:
            atom = self.atoms[term]
            n = self.doc_freq(atom)
            idf = max(math.log((n_docs - n + 0.5) / (n + 0.5)), BM25_MIN_IDF) if n_docs else BM25_MIN_IDF
            f = sum((tf_of[t] for t in atom.terms), np.zeros(len(chosen), dtype=np.int64))
            score = score - np.where(f > 0, idf * (f * (BM25_K1 + 1)) / (f + norm), 0.0)
        return score


def ranked(files: SearchFiles, groups: list[list[tuple[str, SearchTerm]]], *, limit: int,
           window: int, n_docs: int, avgdl: float) -> list[tuple[float, int]]:
    """The best ``limit`` of the ``window`` latest matches: (score rounded as the store rounds it, corpus_order),
    by the exact score, then input order, as FTS5 orders by rank."""
    phrases = [t for g in groups for _, t in g]
    search = PostingsSearch(files, phrases)
    chosen = search.window(groups, window)
    if not len(chosen):
        return []
    score = search.scores(phrases, chosen, n_docs, avgdl)
    best = np.lexsort((chosen, score))[:limit]
    return [(round(float(score[i]), 3), int(chosen[i])) for i in best]
