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


@pytest.mark.parametrize(
    "tail",
    [
        "    The bank said it had been in business for many years. The Bank\nwent public on February 11, 1987.\n",
        "    It said its board rejected the pending buyout proposal made\nby Dudley Taft.\n",
        "    The diplomats said they had seen no reports in the press\nand heard no comments from officials.\n",
        "    It asked for comments on the proposal by April 20.\n",
    ],
)
def test_wrapped_fragments_are_never_furniture(tail):
    raw = ("BANK NEWS\n    NEW YORK, March 25 - The company said it expected to report\n"
           "higher earnings for the year ending in June, officials said.\n" + tail + " Reuter\n")
    cleaned = clean(raw)
    assert {r.reason for r in cleaned.removed} == {"title", "dateline", "signoff"}
    assert cleaned.authors == [] and cleaned.published is None


def test_outlet_ending_a_wrapped_sentence_is_not_a_signoff():
    raw = ("MARKET BOOMS\n    LONDON, March 9 - The issue was the perfect opportunity for us, the treasurer told\n"
           "Reuters.\n")
    cleaned = clean(raw)
    assert cleaned.text.endswith("the treasurer told Reuters.")
    assert "signoff" not in {r.reason for r in cleaned.removed}


def test_signoff_glued_to_the_last_sentence():
    raw = "COINS\n    OTTAWA, March 9 - The coins will be in denominations of a\nhalf ounce. REUTER\n"
    cleaned = clean(raw)
    assert cleaned.text.endswith("half ounce.")
    assert [r.text for r in cleaned.removed if r.reason == "signoff"] == ["REUTER"]
    assert cleaned.outlet == "Reuters"


@pytest.mark.parametrize(
    ("text", "place", "outlet"),
    [("CHICAGO, March 4, - Sales rose", "CHICAGO", None), ("ROME, March 13, Reuter - Italy said", "ROME", "Reuters"),
     ("APRIL 7 - Sales rose", None, None)],
)
def test_dateline_variants(text, place, outlet):
    found = read_dateline(text)
    assert found is not None and (found.place, found.outlet) == (place, outlet)


@pytest.mark.parametrize(
    ("raw", "place", "first_sentence"),
    [
        ("SANTA CLARA, Calif., March 24 - Intel Corp said it would\nraise prices next month.",
         "SANTA CLARA, Calif.", "Intel Corp said it would raise prices next month."),
        ("SANTA CLARA, Calif., March 24 - Intel Corp said it would raise\n\nprices next month.",
         "SANTA CLARA, Calif.", "Intel Corp said it would raise"),
        ("TOKYO, March 3 -- Japan Air Lines Co Ltd said\nit would buy two more jets.\n",
         "TOKYO", "Japan Air Lines Co Ltd said it would buy two more jets."),
        ("WASHINGTON -- The Senate passed the farm bill\n\nThe vote was 60 to 40 after a long debate on subsidies.",
         "WASHINGTON", "The Senate passed the farm bill"),
        ("New Orleans, La., Feb 26 - Shell Oil Co Raised Its Posted\nprices for crude oil by one dlr.",
         "New Orleans, La.", "Shell Oil Co Raised Its Posted prices for crude oil by one dlr."),
    ],
)
def test_first_line_dateline_is_not_a_title(raw, place, first_sentence):
    """A dateline on the first line, with no headline above it, opens the body: the dateline rule wins."""
    cleaned = clean(raw)
    assert cleaned.title is None
    assert cleaned.dateline == place
    assert cleaned.text.startswith(first_sentence)
    assert [r.reason for r in cleaned.removed] == ["dateline"]


@pytest.mark.parametrize(
    ("raw", "title", "place"),
    [
        ("CHIPMAKER CITES IMPROVED RESULTS\n    SANTA CLARA, Calif., March 24 - National Semiconductor Corp\n"
         "said improved results helped.\n", "CHIPMAKER CITES IMPROVED RESULTS", "SANTA CLARA, Calif."),
        ("Senate Passes Farm Bill After Long Debate\n\nWASHINGTON -- The vote was 60 to 40 after a long debate.",
         "Senate Passes Farm Bill After Long Debate", "WASHINGTON"),
        ("Markets Rally - And Then Fall Back Again\n\nStocks rose early on Monday and fell back by the close.",
         "Markets Rally - And Then Fall Back Again", None),
        # capitals headlines with a dash are not datelines: nothing after the dash reads as prose
        ("ECONOMIC SPOTLIGHT - JAPAN LOW GROWTH MODEL\n    TOKYO, March 3 - Japan's economy grew slowly.\n",
         "ECONOMIC SPOTLIGHT - JAPAN LOW GROWTH MODEL", "TOKYO"),
        ("U.S. FINANCIAL ANALYSTS - March 3\n    NEW YORK, March 3 - Analysts met in the city today.\n",
         "U.S. FINANCIAL ANALYSTS - March 3", "NEW YORK"),
        ("CORRECTED - GM SEES RISE IN EUROPEAN SALES\n    DETROIT, March 3 - General Motors said sales rose.\n",
         "CORRECTED - GM SEES RISE IN EUROPEAN SALES", "DETROIT"),
    ],
)
def test_headline_above_dateline_stays_title(raw, title, place):
    cleaned = clean(raw)
    assert cleaned.title == title
    assert cleaned.dateline == place
