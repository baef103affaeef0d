"""Print a seeded random sample of a store's corpus events of several reports, for hand-checking.

Each corpus event is printed with its block (actor → target), and each report with
its input's file name, event id, predicate, CAMEO code, date and evidence sentence.
With ``--checked FILE`` (a JSON list of ``{"reports": ["file event", …], "verdict": …}``)
it prints how the judged corpus events of the sample came out instead.
``--near-misses`` prints pairs of reports of one block that meet every criterion
but the wording (a wording score in [LOW, ``MIN_WORDING``)), a sample for recall.

Examples:
    PYTHONPATH=src python benchmarks/sample_event_clusters.py --db bbc.db --n 40 --seed 17
    PYTHONPATH=src python benchmarks/sample_event_clusters.py --db bbc.db --n 40 --seed 17 \\
        --checked benchmarks/data/event_clusters_handchecked.json
    PYTHONPATH=src python benchmarks/sample_event_clusters.py --db bbc.db --near-misses 0.12 --n 15 --seed 17
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sqlite3
from collections import Counter
from pathlib import Path

from newsgraph.store import event_clusters as ec


def _name(path: str | None, article_id: str) -> str:
    return (path or article_id[:12]).rsplit("/", 1)[-1]


def sample(conn: sqlite3.Connection, n: int, seed: int) -> list[dict]:
    rows = conn.execute("""
        SELECT c.id, ca.name, ct.name FROM event_clusters c JOIN corpus_entities ca ON ca.id = c.actor
        LEFT JOIN corpus_entities ct ON ct.id = c.target WHERE c.reports > 1 ORDER BY c.first_order, c.id""").fetchall()
    picked = random.Random(seed).sample(rows, min(n, len(rows)))
    out = []
    for cid, actor, target in picked:
        reports = conn.execute("""
            SELECT a.path, a.id, r.event_id, v.predicate, v.cameo, v.date,
                   substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start)
            FROM event_reports r JOIN events v ON v.article_id = r.article_id AND v.id = r.event_id
            JOIN articles a ON a.id = r.article_id WHERE r.cluster_id = ? ORDER BY a.rowid""", (cid,)).fetchall()
        out.append({"actor": actor, "target": target, "reports": [
            {"report": f"{_name(p, aid)} {eid}", "predicate": pred, "cameo": cameo, "date": date,
             "evidence": " ".join(text.split())} for p, aid, eid, pred, cameo, date, text in reports]})
    return out


def near_misses(conn: sqlite3.Connection, low: float) -> list[tuple]:
    found = []
    for block in conn.execute("SELECT actor, target FROM event_reports GROUP BY 1, 2 "
                              "HAVING count(DISTINCT article_id) > 1 ORDER BY 1, 2").fetchall():
        reports = ec._stored_reports(conn, {(int(block[0]), int(block[1]))})
        for x, y in itertools.combinations(reports, 2):
            if x.article_id == y.article_id or x.negated != y.negated or not ec.dates_compatible(x.date, y.date):
                continue
            if x.predicate != y.predicate and (x.code_root is None or x.code_root != y.code_root):
                continue
            score = ec.wording(x.tokens, y.tokens)
            if low <= score < ec.MIN_WORDING:
                found.append((round(score, 2), x, y))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--checked", type=Path)
    parser.add_argument("--near-misses", type=float, metavar="LOW")
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    if args.near_misses is not None:
        pairs = near_misses(conn, args.near_misses)
        print(f"{len(pairs)} pairs with wording in [{args.near_misses}, {ec.MIN_WORDING})")
        text = {}
        for score, x, y in random.Random(args.seed).sample(pairs, min(args.n, len(pairs))):
            for r in (x, y):
                text[(r.article_id, r.event_id)] = conn.execute(
                    "SELECT substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) FROM events v "
                    "JOIN articles a ON a.id = v.article_id WHERE v.article_id = ? AND v.id = ?",
                    (r.article_id, r.event_id)).fetchone()[0]
            print(f"-- {x.predicate}/{y.predicate} {x.date}/{y.date} wording {score}")
            print("   ", " ".join(text[(x.article_id, x.event_id)].split()))
            print("   ", " ".join(text[(y.article_id, y.event_id)].split()))
        return
    picked = sample(conn, args.n, args.seed)
    if args.checked:
        verdicts = {frozenset(c["reports"]): c["verdict"] for c in json.loads(args.checked.read_text())}
        counts = Counter(verdicts.get(frozenset(r["report"] for r in c["reports"]), "not judged") for c in picked)
        print(json.dumps({"sampled": len(picked), **counts}, indent=2))
        return
    print(json.dumps(picked, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
