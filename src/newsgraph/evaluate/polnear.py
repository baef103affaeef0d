"""Score the attribution stage on PolNeAR (Newell, Margolin & Ruths 2018), brat standoff format.

PolNeAR marks, for every attribution, a Source, a Cue and a Content span
(possibly discontinuous), with at most one attribution per token. The scorer
reads the ``train`` or ``dev`` split (one annotator's file per article), runs
the attribution stage on the article text as given, and reports
precision/recall/F1 for

- **content**: a predicted content matches a gold content;
- **attribution**: the content matches and so does the source (a predicted
  attribution with no source matches a gold one with no source);
- **cue**: the cue spans match;

each by **overlap** (the two spans share a character) and by **exact** span (equal after
trimming whitespace, punctuation and quotation marks at both ends). Matching is
one-to-one, greedy by largest overlap.

Two conventions differ between newsgraph records and PolNeAR; the adapter here
bridges them, and nothing else is changed:

- PolNeAR is univocal, so a quoted fragment inside a ``mixed`` attribution's
  content is not a separate attribution there; such nested predictions are dropped.
- PolNeAR content spans include the quotation marks and a leading "that"; a
  predicted content is widened to them when they stand right at its edges.

The source span of a prediction is the mention of its source nearest to its cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.record import Attribution, Source, SourceMention

Span = tuple[int, int]
SPLITS = ("train", "dev")
#: Quotation marks: content next to one is a quotation, not a noun phrase.
QUOTE_MARKS = ("\"", "“", "”", "‘", "’", "«", "»", "''", "``")
#: Words of speech tag allowed between two quotes of one source for PolNeAR to see one content.
MAX_RUN_GAP_WORDS = 10
_TRIM = " \t\r\n.,;:!?\"'“”‘’«»‹›„()[]—–-"
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d; ]+)\t?(.*)$")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]


@dataclass(slots=True)
class Article:
    name: str
    text: str
    gold: list[GoldAttribution]


@dataclass(frozen=True, slots=True)
class Predicted:
    content: Span
    source: Span | None
    cue: Span | None


@dataclass(slots=True)
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def scores(self) -> dict[str, float | int]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}  # fmt: skip


@dataclass(slots=True)
class Report:
    split: str
    articles: int = 0
    counts: dict[str, Counts] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {"split": self.split, "articles": self.articles,
                "scores": {name: c.scores() for name, c in sorted(self.counts.items())}}  # fmt: skip


# --- reading the data ------------------------------------------------------------


def data_dir(root: Path) -> Path:
    """Accept the PolNeAR repository root, its ``data`` folder, or a split folder's parent."""
    for candidate in (root / "data", root):
        if (candidate / "train").is_dir() or (candidate / "dev").is_dir():
            return candidate
    raise FileNotFoundError(f"{root}: no PolNeAR data (expected data/train or data/dev)")


def _spans(field_text: str) -> tuple[Span, ...]:
    out = []
    for part in field_text.split(";"):
        bits = part.split()
        if len(bits) == 2:
            out.append((int(bits[0]), int(bits[1])))
    return tuple(out)


