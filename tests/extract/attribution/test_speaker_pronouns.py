"""First-person pronouns in quotations and organisation pronouns, through the whole pipeline."""

from __future__ import annotations

FIRST_PERSON = (
    "Dana Whitlow, the mayor of Fairhaven, spoke to reporters on Monday.\n\n"
    '"We will rebuild the bridge, and I think it will open next year," Whitlow said.'
)
UNKNOWN_SPEAKER = (
    "The bridge in Fairhaven closed on Monday.\n\n"
    '"I think we will rebuild it next year," a spokesman said.'
)


def test_first_person_inside_a_quotation_is_the_speaker_source(reader):
    record = reader.read(FIRST_PERSON)
    descriptions = [s.description.lower() for s in record.sources]
    assert "i" not in descriptions and "we" not in descriptions
    dana = next(e for e in record.entities if e.name == "Dana Whitlow")
    assert {"We", "I"} <= {m.text for m in dana.mentions if m.kind == "pronoun"}
    assert any(s.entity == dana.id for s in record.sources)


def test_first_person_of_an_unnamed_speaker_is_no_source(reader):
    record = reader.read(UNKNOWN_SPEAKER)
    assert not any(s.description.lower() in ("i", "we") for s in record.sources)
