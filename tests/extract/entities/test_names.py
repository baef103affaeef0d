"""Name parts, variants and gender: no model needed."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities import names


@pytest.mark.parametrize(
    ("words", "first", "surname"),
    [
        (["Robert", "S.", "Mueller", "III"], "robert", "mueller"),
        (["Mr.", "Mueller"], None, "mueller"),
        (["Martin", "Luther", "King", "Jr."], "martin", "king"),
        (["Ludwig", "van", "Beethoven"], "ludwig", "van beethoven"),
        (["J.", "Edgar", "Hoover"], "edgar", "hoover"),
        (["Madonna"], None, "madonna"),
        (["Dr.", "Jane", "Goodall"], "jane", "goodall"),
    ],
)
def test_name_parts(words, first, surname):
    parts = names.name_parts(words)
    assert parts is not None
    assert parts.first == first
    assert parts.surname == surname


def test_name_parts_of_nothing():
    assert names.name_parts([]) is None
    assert names.name_parts(["  "]) is None


@pytest.mark.parametrize(
    ("first", "gender"),
    [("Jeff", "male"), ("Sarah", "female"), ("Sergey", "male"), ("Barack", "male"),
     ("Xyzzyq", None), ("", None), ("J.", None), ("123", None)],
)
def test_first_name_gender(first, gender):
    assert names.first_name_gender(first) == gender


@pytest.mark.parametrize(
    ("title", "gender"),
    [("Justice Department spokeswoman", "female"), ("Congressman", "male"), ("Attorney General", None)],
)
def test_title_gender(title, gender):
    assert names.title_gender(title) == gender


def test_honorific_gender():
    assert names.honorific_gender("Mrs.") == "female"
    assert names.honorific_gender("Mr.") == "male"
    assert names.honorific_gender("Dr.") is None
