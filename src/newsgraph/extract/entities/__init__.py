"""The entity stage: people, organisations and places with their titles and every mention.

``entities(doc)`` is the stage's one entry point. Inside: ``core`` groups spaCy's
entity spans into entities and votes their types, ``names`` compares name forms,
``titles`` finds titles and roles, ``caps`` repairs all-caps text, ``coref``
resolves descriptions and pronouns, ``lexicons`` holds the word lists.
"""

from newsgraph.extract.entities.core import entities

__all__ = ["entities"]
