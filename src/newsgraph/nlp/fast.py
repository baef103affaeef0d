"""Table-driven stand-ins for two of the model's rule components, with identical output.

A trained English pipeline spends a fifth of its parse time in two components
that learn nothing: the attribute ruler (a ``Matcher`` of some 180 one- and
two-token rules that map tags to coarse POS and morphology) and the rule
lemmatizer. Both create a Python ``Token`` per token and do their work one
token at a time. The stand-ins read and write whole columns with
``Doc.to_array``/``Doc.from_array``:

* :class:`ArrayAttributeRuler` evaluates each rule's token tests as NumPy
  masks and applies the rules in the ruler's order (a later rule overwrites an
  earlier one, as in spaCy), all matches taken on the annotations before any
  rule ran, as the ``Matcher`` does;
* :class:`CachedLemmatizer` asks the model's own lemmatizer once per distinct
  (form, POS, morphology), the key spaCy's rule lemmatizer caches by, and
  fills the lemma column from that cache.

:func:`accelerate` puts them in place of the originals (which stay in the
pipeline, renamed and disabled) only when every rule can be compiled and the
lemmatizer is in rule mode; otherwise the model runs as it came. The output is
the same token for token (``tests/nlp/test_fast.py`` compares every attribute
on real articles), so this is only a speed matter: it can be turned off with
``NEWSGRAPH_SPACY_COMPONENTS=original``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG, intify_attr
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

#: Environment switch: "original" keeps the model's own components.
ENV_SWITCH = "NEWSGRAPH_SPACY_COMPONENTS"
#: Token attributes a rule may test, as spaCy's ``Matcher`` compares them (string values hashed).
_HASHED_TESTS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "ENT_TYPE"})
#: Attributes a rule may set that live on the token only (setting them touches no lexeme).
_SETTABLE = frozenset({POS, TAG, DEP, LEMMA, MORPH})


class Unsupported(ValueError):
    """A rule the array ruler cannot reproduce exactly; the original component is kept."""


@dataclass(frozen=True)
class _Test:
    """One token test: the attribute's value is (not) among ``values``, or matches ``regex``."""

    attr: int  # attribute id when compiled, then the column of the test array
    values: tuple[int, ...] = ()
    negate: bool = False
    regex: re.Pattern[str] | None = None

    def possible(self, present: set[int]) -> bool:
        """False when the document lacks every accepted value: the rule cannot match."""
        return self.negate or self.regex is not None or not present.isdisjoint(self.values)


@dataclass(frozen=True)
class _Rule:
    patterns: tuple[tuple[tuple[_Test, ...], ...], ...]  # pattern -> token -> tests
    sets: tuple[tuple[int, int], ...]  # (attribute id, then output column; value)
    index: int


def _value(key: str, value: Any) -> int:
    if key == "POS" and isinstance(value, str) and value in POS_IDS:
        return POS_IDS[value]
    if key.startswith("IS_") and isinstance(value, bool):
        return int(value)
    if key in _HASHED_TESTS and isinstance(value, str):
        return get_string_id(value)
    raise Unsupported(f"token test {key}={value!r}")


def _test(key: str, value: Any) -> _Test:
    """A ``Matcher`` token test: a plain value, or ``IN``, ``NOT_IN`` or ``REGEX``; nothing else."""
    key = key.upper()
    attr = ORTH if key == "TEXT" else intify_attr(key)
    if attr is None:
        raise Unsupported(f"token attribute {key}")
    if not isinstance(value, dict):
        return _Test(attr, (_value(key, value),))
    if len(value) != 1:
        raise Unsupported(f"several operators in {key}: {value!r}")
    ((op, arg),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list):
        return _Test(attr, tuple(_value(key, v) for v in arg), negate=op == "NOT_IN")
    if op == "REGEX" and isinstance(arg, str) and key in _HASHED_TESTS:
        return _Test(attr, regex=re.compile(arg))
    raise Unsupported(f"operator in {key}: {value!r}")


