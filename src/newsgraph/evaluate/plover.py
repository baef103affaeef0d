"""Score the events stage on the PLOVER gold standard (PLOVER_GSR_CAMEO.txt, 322 coded sentences).

Each gold record is one sentence with one coded event: its PLOVER type (version
0.5, older than the current ontology), source actors and target actors. Old type
names that are no longer PLOVER types (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT)
are the CAMEO root names; they are mapped to current types through the CAMEO root
code (``cameo_codes.csv``) and ``CAMEO2PLOVER-2021.txt`` (e.g. DEMAND -> 10 ->
REQUEST, FIGHT -> 19 -> ASSAULT).

The prediction for a sentence is its first event with a PLOVER code (in text
order); the actor and target are scored on that event (or on the first event
when none is coded). An actor matches when a gold actor text and the predicted
phrase contain one another, case-insensitively.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from newsgraph.nlp import extensions as ext
from newsgraph.record import Event

MAPPING_FILE = "CAMEO2PLOVER-2021.txt"
CAMEO_CODES_FILE = "cameo_codes.csv"
RE_ROOT_LINE = re.compile(r"^(\d{2}):\s*([A-Z]+)\s*$")
RE_ROOT_NAME = re.compile(r"^(\d{2}),(.+)$")


@dataclass
class GoldSentence:
    id: str
    text: str
    event: str  # current PLOVER type
    old_event: str
    sources: list[str]
    targets: list[str]


@dataclass
class SentenceResult:
    id: str
    gold: str
    predicted: str | None
    actor_ok: bool | None
    target_ok: bool | None
    target_loose_ok: bool | None
    predicate: str | None


@dataclass
class PloverReport:
    sentences: int = 0
    type_correct: int = 0
    coded: int = 0
    actor_total: int = 0
    actor_correct: int = 0
    target_total: int = 0
    target_correct: int = 0
    target_loose_correct: int = 0
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    results: list[SentenceResult] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.sentences if self.sentences else 0.0

    @property
    def actor_accuracy(self) -> float:
        return self.actor_correct / self.actor_total if self.actor_total else 0.0

    @property
    def target_accuracy(self) -> float:
        return self.target_correct / self.target_total if self.target_total else 0.0

    @property
    def target_loose_accuracy(self) -> float:
        return self.target_loose_correct / self.target_total if self.target_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "event_type_accuracy": round(self.type_accuracy, 4),
            "coded_share": round(self.coded / self.sentences, 4) if self.sentences else 0.0,
            "actor_accuracy": round(self.actor_accuracy, 4),
            "actor_scored": self.actor_total,
            "target_accuracy": round(self.target_accuracy, 4),
            "target_or_object_accuracy": round(self.target_loose_accuracy, 4),
            "target_scored": self.target_total,
            "by_type": self.by_type,
            "top_confusions": [{"gold": g, "predicted": p, "count": n} for g, p, n in self.confusions],
        }


def label_map(directory: Path) -> dict[str, str]:
    """Old PLOVER type names -> current types, via CAMEO root names and CAMEO2PLOVER-2021."""
    root_to_type: dict[str, str] = {}
    current: set[str] = set()
    for line in (directory / MAPPING_FILE).read_text(encoding="utf-8").splitlines():
        m = RE_ROOT_LINE.match(line.strip())
        if m:
            root_to_type.setdefault(m.group(1), m.group(2))
            current.add(m.group(2))
        elif ":" in line and "," in line and line[:1].isdigit():
            current.add(line.split(":", 1)[1].split(",", 1)[0].strip())
    mapping = {name: name for name in current}
    codes = directory / CAMEO_CODES_FILE
    if codes.exists():
        for line in codes.read_text(encoding="utf-8").splitlines():
            m = RE_ROOT_NAME.match(line.strip())
            if m and m.group(1) in root_to_type:
                name = m.group(2).strip().strip('"').upper()
                mapping.setdefault(name, root_to_type[m.group(1)])
    return mapping


def _actor_texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText")]


def load_gold(path: Path, mapping: dict[str, str] | None = None) -> list[GoldSentence]:
    """The coded sentences of the gold file (documentation records skipped)."""
    mapping = mapping if mapping is not None else label_map(path.parent)
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for rec in data:
        old = rec.get("event")
        if not old or old == "DOCUMENT" or not rec.get("text"):
            continue
        out.append(
            GoldSentence(
                id=rec["id"], text=rec["text"].strip(), event=mapping.get(old, old), old_event=old,
                sources=_actor_texts(rec.get("source")), targets=_actor_texts(rec.get("target")),
            )
        )
    return out


def _norm(text: str) -> str:
    text = text.lower().replace("’s", "").replace("'s", "")
    return re.sub(r"^(the|a|an)\s+", "", text.strip())


def matches(gold: Iterable[str], predicted: str | None) -> bool:
    """Whether a predicted phrase names one of the gold actors (containment either way)."""
    if not predicted:
        return False
    pred = _norm(predicted)
    for g in gold:
        g = _norm(g)
        if g and (g in pred or (len(pred) >= 3 and pred in g)):
            return True
    return False


def choose(events: list[Event]) -> Event | None:
    """The sentence's coded event (the first with a code), else its first event."""
    for ev in events:
        if ev.code:
            return ev
    return events[0] if events else None


def score(gold: list[GoldSentence], predicted: list[list[Event]]) -> PloverReport:
    report = PloverReport()
    confusion: Counter[tuple[str, str]] = Counter()
    for sent, evs in zip(gold, predicted, strict=True):
        ev = choose(evs)
        pred_type = ev.code if ev is not None else None
        report.sentences += 1
        ok = pred_type == sent.event
        report.type_correct += ok
        report.coded += pred_type is not None
        stats = report.by_type.setdefault(sent.event, {"gold": 0, "correct": 0})
        stats["gold"] += 1
        stats["correct"] += ok
        if not ok:
            confusion[(sent.event, pred_type or "none")] += 1
        actor_ok = target_ok = loose_ok = None
        if sent.sources:
            report.actor_total += 1
            actor_ok = ev is not None and matches(sent.sources, ev.actor_text)
            report.actor_correct += actor_ok
        if sent.targets:
            report.target_total += 1
            target_ok = ev is not None and matches(sent.targets, ev.target_text)
            loose_ok = ev is not None and (target_ok or matches(sent.targets, ev.object_text))
            report.target_correct += target_ok
            report.target_loose_correct += loose_ok
        report.results.append(
            SentenceResult(sent.id, sent.event, pred_type, actor_ok, target_ok, loose_ok, ev.predicate if ev else None)
        )
    report.confusions = [(g, p, n) for (g, p), n in confusion.most_common(10)]
    return report


def evaluate(path: Path, nlp: Language, *, limit: int | None = None, batch_size: int = 64) -> PloverReport:
    """Parse each gold sentence with the full pipeline and score its events."""
    ext.register_extensions()
    gold = load_gold(path)
    if limit is not None:
        gold = gold[:limit]
    docs = nlp.pipe((g.text for g in gold), batch_size=batch_size)
    predicted = [list(getattr(doc._, ext.EVENTS) or []) for doc in docs]
    return score(gold, predicted)
