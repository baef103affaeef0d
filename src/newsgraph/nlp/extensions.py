"""Every ``Doc`` extension newsgraph sets, registered in one place and idempotently.

Extensions are global in spaCy, so they are registered once, never overwritten,
and only when a newsgraph component or the reader is created.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.failures import WARNINGS

#: The publication date (ISO string) the time stage anchors on; set before parsing.
PUBLISHED = "ng_published"
ENTITIES = "ng_entities"
TIMES = "ng_times"
SOURCES = "ng_sources"
ATTRIBUTIONS = "ng_attributions"
EVENTS = "ng_events"
RELATIONS = "ng_relations"

_LIST_EXTENSIONS = (ENTITIES, TIMES, SOURCES, ATTRIBUTIONS, EVENTS, RELATIONS, WARNINGS)


def register_extensions() -> None:
    """Register the ``doc._.ng_*`` attributes if they are not there yet."""
    if not Doc.has_extension(PUBLISHED):
        Doc.set_extension(PUBLISHED, default=None)
    for name in _LIST_EXTENSIONS:
        if not Doc.has_extension(name):
            # A getter-less default of None; components assign fresh lists.
            Doc.set_extension(name, default=None)


def get_list(doc: Doc, name: str) -> list:
    """An extension's value, or an empty list when its component did not run."""
    value = getattr(doc._, name)
    return list(value) if value else []
