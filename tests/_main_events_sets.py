"""Form checks of the main-events sets' test (format only, never system output).

A malformed entry in a ``benchmarks/data/main_events_*.json`` set fails silently in
``benchmarks/score_main_events.py``: an article that does not load, a context that is not a
literal snippet of the text the scorer searches (the gold event could never be matched), a predicate that
is not a lower-case lemma, a date that is not an ISO prefix. ``tests/evaluate/test_main_events_sets.py``
runs these checks on every set of its table, each with that set's own minimums, so the checks are written
once. Only the scorer's ``load_article`` reads an article's text; nothing here runs newsgraph on a set's
articles.

The test module imports this as ``from _main_events_sets import ...`` (``tests/`` is on pytest's
``pythonpath``, see ``_paths``).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

from _paths import sister_sets
from _scripts import load_script
from newsgraph.evaluate.corpora import reuters_stories

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "benchmarks" / "data"
FORMATS = {"text", "buzzfeed", "fakenewsnet", "reuters", "semeval", "page"}
#: Formats whose file holds many articles, so an entry names one by its ``id`` in that file (a benchmark page by
#: its item id in the benchmark's folder).
MANY_ARTICLE_FORMATS = {"reuters", "semeval", "page"}
#: An ISO date at the text's own precision: a year, a month or a day.
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: A lemma as the scorer compares it (first word of ``Event.predicate``): lower case, maybe hyphenated.
LEMMA = re.compile(r"^[a-z]+(-[a-z]+)*$")
#: Texts this short may hold fewer than the 5 events a longer article is annotated with (press items).
SHORT_TEXT = 1000
#: The fewest and most events an article of a report set is annotated with.
MIN_EVENTS, MAX_EVENTS = 2, 12
#: Fewer events than this only in a text under ``SHORT_TEXT``.
EVENTS_IN_A_LONGER_TEXT = 5


def load_scorer() -> Any:
    """The scorer module, for its ``load_article`` and ``DATA_SETS`` (reading only: nothing is parsed)."""
    return load_script("benchmarks/score_main_events.py")


def key(article: dict[str, Any]) -> tuple[str, str | None]:
    """An article: its file, and for an article of a many-article file (Reuters, SemEval) its id there."""
    return article["file"], article.get("id")


def contexts(event: dict[str, Any]) -> list[str]:
    return event["context"] if isinstance(event["context"], list) else [event["context"]]


def searchable(text: str) -> str:
    """The article text with the quote marks the scorer folds before it looks for a context."""
    return text.replace("’", "'").replace("“", '"').replace("”", '"')


def check_fields(
    data: dict[str, Any], *, min_articles: int, min_outlets: int, min_dated: int,
    formats: frozenset[str] = frozenset(FORMATS), min_events: int = MIN_EVENTS, notes: bool = True,
) -> None:
    """Every entry has the fields the scorer reads, valid, and the set meets the minimums it was made to:
    articles, outlets, events dated, the fewest events an article holds, the formats its articles may
    have, and (for a set whose entries carry one) an annotator's note on every article."""
    articles = data["articles"]
    assert len(articles) >= min_articles
    assert len({a["outlet"] for a in articles}) >= min_outlets
    assert len({key(a) for a in articles}) == len(articles)
    for article in articles:
        assert article["format"] in formats and article["outlet"].strip(), key(article)
        assert not notes or article["note"].strip(), key(article)
        assert (article["format"] in MANY_ARTICLE_FORMATS) == ("id" in article), article["file"]
        assert min_events <= len(article["events"]) <= MAX_EVENTS, key(article)
        for event in article["events"]:
            assert set(event) == {"predicates", "context", "actor", "date"}
            assert event["predicates"] and all(LEMMA.match(p) for p in event["predicates"]), event
            assert contexts(event) and all(isinstance(c, str) and c.strip() for c in contexts(event)), event
            assert event["actor"] is None or (isinstance(event["actor"], str) and event["actor"].strip())
            assert event["date"] is None or ISO.match(event["date"]), event
    assert sum(1 for a in articles for e in a["events"] if e["date"]) >= min_dated


def check_no_article_from_another_set(data: dict[str, Any], path: Path) -> None:
    """A held-out set shares no article with the development and other report sets."""
    others: set[tuple[str, str | None]] = set()
    for other in sorted(DATA_DIR.glob("main_events_*.json")):  # every other set, whatever it is named now
        if other != path:
            others |= {key(a) for a in json.loads(other.read_text(encoding="utf-8"))["articles"]}
    mine = {key(a) for a in data["articles"]}
    assert not others & mine
    assert not {f for f, _ in others} & {f for f, i in mine if i is None}  # a whole file in another set


