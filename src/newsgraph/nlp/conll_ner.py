"""A small NER component trained on CoNLL-2003, combined with the model's own NER.

The small English model types organisations poorly on news (CoNLL-2003 dev ORG F1 0.33 for
its own ``doc.ents``). newsgraph ships a transition-based NER component trained on CoNLL-2003
``eng.train`` only (recipe and figures in ``training/ner/``). It has its own small ``tok2vec``
(the architecture of ``en_core_web_sm``'s NER), so it reads nothing the model computes and
runs after any English model; a head listening to the model's shared ``tok2vec`` would cost
less but fits one model's encoder only, and it learned CoNLL far worse (see
``training/ner/README.md``).

How the two are combined (:func:`combine`), rule by rule as chosen on the 95 early-stopping
documents of ``eng.train`` and checked on the hand-checked mentions of unseen news
(``training/ner/README.md``):

- the component's PER, ORG and LOC spans name the entities of those types; where it finds no
  name there is none (the model's PERSON, ORG and place entities elsewhere give way);
- a tagged common word opening the sentence, or a verb ending the span, is not part of it
  ("Much of Cuba" → "Cuba", a headline's "… Official Says");
- the model's entities of the types CoNLL lacks (DATE, NORP, CARDINAL, MONEY, …) stay, also
  over a component span inside them ("Muslims", "Conservative" stay NORP);
- both a person or an organisation on the same tokens: the model's type ("Opec");
- one kind of entity over overlapping tokens: the model's boundaries ("Nicky Gavron", not
  "Mayor Nicky Gavron");
- a LOC keeps the model's finer place label (GPE, LOC, FAC) on the same tokens (a leading
  "the" aside), is an ORG where the model calls those tokens an ORG (CoNLL tags "White House"
  a place; the record wants the institution that speaks), else a GPE; a place the model typed
  otherwise takes the component's type (CoNLL's sports teams named after cities are ORG).

The model's own entities are kept, untouched, in ``doc.spans["ng_model_ents"]``.

``NEWSGRAPH_CONLL_NER=off`` (or ``load(..., conll_ner=False)``) leaves the model's NER alone; a
model that is not English, or weights this spaCy cannot read, leave it alone too, with one
logged note.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch
from thinc.api import Config

from newsgraph.extract.failures import strict
from newsgraph.settings import CONLL_NER_SWITCH
from newsgraph.vocab.names import HONORIFICS

log = logging.getLogger("newsgraph")

#: The package directory holding the shipped weights and what they were trained on.
DATA_PACKAGE = "newsgraph.nlp.data"
WEIGHTS_FILE = "conll_ner.bin"
META_FILE = "conll_ner.json"
#: Where the model's own entities are kept once the combined ones replace ``doc.ents``.
MODEL_ENTS_KEY = "ng_model_ents"

#: The OntoNotes labels the component's types stand for: the model's entities of these types give way.
DECIDED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: Keep a model PERSON/ORG/place entity where the component found nothing: off, as on the 95
#: early-stopping documents of eng.train dropping them scored higher (training/ner/README.md).
KEEP_MODEL_NAMES = False
#: A span the model gives a type CoNLL lacks (NORP, DATE, …) keeps it: CoNLL's MISC covers
#: nationalities, which the component sometimes calls a place or a person.
MODEL_TYPES_CONLL_LACKS = True
#: Where both name the same tokens, one a person and the other an organisation, the model decides.
PERSON_ORG_FROM_MODEL = True
#: Where both find an entity of one type over overlapping tokens, the model's boundaries stand.
MODEL_BOUNDS_SAME_TYPE = True
#: A place the model calls ORG on the same tokens stays an ORG ("the White House said").
ORG_OVER_PLACE = True
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: The component's labels written to ``doc.ents``, as the OntoNotes labels the entity stage reads.
HEAD_LABELS = {"PER": "PERSON", "ORG": "ORG"}


@dataclass(frozen=True)
class Shipped:
    """The shipped component: its serialised weights and what it was trained on."""

    weights: bytes
    meta: dict


@lru_cache(maxsize=1)
def shipped() -> Shipped:
    """The component's weights and metadata, read from the package once per process."""
    files = resources.files(DATA_PACKAGE)
    weights = files.joinpath(WEIGHTS_FILE).read_bytes()
    meta = json.loads(files.joinpath(META_FILE).read_text(encoding="utf-8"))
    return Shipped(weights, meta)


def enabled_by_env() -> bool:
    """False when ``NEWSGRAPH_CONLL_NER`` is ``off``, ``0``, ``false`` or ``no``."""
    return os.environ.get(CONLL_NER_SWITCH, "").strip().lower() not in ("off", "0", "false", "no")


def why_unusable(nlp: Language) -> str | None:
    """Why the shipped component cannot run after ``nlp`` (None when it can)."""
    if nlp.lang != shipped().meta["lang"]:
        return f"the model's language is {nlp.lang!r}, the CoNLL NER component's {shipped().meta['lang']!r}"
    return None


def _recognizer(nlp: Language) -> EntityRecognizer:
    """A fresh ``EntityRecognizer`` over ``nlp``'s vocab with the shipped weights."""
    from spacy import registry

    data = shipped()
    model = registry.resolve(Config({"model": data.meta["model"]}))["model"]
    recognizer = EntityRecognizer(nlp.vocab, model, name="newsgraph_conll_ner_head")
    recognizer.from_bytes(data.weights, exclude=["vocab"])
    return recognizer


