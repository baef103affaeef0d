"""``newsgraph.nlp.conll_ner``: the CoNLL-trained component, shipped in the package, combined with the model's NER."""

from __future__ import annotations

import logging

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.nlp import conll_ner, pipeline
from newsgraph.nlp.conll_ner import MODEL_ENTS_KEY, combine

WORDS = ["Yesterday", "the", "Zorblat", "Institute", "hired", "Mara", "Quint", "at", "Dunmere", "Hall", "in",
         "Lyon", "for", "the", "Arlow", "Cup", "and", "three", "Welsh", "clubs", "."]


def _doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS)


def _spans(doc: Doc, *triples: tuple[int, int, str]) -> list[Span]:
    return [Span(doc, start, end, label=label) for start, end, label in triples]


def _as_triples(spans: list[Span]) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in spans]


@pytest.mark.parametrize(
    ("model", "conll", "expected"),
    [
        # The component finds what the model missed, and its type wins over a place.
        ([(11, 12, "GPE")], [(2, 4, "ORG"), (11, 12, "ORG")], [("Zorblat Institute", "ORG"), ("Lyon", "ORG")]),
        # Both name a person or an organisation on the same tokens: the model's word decides.
        ([(5, 7, "ORG")], [(5, 7, "PER")], [("Mara Quint", "ORG")]),
        # One type over overlapping tokens: the model's boundaries stand.
        ([(1, 4, "ORG"), (5, 6, "PERSON")], [(2, 4, "ORG"), (5, 7, "PER")],
         [("the Zorblat Institute", "ORG"), ("Mara", "PERSON")]),
        # Types CoNLL lacks stay: DATE, CARDINAL, NORP, also over the component's span.
        ([(0, 1, "DATE"), (17, 18, "CARDINAL"), (18, 19, "NORP")], [(2, 4, "ORG"), (18, 19, "LOC")],
         [("Yesterday", "DATE"), ("Zorblat Institute", "ORG"), ("three", "CARDINAL"), ("Welsh", "NORP")]),
        # A place keeps the model's finer label on the same tokens, else it is a GPE.
        ([(8, 10, "FAC"), (11, 12, "GPE")], [(8, 10, "LOC"), (11, 12, "LOC")],
         [("Dunmere Hall", "FAC"), ("Lyon", "GPE")]),
        ([(8, 9, "PERSON")], [(8, 10, "LOC")], [("Dunmere Hall", "GPE")]),
        # A place the model calls an ORG on the same tokens is an ORG (the institution that speaks).
        ([(8, 10, "ORG")], [(8, 10, "LOC")], [("Dunmere Hall", "ORG")]),
        ([(13, 16, "ORG")], [(14, 16, "LOC")], [("the Arlow Cup", "ORG")]),  # "the" aside; the model's bounds
        # Where the component finds no name there is none; the types CoNLL lacks stay.
        ([(11, 12, "GPE"), (5, 7, "PERSON"), (18, 19, "NORP")], [], [("Welsh", "NORP")]),
        # MISC itself is never written.
        ([], [(14, 16, "MISC")], []),
    ],
)
def test_combine(model, conll, expected):
    doc = _doc()
    assert _as_triples(combine(_spans(doc, *model), _spans(doc, *conll))) == expected


@pytest.mark.parametrize(
    ("model", "conll", "expected"),
    [
        # Kept where the component says nothing ...
        ([(11, 12, "GPE")], [], [("Lyon", "GPE")]),
        # ... unless it calls the span MISC; a NORP under a MISC stays.
        ([(14, 16, "PERSON"), (18, 19, "NORP")], [(14, 16, "MISC"), (18, 19, "MISC")], [("Welsh", "NORP")]),
    ],
)
def test_combine_keeping_the_models_names(model, conll, expected):
    doc = _doc()
    assert _as_triples(combine(_spans(doc, *model), _spans(doc, *conll), keep_model_names=True)) == expected


def test_a_sentence_opener_and_a_closing_verb_are_not_part_of_a_name():
    words = ["Much", "of", "Cuba", "voted", ".", "Ex", "Official", "Says", "Lyon", "won"]
    pos = ["ADJ", "ADP", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "PROPN", "VERB"]
    starts = [True, False, False, False, False, True, False, False, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, sent_starts=starts)
    combined = combine([], _spans(doc, (0, 3, "PER"), (5, 8, "ORG"), (8, 9, "LOC")))
    assert _as_triples(combined) == [("Cuba", "PERSON"), ("Ex Official", "ORG"), ("Lyon", "GPE")]
    assert combine([], _spans(doc, (0, 2, "ORG"))) == []  # nothing but common words


