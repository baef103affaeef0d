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
probability. The bands are stored (``sim_bands``, one row per band, keyed by
a hash of the band number and its values), so a new item finds its
candidates with one indexed ``IN`` query however large the store, and a
reopened store continues without rebuilding anything; each candidate is then
checked on its stored signature (``sim_signatures``). Shingles are hashed from
cached word hashes (``shingle_hashes``) and handed to datasketch as numbers.
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
    import numpy as np
    from datasketch import MinHash

#: Words: runs of letters and digits (any script); punctuation, case and spacing never make two texts differ.
WORD = re.compile(r"\w+", re.UNICODE)
#: datasketch's hashing scheme (32-bit values), named so stored signatures stay readable by later versions.
SCHEME = "affine32"


def normalise(text: str) -> list[str]:
    """The words of ``text``, lower-cased: what two copies of one text share whatever their typography.

    >>> normalise("“We’re done,” she said.")
    ['we', 're', 'done', 'she', 'said']
    """
    return WORD.findall(text.casefold())


def shingles(words: Sequence[str], size: int) -> set[bytes]:
    """The ``size``-word shingles of ``words`` (the whole text when it is shorter), UTF-8 encoded.

    What ``shingle_hashes`` hashes; kept for measuring exact Jaccard similarities (benchmarks).
    """
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def _key(data: bytes) -> int:
    """A signed 64-bit hash (SQLite's INTEGER) of ``data``: stable across processes, unlike ``hash``."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


#: Words hashed so far (a news corpus repeats a few tens of thousands of words): hashing each shingle's bytes
#: with SHA-1, datasketch's default, took two thirds of the time of indexing an article.
_WORD_HASHES: dict[str, int] = {}
_WORD_CACHE_MAX = 500_000
#: The multiplier that combines a shingle's word hashes (an odd 32-bit constant; any such gives a good mix
#: once datasketch's ``fmix`` finaliser has run over the result).
_COMBINE = 0x9E3779B1
_MASK32 = 0xFFFFFFFF


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        value = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=4).digest(), "little")
        if len(_WORD_HASHES) < _WORD_CACHE_MAX:
            _WORD_HASHES[word] = value
    return value


def shingle_hashes(words: Sequence[str], size: int) -> np.ndarray:
    """32-bit hashes of the distinct ``size``-word shingles of ``words`` (the whole text when shorter).

    A shingle's hash combines its words' hashes in order (a polynomial in
    ``_COMBINE`` modulo 2**32), computed for all shingles at once; two
    different shingles share a hash with probability about 2**-32.
    """
    import numpy as np

    if not words:
        return np.zeros(0, dtype=np.uint32)
    get = _WORD_HASHES.get
    hashes = [get(x) for x in words]
    if None in hashes:
        hashes = [_word_hash(x) if v is None else v for x, v in zip(words, hashes, strict=True)]
    w = np.array(hashes, dtype=np.uint64)
    n = max(len(words) - size + 1, 1)
    h = np.zeros(n, dtype=np.uint64)
    for j in range(min(size, len(words))):
        h = (h * np.uint64(_COMBINE) + w[j:j + n]) & np.uint64(_MASK32)
    return np.unique(h.astype(np.uint32))


@dataclass(frozen=True)
class Signature:
    """What the index keeps of one text: its MinHash values (``None`` for a short text) and its band keys
    (a short text's one key is the hash of its words)."""

    hashvalues: bytes | None
    bands: tuple[int, ...]


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
        return (f"minhash/{SCHEME}/wordhash threshold={self.threshold} shingle={self.shingle} num_perm={self.num_perm} "
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
        """The MinHash of ``words``' shingles (datasketch's, fed the shingle hashes directly)."""
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm, seed=self.seed, permutations=self._permutations, scheme=SCHEME,
                    hashfunc=int)
        m.update_batch(shingle_hashes(words, self.shingle))
        return m

    def signature(self, text: str) -> Signature | None:
        """The signature of ``text``, or ``None`` when it has fewer than ``min_words`` words."""
        words = normalise(text)
        if len(words) < max(self.min_words, 1):
            return None
        if len(words) < self.exact_below:
            return Signature(None, (_key(b"exact " + " ".join(words).encode("utf-8")),))
        values = self.minhash(words).hashvalues.astype("<u4")
        b, r = self._lsh_shape
        # The band number is part of the key, so one ``IN`` lookup finds every band's candidates.
        bands = tuple(_key(i.to_bytes(2, "little") + values[i * r:(i + 1) * r].tobytes()) for i in range(b))
        return Signature(values.tobytes(), bands)

    def similarity(self, a: bytes | None, b: bytes | None) -> float:
        """Estimated Jaccard similarity of two stored signatures (1.0 for two exact keys that met).

        datasketch's estimator (``MinHash.jaccard``: the share of equal hash
        values), on the stored arrays without building MinHash objects.
        """
        import numpy as np

        if a is None or b is None:
            return 1.0 if a is None and b is None else 0.0
        x, y = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
        return float(np.count_nonzero(x == y)) / len(x) if len(x) == len(y) else 0.0

    # --- the stored index -----------------------------------------------------------------

    def candidates(self, conn: sqlite3.Connection, sig: Signature) -> list[tuple[str, str, bytes | None]]:
        """Stored items sharing a band with ``sig``: (item, article id, hash values), in insertion order."""
        if not sig.bands:
            return []
        seen: dict[str, tuple[str, str, bytes | None]] = {}
        for item, article_id, values in conn.execute(
                "SELECT b.item, b.article_id, s.signature FROM sim_bands b "
                "JOIN sim_signatures s ON s.index_name = b.index_name AND s.item = b.item "
                f"WHERE b.index_name = ? AND b.key IN ({', '.join('?' * len(sig.bands))}) ORDER BY s.rowid",
                (self.name, *sig.bands)):
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

    def add(self, conn: sqlite3.Connection, item: str, article_id: str, text: str, *, fresh: bool = False
            ) -> list[Match]:
        """Index ``text`` as ``item`` of ``article_id`` and cluster it; returns what it matched.

        The caller holds the transaction (the article's own, on ingest). An item
        already indexed is replaced, unless ``fresh`` says it cannot be (a rebuild
        of an emptied index), which saves a lookup.
        """
        if not fresh and conn.execute("SELECT 1 FROM sim_signatures WHERE index_name = ? AND item = ?",
                                      (self.name, item)).fetchone():
            self.remove(conn, [item])
        sig = self.signature(text)
        if sig is None:
            # Kept as a row with no bands (never a candidate), so ``stale`` tells "too short" from "not indexed".
            self._store(conn, item, article_id, Signature(None, ()))
            return []
        found = self.matches(conn, sig, exclude=item)
        rowid = self._store(conn, item, article_id, sig)
        self._cluster(conn, item, article_id, found, rowid)
        return found

    def _store(self, conn: sqlite3.Connection, item: str, article_id: str, sig: Signature) -> int:
        cur = conn.execute("INSERT INTO sim_signatures (index_name, item, article_id, params, signature) "
                           "VALUES (?, ?, ?, ?, ?)", (self.name, item, article_id, self.params, sig.hashvalues))
        if sig.bands:
            conn.executemany("INSERT INTO sim_bands (index_name, key, item, article_id) VALUES (?, ?, ?, ?)",
                             [(self.name, key, item, article_id) for key in sig.bands])
        return int(cur.lastrowid or 0)

    def _cluster(self, conn: sqlite3.Connection, item: str, article_id: str, found: list[Match], rowid: int) -> None:
        """Put ``item`` in a cluster: a new one (numbered by its signature row), or the oldest of its matches'
        (merging the others into it)."""
        clusters = sorted({self.cluster_of(conn, m.item) for m in found} - {None})
        best = found[0] if found else None
        cluster = clusters[0] if clusters else rowid
        for other in clusters[1:]:
            conn.execute("UPDATE sim_clusters SET cluster = ? WHERE index_name = ? AND cluster = ?",
                         (cluster, self.name, other))
        conn.execute(
            "INSERT INTO sim_clusters (index_name, item, article_id, cluster, match_item, similarity, original) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self.name, item, article_id, cluster, best.item if best else None, best.similarity if best else None,
             int(not clusters)))
        if clusters:  # alone, it is its own cluster's first; joined, the first may have changed
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
