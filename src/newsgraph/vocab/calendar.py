"""Calendar words: month and weekday names with their numbers.

Cleaning reads them to find dates in bylines and datelines, the time stage to
normalise expressions; both must agree on what a month or a weekday is.
"""

from __future__ import annotations

#: Month names and their abbreviations (with or without the full stop) → month number.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

#: Weekday names and abbreviations → ISO weekday (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}  # fmt: skip


def _full_names(table: dict[str, int]) -> frozenset[str]:
    """The keys that abbreviate no longer key of the same number: the names written out in full."""
    return frozenset(
        key for key, number in table.items()
        if not any(other != key and other.startswith(key) and table[other] == number for other in table)
    )


#: Month names written out ("may" included; "sept", "jan" not), for rules that must not take one for a name.
FULL_MONTH_NAMES: frozenset[str] = _full_names(MONTHS)
#: Weekday names written out ("tues", "thurs" not).
FULL_WEEKDAY_NAMES: frozenset[str] = _full_names(WEEKDAYS)
