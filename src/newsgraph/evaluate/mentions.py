"""Score mention resolution against hand-checked annotations of real articles.

The annotation file (``benchmarks/data/mentions_handchecked.json``) lists, for
each article of ``../shared/corpus/``, pronouns and role descriptions with
their character offsets in the article text as ``article_text`` makes it, and
the person they refer to (a name as written in the article) or ``null`` when
they refer to no named person of the article. A system answer is right when
the entity it resolves the mention to has that name (canonical or as a name
mention), or when both are empty.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.lexicons import PRONOUNS
from newsgraph.record import Entity

RE_BLANK_LINE = re.compile(r"\n\s*\n")


def article_text(raw: str) -> str:
    """A fixed, cleaning-independent text of a raw article: paragraphs at blank lines, lines joined."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [" ".join(p.split()) for p in RE_BLANK_LINE.split(raw)]
    return "\n\n".join(p for p in paragraphs if p)


def read_article(path: Path) -> str:
    data = path.read_bytes()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("cp1252", errors="replace")
    return article_text(raw)


def _answers(found: list[Entity]) -> dict[tuple[int, int], Entity]:
    return {(m.start, m.end): e for e in found for m in e.mentions if m.kind != "name"}


def _names_of(entity: Entity) -> set[str]:
    return {entity.name.lower()} | {m.text.lower() for m in entity.mentions if m.kind == "name"}


@dataclass
class MentionScore:
    total: int = 0
    correct: int = 0
    resolved: int = 0
    resolved_correct: int = 0
    with_antecedent: int = 0
    errors: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "mentions": self.total,
            "accuracy": round(self.correct / self.total, 4) if self.total else 0.0,
            "precision": round(self.resolved_correct / self.resolved, 4) if self.resolved else 0.0,
            "recall": round(self.resolved_correct / self.with_antecedent, 4) if self.with_antecedent else 0.0,
            "resolved": self.resolved,
            "with_named_antecedent": self.with_antecedent,
        }


def score_mentions(nlp: Language, annotations: dict, corpus: Path) -> MentionScore:
    """Score ``entities`` on every annotated article; ``nlp`` is a plain model."""
    score = MentionScore()
    for article in annotations["articles"]:
        text = read_article(corpus / article["file"])
        answers = _answers(entities(nlp(text)))
        for item in article["mentions"]:
            start, end, gold = item["start"], item["end"], item["refers_to"]
            if text[start:end] != item["text"]:
                raise ValueError(f"{article['file']}: {item['text']!r} is not at {start}")
            entity = answers.get((start, end))
            right = (entity is None and gold is None) or (
                entity is not None and gold is not None and gold.lower() in _names_of(entity)
            )
            score.total += 1
            score.correct += right
            score.with_antecedent += gold is not None
            if entity is not None:
                score.resolved += 1
                score.resolved_correct += right
            if not right:
                score.errors.append({"file": article["file"], "text": item["text"], "start": start,
                                     "gold": gold, "system": entity.name if entity else None})
    return score


def candidates(nlp: Language, path: Path, limit: int = 15) -> list[dict]:
    """What to hand-check in one article: its first ``limit`` singular pronouns and every role
    description the system resolves, with context and the system's answer to check against."""
    text = read_article(path)
    doc = nlp(text)
    answers = _answers(entities(doc))
    items: list[dict] = []
    pronouns = [t for t in doc if t.lower_ in PRONOUNS][:limit]
    spans = {(t.idx, t.idx + len(t.text)) for t in pronouns}
    spans |= {k for k, e in answers.items() if any(m.kind == "nominal" and (m.start, m.end) == k
                                                    for m in e.mentions)}
    for start, end in sorted(spans):
        entity = answers.get((start, end))
        items.append({
            "start": start, "end": end, "text": text[start:end],
            "context": text[max(0, start - 160) : end + 60].replace("\n", " "),
            "system": entity.name if entity else None,
        })
    return items


def load_annotations(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
