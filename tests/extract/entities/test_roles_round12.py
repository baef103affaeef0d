"""A description followed by the name of its holder ("the mayor of Lakeside, Jo Dale,"), on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_possessed_role_with_its_holder_named_after_it_is_that_person(parse):
    text = ("Senator Omar Haddad spoke in Ruritania on Monday. Meanwhile his campaign adviser, "
            "Dana Whitlow, was texting reporters.")
    found = entities(parse(text))
    assert owner(found, "his campaign adviser", text.index("his campaign")) is named(found, "Dana Whitlow")


def test_a_plural_role_before_names_is_no_one_of_them(parse):
    # A guard: it passes before the rule as well, and fails if the rule takes a list for one holder.
    text = ("The contest ended on Sunday. The finalists, Dana Whitlow and Omar Haddad, "
            "shook hands after the match.")
    found = entities(parse(text))
    whitlow = named(found, "Dana Whitlow")
    assert owner(found, "The finalists", text.index("The finalists")) is not whitlow
