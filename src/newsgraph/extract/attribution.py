"""Attribution: quotes, reported speech, sources."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.record import Attribution, Entity, Source


def attributions(doc: Doc, entities: list[Entity]) -> tuple[list[Source], list[Attribution]]:
    """Sources and attributions of the article (the attribution stage fills this in)."""
    return [], []
