"""Robustness on real articles: read N mixed-corpus documents, report crashes and suspicious output.

Runs ``Reader.read_many`` over ``newsgraph.evaluate.corpora.mixed(N)`` (every
corpus, HTML ones included) in small chunks. ``read_many`` turns bad input into
``source.error``; an exception escaping it is an extractor bug, so a failing
chunk is re-read item by item to name the document. Then it counts what each
stage produced and flags output that is almost certainly wrong:

- events whose predicate or actor has no letters (a quote mark read as a verb);
- entities whose name is a pronoun, a date word, a number or punctuation;
- PERSON entities whose name is one letter;
- times without a value that are not flagged ``anchored: false``;
- items whose offsets do not match the text, empty or overlapping paragraphs,
  event sentences that cross a paragraph boundary or run past 2,000 characters.

Rates are per 1,000 extracted items of the kind. Example:
    PYTHONPATH=src python benchmarks/robustness.py --n 300 --examples 5
"""

from __future__ import annotations

import argparse
import json
import re
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from newsgraph.api import Reader
from newsgraph.evaluate.corpora import CorpusDoc, mixed
from newsgraph.record import Record


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRONOUNS = _words(
    "i me my mine we us our ours you your yours he him his she her hers it its they them their theirs "
    "this that these those who whom whose which what myself yourself himself herself itself ourselves "
    "themselves one someone anyone everyone"
)
DATE_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec week month year day night morning"
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_NUMBER = re.compile(r"^[\d.,%$€£\s/:-]+$")
_PREDICATE_OK = re.compile(r"^[^\W\d_][\w'’-]*(?: [\w'’-]+)*$")
MAX_SENTENCE = 2000


def _bad_name(name: str) -> str | None:
    """Why an entity name cannot be a name, or None."""
    low = name.strip().lower()
    if not _HAS_LETTER.search(name):
        return "number" if _NUMBER.match(name.strip() or "x") else "punctuation"
    if low in PRONOUNS and not (name.isupper() and len(name) > 1):  # "US" is a country
        return "pronoun"
    if low in DATE_WORDS or re.fullmatch(r"(?:the )?\d{4}s?", low):
        return "date"
    return None


def check(record: Record) -> Iterator[tuple[str, str]]:
    """(kind of problem, example) for every suspicious item of one record."""
    text = record.text
    for entity in record.entities:
        reason = _bad_name(entity.name)
        if reason:
            yield f"entity name is {reason}", f"{entity.type} {entity.name!r}"
        if entity.type == "PERSON" and len(entity.name.replace(".", "").strip()) <= 1:
            yield "PERSON with 1-letter name", repr(entity.name)
        for mention in entity.mentions:
            if text[mention.start : mention.end] != mention.text:
                yield "mention offsets wrong", f"{mention.text!r} at {mention.start}"
    for time_ in record.times:
        if time_.value is None and time_.anchored:
            yield "time without value, not flagged", f"{time_.type} {time_.text!r}"
        if time_.raw_start is None and text[time_.start : time_.end] != time_.text:
            yield "time offsets wrong", f"{time_.text!r} at {time_.start}"
    paragraph_starts = sorted(p.start for p in record.paragraphs)
    for event in record.events:
        if not _PREDICATE_OK.match(event.predicate or ""):
            yield "event predicate odd", f"{event.predicate!r} ({event.actor_text!r})"
        if event.actor_text is not None and not _HAS_LETTER.search(event.actor_text):
            yield "event actor has no letters", f"{event.actor_text!r} {event.predicate!r}"
        if event.target_text is not None and not _HAS_LETTER.search(event.target_text):
            yield "event target has no letters", f"{event.target_text!r} {event.predicate!r}"
        start, end = event.sentence.start, event.sentence.end
        if end - start > MAX_SENTENCE:
            yield "event sentence > 2000 chars", f"{end - start} chars at {start}"
        if any(start < p < end for p in paragraph_starts):
            yield "event sentence crosses paragraph", repr(text[start : min(end, start + 80)])
    previous_end = 0
    for paragraph in record.paragraphs:
        if paragraph.end <= paragraph.start or not text[paragraph.start : paragraph.end].strip():
            yield "empty paragraph", f"at {paragraph.start}"
        if paragraph.start < previous_end:
            yield "overlapping paragraphs", f"at {paragraph.start}"
        previous_end = paragraph.end


