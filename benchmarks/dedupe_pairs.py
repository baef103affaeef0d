"""Near-duplicate pairs of a real corpus, for choosing and checking the store's thresholds (docs/quality.md).

Reads a corpus through ``newsgraph.api.prepare`` (decode and clean, no parse),
finds candidate pairs with a loose LSH (threshold 0.3), and for each computes
the exact Jaccard similarity of the shingle sets and the store's MinHash
estimate. Prints how many pairs reach each threshold, the pairs and groups the
store's index (``duplicates.ARTICLES``) finds, and writes every pair above
0.3 with both titles and first words to ``--pairs`` for a hand check.

    python benchmarks/dedupe_pairs.py ../shared/corpus/bbc --pairs /tmp/bbc-pairs.tsv
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from newsgraph.api import prepare
from newsgraph.clean import clean
from newsgraph.ingest import iter_items
from newsgraph.store.duplicates import ARTICLES
from newsgraph.store.similar import SimilarIndex, normalise, shingles

LOOSE = 0.3
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def texts(paths: list[str]) -> Iterator[tuple[str, str]]:
    """(where, clean text) of each input; FakeNewsNet's ``news content.json`` files give their ``text`` field
    (the text the dataset extracted from the page), which ``newsgraph read`` does not take as an article."""
    plain = []
    for path in paths:
        for json_file in sorted(Path(path).rglob("*.json")) if Path(path).is_dir() else []:
            text = json.loads(json_file.read_text(encoding="utf-8")).get("text") or ""
            if text.strip():
                yield str(json_file.parent), clean(text).text
        plain.append(path)
    for item in iter_items(plain):
        prepared = prepare(item)
        if prepared.cleaned is not None:
            yield item.where, prepared.cleaned.text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--pairs", type=Path, help="write the pairs above 0.3 here (TSV)")
    parser.add_argument("--sample", type=int, default=0, help="print this many random pairs the store finds")
    args = parser.parse_args()
    loose = SimilarIndex("loose", threshold=LOOSE, shingle=ARTICLES.shingle, num_perm=ARTICLES.num_perm,
                         min_words=ARTICLES.min_words)
    docs: list[tuple[str, str, set[bytes]]] = []
    sigs = []
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    for where, text in texts(args.paths):
        words = normalise(text)
        if len(words) < ARTICLES.min_words:
            continue
        i = len(docs)
        docs.append((where, text[:80].replace("\n", " "), shingles(words, ARTICLES.shingle)))
        sig, store_sig = loose.signature(text), ARTICLES.signature(text)
        sigs.append(store_sig)
        for band in sig.bands:
            buckets[band].append(i)
    pairs = {(a, b) for members in buckets.values() for k, a in enumerate(members) for b in members[k + 1:]}
    rows = []
    for a, b in sorted(pairs):
        sa, sb = docs[a][2], docs[b][2]
        exact = len(sa & sb) / len(sa | sb)
        if exact < LOOSE:
            continue
        shared = bool(set(sigs[a].bands) & set(sigs[b].bands))
        estimate = ARTICLES.similarity(sigs[a].hashvalues, sigs[b].hashvalues)
        rows.append((exact, estimate, shared and estimate >= ARTICLES.threshold, a, b))
    print(f"{len(docs)} articles of at least {ARTICLES.min_words} words; {len(rows)} pairs with Jaccard >= {LOOSE}")
    for t in THRESHOLDS:
        print(f"  exact Jaccard >= {t}: {sum(r[0] >= t for r in rows)} pairs")
    found = [r for r in rows if r[2]]
    parent = list(range(len(docs)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, _, _, a, b in found:
        parent[root(a)] = root(b)
    sizes: dict[int, int] = defaultdict(int)
    members = {x for _, _, _, a, b in found for x in (a, b)}
    for x in members:
        sizes[root(x)] += 1
    missed = sum(1 for r in rows if r[0] >= ARTICLES.threshold and not r[2])
    print(f"store index (threshold {ARTICLES.threshold}, shingle {ARTICLES.shingle}, num_perm {ARTICLES.num_perm}): "
          f"{len(found)} pairs, {len(sizes)} groups, {sum(sizes.values()) - len(sizes)} copies; "
          f"{missed} pairs of exact Jaccard >= threshold missed")
    if args.sample:
        for exact, estimate, _, a, b in random.Random(0).sample(found, min(args.sample, len(found))):
            print(f"{exact:.2f} {estimate:.2f} | {docs[a][0]} | {docs[a][1]!r}\n{'':12}| {docs[b][0]} | {docs[b][1]!r}")
    if args.pairs:
        with args.pairs.open("w", encoding="utf-8") as out:
            out.write("exact\testimate\tstore\twhere_a\twhere_b\tstart_a\tstart_b\n")
            for exact, estimate, store, a, b in sorted(rows, reverse=True):
                out.write(f"{exact:.3f}\t{estimate:.3f}\t{int(store)}\t{docs[a][0]}\t{docs[b][0]}\t"
                          f"{docs[a][1]}\t{docs[b][1]}\n")


if __name__ == "__main__":
    main()
