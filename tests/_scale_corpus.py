"""A small hand-written corpus for the cluster tests: invented people, places and dates.

Built by hand so the tests need no shared data: a few dozen short articles in
plain text files and a JSONL file (cut into line ranges by the tests), with
quotes, titles, dates, repeated people across articles, one input twice under
two names, an empty file, a malformed JSONL line and a ``.json`` sidecar the
listing must skip.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

PEOPLE = ("Mara Voss", "Tobin Ashe", "Ilse Caro", "Denny Holt")
PLACES = ("Orvane", "Saltmere", "Valdorra", "Amberly")
ORGS = ("the Orvane Transit Authority", "Kestrel Foods", "the Saltmere Dock Union", "the Valdorra Water Board")
VERBS = ("met", "criticised", "praised", "sued")


def article(i: int) -> tuple[str, str, str]:
    """The title, publication date and text of invented article ``i``."""
    person, other = PEOPLE[i % 4], PEOPLE[(i + 1) % 4]
    place, org, verb = PLACES[i % 4], ORGS[(i + 2) % 4], VERBS[i % 4]
    month = 1 + i % 6
    title = f"{person} {verb} {other} in {place}"
    text = (
        f"{place.upper()} — Mayor {person} {verb} {other} on Monday, March {3 + i}, 2023, "
        f"over a plan by {org} to raise fares.\n\n"
        f'"We will not accept this plan," {person} said at a news conference. '
        f"{other}, who leads {org}, said the increase was needed to pay for repairs.\n\n"
        f"An official who asked not to be named said talks would resume next week. "
        f"{person} visited {PLACES[(i + 1) % 4]} in 2022 and will return on April {1 + i % 20}."
    )
    return title, f"2023-{month:02d}-{1 + i % 27:02d}", text


def write_inputs(root: Path, n_files: int = 11, n_lines: int = 7) -> Path:
    """Write the corpus under ``root``/inputs and return that directory."""
    inputs = root / "inputs"
    (inputs / "texts").mkdir(parents=True)
    for i in range(n_files):
        title, published, text = article(i)
        (inputs / "texts" / f"story-{i:02d}.txt").write_text(f"{title}\n\nBy Ada Quill\n{published}\n\n{text}\n")
    shutil.copy(inputs / "texts" / "story-03.txt", inputs / "texts" / "story-03-copy.txt")
    (inputs / "texts" / "empty.txt").write_text("")
    (inputs / "texts" / "story-00.json").write_text(json.dumps({"sidecar": "not an article"}))
    lines = []
    for i in range(n_files, n_files + n_lines):
        title, published, text = article(i)
        lines.append(json.dumps({"id": f"feed-{i}", "title": title, "published": published, "text": text}))
    lines.insert(3, "{not json")
    (inputs / "feed.jsonl").write_text("\n".join(lines) + "\n")
    for name in ("harbor-ferry-2024-03-14.txt", "library-reopening.html", "corpus.jsonl"):
        shutil.copy(EXAMPLES / name, inputs / name)
    return inputs


#: Lines of a JSONL file one task reads: small, so feed.jsonl is cut into several ranges.
TEST_LINES_PER_PARTITION = 3
#: Files one task reads: small, so the corpus makes several partitions per worker.
TEST_FILES_PER_PARTITION = 4
#: Columns that differ between two runs by design: when a row was written, and the corpus entity's number.
RUN_COLUMNS = ("ingested_at", "corpus_entity_id")


def cluster_ingest(paths, out, client, **options):
    """``distributed.ingest`` with the small partitions the tests use."""
    from newsgraph.distributed import ingest

    options = {"files_per_partition": TEST_FILES_PER_PARTITION, "lines_per_partition": TEST_LINES_PER_PARTITION,
               **options}
    return ingest(paths, out, client, **options)


def table_rows(backend, table: str) -> list[tuple]:
    """Every row of ``table`` (the store's columns, less ``RUN_COLUMNS``), sorted: a store or a DuckCorpus."""
    from newsgraph.store.rows import COLUMNS

    columns = ", ".join(f'"{c}"' for c in COLUMNS[table] if c not in RUN_COLUMNS)
    query = getattr(backend, "rows", None) or backend.execute
    return sorted(tuple(r) for r in query(f"SELECT {columns} FROM {table}"))
