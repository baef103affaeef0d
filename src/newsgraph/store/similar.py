"""Near-duplicate texts in the store: MinHash signatures and LSH bands kept in SQLite tables.

One implementation serves every "same text, found again" question of the
corpus: wire copy republished by several outlets (``duplicates.ARTICLES``), one
quote repeated across articles (``duplicates.QUOTES``), and any other stage
that needs close wording (event descriptions, say): define a ``SimilarIndex``
with its own ``name`` and parameters, then ``add`` items to it inside the
article's transaction.

How it works: a text becomes the set of its word shingles (``shingle`` words
in a row, after ``normalise``); datasketch's ``MinHash`` turns that set into
``num_perm`` numbers whose agreement estimates the Jaccard similarity of two
sets; datasketch's ``MinHashLSH`` parameters cut the signature into ``bands``
of ``rows`` so that two texts at the ``threshold`` share a band with high
probability. The bands are stored (``sim_bands``, one row per band, indexed),
so a new item finds its candidates with ``bands`` index lookups however large
the store, and a reopened store continues without rebuilding anything; each
candidate is then checked on its stored signature (``sim_signatures``).
Texts with fewer words than ``exact_below`` are too short for shingles to say
much: their one "band" is a hash of the normalised words, so they match exact
repeats only.

Matching items form clusters (``sim_clusters``): the connected components of
the "similar" relation, found incrementally (a new item joins, and merges, the
clusters of what it matches). The first item of a cluster by publication date
(else ingest order) is its ``original``. Adding items one by one in ingest
order gives the same clusters as ``rebuild`` (tested), because each pair is
compared exactly once, when the later item arrives, against the same
candidates.

Signatures depend on the parameters: each row stores ``SimilarIndex.params``,
and ``stale`` counts rows made with others (``newsgraph check`` reports them;
``newsgraph dedupe`` rebuilds). This module never imports spaCy.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

#: Words: runs of letters and digits (any script); punctuation, case and spacing never make two texts differ.
WORD = re.compile(r"\w+", re.UNICODE)
#: datasketch's hashing scheme (32-bit values), named so stored signatures stay readable by later versions.
SCHEME = "affine32"
#: The band number of an exact-text key (a short text's only band).
EXACT_BAND = -1


def normalise(text: str) -> list[str]:
    """The words of ``text``, lower-cased: what two copies of one text share whatever their typography.

    >>> normalise("“We’re done,” she said.")
    ['we', 're', 'done', 'she', 'said']
    """
    return WORD.findall(text.casefold())


def shingles(words: Sequence[str], size: int) -> set[bytes]:
    """The ``size``-word shingles of ``words`` (the whole text when it is shorter), UTF-8 encoded."""
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def _key(data: bytes) -> int:
    """A signed 64-bit hash (SQLite's INTEGER) of ``data``: stable across processes, unlike ``hash``."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


@dataclass(frozen=True)
class Signature:
    """What the index keeps of one text: its MinHash values (``None`` for a short text) and its bands."""

    hashvalues: bytes | None
    bands: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Match:
    """An earlier item ``item`` (of article ``article_id``) whose text is similar to the one added."""

    item: str
    article_id: str
    similarity: float


@dataclass(frozen=True)
class SimilarIndex:
    """One kind of item compared by wording; see the module docstring. The parameters are part of the name.

    ``threshold`` is the estimated Jaccard similarity of the shingle sets from
    which two texts are "the same"; ``shingle`` the words per shingle;
    ``num_perm`` the MinHash size (more is more exact and slower);
    ``exact_below`` the word count under which only exact repeats match;
    ``min_words`` the count under which a text is not indexed at all;
    ``band_threshold`` the similarity the LSH bands are cut for (datasketch's
    choice of bands and rows at it): lower than ``threshold``, so a pair just
    above ``threshold`` is a candidate with high probability (at 0.5 for 0.7,
    a pair at 0.72 is found 19 times in 20; bands cut at 0.7 found it 3 times
    in 5). Defaults to ``threshold - 0.2``.
    """

    name: str
    threshold: float
    shingle: int
    num_perm: int = 128
    exact_below: int = 0
    min_words: int = 1
    seed: int = 1
    band_threshold: float | None = None

    @property
    def params(self) -> str:
        """The parameters a stored signature was made with (compared by ``stale``)."""
        return (f"minhash/{SCHEME} threshold={self.threshold} shingle={self.shingle} num_perm={self.num_perm} "
                f"exact_below={self.exact_below} min_words={self.min_words} seed={self.seed} bands_at={self._bands_at}")

    @property
    def _bands_at(self) -> float:
        return round(self.band_threshold if self.band_threshold is not None else max(self.threshold - 0.2, 0.1), 4)

    @cached_property
    def _lsh_shape(self) -> tuple[int, int]:
        """Bands and rows per band: datasketch's choice for ``band_threshold`` (false positives and negatives
        weighed equally)."""
        from datasketch import MinHashLSH

        lsh = MinHashLSH(threshold=self._bands_at, num_perm=self.num_perm)
        return int(lsh.b), int(lsh.r)

    @cached_property
    def _permutations(self) -> object:
        # Made once per index: datasketch draws them from ``seed`` on every new MinHash otherwise.
        from datasketch import MinHash

        return MinHash(num_perm=self.num_perm, seed=self.seed, scheme=SCHEME).permutations

    def minhash(self, words: Sequence[str]) -> MinHash:
        """The MinHash of ``words``' shingles."""
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm, seed=self.seed, permutations=self._permutations, scheme=SCHEME)
        m.update_batch(sorted(shingles(words, self.shingle)))
        return m

    def _from_values(self, values: bytes) -> MinHash:
        import numpy as np
        from datasketch import MinHash

        return MinHash(num_perm=self.num_perm, seed=self.seed, permutations=self._permutations, scheme=SCHEME,
                       hashvalues=np.frombuffer(values, dtype="<u4"))

    def signature(self, text: str) -> Signature | None:
        """The signature of ``text``, or ``None`` when it has fewer than ``min_words`` words."""
        words = normalise(text)
        if len(words) < max(self.min_words, 1):
            return None
        if len(words) < self.exact_below:
            return Signature(None, ((EXACT_BAND, _key(" ".join(words).encode("utf-8"))),))
        values = self.minhash(words).hashvalues.astype("<u4")
        b, r = self._lsh_shape
        bands = tuple((i, _key(values[i * r:(i + 1) * r].tobytes())) for i in range(b))
        return Signature(values.tobytes(), bands)

    def similarity(self, a: bytes | None, b: bytes | None) -> float:
        """Estimated Jaccard similarity of two stored signatures (1.0 for two exact keys that met)."""
        if a is None or b is None:
            return 1.0 if a is None and b is None else 0.0
        return float(self._from_values(a).jaccard(self._from_values(b)))

    # --- the stored index -----------------------------------------------------------------

    def candidates(self, conn: sqlite3.Connection, sig: Signature) -> list[tuple[str, str, bytes | None]]:
        """Stored items sharing a band with ``sig``: (item, article id, hash values), in insertion order."""
        seen: dict[str, tuple[str, str, bytes | None]] = {}
        for band, key in sig.bands:
            for item, article_id, values, _ in conn.execute(
                "SELECT b.item, b.article_id, s.signature, s.rowid FROM sim_bands b "
                "JOIN sim_signatures s ON s.index_name = b.index_name AND s.item = b.item "
                "WHERE b.index_name = ? AND b.band = ? AND b.key = ?", (self.name, band, key)):
                seen.setdefault(item, (item, article_id, values))
        return list(seen.values())

    def matches(self, conn: sqlite3.Connection, sig: Signature, *, exclude: str | None = None) -> list[Match]:
        """Stored items whose similarity to ``sig`` reaches ``threshold``, most similar first."""
        out = []
        for item, article_id, values in self.candidates(conn, sig):
            if item == exclude:
                continue
            score = self.similarity(sig.hashvalues, values)
            if score >= self.threshold:
                out.append(Match(item, article_id, round(score, 4)))
        return sorted(out, key=lambda m: (-m.similarity, m.item))

    def add(self, conn: sqlite3.Connection, item: str, article_id: str, text: str) -> list[Match]:
        """Index ``text`` as ``item`` of ``article_id`` and cluster it; returns what it matched.

        The caller holds the transaction (the article's own, on ingest). An item
        already indexed is replaced.
        """
        self.remove(conn, [item])
        sig = self.signature(text)
        if sig is None:
            # Kept as a row with no bands (never a candidate), so ``stale`` tells "too short" from "not indexed".
            self._store(conn, item, article_id, Signature(None, ()))
            return []
        found = self.matches(conn, sig, exclude=item)
        self._store(conn, item, article_id, sig)
        self._cluster(conn, item, article_id, found)
        return found

    def _store(self, conn: sqlite3.Connection, item: str, article_id: str, sig: Signature) -> None:
        conn.execute("INSERT INTO sim_signatures (index_name, item, article_id, params, signature) "
                     "VALUES (?, ?, ?, ?, ?)", (self.name, item, article_id, self.params, sig.hashvalues))
        conn.executemany("INSERT INTO sim_bands (index_name, band, key, item, article_id) VALUES (?, ?, ?, ?, ?)",
                         [(self.name, band, key, item, article_id) for band, key in sig.bands])

    def _cluster(self, conn: sqlite3.Connection, item: str, article_id: str, found: list[Match]) -> None:
        """Put ``item`` in a cluster: its own, or the oldest of its matches' (merging the others into it)."""
        clusters = sorted({self.cluster_of(conn, m.item) for m in found} - {None})
        best = found[0] if found else None
        if clusters:
            cluster = clusters[0]
            for other in clusters[1:]:
                conn.execute("UPDATE sim_clusters SET cluster = ? WHERE index_name = ? AND cluster = ?",
                             (cluster, self.name, other))
        else:
            cluster = int(conn.execute("SELECT rowid FROM sim_signatures WHERE index_name = ? AND item = ?",
                                       (self.name, item)).fetchone()[0])
        conn.execute(
            "INSERT INTO sim_clusters (index_name, item, article_id, cluster, match_item, similarity, original) "
            "VALUES (?, ?, ?, ?, ?, ?, 0)",
            (self.name, item, article_id, cluster, best.item if best else None, best.similarity if best else None))
        self.mark_original(conn, cluster)

    def mark_original(self, conn: sqlite3.Connection, cluster: int) -> None:
        """Mark the first item of ``cluster``: earliest publication date, undated after dated, then ingest order."""
        first = conn.execute(
            "SELECT c.item FROM sim_clusters c JOIN articles a ON a.id = c.article_id "
            "WHERE c.index_name = ? AND c.cluster = ? "
            "ORDER BY a.published IS NULL, a.published, a.rowid, c.item LIMIT 1", (self.name, cluster)).fetchone()
        conn.execute("UPDATE sim_clusters SET original = (item = ?) WHERE index_name = ? AND cluster = ? "
                     "AND original IS NOT (item = ?)", (first[0] if first else None, self.name, cluster,
                                                        first[0] if first else None))

    def cluster_of(self, conn: sqlite3.Connection, item: str) -> int | None:
        row = conn.execute("SELECT cluster FROM sim_clusters WHERE index_name = ? AND item = ?",
                           (self.name, item)).fetchone()
        return int(row[0]) if row else None

    def remove(self, conn: sqlite3.Connection, items: Iterable[str]) -> None:
        """Forget ``items`` (their cluster keeps its other members; the first of those is marked again)."""
        for item in items:
            cluster = self.cluster_of(conn, item)
            for table in ("sim_bands", "sim_signatures", "sim_clusters"):
                conn.execute(f"DELETE FROM {table} WHERE index_name = ? AND item = ?", (self.name, item))
            if cluster is not None:
                self.mark_original(conn, cluster)

    def clear(self, conn: sqlite3.Connection) -> None:
        for table in ("sim_bands", "sim_signatures", "sim_clusters"):
            conn.execute(f"DELETE FROM {table} WHERE index_name = ?", (self.name,))

    def stale(self, conn: sqlite3.Connection) -> int:
        """Stored signatures made with other parameters than this index's (cheap: one indexed count)."""
        return int(conn.execute("SELECT count(*) FROM sim_signatures WHERE index_name = ? AND params IS NOT ?",
                                (self.name, self.params)).fetchone()[0])


def clusters(conn: sqlite3.Connection, index: SimilarIndex, *, min_size: int = 2) -> Iterator[list[tuple]]:
    """Each cluster of ``index`` with at least ``min_size`` items: rows (item, article id, original, match,
    similarity), original first."""
    cur = conn.execute(
        "SELECT c.cluster, c.item, c.article_id, c.original, c.match_item, c.similarity FROM sim_clusters c "
        "JOIN (SELECT cluster FROM sim_clusters WHERE index_name = ? GROUP BY cluster HAVING count(*) >= ?) k "
        "ON k.cluster = c.cluster JOIN articles a ON a.id = c.article_id WHERE c.index_name = ? "
        "ORDER BY c.cluster, c.original DESC, a.published IS NULL, a.published, a.rowid, c.item",
        (index.name, min_size, index.name))
    group: list[tuple] = []
    current = None
    for cluster, *row in cur:
        if cluster != current and group:
            yield group
            group = []
        current = cluster
        group.append(tuple(row))
    if group:
        yield group
