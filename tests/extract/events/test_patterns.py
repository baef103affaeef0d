"""How the CAMEO patterns are matched on a clause, and the context rules around them (``events.cameo``, ``coding``).

Hand-built parses of invented sentences. Expected codes are read from the converted
tables (``cameo.match``, ``cameo.plover``) or follow the rules of docs/events.md:
a phrasal verb is a verb of its own block, a time phrase is no pattern condition,
an object's modifiers make a pattern more specific, a hostile act on a condition is
a threat, and what a party says a state must do is its demand.
"""

from __future__ import annotations

from _docs import parse
from newsgraph.extract.events import build_dictionaries, cameo
from newsgraph.extract.events.coding import code_event


def coded(doc, i: int):
    found = code_event(doc[i], doc[i].lemma_)
    return None if found is None else (found.type, found.cameo)


CALLED_OFF = """
0 The 1 det DET DT the
1 union 2 nsubj NOUN NN union
2 called 2 ROOT VERB VBD call
3 off 2 prt ADP RP off
4 the 5 det DET DT the
5 strike 2 dobj NOUN NN strike
6 . 2 punct PUNCT . .
"""


def test_a_phrasal_verb_is_matched_in_its_own_block():
    # "+CALL_OFF" is listed in the CANCEL block, whose patterns know "* STRIKE"; CALL's "* STRIKE" is a call to strike.
    feats = cameo.features(parse(CALLED_OFF)[2])
    own = cameo.match("call off", feats)
    assert own is not None and own[1] >= 1
    assert own != cameo.match("call", feats)
    assert coded(parse(CALLED_OFF), 2) == (cameo.plover(own[0])[0], own[0])


def test_phrasal_verbs_are_converted_as_verbs_of_their_block(tmp_path):
    source = tmp_path / "verbs.txt"
    source.write_text(
        "####### VERB PATTERNS #######\n"
        "---  CANCEL   [---]  ---\n"
        "+CALL_OFF [160]\n"
        "HALT\n"
        "- * STRIKE                                            [082]         # HALT\n",
        encoding="utf-8",
    )
    lines = build_dictionaries.build_verbs(source)
    assert "V\tcall off\t1\t160" in lines
    assert "P\t1\tobj:strike\t082" in lines
    assert not any(line.startswith("P\t1\tp:off") for line in lines)  # no longer a pattern of every CANCEL verb


def test_a_time_phrase_is_no_pattern_condition():
    doc = parse("""
0 Rebels 1 nsubj NOUN NNS rebel
1 struck 1 ROOT VERB VBD strike
2 on 1 prep ADP IN on
3 Tuesday 2 pobj PROPN NNP Tuesday B-DATE
4 . 1 punct PUNCT . .
""")
    assert cameo.features(doc[1]) == frozenset()


def test_object_modifiers_are_conditions():
    doc = parse("""
0 Chad 1 nsubj PROPN NNP Chad B-GPE
1 withdrew 1 ROOT VERB VBD withdraw
2 its 4 poss PRON PRP$ its
3 peacekeeping 4 compound NOUN NN peacekeeping
4 forces 1 dobj NOUN NNS force
5 . 1 punct PUNCT . .
""")
    assert {"obj:forces", "mod:peacekeeping"} <= cameo.features(doc[1])
    assert build_dictionaries._conditions("* {PEACEKEEPING FORCES}", {}) == [["obj:forces", "mod:peacekeeping"]]
    assert build_dictionaries._conditions("* {STATE OF EMERGENCY}", {}) == [["obj:emergency"]]


HALT_IF = """
0 The 1 det DET DT the
1 bloc 3 nsubj NOUN NN bloc
2 may 3 aux AUX MD may
3 halt 3 ROOT VERB VB halt
4 aid 3 dobj NOUN NN aid
5 if 7 mark SCONJ IN if
6 talks 7 nsubj NOUN NNS talk
7 fail 3 advcl VERB VBP fail
8 . 3 punct PUNCT . .
"""


def test_a_hostile_act_on_a_condition_is_a_threat():
    code = coded(parse(HALT_IF), 3)
    assert code == ("THREATEN", "130")


def test_without_the_condition_it_keeps_its_type():
    doc = parse(HALT_IF.replace("5 if 7 mark SCONJ IN if", "5 as 7 mark SCONJ IN as"))
    code = coded(doc, 3)
    assert code is not None and code[0] != "THREATEN"


MUST = """
0 Officials 1 nsubj NOUN NNS official
1 said 1 ROOT VERB VBD say
2 Chile 4 nsubj PROPN NNP Chile B-GPE
3 must 4 aux AUX MD must
4 drop 1 ccomp VERB VB drop
5 the 6 det DET DT the
6 tariffs 4 dobj NOUN NNS tariff
7 . 1 punct PUNCT . .
"""


def test_what_a_state_must_do_is_a_demand_on_it():
    assert coded(parse(MUST), 4) == ("REQUEST", "100")


def test_what_a_company_must_do_is_no_demand():
    doc = parse(MUST.replace("2 Chile 4 nsubj PROPN NNP Chile B-GPE", "2 banks 4 nsubj NOUN NNS bank"))
    assert coded(doc, 4) is None


def test_an_intention_verb_takes_an_infinitive_the_parser_hung_as_a_purpose():
    doc = parse("""
0 Rebels 2 nsubj NOUN NNS rebel
1 have 2 aux AUX VBP have
2 sworn 2 ROOT VERB VBN swear
3 to 4 aux PART TO to
4 attack 2 advcl VERB VB attack
5 the 6 det DET DT the
6 capital 4 dobj NOUN NN capital
7 . 2 punct PUNCT . .
""")
    code = coded(doc, 2)
    assert code is not None and code[0] == "THREATEN"


def test_a_hand_entry_for_the_complement_beats_the_event_noun_of_a_support_verb():
    doc = parse("""
0 Settlers 1 nsubj NOUN NNS settler
1 set 1 ROOT VERB VBD set
2 fire 1 dobj NOUN NN fire
3 to 1 prep ADP IN to
4 offices 3 pobj NOUN NNS office
5 . 1 punct PUNCT . .
""")
    assert coded(doc, 1) == ("COERCE", "1712")  # the hand table's "set obj:fire", not the noun "fire" (opened fire)
