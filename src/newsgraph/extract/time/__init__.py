"""The time stage: time expressions found and normalised to TIMEX3 values.

``time_expressions(doc, published)`` is the stage's one entry point. Inside:
``recognize`` finds candidate expressions, ``normalize`` turns each into a value
against an anchor date, ``anchors`` dates distances from an event ("a day after
the vote"), ``patterns`` holds the regular expressions the others share.
"""

from newsgraph.extract.time.core import time_expressions

__all__ = ["time_expressions"]