def _name_tokens(span: Span) -> tuple[int, int]:
    """The token range of ``span`` without a leading "the" (OntoNotes includes it, CoNLL not)."""
    start = span.start + 1 if len(span) > 1 and span[0].lower_ == "the" else span.start
    return start, span.end


def _without_sentence_opener(span: Span) -> Span | None:
    """``span`` without the tagged common words that open its sentence ("Much of Cuba" → "Cuba")
    and without the verbs that end it.

    A capitalised sentence opener (or a title-case headline's verb) looks like a name to the
    component; the tagger tells a common word (not PROPN) or a verb from a name. None when
    nothing else is left.
    """
    start = span.start
    if span[0].is_sent_start:
        doc = span.doc
        while start < span.end and doc[start].pos_ and doc[start].pos_ != "PROPN":
            start += 1
    end = span.end
    while end > start and span.doc[end - 1].pos_ in ("VERB", "AUX"):
        end -= 1  # a headline's "… Official Says": no name ends in a verb
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(span.doc, start, end, label=span.label)


def _kind(label: str) -> str:
    return "place" if label in PLACE_LABELS else label


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)


def _after_honorific(ent: Span) -> bool:
    """A model PERSON right after an honorific ("Mr Dale"): the honorific vouches for it, whatever the component."""
    return ent.label_ == "PERSON" and ent.start > 0 and ent.doc[ent.start - 1].lower_ in HONORIFICS


def combine(model_ents: Iterable[Span], conll_ents: Iterable[Span], *,
            keep_model_names: bool = KEEP_MODEL_NAMES) -> list[Span]:
    """The entities to write: the component's PER/ORG/LOC first, the model's where they do not clash.

    ``conll_ents`` carry CoNLL labels (PER, ORG, LOC, MISC); the result carries OntoNotes
    labels, sorted and without overlaps. ``keep_model_names`` keeps a model PERSON/ORG/place
    entity the component left unlabelled.
    """
    model_ents = list(model_ents)
    conll_ents = list(conll_ents)
    decided: list[Span] = []
    for span in conll_ents:
        span = _without_sentence_opener(span)
        if span is None:
            continue
        if MODEL_TYPES_CONLL_LACKS and any(m.label_ not in DECIDED_LABELS and m.start <= span.start
                                           and span.end <= m.end for m in model_ents):
            continue  # "Muslims", "Conservative": the model's NORP (or DATE, …) stands
        same = next((m for m in model_ents if _name_tokens(m) == (span.start, span.end)), None)
        if (PERSON_ORG_FROM_MODEL and same is not None and span.label_ in HEAD_LABELS
                and same.label_ in HEAD_LABELS.values()):
            label = same.label_  # a person or an organisation: the model's word on the same name
        elif span.label_ == "LOC":
            if same is not None and same.label_ in PLACE_LABELS:
                label = same.label_
            elif same is not None and same.label_ == "ORG" and ORG_OVER_PLACE:
                label = "ORG"
            else:
                label = "GPE"
        elif span.label_ in HEAD_LABELS:
            label = HEAD_LABELS[span.label_]
        else:
            continue
        if MODEL_BOUNDS_SAME_TYPE:
            # The model's boundaries where both name an entity of one type over overlapping tokens.
            kin = next((m for m in model_ents if _overlaps(m, [span]) and _kind(m.label_) == _kind(label)), None)
            if kin is not None:
                if not any((d.start, d.end) == (kin.start, kin.end) for d in decided):
                    decided.append(kin)
                continue
        decided.append(Span(span.doc, span.start, span.end, label=label))
    decided = filter_spans(decided)  # a model span taken for its boundaries may overlap another
    misc = [span for span in conll_ents if span.label_ == "MISC"]
    kept = []
    for ent in model_ents:
        if _overlaps(ent, decided):
            continue
        if ent.label_ in DECIDED_LABELS and (not keep_model_names or _overlaps(ent, misc)) \
                and not _after_honorific(ent):
            continue
        kept.append(ent)
    return sorted([*decided, *kept], key=lambda s: (s.start, s.end))


class ConllNer:
    """Runs the CoNLL component after the model's NER and writes the combined entities to ``doc.ents``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.recognizer = _recognizer(nlp)

    def _run(self, docs: list[Doc]) -> None:
        stashed = []
        for doc in docs:
            model_ents = list(doc.ents)
            doc.spans[MODEL_ENTS_KEY] = model_ents
            stashed.append(model_ents)
            doc.set_ents([], default="missing")
        self.recognizer.set_annotations(docs, self.recognizer.predict(docs))
        for doc, model_ents in zip(docs, stashed, strict=True):
            doc.set_ents(combine(model_ents, doc.ents, keep_model_names=KEEP_MODEL_NAMES), default="outside")

    def __call__(self, doc: Doc) -> Doc:
        self._run([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size):
            self._run(batch)
            yield from batch


def add_to(nlp: Language) -> bool:
    """Add the component after ``nlp``'s NER when it can run there; False (with a note) when not.

    A reader must not fail because an optional improvement cannot load, so a missing or
    unreadable weights file leaves the model's NER standing, with a logged note; under
    ``NEWSGRAPH_STRICT`` (the test suite) it raises instead, so a broken package shows.
    """
    try:
        reason = why_unusable(nlp)
        if reason is None:
            nlp.add_pipe("newsgraph_conll_ner", **({"after": "ner"} if "ner" in nlp.pipe_names else {}))
            return True
    except (OSError, ValueError, KeyError) as exc:
        if strict():
            raise
        reason = f"its weights cannot be loaded ({type(exc).__name__}: {exc})"
    log.warning("CoNLL NER component not used, the model's own NER stands: %s", reason)
    return False
