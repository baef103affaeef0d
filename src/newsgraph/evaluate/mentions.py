"""Score mention resolution against hand-checked annotations of real articles.

The annotation file (``benchmarks/data/mentions_handchecked.json``) lists, for
each article of ``../shared/corpus/``, pronouns and role descriptions with
their character offsets in the article text as ``article_text`` makes it, and
the person they refer to (a name as written in the article) or ``null`` when
they refer to no named person of the article. A system answer is right when
the entity it resolves the mention to has that name (canonical or as a name
mention), or when both are empty.

The second set (``benchmarks/data/mentions_dev3.json``) also gives each
mention a ``category`` (pronoun, first_person, description, role), and its
``refers_to`` may be a list of acceptable names (for "we" in a quotation: the
speaker or the speaker's organisation) or the head of a description for an
unnamed organisation or group ("government", "unions"): a system entity made of
descriptions alone is named by those descriptions. A system mention answers a
gold one when both spans end at the same character and overlap (the system's
"the Cuban government" for the gold "the government" counts; a span boundary
is not what this measures).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from spacy.language import Language

from newsgraph.evaluate.corpora import benchmark_page, fakenewscorpus, reuters_stories, semeval_article
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.lexicons import PRONOUNS
from newsgraph.record import Entity

RE_BLANK_LINE = re.compile(r"\n\s*\n")
#: The file name of a FakeNewsNet article (newspaper3k JSON), one folder per article.
FAKENEWSNET_FILE = "news content.json"


def article_text(raw: str) -> str:
    """A fixed, cleaning-independent text of a raw article: paragraphs at blank lines, lines joined."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [" ".join(p.split()) for p in RE_BLANK_LINE.split(raw)]
    return "\n\n".join(p for p in paragraphs if p)


def read_article(path: Path) -> str:
    """The ``article_text`` of a corpus file: plain text (UTF-8, else cp1252), or an XML article's body.

    BuzzFeed-Webis articles are XML with the body in ``<mainText>``, the text the corpus reader
    (``newsgraph.evaluate.corpora.buzzfeed``) gives the pipeline; the markup is no article text.
    A FakeNewsCorpus row is no file of its own: it is named ``fakenewscorpus/news_sample.csv#fnc-ID``
    (the corpus loader's item id after the ``#``) and its text is the row's ``content``. A Reuters-21578
    story is no file of its own either: it is named ``reuters21578/reut2-NNN.sgm#reuters-NEWID`` and its
    text is the wire text the Reuters loader rebuilds (title, dateline, body). A SemEval-2019 hyperpartisan
    article is one ``<article>`` of an XML file: it is named ``<file>.xml#semeval-ID`` (the loader's item id)
    and its text is its title, then its paragraphs with the markup stripped. A FakeNewsNet article's
    ``news content.json`` gives its ``text`` field, the text the FakeNewsNet loader gives the pipeline.
    A page of the article-extraction benchmark is named ``../eval-data/article-extraction-benchmark#page-HEX``
    (relative to the corpus folder) and its text is the page's hand-made body (``corpora.benchmark_page``).
    """
    table, hash_mark, row_id = path.name.partition("#")
    if hash_mark and row_id.startswith("page-"):
        return article_text(benchmark_page(path.with_name(table), row_id).text or "")
    if hash_mark and table.endswith(".sgm"):
        return article_text(_reuters_story(path.with_name(table), row_id))
    if hash_mark and table.endswith(".xml"):
        return article_text(semeval_article(path.with_name(table), row_id).text or "")
    if hash_mark:
        return article_text(_csv_content(path.with_name(table), row_id))
    if path.name == FAKENEWSNET_FILE:
        return article_text(json.loads(path.read_text(encoding="utf-8")).get("text") or "")
    if path.suffix == ".xml":
        return article_text(ElementTree.parse(path).getroot().findtext("mainText") or "")
    data = path.read_bytes()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("cp1252", errors="replace")
    return article_text(raw)


def _reuters_story(path: Path, story_id: str) -> str:
    """The wire text of the Reuters story whose item id (``reuters-NEWID``) is ``story_id``, as the loader reads it."""
    try:
        return _reuters_texts(path)[story_id]
    except KeyError:
        raise KeyError(f"{path}: no story {story_id}") from None


@lru_cache(maxsize=2)
def _reuters_texts(path: Path) -> dict[str, str]:
    """Every story of one Reuters file by item id, read once: a set names dozens of stories of one file."""
    return {doc.item.id: doc.item.text for doc in reuters_stories(path)}


def _csv_content(path: Path, row_id: str) -> str:
    """The text of the FakeNewsCorpus row whose item id (``fnc-ID``) is ``row_id``, as the corpus loader reads it.

    ``path`` is ``<corpus>/fakenewscorpus/news_sample.csv``; the loader (one CSV reader for the project) is
    given ``<corpus>``.
    """
    for doc in fakenewscorpus(path.parent.parent):
        if doc.item.id == row_id:
            return doc.item.text
    raise KeyError(f"{path}: no row {row_id}")


def _answers(found: list[Entity]) -> dict[tuple[int, int], Entity]:
    return {(m.start, m.end): e for e in found for m in e.mentions if m.kind != "name"}


def _answer_at(answers: dict[tuple[int, int], Entity], start: int, end: int) -> Entity | None:
    """The entity of the system mention at ``start:end``, else of one ending there and overlapping it."""
    if (start, end) in answers:
        return answers[(start, end)]
    return next((e for (s, t), e in answers.items() if t == end and s < end and start < t), None)


def _without_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in ("the", "this", "that", "these", "those") else text


def _names_of(entity: Entity) -> set[str]:
    names = {entity.name.lower()} | {m.text.lower() for m in entity.mentions if m.kind == "name"}
    if not any(m.kind == "name" for m in entity.mentions):  # an unnamed group: its descriptions
        names |= {_without_determiner(m.text).lower() for m in entity.mentions if m.kind == "nominal"}
    return names


def _golds(refers_to: str | list[str] | None) -> list[str]:
    if refers_to is None:
        return []
    return [refers_to] if isinstance(refers_to, str) else list(refers_to)


@dataclass
class MentionScore:
    total: int = 0
    correct: int = 0
    resolved: int = 0
    resolved_correct: int = 0
    with_antecedent: int = 0
    errors: list[dict] = field(default_factory=list)
    by_category: dict[str, MentionScore] = field(default_factory=dict)

    def add(self, right: bool, has_gold: bool, resolved: bool) -> None:
        self.total += 1
        self.correct += right
        self.with_antecedent += has_gold
        if resolved:
            self.resolved += 1
            self.resolved_correct += right

    def to_dict(self) -> dict:
        if self.by_category:
            return {**self._figures(), "by_category": {k: v._figures() for k, v in sorted(self.by_category.items())}}
        return self._figures()

    def _figures(self) -> dict:
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
            entity = _answer_at(answers, start, end)
            golds = _golds(gold)
            right = (entity is None and not golds) or (
                entity is not None and any(g.lower() in _names_of(entity) for g in golds)
            )
            score.add(right, bool(golds), entity is not None)
            if "category" in item:
                part = score.by_category.setdefault(item["category"], MentionScore())
                part.add(right, bool(golds), entity is not None)
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
