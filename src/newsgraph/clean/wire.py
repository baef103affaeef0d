"""Wire-copy furniture: the dateline opening a story and the sign-off closing it."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.clean import patterns as P
from newsgraph.clean.dates import parse_date
from newsgraph.clean.lexicons import OUTLETS

#: Longest a dateline may be (characters), so a capitalised sentence is never taken for one.
MAX_DATELINE_CHARS = 80


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the start of a line: place, date (ISO only with a year), outlet, its length."""

    place: str | None
    published: str | None
    outlet: str | None
    length: int


def _outlet_name(value: str | None) -> str | None:
    if not value:
        return None
    return OUTLETS.get(value.strip().lower(), value.strip())


def _place(place: str, region: str | None) -> str:
    place = place.strip().rstrip(",")
    return f"{place}, {region.strip()}" if region else place


def read_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text``: "SANTA CLARA, Calif., March 24 - ", "(CNN)", "April 18, 2010 --"."""
    match = P.DATELINE.match(text)
    if match and match.end() <= MAX_DATELINE_CHARS:
        place = match["place"]
        letters = [ch for ch in place if ch.isalpha()]
        if len(letters) >= 2 and (all(ch.isupper() for ch in letters) or match["date"]):
            date_text = match["date"]
            published = parse_date(date_text) if date_text else None
            outlet = _outlet_name(match["outlet"] or match["bare_outlet"])
            return Dateline(_place(place, match["region"]), published, outlet, match.end())
    match = P.OUTLET_LEAD.match(text)
    if match:
        return Dateline(None, None, _outlet_name(match["outlet"]), match.end())
    match = P.DATELINE_DATE.match(text)
    if match and match.end() <= MAX_DATELINE_CHARS:
        return Dateline(None, parse_date(match["date"]), None, match.end())
    return None


def trailing_signoff(text: str) -> tuple[int, str] | None:
    """A sign-off glued to the last sentence ("... an ounce. REUTER"): where it starts and its outlet."""
    match = P.TRAILING_SIGNOFF.search(text)
    if match is None:
        return None
    return match.start(), _outlet_name(match["outlet"]) or match["outlet"]


def read_signoff(text: str) -> str | None:
    """The outlet of a sign-off line ("Reuter", "-- AP"), or None when the line is not one."""
    match = P.SIGNOFF.match(text)
    if match is None:
        return None
    return _outlet_name(match["outlet"])
