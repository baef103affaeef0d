"""The attribution stage: who says what, and how the article is sourced.

``attributions(doc, entities)`` is the stage's entry point and
``sourcing_profile(sources, attributions)`` sums its output up. Inside: ``quotes``
finds quotation marks, ``reported`` finds reported speech around cue verbs,
``sources`` resolves and characterises the speakers (anonymous ones included),
``profile`` counts them, ``lexicons`` holds the word lists.
"""

from newsgraph.extract.attribution.core import attributions
from newsgraph.extract.attribution.profile import sourcing_profile

__all__ = ["attributions", "sourcing_profile"]
