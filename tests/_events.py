"""The events stage on its own: a parsed ``Doc`` and the parser's names as entities, no other stage's rules."""

from __future__ import annotations

from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.dates import Dating, date_event
from newsgraph.record import Entity, Mention, TimeExpression

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


def date_of(doc, verb: int, *times: tuple[str, str | None], people: list[Entity] = ()) -> Dating:
    """How the date stage dates the verb at token ``verb`` of a hand-built ``doc``, given ``times`` as
    (words, TIMEX3 value) DATE expressions found in its text, numbered t1, t2 … in order."""
    found = []
    for n, (words, value) in enumerate(times):
        start = doc.text.index(words)
        found.append(TimeExpression(id=f"t{n + 1}", start=start, end=start + len(words), text=words,
                                    type="DATE", value=value))
    ctx = DocContext.build(doc, list(people), found, [], [])
    return date_event(ctx, doc[verb], doc[verb].sent, past=doc[verb].tag_ in ("VBD", "VBN"))
