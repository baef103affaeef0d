"""Events: who did what to whom, when, according to whom; relations between people."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.record import Attribution, Entity, Event, Relation, Source, TimeExpression


def events(
    doc: Doc,
    entities: list[Entity],
    times: list[TimeExpression],
    sources: list[Source],
    attributions: list[Attribution],
) -> tuple[list[Event], list[Relation]]:
    """Events and relations of the article (the events stage fills this in)."""
    return [], []
