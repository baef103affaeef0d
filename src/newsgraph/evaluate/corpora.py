"""Loaders for the public news corpora used to evaluate and benchmark newsgraph.

Each loader yields ``CorpusDoc`` objects: an ``Item`` (what ``newsgraph read``
would see for that article, raw as distributed) plus the corpus's own metadata
(``extra``), which evaluations compare against. Loaders read lazily and skip
entries without text, so a benchmark can take the first N of any corpus.

Corpora (paths relative to the ``corpus/`` folder):
    reuters     reuters21578/reut2-*.sgm       1987 wire copy, SGML (title + dateline + body)
    fakenewsnet fakenewsnet/**/news content.json   newspaper3k JSON (authors, publish_date)
    buzzfeed    buzzfeed_webis2016/articles/*.xml  XML (author, portal)
    bbc         bbc/bbc/<category>/*.txt        title line, blank line, body
    horne       horne2017/Public Data/**.txt   cp1252 plain text, CRLF
    semeval     semeval19_hyperpartisan/articles-*.xml   HTML bodies (published-at)
    fakenewscorpus fakenewscorpus/news_sample.csv   CSV (content, title, authors, url)
    pages       ../eval-data/article-extraction-benchmark/   news web pages (2019-2020) with hand-made bodies
"""

from __future__ import annotations

import ast
import csv
import html
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from newsgraph.ingest.inputs import Item


@dataclass
class CorpusDoc:
    corpus: str
    item: Item
    extra: dict[str, Any] = field(default_factory=dict)


def default_corpus_dir() -> Path:
    """``NEWSGRAPH_CORPUS``, else ``corpus/`` in the shared data (:func:`~newsgraph.evaluate.shared.shared_dir`)."""
    import os

    from newsgraph.evaluate.shared import shared_dir

    env = os.environ.get("NEWSGRAPH_CORPUS")
    if env:
        return Path(env)
    return shared_dir() / "corpus"


_REUTERS_DOC = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_REUTERS_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "DATELINE", "BODY")}
_REUTERS_NEWID = re.compile(r'NEWID="(\d+)"')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _reuters_unescape(text: str) -> str:
    return _CONTROL.sub("", html.unescape(text))


def reuters(root: Path) -> Iterator[CorpusDoc]:
    """Reuters-21578 stories with a body, rebuilt as the wire text: title, dateline, body."""
    for sgm in sorted((root / "reuters21578").glob("reut2-*.sgm")):
        yield from reuters_stories(sgm)


def reuters_stories(sgm: Path) -> Iterator[CorpusDoc]:
    """The stories with a body of one Reuters-21578 SGML file, so a single story can be found by its NEWID
    without reading the other twenty files (the main-events scorer reads one story this way)."""
    raw = sgm.read_bytes().decode("latin-1")
    for match in _REUTERS_DOC.finditer(raw):
        attrs, inner = match.groups()
        fields = {k: (m.group(1) if (m := p.search(inner)) else None) for k, p in _REUTERS_FIELD.items()}
        if not fields["BODY"]:
            continue
        newid = _REUTERS_NEWID.search(attrs)
        title = _reuters_unescape(fields["TITLE"] or "").strip()
        dateline = _reuters_unescape(fields["DATELINE"] or "")
        body = _reuters_unescape(fields["BODY"])
        text = (title + "\n" if title else "") + dateline + body
        doc_id = newid.group(1) if newid else str(match.start())
        yield CorpusDoc(
            "reuters",
            Item(where=f"reuters:{doc_id}", format="text", text=text, id=f"reuters-{doc_id}",
                 title=title or None),
            {"date": (fields["DATE"] or "").strip(), "dateline": dateline.strip(), "title": title,
             "body": body},
        )


def _literal_list(value: str | list | None) -> list[str]:
    """A list stored as a list, or as the text of a Python list literal."""
    if not value:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    try:
        parsed = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return []
    return [str(v) for v in parsed] if isinstance(parsed, list) else []