def _chunks(docs: list[CorpusDoc], size: int) -> Iterator[list[CorpusDoc]]:
    for i in range(0, len(docs), size):
        yield docs[i : i + size]


def read_all(reader: Reader, docs: list[CorpusDoc], chunk: int) -> tuple[list[tuple[CorpusDoc, Record]], list[dict]]:
    """Records of every document; a chunk that raises is re-read one by one to find the culprit."""
    records: list[tuple[CorpusDoc, Record]] = []
    crashes: list[dict] = []
    for part in _chunks(docs, chunk):
        try:
            got = list(reader.read_many([d.item for d in part]))
        except Exception:  # every extractor bug is caught: the point of this script
            got = None
        if got is not None:
            records.extend(zip(part, got, strict=True))
            continue
        for doc in part:
            try:
                records.extend((doc, r) for r in reader.read_many([doc.item]))
            except Exception as exc:
                crashes.append({"doc": doc.item.where, "corpus": doc.corpus, "error": repr(exc),
                                "trace": traceback.format_exc(limit=-3)})
    return records, crashes


def summarise(pairs: list[tuple[CorpusDoc, Record]], examples: int) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    problems: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    per_corpus: Counter[str] = Counter()
    for doc, record in pairs:
        per_corpus[doc.corpus] += 1
        if record.source.error:
            counts["input errors (source.error)"] += 1
            continue
        counts["documents read"] += 1
        counts["paragraphs"] += len(record.paragraphs)
        counts["entities"] += len(record.entities)
        counts["mentions"] += sum(len(e.mentions) for e in record.entities)
        counts["times"] += len(record.times)
        counts["sources"] += len(record.sources)
        counts["attributions"] += len(record.attributions)
        counts["events"] += len(record.events)
        counts["relations"] += len(record.relations)
        for kind, example in check(record):
            problems[kind] += 1
            if len(samples[kind]) < examples:
                samples[kind].append(f"{doc.item.where}: {example}")
    base = {"entity": "entities", "PERSON": "entities", "time": "times", "event": "events",
            "mention": "mentions", "empty": "paragraphs", "overlapping": "paragraphs"}
    rates = {}
    for kind, n in problems.items():
        denominator = counts[next((v for k, v in base.items() if kind.startswith(k)), "documents read")]
        rates[kind] = round(1000 * n / denominator, 2) if denominator else None
    return {"corpora": dict(per_corpus), "counts": dict(counts), "problems": dict(problems.most_common()),
            "per_1000": rates, "examples": dict(samples)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="documents, round-robin over all corpora")
    parser.add_argument("--chunk", type=int, default=16, help="documents per read_many call")
    parser.add_argument("--examples", type=int, default=3, help="examples shown per kind of problem")
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()

    docs = mixed(args.n)
    reader = Reader(args.model)
    start = time.perf_counter()
    pairs, crashes = read_all(reader, docs, args.chunk)
    seconds = time.perf_counter() - start
    report = {"n": len(docs), "seconds": round(seconds, 1), "exceptions": crashes, **summarise(pairs, args.examples)}
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    print(f"documents: {report['n']}  ({report['corpora']})  in {seconds:.0f} s")
    print(f"exceptions: {len(crashes)}")
    for crash in crashes:
        print(f"  {crash['corpus']} {crash['doc']}: {crash['error']}\n{crash['trace']}")
    print("counts: " + ", ".join(f"{k} {v}" for k, v in report["counts"].items()))
    print("suspicious (count, per 1000 items of that kind):")
    for kind, n in report["problems"].items():
        print(f"  {kind}: {n} ({report['per_1000'][kind]})")
        for example in report["examples"][kind]:
            print(f"      {example}")


if __name__ == "__main__":
    main()
