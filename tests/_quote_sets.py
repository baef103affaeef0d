"""Checks shared by the form tests of the held-out quote sets (``handchecked_report*.json``).

A report set is scored once, totals only, by ``benchmarks/score_quotes.py --data``; its form tests
check that the file is well made without running newsgraph on it. These helpers read the set the
way the scorer reads it (its own ``load_gold``, ``find_items`` and ``norm``), turn an HTML page into
its words with the standard library only (no newsgraph stage runs), and hold the checks every such
set needs: field value sets, stretches found in their article's text, no article shared with another
set of the kind. Test modules import this as ``from _quote_sets import ...`` (``tests/`` is on
pytest's ``pythonpath``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

from _scripts import load_script

ROOT = Path(__file__).resolve().parents[1]
QUOTE_DATA = ROOT / "tests" / "extract" / "attribution" / "data"
ROLES = {"official", "politician", "spokesperson", "expert", "business", "legal", "security", "media", "activist",
         "ordinary"}
FORMS = {"marks", "partial", "post", "interview", "headline"}
#: Block tags that end a line of page text; inline tags (links, emphasis) join their words.
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "title",
               "article", "head", "body", "html"}


def load_scorer() -> ModuleType:
    """``benchmarks/score_quotes.py`` as a module, so the tests match stretches exactly as it does."""
    return load_script("benchmarks/score_quotes.py")


sq = load_scorer()


class _PageText(HTMLParser):
    """The words of an HTML page, a line break at each block tag (stdlib only: no newsgraph stage runs)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def item_text(item: Any) -> str:
    """An item's words as the annotator read them: the loader's text, an HTML page's words."""
    text = item.text if item.text is not None else item.data.decode("utf-8")
    if item.format == "html":
        parser = _PageText()
        parser.feed(text)
        text = "".join(parser.parts)
    return text


def fold(text: str) -> str:
    """The scorer's folding of marks, space and case, without its trimming of edge punctuation."""
    return sq.norm(f"x {text} x")[2:-2]


def field_problems(raw: Mapping[str, Any]) -> list[str]:
    """Every entry whose fields leave the sets' value sets (empty when the file is well made)."""
    problems: list[str] = []
    for key, article in raw["articles"].items():
        if set(article) != {"text", "ignore", "quotes"}:
            problems.append(f"{key}: fields {sorted(article)}")
        for q in article["quotes"]:
            where = f"{key}: {q.get('quote')!r}"
            checks = {
                "empty quote, speaker or key": bool(q["quote"].strip() and q["speaker"] and q["key"]),
                "key neither a word nor a list of words": isinstance(q["key"], str)
                or (isinstance(q["key"], list) and all(q["key"])),
                "unknown form": q["form"] in FORMS,
                "unknown role": q["role"] is None or q["role"] in ROLES,
                "unknown gender": q["gender"] in (None, "female", "male"),
                "gender without evidence or evidence without gender": (q["gender"] is None)
                == (q["gender_evidence"] is None),
                "a handle on a non-post or a post without one": ("handle" in q) == (q["form"] == "post"),
                "a handle without @": "handle" not in q or q["handle"].startswith("@"),
            }
            problems += [f"{where}: {what}" for what, ok in checks.items() if not ok]
        quotes = [sq.norm(q["quote"]) for q in article["quotes"]]
        if len(quotes) != len(set(quotes)):
            problems.append(f"{key}: the same words annotated twice")
    return problems


def other_set_articles(data: Path) -> set[str]:
    """The article keys of every other quote set of the kind, whatever it is named now."""
    keys: set[str] = set()
    for path in sorted(QUOTE_DATA.glob("handchecked_*.json")):
        if path != data:
            keys |= set(json.loads(path.read_text(encoding="utf-8"))["articles"])
    return keys


def text_problems(gold: list[Any], corpus: Path) -> list[str]:
    """Every annotated stretch, ignored stretch, key or handle not in its article's folded text."""
    items = sq.find_items(gold, corpus)
    problems: list[str] = []
    for article in gold:
        text = fold(item_text(items[article.key]))
        problems += [f"{article.key}: quote {q.quote!r}" for q in article.quotes if sq.norm(q.quote) not in text]
        problems += [f"{article.key}: ignore {s!r}" for s in article.ignore if sq.norm(s) not in text]
        problems += [f"{article.key}: key {q.keys!r}" for q in article.quotes
                     if not any(key.lower() in text for key in q.keys)]
        problems += [f"{article.key}: handle {q.handle!r}" for q in article.quotes
                     if q.handle is not None and q.handle.lower() not in text]
    return problems


