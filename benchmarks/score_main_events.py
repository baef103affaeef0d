"""Score ``main`` events against a hand-checked set of main events.

The sets, chosen with ``--data``: ``dev`` (benchmarks/data/main_events_handchecked.json,
21 articles; the salience rules were tuned on it, so its figures are development
figures), ``dev2`` (benchmarks/data/main_events_dev2.json, 10 articles, 6 of them
long, annotated before any system output on them; scored once unseen, then
developed on with ``dev``: ``--data dev,dev2``) and ``dev3`` (benchmarks/data/main_events_dev3.json, 13 articles
annotated before any system output on them; the report set of earlier rounds, scored
twice held out, a development set from 2026-12-02 round 3) and ``dev4``
(benchmarks/data/main_events_dev4.json, a development set annotated 2026-12-03 round 4 before the
system was run on it, made for dates the text gives and actors named by descriptions); ``report3``
(benchmarks/data/main_events_report3.json) is a held-out REPORT set annotated 2026-12-03 round 6,
scored once at the end of that round, totals only; ``report4`` (benchmarks/data/main_events_report4.json)
is a held-out REPORT set annotated 2026-12-07 round 7, to be scored once at the end of that round, totals
only; ``report5`` (benchmarks/data/main_events_report5.json) is a held-out REPORT set annotated 2026-12-07
round 8, to be scored once at the end of that round, totals only; ``report6`` and ``report7``
(benchmarks/data/main_events_report6.json, main_events_report7.json) are held-out REPORT sets annotated
2026-12-07 round 9 and 2026-12-08 round 10, each scored once at the end of its round, totals only; ``report8``
(benchmarks/data/main_events_report8.json) is a held-out REPORT set annotated 2026-12-08 round 11, to be
scored once at the end of that round, totals only; ``report9`` (benchmarks/data/main_events_report9.json) is a
held-out REPORT set annotated 2026-12-08 round 13, mostly long articles (text > 5 kB), to be scored once at the
end of that round, totals only; ``report10`` (benchmarks/data/main_events_report10.json) is a second held-out
REPORT set of mostly long articles, annotated 2026-12-08 round 14, to be scored once at the end of that round,
totals only; ``report11`` (benchmarks/data/main_events_report11.json) is a held-out REPORT set of the
article-extraction benchmark's news pages, mostly long, annotated 2026-12-08 round 16, to be scored once at
the end of that round, totals only; ``report12`` (benchmarks/data/main_events_report12.json) is a held-out REPORT
set of BuzzFeed-Webis 2016 articles and PolitiFact real items, annotated 2026-12-08 round 17, to be scored once at
the end of that round, totals only. ``--data`` also takes the path of a file in the same format.

Each article is read from ../shared/corpus as a user would hand it to newsgraph
(plain text; the ``mainText`` and title of a Buzzfeed-Webis XML file; the title,
text and publication date of a FakeNewsNet JSON file; the title, dateline and body of one
Reuters-21578 story, found by its ``id`` (NEWID), with the story's DATE as publication date; the title
and paragraphs of one SemEval-2019 hyperpartisan article, found by its ``id``, with its published-at
as publication date). A gold event is matched by
a main event whose trigger lies in a sentence holding one of the gold contexts
and whose predicate's first word is one of the gold predicates.

* precision: matched main events / main events;
* recall: gold events matched by a main event;
* actor right: of matched events whose gold names an actor, those whose actor
  entity name or actor text and the gold actor contain one another (case-insensitive);
  of matched events whose gold has no actor, counted apart;
* date right: of matched events whose gold has a date, those whose date begins
  with the gold value (the text's own precision).

``--long`` prints the figures of the long articles (clean text over ``LONG_CHARS`` characters, 5 kB, the
sets' own definition of a long article) and of the others apart, beside the totals.

``--losses`` adds where each gold event not recalled is lost (counts only, no text):
``no_event`` (no event of the record matches it: no clause was built, or the predicate is an
attribution or a state), ``not_main`` (an event matches but is not main; split by why:
``below_floor``, salience under the cut's floor; ``beyond_count``, above the floor but under the
last main event's salience; ``capped``, above the last main event, left out by a per-sentence,
per-happening or per-clause cap), ``other_lemma`` (no event matches, but a main event stands in
the gold sentence with another predicate) and ``no_context`` (a context snippet not found).

Example: PYTHONPATH=src python benchmarks/score_main_events.py --data dev3 --json
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsgraph import Reader
from newsgraph.extract.events.salience import LONG_ARTICLE_CHARS, MAIN_RELATIVE, MIN_MAIN_SALIENCE
from newsgraph.ingest.inputs import Item
from newsgraph.record import Event, Record

HERE = Path(__file__).resolve().parent
#: The named sets ``--data`` takes, development sets but the report sets report3-report7: dev..dev3 from
#: 2026-12-02 round 3 (dev3 was the report set), dev4 annotated 2026-12-03 round 4; report3, a held-out REPORT
#: set annotated 2026-12-03 round 6; report4, report5 and report6, held-out REPORT sets annotated 2026-12-07 rounds 7-9;
#: report7 and report8, held-out REPORT sets annotated 2026-12-08 rounds 10 and 11; report9, a held-out REPORT set of
#: mostly long articles annotated 2026-12-08 round 13; report10, a second held-out REPORT set of mostly long
#: articles annotated 2026-12-08 round 14; report11, a held-out REPORT set of the article-extraction benchmark's
#: news pages, mostly long, annotated 2026-12-08 round 16; report12, a held-out REPORT set of BuzzFeed-Webis 2016
#: articles and PolitiFact real items annotated 2026-12-08 round 17.
DATA_SETS = {"dev": HERE / "data" / "main_events_handchecked.json", "dev2": HERE / "data" / "main_events_dev2.json",
             "dev3": HERE / "data" / "main_events_dev3.json", "dev4": HERE / "data" / "main_events_dev4.json",
             "report3": HERE / "data" / "main_events_report3.json",
             "report4": HERE / "data" / "main_events_report4.json",
             "report5": HERE / "data" / "main_events_report5.json",
             "report6": HERE / "data" / "main_events_report6.json",
             "report7": HERE / "data" / "main_events_report7.json",
             "report8": HERE / "data" / "main_events_report8.json",
             "report9": HERE / "data" / "main_events_report9.json",
             "report10": HERE / "data" / "main_events_report10.json",
             "report11": HERE / "data" / "main_events_report11.json",
             "report12": HERE / "data" / "main_events_report12.json"}
GOLD = DATA_SETS["dev"]
#: A long article: a clean text over 5 kB, as the hand-checked sets' selection notes count them (docs/quality.md),
#: the same bound the salience score's long-article factors use.
LONG_CHARS = LONG_ARTICLE_CHARS
#: The per-article counts ``by_length`` sums again.
COUNT_KEYS = ("gold", "main", "main_matched", "gold_recalled", "actor_scored", "actor_right", "date_scored",
              "date_right", "events")
CORPUS = HERE.parent.parent / "shared" / "corpus"


def load_article(entry: dict[str, Any], corpus: Path) -> Item:
    path = corpus / entry["file"]
    if entry["format"] == "page":  # one page of the article-extraction benchmark, by its item id
        from newsgraph.evaluate.corpora import benchmark_page

        return benchmark_page(path, entry["id"])
    raw = path.read_text(encoding="utf-8", errors="replace")
    if entry["format"] == "buzzfeed":
        import html

        body = re.search(r"<mainText>(.*?)</mainText>", raw, re.S)
        title = re.search(r"<title>(.*?)</title>", raw, re.S)
        text = html.unescape(body.group(1) if body else "")
        head = html.unescape(title.group(1)).strip() if title else None
        return Item(where=str(path), text=f"{head}\n\n{text}" if head else text, title=head)
    if entry["format"] == "fakenewsnet":
        data = json.loads(raw)
        stamp = data.get("publish_date")
        published = datetime.fromtimestamp(float(stamp), tz=UTC).date().isoformat() if stamp else None
        title = (data.get("title") or "").strip()
        return Item(where=str(path), text=f"{title}\n\n{data.get('text', '')}", title=title or None,
                    published=published)
    if entry["format"] == "reuters":  # one story of a Reuters-21578 SGML file, by its NEWID
        from newsgraph.evaluate.corpora import reuters_stories

        doc = next(d for d in reuters_stories(path) if d.item.id == f"reuters-{entry['id']}")
        stamp = doc.extra["date"].split()[0] if doc.extra["date"] else ""  # "19-OCT-1987 10:10:10.10"
        published = datetime.strptime(stamp, "%d-%b-%Y").date().isoformat() if stamp else None
        return Item(where=f"{path}#{entry['id']}", text=doc.item.text, title=doc.item.title, published=published)
    if entry["format"] == "semeval":  # one article of the SemEval-2019 hyperpartisan XML file, by its id
        from newsgraph.evaluate.corpora import semeval_article

        return semeval_article(path, entry["id"])
    return Item(where=str(path), text=raw)


def _norm(text: str | None) -> str:
    return re.sub(r"^(the|a|an)\s+", "", (text or "").lower().replace("’", "'").strip())


def _sentence_spans(record: Record, contexts: list[str]) -> list[tuple[int, int]]:
    """The sentences (as events give them) that hold a context snippet."""
    text = record.text.replace("’", "'").replace("“", '"').replace("”", '"')
    spans = []
    bounds = sorted({(e.sentence.start, e.sentence.end) for e in record.events})
    for ctx in contexts:
        pos = text.find(ctx.replace("’", "'"))
        if pos < 0:
            continue
        spans += [(s, e) for s, e in bounds if s <= pos < e or s < pos + len(ctx) <= e]
    return spans


def _matches(gold: dict[str, Any], event: Event, spans: list[tuple[int, int]]) -> bool:
    if event.trigger is None or event.predicate.split()[0] not in {p.split()[0] for p in gold["predicates"]}:
        return False
    return any(s <= event.trigger.start < e for s, e in spans)


def _actor_right(gold: str, event: Event, names: dict[str, str]) -> bool:
    g = _norm(gold)
    for found in (names.get(event.actor or ""), event.actor_text):
        f = _norm(found)
        if f and (g in f or f in g):
            return True
    return False


def score(gold: dict[str, Any], corpus: Path, reader: Reader) -> dict[str, Any]:
    losses: Counter[str] = Counter()
    totals = {"articles": 0, "gold": 0, "main": 0, "main_matched": 0, "gold_recalled": 0,
              "actor_scored": 0, "actor_right": 0, "date_scored": 0, "date_right": 0, "events": 0}
    per_article = []
    for entry in gold["articles"]:
        record = reader.read(load_article(entry, corpus))
        names = {e.id: e.name for e in record.entities}
        main = [e for e in record.events if e.main]
        matched_main: set[str] = set()
        recalled = 0
        before = dict(totals)
        for g in entry["events"]:
            contexts = g["context"] if isinstance(g["context"], list) else [g["context"]]
            spans = _sentence_spans(record, contexts)
            hits = [e for e in main if _matches(g, e, spans)]
            if not hits:
                losses[_loss(g, record, spans, contexts)] += 1
                continue
            recalled += 1
            matched_main.update(e.id for e in hits)
            best = hits[0]
            if g["actor"]:
                totals["actor_scored"] += 1
                totals["actor_right"] += any(_actor_right(g["actor"], e, names) for e in hits)
            if g["date"]:
                totals["date_scored"] += 1
                totals["date_right"] += bool(best.date and best.date.startswith(g["date"]))
        totals["articles"] += 1
        totals["gold"] += len(entry["events"])
        totals["main"] += len(main)
        totals["events"] += len(record.events)
        totals["main_matched"] += len(matched_main)
        totals["gold_recalled"] += recalled
        where = entry["file"] + (f"#{entry['id']}" if "id" in entry else "")  # a Reuters story: file#NEWID
        per_article.append({"file": where, "gold": len(entry["events"]), "main": len(main),
                            "recalled": recalled, "main_matched": len(matched_main),
                            "long": len(record.text) > LONG_CHARS,
                            "counts": {k: totals[k] - before[k] for k in COUNT_KEYS},
                            "unmatched_main": [f"{e.actor_text} | {e.predicate_text or e.predicate}"
                                               for e in main if e.id not in matched_main]})

    return {
        **totals,
        **_figures(totals),
        "losses": dict(sorted(losses.items())),
        "per_article": per_article,
    }


def _figures(totals: dict[str, int]) -> dict[str, float]:
    def ratio(a: str, b: str) -> float:
        return round(totals[a] / totals[b], 4) if totals[b] else 0.0

    return {"precision": ratio("main_matched", "main"), "recall": ratio("gold_recalled", "gold"),
            "actor_accuracy": ratio("actor_right", "actor_scored"),
            "date_accuracy": ratio("date_right", "date_scored")}


def by_length(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The figures of the long articles (``LONG_CHARS``) and of the short ones apart, from ``score``'s detail.

    A long article has many more candidate clauses than the count of main events, and the events a reader
    lists are spread through it, so its figures are read apart from the short articles'.
    """
    out: dict[str, dict[str, Any]] = {}
    for part, is_long in (("long", True), ("short", False)):
        rows = [a for a in result["per_article"] if a["long"] is is_long]
        totals = {k: sum(a["counts"][k] for a in rows) for k in COUNT_KEYS}
        out[part] = {"articles": len(rows), **totals, **_figures(totals)}
    return out


