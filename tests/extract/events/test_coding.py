"""PLOVER/CAMEO coding (``events.coding``) on hand-built parses.

Expected codes come from the dictionaries themselves (``events/data/*.tsv``) where
the rule is "use the dictionary", and from the context rules of docs/events.md
(intention → AGREE 030 / THREATEN 130, "must" → REQUEST 100, negation drops the
code unless "not VERB" is listed, a stated visit keeps its type).
"""

from __future__ import annotations

from importlib import resources

from spacy.tokens import Doc

from _docs import parse
from newsgraph.extract.events.coding import code_event, codes_verb


def _table(name: str) -> list[list[str]]:
    text = resources.files("newsgraph.extract.events").joinpath("data", name).read_text(encoding="utf-8")
    return [[c.strip() for c in line.split("\t")] for line in text.splitlines() if line.strip() and line[0] != "#"]


def verb_code(verb: str, complement: str = "*") -> tuple[str, str | None, str | None]:
    """(type, mode, CAMEO) the verb dictionary lists for ``verb`` with ``complement``."""
    for cols in _table("plover_verbs.tsv"):
        cols = (cols + [""] * 5)[:5]
        if cols[0] == verb and (cols[1] or "*") == complement:
            return cols[2], cols[3] or None, cols[4] or None
    raise AssertionError(f"{verb} {complement} is not in the dictionary")


def noun_code(noun: str) -> tuple[str, str | None, str | None]:
    for cols in _table("plover_nouns.tsv"):
        cols = (cols + [""] * 4)[:4]
        if cols[0] == noun:
            return cols[1], cols[2] or None, cols[3] or None
    raise AssertionError(f"{noun} is not in the noun dictionary")


def listed(verb: str) -> bool:
    return any(cols[0] == verb for cols in _table("plover_verbs.tsv"))


def code(doc: Doc, verb: int, *, negated: bool = False) -> tuple[str, str | None, str | None] | None:
    found = code_event(doc[verb], doc[verb].lemma_, negated=negated)
    return None if found is None else (found.type, found.mode, found.cameo)


AGREE_030 = ("AGREE", None, "030")


def subject_verb_object(verb: str, lemma: str, obj: str, obj_lemma: str, *, aux: str | None = None) -> Doc:
    """``Lee [aux] VERB the OBJECT .``"""
    if aux is None:
        return parse(f"""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 {verb} 1 ROOT VERB VBD {lemma}
2 the 3 det DET DT the
3 {obj} 1 dobj NOUN NN {obj_lemma}
4 . 1 punct PUNCT . .
""")
    return parse(f"""
0 Lee 2 nsubj PROPN NNP Lee B-PERSON
1 {aux} 2 aux AUX MD {aux}
2 {verb} 2 ROOT VERB VB {lemma}
3 the 4 det DET DT the
4 {obj} 2 dobj NOUN NN {obj_lemma}
5 . 2 punct PUNCT . .
""")


# -- the dictionary --------------------------------------------------------------------------------


def test_verb_takes_its_dictionary_code():
    doc = subject_verb_object("met", "meet", "minister", "minister")
    assert code(doc, 1) == verb_code("meet")


def test_most_specific_complement_wins():
    assert verb_code("accept", "obj:demand") != verb_code("accept")  # the test needs them to differ
    assert code(subject_verb_object("accepted", "accept", "demand", "demand"), 1) == verb_code("accept", "obj:demand")
    assert code(subject_verb_object("accepted", "accept", "offer", "offer"), 1) == verb_code("accept")


def test_phrasal_verb_is_looked_up_with_its_particle():
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 stepped 1 ROOT VERB VBD step
2 down 1 prt ADP RP down
3 . 1 punct PUNCT . .
""")
    assert not listed("step")
    assert code(doc, 1) == verb_code("step down")


def test_verb_outside_the_ontology_is_uncoded():
    doc = subject_verb_object("painted", "paint", "fence", "fence")
    assert not listed("paint")
    assert code(doc, 1) is None
    assert not codes_verb(doc[1])


def test_verb_marked_none_is_deliberately_uncoded():
    doc = subject_verb_object("oversaw", "oversee", "inquiry", "inquiry")
    assert verb_code("oversee")[0] == "none"
    assert code(doc, 1) is None
    assert not codes_verb(doc[1])


def test_codes_verb_tells_a_dictionary_verb():
    assert codes_verb(subject_verb_object("accused", "accuse", "minister", "minister")[1])


def test_support_verb_takes_the_code_of_its_event_noun():
    # "Rebels opened fire": "open" has no entry for this object; the noun carries the event.
    doc = parse("""
0 Rebels 1 nsubj NOUN NNS rebel
1 opened 1 ROOT VERB VBD open
2 fire 1 dobj NOUN NN fire
3 . 1 punct PUNCT . .
""")
    assert code(doc, 1) == noun_code("fire")


def test_support_verb_with_a_plain_object_is_uncoded():
    doc = parse("""
0 Rebels 1 nsubj NOUN NNS rebel
1 opened 1 ROOT VERB VBD open
2 doors 1 dobj NOUN NNS door
3 . 1 punct PUNCT . .
""")
    assert code(doc, 1) is None


# -- negation --------------------------------------------------------------------------------------


def negated(verb: str, lemma: str, obj: str) -> Doc:
    return parse(f"""
