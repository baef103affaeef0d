"""HTML pages: main text and metadata through trafilatura, the date through htmldate.

Before trafilatura sees a page, pop-up furniture that sits *inside* article
paragraphs (hover cards on people's names, tooltips) is removed: trafilatura
keeps inline text, so such a card would be glued into the sentence ("Gov. Jane
RoeJane Ann RoeState governor says…"). When trafilatura finds no article (a
bare fragment such as a JSONL ``html`` field), the page's visible text is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.clean.authors import people
from newsgraph.errors import MalformedInputError
from newsgraph.settings import MIN_HTML_TEXT_CHARS

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: class/id words of pop-up furniture nested in running text.
POPUP_CLASS = re.compile(r"(?i)(?:^|[\s_-])(rollover|tooltip|hover-?card|popover|popup)(?:$|[\s_-])")

#: Elements whose text is never article text.
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")

#: Block elements: their text becomes a paragraph of its own in the fallback.
BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "section", "article")


#: Tables are read: news pages put prose in layout tables (old sites, e-mail-like pages), and
#: trafilatura drops a whole table's text otherwise.
INCLUDE_TABLES = True
#: A line ends a sentence when it ends so (a closing quote or bracket may follow).
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` carries on ``previous``'s sentence: pages that put each line of a paragraph in
    its own ``<div>`` give one block per line, and a block that opens in lower case after one that did
    not end a sentence is the same paragraph."""
    return line[:1].islower() and not _SENTENCE_END.search(previous)


#: trafilatura writes a table row as "| cell | cell |" and a header rule as "|---|---|".
_CELL_SEPARATOR = re.compile(r"\s+\|\s+")
_TABLE_RULE = re.compile(r"^[\s|:-]*$")


def _cells(line: str) -> list[str]:
    """A block's text; a table row's cells each as a block of their own (the pipes are not page text)."""
    line = line.strip()
    if not line.startswith("|") or not line.endswith("|"):
        return [line] if line else []
    if _TABLE_RULE.match(line):
        return []
    return [cell.strip() for cell in _CELL_SEPARATOR.split(line.strip("|")) if cell.strip()]


def _paragraphs(text: str) -> str:
    """trafilatura's blocks (one per line) as the record's paragraphs, separated by blank lines; a
    block continuing the one before is joined to it by a single newline, which ``clean`` reflows."""
    lines = [cell for line in text.split("\n") for cell in _cells(line)]
    out: list[str] = []
    for line in lines:
        if out:
            out.append("\n" if _continues(out[-1], line) else "\n\n")
        out.append(line)
    return "".join(out)


@dataclass
class HtmlArticle:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    url: str | None = None
    outlet: str | None = None


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    parts = [p.strip() for chunk in value.split(";") for p in chunk.split(" and ")]
    return [p for p in parts if p]


#: An XML declaration opening a page (XHTML): lxml refuses a decoded string that carries one.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def without_xml_declaration(html: str) -> str:
    """The page without its ``<?xml … encoding=…?>`` line: the text is decoded already (``decode_bytes``
    honoured the declared encoding), so the declaration has nothing left to say."""
    return _XML_DECLARATION.sub("", html, count=1)


#: A site suffix or prefix on a headline: "Headline | Site Politics", "Site - Headline", "Headline — Site".
_SITE_SEPARATOR = re.compile(r"\s+[|–—•·»:-]\s+")
#: A site part has at most this many words; the headline part at least this many.
MAX_SITE_WORDS, MIN_HEADLINE_WORDS = 4, 3


def _without_site(title: str, site: str | None) -> str:
    """The headline without a site name before or after it ("Headline | Site Politics")."""
    site_low = (site or "").lower()
    if site_low and title.lower().startswith(site_low + ":"):
        return title[len(site_low) + 1 :].strip()  # "Site: Headline"
    parts = _SITE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title

    def is_site(part: str) -> bool:
        low = part.lower()
        return bool(site_low) and (site_low in low or low in site_low)

    for keep, drop in ((parts[:-1], parts[-1]), (parts[1:], parts[0])):
        rest = " - ".join(keep) if len(keep) > 1 else keep[0]
        if (is_site(drop) or len(drop.split()) <= MAX_SITE_WORDS < len(rest.split())) \
                and len(rest.split()) >= MIN_HEADLINE_WORDS:
            return rest if len(keep) == 1 else _without_site(rest, site)
    return title


