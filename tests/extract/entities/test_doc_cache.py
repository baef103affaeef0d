"""The per-doc reads of the entity stage (``coref.reading_strings_of``) give what spaCy gives.

The stage reads token strings, the doc's text, span texts and entity spans once per doc instead of
through Token and Span objects; these tests hold the cached reads to spaCy's own on invented text,
and check that nothing read for one doc is served for another.
"""

from __future__ import annotations

import pytest
from spacy.attrs import IS_PUNCT, LOWER, ORTH

from newsgraph.extract.entities import coref
from newsgraph.extract.entities.core import entities

TEXTS = (
    'Mara Quill, the head of Tolvane Freight, said: "We will not sell."  She left on Monday.\n\n'
    "Tolvane's board met in Rennick. It voted 7-2 to keep the firm.",
    "Dr. Ivo Brask joined Helder Labs in 2019 ; the lab 's chief, Ana Sorel, praised him .",
)


@pytest.mark.parametrize("text", TEXTS)
def test_cached_reads_match_spacy(parse, text: str) -> None:
    doc = parse(text)
    with coref.reading_strings_of(doc):
        assert coref.doc_text(doc) == doc.text
        assert coref.token_strings(doc, LOWER) == [t.lower_ for t in doc]
        assert coref.token_strings(doc, ORTH) == [t.text for t in doc]
        assert [bool(v) for v in coref.token_values(doc, IS_PUNCT)] == [t.is_punct for t in doc]
        assert [(e.start, e.end, e.label_) for e in coref.doc_ents(doc)] == [
            (e.start, e.end, e.label_) for e in doc.ents]
        for start in range(len(doc)):
            for end in range(start, min(len(doc), start + 6) + 1):
                assert coref.span_text(doc, start, end) == doc[start:end].text, (start, end)


def test_no_read_crosses_docs(parse) -> None:
    first, second = parse(TEXTS[0]), parse(TEXTS[1])
    with coref.reading_strings_of(first):
        assert coref.token_strings(first, ORTH)[0] == "Mara"
        # another doc inside the block is read afresh, not served from the first doc's reads
        assert coref.token_strings(second, ORTH) == [t.text for t in second]
        assert coref.doc_text(second) == second.text
        with coref.reading_strings_of(second):
            assert coref.token_strings(second, ORTH)[0] == "Dr."
        assert coref.token_strings(first, ORTH)[0] == "Mara"  # the outer doc's reads come back
    assert coref.token_strings(first, ORTH) == [t.text for t in first]


def test_entities_same_with_and_without_an_open_block(parse) -> None:
    """The stage opens its own block per doc; running it inside another doc's block changes nothing."""
    first, second = parse(TEXTS[0]), parse(TEXTS[1])
    alone = [e.model_dump() for e in entities(second)]
    with coref.reading_strings_of(first):
        coref.token_strings(first, LOWER)
        nested = [e.model_dump() for e in entities(second)]
    assert nested == alone
    assert any(m["text"] == "Ana Sorel" for e in alone for m in e["mentions"])
