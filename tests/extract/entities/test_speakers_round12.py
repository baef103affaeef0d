"""First person in a quotation led in by narration (issue 15, round 12): 'X was blunt in her view:
"I ..."' and 'X released a few lines. "I ..."' are X speaking. Invented sentences; hits and misses."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_the_subject_of_narration_before_a_colon_speaks_the_quotation(parse):
    text = ('Omar Haddad opened his third shop in March. Haddad was more cautious in his forecast: '
            '"I expect a slow year, and my staff know it."')
    found = entities(parse(text))
    omar = named(found, "Omar Haddad")
    assert owner(found, "I", text.index("I expect")) is omar
    assert owner(found, "my", text.index("my staff")) is omar


def test_narration_before_a_colon_with_no_known_subject_names_no_speaker(parse):
    # The clause before the colon is about the weather, no entity: its "I" is no one's, not the name before.
    text = ('Omar Haddad opened his third shop in March. The weather was grim all week: '
            '"I expect a slow year for everyone."')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I expect")) is not named(found, "Omar Haddad")


def test_a_release_before_a_quotation_standing_alone_introduces_it(parse):
    text = ('Dana Whitlow released a few lines on her website the next day. "I am sorry for the delay, '
            'and I thank my fans for waiting."')
    found = entities(parse(text))
    dana = named(found, "Dana Whitlow")
    assert owner(found, "I", text.index("I am")) is dana
    assert owner(found, "my", text.index("my fans")) is dana


def test_a_release_not_made_introduces_nothing(parse):
    text = ('Dana Whitlow did not release any lines on her website the next day. "I am sorry for the delay, '
            'and I thank my fans for waiting."')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I am")) is not named(found, "Dana Whitlow")
