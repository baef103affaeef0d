"""How the clean text lays out paragraphs, for every stage that counts them.

The cleaning stage writes one blank line between paragraphs; the parse starts a
sentence after each, and the rankers count paragraphs by them. A single line
break inside a paragraph (a list, an address) does not end it.
"""

from __future__ import annotations

#: What the cleaning stage writes between two paragraphs.
PARAGRAPH_BREAK = "\n\n"


def is_paragraph_break(whitespace: str) -> bool:
    """A whitespace token (or string) that holds a blank line: the end of a paragraph."""
    return whitespace.count("\n") >= 2
