"""Round 11: the ranker's ``governing_subject`` feature, on hand-built parses of invented sentences.

A pronoun inside the clause of a subject ("Acme has cut its costs after a ruling by Zenith") most often
stands for that subject, not for a nearer name after a preposition; the feature marks the candidate whose
mention is the subject of a head above the pronoun, in the pronoun's own sentence.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extract.entities._lookup import owner
from newsgraph.extract.entities import ranking
from newsgraph.extract.entities.core import entities


def _options(doc: Doc, pronoun: int, owners: dict[int, int], sents: list[int]) -> dict[int | None, dict[str, float]]:
    context = ranking.DocContext(doc, sents)
    context.add_mentions(owners)
    candidates = {g: ranking.CandidateInfo(label="ORG", count=1) for g in set(owners.values())}
    options = ranking.options_for(doc[pronoun], pronoun, context, candidates, None, {}, set(), set(), None)
    return {o.group: o.features for o in options}


def _cut_its_costs() -> Doc:
    """ "Acme cut costs after a ruling by Zenith on its plants ." — Acme the subject, Zenith a pobj."""
    words = ["Acme", "cut", "costs", "after", "a", "ruling", "by", "Zenith", "on", "its", "plants", "."]
    heads = [1, 1, 1, 1, 5, 3, 5, 6, 5, 10, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj", "prep", "poss", "pobj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "ADP", "PRON", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "NNS", "IN", "DT", "NN", "IN", "NNP", "IN", "PRP$", "NNS", "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_the_subject_above_the_pronoun_governs_it_and_a_name_after_a_preposition_does_not():
    doc = _cut_its_costs()
    by_group = _options(doc, 9, {0: 0, 7: 1}, [0] * len(doc))
    assert by_group[0]["governing_subject"] == 1.0
    assert by_group[1]["governing_subject"] == 0.0
    assert "governing_subject" not in by_group[None]


def test_a_subject_of_an_earlier_sentence_does_not_govern():
    """ "Acme grew . Zenith cut its costs ." — Acme is a subject, but of another sentence."""
    words = ["Acme", "grew", ".", "Zenith", "cut", "its", "costs", "."]
    heads = [1, 1, 1, 4, 4, 6, 4, 4]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "poss", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PRON", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", ".", "NNP", "VBD", "PRP$", "NNS", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              sent_starts=[1, 0, 0, 1, 0, 0, 0, 0])
    by_group = _options(doc, 5, {0: 0, 3: 1}, [0, 0, 0, 1, 1, 1, 1, 1])
    assert by_group[0]["governing_subject"] == 0.0
    assert by_group[1]["governing_subject"] == 1.0


# -- market and news-wire groups as group nouns (lexicons.GROUP_NOUNS, round 11) -------------------------


def test_their_for_repeated_creditors_is_the_creditors(parse):
    """A noun for people named three times becomes an unnamed group only if it is a listed group noun."""
    text = ("Creditors met in Lyon on Friday. The firm owes creditors 40 million euros. "
            "The creditors want a new board. On Monday their lawyers filed a claim.")
    found = entities(parse(text))
    their = owner(found, "their", text.index("their"))
    assert their is not None and their.name.endswith("creditors")
