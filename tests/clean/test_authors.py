"""Page metadata authors are people: placeholders, link labels, commenters and publishers are not."""

import pytest

from newsgraph.clean.authors import as_written, people, person_name


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("View all posts by Jane Roe", "Jane Roe"),
        ("Written by Jane Roe", "Jane Roe"),
        ("Jane Roe March 3, 2019", "Jane Roe"),
        ("Jo A Dale", "Jo A Dale"),
        ("Jean-Luc de la Croix", "Jean-Luc de la Croix"),
        ("No Author", None),
        ("Follow", None),
        ("Sam Roe says", None),
        ("Condé Nast", None),
        ("Associated Press", None),
        ("City News February", None),
        ("Harbour Daily Staff", None),
    ],
)
def test_person_name(value, name):
    assert person_name(value) == name


def test_the_outlet_of_the_page_is_not_a_person():
    assert person_name("Coast Courier", outlet="Coast Courier") is None
    assert person_name("Jane Roe", outlet="Coast Courier") == "Jane Roe"


def test_initials_and_nicknames_are_put_back_as_the_page_writes_them():
    page = '<span class="byline">By Jo A. Dale and Sam "Skip" Roe</span>'
    assert as_written("Jo A Dale", page) == "Jo A. Dale"
    assert as_written("Sam Roe", page) == 'Sam "Skip" Roe'
    assert as_written("Kim Lee", page) == "Kim Lee"


def test_people_keeps_each_person_once_in_order():
    assert people(["Jane Roe", "No Author", "Sam Roe", "Jane Roe"]) == ["Jane Roe", "Sam Roe"]
