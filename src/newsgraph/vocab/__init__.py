"""The vocabulary of the parse, defined once and importable without spaCy.

``parse`` holds the dependency, coarse part-of-speech and fine tag label sets the
stages test tokens against; ``speech`` the speech-verb lists, side by side;
``names`` the name particles and suffixes that cleaning, extraction and the store
all read; ``pronouns`` the pronoun lists more than one stage reads; ``calendar`` month and
weekday names; ``numbers`` the counting words; ``epithets`` the nouns that stand for a person
already named. Nothing here imports spaCy, so the store and the web app can use it.
"""

from __future__ import annotations

from newsgraph.vocab import calendar, epithets, names, numbers, parse, pronouns, speech

__all__ = ["calendar", "epithets", "names", "numbers", "parse", "pronouns", "speech"]
