"""The entity stage and attribution read the same abbreviations around a name.

Both derive their lists from ``newsgraph.vocab.names``; these tests fail if either stage adds or
drops an abbreviation on its own, so a title the entity stage reads ("Maj. Hart") is also one whose
full stop attribution does not take for a sentence end, and the other way round.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.extract.attribution import core as attribution_core
from newsgraph.extract.attribution.lexicons import NAME_ABBREVIATIONS
from newsgraph.extract.entities import titles
from newsgraph.extract.entities.lexicons import TITLE_ABBREVIATIONS
from newsgraph.vocab import names

#: A vocabulary with English lexical attributes (``lower_``), for docs built by hand.
VOCAB = spacy.blank("en").vocab
DOTTED_TITLES = sorted(a for a in TITLE_ABBREVIATIONS if a.endswith("."))


def test_every_dotted_title_of_the_entity_stage_is_a_name_abbreviation_of_attribution() -> None:
    assert set(DOTTED_TITLES) <= NAME_ABBREVIATIONS


def test_every_name_abbreviation_is_a_title_an_honorific_a_suffix_or_listed_as_other() -> None:
    others = NAME_ABBREVIATIONS - set(TITLE_ABBREVIATIONS) - set(names.HONORIFICS) - names.NAME_SUFFIX_TOKENS
    assert others == names.OTHER_NAME_ABBREVIATIONS


def test_undotted_titles_are_dotted_ones_without_the_stop() -> None:
    for short, full in names.UNDOTTED_TITLE_ABBREVIATIONS.items():
        assert TITLE_ABBREVIATIONS[short] == TITLE_ABBREVIATIONS[short + "."] == full


@pytest.mark.parametrize("abbreviation", DOTTED_TITLES)
def test_both_stages_read_the_abbreviation_before_a_name(abbreviation: str) -> None:
    written = abbreviation.capitalize()
    # attribution: "… said Maj. Hart" is one sentence
    assert not attribution_core._ends_sentence(written, "Hart")
    # entities: the same word is a title head, displayed spelt out
    doc = Doc(VOCAB, words=[written, "Hart"])
    assert titles._is_head(doc[0])
    assert titles._word(doc[0]) == names.TITLE_ABBREVIATIONS[abbreviation]


def test_a_word_that_is_no_abbreviation_still_ends_a_sentence() -> None:
    assert attribution_core._ends_sentence("report.", "Then")
    assert "report." not in NAME_ABBREVIATIONS and "report." not in TITLE_ABBREVIATIONS


def test_the_entity_stage_displays_titles_from_the_shared_list() -> None:
    assert titles.TITLE_ABBREVIATIONS is TITLE_ABBREVIATIONS
    assert all(TITLE_ABBREVIATIONS[a] == full for a, full in names.TITLE_ABBREVIATIONS.items())
