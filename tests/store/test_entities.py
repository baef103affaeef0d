"""Cross-article entity resolution, merges and splits (hand-built records, no model)."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import name_key


@pytest.mark.parametrize(
    ("name", "etype", "key"),
    [
        ("Maria Gomez", "PERSON", "maria gomez"),
        ("MARIA GOMEZ", "PERSON", "maria gomez"),
        ("Gomez's", "PERSON", "gomez"),
        ("Gomez’", "PERSON", "gomez"),
        ("President Donald J. Trump", "PERSON", "donald trump"),
        ("Attorney General Jeff Sessions", "PERSON", "jeff sessions"),
        ("Deputy Attorney General Rod J. Rosenstein", "PERSON", "rod rosenstein"),
        ("Robert S. Mueller III", "PERSON", "robert mueller"),
        ("Martin Luther King Jr.", "PERSON", "martin luther king"),
        ("Mayor", "PERSON", "mayor"),  # a title alone is kept, never emptied
        ("Ms. Roe", "PERSON", "roe"),
        ("The Washington Post", "ORG", "washington post"),
        ("the Justice Department", "ORG", "justice department"),
        ("Department of Justice", "ORG", "justice department"),
        ("U.S.", "GPE", "us"),
        ("University of Chicago", "ORG", "university of chicago"),  # only department/ministry are turned
        ("President Trump", "ORG", "president trump"),  # person rules only for people
        ("!!!", None, "!!!"),
        ("", None, "?"),
    ],
)
def test_name_key(name, etype, key):
    assert name_key(name, etype) == key


def _corpus_ids(store, name):
    return {r[0] for r in store.execute("SELECT DISTINCT corpus_entity_id FROM entities WHERE name = ?", (name,))}


def test_same_name_across_articles_is_one_entity(store, make_record):
    store.add(make_record("Maria Gomez spoke.", [("Maria Gomez", "PERSON", ["Maria Gomez"])]))
    store.add(make_record("Later, MARIA GOMEZ left.", [("MARIA GOMEZ", "PERSON", ["MARIA GOMEZ"])]))
    ids = _corpus_ids(store, "Maria Gomez") | _corpus_ids(store, "MARIA GOMEZ")
    assert len(ids) == 1
    assert store.entity("maria gomez").entity.articles == 2


def test_surname_joins_the_only_full_name(store, make_record):
    store.add(make_record("Maria Gomez spoke.", [("Maria Gomez", "PERSON", ["Maria Gomez"])]))
    store.add(make_record("Gomez left early.", [("Gomez", "PERSON", ["Gomez"])]))
    assert _corpus_ids(store, "Gomez") == _corpus_ids(store, "Maria Gomez")


def test_full_name_joins_an_earlier_surname(store, make_record):
    store.add(make_record("Okafor won.", [("Okafor", "PERSON", ["Okafor"])]))
    store.add(make_record("Chidi Okafor won again.", [("Chidi Okafor", "PERSON", ["Chidi Okafor"])]))
    assert _corpus_ids(store, "Okafor") == _corpus_ids(store, "Chidi Okafor")


def test_two_people_with_one_surname_stay_apart(store, make_record):
    store.add(make_record("Maria Gomez spoke.", [("Maria Gomez", "PERSON", ["Maria Gomez"])]))
    store.add(make_record("Pedro Gomez spoke too.", [("Pedro Gomez", "PERSON", ["Pedro Gomez"])]))
    assert _corpus_ids(store, "Maria Gomez") != _corpus_ids(store, "Pedro Gomez")
    # A bare surname is now ambiguous: it gets its own entity rather than a guess.
    store.add(make_record("Gomez declined.", [("Gomez", "PERSON", ["Gomez"])]))
    gomez = _corpus_ids(store, "Gomez")
    assert gomez.isdisjoint(_corpus_ids(store, "Maria Gomez") | _corpus_ids(store, "Pedro Gomez"))


def test_surname_of_a_place_does_not_join_a_person(store, make_record):
    store.add(make_record("Jack London wrote.", [("Jack London", "PERSON", ["Jack London"])]))
    store.add(make_record("Rain in London.", [("London", "GPE", ["London"])]))
    assert _corpus_ids(store, "London") != _corpus_ids(store, "Jack London")


def test_gold_name_variants_meet(store, make_record, gold):
    """Each gold entity of the reference article, named differently in different articles, is one entity."""
    for entity in gold["entities"]:
        for i, name in enumerate(entity["names"]):
            text = f"Story {entity['key']} {i}: {name} was mentioned."
            store.add(make_record(text, [(name, entity["type"], [name])]))
    for entity in gold["entities"]:
        ids = set().union(*(_corpus_ids(store, name) for name in entity["names"]))
        assert len(ids) == 1, (entity["names"], ids)
    people = [e for e in gold["entities"] if e["type"] == "PERSON"]
    all_ids = [next(iter(_corpus_ids(store, e["names"][0]))) for e in people]
    assert len(set(all_ids)) == len(people)  # and different people stay different


def test_find_by_id_exact_and_part(store, make_record):
    store.add(make_record("Maria Gomez and Pedro Gomez met.",
                          [("Maria Gomez", "PERSON", ["Maria Gomez"]), ("Pedro Gomez", "PERSON", ["Pedro Gomez"])]))
    exact = store.find_entities("maria gomez")
    assert [r.name for r in exact] == ["Maria Gomez"]
    assert store.find_entities(f"#{exact[0].id}") == exact
    assert {r.name for r in store.find_entities("gomez")} == {"Maria Gomez", "Pedro Gomez"}
    assert store.find_entities("nobody at all") == []
    assert len(store.find_entities("maria gomez", exact_first=False)) == 1
    assert len(store.find_entities("gomez", exact_first=False)) == 2
    with pytest.raises(StoreError, match="matches 2 entities"):
        store.merge_entities("gomez", "maria gomez")


def test_merge_moves_articles_and_survives_reprocessing(store, make_record):
    first = make_record("Jon Smyth won.", [("Jon Smyth", "PERSON", ["Jon Smyth"])])
    second = make_record("Jonathan Smyth lost.", [("Jonathan Smyth", "PERSON", ["Jonathan Smyth"])])
    store.add(first)
    store.add(second)
    assert store.entity("Jon Smyth").entity.articles == 1
    merged = store.merge_entities("Jon Smyth", "Jonathan Smyth")
    assert merged.name == "Jon Smyth" and merged.articles == 2
    assert [r.name for r in store.find_entities("jonathan smyth")] == ["Jon Smyth"]
    decisions = store.entity_decisions()
    assert list(decisions.action) == ["merge"]
    assert json.loads(decisions.detail[0])["merged_name"] == "Jonathan Smyth"
    # Re-processing rebuilds the rows (a newer extractor, here the same record): the merge holds.
    store.replace(second.model_copy(update={"generator": first.generator}))
    assert store.entity("Jon Smyth").entity.articles == 2
    with pytest.raises(StoreError, match="itself"):
        store.merge_entities("Jon Smyth", "Jonathan Smyth")


def test_split_by_name_survives_reprocessing(store, make_record):
    a = make_record("Lee Park spoke.", [("Lee Park", "PERSON", ["Lee Park"])])
    b = make_record("Park spoke again.", [("Park", "PERSON", ["Park"])])
    store.add(a)
    store.add(b)
    assert _corpus_ids(store, "Park") == _corpus_ids(store, "Lee Park")
    new = store.split_entity("Lee Park", names=["Park"])
    assert new.name == "Park" and new.articles == 1
    assert _corpus_ids(store, "Park") == {new.id}
    store.replace(b)
    assert _corpus_ids(store, "Park") == {new.id}
    assert store.entity("Lee Park").entity.articles == 1


def test_split_by_article_survives_reprocessing(store, make_record):
    sport = make_record("Jordan scored 40 points.", [("Jordan", "PERSON", ["Jordan"])])
    science = make_record("Jordan published a paper.", [("Jordan", "PERSON", ["Jordan"])])
    other = make_record("Jordan scored again.", [("Jordan", "PERSON", ["Jordan"])])
    for record in (sport, science, other):
        store.add(record)
    assert len(_corpus_ids(store, "Jordan")) == 1
    new = store.split_entity("Jordan", articles=[science.id[:10]], new_name="Jordan (scientist)")
    assert new.articles == 1 and new.name == "Jordan (scientist)"
    store.replace(science)
    store.replace(other)
    rows = dict(store.execute("SELECT article_id, corpus_entity_id FROM entities WHERE name = 'Jordan'"))
    assert rows[science.id] == new.id
    assert rows[sport.id] == rows[other.id] != new.id


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({}, "needs --name or --article"), ({"names": ["Nobody"]}, "has no name"),
     ({"articles": ["ffff"]}, "no article")],
)
def test_split_refuses_what_it_cannot_do(store, make_record, kwargs, message):
    store.add(make_record("Lee Park spoke.", [("Lee Park", "PERSON", ["Lee Park"])]))
    with pytest.raises(StoreError, match=message):
        store.split_entity("Lee Park", **kwargs)
    assert store.count("corpus_entities") == 1  # nothing half-done


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        ({"Obama": 11, "Barack Obama": 6}, "Barack Obama"),  # fuller and common enough
        ({"Obama": 11, "Barack Hussein Obama": 2}, "Obama"),  # too rare to name the entity
        ({"EU": 3}, "EU"),
        ({"European Union": 4, "EU": 9}, "EU"),
        ({"the White House": 3, "White House": 2}, "White House"),  # a leading "the" is not a word of the name
        ({"Jane Roe": 1, "Jane Roe Roe": 1}, "Jane Roe"),  # a doubled word is a typo in the source
    ],
)
def test_display_name(names, shown):
    from newsgraph.store.entities import display_name

    assert display_name(names) == shown


def test_entity_is_shown_by_its_fullest_common_name(store, make_record):
    store.add(make_record("Okafor won.", [("Okafor", "PERSON", ["Okafor"])]))
    assert store.find_entities("okafor")[0].name == "Okafor"
    store.add(make_record("Chidi Okafor won again.", [("Chidi Okafor", "PERSON", ["Chidi Okafor"])]))
    assert store.find_entities("okafor")[0].name == "Chidi Okafor"


def test_compatible_full_names_join_and_others_stay_apart(store, make_record):
    for text, name in [("Jeff Smith Smith spoke.", "Jeff Smith Smith"), ("Smith spoke.", "Smith"),
                       ("Jeff Smith spoke.", "Jeff Smith"), ("Pete Smith spoke.", "Pete Smith")]:
        store.add(make_record(text, [(name, "PERSON", [name])]))
    jeff = _corpus_ids(store, "Jeff Smith Smith")
    assert _corpus_ids(store, "Smith") == jeff == _corpus_ids(store, "Jeff Smith")
    assert _corpus_ids(store, "Pete Smith") != jeff
