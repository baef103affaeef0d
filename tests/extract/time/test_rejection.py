"""The rejection rules one by one: each rejects what its docstring says, and leaves the look-alike."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pytest

from newsgraph.extract.time.context import Context
from newsgraph.extract.time.normalize import resolve
from newsgraph.extract.time.recognize import Candidate
from newsgraph.extract.time.rejection import REJECTION_RULES, Evidence, rejected

TUESDAY = date(2017, 6, 6)
RULES = {rule.__name__: rule for rule in REJECTION_RULES}


class Case(NamedTuple):
    rule: str
    sentence: str
    expression: str  # its first occurrence in the sentence is the candidate
    hit: bool
    source: str = "spacy"
    names: tuple[str, ...] | None = None  # named-entity texts, instead of the model's


CASES = [
    Case("not_understood", "He ate a banana at home.", "banana", True),
    Case("not_understood", "He left on Tuesday.", "Tuesday", False),
    Case("ambiguous_word_as_verb", "Officials may decide later.", "may", True),
    Case("ambiguous_word_as_verb", "Protesters march on the capital.", "march", True),
    Case("ambiguous_word_as_verb", "The vote is due in May.", "May", False),
    Case("followed_by_name_word", "She writes for The Sunday Times.", "Sunday", True),
    Case("followed_by_name_word", "On Sunday Smith resigned.", "Sunday", False),
    Case("followed_by_name_word", "He left on Sunday morning.", "Sunday", False),
    Case("inside_a_name", "He still runs Windows 2000 at home.", "2000", True, "year", ("Windows 2000",)),
    Case("inside_a_name", "He moved to Paris in 2000 with his wife.", "2000", False, "year", ("Paris",)),
    Case("inside_a_name", "He still runs Windows 2000 at home.", "2000", False, "spacy", ("Windows 2000",)),
    Case("frequency_word_in_a_name", "Nast drew for Harper's Weekly for years.", "Weekly", True, "set"),
    Case("frequency_word_in_a_name", "The board said so. Weekly meetings resumed.", "Weekly", False, "set"),
    Case("frequency_word_as_adjective", "The Communist Party daily Granma said so.", "daily", True, "set"),
    Case("frequency_word_as_adjective", "The paper is printed daily.", "daily", False, "set"),
    Case("programme_title", "He appeared on 60 Minutes last night.", "60 Minutes", True),
    Case("programme_title", "He waited 60 minutes for a bus.", "60 minutes", False),
    Case("fraction_in_quarters", "About three-quarters of voters agreed.", "three-quarters", True),
    Case("fraction_in_quarters", "Profit rose for three quarters in a row.", "three quarters", False),
    Case("decade_of_a_life", "He is in his 30s and lives in Ohio.", "30s", True),
    Case("decade_of_a_life", "Music of the 30s was popular.", "30s", False),
    Case("quoted_title", 'He said so on "This Week" with a host.', "This Week", True),
    Case("quoted_title", "He said so this week with a host.", "this week", False),
    Case("named_march", "Thousands joined the March for Our Lives in Washington.", "March", True),
    Case("named_march", "Thousands marched in March for the cause.", "March", False),
    Case("part_of_a_compound", "It was his now-famous remark.", "now", True),
    Case("part_of_a_compound", "The 1998-99 season ended early.", "1998", False),
    Case("decade_without_century", "She hired people in their late 40s.", "late 40s", True),
    Case("decade_without_century", "The war on drugs of the 1980s.", "1980s", False),
    Case("fraction_of_something", "He tweeted to a quarter of a million followers.", "a quarter", True),
    Case("fraction_of_something", "Sales rose in the first half.", "the first half", False),
    Case("high_noon", "They watched High Noon again.", "Noon", True),
    Case("high_noon", "They met at noon in the square.", "noon", False),
    Case("as_soon_as", "Call me as soon as he arrives.", "soon", True),
    Case("as_soon_as", "He will arrive soon.", "soon", False),
    Case("ordinal_second", "He won a second term in office.", "a second", True),
    Case("ordinal_second", "The race took two seconds longer.", "two seconds", False),
    Case("age", "When I was six years old, we fled.", "six years", True),
    Case("age", "He hired a 44-year-old lawyer.", "44-year-old", True),
    Case("age", "He served six years in prison.", "six years", False),
    Case("year_that_counts", "They sent 2000 troops to the border.", "2000", True, "year"),
    Case("year_that_counts", "The repairs cost $2000 in all.", "2000", True, "year"),
    Case("year_that_counts", "The 2000 elections were close.", "2000", False, "year"),
    Case("year_that_counts", "They left the country in 2000.", "2000", False, "year"),
]


def _parts(nlp, case: Case) -> tuple:
    """The doc, candidate, reading and name spans ``rejected`` takes."""
    doc = nlp(case.sentence)
    start = case.sentence.index(case.expression)
    cand = Candidate(start, start + len(case.expression), case.source)
    names = None
    if case.names is not None:
        names = [(case.sentence.index(n), case.sentence.index(n) + len(n)) for n in case.names]
    return doc, cand, resolve(case.expression, Context(anchor=TUESDAY)), names


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c.rule}-{'hit' if c.hit else 'miss'}-{c.expression}" for c in CASES]
)
def test_rule(nlp, case: Case) -> None:
    assert RULES[case.rule](Evidence.of(*_parts(nlp, case))) is case.hit


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_rule_has_a_hit_and_a_miss(name: str) -> None:
    assert {c.hit for c in CASES if c.rule == name} == {True, False}
    assert RULES[name].__doc__, "each rule says why"


def test_rules_run_in_their_order() -> None:
    # the order of the checks before the rules were named: not_understood guards the token reads
    assert list(RULES) == [
        "not_understood", "ambiguous_word_as_verb", "followed_by_name_word", "inside_a_name",
        "frequency_word_in_a_name", "frequency_word_as_adjective", "programme_title", "fraction_in_quarters",
        "decade_of_a_life", "quoted_title", "named_march", "part_of_a_compound", "decade_without_century",
        "fraction_of_something", "high_noon", "as_soon_as", "ordinal_second", "age", "year_that_counts",
    ]


@pytest.mark.parametrize("case", [c for c in CASES if c.hit], ids=lambda c: f"{c.rule}-{c.expression}")
def test_rejected_is_any_rule(nlp, case: Case) -> None:
    assert rejected(*_parts(nlp, case))
