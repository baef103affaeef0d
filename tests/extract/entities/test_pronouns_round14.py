"""Round 14: a plural pronoun whose own window names no candidate goes to the group "they" last stood for.

"Democrats said they would vote ... The rain fell all day. ... They went home": an article keeps
calling a group "they" across sentences that name nobody. When nothing within ``PRONOUN_WINDOW`` can be
the pronoun, the latest plural pronoun of the group entity within ``PLURAL_FALLBACK_WINDOW`` sentences
gives it; not when an organisation or place is named within the window (it may be that, under another
number), nor beyond the wider window. Invented sentences.
"""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.orgs import PLURAL_FALLBACK_WINDOW, PRONOUN_WINDOW

GROUP = "Democrats met on Monday and said they would vote against the bill."
QUIET = ("The rain fell all day.", "The wind was cold.", "The sea was grey.")
LAST = "They went home early."


def _text(between: tuple[str, ...]) -> str:
    return " ".join((GROUP, *between, LAST))


def test_the_windows_leave_room_for_the_fallback():
    assert PLURAL_FALLBACK_WINDOW > PRONOUN_WINDOW


def test_a_they_beyond_the_window_goes_to_the_group_they_last_stood_for(parse):
    text = _text(QUIET[:2])
    found = entities(parse(text))
    group = owner(found, "they", text.index("they"))
    assert group is not None and group.name == "Democrats"
    assert owner(found, "They", text.index(LAST)) is group


def test_a_place_named_within_the_window_blocks_the_fallback(parse):
    text = _text((QUIET[0], "The wind was cold in Paris."))
    found = entities(parse(text))
    assert owner(found, "they", text.index("they")) is not None
    assert owner(found, "They", text.index(LAST)) is None


def test_a_group_beyond_the_wider_window_is_not_taken(parse):
    text = _text(QUIET)
    found = entities(parse(text))
    assert owner(found, "they", text.index("they")) is not None
    assert owner(found, "They", text.index(LAST)) is None
