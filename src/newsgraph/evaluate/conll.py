"""Score entity mentions against CoNLL-2003 (English NER, IOB1 tags).

Each document (split at ``-DOCSTART-``) is parsed whole, so the entity stage
sees the same context a news article gives it. Predictions are character
spans mapped back onto the gold tokens; a mention counts when its tokens and
its type match a gold chunk exactly (the CoNLL ``conlleval`` rule).

spaCy's OntoNotes labels are mapped: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC,
NORP/EVENT/WORK_OF_ART/LAW/PRODUCT/LANGUAGE→MISC; numbers and dates are not
entities. Both the bare model (``doc.ents``) and newsgraph (the name mentions
of ``entities(doc)``) are scored on the same parse.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import InputError
from newsgraph.nlp.conll_ner import MODEL_ENTS_KEY

#: OntoNotes label → CoNLL type.
LABEL_MAP: dict[str, str] = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")
#: The types of the headline figure (MISC is defined too differently in the two schemes).
MAIN_TYPES = ("PER", "ORG", "LOC")
DOCSTART = "-DOCSTART-"

Chunk = tuple[int, int, int, str]  # document, first token, end token, type


@dataclass
class ConllDoc:
    """One CoNLL document: its tokens, the text they make and the gold chunks."""

    tokens: list[str]
    tags: list[str]
    sentence_starts: list[int]

    def text_and_offsets(self) -> tuple[str, list[int]]:
        """The text to parse (tokens joined by spaces, sentences by newlines) and token starts."""
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        sentence_starts = set(self.sentence_starts)
        for i, token in enumerate(self.tokens):
            if i:
                sep = "\n" if i in sentence_starts else " "
                parts.append(sep)
                pos += 1
            starts.append(pos)
            parts.append(token)
            pos += len(token)
        return "".join(parts), starts


def read_conll(path: Path, limit_docs: int | None = None) -> list[ConllDoc]:
    """The documents of a CoNLL-2003 file (token in the first column, NER tag in the last)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    docs: list[ConllDoc] = []
    current: ConllDoc | None = None
    new_sentence = True
    for line in lines:
        cols = line.split()
        if not cols:
            new_sentence = True
            continue
        if cols[0] == DOCSTART:
            if current and current.tokens:
                docs.append(current)
                if limit_docs and len(docs) >= limit_docs:
                    return docs
            current = ConllDoc([], [], [])
            new_sentence = True
            continue
        if current is None:
            current = ConllDoc([], [], [])
        if new_sentence:
            current.sentence_starts.append(len(current.tokens))
            new_sentence = False
        current.tokens.append(cols[0])
        current.tags.append(cols[-1] if len(cols) > 1 else "O")
    if current and current.tokens and not (limit_docs and len(docs) >= limit_docs):
        docs.append(current)
    if not docs:
        raise InputError(str(path), "no CoNLL tokens found")
    return docs


def gold_chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """Chunks of IOB1 (or IOB2) tags: a chunk starts at B-X, or at I-X after another type."""
    chunks: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and label != kind)
        if kind is not None and (prefix == "O" or begins):
            chunks.append((start, i, kind))
            start, kind = None, None
        if begins:
            start, kind = i, label
    return chunks


def _to_tokens(starts: list[int], tokens: list[str], start_char: int, end_char: int) -> tuple[int, int] | None:
    """The gold tokens a character span covers; None when it covers none."""
    first = bisect.bisect_right(starts, start_char) - 1
    first = max(first, 0)
    if starts[first] + len(tokens[first]) <= start_char:
        first += 1
    last = bisect.bisect_left(starts, end_char)
    if first >= last:
        return None
    return first, last


@dataclass
class Scores:
    """True positives, false positives and false negatives per type."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: set[Chunk], predicted: set[Chunk]) -> None:
        for chunk in gold & predicted:
            self.tp[chunk[3]] += 1
        for chunk in predicted - gold:
            self.fp[chunk[3]] += 1
        for chunk in gold - predicted:
            self.fn[chunk[3]] += 1

    def prf(self, types: Iterable[str]) -> dict[str, float]:
        types = list(types)
        tp = sum(self.tp[t] for t in types)
        fp = sum(self.fp[t] for t in types)
        fn = sum(self.fn[t] for t in types)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}

    def report(self) -> dict[str, dict[str, float]]:
        out = {t: self.prf([t]) for t in TYPES}
        out["PER+ORG+LOC"] = self.prf(MAIN_TYPES)
        out["ALL"] = self.prf(TYPES)
        return out


def _bare_spans(doc: Doc) -> Iterator[tuple[int, int, str]]:
    """The model's own entities (kept aside when newsgraph's CoNLL NER component replaced them)."""
    for ent in doc.spans.get(MODEL_ENTS_KEY, doc.ents):
        if ent.label_ in LABEL_MAP:
            yield ent.start_char, ent.end_char, LABEL_MAP[ent.label_]


def _newsgraph_spans(doc: Doc) -> Iterator[tuple[int, int, str]]:
    from newsgraph.extract.entities.core import entities

    for entity in entities(doc):
        label = LABEL_MAP.get(entity.type)
        if label is None:
            continue
        for mention in entity.mentions:
            if mention.kind == "name":
                yield mention.start, mention.end, label


def _chunks(n: int, spans: Iterable[tuple[int, int, str]], starts: list[int], tokens: list[str]) -> set[Chunk]:
    out = set()
    for start, end, label in spans:
        token_span = _to_tokens(starts, tokens, start, end)
        if token_span:
            out.add((n, token_span[0], token_span[1], label))
    return out


@dataclass
class ConllResult:
    documents: int
    tokens: int
    bare: Scores
    newsgraph: Scores | None

    def to_dict(self) -> dict:
        out = {"documents": self.documents, "tokens": self.tokens, "bare": self.bare.report()}
        if self.newsgraph is not None:
            out["newsgraph"] = self.newsgraph.report()
        return out


def evaluate_conll(
    nlp: Language,
    path: Path,
    *,
    limit_docs: int | None = None,
    bare_only: bool = False,
    batch_size: int = 16,
) -> ConllResult:
    """Score bare spaCy and newsgraph's entity stage on a CoNLL-2003 file.

    ``nlp`` should be a plain model (no newsgraph components): the entity
    stage is called on each parsed doc, so both systems see the same parse.
    """
    docs = read_conll(path, limit_docs)
    bare, ours = Scores(), Scores()
    prepared = [d.text_and_offsets() for d in docs]
    texts = (text for text, _ in prepared)
    for n, (cdoc, (_, starts), doc) in enumerate(zip(docs, prepared, nlp.pipe(texts, batch_size=batch_size),
                                                     strict=True)):
        gold = {(n, s, e, t) for s, e, t in gold_chunks(cdoc.tags) if t in TYPES}
        bare.add(gold, _chunks(n, _bare_spans(doc), starts, cdoc.tokens))
        if not bare_only:
            ours.add(gold, _chunks(n, _newsgraph_spans(doc), starts, cdoc.tokens))
    return ConllResult(
        documents=len(docs),
        tokens=sum(len(d.tokens) for d in docs),
        bare=bare,
        newsgraph=None if bare_only else ours,
    )
