"""Score the time stage on TimeML corpora (TimeBank, AQUAINT, tweets) as TempEval-3 does.

A TimeML file holds the article text with inline ``<TIMEX3>`` tags and a document
creation time (``<DCT>``), which plays the part of the publication date. We strip
the tags, keep each gold TIMEX3's character offsets in the plain text, run the
time stage on that text with the creation date, and compare:

- **extent**: strict (same start and end) and relaxed (the spans overlap), each
  as precision / recall / F1, one gold timex matched at most once;
- **attributes** (type, value) as TempEval-3's ``TE3-evaluation.py`` counts them:
  an attribute is correct when the timex is matched (relaxed) *and* its attribute
  equals the gold one; attribute precision divides by system timexes, recall by
  gold timexes; *accuracy* divides by matched timexes.

UzZaman et al. 2013, "SemEval-2013 Task 1: TempEval-3", section 4.1.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"')
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}
_ENTITY = re.compile("|".join(map(re.escape, _ENTITIES)))


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass
class TimeMLDoc:
    """One TimeML file: plain text, creation date and gold time expressions."""

    name: str
    corpus: str
    dct: str | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


@dataclass(frozen=True)
class SystemTimex:
    start: int
    end: int
    type: str
    value: str | None


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], text)


def _dct(raw: str) -> str | None:
    block = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if not block:
        return None
    attrs = dict(_ATTR.findall(block.group(1)))
    value = attrs.get("value", "")
    match = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return match.group(0) if match else None


def parse_tml(raw: str, name: str = "", corpus: str = "") -> TimeMLDoc:
    """The plain text of ``<TEXT>`` with gold TIMEX3 offsets into it.

    A small tag walker rather than an XML parser: a few corpus files carry
    stray ``&`` or unbalanced tags that would stop ``ElementTree``.
    """
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    content = body.group(1) if body else ""
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    cursor = 0
    for match in _TAG.finditer(content):
        chunk = _unescape(content[cursor : match.start()])
        pieces.append(chunk)
        length += len(chunk)
        cursor = match.end()
        closing, tag = match.group(1) == "/", match.group(2).upper()
        if tag != "TIMEX3":
            continue
        if not closing and match.group(4) != "/":
            open_timex = (length, dict(_ATTR.findall(match.group(3))))
        elif closing and open_timex is not None:
            start, attrs = open_timex
            text = "".join(pieces)[start:length]
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            if text.strip():
                timexes.append(
                    GoldTimex(
                        start=start + lead,
                        end=length - trail,
                        text=text.strip(),
                        type=attrs.get("type", "DATE"),
                        value=attrs.get("value") or None,
                    )
                )
            open_timex = None
    pieces.append(_unescape(content[cursor:]))
    return TimeMLDoc(name=name, corpus=corpus, dct=_dct(raw), text="".join(pieces), timexes=timexes)


def corpus_name(path: Path, root: Path) -> str:
    """The corpus a file belongs to: its first folder under ``root`` that names a data set."""
    parts = path.relative_to(root).parts[:-1]
    for part in parts:
        if part.lower() in {"timebank", "aquaint", "tweets", "testset", "trainingset"}:
            if part.lower() in {"testset", "trainingset"}:
                return f"tweets-{part.lower().removesuffix('set')}"
            return part
    return parts[0] if parts else root.name


def iter_corpus(root: Path, *, limit: int | None = None) -> Iterator[TimeMLDoc]:
    """Every ``.tml`` file under ``root`` in a stable order, at most ``limit`` per corpus."""
    seen: dict[str, int] = {}
    for path in sorted(root.rglob("*.tml")):
        corpus = corpus_name(path, root)
        if limit is not None and seen.get(corpus, 0) >= limit:
            continue
        seen[corpus] = seen.get(corpus, 0) + 1
        raw = path.read_text(encoding="utf-8", errors="replace")
        yield parse_tml(raw, name=path.name, corpus=corpus)


@dataclass
class Counts:
    """Tallies for one corpus; ``scores`` turns them into the reported figures."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | int]:
        def prf(hits: int) -> tuple[float, float, float]:
            p = hits / self.system if self.system else 0.0
            r = hits / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        out: dict[str, float | int] = {"docs": self.docs, "gold": self.gold, "system": self.system}
        for name, hits in (("strict", self.strict), ("relaxed", self.relaxed),
                           ("type", self.type_ok), ("value", self.value_ok)):
            p, r, f = prf(hits)
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = round(p, 4), round(r, 4), round(f, 4)
        out["type_accuracy"] = round(self.type_ok / self.relaxed, 4) if self.relaxed else 0.0
        out["value_accuracy"] = round(self.value_ok / self.relaxed, 4) if self.relaxed else 0.0
        return out