def test_combined_entities_never_overlap():
    doc = _doc()
    combined = combine(_spans(doc, (1, 4, "ORG"), (4, 7, "PERSON"), (0, 1, "DATE"), (6, 9, "ORG")),
                       _spans(doc, (2, 6, "ORG"), (8, 10, "LOC")))
    doc.set_ents(combined)  # raises on overlaps
    assert _as_triples(combined) == [("Yesterday", "DATE"), ("the Zorblat Institute", "ORG"),
                                     ("Dunmere Hall", "GPE")]


def test_the_weights_ship_in_the_package():
    shipped = conll_ner.shipped()
    assert shipped.meta["labels"] == ["LOC", "MISC", "ORG", "PER"]
    assert "eng.train" in shipped.meta["trained_on"] and "testa" not in shipped.meta["trained_on"]
    assert 100_000 < len(shipped.weights) < 20_000_000
    assert conll_ner.shipped() is shipped  # read once per process


def test_the_pipeline_runs_it_after_the_models_ner(nlp):
    names = nlp.pipe_names
    assert names.index("ner") < names.index("newsgraph_conll_ner") < names.index("newsgraph_entities")


# An invented sentence: an organisation the component must find.
ORG_SENTENCE = "Shares of Velmora Mining fell on Tuesday after the company warned on profits, its chief Ada Brenn said."


def test_it_labels_an_invented_organisation_and_keeps_the_models_entities(nlp):
    doc = nlp(ORG_SENTENCE)
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("Velmora Mining", "ORG") in ents and ("Ada Brenn", "PERSON") in ents
    assert ("Tuesday", "DATE") in ents  # the model's own DATE survives
    assert any(e.label_ == "DATE" for e in doc.spans[MODEL_ENTS_KEY])
    entities = {e.name: e.type for e in doc._.ng_entities}
    assert entities.get("Velmora Mining") == "ORG"


def test_it_needs_nothing_from_the_model():
    blank = spacy.blank("en")
    assert conll_ner.add_to(blank)
    doc = blank(ORG_SENTENCE)
    assert ("Velmora Mining", "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_a_model_of_another_language_keeps_its_own_ner_with_a_note(caplog):
    german = spacy.blank("de")
    with caplog.at_level(logging.WARNING, logger="newsgraph"):
        assert not conll_ner.add_to(german)
    assert "newsgraph_conll_ner" not in german.pipe_names
    assert "CoNLL NER component not used" in caplog.text and "'de'" in caplog.text


def test_missing_weights_leave_the_models_ner_standing_or_raise_in_strict_mode(monkeypatch, caplog):
    monkeypatch.setattr(conll_ner, "WEIGHTS_FILE", "no-such-weights.bin")
    conll_ner.shipped.cache_clear()
    try:
        with pytest.raises(FileNotFoundError):
            conll_ner.add_to(spacy.blank("en"))
        monkeypatch.setenv("NEWSGRAPH_STRICT", "0")
        english = spacy.blank("en")
        with caplog.at_level(logging.WARNING, logger="newsgraph"):
            assert not conll_ner.add_to(english)
        assert "newsgraph_conll_ner" not in english.pipe_names and "cannot be loaded" in caplog.text
    finally:
        monkeypatch.undo()
        conll_ner.shipped.cache_clear()


@pytest.mark.parametrize(("value", "added"), [("off", False), ("0", False), ("", True), ("on", True)])
def test_the_switch(monkeypatch, value, added):
    monkeypatch.setenv("NEWSGRAPH_CONLL_NER", value)
    assert conll_ner.enabled_by_env() is added


def test_load_without_it():
    assert "newsgraph_conll_ner" not in pipeline.load(conll_ner=False, components=()).pipe_names


def test_a_person_after_an_honorific_stays_when_the_component_misses_it():
    doc = Doc(spacy.blank("en").vocab, words=["Mr", "Dale", "met", "Orla", "Finn", "."])
    combined = combine(_spans(doc, (1, 2, "PERSON"), (3, 5, "PERSON")), [])
    assert _as_triples(combined) == [("Dale", "PERSON")]  # "Orla Finn" has no honorific: the component decides
