"""Descriptions of organisations in ``orgs.py``, round 14: an administration (``lexicons.HEAD_NAMED_ORG_NOUNS``)
is its head's, named "administration", and a bare "the administration" is the one the article spoke of, never
the country it names most. Invented sentences."""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities


def _at(text: str, word: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at


def test_a_named_persons_administration_is_named_administration(parse):
    text = ("President Ola Berg met farmers in Ruritania on Monday. The Berg administration will cut taxes "
            "in Ruritania next year.")
    found = entities(parse(text))
    admin = owner(found, "The Berg administration", _at(text, "The Berg administration"))
    assert admin is not None and admin.name == "administration"


def test_a_bare_administration_is_not_the_country(parse):
    text = ("Ruritania raised its tariffs again on Monday. Farmers in Ruritania protested in the capital. "
            "A charge which the administration denies.")
    found = entities(parse(text))
    admin = owner(found, "the administration", _at(text, "the administration"))
    assert admin is None or admin.type != "GPE"


def test_a_bare_administration_is_the_one_spoken_of(parse):
    text = ("President Ola Berg visited Ruritania on Monday. The Berg administration plans new tariffs. "
            "Farmers in Ruritania said the administration had not asked them.")
    found = entities(parse(text))
    first = owner(found, "The Berg administration", _at(text, "The Berg administration"))
    assert first is not None
    assert owner(found, "the administration", _at(text, "the administration")) is first


def test_a_bare_government_is_still_the_country(parse):
    text = ("Ruritania raised its tariffs again on Monday. Farmers in Ruritania protested in the capital. "
            "A charge which the government denies.")
    found = entities(parse(text))
    government = owner(found, "the government", _at(text, "the government"))
    assert government is not None and government.name == "Ruritania"
