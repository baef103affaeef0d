"""Role descriptions of renown ("the singer", "the star") that go to the article's main person, who is never
titled so (``titles.renown_mentions``), on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.titles import MAIN_PERSON_LEAD, MAIN_PERSON_MIN_MENTIONS, main_person

MAIN = ("Lena Marsh released a new album on Friday. Marsh recorded it in Leeds. Marsh said she had written "
        "every song. Marsh will tour in May. ")


def test_the_singer_goes_to_the_main_person(parse):
    text = MAIN + "Fans queued all night to see the singer in Leeds."
    found = entities(parse(text))
    assert owner(found, "the singer", text.index("the singer")) is named(found, "Lena Marsh")


def test_a_nationality_may_qualify_the_renown(parse):
    text = MAIN + "The Irish star was cheered by a large crowd."
    found = entities(parse(text))
    assert owner(found, "The Irish star", text.index("The Irish star")) is named(found, "Lena Marsh")


def test_no_main_person_when_two_people_share_the_article(parse):
    text = ("Lena Marsh and Tom Reyes released an album on Friday. Marsh sang and Reyes played. Marsh said "
            "Reyes wrote the songs. Reyes said Marsh chose them. Fans queued to see the singer in Leeds.")
    found = entities(parse(text))
    assert owner(found, "the singer", text.index("the singer")) is None


def test_an_office_is_no_renown(parse):
    text = MAIN + "The mayor of Leeds welcomed the crowd."
    found = entities(parse(text))
    assert owner(found, "The mayor", text.index("The mayor")) is None


def test_a_former_renown_and_a_role_held_somewhere_stay_open(parse):
    text = MAIN + "The former singer of the band was not invited. The star of the film was not there either."
    found = entities(parse(text))
    assert owner(found, "The former singer", text.index("The former singer")) is None
    assert owner(found, "The star", text.index("The star")) is None


def test_the_subject_of_a_clause_above_is_not_the_renown_it_speaks_of(parse):
    text = MAIN + "Marsh said the singer who opened the show had been late."
    found = entities(parse(text))
    assert owner(found, "the singer", text.index("the singer")) is None


def test_main_person_needs_mentions_and_a_lead():
    assert main_person({1: MAIN_PERSON_MIN_MENTIONS, 2: 1}) == 1
    assert main_person({1: MAIN_PERSON_MIN_MENTIONS - 1}) is None
    lead = int(MAIN_PERSON_MIN_MENTIONS * MAIN_PERSON_LEAD) + 1
    assert main_person({1: lead, 2: MAIN_PERSON_MIN_MENTIONS}) == 1
    assert main_person({1: MAIN_PERSON_MIN_MENTIONS + 1, 2: MAIN_PERSON_MIN_MENTIONS}) is None