0 Lee 3 nsubj PROPN NNP Lee B-PERSON
1 did 3 aux AUX VBD do
2 not 3 neg PART RB not
3 {verb} 3 ROOT VERB VB {lemma}
4 the 5 det DET DT the
5 {obj} 3 dobj NOUN NN {obj}
6 . 3 punct PUNCT . .
""")


def test_negated_verb_with_a_not_entry_takes_it():
    assert code(negated("accept", "accept", "offer"), 3, negated=True) == verb_code("not accept")


def test_negated_verb_without_a_not_entry_is_uncoded():
    # "meet" is coded, but "not meet" is only listed with the object "demand".
    doc = negated("meet", "meet", "minister")
    assert code(doc, 3, negated=True) is None
    assert code(negated("meet", "meet", "demand"), 3, negated=True) == verb_code("not meet", "obj:demand")


# -- intentions, modals, obligation ----------------------------------------------------------------


def intention(verb: str, lemma: str, inner: str, inner_lemma: str, obj: str, obj_lemma: str) -> Doc:
    """``Lee VERB to INNER the OBJ .``"""
    return parse(f"""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 {verb} 1 ROOT VERB VBZ {lemma}
2 to 3 aux PART TO to
3 {inner} 1 xcomp VERB VB {inner_lemma}
4 the 5 det DET DT the
5 {obj} 3 dobj NOUN NNS {obj_lemma}
6 . 1 punct PUNCT . .
""")


def test_cooperative_act_stated_as_an_intention_is_agree():
    assert verb_code("withdraw")[0] == "RETREAT"
    doc = intention("plans", "plan", "withdraw", "withdraw", "troops", "troop")
    assert code(doc, 1) == AGREE_030


def test_the_same_act_done_keeps_its_own_code():
    doc = subject_verb_object("withdrew", "withdraw", "troops", "troop")
    assert code(doc, 1) == verb_code("withdraw")


def test_hostile_act_stated_as_an_intention_is_threaten_with_its_mode():
    kind, mode, _ = verb_code("impose", "obj:sanction")
    assert kind == "SANCTION"
    doc = intention("plans", "plan", "impose", "impose", "sanctions", "sanction")
    assert code(doc, 1) == ("THREATEN", mode, "130")


def test_phase_verb_carries_its_infinitives_code_as_the_act_itself():
    doc = intention("begins", "begin", "impose", "impose", "sanctions", "sanction")
    assert code(doc, 1) == verb_code("impose", "obj:sanction")


def test_infinitive_after_a_verb_with_no_entry_carries_the_code():
    assert not listed("rush")
    doc = intention("rushes", "rush", "impose", "impose", "sanctions", "sanction")
    assert code(doc, 1) == verb_code("impose", "obj:sanction")


def test_modal_makes_a_cooperative_act_an_intention():
    assert verb_code("allow")[0] == "CONCEDE"
    doc = subject_verb_object("allow", "allow", "inspections", "inspection", aux="would")
    assert code(doc, 2) == AGREE_030


def test_future_hostile_act_is_threaten():
    doc = subject_verb_object("attack", "attack", "city", "city", aux="will")
    assert verb_code("attack")[0] == "ASSAULT"
    assert code(doc, 2) == ("THREATEN", verb_code("attack")[1], "130")


def test_readiness_takes_its_infinitives_act_as_an_intention():
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 is 1 ROOT AUX VBZ be
2 ready 1 acomp ADJ JJ ready
3 to 4 aux PART TO to
4 withdraw 2 xcomp VERB VB withdraw
5 troops 4 dobj NOUN NNS troop
6 . 1 punct PUNCT . .
""")
    assert code(doc, 1) == AGREE_030


def test_must_is_a_demand():
    doc = subject_verb_object("withdraw", "withdraw", "troops", "troop", aux="must")
    assert code(doc, 2) == ("REQUEST", None, "100")


# -- visits: stated or announced -------------------------------------------------------------------

WILL_VISIT = """
0 Lee 2 nsubj PROPN NNP Lee B-PERSON
1 will 2 aux AUX MD will
2 visit 2 ROOT VERB VB visit
3 Paris 2 dobj PROPN NNP Paris B-GPE
4 . 2 punct PUNCT . .
"""

VISIT_ANNOUNCED = """
0 Lee 2 nsubj PROPN NNP Lee B-PERSON
1 will 2 aux AUX MD will
2 visit 7 ccomp VERB VB visit
3 Paris 2 dobj PROPN NNP Paris B-GPE
4 , 7 punct PUNCT , ,
5 the 6 det DET DT the
6 embassy 7 nsubj NOUN NN embassy
7 said 7 ROOT VERB VBD say
8 . 7 punct PUNCT . .
"""


def test_visit_the_article_states_keeps_its_type_in_the_future():
    assert code(parse(WILL_VISIT), 2) == verb_code("visit")


def test_visit_announced_by_a_party_is_an_expression_of_intent():
    found = code(parse(VISIT_ANNOUNCED), 2)
    assert found is not None and found[0] == "AGREE"


def test_visit_announced_by_a_party_is_cameo_036():
    assert code(parse(VISIT_ANNOUNCED), 2) == ("AGREE", None, "036")
