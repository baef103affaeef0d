"""Role descriptions resolved to the person of the article holding the title (``titles.role_mentions``),
on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_former_role_with_a_name_inside_goes_to_the_titled_person(parse):
    text = 'Singer Lena Marsh played in Leeds on Friday. The former Stonecutters singer later thanked the crowd.'
    found = entities(parse(text))
    at = text.index("The former")
    assert owner(found, "The former Stonecutters singer", at) is named(found, "Lena Marsh")


def test_a_former_role_is_not_the_current_holder(parse):
    # Neither a name inside nor a title written "former": the description speaks of someone else.
    text = 'Coach Tom Reyes spoke in Leeds on Monday. The former coach was not there.'
    found = entities(parse(text))
    assert owner(found, "The former coach", text.index("The former")) is None


def test_a_role_before_its_holder_is_named_goes_to_the_holder_named_after(parse):
    text = ('The police officer who stopped the car was praised on Monday. Officer Ann Lee said she had '
            'only done her job.')
    found = entities(parse(text))
    assert owner(found, "The police officer", 0) is named(found, "Ann Lee")


def test_the_nearest_holder_before_wins(parse):
    text = ('Former coach Tom Reyes left in May. Former coach Omar Haddad spoke in June. '
            'Fans cheered when the former coach took his seat.')
    found = entities(parse(text))
    assert owner(found, "the former coach", text.index("the former coach")) is named(found, "Omar Haddad")


def test_a_vice_president_is_not_the_president(parse):
    text = 'Former Vice President Ann Cole visited Leeds on Monday. The former president was not there.'
    found = entities(parse(text))
    assert owner(found, "The former president", text.index("The former president")) is None


def test_another_office_word_is_another_holder(parse):
    text = 'Former Foreign Minister Ana Ruiz met reporters in Rome. The former finance minister was away.'
    found = entities(parse(text))
    assert owner(found, "The former finance minister", text.index("The former finance")) is None


def test_the_subject_of_the_clause_is_not_the_role_it_speaks_of(parse):
    text = 'Former coach Tom Reyes arrived in Leeds. Tom Reyes said the former coach had left the club in May.'
    found = entities(parse(text))
    assert owner(found, "the former coach", text.index("the former coach")) is None


def test_a_role_of_another_party_is_another_holder(parse):
    text = 'Former Republican nominee Tom Reyes spoke in Ohio on Monday. The former Democratic nominee did not attend.'
    found = entities(parse(text))
    assert owner(found, "The former Democratic nominee", text.index("The former")) is None


def test_a_role_in_a_list_with_an_indefinite_item_is_nobody(parse):
    text = ('Former coach Tom Reyes spoke to reporters in Leeds. Nobody is bigger than the club, '
            'be it the former coach or a player.')
    found = entities(parse(text))
    assert owner(found, "the former coach", text.index("the former coach")) is None
