"""The PETRARCH-2 dictionaries as converted into ``events/data`` and used by the coder and the actor codes.

Parses are built by hand (``_docs.parse``); the expected codes are read from the
converted tables themselves or from the CAMEO codebook's meaning of a code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _docs import parse
from _paths import SHARED
from newsgraph.extract.events import build_dictionaries, cameo
from newsgraph.extract.events.actors import actor_code
from newsgraph.extract.events.coding import code_event


def svo(verb: str, lemma: str, obj: str, obj_lemma: str, poss: str = "its"):
    """``The company VERB POSS OBJECT .``"""
    return parse(f"""
0 The 1 det DET DT the
1 company 2 nsubj NOUN NN company
2 {verb} 2 ROOT VERB VBD {lemma}
3 {poss} 4 poss PRON PRP$ {poss}
4 {obj} 2 dobj NOUN NNS {obj_lemma}
5 . 2 punct PUNCT . .
""")


def coded(doc, i: int = 2):
    found = code_event(doc[i], doc[i].lemma_)
    return None if found is None else (found.type, found.cameo)


def test_business_cuts_are_not_sanctions():
    assert coded(svo("cut", "cut", "losses", "loss")) is None
    assert coded(svo("cut", "cut", "production", "production")) is None


def test_cutting_ties_is_a_dictionary_pattern():
    code = coded(svo("cut", "cut", "ties", "tie", poss="their"))
    assert code is not None
    assert code[1] == cameo.match("cut", frozenset({"obj:ties"}))[0]
    assert code[0] == cameo.plover(code[1])[0]


def test_a_synonym_block_default_does_not_code_a_verb_alone():
    # "go" sits in the GO_SOMEWHERE block (040, make a visit): "went home" is no visit.
    assert cameo.match("go", frozenset()) is None


def test_plover_mapping_falls_back_to_the_code_prefix():
    assert cameo.plover("190")[0] == "ASSAULT"
    assert cameo.plover("1901") == cameo.plover("190") or cameo.plover("1901") is not None
    assert cameo.plover("999") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Israeli soldiers", "ISRMIL"),
        ("Syrian rebels", "SYRREB"),
        ("the White House", "USAGOV"),
        ("the Justice Department", "USAGOV"),  # from the hand-made override table
        ("Downing Street", "GBRGOV"),
        ("the company", "BUS"),
        ("a man", None),
        ("it", None),
    ],
)
def test_actor_codes_combine_country_and_role(text, code):
    assert actor_code(None, text) == code


def test_office_holders_hold_their_code_within_their_dates():
    from newsgraph.extract.events.context import EntityMention
    from newsgraph.record import Entity, Mention

    m = Mention(start=0, end=12, text="Barack Obama")
    em = EntityMention(Entity(id="e1", name="Barack Obama", type="PERSON", mentions=[m]), m, 0, 2)
    assert actor_code(em, "Barack Obama", "2010-05-01") == "USAGOV"
    assert actor_code(em, "Barack Obama", "2005-05-01") is None  # not in office, not yet an elite code's range


def test_a_person_is_not_read_as_a_country():
    from newsgraph.extract.events.context import EntityMention
    from newsgraph.record import Entity, Mention

    m = Mention(start=0, end=6, text="Jordan")
    em = EntityMention(Entity(id="e1", name="Jordan", type="PERSON", mentions=[m]), m, 0, 1)
    assert actor_code(em, "Jordan") is None


PETRARCH = SHARED / "lexicons" / "petrarch2"
MAPPING = SHARED / "eval-data" / "plover" / "CAMEO2PLOVER-2021.txt"


@pytest.mark.skipif(not PETRARCH.is_dir(), reason="../shared/lexicons/petrarch2 is absent (NEWSGRAPH_SHARED)")
def test_the_shipped_tables_are_what_the_build_script_makes():
    data = Path(build_dictionaries.__file__).parent / "data"
    built = build_dictionaries.build_verbs(PETRARCH / "CAMEO.2.0.txt")
    assert (data / build_dictionaries.VERB_FILE).read_text(encoding="utf-8") == "\n".join(built) + "\n"
    mapping = build_dictionaries.build_mapping(MAPPING)
    assert (data / build_dictionaries.MAPPING_FILE).read_text(encoding="utf-8") == "\n".join(mapping) + "\n"


def test_pattern_conditions_are_read_after_the_verb_only():
    assert build_dictionaries._conditions("- &MILITARY *", {}) is None
    assert build_dictionaries._conditions("* (TO BORDER)", {}) == [["pp:to:border"]]
    assert build_dictionaries._conditions("* OUT {NEW STRATEGY}", {}) == [["p:out", "obj:strategy", "mod:new"]]
    assert build_dictionaries._code("042:043") == "042"
    assert build_dictionaries._code("---") == "-"
