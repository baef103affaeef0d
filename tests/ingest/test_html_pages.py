"""Web pages as users have them: XML declarations, tables of prose, one line per <div>."""

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
