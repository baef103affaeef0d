"""Round 17: genders. A couple named together ("Ben and Nora Castellan") is two people and gets no gender.

Invented sentences, read with the real model through the full pipeline.
"""

from __future__ import annotations


def _source(reader, text: str, word: str, kind: str | None = None):
    record = reader.read(text)
    found = [s for s in record.sources
             if word.lower() in (s.description + " ".join(m.text for m in s.mentions)).lower()
             and (kind is None or s.kind == kind)]
    assert found, f"no source with {word!r} in {[(s.kind, s.description) for s in record.sources]}"
    return found[0]


def test_a_couple_named_together_gets_no_gender(reader):
    # "The actor" is resolved to the pair: a word about one of two people is not the other's.
    text = ("\"It was hard,\" said Mark and Julia Renfrew, the owners of the bakery. The actor said the shop "
            "would reopen.")
    source = _source(reader, text, "Renfrew")
    assert source.gender is None
    assert source.gender_evidence == []


def test_a_name_joined_to_a_relative_is_still_one_person(reader):
    text = "Tom Bexley and his wife attended the gala. \"We were thrilled,\" Bexley said. He is a banker."
    source = _source(reader, text, "Bexley")
    assert source.gender == "male"
