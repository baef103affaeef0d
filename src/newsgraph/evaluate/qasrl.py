"""Score the events stage on QA-SRL gold for Wikinews (``eval-data/qasrl-wikinews``, dev split).

The gold sentences are put back together into articles (paragraph, then sentence
order; PTB tokens detokenised, keeping each token's character offsets) and each
article goes through the whole pipeline, as a user's text would. An event is a
*reported predicate* when its trigger falls on a gold verb. The question
templates give the roles (the dataset's README): "Who/What …?" with an empty
subject slot asks for the actor in active voice and the patient in passive
voice; "… by?" in passive voice the actor; a filled subject and no preposition
the patient; "When …?" the time.

* **actor / patient / time accuracy**, on the reported predicates whose gold has
  that role: the predicted span (``actor_span``; ``object_span``, else
  ``target_span``; the event's time expression) matches when it and one of the
  gold answers contain one another or share half their tokens (token F1 ≥ 0.5);
  an actor also matches when its ``actor_text`` (for a pronoun, the phrase it
  was resolved to) and a gold answer of more than three letters contain one
  another. A missing prediction counts as wrong. The patient is the event's
  object first: the README's patient question has no preposition ("What did
  someone suspend?"), and a target newsgraph takes from a prepositional phrase
  ("began a visit *to China*") answers an oblique question. The older reading,
  target first, is kept as ``patient_target_first`` to compare with earlier figures.
* **predicate recall**, over the gold verbs that are neither speech verbs (newsgraph
  reports them as attributions), states (``be``, ``have``, ``seem`` …) nor
  infinitive complements ("agreed *to sell*": part of the predicate of the verb
  before it).

The baseline is the naive spaCy reading on the same parse: every ``VERB`` a
predicate, its ``nsubj`` subtree the actor, its ``dobj`` subtree the patient, no
time. It is scored both on its own predicates and on newsgraph's.

Split: the articles, in order of their Wikinews id, are halved; rules may be
written looking at the first half (``dev``), figures are reported on the second
(``report``).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.vocab.speech import NON_EVENT_SPEECH_VERBS

GOLD_FILE = "wikinews.dev.gold.csv"
FULL_FILE = "wikinews.dev.full.csv"
#: Token F1 from which two spans are the same argument.
MATCH_F1 = 0.5
#: Verbs of state that newsgraph does not report as events.
STATE_VERBS = frozenset({"be", "have", "seem", "appear", "remain", "become", "exist", "belong", "contain", "include",
                         "consist", "own", "lack", "mean", "know", "like", "want", "need"})
SPEECH_VERBS = NON_EVENT_SPEECH_VERBS | {"announce", "report", "state", "confirm", "warn", "describe", "call"}
PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll",
                             "'d", "'m", "'"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$"})
Span = tuple[int, int]


@dataclass
class GoldPredicate:
    verb: str
    char: Span
    infinitive: bool
    actors: list[Span] = field(default_factory=list)
    patients: list[Span] = field(default_factory=list)
    times: list[Span] = field(default_factory=list)


@dataclass
class Article:
    id: str
    text: str
    #: Gold predicates keyed by the character offset of the verb's first letter.
    predicates: dict[int, GoldPredicate] = field(default_factory=dict)


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += ok

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": round(self.value, 4), "right": self.right, "total": self.total}


@dataclass
class SystemScore:
    reported: int = 0
    actor: Tally = field(default_factory=Tally)
    patient: Tally = field(default_factory=Tally)
    time: Tally = field(default_factory=Tally)
    #: The patient read target first (the convention before 2026-12-07), for comparison.
    patient_target_first: Tally = field(default_factory=Tally)

    def to_dict(self) -> dict[str, Any]:
        return {"reported_predicates": self.reported, "actor": self.actor.to_dict(),
                "patient": self.patient.to_dict(), "time": self.time.to_dict(),
                "patient_target_first": self.patient_target_first.to_dict()}


@dataclass
class QasrlReport:
    half: str
    articles: int = 0
    gold_predicates: int = 0
    eligible: int = 0
    recalled: int = 0
    newsgraph: SystemScore = field(default_factory=SystemScore)
    baseline: SystemScore = field(default_factory=SystemScore)
    baseline_on_newsgraph_predicates: SystemScore = field(default_factory=SystemScore)

    @property
    def recall(self) -> float:
        return self.recalled / self.eligible if self.eligible else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "half": self.half, "articles": self.articles, "gold_predicates": self.gold_predicates,
            "predicate_recall": {"recall": round(self.recall, 4), "recalled": self.recalled,
                                 "eligible": self.eligible},
            "newsgraph": self.newsgraph.to_dict(), "baseline_svo": self.baseline.to_dict(),
            "baseline_svo_on_newsgraph_predicates": self.baseline_on_newsgraph_predicates.to_dict(),
        }


def detokenise(tokens: list[str]) -> tuple[str, list[Span]]:
    """Text from PTB tokens, and each token's character span in it."""
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    quote_open = False
    for i, raw in enumerate(tokens):
        tok = PTB.get(raw, raw)
        space = i > 0 and tok not in NO_SPACE_BEFORE and PTB.get(tokens[i - 1], tokens[i - 1]) not in NO_SPACE_AFTER
        if raw == "``":
            quote_open = True
        elif raw == "''" or (raw == '"' and quote_open):
            space, quote_open = False, False
        if i > 0 and tokens[i - 1] == "``":
            space = False
        if space:
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
    return "".join(out), spans


