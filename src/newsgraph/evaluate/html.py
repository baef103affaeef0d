"""Main-text extraction from HTML pages, scored as the article-extraction benchmark does.

The benchmark (``article-extraction-benchmark``) compares the extracted body
with ``ground-truth.json``'s ``articleBody`` as bags of tokens: per page,
precision = shared tokens / extracted tokens and recall = shared tokens / gold
tokens; F1 from those, then the mean over pages. Accuracy is the share of
pages whose F1 rounds to 1.0 at three decimals.

The pages are split in two halves by a hash of the page id (``split_of``): the
rules of ``ingest/html.py`` and ``clean/`` for web pages were written looking at
the ``develop`` half only; figures are reported on the ``report`` half.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from statistics import mean

from newsgraph.clean import clean
from newsgraph.errors import InputError
from newsgraph.ingest import decode_bytes, extract_html

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, ref = tokens(predicted), tokens(gold)
    shared = sum((pred & ref).values())
    p = shared / sum(pred.values()) if pred else 0.0
    r = shared / sum(ref.values()) if ref else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class HtmlScore:
    system: str
    pages: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    failures: int
    #: Metadata accuracy where the gold has the field: {field: {"pages": n, "accuracy": share}} (newsgraph only).
    fields: dict[str, dict[str, float]] = field(default_factory=dict)


#: The two halves of the benchmark, and "all".
SPLITS = ("develop", "report", "all")


def split_of(page_id: str) -> str:
    """The half a page belongs to: by the parity of the SHA-256 of its id (stable, independent of order)."""
    return "develop" if hashlib.sha256(page_id.encode()).digest()[0] % 2 == 0 else "report"


def pages(directory: Path, split: str = "all") -> Iterator[tuple[str, str, str]]:
    """(page id, HTML, gold body) for every page of the benchmark folder in ``split``."""
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, entry in sorted(truth.items()):
        if split != "all" and split_of(page_id) != split:
            continue
        candidates = [directory / "html" / f"{page_id}.html.gz", directory / "html" / f"{page_id}.html"]
        path = next((c for c in candidates if c.exists()), None)
        if path is None:
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        yield page_id, decode_bytes(data, str(path)), entry.get("articleBody") or ""


def newsgraph_body(html: str) -> str:
    """The clean text newsgraph's record would carry for the page."""
    return clean(extract_html(html, "<page>").text, fmt="html").text


#: The gold keys of each metadata field (schema.org names first); pages without them are not scored.
GOLD_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("headline", "title"),
    "authors": ("author", "authors"),
    "published": ("datePublished", "published"),
}


def _names(value: object) -> set[str]:
    """Author names of a gold value: a string ("A and B", "A, B"), a list of strings or of {"name": …}."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        return set().union(*(_names(v) for v in value)) if value else set()
    if not isinstance(value, str):
        return set()
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", value)
    return {" ".join(p.casefold().split()) for p in parts if p.strip()}


def field_correct(name: str, predicted: object, gold: object) -> bool:
    """Whether a predicted metadata value matches the gold one: the same title (case and spacing aside),
    the same set of author names, the same publication day."""
    if name == "title":
        return isinstance(predicted, str) and isinstance(gold, str) and \
            " ".join(predicted.casefold().split()) == " ".join(gold.casefold().split())
    if name == "authors":
        return _names(predicted) == _names(gold)
    return isinstance(predicted, str) and isinstance(gold, str) and predicted[:10] == gold[:10]


def gold_fields(entry: dict) -> dict[str, object]:
    """The metadata fields a ground-truth entry holds."""
    out: dict[str, object] = {}
    for name, keys in GOLD_FIELDS.items():
        for key in keys:
            if entry.get(key):
                out[name] = entry[key]
                break
    return out


def newsgraph_fields(html: str) -> dict[str, object]:
    """The title, authors and publication date newsgraph's record would carry for the page (as in
    ``api.prepare``: the page metadata first, the cleaned head after)."""
    article = extract_html(html, "<page>")
    cleaned = clean(article.text, fmt="html")
    return {"title": article.title or cleaned.title, "authors": article.authors or cleaned.authors,
            "published": article.published or cleaned.published}


def trafilatura_body(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


SYSTEMS: dict[str, Callable[[str], str]] = {"newsgraph": newsgraph_body, "trafilatura": trafilatura_body}


def evaluate(
    directory: Path, *, limit: int | None = None, systems: tuple[str, ...] = tuple(SYSTEMS), split: str = "all"
) -> list[HtmlScore]:
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in systems}
    failures: Counter[str] = Counter()
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    field_hits: dict[str, list[bool]] = {}
    for n, (page_id, html, gold) in enumerate(pages(directory, split)):
        if limit is not None and n >= limit:
            break
        wanted = gold_fields(truth.get(page_id) or {})
        if wanted and "newsgraph" in systems:
            try:
                found = newsgraph_fields(html)
            except InputError:
                found = {}
            for name, value in wanted.items():
                field_hits.setdefault(name, []).append(field_correct(name, found.get(name), value))
        for name in systems:
            try:
                predicted = SYSTEMS[name](html)
            except InputError:
                predicted = ""
                failures[name] += 1
            scores[name].append(prf(predicted, gold))
    out = []
    for name, rows in scores.items():
        if not rows:
            continue
        out.append(HtmlScore(
            system=name, pages=len(rows),
            precision=round(mean(r[0] for r in rows), 4), recall=round(mean(r[1] for r in rows), 4),
            f1=round(mean(r[2] for r in rows), 4), accuracy=round(mean(1.0 if round(r[2], 3) >= 1.0 else 0.0
                                                                        for r in rows), 4),
            failures=failures[name],
            fields={f: {"pages": len(hits), "accuracy": round(mean(hits), 4)} for f, hits in field_hits.items()}
            if name == "newsgraph" else {},
        ))
    return out


def as_dicts(scores: list[HtmlScore]) -> list[dict]:
    return [asdict(s) for s in scores]
