"""The recogniser's keyword windows find exactly what the plain patterns find."""

from __future__ import annotations

import pytest

from newsgraph.extract.time import patterns as P
from newsgraph.extract.time.recognize import pattern_matches

TEXTS = [
    "The vote came Tuesday, June 6, 2017, after three years of talks; by the late 1990s it had begun.",
    "Sales in the third quarter rose; the year-ago period was weak. He left a day after the vote.",
    "On Christmas Eve and the Fourth of July, every Tuesday at 3 p.m. Eastern, these days and recently.",
    "In the 19th century, nineteen ninety-six, a 44-year-old, the holiday season, fiscal 1989, 6/5/2017.",
    "x" * 500 + " two weeks later " + "y " * 300 + "last month " + "\n" * 3 + "Sept. 30, 1989",
    "İstanbul İİİ said on Monday, March 12, that the past five years were hard.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("name", sorted(P.RECOGNISER_PATTERNS))
def test_windowed_matches_equal_plain_finditer(name: str, text: str) -> None:
    regex = P.RECOGNISER_PATTERNS[name]
    haystack = text if name in P.CASED_KEYWORDS else text.lower()
    windowed = [(m.start(), m.end()) for m in pattern_matches(regex, P.PATTERN_KEYWORDS[name], text, haystack)]
    assert windowed == [(m.start(), m.end()) for m in regex.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_every_match_contains_its_keyword(text: str) -> None:
    for name, regex in P.RECOGNISER_PATTERNS.items():
        for match in regex.finditer(text):
            piece = match.group() if name in P.CASED_KEYWORDS else match.group().lower()
            assert P.PATTERN_KEYWORDS[name].search(piece), (name, match.group())


def test_every_pattern_has_a_keyword() -> None:
    assert set(P.PATTERN_KEYWORDS) == set(P.RECOGNISER_PATTERNS)
