"""Round 12: a possessive "its" goes to the one entity that governs it as the subject of a clause above it.

"Acme cut costs after a ruling by Zenith on its plants": the subject whose clause holds "its" owns the
plants, though a nearer name stands after a preposition. The rule (``ranking.governing_owner``) picks
that subject over the learned weights, for a singular possessive only, and only when exactly one
non-person entity of the right number governs the pronoun. Parses built by hand on invented sentences.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extract.entities import ranking


def _cut_its_costs(pronoun: str = "its", tag: str = "PRP$", dep: str = "poss") -> Doc:
    """ "Acme cut costs after a ruling by Zenith on its plants ." — Acme the subject, Zenith a pobj."""
    words = ["Acme", "cut", "costs", "after", "a", "ruling", "by", "Zenith", "on", pronoun, "plants", "."]
    heads = [1, 1, 1, 1, 5, 3, 5, 6, 5, 10, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj", "prep", dep, "pobj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "ADP", "PRON", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "NNS", "IN", "DT", "NN", "IN", "NNP", "IN", tag, "NNS", "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def _options(doc: Doc, labels: dict[int, str]) -> list[ranking.Option]:
    """The options of the pronoun (token 9), Acme (token 0) being group 0 and Zenith (token 7) group 1."""
    context = ranking.DocContext(doc, [0] * len(doc))
    context.add_mentions({0: 0, 7: 1})
    candidates = {g: ranking.CandidateInfo(label=label, count=1) for g, label in labels.items()}
    return ranking.options_for(doc[9], 9, context, candidates, None, {}, set(), set(), None)


def _nearest_name_ranker() -> ranking.Ranker:
    """Weights that prefer a candidate after a preposition: what the rule must override."""
    features = ("candidate_pobj", "null")
    return ranking.Ranker(features=features, weights=[2.0, 0.5], mean=[0.0, 0.0], scale=[1.0, 1.0],
                          use_for=frozenset({"it"}))


def test_the_governing_organisation_owns_its_over_a_nearer_name():
    options = _options(_cut_its_costs(), {0: "ORG", 1: "ORG"})
    assert ranking.governing_owner(options) == 0
    assert ranking.Ranker.choose(_nearest_name_ranker(), options) == 0


def test_without_the_rule_the_weights_would_take_the_nearer_name():
    options = _options(_cut_its_costs(), {0: "ORG", 1: "ORG"})
    ranker = _nearest_name_ranker()
    best = max(options, key=lambda option: ranker.score(option.features))
    assert best.group == 1


def test_a_governing_person_is_left_to_the_weights():
    options = _options(_cut_its_costs(), {0: "PERSON", 1: "ORG"})
    assert ranking.governing_owner(options) is None


def test_a_plural_possessive_is_left_to_the_weights():
    options = _options(_cut_its_costs("their"), {0: "ORG", 1: "ORG"})
    assert ranking.governing_owner(options) is None


def test_an_object_it_is_left_to_the_weights():
    options = _options(_cut_its_costs("it", "PRP", "pobj"), {0: "ORG", 1: "ORG"})
    assert ranking.governing_owner(options) is None
