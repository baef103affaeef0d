"""Wire datelines and sign-offs."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean
from newsgraph.clean.wire import read_dateline, read_signoff


@pytest.mark.parametrize(
    ("text", "place", "published", "outlet"),
    [
        ("SANTA CLARA, Calif., March 24 - National Semiconductor said", "SANTA CLARA, Calif.", None, None),
        ("JAKARTA, March 12 - Indonesian coffee exporters", "JAKARTA", None, None),
        ("WASHINGTON — The very first checklist", "WASHINGTON", None, None),
        ("LONDON (Reuters) - Britain said", "LONDON", None, "Reuters"),
        ("NEW YORK, June 6, 2017 (AP) — Stocks rose", "NEW YORK", "2017-06-06", "Associated Press"),
        ("(CNN)On the campaign trail", None, None, "CNN"),
        ("April 18, 2010 — -- Bill Clinton made", None, "2010-04-18", None),
    ],
)
def test_datelines(text, place, published, outlet):
    found = read_dateline(text)
    assert found is not None
    assert (found.place, found.published, found.outlet) == (place, published, outlet)
    assert text[found.length :][:1].isalpha() or text[found.length:].startswith(("The", "On"))


@pytest.mark.parametrize(
    "text",
    [
        "The company said - and repeated - that",
        "U.S. officials said on Monday that",
        "NATO allies met on Tuesday - and agreed",
        "BREAKING: Markets fall",
        "Trump - who spoke first - said",
    ],
)
def test_not_datelines(text):
    found = read_dateline(text)
    assert found is None or found.place not in ("U.S.", "BREAKING")


@pytest.mark.parametrize(
    ("line", "outlet"),
    [(" Reuter", "Reuters"), ("REUTER", "Reuters"), ("-- AP", "Associated Press"), ("(Reuters)", "Reuters")],
)
def test_signoffs(line, outlet):
    assert read_signoff(line) == outlet


@pytest.mark.parametrize("line", ["Reuters reported the deal.", "AP News Alert follows", "Thanks, Reuters staff"])
def test_not_signoffs(line):
    assert read_signoff(line) is None


def test_reuters_story():
    raw = ("CHIPMAKER CITES IMPROVED RESULTS\n"
           "    SANTA CLARA, Calif., March 24 - National Semiconductor Corp\n"
           "said improved results at its Semiconductor Group helped reduce\n"
           "losses in the third quarter and nine months.\n"
           "    In the quarter ended March 8, the group had a modest sales\n"
           "increase, the company said.\n"
           " Reuter\n")
    cleaned = clean(raw)
    assert cleaned.title == "CHIPMAKER CITES IMPROVED RESULTS"
    assert cleaned.dateline == "SANTA CLARA, Calif."
    assert cleaned.published is None
    assert cleaned.outlet == "Reuters"
    paragraphs = [cleaned.text[p.start : p.end] for p in cleaned.paragraphs]
    assert paragraphs == [
        "National Semiconductor Corp said improved results at its Semiconductor Group helped reduce "
        "losses in the third quarter and nine months.",
        "In the quarter ended March 8, the group had a modest sales increase, the company said.",
    ]
    assert {r.reason for r in cleaned.removed} == {"title", "dateline", "signoff"}