def check_contexts_are_literal_snippets(data: dict[str, Any], corpus: Path) -> dict[tuple[str, str | None], str]:
    """Every context is found, as the scorer finds it, in the text the scorer hands to newsgraph, and
    only a short text holds fewer than five events; returns each article's searchable text."""
    scorer = load_scorer()
    texts = {}
    for article in data["articles"]:
        item = scorer.load_article(article, corpus)
        text = searchable(item.text)
        assert len(text) > 200, key(article)
        assert len(article["events"]) >= EVENTS_IN_A_LONGER_TEXT or len(text) < SHORT_TEXT, key(article)
        for event in article["events"]:
            for ctx in contexts(event):
                assert ctx.replace("’", "'") in text, (key(article), ctx)
        texts[key(article)] = text
    return texts


def check_dated_articles_have_their_publication_date(data: dict[str, Any], corpus: Path, formats: set[str]) -> None:
    """Relative dates in an article of these formats were resolved against its publication date, so the
    scorer must hand that date on (and the title, which the text begins with, except on a benchmark page,
    whose text is the hand-made body alone and whose title comes with it apart)."""
    scorer = load_scorer()
    for article in (a for a in data["articles"] if a["format"] in formats):
        item = scorer.load_article(article, corpus)
        assert item.published and ISO.match(item.published), key(article)
        assert item.title and (article["format"] == "page" or item.text.startswith(item.title)), key(article)


#: Where the SemEval-2019 articles of a report set come from (its by-article file).
SEMEVAL_FILE = "semeval19_hyperpartisan/articles-training-byarticle-20181122.xml"
_BBC_FILE = re.compile(r"^bbc/bbc/([a-z]+)/(\d{3})\.txt$")
_BUZZFEED_FILE = re.compile(r"^buzzfeed_webis2016/articles/(\d{4})\.xml$")
#: Where the Horne 2017 files are, and the name of one file of a folder there (``123_Real.txt``, or ``123.txt``
#: in the random political news folders).
HORNE_ROOT = "horne2017/"
_HORNE_FILE = re.compile(r"^\d+(_[A-Za-z]+)?\.txt$")
_POLITIFACT_FILE = re.compile(
    r"^fakenewsnet/fakenewsnet_dataset/politifact/(fake|real)/politifact(\d+)/news content\.json$"
)


def check_articles_come_from_the_share(
    data: dict[str, Any], *, semeval_ids: range, bbc: dict[str, range], buzzfeed: range,
    politifact: range | None = None, reuters: str | None = None, horne: str | tuple[str, ...] | None = None,
) -> None:
    """Every article is from the set's share of the reserved pool: SemEval ids, BBC files by category,
    BuzzFeed-Webis files and (for a share that holds them) FakeNewsNet politifact ids in the given ranges,
    Reuters stories of the given file and Horne 2017 files of the given folder (or folders), no other part of
    the pool (a FakeNewsNet, Reuters or Horne article outside a share that holds them fails)."""
    for article in data["articles"]:
        if article["file"].startswith(HORNE_ROOT):
            folders = (horne,) if isinstance(horne, str) else horne or ()
            folder = next((f for f in folders if article["file"].startswith(f)), None)
            assert folder is not None and _HORNE_FILE.match(article["file"].removeprefix(folder)), key(article)
            assert article["format"] == "text", key(article)
            continue
        if article["format"] == "fakenewsnet":
            found = _POLITIFACT_FILE.match(article["file"])
            assert politifact is not None and found and int(found.group(2)) in politifact, key(article)
        elif article["format"] == "reuters":
            assert reuters is not None and article["file"] == reuters, key(article)
        elif article["format"] == "semeval":
            assert article["file"] == SEMEVAL_FILE and re.fullmatch(r"\d{7}", article["id"]), key(article)
            assert int(article["id"]) in semeval_ids, key(article)
        elif article["format"] == "buzzfeed":
            found = _BUZZFEED_FILE.match(article["file"])
            assert found and int(found.group(1)) in buzzfeed, key(article)
        else:
            found = _BBC_FILE.match(article["file"])
            assert article["format"] == "text" and found and found.group(1) in bbc, key(article)
            assert int(found.group(2)) in bbc[found.group(1)], key(article)


def check_only_dated_formats_hold_relative_dates(data: dict[str, Any], formats: set[str]) -> None:
    """An article of a format with no publication date (a BBC or BuzzFeed-Webis file) can only hold
    dates that are years the text names: nothing to resolve a relative date against."""
    for article in (a for a in data["articles"] if a["format"] not in formats):
        assert all(e["date"] is None or re.fullmatch(r"\d{4}", e["date"]) for e in article["events"]), key(article)


