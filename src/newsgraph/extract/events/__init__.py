"""The event stage: who did what to whom, when, according to whom, coded in PLOVER/CAMEO.

``events(...)`` is the stage's one entry point (it returns the events and the
relations between entities). Inside: ``clauses`` finds clause heads and their
arguments, ``context`` indexes a document's entities, times and attributions,
``dates`` dates each event, ``coding`` gives PLOVER/CAMEO codes from the
dictionaries in ``data/``, ``relations`` finds standing relations, ``lexicons``
holds the word lists.
"""

from newsgraph.extract.events.core import events

__all__ = ["events"]
