"""Entities: typed, grouped, with titles and resolved mentions."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.record import Entity, Mention

#: spaCy labels kept as entities (numbers, dates and the like are not).
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


def entities(doc: Doc) -> list[Entity]:
    """Named entities grouped by their surface form."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        key = (ent.label_, ent.text.lower())
        groups.setdefault(key, []).append(
            Mention(start=ent.start_char, end=ent.end_char, text=ent.text, kind="name")
        )
    out = []
    for i, ((label, _), mentions) in enumerate(sorted(groups.items(), key=lambda kv: -len(kv[1])), 1):
        out.append(Entity(id=f"e{i}", name=mentions[0].text, type=label, mentions=mentions))
    return out
