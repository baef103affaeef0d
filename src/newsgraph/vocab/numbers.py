"""Number words: the small counts every stage reads the same way.

The time stage counts units ("two weeks ago"), the attribution stage counts
anonymous people ("two officials"); each adds the words only it needs to this
common core, so "a", "both" or "a dozen" can never mean two things.
"""

from __future__ import annotations

#: Counting words up to ten, and a dozen. "a"/"an" count as one ("a year ago", "an aide").
COUNT_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "both": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "dozen": 12,
}  # fmt: skip
