"""First person in a quotation a statement speaks (issue 15, round 10): "'I regret it,' Mr Dale's
statement said" is Mr Dale's "I". Invented sentences; hits and misses."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_statement_speaks_for_its_possessor(parse):
    text = ('Omar Haddad, 61, issued a statement through his lawyer on Friday. "I apologise to everyone who '
            'lost money because of my plans," Mr Haddad\'s statement said.')
    found = entities(parse(text))
    omar = named(found, "Omar Haddad")
    assert owner(found, "I", text.index("I apologise")) is omar
    assert owner(found, "my", text.index("my plans")) is omar


def test_a_statement_from_its_author_speaks_for_them(parse):
    text = ('Dana Whitlow left the board in May. "I was proud to serve the club for so long," a statement '
            'from Dana Whitlow said.')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I was")) is named(found, "Dana Whitlow")


def test_a_statement_with_no_author_named_speaks_for_no_one(parse):
    # "The statement" names no author in its own phrase: its "I" is left unresolved, not the last name.
    text = ('Omar Haddad arrived late on Friday. "I am sorry for all the delays this week," the statement said.')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I am")) is not named(found, "Omar Haddad")
