"""The vocabulary of the parse: labels the model really produces, derived sets, no spaCy on import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsgraph.extract.attribution import lexicons as attribution_lex
from newsgraph.extract.attribution.reported import speaker_of
from newsgraph.extract.entities import lexicons as entities_lex
from newsgraph.extract.entities.coref import _binder
from newsgraph.extract.events import lexicons as events_lex
from newsgraph.vocab import names, parse, pronouns, speech

SRC = Path(__file__).resolve().parents[2] / "src"
#: Every module that defines label sets; a set's kind is the end of its name.
LABEL_MODULES = (parse, entities_lex, attribution_lex, events_lex)


def _label_sets(suffix: str) -> list[tuple[str, frozenset[str]]]:
    """Every module-level set named ``*<suffix>`` in the modules that define label sets."""
    return [
        (f"{module.__name__}.{name}", value)
        for module in LABEL_MODULES
        for name, value in vars(module).items()
        if name.isupper() and name.endswith(suffix) and not name.startswith("_") and isinstance(value, frozenset)
    ]


@pytest.fixture(scope="module")
def model_labels(nlp) -> dict[str, frozenset[str]]:
    """What the loaded English model labels with: dependencies, coarse parts of speech, fine tags."""
    ruler = nlp.get_pipe("attribute_ruler")
    ruler = getattr(ruler, "ruler", ruler)  # the pipeline's array stand-in keeps spaCy's ruler and its patterns
    return {
        "_DEPS": frozenset(nlp.get_pipe("parser").labels),
        "_POS": frozenset(p["attrs"]["POS"] for p in ruler.patterns if "POS" in p["attrs"]),
        "_TAGS": frozenset(nlp.get_pipe("tagger").labels),
    }


@pytest.mark.parametrize("suffix", ["_DEPS", "_POS", "_TAGS"])
def test_label_sets_hold_only_labels_the_model_produces(model_labels, suffix):
    sets = _label_sets(suffix)
    assert len(sets) >= 3  # the scan finds the sets, so an empty pass proves nothing
    allowed = model_labels[suffix] | (parse.OTHER_SCHEME_DEPS if suffix == "_DEPS" else frozenset())
    unknown = {name: sorted(value - allowed) for name, value in sets if value - allowed}
    assert unknown == {}


def test_other_scheme_labels_are_not_the_models_own(model_labels):
    # Else the allowance above would hide a typo that happens to be a real label elsewhere.
    assert not parse.OTHER_SCHEME_DEPS & model_labels["_DEPS"]


def test_label_sets_are_frozensets_of_strings():
    for name, value in vars(parse).items():
        if name.isupper():
            assert isinstance(value, frozenset), name
            assert value and all(isinstance(label, str) for label in value), name


@pytest.mark.parametrize(
    ("derived", "base"),
    [
        (parse.CLAUSE_SUBJECT_DEPS, parse.ACTIVE_SUBJECT_DEPS),
        (parse.TOPIC_SUBJECT_DEPS, parse.CLAUSE_SUBJECT_DEPS),
        (parse.SALIENT_SUBJECT_DEPS, parse.TOPIC_SUBJECT_DEPS),
        (parse.SALIENT_SUBJECT_DEPS, parse.NOMINAL_SUBJECT_DEPS),
        (parse.OBJECT_DEPS, parse.VERB_OBJECT_DEPS),
        (parse.VERB_OR_PREP_OBJECT_DEPS, parse.VERB_OBJECT_DEPS),
        (parse.PREDICATE_COMPLEMENT_DEPS, parse.LIGHT_VERB_COMPLEMENT_DEPS),
        (parse.AUX_OR_NEG_DEPS, parse.AUX_DEPS),
        (parse.PRENOMINAL_DEPS, parse.ADJECTIVAL_DEPS),
        (parse.NOMINAL_OR_PRONOUN_POS, parse.NOMINAL_POS),
        (entities_lex.BINDER_DEPS, parse.NOMINAL_SUBJECT_DEPS),
        (entities_lex.PRENOMINAL_TITLE_LEAD_POS, entities_lex.TITLE_LEAD_POS),
        (attribution_lex.SET_OFF_MODIFIER_DEPS, parse.NOUN_CLAUSE_DEPS),
        (attribution_lex.DESCRIPTION_LEAD_DEPS, parse.DETERMINER_DEPS),
        (events_lex.PHRASE_TRIM_DEPS, events_lex.CLAUSE_TRIM_DEPS),
        (events_lex.ARGUMENT_COMPLEMENT_DEPS, parse.PREDICATE_COMPLEMENT_DEPS),
        (events_lex.RELATION_QUALITY_DEPS, parse.PREDICATE_COMPLEMENT_DEPS),
        (events_lex.ARGUMENT_DEPS, events_lex.RELATION_PARTY_DEPS),
        (events_lex.REPORTING_VERBS, speech.NON_EVENT_SPEECH_VERBS),
        (attribution_lex.CUE_VERBS, speech.PLAIN_SPEECH_VERBS),
        (speech.PLAIN_SPEECH_VERBS, speech.CORE_SPEECH_VERBS),
        (speech.NON_EVENT_SPEECH_VERBS, speech.CORE_SPEECH_VERBS),
        (speech.QUOTE_SPEECH_VERBS, speech.CORE_SPEECH_VERBS),
        (names.SURNAME_PARTICLES, names.NAME_PARTICLES),
        (names.BYLINE_NAME_PARTICLES, names.NAME_PARTICLES),
        (names.NAME_SUFFIX_TOKENS, names.NAME_SUFFIXES),
        (names.NAME_SUFFIX_TOKENS, names.BYLINE_NAME_SUFFIXES),
        (events_lex.PHRASE_TRIM_DEPS, events_lex.PREP_KEEPING_TRIM_DEPS),
        (pronouns.PERSON_PRONOUN_FORMS, pronouns.PERSON_REFLEXIVES),
        (pronouns.REFLEXIVE_PRONOUNS, pronouns.PERSON_REFLEXIVES),
    ],
)
def test_derived_sets_contain_their_bases(derived, base):
    assert base < derived


@pytest.mark.parametrize(
    ("labels", "members"),
    [
        # What each stage's subject test has always accepted: the sets differ on purpose.
        (parse.ACTIVE_SUBJECT_DEPS, {"nsubj", "csubj"}),  # attribution: who speaks
        (parse.CLAUSE_SUBJECT_DEPS, {"nsubj", "csubj", "expl"}),  # events: a clause with a subject of its own
        (parse.SALIENT_SUBJECT_DEPS, {"nsubj", "nsubjpass", "csubj", "agent", "expl"}),  # entities: salience
        (parse.PASSIVE_SUBJECT_DEPS, {"nsubjpass", "csubjpass"}),
        (parse.OBJECT_DEPS, {"dobj", "obj", "dative"}),
    ],
)
def test_subject_and_object_sets_keep_their_members(labels, members):
    assert labels == members


def test_speech_lists_differ_only_where_their_stages_do():
    assert speech.INVERTED_SPEECH_VERBS.isdisjoint(speech.CORE_SPEECH_VERBS)  # forms, not lemmas
    assert "believe" in speech.NON_EVENT_SPEECH_VERBS and "believe" not in speech.QUOTE_SPEECH_VERBS
    assert "reply" in speech.QUOTE_SPEECH_VERBS and "reply" not in speech.NON_EVENT_SPEECH_VERBS


def test_pronoun_sets_keep_the_members_their_stages_read():
    assert {"himself", "herself"} == pronouns.PERSON_REFLEXIVES
    assert {"his", "her", "its", "their", "our", "my", "your"} == pronouns.POSSESSIVE_DETERMINERS
    assert entities_lex.PRONOUNS is pronouns.PERSON_PRONOUN_GENDERS  # still readable where it was


def test_byline_suffixes_leave_out_a_lone_v():
    assert "v" in names.NAME_SUFFIXES and "v" not in names.BYLINE_NAME_SUFFIXES


@pytest.mark.parametrize("module", ["newsgraph.vocab", "newsgraph.vocab.parse", "newsgraph.vocab.names"])
def test_vocabulary_imports_no_spacy(module):
    # ``newsgraph/__init__`` loads the pipeline; stand in for it so only the module itself is imported.
    code = (
        "import sys, types\n"
        f"package = types.ModuleType('newsgraph'); package.__path__ = [{str(SRC / 'newsgraph')!r}]\n"
        "sys.modules['newsgraph'] = package\n"
        f"import {module}\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_stand_in_would_see_spacy():
    # The check above can fail: a module that imports spaCy shows up in its output.
    code = (
        "import sys, types\n"
        f"package = types.ModuleType('newsgraph'); package.__path__ = [{str(SRC / 'newsgraph')!r}]\n"
        "sys.modules['newsgraph'] = package\n"
        "import newsgraph.extract.entities.coref\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


# -- rules on hand-built parses -----------------------------------------------


def test_speaker_of_a_passive_is_its_agent(nlp):
    # "The plan was announced by the mayor": the agent's object speaks.
    words = ["The", "plan", "was", "announced", "by", "the", "mayor"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 3, 3, 3, 3, 6, 4],
              deps=["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj"],
              pos=["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN"])
    assert speaker_of(doc[3]).text == "mayor"


def test_speaker_of_a_relative_clause_is_the_noun_it_modifies(nlp):
    # "officials who said": the relative pronoun (WP) stands for the officials.
    words = ["Officials", "who", "said", "it", "left"]
    doc = Doc(nlp.vocab, words=words, heads=[4, 2, 0, 4, 4],
              deps=["nsubj", "nsubj", "relcl", "nsubj", "ROOT"],
              pos=["NOUN", "PRON", "VERB", "PRON", "VERB"], tags=["NNS", "WP", "VBD", "PRP", "VBD"])
    assert speaker_of(doc[2]).text == "Officials"


def test_a_reflexive_is_bound_by_a_possessor(nlp):
    # "Lee's decision to recuse himself": no subject, so the possessor binds.
    words = ["Lee", "'s", "decision", "to", "recuse", "himself"]
    doc = Doc(nlp.vocab, words=words, heads=[2, 0, 2, 4, 2, 4],
              deps=["poss", "case", "ROOT", "aux", "acl", "dobj"])
    assert _binder(doc[5]) == 0