def _ranges(raw: str) -> list[Span]:
    out = []
    for part in raw.split("~!~"):
        if ":" in part:
            a, b = part.split(":", 1)
            if a.strip().isdigit() and b.strip().isdigit():
                out.append((int(a), int(b)))
    return out


def _role(row: dict[str, str]) -> str | None:
    wh = row["wh"].strip().lower()
    passive = row["is_passive"].strip() == "True"
    subj, prep, obj = row["subj"].strip(), row["prep"].strip(), row["obj"].strip()
    if wh == "when":
        return "time"
    if wh not in ("who", "what"):
        return None
    if passive and prep == "by":
        return "actor"
    if not subj and not prep:
        return "patient" if passive else "actor"
    if subj and not prep and not obj:
        return "patient"
    return None


def load(directory: Path) -> list[Article]:
    """The gold articles, in order of their Wikinews id."""
    sentences: dict[str, list[str]] = {}
    with (directory / FULL_FILE).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            sentences[row["qasrl_id"]] = row["tokens"].split(" ")
    by_article: dict[str, list[str]] = defaultdict(list)
    for sid in sentences:
        by_article[sid.split(":")[2]].append(sid)
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (directory / GOLD_FILE).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows[row["qasrl_id"]].append(row)
    articles = []
    for aid in sorted(by_article, key=lambda a: int(a) if a.isdigit() else a):
        sids = sorted(by_article[aid], key=lambda s: (int(s.split(":")[3]), int(s.split(":")[4])))
        parts: list[str] = []
        pos = 0
        art = Article(aid, "")
        last_par = None
        for sid in sids:
            par = sid.split(":")[3]
            sep = "" if not parts else ("\n\n" if par != last_par else " ")
            last_par = par
            pos += len(sep)
            text, spans = detokenise(sentences[sid])
            toks = sentences[sid]
            for row in rows.get(sid, []):
                vi = int(row["verb_idx"])
                if vi >= len(spans):
                    continue
                start = pos + spans[vi][0]
                pred = art.predicates.get(start)
                if pred is None:
                    infinitive = vi > 0 and toks[vi - 1].lower() == "to"
                    pred = GoldPredicate(row["verb"], (start, pos + spans[vi][1]), infinitive)
                    art.predicates[start] = pred
                role = _role(row)
                if role is None:
                    continue
                for a, b in _ranges(row["answer_range"]):
                    if 0 <= a < b <= len(spans):
                        getattr(pred, {"actor": "actors", "patient": "patients", "time": "times"}[role]).append(
                            (pos + spans[a][0], pos + spans[b - 1][1])
                        )
            parts.append(sep + text)
            pos += len(text)
        art.text = "".join(parts)
        articles.append(art)
    return articles


def halve(articles: list[Article], half: str) -> list[Article]:
    mid = (len(articles) + 1) // 2
    if half == "dev":
        return articles[:mid]
    if half == "report":
        return articles[mid:]
    return articles


