"""The written-out calendar names, read by rules that must not take a month or a day for a name."""

from newsgraph.vocab.calendar import FULL_MONTH_NAMES, FULL_WEEKDAY_NAMES, MONTHS, WEEKDAYS


def test_every_month_and_weekday_number_has_one_full_name() -> None:
    assert sorted(MONTHS[name] for name in FULL_MONTH_NAMES) == list(range(1, 13))
    assert sorted(WEEKDAYS[name] for name in FULL_WEEKDAY_NAMES) == list(range(1, 8))


def test_abbreviations_are_not_full_names() -> None:
    # "Jan" and "Sat" can be a person's name or a word; only the written-out forms are kept.
    assert not {"jan", "sept", "dec"} & FULL_MONTH_NAMES
    assert "may" in FULL_MONTH_NAMES
    assert not {"tues", "thurs", "sat", "sun"} & FULL_WEEKDAY_NAMES