#: The development pool (see the held-out rule in docs/quality.md): BBC files below these numbers.
DEVELOPMENT_BBC_LIMITS = {"sport": 401, "entertainment": 340, "business": 451}
#: The first BuzzFeed-Webis file and politifact id of the reserved pool.
RESERVED_BUZZFEED, RESERVED_POLITIFACT = 1400, 15000


def check_articles_come_from_the_development_pool(data: dict[str, Any]) -> None:
    """A development set holds no article of the reserved pool: no SemEval, FakeNewsCorpus or Reuters
    file, no GossipCop article, no politifact id, BuzzFeed-Webis file or BBC file from the pool's first."""
    for article in data["articles"]:
        path = article["file"]
        assert not path.startswith(("semeval19", "fakenewscorpus", "reuters21578")), path
        assert "gossipcop" not in path, path
        if match := re.search(r"politifact(\d+)/", path):
            assert int(match.group(1)) < RESERVED_POLITIFACT, path
        if match := re.search(r"buzzfeed_webis2016/articles/(\d+)\.xml", path):
            assert int(match.group(1)) < RESERVED_BUZZFEED, path
        if match := re.search(r"bbc/bbc/(\w+)/(\d+)\.txt", path):
            assert int(match.group(2)) < DEVELOPMENT_BBC_LIMITS.get(match.group(1), 10**6), path


def check_dates_are_ones_the_text_gives(data: dict[str, Any], corpus: Path) -> None:
    """A date is one the text can give: never after the publication date the scorer hands on, and in an
    article without one, of a year the text names (or that the article's note works out from the text)."""
    scorer = load_scorer()
    for article in data["articles"]:
        item = scorer.load_article(article, corpus)
        text = searchable(item.text)
        for event in (e for e in article["events"] if e["date"] is not None):
            if item.published:
                assert event["date"] <= item.published, (key(article), event)
            else:
                year = event["date"][:4]
                assert year in text or year in article["note"], (key(article), event)


def check_reuters_bodies(data: dict[str, Any], corpus: Path, min_body: int) -> None:
    """Every Reuters story has a body (its text after title and dateline) of at least ``min_body``
    characters, so a set's Reuters articles are reports rather than one-line items."""
    stories = [a for a in data["articles"] if a["format"] == "reuters"]
    bodies: dict[str, str] = {}
    for file in sorted({a["file"] for a in stories}):
        bodies |= {d.item.id: d.extra["body"] for d in reuters_stories(corpus / file)}
    for article in stories:
        assert len(bodies[f"reuters-{article['id']}"]) >= min_body, key(article)


def names_in_the_repository(article: dict[str, Any]) -> list[str]:
    """The names an article goes by in the repository's data files (as the selection grepped)."""
    if article["format"] == "semeval":
        return [article["id"], f"semeval-{article['id']}"]
    if article["format"] == "page":  # the item id, and the page's name, which begins with its hex digits
        return [article["id"], article["id"].removeprefix("page-")]
    found = re.search(r"(Random Poltical News Dataset/Real/\d+\.txt|politifact\d+|[a-z]+/\d{3}\.txt"
                      r"|articles/\d{4}\.xml|\d+_[A-Za-z]+\.txt)", article["file"])
    assert found, article["file"]
    return [found.group(1)]


def files_naming_an_article(data: dict[str, Any], path: Path) -> list[tuple[str, str]] | None:
    """Every (name, files) where a file of the repository other than ``path`` (and the sets drawn with it,
    ``_paths.sister_sets``) names an article of the set, by ``git grep``; ``None`` when the tree is not a git
    checkout (nothing to search)."""
    this = path.relative_to(ROOT).as_posix()
    found = []
    for article in data["articles"]:
        for name in names_in_the_repository(article):
            listed = subprocess.run(["git", "grep", "-l", "-w", "-F", name], cwd=ROOT, capture_output=True,
                                    text=True, check=False)
            if listed.returncode not in (0, 1):
                return None
            if not set(listed.stdout.split()) <= {this} | sister_sets(this):
                found.append((name, listed.stdout))
    return found


#: Where the article-extraction benchmark's news pages are, as the scorer's ``file`` of a ``page`` entry names them.
PAGES_FILE = "../eval-data/article-extraction-benchmark"


def check_pages_come_from_the_share(data: dict[str, Any], corpus: Path, min_body_bytes: int) -> None:
    """Every article is a page of the benchmark whose body (the text the scorer reads) is over
    ``min_body_bytes`` in UTF-8: the share a set drawn from the pages was given."""
    scorer = load_scorer()
    for article in data["articles"]:
        assert article["format"] == "page" and article["file"] == PAGES_FILE, key(article)
        assert re.fullmatch(r"page-[0-9a-f]{16}", article["id"]), key(article)
        assert len(scorer.load_article(article, corpus).text.encode("utf-8")) > min_body_bytes, key(article)
