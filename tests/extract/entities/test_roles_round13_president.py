"""A bare "the president" is the country's, not an organisation's president, on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_club_president_is_not_the_president(parse):
    text = ("Lawmakers in Ruritania passed the budget on Tuesday. Union president Dana Whitlow called "
            "the vote a betrayal of workers. The president is expected to sign the budget this week.")
    found = entities(parse(text))
    whitlow = named(found, "Dana Whitlow")
    assert owner(found, "The president", text.index("The president")) is not whitlow


def test_a_president_titled_with_a_country_is_the_president(parse):
    # A guard: a place in the title keeps the office the country's.
    text = ("Ruritanian President Dana Whitlow flew to Lakeside on Tuesday. The president is expected "
            "to sign the budget this week.")
    found = entities(parse(text))
    assert owner(found, "The president", text.index("The president")) is named(found, "Dana Whitlow")


def test_a_role_before_any_holder_goes_to_the_holder_named_most(parse):
    # Two people hold the title and neither is named before the description: the one the article is
    # about, named again and again, not the one of a single line who happens to be named first.
    text = ("The president must act on the budget this week. In 2014 lawmakers sued President Omar Haddad "
            "over spending. Now President Dana Whitlow can drop that case. Whitlow met lawmakers on Monday, "
            "and Whitlow said the talks went well. Aides to Whitlow were pleased.")
    found = entities(parse(text))
    assert owner(found, "The president", 0) is named(found, "Dana Whitlow")
