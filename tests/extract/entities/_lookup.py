"""Finding an entity in ``entities()`` output by a mention or by name, for the entity tests."""

from __future__ import annotations

from newsgraph.record import Entity


def owner(found: list[Entity], text: str, start: int) -> Entity | None:
    """The entity with a mention of ``text`` at character ``start``."""
    return next((e for e in found for m in e.mentions if m.start == start and m.text == text), None)


def named(found: list[Entity], name: str) -> Entity:
    """The entity called ``name``; fails listing the names found."""
    entity = next((e for e in found if e.name == name), None)
    assert entity is not None, [e.name for e in found]
    return entity
