"""The array attribute ruler and cached lemmatizer must give exactly the model's own output."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newsgraph.evaluate.corpora import default_corpus_dir, mixed
from newsgraph.ingest import decode_bytes
from newsgraph.nlp import fast, pipeline


def test_same_annotations_sees_one_differing_lemma_tag_or_morphology(nlp):
    text = "The senators were arguing about the budgets."
    assert fast.same_annotations(nlp(text), nlp(text))
    for change in (lambda t: setattr(t, "lemma_", "x"), lambda t: setattr(t, "tag_", "NN"),
                   lambda t: t.set_morph("Number=Plur")):
        doc = nlp(text)
        change(doc[2])
        assert not fast.same_annotations(nlp(text), doc)


@pytest.mark.skipif(not default_corpus_dir().exists(), reason="../shared/corpus not available")
def test_accelerated_model_annotates_real_articles_exactly_like_the_model():
    items = [d.item for d in mixed(40)]
    texts = [i.text if i.text is not None else decode_bytes(i.data or b"", i.where) for i in items]
    original = pipeline.load_model()
    accelerated = pipeline.load_model()
    assert fast.accelerate(accelerated) == ["attribute_ruler", "lemmatizer"]
    assert accelerated.pipe_names == original.pipe_names
    compared = 0
    for a, b in zip(original.pipe(texts), accelerated.pipe(texts), strict=True):
        assert fast.same_annotations(a, b), a.text[:80]
        compared += len(a)
    assert compared > 10_000


def _tagged(nlp: spacy.Language, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    heads = [0] * len(words)  # every token attached to the first: enough for DEP tests
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past|VerbForm=Fin"}},
    # a later rule overwrites an earlier one on the same token
    {"patterns": [[{"TAG": "NN", "LOWER": "ban"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"LOWER": {"IN": ["the", "a"]}}]], "attrs": {"POS": "DET", "LEMMA": "det"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"POS": "PART", "LEMMA": "not"}},
    {"patterns": [[{"TAG": "VBD", "DEP": {"NOT_IN": ["ROOT"]}}]], "attrs": {"MORPH": "VerbForm=Part"}},
    {"patterns": [[{"LOWER": "did"}, {"LOWER": "n't"}]], "attrs": {"LEMMA": "do"}, "index": 0},
    {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"TAG": "NNP"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "DEP": "dep"}},
]


@pytest.fixture()
def blank_with_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add_patterns(RULES)
    return nlp


def test_array_ruler_matches_the_attribute_ruler_on_hand_made_rules(blank_with_ruler):
    ruler = blank_with_ruler.get_pipe("attribute_ruler")
    array_ruler = fast.ArrayAttributeRuler(ruler)
    sentences = [
        (
            ["The", "ban", "did", "n't", "last", "\n\n", "a", "ban", "ended"],
            ["DT", "NN", "VBD", "RB", "VB", "_SP", "DT", "NN", "VBD"],
            ["det", "ROOT", "aux", "neg", "conj", "dep", "det", "nsubj", "conj"],
        ),
        (
            ["Officials", "said", "the", "vote", "failed"],
            ["NNS", "VBD", "DT", "NN", "VBD"],
            ["nsubj", "ROOT", "det", "nsubj", "ccomp"],
        ),
    ]
    for words, tags, deps in sentences:
        expected = ruler(_tagged(blank_with_ruler, words, tags, deps))
        got = array_ruler(_tagged(blank_with_ruler, words, tags, deps))
        assert fast.same_annotations(expected, got)
    # the hand-made rules did fire: a later rule won, an IN, a REGEX and a two-token rule applied
    doc = array_ruler(_tagged(blank_with_ruler, *sentences[0]))
    assert [doc[1].pos_, doc[1].tag_, doc[7].pos_] == ["PROPN", "NNP", "PROPN"]
    assert [doc[0].lemma_, doc[3].lemma_, doc[2].lemma_, str(doc[8].morph)] == ["det", "not", "do", "VerbForm=Part"]


def test_a_rule_the_array_ruler_cannot_reproduce_keeps_the_original(blank_with_ruler):
    blank_with_ruler.get_pipe("attribute_ruler").add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    assert fast.accelerate(blank_with_ruler) == []
    assert isinstance(blank_with_ruler.get_pipe("attribute_ruler"), AttributeRuler)
    assert blank_with_ruler.pipe_names == ["attribute_ruler"] and not blank_with_ruler.disabled


def test_accelerate_can_be_switched_off(monkeypatch, blank_with_ruler):
    monkeypatch.setenv(fast.ENV_SWITCH, "original")
    assert fast.accelerate(blank_with_ruler) == []
    monkeypatch.delenv(fast.ENV_SWITCH)
    assert fast.accelerate(blank_with_ruler) == ["attribute_ruler"]
    assert isinstance(blank_with_ruler.get_pipe("attribute_ruler"), fast.ArrayAttributeRuler)
    assert blank_with_ruler.disabled == ["spacy_attribute_ruler"]


def test_lemmatizer_index_lists_answer_membership_like_lists():
    words = ["run", "walk", "talk"]
    index = fast._IndexList(words)
    assert list(index) == words and "walk" in index and "swim" not in index


def test_lookup_lemmatizer_is_not_replaced():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    with pytest.raises(fast.Unsupported):
        fast.CachedLemmatizer(lemmatizer)


def test_rule_lemmatizer_without_its_tables_is_not_replaced():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "rule"})  # never initialised: no lookup tables
    assert fast.accelerate(nlp) == []
    assert not isinstance(nlp.get_pipe("lemmatizer"), fast.CachedLemmatizer)


def test_newsgraph_pipeline_runs_the_stand_ins(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), fast.ArrayAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), fast.CachedLemmatizer)
    doc = nlp("The senators were arguing about the budgets.")
    assert [t.lemma_ for t in doc][:4] == ["the", "senator", "be", "argue"]
