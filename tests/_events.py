"""The events stage on its own: a parsed ``Doc`` and the parser's names as entities, no other stage's rules."""

from __future__ import annotations

from newsgraph.record import Entity, Mention

AGENT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def parse(nlp, text: str):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("newsgraph_"):
            doc = proc(doc)
    return doc


def ner_entities(doc) -> list[Entity]:
    groups: dict[str, list[Mention]] = {}
    labels: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ in AGENT_LABELS:
            groups.setdefault(ent.text, []).append(Mention(start=ent.start_char, end=ent.end_char, text=ent.text))
            labels[ent.text] = ent.label_
    return [
        Entity(id=f"e{i}", name=name, type=labels[name], mentions=m) for i, (name, m) in enumerate(groups.items(), 1)
    ]
