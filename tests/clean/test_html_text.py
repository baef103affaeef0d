"""Text extracted from web pages is cleaned by the same furniture, byline and sign-off rules as plain text."""

import re

from newsgraph.clean import clean
from newsgraph.clean.pages import map_into_page
from newsgraph.ingest import extract_html

PROSE = [
    "The harbour authority said on Tuesday that the new ferry terminal would open in the spring.",
    "Work on the pier was delayed for months by storms and a shortage of steel, officials said.",
    "Local traders welcomed the news, saying the old terminal had been too small for years.",
]


def _page(inner: str) -> str:
    head = "<head><title>Ferry terminal | Coast Daily</title></head>"
    return f"<html>{head}<body><article>{inner}</article></body></html>"


def test_page_furniture_is_removed_with_its_reason_and_offsets_into_the_page():
    page = _page("<h1>Ferry terminal to open in spring</h1><p>By Jo A. Dale</p>"
                 + "".join(f"<p>{p}</p>" for p in PROSE)
                 + "<p>© 2024 Coast Daily. All rights reserved.</p><p>(END)</p>")
    cleaned = clean(extract_html(page, "page.html").text, fmt="html")
    map_into_page(page, cleaned)
    assert cleaned.text == "\n\n".join(PROSE)
    assert cleaned.authors == ["Jo A. Dale"]
    reasons = {item.text: item.reason for item in cleaned.removed}
    assert reasons["By Jo A. Dale"] == "byline"
    assert reasons["© 2024 Coast Daily. All rights reserved."] == "credit"
    assert reasons["(END)"] == "signoff"
    for item in cleaned.removed:
        assert page[item.raw_start : item.raw_end] == item.text
    for span in cleaned.raw_spans:
        assert page[span.raw_start : span.raw_end] == cleaned.text[span.start : span.end]


def test_a_must_reads_block_and_its_links_are_removed():
    page = _page("".join(f"<p>{p}</p>" for p in PROSE)
                 + "<p>More must-reads:</p><p>Bridge tolls to rise</p><p>New mayor sworn in</p>")
    cleaned = clean(extract_html(page, "page.html").text, fmt="html")
    assert cleaned.text == "\n\n".join(PROSE)
    assert [item.reason for item in cleaned.removed] == ["boilerplate"] * 3


def test_an_email_signoff_closing_the_story_is_removed():
    text = "\n\n".join([*PROSE, "Contact the writer at jo.dale@example.org"])
    cleaned = clean(text, fmt="html")
    assert cleaned.text == "\n\n".join(PROSE)
    assert cleaned.removed[-1].reason == "signoff"


def test_a_sentence_giving_an_address_is_kept():
    last = "Readers who want to comment on the plans can write to the authority at plans@example.org before May."
    cleaned = clean("\n\n".join([*PROSE, last]), fmt="html")
    assert cleaned.text.endswith(last)


def test_one_div_per_line_is_reflowed_into_paragraphs():
    lines = ["The harbour authority said on Tuesday that the new",
             "ferry terminal would open in the spring, after work on", "the pier was delayed for months by storms.",
             "Local traders welcomed the news on Wednesday morning."]
    page = "<html><body><article>" + "".join(f"<div>{line}</div>" for line in lines) + "</article></body></html>"
    article = extract_html(page, "page.html")
    cleaned = clean(article.text, fmt="html")
    assert cleaned.text == " ".join(lines[:3]) + "\n\n" + lines[3]
    map_into_page(page, cleaned)
    assert len(cleaned.raw_spans) == 4  # each line still maps back to its own <div>


def test_prose_in_a_table_is_kept_without_the_pipes():
    page = _page("<table><tr><td>" + "</td></tr><tr><td>".join(PROSE) + "</td></tr></table>")
    text = extract_html(page, "page.html").text
    assert text == "\n\n".join(PROSE)


def test_spans_point_into_the_visible_text_word_by_word_around_entities_and_links():
    body = PROSE[0]
    page = ("<html><head><title>Ferry terminal</title><script type='application/ld+json'>"
            f'{{"@type": "NewsArticle", "articleBody": "{body} {PROSE[1]}"}}</script></head><body><article>'
            f"<p>{body}</p>"
            "<p>Work on the <a href='/pier'>pier</a> was delayed for months by storms, and the harbour&rsquo;s "
            "steel ran short,\n   officials said.</p></article></body></html>")
    cleaned = clean(extract_html(page, "page.html").text, fmt="html")
    assert "harbour’s steel ran short, officials said." in cleaned.text
    map_into_page(page, cleaned)
    script_end = page.index("</script>")
    covered = set()
    for span in cleaned.raw_spans:
        assert page[span.raw_start : span.raw_end] == cleaned.text[span.start : span.end]
        assert span.raw_start > script_end  # never the copy of the body in the JSON-LD
        covered.update(range(span.start, span.end))
    words = [m for m in re.finditer(r"\w+", cleaned.text)]
    assert sum(m.start() in covered for m in words) == len(words)  # the entity is the only gap
