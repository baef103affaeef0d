"""The time stage: time expressions found and normalised to TIMEX3 values.

``time_expressions(doc, published)`` is the stage's one entry point (``core``).
Inside, by what each module does:

- finding: ``recognize`` (candidates, extents, the clause's tense, overlaps) and
  ``rejection`` (the rules that turn a candidate down: "may" as a verb, "The Sunday Times");
- normalising: ``normalize`` (``resolve``, ``normalize``) tries the ``rules`` in
  order over the text ``words`` prepares, with the ``context`` they read; the rules
  use ``calendar`` (the words of "Tuesday, June 6, 2017" and the year of a month),
  ``dates`` (calendar arithmetic) and ``values`` (writing TIMEX3 values);
- ``anchors`` dates distances from an event ("a day after the vote");
- ``patterns`` holds the word lists and regular expressions the others share.
"""

from newsgraph.extract.time.core import time_expressions

__all__ = ["time_expressions"]
