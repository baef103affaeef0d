"""A hyphenated title the tokenizer splits ("President-elect Jo Dale"), and its description, on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_hyphenated_title_before_a_name_is_the_person_s_title(parse):
    text = ("Governor-elect Dana Whitlow toured the flooded valley on Monday. Crews cleared two roads. "
            "Later the governor-elect met farmers in Lakeside.")
    found = entities(parse(text))
    whitlow = named(found, "Dana Whitlow")
    assert owner(found, "the governor-elect", text.index("the governor-elect")) is whitlow


def test_the_hyphenated_description_is_not_the_holder_of_the_bare_office(parse):
    # A guard: "the mayor-elect" is not the sitting "Mayor Omar Haddad", though its first word is his title.
    text = ("Mayor Omar Haddad and Mayor-elect Dana Whitlow met in Lakeside on Monday. Crews cleared two roads. "
            "The mayor-elect promised new bridges.")
    found = entities(parse(text))
    assert owner(found, "The mayor-elect", text.index("The mayor-elect")) is named(found, "Dana Whitlow")


def test_an_office_won_is_the_untitled_winner_s(parse):
    # Nobody is titled "President-elect": the office has one holder, the person the passage is about.
    text = ("Dana Whitlow won the Ruritanian election on Sunday. The polls closed early in the capital. "
            "On Monday the president-elect thanked her voters.")
    found = entities(parse(text))
    assert owner(found, "the president-elect", text.index("the president-elect")) is named(found, "Dana Whitlow")
