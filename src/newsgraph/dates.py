"""Publication dates given by a user or metadata, normalised to ISO 8601."""

from __future__ import annotations

from datetime import date, datetime

from dateutil import parser as dateutil_parser


def normalize_published(value: str | date | None) -> str | None:
    """An ISO date (``YYYY-MM-DD``), or an ISO datetime when a time of day is given.

    Returns ``None`` for anything that is not a recognisable calendar date, so a
    wrong metadata field never becomes a made-up date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = dateutil_parser.parse(text, default=datetime(1, 1, 1))
        except (ValueError, OverflowError):
            return None
        if parsed.year == 1:
            return None
    if len(text) <= 10 or parsed.time() == datetime.min.time():
        return parsed.date().isoformat()
    return parsed.isoformat()