class ArrayAttributeRuler:
    """An ``AttributeRuler``'s rules applied with NumPy masks instead of a ``Matcher``."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        rules: list[_Rule] = []
        for i, attrs in enumerate(ruler.attrs):
            index = ruler.indices[i]
            compiled = []
            for pattern in ruler.matcher.get(str(i))[1]:
                if not pattern or any("OP" in spec for spec in pattern):
                    raise Unsupported(f"rule {i}: empty pattern or operator")
                if not -len(pattern) <= index < len(pattern):
                    raise Unsupported(f"rule {i}: index {index} outside its pattern")
                compiled.append(tuple(tuple(_test(k, v) for k, v in spec.items()) for spec in pattern))
            if set(attrs) - _SETTABLE:
                raise Unsupported(f"rule {i} sets {sorted(attrs)}")
            rules.append(_Rule(tuple(compiled), tuple(attrs.items()), index))
        self.test_attrs = sorted({t.attr for r in rules for p in r.patterns for spec in p for t in spec})
        self.set_attrs = sorted({attr for r in rules for attr, _ in r.sets})
        test_col = {attr: c for c, attr in enumerate(self.test_attrs)}
        set_col = {attr: c for c, attr in enumerate(self.set_attrs)}
        # Columns, not attribute ids, so the per-document loop indexes arrays directly.
        self.rules = [
            _Rule(
                tuple(tuple(tuple(replace(t, attr=test_col[t.attr]) for t in spec) for spec in p) for p in r.patterns),
                tuple((set_col[a], v) for a, v in r.sets),
                r.index,
            )
            for r in rules
        ]
        self._regex_hits: dict[tuple[str, int], bool] = {}

    def _mask(self, test: _Test, column: numpy.ndarray, present: set[int]) -> numpy.ndarray:
        if test.regex is not None:
            pattern = test.regex
            hits = []
            for value in present:
                key = (pattern.pattern, value)
                found = self._regex_hits.get(key)
                if found is None:
                    found = self._regex_hits[key] = bool(pattern.search(self.strings[value]))
                if found:
                    hits.append(value)
            mask = numpy.isin(column, numpy.array(hits, dtype=numpy.uint64))
        elif len(test.values) == 1:
            mask = column == numpy.uint64(test.values[0])
        else:
            mask = numpy.isin(column, numpy.array(test.values, dtype=numpy.uint64))
        return ~mask if test.negate else mask

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0 or not self.rules:
            return doc
        tests = doc.to_array(self.test_attrs).reshape(n, len(self.test_attrs))
        present = [set(numpy.unique(tests[:, c]).tolist()) for c in range(len(self.test_attrs))]
        masks: dict[_Test, numpy.ndarray] = {}
        out = doc.to_array(self.set_attrs).reshape(n, len(self.set_attrs))
        written: set[int] = set()
        # Every rule tests the annotations as they were before any rule ran (the Matcher
        # matches first, then sets); rules apply in order, so a later one overwrites.
        for rule in self.rules:
            for pattern in rule.patterns:
                width = len(pattern)
                if width > n or not all(t.possible(present[t.attr]) for spec in pattern for t in spec):
                    continue
                hits = numpy.ones(n - width + 1, dtype=bool)
                for offset, spec in enumerate(pattern):
                    for test in spec:
                        mask = masks.get(test)
                        if mask is None:
                            mask = masks[test] = self._mask(test, tests[:, test.attr], present[test.attr])
                        hits &= mask[offset : n - width + 1 + offset]
                starts = numpy.flatnonzero(hits)
                if starts.size:
                    targets = starts + (rule.index if rule.index >= 0 else width + rule.index)
                    for col, value in rule.sets:
                        out[targets, col] = value
                        written.add(col)
        if written:
            columns = sorted(written)
            doc.from_array([self.set_attrs[c] for c in columns], out[:, columns])
        return doc


class _IndexList(list):  # type: ignore[type-arg]
    """A word list that answers ``in`` from a set: the rule lemmatizer's index tables are lists of
    up to 57,000 words it scans for every candidate form (some 0.15 ms per new word)."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._members = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._members


class CachedLemmatizer:
    """A rule ``Lemmatizer`` run once per distinct (form, POS, morphology) and applied by column."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule":
            raise Unsupported(f"lemmatizer mode {lemmatizer.mode!r}")
        try:  # the original checks its tables on first use and fails loudly; keep that behaviour
            lemmatizer._validate_tables()
        except ValueError as exc:
            raise Unsupported(str(exc)) from exc
        self.lemmatizer = lemmatizer
        if "lemma_index" in lemmatizer.lookups:
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos, words in list(index.items()):
                if type(words) is list:
                    index[pos] = _IndexList(words)
        self.overwrite = bool(lemmatizer.overwrite)
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        strings = doc.vocab.strings
        lemmatize = self.lemmatizer.lemmatize
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = self.cache.get(key)
            if found is None:
                found = self.cache[key] = strings.add(lemmatize(doc[i])[0])
            lemmas.append(found)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc


@Language.factory("newsgraph_array_attribute_ruler")
def make_array_ruler(nlp: Language, name: str, wraps: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.get_pipe(wraps))


@Language.factory("newsgraph_cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str, wraps: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe(wraps))


#: (component name in trained pipelines, type it must be, factory of its stand-in)
_STAND_INS = (
    ("attribute_ruler", AttributeRuler, "newsgraph_array_attribute_ruler"),
    ("lemmatizer", Lemmatizer, "newsgraph_cached_lemmatizer"),
)


#: Token attributes two parses must share to count as identical (with the morphology and lemma strings).
COMPARED_ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


def same_annotations(a: Doc, b: Doc) -> bool:
    """Whether two parses of one text agree on every compared attribute of every token."""
    return numpy.array_equal(a.to_array(COMPARED_ATTRS), b.to_array(COMPARED_ATTRS)) and [
        (str(t.morph), t.lemma_) for t in a
    ] == [(str(t.morph), t.lemma_) for t in b]


def accelerate(nlp: Language) -> list[str]:
    """Swap in the stand-ins where they reproduce the model exactly; the names of those swapped.

    The original keeps its place, renamed ``spacy_<name>`` and disabled, and the
    stand-in takes its name, so ``nlp.pipe_names`` reads as before.
    """
    if os.environ.get(ENV_SWITCH, "").strip().lower() == "original":
        return []
    swapped = []
    for name, kind, factory in _STAND_INS:
        if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), kind):
            continue
        original = f"spacy_{name}"
        nlp.rename_pipe(name, original)
        try:
            nlp.add_pipe(factory, name=name, after=original, config={"wraps": original})
        except Unsupported:
            nlp.rename_pipe(original, name)
            continue
        nlp.disable_pipe(original)
        swapped.append(name)
    return swapped
