"""Web pages as users have them: XML declarations, tables of prose, one line per <div>."""

import pytest

from newsgraph.ingest import decode_bytes, extract_html

PROSE = [
    "The harbour authority said on Tuesday that the new ferry terminal would open in the spring.",
    "Work on the pier was delayed for months by storms and a shortage of steel, officials said.",
    "Local traders welcomed the news, saying the old terminal had been too small for years.",
]


def _body(inner: str) -> str:
    return f"<html><head><title>Ferry terminal</title></head><body><article>{inner}</article></body></html>"


def test_a_page_with_an_xml_declaration_is_read():
    page = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + _body("".join(f"<p>{p}</p>" for p in PROSE))
    article = extract_html(decode_bytes(page.encode(), "page.xhtml"), "page.xhtml")
    assert PROSE[0] in article.text and PROSE[2] in article.text


def _with_head(head: str, inner: str = "") -> str:
    body = inner + "".join(f"<p>{p}</p>" for p in PROSE)
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    "head",
    [
        "<title>Ferry terminal to open in spring | Coast Daily Politics</title>",
        '<title>Coast Daily</title><meta property="og:title" content="Ferry terminal to open in spring - Coast Daily">',
        '<title>Coast Daily</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", '
        '"headline": "Ferry terminal to open in spring"}]}</script>',
        '<title>Coast Daily: Ferry terminal to open in spring</title>'
        '<meta property="og:site_name" content="Coast Daily">',
    ],
)
def test_the_title_is_the_headline_without_the_site(head):
    assert extract_html(_with_head(head), "page.html").title == "Ferry terminal to open in spring"


def test_a_wire_name_in_the_metadata_is_not_an_author():
    page = _with_head('<title>Ferry terminal</title><meta name="author" content="Associated Press">')
    assert extract_html(page, "page.html").authors == []


def test_metadata_authors_keep_their_initials():
    page = _with_head('<title>Ferry terminal</title><meta name="author" content="Jo A. Dale">')
    assert extract_html(page, "page.html").authors == ["Jo A. Dale"]
