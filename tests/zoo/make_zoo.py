"""The bad-input zoo: a directory of inputs that once crashed a run, and the good ones beside them.

``make_zoo(folder)`` writes the zoo (a few kilobytes, generated, never committed) and returns
what each input must give: ``ZooItem(where, error)`` with ``error`` a piece of the one-line
error the input must get, or ``None`` for an input that must be stored. Files the directory
walk must skip (``README.md``, ``.git/``, source code) are written too and are in no list.

Run by ``tests/cli/test_zoo.py`` through ``newsgraph read`` and ``newsgraph ingest``; by hand:

    python tests/zoo/make_zoo.py /tmp/zoo && newsgraph read /tmp/zoo --jsonl > /dev/null

The zoo's texts are invented. ``ZOO_MAX_CHARS`` is the parse limit the run must use
(``NEWSGRAPH_MAX_CHARS``) so that ``long.txt`` is over it without writing a megabyte.
"""

from __future__ import annotations

import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path

#: The parse limit (characters) a zoo run sets; ``long.txt`` is longer than this.
ZOO_MAX_CHARS = 20_000

_GOOD = ("The harbour board of Lindqvist voted on Tuesday to rebuild the north pier, "
         "chair Mara Olen said after the meeting. Work starts in the spring.")


@dataclass(frozen=True)
class ZooItem:
    """One input of the zoo: where ``read`` names it, and a piece of its error (``None``: stored)."""

    where: str
    error: str | None


def _story(topic: str) -> str:
    return f"{_GOOD} The {topic} was discussed at length by the board.\n"


def make_zoo(folder: Path) -> list[ZooItem]:
    """Write the zoo into ``folder`` (made if missing); the expected outcome of each input, in walk order."""
    folder.mkdir(parents=True, exist_ok=True)
    items: list[ZooItem] = []

    def add(name: str, data: bytes | str, error: str | None) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        items.append(ZooItem(str(path), error))

    # Not articles: the walk skips them without a word.
    (folder / "README.md").write_text("# About this folder\n\nNot an article.\n")
    (folder / "LICENSE").write_text("Permission is granted to anyone.\n")
    (folder / "fetch.py").write_text("print('not an article')\n")
    (folder / ".git").mkdir(exist_ok=True)
    (folder / ".git" / "HEAD.txt").write_text("ref: refs/heads/main\n")
    (folder / ".hidden.txt").write_text(_story("hidden file"))

    add("a-good.txt", _story("pier"), None)
    # A sidecar: metadata of a-sidecar.txt, not an article of its own.
    add("a-sidecar.txt", _story("ferry timetable"), None)
    (folder / "a-sidecar.json").write_text(json.dumps(
        {"title": "Ferry timetable changes", "authors": ["Ines Varga"], "publish_date": 1710400000.0}))
    add("b-binary.txt", b"\x00\x01\x02\x03" * 200, "binary")
    add("b-empty.txt", "   \n\n", "empty")
    add("c-corrupt.txt.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 64, "corrupt gzip")
    add("c-truncated.txt.gz", gzip.compress(_story("truncated file").encode())[:-12], "corrupt gzip")
    add("d-long.txt", (_story("long text") * (ZOO_MAX_CHARS // len(_GOOD) + 5)), "over the parse limit")

    # JSONL: one file, each line its own input.
    lines: list[tuple[str, str | None]] = [
        (json.dumps({"id": "ok1", "text": _story("tram")}), None),
        ("[" * 100_000 + "]" * 100_000, "nested too deep"),
        ('{"id": "big", "text": "x", "n": ' + "7" * 5000 + "}", "5000 digits"),
        ('{"id": "sur", "text": "An \\ud800 orphan half of a pair."}', "lone surrogate"),
        (json.dumps({"id": "tl", "title": ["A", "list"], "text": _story("title list")}), "field 'title'"),
        (json.dumps({"id": "ad", "authors": {"name": "Jo Dale"}, "text": _story("authors")}), "field 'authors'"),
        (json.dumps({"id": "nd", "published": "not a date", "text": _story("undated")}), None),
        (json.dumps({"id": "bd", "published": "9999-99-99", "text": _story("impossible date")}), None),
        ("{broken", "malformed JSON line"),
        (json.dumps({"schema": "newsgraph.record/1", "id": "0" * 64, "text": 5}), "not a valid newsgraph.record/1"),
    ]
    (folder / "e-feed.jsonl").write_text("\n".join(line for line, _ in lines) + "\n", encoding="utf-8")
    items += [ZooItem(f"{folder / 'e-feed.jsonl'}:{n}", error) for n, (_, error) in enumerate(lines, 1)]

    # CSV: a good row, a quote that swallows the next row, a good row, a quote left open; reading
    # starts again on the line after a bad row, so the last row is read.
    csv_lines = [
        "id,title,text",
        f'r1,Pier,"{_GOOD}"',
        'r2,Swallow,"A quoted text that runs on',
        'r3,Next row,"and ends here",extra',
        f'r4,Good again,"{_GOOD} Again."',
        'r5,Open,"never closed',
        f'r6,Last,"{_GOOD} Last."',
    ]
    (folder / "f-rows.csv").write_text("\n".join(csv_lines) + "\n", encoding="utf-8")
    for line, error in ((2, None), (3, "line 3 has an unbalanced quote"), (4, "has 4 fields, the header 3"),
                        (5, None), (6, "line 6 has an unbalanced quote"), (7, None)):
        items.append(ZooItem(f"{folder / 'f-rows.csv'}:{line}", error))
    add("g-page.html", "<html><body><nav>Home | About</nav></body></html>", "no article text")
    return items


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_zoo.py FOLDER")
    for entry in make_zoo(Path(sys.argv[1])):
        print(entry.where, "->", entry.error or "stored")
