"""Cleaning: raw article text in, clean paragraphs with exact raw offsets out.

``clean(raw)`` is the stage's one entry point. ``raw`` is the decoded input
(line endings as they were); every character of ``Cleaned.text`` maps back to
``raw`` through ``Cleaned.raw_spans``.
"""

from newsgraph.clean.cleaner import Cleaned, clean

__all__ = ["Cleaned", "clean"]