def speakers_with_two_labels(gold: list[Any]) -> list[tuple[str, str]]:
    """Every (article, speaker) whose role or gender changes from quote to quote (one person, one source)."""
    changed: list[tuple[str, str]] = []
    for article in gold:
        labels: dict[str, set[tuple[str | None, str | None]]] = {}
        for q in article.quotes:
            labels.setdefault(q.speaker or "", set()).add((q.role, q.gender))
        changed += [(article.key, speaker) for speaker, seen in labels.items() if len(seen) > 1]
    return changed


def files_naming_articles(data: Path, keys: list[str]) -> list[tuple[str, str]]:
    """Every (data file, article id) where another data file of any kind names one of ``keys``."""
    ids = {key.split("/", 1)[1] for key in keys}
    found: list[tuple[str, str]] = []
    for path in sorted([*ROOT.glob("tests/**/*.json"), *ROOT.glob("benchmarks/data/*.json")]):
        if path != data:
            text = path.read_text(encoding="utf-8")
            found += [(str(path.relative_to(ROOT)), i) for i in sorted(ids) if i in text]
    return found


def size_problems(gold: list[Any], articles: int, quotes: int, role_sources: int, gender_sources: int = 0) -> list[str]:
    """What falls short of a set's minimums: articles, quotes, distinct (article, speaker) sources with a
    gold role and with a gold gender."""
    def sources(label: str) -> int:
        return len({(a.key, q.speaker) for a in gold for q in a.quotes if getattr(q, label) is not None})

    found = {"articles": len(gold), "quotes": sum(len(a.quotes) for a in gold),
             "role sources": sources("role"), "gender sources": sources("gender")}
    wanted = {"articles": articles, "quotes": quotes, "role sources": role_sources, "gender sources": gender_sources}
    return [f"{what}: {found[what]} < {wanted[what]}" for what in wanted if found[what] < wanted[what]]


def about_problems(raw: Mapping[str, Any], seed: int, annotated: str) -> list[str]:
    """What a report set's description lacks: that it is held out and annotated before the system ran, the
    seeded selection rule (so anyone can redo it) and its date."""
    about = raw["about"]
    problems = [f"about lacks {word!r}" for word in ("REPORT set", "held out") if word not in about]
    if "before newsgraph was run" not in about.lower():
        problems.append("about does not say it was annotated before newsgraph was run")
    if f"random.Random({seed})" not in about:
        problems.append(f"about lacks the seed {seed}")
    if raw["annotated"] != annotated:
        problems.append(f"annotated {raw['annotated']!r}, not {annotated!r}")
    return problems


def in_sport_semeval_gossip_share(key: str) -> bool:
    """The share of the reserved pool that the fifth and sixth quote report sets were drawn from, by key
    (SemEval 300-499, BBC sport 456-511, GossipCop, FakeNewsCorpus, BuzzFeed-Webis 1520-1627): one
    definition, so the two sets' form tests cannot drift apart."""
    corpus, item = key.split("/", 1)
    number = int(re.sub(r"\D", "", item) or -1)
    if corpus == "buzzfeed":
        return 1520 <= number <= 1627
    if corpus == "fakenewsnet":
        return item.startswith("gossipcop-")
    if corpus == "semeval":
        return 300 <= number <= 499
    if corpus == "bbc":
        return item.startswith("sport-") and 456 <= number <= 511
    return corpus == "fakenewscorpus" and item.startswith("fnc-")



def evidence_problems(raw: Mapping[str, Any], gold: list[Any], corpus: Path) -> list[str]:
    """Every role or gender evidence not in its article's folded text: the evidence is the article's own
    words, so a reader can check each label against the page."""
    items = sq.find_items(gold, corpus)
    problems: list[str] = []
    for key, article in raw["articles"].items():
        text = fold(item_text(items[key]))
        for q in article["quotes"]:
            for field in ("role_evidence", "gender_evidence"):
                if q[field] is not None and sq.norm(q[field]) not in text:
                    problems.append(f"{key}: {field} {q[field]!r}")
    return problems