def _overlap(a: GoldTimex, b: SystemTimex) -> bool:
    return a.start < b.end and b.start < a.end


def score_document(gold: list[GoldTimex], system: list[SystemTimex]) -> Counts:
    """Counts for one document; a gold timex pairs with the first unused overlapping system one."""
    counts = Counts(docs=1, gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        exact = next((i for i, s in enumerate(system) if i not in used and (s.start, s.end) == (g.start, g.end)), None)
        index = exact if exact is not None else next(
            (i for i, s in enumerate(system) if i not in used and _overlap(g, s)), None
        )
        if index is None:
            continue
        used.add(index)
        s = system[index]
        counts.relaxed += 1
        counts.strict += exact is not None
        counts.type_ok += s.type == g.type
        counts.value_ok += s.value is not None and g.value is not None and s.value == g.value
    return counts


@dataclass
class Mistake:
    """A gold or system timex that did not match, for error analysis (``--errors``)."""

    doc: str
    kind: str  # missed | spurious | value | type
    text: str
    gold: str | None
    system: str | None
    context: str


def _mistakes(doc: TimeMLDoc, system: list[SystemTimex]) -> list[Mistake]:
    out = []
    used: set[int] = set()

    def ctx(start: int, end: int) -> str:
        return doc.text[max(0, start - 40) : end + 40].replace("\n", " ")

    for g in doc.timexes:
        index = next((i for i, s in enumerate(system) if i not in used and _overlap(g, s)), None)
        if index is None:
            out.append(Mistake(doc.name, "missed", g.text, g.value, None, ctx(g.start, g.end)))
            continue
        used.add(index)
        s = system[index]
        sys_text = doc.text[s.start : s.end]
        if s.value != g.value:
            out.append(Mistake(doc.name, "value", f"{g.text} | {sys_text}", g.value, s.value, ctx(g.start, g.end)))
        elif (s.start, s.end) != (g.start, g.end):
            out.append(Mistake(doc.name, "extent", f"{g.text} | {sys_text}", g.value, s.value, ctx(g.start, g.end)))
    for i, s in enumerate(system):
        if i not in used:
            out.append(Mistake(doc.name, "spurious", doc.text[s.start : s.end], None, s.value, ctx(s.start, s.end)))
    return out


Tagger = Callable[[Iterable[tuple[str, str | None]]], Iterator[list[SystemTimex]]]


@dataclass
class Evaluation:
    by_corpus: dict[str, Counts]
    mistakes: list[Mistake]

    def report(self) -> dict[str, dict[str, float | int]]:
        out = {name: counts.scores() for name, counts in sorted(self.by_corpus.items())}
        total = Counts()
        for counts in self.by_corpus.values():
            total.add(counts)
        out["all"] = total.scores()
        return out


def evaluate(docs: Iterable[TimeMLDoc], tagger: Tagger, *, keep_mistakes: bool = False) -> Evaluation:
    """Run ``tagger`` over the documents' texts (with their creation dates) and score it."""
    docs = list(docs)
    by_corpus: dict[str, Counts] = {}
    mistakes: list[Mistake] = []
    for doc, system in zip(docs, tagger((d.text, d.dct) for d in docs), strict=True):
        counts = score_document(doc.timexes, system)
        by_corpus.setdefault(doc.corpus, Counts()).add(counts)
        if keep_mistakes:
            mistakes.extend(_mistakes(doc, system))
    return Evaluation(by_corpus=by_corpus, mistakes=mistakes)


def spacy_tagger(model: str | None = None, batch_size: int = 16) -> Tagger:
    """The time stage inside the spaCy pipeline, other newsgraph components left out."""
    from newsgraph.nlp import extensions as ext
    from newsgraph.nlp.pipeline import load

    nlp = load(model, components=("newsgraph_times",))

    def tag(items: Iterable[tuple[str, str | None]]) -> Iterator[list[SystemTimex]]:
        def docs() -> Iterator[tuple[object, None]]:
            for text, dct in items:
                doc = nlp.make_doc(text)
                setattr(doc._, ext.PUBLISHED, dct)
                yield doc, None

        for doc, _ in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
            yield [SystemTimex(t.start, t.end, t.type, t.value) for t in ext.get_list(doc, ext.TIMES)]

    return tag


__all__ = [
    "Counts", "Evaluation", "GoldTimex", "Mistake", "SystemTimex", "TimeMLDoc",
    "evaluate", "iter_corpus", "parse_tml", "score_document", "spacy_tagger",
]
