"""The learned mention ranker (``ranking.py``): its features, its weights file, and its use on invented text."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from extract.entities._lookup import named, owner
from newsgraph.extract.entities import ranking
from newsgraph.extract.entities.core import entities


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str],
         sent_starts: list[int]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
               sent_starts=sent_starts)


def _two_sentences(pronoun: str, tag: str) -> Doc:
    """ "Acme hired Dale . Then <pronoun> grew ." — Acme subject, Dale object, the pronoun a subject."""
    return _doc(["Acme", "hired", "Dale", ".", "Then", pronoun, "grew", "."],
                [1, 1, 1, 1, 6, 6, 6, 6],
                ["nsubj", "ROOT", "dobj", "punct", "advmod", "nsubj", "ROOT", "punct"],
                ["PROPN", "VERB", "PROPN", "PUNCT", "ADV", "PRON", "VERB", "PUNCT"],
                ["NNP", "VBD", "NNP", ".", "RB", tag, "VBD", "."],
                [1, 0, 0, 0, 1, 0, 0, 0])


def _options(doc: Doc, rule_choice: int | None = 0) -> dict[int | None, dict[str, float]]:
    sents = [0, 0, 0, 0, 1, 1, 1, 1]
    context = ranking.DocContext(doc, sents)
    context.add_mentions({0: 0, 2: 1})  # Acme is group 0, Dale group 1
    candidates = {0: ranking.CandidateInfo(label="ORG", count=1), 1: ranking.CandidateInfo(label="PERSON", count=1)}
    options = ranking.options_for(doc[5], 5, context, candidates, rule_choice, {0: 150.0}, set(), set(), None)
    return {o.group: o.features for o in options}


def test_features_of_it_for_an_organisation_subject_and_a_person_object():
    by_group = _options(_two_sentences("it", "PRP"))
    acme, dale, none = by_group[0], by_group[1], by_group[None]
    assert acme["it_ORG"] == 1.0 and dale["it_PERSON"] == 1.0
    assert acme["previous_sentence"] == 1.0 and acme["same_sentence"] == 0.0
    assert acme["candidate_subject"] == 1.0 and acme["same_role"] == 1.0 and acme["previous_sentence_subject"] == 1.0
    assert dale["candidate_object"] == 1.0 and dale["same_role"] == 0.0 and dale["previous_sentence_subject"] == 0.0
    assert dale["recency_rank"] == 0.0 < acme["recency_rank"]  # Dale is the nearer
    assert acme["number_agrees"] == dale["number_agrees"] == 1.0
    assert acme["rule_choice"] == 1.0 and acme["rule_score"] == pytest.approx(1.5) and "rule_score" not in dale
    assert none["null"] == 1.0 and none["rule_choice"] == 0.0 and none["null_they"] == 0.0


def test_features_of_they_for_a_singular_organisation():
    by_group = _options(_two_sentences("they", "PRP"), rule_choice=None)
    acme, none = by_group[0], by_group[None]
    assert acme["they_ORG"] == 1.0 and acme["number_agrees"] == 0.0 and acme["plural_pronoun_singular_org"] == 1.0
    assert none["null_they"] == 1.0 and none["rule_choice"] == 1.0 and acme["rule_choice"] == 0.0


def test_mention_class():
    doc = _two_sentences("their", "PRP$")
    assert ranking.mention_class(doc[5]) == "they"
    assert ranking.mention_class(doc[0]) == "description"  # not a pronoun: the noun class


def _ranker(weights: dict[str, float]) -> ranking.Ranker:
    names = tuple(weights)
    return ranking.Ranker(features=names, weights=list(weights.values()), mean=[0.0] * len(names),
                          scale=[1.0] * len(names), use_for=frozenset(ranking.CLASSES))


def test_the_best_scored_option_wins():
    options = [ranking.Option(group=3, features={"same_sentence": 1.0}),
               ranking.Option(group=5, features={"previous_sentence": 1.0}),
               ranking.Option(group=None, features={"null": 1.0})]
    assert _ranker({"same_sentence": 2.0, "previous_sentence": 1.0, "null": 0.5}).choose(options) == 3
    assert _ranker({"same_sentence": 2.0, "previous_sentence": 1.0, "null": 3.0}).choose(options) is None
    # standardising: a feature's weight applies to (x - mean) / scale
    scaled = ranking.Ranker(features=("same_sentence",), weights=[1.0], mean=[0.5], scale=[0.5],
                            use_for=frozenset())
    assert scaled.score({"same_sentence": 1.0}) == pytest.approx(1.0)
    assert scaled.score({}) == pytest.approx(-1.0)


def test_the_shipped_weights_load_and_match_the_feature_names():
    data = json.loads(ranking.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(data["features"]) <= set(ranking.FEATURES)
    assert len(data["features"]) == len(data["weights"]) == len(data["mean"]) == len(data["scale"])
    assert set(data["use_for"]) <= set(ranking.CLASSES)
    assert "train_ranker.py" in data["meta"]["command"]
    assert all("report" not in name for name in data["meta"]["trained_on"])  # never a held-out set
    ranker = ranking.Ranker.from_dict(data)
    assert ranker.features == tuple(data["features"])


def test_a_weights_file_that_does_not_match_is_refused():
    with pytest.raises(ValueError):
        ranking.Ranker.from_dict({"features": ["null", "same_sentence"], "weights": [1.0], "mean": [0.0, 0.0],
                                  "scale": [1.0, 1.0]})
    with pytest.raises(ValueError):
        ranking.Ranker.from_dict({"features": ["no_such_feature"], "weights": [1.0], "mean": [0.0], "scale": [1.0]})


def test_off_in_the_environment_keeps_the_rules(monkeypatch):
    monkeypatch.setenv(ranking.ENV_VAR, "off")
    assert ranking.active() is None
    monkeypatch.delenv(ranking.ENV_VAR)
    assert ranking.active() is not None  # the shipped weights


def test_the_ranker_links_the_company_and_its_it_to_the_company_not_the_person(parse):
    text = ("Jo Dale joined Veltrex Corp in 2019. The company said it would hire 200 workers, "
            "and Dale said the plan was sound.")
    doc = parse(text)
    shipped = ranking.Ranker.from_dict(json.loads(ranking.WEIGHTS_PATH.read_text(encoding="utf-8")))
    shipped.use_for = frozenset(ranking.CLASSES)  # the ranker decides every class here, not only the shipped ones
    with ranking.using(shipped), ranking.recording() as decisions:
        found = entities(doc)
    company, person = named(found, "Veltrex Corp"), named(found, "Jo Dale")
    assert owner(found, "it", text.index(" it ") + 1) is company
    assert owner(found, "The company", text.index("The company")) is company
    it = next(d for d in decisions if d.start_char == text.index(" it ") + 1)
    types = {o.features.get("it_PERSON", 0.0) for o in it.options if o.group is not None}
    assert 1.0 in types  # the person was an option, and lost
    assert owner(found, "it", text.index(" it ") + 1) is not person