def fakenewsnet(root: Path) -> Iterator[CorpusDoc]:
    """FakeNewsNet (PolitiFact and GossipCop) articles scraped by newspaper3k."""
    for path in sorted((root / "fakenewsnet").rglob("news content.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        text = data.get("text") or ""
        if not text.strip():
            continue
        published = None
        stamp = data.get("publish_date")
        if stamp not in (None, "", "None"):
            try:
                published = datetime.fromtimestamp(float(stamp), tz=UTC).date().isoformat()
            except (TypeError, ValueError, OverflowError, OSError):
                published = None
        doc_id = path.parent.name
        yield CorpusDoc(
            "fakenewsnet",
            Item(where=str(path), format="text", text=text, path=str(path), id=doc_id,
                 url=data.get("url") or None),
            {"authors": _literal_list(data.get("authors")), "published": published,
             "title": data.get("title"), "label": path.parent.parent.name, "site": path.parts[-4]},
        )


def buzzfeed(root: Path) -> Iterator[CorpusDoc]:
    """BuzzFeed-Webis Fake News Corpus 2016: one XML file per article."""
    folder = root / "buzzfeed_webis2016" / "articles"
    for path in sorted(folder.glob("*.xml")):
        try:
            tree = ElementTree.parse(path).getroot()
        except ElementTree.ParseError:
            continue
        text = tree.findtext("mainText") or ""
        if not text.strip():
            continue
        author = (tree.findtext("author") or "").strip()
        yield CorpusDoc(
            "buzzfeed",
            Item(where=str(path), format="text", text=text, path=str(path), id=f"bfw-{path.stem}",
                 title=(tree.findtext("title") or "").strip() or None, url=tree.findtext("uri")),
            {"authors": [author] if author else [], "portal": tree.findtext("portal"),
             "veracity": tree.findtext("veracity")},
        )


def bbc(root: Path) -> Iterator[CorpusDoc]:
    """BBC News (2004–2005): a title line, a blank line, then paragraphs."""
    for path in sorted((root / "bbc" / "bbc").glob("*/*.txt")):
        data = path.read_bytes()
        yield CorpusDoc("bbc", Item(where=str(path), format="text", data=data, path=str(path),
                                    id=f"bbc-{path.parent.name}-{path.stem}"), {"category": path.parent.name})


def horne(root: Path) -> Iterator[CorpusDoc]:
    """Horne and Adali 2017: plain text bodies in cp1252 with CRLF (titles kept apart)."""
    base = root / "horne2017" / "Public Data"
    for path in sorted(base.rglob("*.txt")):
        if path.parent.name.endswith("_titles") or path.name.lower().startswith("readme"):
            continue
        yield CorpusDoc("horne", Item(where=str(path), format="text", data=path.read_bytes(), path=str(path),
                                      id=f"horne-{path.parent.parent.name[:6]}-{path.parent.name}-{path.stem}"),
                        {"label": path.parent.name})


_SEMEVAL_ARTICLE = re.compile(r'<article ([^>]*)>(.*?)</article>', re.S)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')


def semeval(root: Path) -> Iterator[CorpusDoc]:
    """SemEval-2019 hyperpartisan (by-article): HTML-ish bodies with a publication date."""
    folder = root / "semeval19_hyperpartisan"
    for path in sorted(folder.glob("articles-*.xml")):
        raw = path.read_text(encoding="utf-8")
        for match in _SEMEVAL_ARTICLE.finditer(raw):
            attrs = {k: html.unescape(v) for k, v in _ATTR.findall(match.group(1))}
            body = match.group(2)
            if not body.strip():
                continue
            title = html.escape(attrs.get("title", ""))
            page = f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
            yield CorpusDoc(
                "semeval",
                Item(where=f"semeval:{attrs.get('id')}", format="html", text=page, id=f"semeval-{attrs.get('id')}",
                     title=attrs.get("title"), published=attrs.get("published-at")),
                {"published": attrs.get("published-at")},
            )


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


def semeval_article(path: Path, article_id: str) -> Item:
    """One SemEval-2019 hyperpartisan article of ``path`` as plain text: its title, then its paragraphs.

    The hand-checked sets annotate this text, not the HTML page :func:`semeval` gives the pipeline: the
    paragraphs (``<p>``, tags stripped, entities unescaped, white space collapsed) are the article as a
    reader sees it, so gold offsets and contexts are literal in it. A body without paragraphs is kept
    whole. ``published-at`` is the date relative dates resolve against. ``article_id`` is the file's
    ``id`` ("0000123"); the corpus loader's item id ("semeval-0000123") is accepted too.
    """
    article_id = article_id.removeprefix("semeval-")
    raw = path.read_text(encoding="utf-8")
    found = re.search(rf'<article ([^>]*\bid="{re.escape(article_id)}"[^>]*)>(.*?)</article>', raw, re.S)
    if found is None:
        raise KeyError(f"no SemEval article {article_id} in {path}")
    attrs = {k: html.unescape(v) for k, v in _ATTR.findall(found.group(1))}
    body = found.group(2)
    paragraphs = _PARAGRAPH.findall(body) or [body]
    lines = [" ".join(html.unescape(_TAG.sub("", p)).split()) for p in paragraphs]
    title = " ".join((attrs.get("title") or "").split())
    text = "\n\n".join([title, *(line for line in lines if line)] if title else [ln for ln in lines if ln])
    return Item(where=f"{path}#{article_id}", text=text, title=title or None, published=attrs.get("published-at"))


def fakenewscorpus(root: Path) -> Iterator[CorpusDoc]:
    """FakeNewsCorpus sample: CSV rows with content, title, authors, url."""
    csv.field_size_limit(sys.maxsize)
    path = root / "fakenewscorpus" / "news_sample.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = row.get("content") or ""
            if not text.strip():
                continue
            yield CorpusDoc(
                "fakenewscorpus",
                Item(where=f"{path}:{row.get('id')}", format="text", text=text, id=f"fnc-{row.get('id')}",
                     url=row.get("url") or None, title=row.get("title") or None),
                {"authors": [a.strip() for a in (row.get("authors") or "").split(",") if a.strip()],
                 "domain": row.get("domain"), "type": row.get("type")},
            )


PAGE_ID_CHARS = 16
"""Hex digits of a benchmark page's SHA-256 name kept in its item id (``page-<16 hex>``): unique among its pages."""


def _benchmark_dir(root: Path) -> Path:
    """The article-extraction benchmark beside ``root`` (``corpus/``) in the shared data."""
    return root.parent / "eval-data" / "article-extraction-benchmark"


def _page_doc(folder: Path, page_id: str, page: str, body: str, url: str | None) -> CorpusDoc:
    from newsgraph.errors import MalformedInputError
    from newsgraph.ingest import extract_html

    try:
        meta = extract_html(page, page_id, url=url)
    except MalformedInputError:
        meta = None
    item_id = f"page-{page_id[:PAGE_ID_CHARS]}"
    return CorpusDoc(
        "pages",
        Item(where=f"{folder}#{item_id}", format="text", text=body, id=item_id, url=url,
             title=meta.title if meta else None, published=meta.published if meta else None,
             authors=list(meta.authors) if meta else []),
        {"outlet": meta.outlet if meta else None, "page": page_id},
    )


def pages(root: Path) -> Iterator[CorpusDoc]:
    """The article-extraction benchmark's news pages as plain-text articles: the hand-made body, the page's metadata.

    Why plain text: the benchmark's ``articleBody`` is the article as a reader sees it, written by hand,
    so gold offsets and contexts made on it stay literal however the HTML rules change; the title and
    publication date (which relative dates resolve against) come from the page itself through
    :func:`newsgraph.ingest.extract_html`, the metadata a user's run would read. ``root`` is the
    ``corpus/`` folder; the benchmark sits in ``eval-data/`` beside it. Item ids are ``page-`` and the
    first :data:`PAGE_ID_CHARS` hex digits of the page's name.
    """
    from newsgraph.evaluate.html import pages as benchmark_pages

    folder = _benchmark_dir(root)
    if not (folder / "ground-truth.json").exists():
        return
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, page, body in benchmark_pages(folder):
        if body.strip():
            yield _page_doc(folder, page_id, page, body, truth[page_id].get("url"))


def benchmark_page(folder: Path, item_id: str) -> Item:
    """One page of the benchmark ``folder`` by its item id (``page-<hex>``), read alone (see :func:`pages`)."""
    import gzip

    from newsgraph.ingest import decode_bytes

    prefix = item_id.removeprefix("page-")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    page_id = next((k for k in sorted(truth) if k.startswith(prefix)), None)
    if page_id is None or len(prefix) < PAGE_ID_CHARS:
        raise KeyError(f"no benchmark page {item_id} in {folder}")
    path = folder / "html" / f"{page_id}.html.gz"
    data = gzip.decompress(path.read_bytes()) if path.exists() else (folder / "html" / f"{page_id}.html").read_bytes()
    entry = truth[page_id]
    body = entry.get("articleBody") or ""
    return _page_doc(folder, page_id, decode_bytes(data, str(path)), body, entry.get("url")).item


LOADERS: dict[str, Callable[[Path], Iterator[CorpusDoc]]] = {
    "reuters": reuters,
    "fakenewsnet": fakenewsnet,
    "buzzfeed": buzzfeed,
    "bbc": bbc,
    "horne": horne,
    "semeval": semeval,
    "fakenewscorpus": fakenewscorpus,
    "pages": pages,
}
CORPORA: tuple[str, ...] = tuple(name for name in LOADERS if name != "pages")
"""The news corpora of ``corpus/``, what benchmarks mix; the benchmark pages are evaluation data, kept out."""


def load(name: str, root: Path | None = None, limit: int | None = None) -> Iterator[CorpusDoc]:
    """One corpus by name (see ``LOADERS``), optionally only its first ``limit`` documents."""
    if name not in LOADERS:
        raise KeyError(f"unknown corpus {name!r}; known: {', '.join(LOADERS)}")
    docs = LOADERS[name](root or default_corpus_dir())
    return islice(docs, limit) if limit is not None else docs


def mixed(n: int, root: Path | None = None, names: tuple[str, ...] = CORPORA) -> list[CorpusDoc]:
    """``n`` documents taken round-robin from the named corpora, for benchmarks."""
    root = root or default_corpus_dir()
    streams = [LOADERS[name](root) for name in names]
    out: list[CorpusDoc] = []
    while streams and len(out) < n:
        for stream in list(streams):
            doc = next(stream, None)
            if doc is None:
                streams.remove(stream)
                continue
            out.append(doc)
            if len(out) >= n:
                break
    return out
