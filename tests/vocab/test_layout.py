"""What ends a paragraph: the blank line the cleaning stage writes, not a line break inside one."""

from newsgraph.clean import clean
from newsgraph.vocab.layout import PARAGRAPH_BREAK, is_paragraph_break


def test_a_blank_line_ends_a_paragraph_and_a_line_break_does_not() -> None:
    assert is_paragraph_break("\n\n") and is_paragraph_break(" \n \n")
    assert not is_paragraph_break("\n") and not is_paragraph_break("  ")


def test_the_clean_text_separates_paragraphs_with_the_break() -> None:
    cleaned = clean("The ferry left the harbour at dawn.\n\nIts crew of six reached the island by noon.\n")
    assert PARAGRAPH_BREAK in cleaned.text and is_paragraph_break(PARAGRAPH_BREAK)