def _loss(gold: dict[str, Any], record: Record, spans: list[tuple[int, int]], contexts: list[str]) -> str:
    """Why a gold event is not recalled (see the module docstring's ``--losses``)."""
    if not spans:  # the snippet is in no sentence that has an event: none at all, or not found in the text
        text = record.text.replace("’", "'").replace("“", '"').replace("”", '"')
        return "no_event" if any(c.replace("’", "'") in text for c in contexts) else "no_context"
    any_hits = [e for e in record.events if _matches(gold, e, spans)]
    if not any_hits:
        in_sentence = any(e.main and e.trigger is not None and any(s <= e.trigger.start < t for s, t in spans)
                          for e in record.events)
        return "other_lemma" if in_sentence else "no_event"
    best = max(e.salience for e in any_hits)
    top = max((e.salience for e in record.events), default=0.0)
    floor = max(MIN_MAIN_SALIENCE, MAIN_RELATIVE * top)
    last_main = min((e.salience for e in record.events if e.main), default=1.0)
    if best < floor:
        return "not_main/below_floor"
    if best < last_main:
        return "not_main/beyond_count"
    return "not_main/capped"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", "--gold", dest="data", default="dev",
                        help="dev, dev2, dev3 or dev4 (development sets), report3 (held out), the path of a gold file, "
                             "or several joined by commas (dev2,dev3)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", action="store_true", help="print every figure and the per-article detail")
    parser.add_argument("--long", action="store_true",
                        help="also print the long articles' figures (text over 5 kB) and the short ones' apart")
    parser.add_argument("--losses", action="store_true",
                        help="also print where the gold events not recalled are lost (counts only)")
    args = parser.parse_args()
    articles: list[dict[str, Any]] = []
    for name in args.data.split(","):  # "dev,dev2": the development sets scored together
        path = DATA_SETS.get(name, Path(name))
        articles += json.loads(path.read_text(encoding="utf-8"))["articles"]
    gold = {"articles": articles}
    result = score(gold, args.corpus, Reader())
    if args.json:
        if args.long:
            result["by_length"] = by_length(result)
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        print({k: v for k, v in result.items() if k not in ("per_article", "losses")})
        if args.long:
            for part, figures in by_length(result).items():
                print({part: figures})
        if args.losses:
            print({"losses": result["losses"]})


if __name__ == "__main__":
    main()
