"""Clean text is in Unicode NFC, and raw_spans still map every word back to the raw input."""

import unicodedata

from newsgraph.clean import clean
from newsgraph.clean.audit import span_problems

COMPOSED = "Le café de Zoë a fermé à Besançon hier soir, après trente ans.\n\nLa ville regrette ce départ."


def test_decomposed_accents_come_out_composed_with_exact_spans():
    raw = unicodedata.normalize("NFD", COMPOSED)
    assert raw != COMPOSED
    cleaned = clean(raw)
    assert cleaned.text == COMPOSED
    assert span_problems(raw, cleaned) == []
    for span in cleaned.raw_spans:
        piece, source = cleaned.text[span.start : span.end], raw[span.raw_start : span.raw_end]
        assert piece == unicodedata.normalize("NFC", source)


def test_a_changed_word_has_a_span_of_its_own():
    raw = "The mayor of Malmo\u0308 spoke on Friday about the new harbour bridge and its cost."
    cleaned = clean(raw)
    word = next(s for s in cleaned.raw_spans if cleaned.text[s.start : s.end] == "Malmö")
    assert raw[word.raw_start : word.raw_end] == "Malmo\u0308"


def test_composed_text_keeps_one_span_per_piece():
    cleaned = clean("Zoë said the café would reopen.")
    assert len(cleaned.raw_spans) == 1
