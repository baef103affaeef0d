"""HTML extraction on real pages, checked against their hand-made article bodies."""

import gzip
import json

import pytest

from _paths import EVAL_DATA, SAMPLE30
from newsgraph.errors import MalformedInputError
from newsgraph.evaluate.html import prf
from newsgraph.ingest import decode_bytes, extract_html

SAMPLE_HTML = SAMPLE30 / "html"
BENCHMARK = EVAL_DATA / "article-extraction-benchmark"


@pytest.mark.skipif(not SAMPLE_HTML.exists(), reason="shared corpus not available")
@pytest.mark.parametrize("page", sorted(p.stem for p in SAMPLE_HTML.glob("*.html")))
def test_sample_pages_give_their_article_body(page):
    html = decode_bytes((SAMPLE_HTML / f"{page}.html").read_bytes(), page)
    gold = json.loads((SAMPLE_HTML / f"{page}.json").read_text())
    article = extract_html(html, page, url=gold.get("url"))
    precision, recall, _ = prf(article.text, gold["ground_truth_articleBody"])
    assert precision > 0.85 and recall > 0.85
    assert article.title
    assert "\n\n" in article.text  # paragraphs kept apart


@pytest.mark.skipif(not BENCHMARK.exists(), reason="benchmark not available")
def test_benchmark_pages_extract_with_metadata():
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text())
    scores = []
    for page_id in sorted(truth)[:8]:
        html = decode_bytes(gzip.decompress((BENCHMARK / "html" / f"{page_id}.html.gz").read_bytes()), page_id)
        article = extract_html(html, page_id)
        scores.append(prf(article.text, truth[page_id]["articleBody"])[2])
    assert sum(scores) / len(scores) > 0.85


@pytest.mark.parametrize(
    "html",
    [
        "no tags here at all",
        "<html><body><div></div></body></html>",
        "<html><head><script>var a = 1;</script></head><body><nav><a href='/'>Home</a></nav>",
    ],
)
def test_pages_without_article_text_are_malformed(html):
    with pytest.raises(MalformedInputError):
        extract_html(html, "bad.html")


def test_date_and_author_come_from_metadata():
    html = """<html><head><title>Council votes</title>
    <meta property="article:published_time" content="2019-03-04T10:00:00Z">
    <meta name="author" content="Jane Roe"></head><body><article>
    <h1>Council votes to expand the city library</h1>
    <p>The city council voted on Monday to expand the main library, adding two floors and a reading garden.</p>
    <p>The project will cost about $12 million and open in 2021, officials said at the meeting.</p>
    <p>Residents who spoke at the meeting largely supported the plan, though some questioned the price.</p>
    </article></body></html>"""
    article = extract_html(html, "page.html")
    assert article.published == "2019-03-04"
    assert article.authors == ["Jane Roe"]
    assert "reading garden" in article.text


def test_popup_cards_inside_paragraphs_are_dropped_and_their_trigger_kept():
    html = """<html><head><title>Governor defends campaign</title></head><body><article>
    <p>State Gov. <span class="rollover-people"><a class="rollover-people-link" href="/p/jane-roe">Jane Roe</a>
    <span class="rollover-people-block"><span class="rollover-block"><img src="x.jpg">
    <a class="name" href="/p/jane-roe">Jane Ann Roe</a><a href="/other">Governor doubles down on campaign</a>
    </span></span></span> (R) is defending the state's new anti-drug campaign against its many critics.</p>
    <p>The tagline drew a mix of criticism and ridicule online on Monday, but the governor cited the backlash
    as proof that the campaign was working, a <span class="tooltip">term<span class="tooltip-text">
    an explanation shown when the pointer rests on the word</span></span> she used twice.</p>
    </article></body></html>"""
    text = extract_html(html, "page.html").text
    assert "State Gov. Jane Roe (R) is defending" in " ".join(text.split())
    assert "Jane Ann Roe" not in text and "doubles down" not in text
    assert "explanation shown" not in text


def test_a_bare_fragment_falls_back_to_its_visible_text():
    article = extract_html("<p>Hello world from the city council meeting on the new library.</p><p>Second.</p>",
                           "fragment")
    assert article.text == "Hello world from the city council meeting on the new library.\n\nSecond."
