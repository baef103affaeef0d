"""Long texts parsed in sections: the pieces join back exactly, and the record is the whole parse's."""

from __future__ import annotations

import pytest

import newsgraph.api as api
from newsgraph.ingest import Item
from newsgraph.nlp.pipeline import sections

STORY = ("The harbour board of Lindqvist voted on Tuesday to rebuild the north pier, chair Mara Olen said. "
         "Work starts in the spring, and the ferry to Saltmere will run from the south quay until June.")


@pytest.mark.parametrize(("text", "size", "pieces"), [
    ("one\n\ntwo\n\nthree", 8, ["one\n\n", "two\n\n", "three"]),
    ("A first one. A second one. A third.", 20, ["A first one. ", "A second one. ", "A third."]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ("short", 100, ["short"]),
    ("", 10, []),
])
def test_sections_cut_at_paragraphs_then_sentences_then_the_limit(text, size, pieces):
    assert sections(text, size) == pieces
    assert "".join(sections(text, size)) == text


def test_a_text_parsed_in_sections_gives_the_record_of_the_whole_parse(reader, monkeypatch):
    text = "\n\n".join(f"{STORY} Meeting {n} ended at noon." for n in range(12))
    (whole,) = reader.read_many([Item(where="whole", text=text)])
    monkeypatch.setattr(api, "SECTION_CHARS", 500)  # sections of a few paragraphs each
    (parts,) = reader.read_many([Item(where="parts", text=text)])
    assert len(whole.text) > 4 * 500 and whole.entities and whole.events
    assert parts.model_dump(exclude={"source"}) == whole.model_dump(exclude={"source"})
