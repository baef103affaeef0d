"""How the clean text lays out paragraphs, for every stage that counts them.

The cleaning stage writes one blank line between paragraphs; the parse starts a
sentence after each, and the rankers count paragraphs by them. A single line
break inside a paragraph (a list, an address) does not end it.
"""

from __future__ import annotations

import re

#: What the cleaning stage writes between two paragraphs.
PARAGRAPH_BREAK = "\n\n"

#: One paragraph of a text: lines joined by single line breaks, up to a blank line
#: (a line of only spaces counts as blank, as :func:`is_paragraph_break` says).
PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def is_paragraph_break(whitespace: str) -> bool:
    """A whitespace token (or string) that holds a blank line: the end of a paragraph."""
    return whitespace.count("\n") >= 2
