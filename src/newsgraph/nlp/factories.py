"""Every spaCy factory newsgraph registers.

Each component calls one plain extractor function (``Doc`` in, typed records
out) and writes its result to one ``doc._`` attribute. Order matters:
entities, then times, then attribution (which links sources to entities), then
events (which use all three).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import extensions as ext
from newsgraph.vocab.layout import is_paragraph_break

if TYPE_CHECKING:
    from newsgraph.nlp.conll_ner import ConllNer


class _StageComponent:
    """Registers the ``doc._`` extensions when created; a subclass runs one stage."""

    def __init__(self, nlp: Language, name: str) -> None:
        ext.register_extensions()
        self.name = name


class EntitiesComponent(_StageComponent):
    def __call__(self, doc: Doc) -> Doc:
        from newsgraph.extract.entities import entities

        setattr(doc._, ext.ENTITIES, entities(doc))
        return doc


class TimesComponent(_StageComponent):
    def __call__(self, doc: Doc) -> Doc:
        from newsgraph.extract.time import time_expressions

        setattr(doc._, ext.TIMES, time_expressions(doc, getattr(doc._, ext.PUBLISHED)))
        return doc


class AttributionComponent(_StageComponent):
    def __call__(self, doc: Doc) -> Doc:
        from newsgraph.extract.attribution import attributions

        sources, attrs = attributions(doc, ext.get_list(doc, ext.ENTITIES))
        setattr(doc._, ext.SOURCES, sources)
        setattr(doc._, ext.ATTRIBUTIONS, attrs)
        return doc


class EventsComponent(_StageComponent):
    def __call__(self, doc: Doc) -> Doc:
        from newsgraph.extract.events import events

        found, relations = events(
            doc,
            ext.get_list(doc, ext.ENTITIES),
            ext.get_list(doc, ext.TIMES),
            ext.get_list(doc, ext.SOURCES),
            ext.get_list(doc, ext.ATTRIBUTIONS),
        )
        setattr(doc._, ext.EVENTS, found)
        setattr(doc._, ext.RELATIONS, relations)
        return doc


@Language.component("newsgraph_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence spans two paragraphs.

    Runs before the parser, which keeps boundaries that are already set. Only
    whitespace tokens are visited (found in one array pass), not every token.
    """
    is_space = doc.to_array([IS_SPACE]).tolist()
    for i in (i for i, space in enumerate(is_space[:-1]) if space and not is_space[i + 1]):
        if is_paragraph_break(doc[i].text):
            doc[i + 1].is_sent_start = True
    return doc


@Language.factory("newsgraph_entities", assigns=[f"doc._.{ext.ENTITIES}"], requires=["doc.ents"])
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent(nlp, name)


@Language.factory("newsgraph_times", assigns=[f"doc._.{ext.TIMES}"])
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent(nlp, name)


@Language.factory(
    "newsgraph_attribution",
    assigns=[f"doc._.{ext.SOURCES}", f"doc._.{ext.ATTRIBUTIONS}"],
    requires=["token.dep"],
)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(nlp, name)


@Language.factory(
    "newsgraph_events",
    assigns=[f"doc._.{ext.EVENTS}", f"doc._.{ext.RELATIONS}"],
    requires=["token.dep"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)


@Language.factory("newsgraph_conll_ner", assigns=["doc.ents", "doc.spans"])
def make_conll_ner(nlp: Language, name: str) -> ConllNer:
    """The CoNLL-trained NER component, combined with the model's own NER (``newsgraph.nlp.conll_ner``)."""
    from newsgraph.nlp.conll_ner import ConllNer

    return ConllNer(nlp, name)


#: The components ``newsgraph.nlp.pipeline.load`` adds, in order.
COMPONENTS: tuple[str, ...] = (
    "newsgraph_entities",
    "newsgraph_times",
    "newsgraph_attribution",
    "newsgraph_events",
)