def _words(text: str, span: Span) -> list[str]:
    return text[span[0] : span[1]].lower().split()


def span_match(text: str, predicted: Span | None, gold: list[Span]) -> bool:
    """Whether a predicted span is one of the gold answers (containment or token F1 ≥ ``MATCH_F1``)."""
    if predicted is None:
        return False
    p = _words(text, predicted)
    for g in gold:
        if (predicted[0] <= g[0] and g[1] <= predicted[1]) or (g[0] <= predicted[0] and predicted[1] <= g[1]):
            return True
        gw = _words(text, g)
        common = sum(min(p.count(w), gw.count(w)) for w in set(p))
        if common and 2 * common / (len(p) + len(gw)) >= MATCH_F1:
            return True
    return False


def text_match(text: str, predicted: str | None, gold: list[Span]) -> bool:
    """Whether the actor as newsgraph resolved it (a pronoun's antecedent phrase) reads as a gold answer."""
    if not predicted:
        return False
    p = " ".join(predicted.lower().split())
    for g in gold:
        answer = " ".join(text[g[0] : g[1]].lower().split())
        if answer and (answer in p or p in answer) and len(min(answer, p, key=len)) > 3:
            return True
    return False


def _eligible(pred: GoldPredicate, lemma: str) -> bool:
    return not (pred.infinitive or lemma in SPEECH_VERBS or lemma in STATE_VERBS)


def _score_one(
    score: SystemScore, text: str, pred: GoldPredicate, actor, patient, time, *, actor_text: str | None = None,
    target_first: Span | None = None,
) -> None:
    score.reported += 1
    if pred.actors:
        score.actor.add(span_match(text, actor, pred.actors) or text_match(text, actor_text, pred.actors))
    if pred.patients:
        score.patient.add(span_match(text, patient, pred.patients))
        score.patient_target_first.add(span_match(text, target_first if target_first is not None else patient,
                                                  pred.patients))
    if pred.times:
        score.time.add(span_match(text, time, pred.times))


def patient_span(event) -> Span | None:
    """The span scored as the patient: the event's object, else its target (see the module docstring)."""
    span = event.object_span or event.target_span
    return (span.start, span.end) if span else None


def _subtree_span(tok) -> Span:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


def evaluate(directory: Path, reader, *, half: str = "report", limit: int | None = None) -> QasrlReport:
    """Score newsgraph and the SVO baseline on one half of the articles (``dev``, ``report`` or ``all``)."""
    from newsgraph.nlp import extensions as ext  # noqa: F401  (registers the Doc extensions)

    articles = halve(load(directory), half)[:limit]
    report = QasrlReport(half=half, articles=len(articles))
    for art in articles:
        doc = reader.parse(art.text)
        times = {t.id: (t.start, t.end) for t in doc._.ng_times}
        lemma_at = {t.idx: t.lemma_.lower() for t in doc}
        report.gold_predicates += len(art.predicates)
        seen: set[int] = set()
        for ev in doc._.ng_events:
            if ev.trigger is None:
                continue
            pred = art.predicates.get(ev.trigger.start)
            if pred is None or ev.trigger.start in seen:
                continue
            seen.add(ev.trigger.start)
            actor = (ev.actor_span.start, ev.actor_span.end) if ev.actor_span else None
            patient = patient_span(ev)
            older = ev.target_span or ev.object_span
            _score_one(report.newsgraph, art.text, pred, actor, patient, times.get(ev.time or ""),
                       actor_text=ev.actor_text, target_first=(older.start, older.end) if older else None)
            tok = doc[doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand").start]
            _score_one(report.baseline_on_newsgraph_predicates, art.text, pred, *_svo(tok), None)
        for tok in doc:
            pred = art.predicates.get(tok.idx)
            if tok.pos_ == "VERB" and pred is not None:
                _score_one(report.baseline, art.text, pred, *_svo(tok), None)
        for start, pred in art.predicates.items():
            if _eligible(pred, lemma_at.get(start, pred.verb.lower())):
                report.eligible += 1
                report.recalled += start in seen
    return report


def _svo(tok) -> tuple[Span | None, Span | None]:
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return (_subtree_span(subj) if subj is not None else None, _subtree_span(obj) if obj is not None else None)
