"""Round 17: "the state" is the state the article names most among those named near it (``orgs._state``).

An article about one US state names others in passing, as a modifier or in a quip ("paid a Nevada agency"),
and the state last named was taken for "the state" after them. Of the states named within the window, the
one named most so far now wins; the last named of those named as often. Invented sentences.
"""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities


def test_the_state_named_most_outweighs_one_named_in_passing(parse):
    text = ("Vermont will close two prisons next year. Vermont lawmakers voted for the plan on Monday. "
            "The governor of Vermont hired a Nevada consulting firm to study the prisons. "
            "The firm said the state could save money.")
    found = entities(parse(text))
    state = owner(found, "the state", text.index("the state"))
    assert state is not None and state.name == "Vermont"


def test_of_two_states_named_as_often_the_last_is_the_state(parse):
    text = "Vermont sued Ohio over the river on Monday. Lawyers for Ohio said the state would appeal."
    found = entities(parse(text))
    state = owner(found, "the state", text.index("the state"))
    assert state is not None and state.name == "Ohio"
