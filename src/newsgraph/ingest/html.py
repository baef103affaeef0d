"""HTML pages: main text and metadata through trafilatura, the date through htmldate."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.errors import MalformedInputError
from newsgraph.settings import MIN_HTML_TEXT_CHARS


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


def extract_html(html: str, where: str, *, url: str | None = None) -> HtmlArticle:
    """Main text of a page with paragraphs separated by blank lines, and its metadata."""
    import trafilatura
    from htmldate import find_date

    if "<" not in html:
        raise MalformedInputError(where, "not an HTML page (no tags)")
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise MalformedInputError(where, f"malformed HTML ({type(exc).__name__})") from exc
    if doc is None or len((getattr(doc, "text", None) or "").strip()) < MIN_HTML_TEXT_CHARS:
        raise MalformedInputError(where, "no article text found in the HTML page")
    text = doc.text.replace("\r\n", "\n")
    # trafilatura separates blocks by single newlines; the record separates paragraphs by blank lines.
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    try:
        published = find_date(html, extensive_search=False, original_date=True, url=url)
    except Exception:
        published = None
    published = published or getattr(doc, "date", None)
    return HtmlArticle(
        text=text,
        title=getattr(doc, "title", None) or None,
        authors=_split_authors(getattr(doc, "author", None)),
        published=published,
        url=getattr(doc, "url", None) or url,
        outlet=getattr(doc, "sitename", None) or None,
    )
