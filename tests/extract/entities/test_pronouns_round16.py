"""Round 16: a team, an organisation or a country written with a plural verb is a "they".

British English writes a team or a country's side in the singular with a plural verb ("Scotland have
lost"), and refers to it as "they"; the plural pronoun rules take a country only as a place, so such a
"their" stayed unresolved. The binder is the nearest subject above the pronoun (``_possessor_subject``);
the link is made only when that subject's verb agrees in the plural (``_plural_agreement``), and then
outweighs a "they" of the sentence before. A place named with a plural verb is also a candidate for a "they"
of the next sentence, as an organisation is. And a chain of possessives ("Their movement ... Their
inspiration"), which has no phrase head the weighing could take, goes on with the entity of the last linked
plural pronoun within ``PRONOUN_WINDOW`` (``OrgResolver._plural_link_within``). Invented sentences.
"""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.orgs import _plural_agreement, _possessor_subject


def _their(doc):
    return next(t for t in doc if t.lower_ == "their")


def test_a_country_side_with_a_plural_verb_owns_its_their(parse):
    text = "Scotland have lost their best players to injury."
    found = entities(parse(text))
    side = owner(found, "their", text.index("their"))
    assert side is not None and side.name == "Scotland"


def test_a_passive_plural_verb_binds_too(parse):
    text = "Ireland were beaten at home, and France were held to a draw in their opening match."
    found = entities(parse(text))
    side = owner(found, "their", text.index("their"))
    assert side is not None and side.name == "France"


def test_a_singular_verb_gives_no_link(parse):
    text = "The coach said Scotland is a strong side. Scotland has lost their best players to injury."
    found = entities(parse(text))
    assert owner(found, "their", text.index("their")) is None


def test_the_binder_is_the_nearest_subject(parse):
    doc = parse("Norwegians who own their homes pay less tax.")
    subject = _possessor_subject(_their(doc))
    assert subject is not None and subject.text == "Norwegians"  # the relative "who" stands for its noun
    doc = parse("Scotland have lost their best players to injury.")
    subject = _possessor_subject(_their(doc))
    assert subject is not None and subject.text == "Scotland" and _plural_agreement(subject)


def test_a_split_subject_is_no_binder(parse):
    doc = parse("The union and other groups sang their songs outside the hall.")
    assert _possessor_subject(_their(doc)) is None


def test_a_singular_verb_is_no_plural_agreement(parse):
    doc = parse("Scotland has lost their best players to injury.")
    subject = _possessor_subject(_their(doc))
    assert subject is not None and not _plural_agreement(subject)


def test_a_they_after_a_side_named_with_a_plural_verb_is_that_side(parse):
    text = '"We did our best, but Wales are a strong side. They defended well all afternoon," the coach said.'
    found = entities(parse(text))
    side = owner(found, "They", text.index("They"))
    assert side is not None and side.name == "Wales"


def test_a_place_named_with_a_singular_verb_is_no_they(parse):
    text = '"We did our best, but France is a beautiful country. They defended well all afternoon," the coach said.'
    found = entities(parse(text))
    assert owner(found, "They", text.index("They")) is None


def test_the_own_clause_subject_outweighs_a_they_of_the_sentence_before(parse):
    text = ("The coach said Wales are a strong side. They defended well. "
            "Scotland have lost their last three matches.")
    found = entities(parse(text))
    side = owner(found, "their", text.index("their"))
    assert side is not None and side.name == "Scotland"


CHAIN = ("Norwegians are organizing a secessionist movement in Oslo.\n\n"
         "Their movement is called Norexit, as in Brexit.")


def test_a_possessive_goes_on_with_the_last_linked_plural_pronoun(parse):
    text = CHAIN + " Their inspiration is the growing gulf that separates them from the rest of Europe."
    found = entities(parse(text))
    first = owner(found, "Their", text.index("Their"))
    assert first is not None and first.name == "Norwegians"
    assert owner(found, "Their", text.index("Their inspiration")) is first


def test_the_last_linked_plural_pronoun_beyond_the_window_is_not_taken(parse):
    text = CHAIN + " The rain fell all day. The wind was cold. Their inspiration is the growing gulf."
    found = entities(parse(text))
    assert owner(found, "Their", text.index("Their")) is not None
    assert owner(found, "Their", text.index("Their inspiration")) is None
