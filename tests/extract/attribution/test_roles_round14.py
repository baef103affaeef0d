"""A party-and-state tag after a name ("(R-Tenn.)") makes a member of Congress a politician.

US news writes the tag after the names of legislators, so it decides over a committee's words that
would otherwise read as an office or as security ("the Intelligence Committee's chairman").
Invented sentences.
"""

from __future__ import annotations

import pytest

from newsgraph.extract.attribution import lexicons as lex


def _source(reader, text: str, word: str):
    record = reader.read(text)
    found = [s for s in record.sources if word.lower() in s.description.lower()]
    assert found, f"no source described with {word!r} in {[s.description for s in record.sources]}"
    return found[0]


@pytest.mark.parametrize(("tag", "matches"), [
    ("(R-Tenn.)", True), ("(D-N.J.)", True), ("(I-Vt.)", True), ("(R-S.C.)", True),
    ("(AP)", False), ("(Reuters)", False), ("(pictured)", False),
])
def test_party_state_tag_pattern(tag, matches):
    assert (lex.PARTY_STATE_TAG.fullmatch(tag) is not None) is matches


def test_tagged_committee_chair_is_a_politician(reader):
    text = ("Meanwhile, the Senate Intelligence Committee's chairman, Orrin Vale (R-N.C.), said the "
            "inquiry \"will follow the facts wherever they lead.\"")
    source = _source(reader, text, "Vale")
    assert source.role == "politician"
    assert "(R-N.C.)" in [e.text for e in source.role_evidence]



def test_tag_decides_over_a_committee_title(reader):
    text = "Armed Services Committee Chairman Orrin Vale (R-Tenn.) said the plan \"needs a lot more work.\""
    source = _source(reader, text, "Vale")
    assert source.role == "politician"
