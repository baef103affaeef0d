"""How well cleaning recovers metadata and keeps sentences, measured on real corpora.

Two measurements (``newsgraph eval cleaning``):

* **Authors and dates** on FakeNewsNet and BuzzFeed-Webis articles that carry
  author (and, for FakeNewsNet, date) metadata. Precision: share of the names
  (dates) cleaning reads from the text that the metadata confirms. Recall:
  share of metadata names (dates) read from the text — over all of them, and
  over the *recoverable* ones whose name appears in the first
  ``HEAD_CHARS`` characters of the text (most scraped texts carry no byline at
  all). Metadata is noisy ("July", "At Pm Edt" as authors): names that are not
  person names (fewer than two capitalised name words) are kept out of recall.
* **Reuters-21578**: share of stories with every sentence intact (each sentence
  of the original body inside one clean paragraph), the dateline removed and
  the "Reuter" sign-off removed. Sentences come from the corpus body by a plain
  punctuation split; table rows (few lower-case words) are not sentences.

Both also count broken raw-span promises (``audit.span_problems``) and article
sentences dropped by cleaning: on Reuters, a source sentence missing from the
clean text; elsewhere (no gold text), removed furniture lines that read like
prose (``PROSE_SUSPECT_WORDS`` words or more ending a sentence), listed for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from newsgraph.clean import clean
from newsgraph.clean.audit import span_problems
from newsgraph.clean.byline import is_name_token
from newsgraph.evaluate.corpora import CorpusDoc, load

#: Characters at the start of a text where a byline could be.
HEAD_CHARS = 500
#: A "sentence" with this share of numeric tokens or more, or with two "vs" (earnings tables:
#: "Shr 34 cts vs 1.19 dlrs Net ..."), is a run of table rows, not a sentence.
MAX_NUMERIC_SHARE = 0.3
#: Days a text date may differ from the metadata date (time zones, "updated" dates).
DATE_TOLERANCE_DAYS = 1

_SPLIT_AUTHORS = re.compile(r"\s*(?:,|;|\||&|\band\b)\s*", re.I)
_NON_LETTERS = re.compile(r"[^\w\s]|\d|_")
_SPACES = re.compile(r"\s+")
_SENTENCE_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)>]))\s+(?=[\"“'‘(<]?[A-Z0-9])")
_NO_SPACE = re.compile(r"\s+")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def normalise_name(name: str) -> str:
    name = re.sub(r"^\s*by\s+", "", name, flags=re.I)
    return _SPACES.sub(" ", _NON_LETTERS.sub(" ", name)).strip().casefold()


def metadata_names(values: Iterable[str]) -> list[str]:
    """Metadata author entries split into single names ("By A and B, CNN" → a, b, cnn), normalised."""
    out: list[str] = []
    for value in values:
        value = re.sub(r"^\s*by\s+", "", value or "", flags=re.I)
        for part in _SPLIT_AUTHORS.split(value):
            norm = normalise_name(part)
            if norm and norm not in out:
                out.append(norm)
    return out


def is_person_name(value: str) -> bool:
    """A metadata name that is plausibly a person: at least two name words (not months, roles, outlets)."""
    words = value.split()
    return len(words) >= 2 and all(is_name_token(w.title()) for w in words)


#: A removed line this long that ends a sentence may be article prose: counted as a suspect drop.
PROSE_SUSPECT_WORDS = 15


def looks_like_prose(text: str) -> bool:
    """A removed piece that reads like an article sentence (long, ends with sentence punctuation)."""
    return len(text.split()) >= PROSE_SUSPECT_WORDS and text.rstrip("\"'”’)").endswith((".", "!", "?"))


@dataclass
class MetaScore:
    """Author and date recovery on one corpus."""

    corpus: str
    documents: int = 0
    with_authors: int = 0
    predicted_authors: int = 0
    correct_authors: int = 0
    gold_authors: int = 0
    found_gold_authors: int = 0
    recoverable_authors: int = 0
    found_recoverable_authors: int = 0
    with_date: int = 0
    predicted_dates: int = 0
    correct_dates: int = 0
    span_problems: int = 0
    removed_lines: int = 0
    removed_prose: int = 0
    examples: list[dict] = field(default_factory=list)
    prose_examples: list[str] = field(default_factory=list)

    @property
    def author_precision(self) -> float:
        return self.correct_authors / self.predicted_authors if self.predicted_authors else 0.0

    @property
    def author_recall(self) -> float:
        return self.found_gold_authors / self.gold_authors if self.gold_authors else 0.0

    @property
    def author_recall_recoverable(self) -> float:
        return self.found_recoverable_authors / self.recoverable_authors if self.recoverable_authors else 0.0

    @property
    def date_precision(self) -> float:
        return self.correct_dates / self.predicted_dates if self.predicted_dates else 0.0

    @property
    def date_recall(self) -> float:
        return self.correct_dates / self.with_date if self.with_date else 0.0


def _dates_agree(predicted: str, gold: str) -> bool:
    try:
        a, b = date.fromisoformat(predicted[:10]), date.fromisoformat(gold[:10])
    except ValueError:
        return False
    return abs((a - b).days) <= DATE_TOLERANCE_DAYS


def _name_matches(predicted: str, gold_names: list[str], gold_joined: str) -> bool:
    return predicted in gold_names or (len(predicted.split()) >= 2 and predicted in gold_joined)


def _authors_of(doc: CorpusDoc) -> list[str]:
    """Metadata authors as the corpus loader reads them (``corpora._literal_list`` parses FakeNewsNet's list)."""
    return list(doc.extra.get("authors") or [])


def score_metadata(docs: Iterable[CorpusDoc], corpus: str, *, max_examples: int = 5) -> MetaScore:
    """Authors and dates read by ``clean`` against the corpus metadata."""
    score = MetaScore(corpus=corpus)
    for doc in docs:
        raw = doc.item.text or ""
        gold_names = metadata_names(_authors_of(doc))
        gold_date = doc.extra.get("published")
        if not gold_names and not gold_date:
            continue
        score.documents += 1
        cleaned = clean(raw)
        score.span_problems += bool(span_problems(raw, cleaned, limit=1))
        for item in cleaned.removed:
            if item.reason in ("boilerplate", "credit"):
                score.removed_lines += 1
                if looks_like_prose(item.text):
                    score.removed_prose += 1
                    if len(score.prose_examples) < max_examples:
                        score.prose_examples.append(item.text[:200])
        predicted = [normalise_name(a) for a in cleaned.authors]
        if gold_names:
            score.with_authors += 1
            joined = " | ".join(gold_names)
            score.predicted_authors += len(predicted)
            correct = [p for p in predicted if _name_matches(p, gold_names, joined)]
            score.correct_authors += len(correct)
            if len(correct) < len(predicted) and len(score.examples) < max_examples:
                score.examples.append({"id": doc.item.id, "predicted": cleaned.authors,
                                       "metadata": _authors_of(doc)})
            head = normalise_name(raw[:HEAD_CHARS])
            for name in (g for g in gold_names if is_person_name(g)):
                found = any(p == name or (len(p.split()) >= 2 and p in name) for p in predicted)
                score.gold_authors += 1
                score.found_gold_authors += found
                if name in head:
                    score.recoverable_authors += 1
                    score.found_recoverable_authors += found
        if gold_date:
            score.with_date += 1
            if cleaned.published:
                score.predicted_dates += 1
                score.correct_dates += _dates_agree(cleaned.published, gold_date)
    return score


@dataclass
class WireScore:
    """Reuters: sentences intact, dateline and sign-off removed."""

    documents: int = 0
    all_good: int = 0
    sentences: int = 0
    sentences_intact: int = 0
    sentences_dropped: int = 0
    docs_sentences_intact: int = 0
    with_dateline: int = 0
    dateline_removed: int = 0
    with_signoff: int = 0
    signoff_removed: int = 0
    titles_correct: int = 0
    span_problems: int = 0
    failures: list[dict] = field(default_factory=list)

    @property
    def share_all_good(self) -> float:
        return self.all_good / self.documents if self.documents else 0.0


def _norm_ws(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def source_sentences(body: str) -> list[str]:
    """Sentences of a wire body (whitespace-normalised); table rows and fragments are left out."""
    out = []
    for piece in _SENTENCE_SPLIT.split(_norm_ws(body)):
        words = piece.split()
        if len(words) < 4 or not piece.rstrip("\"'”’)").endswith((".", "!", "?")):
            continue
        if len(_LOWER_WORD.findall(piece)) < max(2, len(words) // 3):
            continue
        if sum(any(ch.isdigit() for ch in w) for w in words) / len(words) >= MAX_NUMERIC_SHARE:
            continue
        if sum(w.lower() in ("vs", "vs.") for w in words) >= 2:
            continue
        out.append(piece)
    return out


def _strip_wire(body: str, dateline: str) -> str:
    text = body.strip()
    text = re.sub(r"\s*\bReuter\s*$", "", text, flags=re.I)
    return text


def score_reuters(docs: Iterable[CorpusDoc], *, max_failures: int = 10) -> WireScore:
    """Each Reuters story's cleaning against its own SGML fields."""
    score = WireScore()
    for doc in docs:
        raw = doc.item.text or ""
        body = doc.extra.get("body") or ""
        dateline = _norm_ws(doc.extra.get("dateline") or "")
        score.documents += 1
        cleaned = clean(raw)
        score.span_problems += bool(span_problems(raw, cleaned, limit=1))
        score.titles_correct += bool(cleaned.title) and cleaned.title == (doc.extra.get("title") or "").strip()
        paragraphs = [_NO_SPACE.sub("", cleaned.text[p.start : p.end]) for p in cleaned.paragraphs]
        flat = "".join(paragraphs)
        sentences = source_sentences(_strip_wire(body, dateline))
        intact = dropped = 0
        broken: list[str] = []
        for sentence in sentences:
            core = sentence
            if dateline and sentence.startswith(dateline):
                core = sentence[len(dateline) :].strip()
            squashed = _NO_SPACE.sub("", core)
            if any(squashed in p for p in paragraphs):
                intact += 1
            else:
                if squashed not in flat:
                    dropped += 1
                broken.append(core)
        score.sentences += len(sentences)
        score.sentences_intact += intact
        score.sentences_dropped += dropped
        sentences_ok = intact == len(sentences)
        score.docs_sentences_intact += sentences_ok
        dateline_ok = True
        if dateline:
            score.with_dateline += 1
            dateline_ok = any(r.reason == "dateline" for r in cleaned.removed) and not cleaned.text.startswith(dateline)
            score.dateline_removed += dateline_ok
        signoff_ok = True
        if re.search(r"\bReuter\s*$", body.strip(), re.I):
            score.with_signoff += 1
            signoff_ok = not re.search(r"\bReuter\s*$", cleaned.text, re.I)
            score.signoff_removed += signoff_ok
        good = sentences_ok and dateline_ok and signoff_ok
        score.all_good += good
        if not good and len(score.failures) < max_failures:
            score.failures.append({"id": doc.item.id, "sentences_ok": sentences_ok, "dateline_ok": dateline_ok,
                                   "signoff_ok": signoff_ok, "broken": broken[:2]})
    return score


@dataclass
class TitleScore:
    """BBC News: the headline is the first line of each file."""

    documents: int = 0
    predicted: int = 0
    correct: int = 0


def score_bbc_titles(docs: Iterable[CorpusDoc]) -> TitleScore:
    """Titles read by ``clean`` against each BBC file's first line."""
    from newsgraph.errors import InputError
    from newsgraph.ingest.decode import decode_bytes

    score = TitleScore()
    for doc in docs:
        try:
            raw = doc.item.text if doc.item.text is not None else decode_bytes(doc.item.data or b"", doc.item.where)
        except InputError:
            continue
        headline = raw.strip().splitlines()[0].strip() if raw.strip() else ""
        cleaned = clean(raw)
        score.documents += 1
        score.predicted += cleaned.title is not None
        score.correct += cleaned.title == headline
    return score


@dataclass
class CleaningReport:
    metadata: list[MetaScore]
    reuters: WireScore
    bbc_titles: TitleScore = field(default_factory=TitleScore)


def evaluate(root: Path | None = None, *, limit: int | None = None) -> CleaningReport:
    """Run the measurements; ``limit`` takes the first N documents of each corpus."""
    metadata = [score_metadata(load(name, root, limit), name) for name in ("fakenewsnet", "buzzfeed")]
    return CleaningReport(metadata=metadata, reuters=score_reuters(load("reuters", root, limit)),
                          bbc_titles=score_bbc_titles(load("bbc", root, limit)))


def as_dict(report: CleaningReport) -> dict:
    """JSON-ready figures, with the derived rates."""
    meta = []
    for m in report.metadata:
        entry = asdict(m)
        entry.update(author_precision=round(m.author_precision, 4), author_recall=round(m.author_recall, 4),
                     author_recall_recoverable=round(m.author_recall_recoverable, 4),
                     date_precision=round(m.date_precision, 4), date_recall=round(m.date_recall, 4))
        meta.append(entry)
    wire = asdict(report.reuters)
    wire["share_all_good"] = round(report.reuters.share_all_good, 4)
    return {"metadata": meta, "reuters": wire, "bbc_titles": asdict(report.bbc_titles)}
