"""What ends a paragraph: the blank line the cleaning stage writes, not a line break inside one."""

import itertools

from newsgraph.clean import clean
from newsgraph.vocab.layout import PARAGRAPH_BREAK, PARAGRAPH_RE, is_paragraph_break


def test_a_blank_line_ends_a_paragraph_and_a_line_break_does_not() -> None:
    assert is_paragraph_break("\n\n") and is_paragraph_break(" \n \n")
    assert not is_paragraph_break("\n") and not is_paragraph_break("  ")


def test_the_clean_text_separates_paragraphs_with_the_break() -> None:
    cleaned = clean("The ferry left the harbour at dawn.\n\nIts crew of six reached the island by noon.\n")
    assert PARAGRAPH_BREAK in cleaned.text and is_paragraph_break(PARAGRAPH_BREAK)


def test_a_paragraph_runs_over_single_line_breaks_and_stops_at_a_blank_one() -> None:
    text = "Q: Where were you?\nA: At the depot.\n\nThe inspector left.\n\nShe returned at six."
    paragraphs = [m.group() for m in PARAGRAPH_RE.finditer(text)]
    assert paragraphs == ["Q: Where were you?\nA: At the depot.", "The inspector left.", "She returned at six."]
    # Every gap between two paragraphs is what the other stages call a paragraph break.
    spans = [m.span() for m in PARAGRAPH_RE.finditer(text)]
    assert all(is_paragraph_break(text[a[1] : b[0]]) for a, b in itertools.pairwise(spans))