def _json_ld_headlines(tree: HtmlElement) -> list[str]:
    """``headline`` values of the page's JSON-LD objects, in page order (``@graph`` included)."""
    import json

    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            value = node.get("headline")
            if isinstance(value, str) and value.strip():
                found.append(" ".join(value.split()))
            for child in node.values():
                if isinstance(child, (dict, list)):
                    walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                walk(json.loads(script.text))
            except (ValueError, RecursionError):
                continue
    return found


def _meta_content(tree: HtmlElement, *keys: str) -> str | None:
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        if key in keys and (el.get("content") or "").strip():
            return " ".join(el.get("content").split())
    return None


def headline(tree: HtmlElement | None, extracted: str | None, site: str | None) -> str | None:
    """The article's headline: JSON-LD ``headline``, then ``og:title``/``twitter:title``, then the title
    trafilatura found (the visible ``h1`` or ``<title>``), each without a site suffix; a candidate that
    is only the site's name is passed over."""
    candidates: list[str] = []
    if tree is not None:
        candidates += _json_ld_headlines(tree)[:1]
        meta = _meta_content(tree, "og:title", "twitter:title")
        if meta:
            candidates.append(meta)
    if extracted:
        candidates.append(" ".join(extracted.split()))
    site_low = (site or "").lower()
    for candidate in candidates:
        title = _without_site(candidate, site)
        if title and title.lower() != site_low:
            return title
    return None


def _parse(html: str) -> HtmlElement | None:
    import lxml.html
    from lxml.etree import ParserError

    try:
        return lxml.html.fromstring(without_xml_declaration(html))
    except (ParserError, ValueError):
        return None


def _is_popup(el: HtmlElement) -> bool:
    return isinstance(el.tag, str) and bool(POPUP_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"))


def _is_card(el: HtmlElement) -> bool:
    """The body of a pop-up, not its trigger: the innermost pop-up element that holds a picture,
    several links or a sentence's worth of text. The trigger (the linked name in the text) stays."""
    if el.tag == "a" or any(_is_popup(d) and d.tag != "a" for d in el.iterdescendants()):
        return False
    links = sum(1 for _ in el.iter("a"))
    return any(True for _ in el.iter("img")) or links >= 2 or len(el.text_content().strip()) >= 20


def _drop_popups(tree: HtmlElement) -> int:
    """Remove pop-up cards nested in the page; the text around them stays. Returns how many."""
    found = [el for el in tree.iter() if _is_popup(el) and _is_card(el)]
    for el in found:
        if el.getparent() is not None:
            el.drop_tree()
    return len(found)


def visible_text(tree: HtmlElement) -> str:
    """The page's visible text, one paragraph per block element (the fallback extractor)."""
    for el in list(tree.iter(*INVISIBLE_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in tree.iter(*BLOCK_TAGS, "br"):
        el.tail = "\n\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n\n" + (el.text or "")
    text = tree.text_content()
    paragraphs = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def extract_html(html: str, where: str, *, url: str | None = None) -> HtmlArticle:
    """Main text of a page with paragraphs separated by blank lines, and its metadata."""
    import trafilatura
    from htmldate import find_date

    if "<" not in html:
        raise MalformedInputError(where, "not an HTML page (no tags)")
    html = without_xml_declaration(html)
    tree = _parse(html)
    if tree is None:
        raise MalformedInputError(where, "malformed HTML (no document could be parsed)")
    # trafilatura reads the page as given unless there were pop-ups to take out.
    page = tree if _drop_popups(tree) else html
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=INCLUDE_TABLES,
            favor_precision=False,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise MalformedInputError(where, f"malformed HTML ({type(exc).__name__})") from exc
    text = (getattr(doc, "text", None) or "").replace("\r\n", "\n") if doc is not None else ""
    text = _paragraphs(text)
    if len(text) < MIN_HTML_TEXT_CHARS:
        fallback = _parse(html)
        text = visible_text(fallback) if fallback is not None else ""
    if len(text) < MIN_HTML_TEXT_CHARS:
        raise MalformedInputError(where, "no article text found in the HTML page")
    try:
        published = find_date(html, extensive_search=False, original_date=True, url=url)
    except Exception:
        published = None
    published = published or (getattr(doc, "date", None) if doc is not None else None)
    outlet = (getattr(doc, "sitename", None) or None) if doc is not None else None
    return HtmlArticle(
        text=text,
        title=headline(tree, getattr(doc, "title", None) if doc is not None else None, outlet),
        authors=people(_split_authors(getattr(doc, "author", None)), html, outlet) if doc is not None else [],
        published=published,
        url=(getattr(doc, "url", None) if doc is not None else None) or url,
        outlet=outlet,
    )
