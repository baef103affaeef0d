"""Score quotes, speakers, roles and genders on a hand-checked set of real articles.

    PYTHONPATH=src python benchmarks/score_quotes.py [--data FILE] [--errors] [--skip KEY-PREFIX]

The default set is ``tests/extract/attribution/data/handchecked_corpus.json`` (222 quotes in 16
articles of six corpora, annotated before the system was run on them); the older BBC politics set
(``handchecked_bbc_politics.json``, with roles and genders since round 4) is read too.
``handchecked_dev2.json`` is a second development set, and ``handchecked_dev3.json`` a third (the
report set of the rounds before, scored twice held out, renamed when a fresh report set was made). A
report set is scored totals only, at most once per round, never with ``--errors``. How the sets were
made is said in their ``about`` and in docs/quality.md. Articles a round reserves for fresh
annotation are left out with ``--skip``; an article with a file of its own is read from that file
alone (:func:`own_file`).

Rules of matching (the same as ``tests/extract/attribution/test_handchecked.py``):

* A predicted quote is an attribution that is ``quoted`` or ``direct`` (transcript turns are
  direct speech without marks). Texts are compared after folding curly marks, spaces and case.
* A gold quote is found when a predicted quote's content holds its words, or lies inside them
  (a quote the system cut shorter, four characters at least; the one holding them is taken first,
  else the longest inside). A predicted quote is correct when it
  finds a gold quote that way; one that lies inside (or holds) a stretch the annotator listed
  under ``ignore`` is left out of precision, right or wrong.
* Speaker accuracy, over found quotes: the share whose source names the gold ``key`` (any of a
  list) in its description, its mentions or its entity's name.
* Role and gender, when the record's sources carry ``role``/``gender``: over the distinct
  (article, gold speaker, source) pairs whose speaker is right, accuracy on the pairs the system
  labels (a gender the text gives no evidence for counts as wrong), and the share left ``null``
  where the gold is ``null`` (the text gives no evidence). Without the fields: "not available".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "tests" / "extract" / "attribution" / "data"
DATA = DATA_DIR / "handchecked_corpus.json"
#: Shorter predicted quotes than this never count as lying inside a gold quote.
MIN_INSIDE_CHARS = 4
#: An ignored stretch must be this long before a longer prediction holding it is ignored.
MIN_IGNORE_HOLD_CHARS = 8
NOT_AVAILABLE = "not available"


def norm(text: str) -> str:
    """Fold curly marks, runs of space and case; strip edge punctuation (cleaning may differ there)."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("`", "'")
    return re.sub(r"\s+", " ", text).strip().lower().strip(" .,;:!?\"'-—–")


def matches(pred: str, key: str) -> bool:
    """Normalised predicted content ``pred`` finds normalised gold words ``key``."""
    return bool(key) and (key in pred or (len(pred) >= MIN_INSIDE_CHARS and pred in key))


def ignored(pred: str, key: str) -> bool:
    return bool(key) and (pred in key or (len(key) >= MIN_IGNORE_HOLD_CHARS and key in pred))


@dataclass
class GoldQuote:
    quote: str
    keys: list[str]
    speaker: str | None
    form: str = "marks"
    role: str | None = None
    gender: str | None = None
    handle: str | None = None
    annotated_role_gender: bool = False


@dataclass
class GoldArticle:
    key: str
    corpus: str
    item_id: str
    quotes: list[GoldQuote]
    ignore: list[str] = field(default_factory=list)


def _keys(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def load_gold(path: Path) -> list[GoldArticle]:
    """Both layouts: ``corpus/item-id`` → {quotes, ignore}, or the BBC set's ``politics/050.txt`` → [quotes]."""
    data = json.loads(path.read_text(encoding="utf-8"))["articles"]
    out: list[GoldArticle] = []
    for key, value in data.items():
        if isinstance(value, list):  # the BBC politics set: a speaker word, and roles and genders since round 4
            category, name = key.split("/")
            quotes = [GoldQuote(q["quote"], _keys(q["speaker"]), q["speaker"], role=q.get("role"),
                                gender=q.get("gender"), annotated_role_gender="role" in q) for q in value]
            out.append(GoldArticle(key, "bbc", f"bbc-{category}-{Path(name).stem}", quotes))
            continue
        corpus, item_id = key.split("/", 1)
        quotes = [
            GoldQuote(q["quote"], _keys(q.get("key", q.get("speaker"))), q.get("speaker"), q.get("form", "marks"),
                      q.get("role"), q.get("gender"), q.get("handle"), annotated_role_gender=True)
            for q in value["quotes"]
        ]
        out.append(GoldArticle(key, corpus, item_id, quotes, list(value.get("ignore", []))))
    return out


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    speaker_right: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {"gold": self.gold, "recall": _ratio(self.found, self.gold),
                "speaker accuracy (of found)": _ratio(self.speaker_right, self.found)}


def _ratio(num: int, den: int) -> float:
    return round(num / den, 3) if den else 0.0


@dataclass
class Score:
    """Counts over a set; ``errors`` lists every miss when asked for."""

    gold: int = 0
    predicted: int = 0
    ignored_predicted: int = 0
    correct_predicted: int = 0
    found: int = 0
    speaker_right: int = 0
    by_form: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    has_role: bool = False
    has_gender: bool = False
    has_handle: bool = False
    #: Distinct (article, speaker, source) pairs with the right speaker, and their gold and system labels.
    pairs: dict[tuple[str, str, str], tuple[GoldQuote, Any]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def _label_figures(self, attr: str) -> dict[str, Any]:
        labelled = right = gold_null = left_null = 0
        for gold, source in self.pairs.values():
            if not gold.annotated_role_gender:
                continue
            want, got = getattr(gold, attr), getattr(source, attr, None)
            if want is None:
                gold_null += 1
                left_null += got is None
            if got is not None:
                labelled += 1
                right += got == want
        out: dict[str, Any] = {"sources labelled": labelled, f"{attr} accuracy (of labelled)": _ratio(right, labelled)}
        out[f"share null where the text gives no {attr}"] = _ratio(left_null, gold_null)
        out["sources with no gold label"] = gold_null
        return out

    def as_dict(self) -> dict[str, Any]:
        counted = self.predicted - self.ignored_predicted
        out: dict[str, Any] = {
            "gold quotes": self.gold,
            "predicted quotes": self.predicted,
            "predicted in ignored stretches": self.ignored_predicted,
            "quote precision": _ratio(self.correct_predicted, counted),
            "quote recall": _ratio(self.found, self.gold),
            "speaker accuracy (of found)": _ratio(self.speaker_right, self.found),
            "speakers (distinct, right)": len(self.pairs),
            "by form": {form: tally.as_dict() for form, tally in sorted(self.by_form.items())},
        }
        out["role"] = self._label_figures("role") if self.has_role else NOT_AVAILABLE
        out["gender"] = self._label_figures("gender") if self.has_gender else NOT_AVAILABLE
        return out


def _names(source: Any, entity_names: Mapping[str, str]) -> str:
    if source is None:
        return ""
    parts = [source.description, *(m.text for m in source.mentions)]
    if source.entity and source.entity in entity_names:
        parts.append(entity_names[source.entity])
    handle = getattr(source, "handle", None)
    if handle:
        parts.append(handle)
    return " ".join(parts).lower()


def score_article(
    score: Score,
    article: GoldArticle,
    sources: Sequence[Any],
    attributions: Iterable[Any],
    entity_names: Mapping[str, str] | None = None,
) -> None:
    """Add one article's counts to ``score`` (sources and attributions are record objects)."""
    entity_names = entity_names or {}
    fields = set(type(sources[0]).model_fields) if sources else set()
    score.has_role |= "role" in fields
    score.has_gender |= "gender" in fields
    score.has_handle |= "handle" in fields
    by_id = {s.id: s for s in sources}
    preds = [(a, norm(a.content.text)) for a in attributions if a.quoted or a.kind == "direct"]
    keys = [norm(q.quote) for q in article.quotes]
    ignore = [norm(i) for i in article.ignore]
    for attr, text in preds:
        score.predicted += 1
        if any(matches(text, k) for k in keys):
            score.correct_predicted += 1
        elif any(ignored(text, i) for i in ignore):
            score.ignored_predicted += 1
        else:
            score.errors.append(f"{article.key}: not a gold quote {attr.content.text[:90]!r}")
    for gold, key in zip(article.quotes, keys, strict=True):
        score.gold += 1
        tally = score.by_form[gold.form]
        tally.gold += 1
        hit = _best_hit(preds, key)
        if hit is None:
            score.errors.append(f"{article.key}: missed ({gold.form}) {gold.quote[:90]!r}")
            continue
        score.found += 1
        tally.found += 1
        source = by_id.get(hit.source or "")
        names = _names(source, entity_names)
        right = (not gold.keys and source is None) or any(k.lower() in names for k in gold.keys)
        if not right:
            score.errors.append(f"{article.key}: {gold.quote[:60]!r} speaker {gold.speaker!r}, got {names or None!r}")
            continue
        score.speaker_right += 1
        tally.speaker_right += 1
        if source is not None:
            score.pairs.setdefault((article.key, gold.speaker or "", source.id), (gold, source))
            for attr in ("role", "gender"):
                want, got = getattr(gold, attr), getattr(source, attr, None)
                if gold.annotated_role_gender and attr in fields and got != want:
                    score.errors.append(f"{article.key}: {gold.speaker} {attr} {want!r}, got {got!r}")


def _best_hit(preds: Sequence[tuple[Any, str]], key: str) -> Any:
    """The prediction that finds ``key``: one holding its words first, else the longest lying inside them.

    So a turn of one word ("Well--") never stands for the longer turn that starts with it.
    """
    holding = next((a for a, text in preds if key in text), None)
    if holding is not None:
        return holding
    inside = [(len(text), a) for a, text in preds if matches(text, key)]
    return max(inside, key=lambda pair: pair[0])[1] if inside else None


#: Stories per Reuters-21578 file: NEWID n is in ``reut2-{(n - 1) // 1000:03d}.sgm``.
REUTERS_PER_FILE = 1000


def own_file(corpus: str, item_id: str, root: Path) -> Path | None:
    """The one file of the corpus that holds the article ``item_id``, or None when no file is its own.

    Why: a loader walks its whole corpus to find an id, reading every article on the way, the
    reserved pool of a round included. Copying only the set's own files into a scratch corpus
    folder lets the scorer read nothing else.
    """
    if corpus == "bbc":
        _, category, stem = item_id.split("-", 2)
        return root / "bbc" / "bbc" / category / f"{stem}.txt"
    if corpus == "buzzfeed":
        return root / "buzzfeed_webis2016" / "articles" / f"{item_id.removeprefix('bfw-')}.xml"
    if corpus == "reuters":
        newid = int(item_id.removeprefix("reuters-"))
        return root / "reuters21578" / f"reut2-{(newid - 1) // REUTERS_PER_FILE:03d}.sgm"
    if corpus == "fakenewsnet":
        site = "politifact" if item_id.startswith("politifact") else "gossipcop"
        for label in ("real", "fake"):
            path = root / "fakenewsnet" / "fakenewsnet_dataset" / site / label / item_id / "news content.json"
            if path.exists():
                return path
        return None
    if corpus == "horne":
        _, dataset, label, stem = item_id.split("-", 3)
        base = root / "horne2017" / "Public Data"
        for folder in sorted(base.iterdir()):
            if folder.name[:6] == dataset and (folder / label / f"{stem}.txt").exists():
                return folder / label / f"{stem}.txt"
        return None
    return None


def find_items(articles: Sequence[GoldArticle], corpus_dir: Path | None = None) -> dict[str, Any]:
    """Each gold article's ``Item`` as its corpus loader gives it (what ``newsgraph read`` would see).

    Articles with a file of their own (see :func:`own_file`) are loaded from a scratch copy of
    those files alone; the others (rows of one CSV, records of one XML) from the whole corpus.
    """
    import shutil
    import tempfile

    from newsgraph.evaluate.corpora import benchmark_page, default_corpus_dir, load

    root = corpus_dir or default_corpus_dir()
    items: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="score-quotes-") as scratch:
        wanted: dict[tuple[str, Path], dict[str, str]] = defaultdict(dict)
        for article in articles:
            if article.corpus == "pages":  # one page of the benchmark beside the corpus, read alone
                items[article.key] = benchmark_page(root.parent / "eval-data" / "article-extraction-benchmark",
                                                    article.item_id)
                continue
            path = own_file(article.corpus, article.item_id, root)
            where = root
            if path is not None and path.exists():
                where = Path(scratch)
                copy = where / path.relative_to(root)
                if not copy.exists():
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, copy)
            wanted[(article.corpus, where)][article.item_id] = article.key
        for (corpus, where), ids in wanted.items():
            left = dict(ids)
            for doc in load(corpus, where):
                key = left.pop(doc.item.id or "", None)
                if key is not None:
                    items[key] = doc.item
                if not left:
                    break
            if left:
                raise SystemExit(f"not in the {corpus} corpus: {', '.join(sorted(left))}")
    return items


def score_set(path: Path, corpus_dir: Path | None = None, model: str | None = None,
              skip: Sequence[str] = ()) -> Score:
    """Read every article of the set with the full pipeline and score its record.

    ``skip`` leaves out the articles whose key starts with one of its prefixes (articles a round
    has reserved for fresh annotation are neither read nor run).
    """
    from newsgraph.api import Reader

    articles = [a for a in load_gold(path) if not any(a.key.startswith(prefix) for prefix in skip)]
    items = find_items(articles, corpus_dir)
    reader = Reader(model)
    score = Score()
    for article in articles:
        record = reader.read(items[article.key])
        names = {e.id: e.name for e in record.entities}
        score_article(score, article, record.sources, record.attributions, names)
    return score


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, action="append",
                        help=f"a hand-checked set (repeatable; default {DATA.relative_to(ROOT)})")
    parser.add_argument("--corpus", type=Path, default=None, help="the corpus folder (default ../shared/corpus)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong answer (on stderr)")
    parser.add_argument("--skip", action="append", default=[], metavar="PREFIX",
                        help="leave out the articles whose key starts with PREFIX (repeatable)")
    args = parser.parse_args(argv)
    result: dict[str, Any] = {}
    for path in args.data or [DATA]:
        score = score_set(path, args.corpus, args.model, args.skip)
        result[path.name] = score.as_dict()
        if args.errors:
            print(f"== {path.name}", file=sys.stderr)
            print("\n".join(score.errors), file=sys.stderr)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
