"""The highlighter: text escaped once, spans marked, overlaps nested properly, bad offsets harmless."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.web.highlight import Span, record_spans, render

RE_TAG = re.compile(r"<[^>]+>")


class _Nesting(HTMLParser):
    """Collects (tag, attrs, text inside) and fails on a close tag with nothing open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list] = []
        self.done: list[tuple[dict, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.stack.append([dict(attrs), ""])

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, "close tag without an open one"
        attrs, text = self.stack.pop()
        self.done.append((attrs, text))
        if self.stack:
            self.stack[-1][1] += text

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1][1] += data


def parse(markup: str) -> _Nesting:
    parser = _Nesting()
    parser.feed(markup)
    parser.close()
    assert not parser.stack, "unclosed elements"
    return parser


def plain(markup: str) -> str:
    return html.unescape(RE_TAG.sub("", markup))


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("no spans", [], "no spans"),
        ("Jane met Bob", [Span(0, 4, "entity")], '<span class="hl entity">Jane</span> met Bob'),
        ("a <b> & c", [Span(2, 5, "entity")], 'a <span class="hl entity">&lt;b&gt;</span> &amp; c'),
        # a mention inside a quote: the quote is outer, nothing is split
        ("said Jane Roe left", [Span(5, 18, "quote"), Span(5, 9, "entity")],
         'said <span class="hl quote"><span class="hl entity">Jane</span> Roe left</span>'),
        # the same stretch: the layer rank decides (quote outside entity)
        ("Jane", [Span(0, 4, "entity"), Span(0, 4, "quote")],
         '<span class="hl quote"><span class="hl entity">Jane</span></span>'),
        # crossing spans: the later one is split at the earlier one's end
        ("abcdef", [Span(0, 4, "quote"), Span(2, 6, "entity")],
         '<span class="hl quote">ab<span class="hl entity">cd</span></span><span class="hl entity">ef</span>'),
        # out of range, empty and inverted spans are dropped or clamped, never raise
        ("abc", [Span(-5, 1, "time"), Span(2, 2, "entity"), Span(3, 1, "cue"), Span(2, 99, "quote")],
         '<span class="hl time">a</span>b<span class="hl quote">c</span>'),
        ("", [Span(0, 3, "entity")], ""),
    ],
)
def test_render(text: str, spans: list[Span], expected: str) -> None:
    assert str(render(text, spans)) == expected


def test_anchor_only_on_first_piece() -> None:
    out = str(render("abcdef", [Span(0, 4, "quote"), Span(2, 6, "entity", anchor="e1-m0", data=(("entity", "e1"),))]))
    assert out.count('id="e1-m0"') == 1
    assert out.count('data-entity="e1"') == 2


def test_attributes_are_escaped() -> None:
    out = str(render("x", [Span(0, 1, "entity", ('c"x',), anchor='a"b', title="<T & 'q'>")]))
    parsed = parse(out)
    attrs, text = parsed.done[0]
    assert attrs == {"class": 'hl entity c"x', "id": 'a"b', "title": "<T & 'q'>"}
    assert text == "x"


span_strategy = st.builds(
    Span,
    start=st.integers(-3, 40),
    end=st.integers(-3, 40),
    layer=st.sampled_from(["event", "quote", "cue", "entity", "time"]),
)


ALPHABET = st.sampled_from("ab <>&\"'\n\u2019é")


@given(text=st.text(alphabet=ALPHABET, max_size=35), spans=st.lists(span_strategy, max_size=8))
def test_any_spans_keep_the_text_and_nest(text: str, spans: list[Span]) -> None:
    """Whatever the spans, the page shows exactly the text, in well-nested elements covering their spans."""
    out = str(render(text, spans))
    assert plain(out) == text
    parsed = parse(out)
    covered = "".join(t for attrs, t in parsed.done)
    assert set(covered) <= set(text)


def test_record_spans_use_record_offsets(quoted) -> None:
    spans = record_spans(quoted)
    layers = {s.layer for s in spans}
    assert layers == {"entity", "quote", "cue", "time", "event"}
    for span in spans:
        assert 0 <= span.start < span.end <= len(quoted.text)
    mention_texts = {quoted.text[s.start:s.end] for s in spans if s.layer == "entity"}
    assert mention_texts == {"Jane Roe", "Springfield"}


def test_rendered_record_marks_every_mention(quoted) -> None:
    parsed = parse(str(render(quoted.text, record_spans(quoted))))
    by_entity: dict[str, list[str]] = {}
    for attrs, text in parsed.done:
        if "data-entity" in attrs:
            by_entity.setdefault(attrs["data-entity"], []).append(text)
    assert by_entity == {"e1": ["Jane Roe", "Jane Roe"], "e2": ["Springfield"]}
    quotes = [t for attrs, t in parsed.done if "quote" in attrs.get("class", "").split()]
    assert quotes == [a.content.text for a in quoted.attributions]


def test_many_spans_on_a_long_text() -> None:
    """A long article with thousands of nested and crossing spans renders quickly and exactly."""
    import time

    text = "Jane Roe said the council met. " * 2000
    spans = [Span(i, i + 8, "entity") for i in range(0, len(text), 31)]
    spans += [Span(i + 5, i + 60, "quote") for i in range(0, len(text), 62)]
    spans += [Span(0, len(text), "event")]
    started = time.perf_counter()
    out = str(render(text, spans))
    assert time.perf_counter() - started < 5.0
    assert plain(out) == text
    parse(out)