def parse_ann(ann: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file (lines T = spans, E = attribution events)."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[str] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if m:
                spans[m.group(1)] = _spans(m.group(3))
        elif line.startswith("E"):
            events.append(line)
    gold: list[GoldAttribution] = []
    for line in events:
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        roles: dict[str, tuple[Span, ...]] = {}
        for arg in parts[1].split():
            role, _, ref = arg.partition(":")
            roles[role.rstrip("0123456789")] = spans.get(ref, ())
        if roles.get("Content"):
            gold.append(GoldAttribution(roles["Content"], roles.get("Source", ()), roles.get("Cue", ())))
    return gold


def load_articles(root: Path, split: str = "dev", limit: int | None = None) -> Iterator[Article]:
    """The split's articles in name order, each with one annotator's attributions."""
    base = data_dir(root) / split
    anns: dict[str, Path] = {}
    for path in sorted((base / "attributions").glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        anns.setdefault(name, path)
    count = 0
    for text_path in sorted((base / "text").glob("*.txt")):
        ann = anns.get(text_path.stem)
        if ann is None:
            continue
        text = text_path.read_text(encoding="utf-8")
        yield Article(text_path.stem, text, parse_ann(ann.read_text(encoding="utf-8")))
        count += 1
        if limit is not None and count >= limit:
            return


# --- adapting predictions ----------------------------------------------------------


def _widen(text: str, span: Span) -> Span:
    """Widen a content span to PolNeAR's convention: surrounding quote marks and a leading "that"."""
    start, end = span
    if start > 0 and text[start - 1] in "“\"«„‘'":
        start -= 1
        if end < len(text) and text[end] in ".,!?" and end + 1 < len(text) and text[end + 1] in "”\"»’'":
            end += 1
        if end < len(text) and text[end] in "”\"»“’'":
            end += 1
    head = text[max(0, start - 5) : start]
    if head.lower() == "that ":
        start -= 5
    return start, end


def _nearest_mention(source: Source, cue: Span | None, parts: list[Span]) -> Span | None:
    """The source's mention outside the content's parts and closest to the cue (or to the content)."""
    outside = [m for m in source.mentions if all(m.end <= s or m.start >= e for s, e in parts)]
    if not outside:
        return None
    anchor = cue or parts[0]

    def distance(m: SourceMention) -> int:
        return anchor[0] - m.end if m.end <= anchor[0] else max(0, m.start - anchor[1])

    best = min(outside, key=distance)
    return best.start, best.end


def predictions(text: str, sources: list[Source], attributions: list[Attribution]) -> list[Predicted]:
    """newsgraph attributions as PolNeAR-style triples (see the module docstring)."""
    by_id = {s.id: s for s in sources}
    contents = [(a.content.start, a.content.end) for a in attributions]
    kept = [
        a
        for a, (start, end) in zip(attributions, contents, strict=True)
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e in contents)
    ]
    out: list[Predicted] = []
    for group in _quote_runs(text, sorted(kept, key=lambda a: a.content.start)):
        start, end = group[0].content.start, group[-1].content.end
        first_cue = next((a.cue for a in group if a.cue), None)
        cue = (first_cue.start, first_cue.end) if first_cue else None
        source = by_id.get(group[0].source or "")
        parts = [(a.content.start, a.content.end) for a in group]
        src_span = _nearest_mention(source, cue, parts) if source else None
        widened = _widen(text, (start, end)) if len(group) == 1 else _widen_run(text, start, end)
        out.append(Predicted(widened, src_span, cue))
    return out


def _quote_runs(text: str, attributions: list[Attribution]) -> Iterator[list[Attribution]]:
    """A quote split by its tag ("'A,' X said, 'B.'") or continued without one is one PolNeAR content."""
    run: list[Attribution] = []
    for a in attributions:
        if run:
            last = run[-1]
            gap = text[last.content.end : a.content.start]
            if (
                a.quoted
                and last.quoted
                and a.source is not None
                and a.source == last.source
                and (a.cue is None or a.cue == last.cue)
                and len(gap.split()) <= MAX_RUN_GAP_WORDS
            ):
                run.append(a)
                continue
            yield run
        run = [a]
    if run:
        yield run


def _widen_run(text: str, start: int, end: int) -> Span:
    first = _widen(text, (start, start + 1))[0]
    last = _widen(text, (end - 1, end))[1]
    return first, last


# --- matching --------------------------------------------------------------------


def _cover(spans: Iterable[Span]) -> Span | None:
    spans = list(spans)
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def _overlap(a: Iterable[Span], b: Iterable[Span]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _norm(text: str, span: Span | None) -> str:
    if span is None:
        return ""
    return " ".join(text[span[0] : span[1]].strip(_TRIM).split()).lower()


def _spans_match(text: str, pred: Span | None, gold: tuple[Span, ...], exact: bool) -> bool:
    if pred is None or not gold:
        return pred is None and not gold
    if exact:
        return _norm(text, pred) == _norm(text, _cover(gold))
    return _overlap([pred], gold) > 0


def _match(
    text: str, preds: list[Predicted], gold: list[GoldAttribution], role: str, exact: bool, with_source: bool
) -> Counts:
    """One-to-one matching of predictions to gold on ``role`` (content or cue), greedy by overlap."""
    pairs: list[tuple[int, int, int]] = []
    for i, p in enumerate(preds):
        pspan = p.content if role == "content" else p.cue
        if pspan is None:
            continue
        for j, g in enumerate(gold):
            gspans = g.content if role == "content" else g.cue
            if not _spans_match(text, pspan, gspans, exact):
                continue
            if with_source and not _spans_match(text, p.source, g.source, exact):
                continue
            pairs.append((_overlap([pspan], gspans), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    tp = 0
    for _, i, j in sorted(pairs, reverse=True):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        tp += 1
    n_pred = len(preds) if role == "content" else sum(1 for p in preds if p.cue is not None)
    n_gold = len(gold) if role == "content" else sum(1 for g in gold if g.cue)
    return Counts(tp, n_pred, n_gold)


def score_article(text: str, preds: list[Predicted], gold: list[GoldAttribution]) -> dict[str, Counts]:
    out: dict[str, Counts] = {}
    for mode, exact in (("overlap", False), ("exact", True)):
        out[f"content_{mode}"] = _match(text, preds, gold, "content", exact, with_source=False)
        out[f"attribution_{mode}"] = _match(text, preds, gold, "content", exact, with_source=True)
        out[f"cue_{mode}"] = _match(text, preds, gold, "cue", exact, with_source=False)
    return out


def evaluate(root: Path, split: str = "dev", limit: int | None = None, model: str | None = None) -> Report:
    """Run the attribution stage over a PolNeAR split and score it."""
    from newsgraph.extract.attribution.core import attributions
    from newsgraph.extract.entities.core import entities
    from newsgraph.nlp.pipeline import load

    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    nlp = load(model, components=())
    report = Report(split)
    articles = list(load_articles(root, split, limit))
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        sources, attrs = attributions(doc, entities(doc))
        preds = predictions(doc.text, sources, attrs)
        for name, counts in score_article(doc.text, preds, article.gold).items():
            report.counts.setdefault(name, Counts()).add(counts)
        nominal = [g for g in article.gold if nominal_content(doc, g)]
        clausal_gold = [g for g in article.gold if not nominal_content(doc, g)]
        clausal_preds = [p for p in preds if not _only_nominal(p, nominal, clausal_gold)]
        for name, counts in score_article(doc.text, clausal_preds, clausal_gold).items():
            report.counts.setdefault(f"{CLAUSAL}{name}", Counts()).add(counts)
        report.articles += 1
    return report


#: Prefix of the scores under the convention without nominal-content attributions.
CLAUSAL = "clausal_"


def nominal_content(doc, gold: GoldAttribution) -> bool:
    """A gold attribution whose content is a noun phrase ("criticized *the decision*"), not a clause or a quote.

    Content with a verb or an auxiliary, or inside quotation marks, is clausal;
    PolNeAR also annotates nominal content, which newsgraph leaves out by design,
    so its figures are given both with and without these.
    """
    for start, end in gold.content:
        if any(mark in doc.text[max(0, start - 1) : end + 1] for mark in QUOTE_MARKS):
            return False
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            return False
    return True


def _only_nominal(pred: Predicted, nominal: list[GoldAttribution], clausal: list[GoldAttribution]) -> bool:
    """A prediction that touches nominal gold content only: neither right nor wrong in the clausal convention."""
    touches = [pred.content]
    return any(_overlap(touches, g.content) for g in nominal) and not any(_overlap(touches, g.content) for g in clausal)
