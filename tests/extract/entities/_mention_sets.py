"""Form checks shared by the tests of the held-out mention sets (``benchmarks/data/mentions_report*.json``).

Form only: nothing here runs the entity stage, so that a held-out set stays unseen until it is scored
once at the end of its round (docs/quality.md, issue 15). Each set's test module states its own
minimums and reserved pool and calls these checks, so the checks are written once.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from newsgraph.evaluate.mentions import read_article

DATA = Path(__file__).resolve().parents[3] / "benchmarks" / "data"
#: The SemEval-2019 file the report sets draw from; its articles are named ``<SEMEVAL_FILE>#semeval-ID``.
SEMEVAL_FILE = "semeval19_hyperpartisan/articles-training-byarticle-20181122.xml"
#: Its ground truth, which gives each article's URL (and so its outlet).
SEMEVAL_TRUTH = "semeval19_hyperpartisan/ground-truth-training-byarticle-20181122.xml"
_RE_TRUTH = re.compile(r'<article [^>]*\bid="(\d+)"[^>]*\burl="([^"]*)"')
#: The categories of the annotation protocol (benchmarks/score_mentions.py --candidates).
CATEGORIES = ("pronoun", "first_person", "description", "role")
#: Characters of context before and after a mention, as the sets since the third report set write it.
CONTEXT_BEFORE, CONTEXT_AFTER = 100, 50
RE_STATED_COUNTS = re.compile(
    r"Counts: (\d+) mentions: (\d+) pronoun, (\d+) first_person, (\d+) description, (\d+) role")
MENTION_FIELDS = {"start", "end", "text", "category", "refers_to", "context"}


def context_of(text: str, start: int, end: int) -> str:
    """The context a set writes for ``text[start:end]``: the mention in [[ ]], newlines as spaces."""
    return (text[max(0, start - CONTEXT_BEFORE):start] + f"[[{text[start:end]}]]"
            + text[end:end + CONTEXT_AFTER]).replace("\n", " ")


def files_of_other_sets(name: str) -> set[str]:
    """The article files of every other mention set, whatever it is named now (a report set may
    become a development set)."""
    others = sorted(p for p in DATA.glob("mentions_*.json") if p.name != name)
    return {a["file"] for path in others for a in json.loads(path.read_text(encoding="utf-8"))["articles"]}


def check_new_articles(data: dict, name: str, min_articles: int) -> list[str]:
    """Enough articles, none twice and none in another mention set; returns their files."""
    files = [a["file"] for a in data["articles"]]
    assert len(files) == len(set(files)) >= min_articles
    assert not set(files) & files_of_other_sets(name)
    return files


def check_mentions_point_at_their_words(data: dict, corpus: Path, exact_context: bool = True) -> None:
    """Each mention's offsets give its text in ``read_article`` of its file, in text order without
    overlap, with a valid category and ``refers_to``, and its context as :func:`context_of` writes it
    (or, with ``exact_context`` false, as older sets wrote it: containing the mention in [[ ]])."""
    for article in data["articles"]:
        text = read_article(corpus / article["file"])
        last_end = 0
        for item in article["mentions"]:
            start, end = item["start"], item["end"]
            assert text[start:end] == item["text"], (article["file"], item)
            assert start >= last_end, (article["file"], item)
            last_end = end
            if exact_context:
                assert item["context"] == context_of(text, start, end), (article["file"], item)
            else:
                assert f"[[{item['text']}]]" in item["context"], (article["file"], item)
            assert item["category"] in CATEGORIES, (article["file"], item)
            gold = item["refers_to"]
            assert gold is None or (isinstance(gold, list) and gold
                                    and all(isinstance(g, str) and g for g in gold)), (article["file"], item)


def check_counts(data: dict, min_mentions: int, min_descriptions: int, min_roles: int = 0,
                 min_pronouns: int = 0, min_first_person: int = 0) -> Counter:
    """The minimums are met and the description states the counts per category as they are."""
    counts = Counter(m["category"] for a in data["articles"] for m in a["mentions"])
    assert sum(counts.values()) >= min_mentions
    assert counts["description"] >= min_descriptions
    assert counts["role"] >= min_roles
    assert counts["pronoun"] >= min_pronouns
    assert counts["first_person"] >= min_first_person
    stated = RE_STATED_COUNTS.search(data["description"])
    assert stated, "the description states the counts per category"
    total, *per_category = (int(n) for n in stated.groups())
    assert total == sum(counts.values())
    assert per_category == [counts[c] for c in CATEGORIES]
    assert "REPORT set" in data["description"]
    return counts


def check_corpus_share(names: list[str], max_share: float) -> None:
    """No corpus (the first folder of an article's file) gives more than ``max_share`` of the articles."""
    corpora = Counter(name.split("/")[0] for name in names)
    assert max(corpora.values()) <= max_share * len(names), corpora


def check_plain_fields(path: Path) -> None:
    """The file is plain JSON with only the fields the scorer reads and the description."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"description", "articles"}
    for article in data["articles"]:
        assert set(article) == {"file", "mentions"}
        for item in article["mentions"]:
            assert set(item) == MENTION_FIELDS


def semeval_outlets(corpus: Path) -> dict[str, str]:
    """Each SemEval-2019 article id's outlet: the host of its URL in the ground truth, ``www.`` and ``us.``
    dropped, so a set's cap of articles an outlet is checked alike in every form test."""
    text = (corpus / SEMEVAL_TRUTH).read_text(encoding="utf-8")
    return {i: re.sub(r"^(www|us)\.", "", url.split("/")[2]) for i, url in _RE_TRUTH.findall(text)}


#: Pages of the article-extraction benchmark are named ``<PAGES_FILE>#page-HEX`` (relative to the corpus folder).
PAGES_FILE = "../eval-data/article-extraction-benchmark"
RE_PAGE = re.compile(re.escape(PAGES_FILE) + r"#(page-[0-9a-f]{16})")


def page_outlet(url: str | None) -> str:
    """A benchmark page's outlet: the host of its URL, ``www.`` dropped, so a set's cap of articles an
    outlet is checked alike in every form test that draws on the pages."""
    return re.sub(r"^www\.", "", (url or "").split("/")[2]) if url and "//" in url else ""
