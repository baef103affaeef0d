"""Pronoun and role-description resolution (``entities.coref``) on hand-built parses.

Each Doc is written out token by token (index, word, head, dep, POS, tag, lemma),
so the rules are tested on the parse they are about, whatever model is installed.
"""

from __future__ import annotations

from spacy.tokens import Doc

from _docs import parse
from newsgraph.extract.entities.coref import (
    Anchor,
    PersonInfo,
    resolve_pronouns,
    role_descriptions,
    sentence_ids,
)


def setup(doc: Doc, names: dict[int, list[tuple[int, int]]], genders: dict[int, str | None] | None = None):
    """Anchors, person info, sentence ids and blocked tokens for person ``names`` (group -> token spans)."""
    sents = sentence_ids(doc)
    anchors, blocked = [], set()
    people = {g: PersonInfo(gender=(genders or {}).get(g), count=len(spans)) for g, spans in names.items()}
    for group, spans in names.items():
        for start, end in spans:
            head = doc[start:end].root
            anchors.append(
                Anchor(group=group, token=head.i, sent=sents[head.i], subject=head.dep_ in ("nsubj", "nsubjpass"))
            )
            blocked.update(range(start, end))
    return anchors, people, sents, blocked


def resolved(doc: Doc, names, genders=None) -> dict[str, int]:
    anchors, people, sents, blocked = setup(doc, names, genders)
    return {f"{doc[i].text}@{i}": group for i, group in resolve_pronouns(doc, anchors, people, sents, blocked)}


MARIA_WON_SHE_SMILED = """
0 Maria 1 compound PROPN NNP Maria
1 Lopez 2 nsubj PROPN NNP Lopez
2 won 2 ROOT VERB VBD win
3 . 2 punct PUNCT . .
4 She 5 nsubj PRON PRP she
5 smiled 5 ROOT VERB VBD smile
6 . 5 punct PUNCT . .
"""


def test_pronoun_goes_to_a_person_in_the_previous_sentence():
    doc = parse(MARIA_WON_SHE_SMILED)
    assert resolved(doc, {0: [(0, 2)]}, {0: "female"}) == {"She@4": 0}


def test_pronoun_of_the_other_gender_is_not_resolved():
    doc = parse(MARIA_WON_SHE_SMILED)
    assert resolved(doc, {0: [(0, 2)]}, {0: "male"}) == {}


def test_pronoun_does_not_reach_back_more_than_two_sentences():
    near = parse("""
0 Maria 1 compound PROPN NNP Maria
1 Lopez 2 nsubj PROPN NNP Lopez
2 won 2 ROOT VERB VBD win
3 . 2 punct PUNCT . .
4 Rain 5 nsubj NOUN NN rain
5 fell 5 ROOT VERB VBD fall
6 . 5 punct PUNCT . .
7 She 8 nsubj PRON PRP she
8 smiled 8 ROOT VERB VBD smile
9 . 8 punct PUNCT . .
""")
    assert resolved(near, {0: [(0, 2)]}, {0: "female"}) == {"She@7": 0}
    far = parse("""
0 Maria 1 compound PROPN NNP Maria
1 Lopez 2 nsubj PROPN NNP Lopez
2 won 2 ROOT VERB VBD win
3 . 2 punct PUNCT . .
4 Rain 5 nsubj NOUN NN rain
5 fell 5 ROOT VERB VBD fall
6 . 5 punct PUNCT . .
7 Snow 8 nsubj NOUN NN snow
8 fell 8 ROOT VERB VBD fall
9 . 8 punct PUNCT . .
10 She 11 nsubj PRON PRP she
11 smiled 11 ROOT VERB VBD smile
12 . 11 punct PUNCT . .
""")
    assert resolved(far, {0: [(0, 2)]}, {0: "female"}) == {}


TOM_MET_SAM = """
0 Tom 1 compound PROPN NNP Tom
1 Reed 2 nsubj PROPN NNP Reed
2 met 2 ROOT VERB VBD meet
3 Sam 4 compound PROPN NNP Sam
4 Cole 2 dobj PROPN NNP Cole
5 . 2 punct PUNCT . .
6 He 7 nsubj PRON PRP he
7 smiled 7 ROOT VERB VBD smile
8 . 7 punct PUNCT . .
"""


def test_gender_agreement_beats_subject_preference():
    doc = parse(TOM_MET_SAM)
    # The subject is female here, so "He" can only be the object.
    assert resolved(doc, {0: [(0, 2)], 1: [(3, 5)]}, {0: "female", 1: "male"}) == {"He@6": 1}


def test_subject_is_preferred_over_a_nearer_object():
    doc = parse(TOM_MET_SAM)
    assert resolved(doc, {0: [(0, 2)], 1: [(3, 5)]}, {0: "male", 1: "male"}) == {"He@6": 0}


def test_object_pronoun_is_not_its_own_clauses_subject():
    doc = parse("""
0 Sam 1 compound PROPN NNP Sam
1 Cole 2 nsubj PROPN NNP Cole
2 arrived 2 ROOT VERB VBD arrive
3 . 2 punct PUNCT . .
4 Tom 5 compound PROPN NNP Tom
5 Reed 6 nsubj PROPN NNP Reed
6 praised 6 ROOT VERB VBD praise
7 him 6 dobj PRON PRP he
8 . 6 punct PUNCT . .
""")
    assert resolved(doc, {0: [(0, 2)], 1: [(4, 6)]}, {0: "male", 1: "male"}) == {"him@7": 0}


def test_possessive_pronoun_may_be_its_clauses_subject():
    doc = parse("""
0 Sam 1 compound PROPN NNP Sam
1 Cole 2 nsubj PROPN NNP Cole
2 arrived 2 ROOT VERB VBD arrive
3 . 2 punct PUNCT . .
4 Tom 5 compound PROPN NNP Tom
5 Reed 6 nsubj PROPN NNP Reed
6 praised 6 ROOT VERB VBD praise
7 his 8 poss PRON PRP$ his
8 team 6 dobj NOUN NN team
9 . 6 punct PUNCT . .
""")
    assert resolved(doc, {0: [(0, 2)], 1: [(4, 6)]}, {0: "male", 1: "male"}) == {"his@7": 1}


def test_reflexive_is_bound_by_the_possessor_of_its_infinitives_noun():
    # "Tom Reed praised Sam Cole's decision to defend himself": himself is Sam, not the subject Tom.
    doc = parse("""
0 Tom 1 compound PROPN NNP Tom
1 Reed 2 nsubj PROPN NNP Reed
2 praised 2 ROOT VERB VBD praise
3 Sam 4 compound PROPN NNP Sam
4 Cole 6 poss PROPN NNP Cole
5 's 4 case PART POS 's
6 decision 2 dobj NOUN NN decision
7 to 8 aux PART TO to
8 defend 6 acl VERB VB defend
9 himself 8 dobj PRON PRP himself
10 . 2 punct PUNCT . .
""")
    assert resolved(doc, {0: [(0, 2)], 1: [(3, 5)]}, {0: "male", 1: "male"}) == {"himself@9": 1}


def test_pronoun_in_a_fronted_phrase_looks_ahead_to_the_main_subject():
    doc = parse("""
0 Sam 1 compound PROPN NNP Sam
1 Cole 2 nsubj PROPN NNP Cole
2 arrived 2 ROOT VERB VBD arrive
3 . 2 punct PUNCT . .
4 Before 10 prep ADP IN before
5 his 6 poss PRON PRP$ his
6 speech 4 pobj NOUN NN speech
7 , 10 punct PUNCT , ,
8 Tom 9 compound PROPN NNP Tom
9 Reed 10 nsubj PROPN NNP Reed
10 rested 10 ROOT VERB VBD rest
11 . 10 punct PUNCT . .
""")
    assert resolved(doc, {0: [(0, 2)], 1: [(8, 10)]}, {0: "male", 1: "male"}) == {"his@5": 1}


TOM_SAID_HE_LIED = """
0 Sam 1 compound PROPN NNP Sam
1 Cole 2 nsubj PROPN NNP Cole
2 arrived 2 ROOT VERB VBD arrive
3 . 2 punct PUNCT . .
4 Tom 5 compound PROPN NNP Tom
5 Reed 6 nsubj PROPN NNP Reed
6 said 6 ROOT VERB VBD say
7 , 6 punct PUNCT , ,
8 {open} 6 punct PUNCT `` {open}
9 he 10 nsubj PRON PRP he
10 lied 6 ccomp VERB VBD lie
11 . 10 punct PUNCT . .
12 {close} 6 punct PUNCT '' {close}
"""


def test_pronoun_inside_a_quotation_is_not_its_speaker():
    doc = parse(TOM_SAID_HE_LIED.format(open="“", close="”"))
    assert resolved(doc, {0: [(0, 2)], 1: [(4, 6)]}, {0: "male", 1: "male"}) == {"he@9": 0}


def test_same_pronoun_outside_quotation_marks_may_be_the_speaker():
    # Without quotation marks ("Tom Reed said, -he lied.-") the subject of "said" is the best antecedent.
    doc = parse(TOM_SAID_HE_LIED.format(open="-", close="-"))
    assert resolved(doc, {0: [(0, 2)], 1: [(4, 6)]}, {0: "male", 1: "male"}) == {"he@9": 1}


def test_speaker_after_a_quotation_is_not_someone_named_inside_it():
    # Tom Reed arrived. “Sam Cole lied,” he said.
    doc = parse("""
0 Tom 1 compound PROPN NNP Tom
1 Reed 2 nsubj PROPN NNP Reed
2 arrived 2 ROOT VERB VBD arrive
3 . 2 punct PUNCT . .
4 “ 11 punct PUNCT `` “
5 Sam 6 compound PROPN NNP Sam
6 Cole 7 nsubj PROPN NNP Cole
7 lied 11 ccomp VERB VBD lie
8 , 11 punct PUNCT , ,
9 ” 11 punct PUNCT '' ”
10 he 11 nsubj PRON PRP he
11 said 11 ROOT VERB VBD say
12 . 11 punct PUNCT . .
""")
    assert resolved(doc, {0: [(0, 2)], 1: [(5, 7)]}, {0: "male", 1: "male"}) == {"he@10": 0}


def test_plural_pronouns_are_left_alone():
    doc = parse("""
0 Tom 1 compound PROPN NNP Tom
1 Reed 2 nsubj PROPN NNP Reed
2 arrived 2 ROOT VERB VBD arrive
3 . 2 punct PUNCT . .
4 They 5 nsubj PRON PRP they
5 cheered 5 ROOT VERB VBD cheer
6 . 5 punct PUNCT . .
""")
    assert resolved(doc, {0: [(0, 2)]}, {0: "male"}) == {}


def test_person_of_unknown_gender_takes_the_first_resolved_pronouns_gender():
    doc = parse("""
0 Alex 1 compound PROPN NNP Alex
1 Kim 2 nsubj PROPN NNP Kim
2 won 2 ROOT VERB VBD win
3 . 2 punct PUNCT . .
4 She 5 nsubj PRON PRP she
5 smiled 5 ROOT VERB VBD smile
6 . 5 punct PUNCT . .
7 He 8 nsubj PRON PRP he
8 left 8 ROOT VERB VBD leave
9 . 8 punct PUNCT . .
""")
    anchors, people, sents, blocked = setup(doc, {0: [(0, 2)]}, {0: None})
    pairs = resolve_pronouns(doc, anchors, people, sents, blocked)
    assert pairs == [(4, 0)]
    assert people[0].gender == "female"


# -- role descriptions ---------------------------------------------------------------------------


def roles(doc: Doc, names, person_roles: dict[int, dict[str, bool]], covered_extra=()):
    anchors, people, sents, blocked = setup(doc, names)
    for group, known in person_roles.items():
        people[group].roles = dict(known)
    covered = [i in blocked or i in covered_extra for i in range(len(doc))]
    return role_descriptions(doc, people, anchors, covered, sents)


LEE_THEN_THE_ROLE = """
0 Attorney 1 compound PROPN NNP Attorney
1 General 3 compound PROPN NNP General
2 Ann 3 compound PROPN NNP Ann
3 Lee 4 nsubj PROPN NNP Lee
4 arrived 4 ROOT VERB VBD arrive
5 . 4 punct PUNCT . .
6 The 8 det DET DT the
7 attorney 8 compound NOUN NN attorney
8 general 9 nsubj NOUN NN general
9 spoke 9 ROOT VERB VBD speak
10 . 9 punct PUNCT . .
"""


def test_definite_description_goes_to_the_person_holding_the_title():
    doc = parse(LEE_THEN_THE_ROLE)
    found = roles(doc, {0: [(2, 4)]}, {0: {"attorney general": True}}, covered_extra=(0, 1))
    assert found == [(6, 9, 0)]


def test_description_of_a_role_nobody_holds_is_not_resolved():
    doc = parse(LEE_THEN_THE_ROLE)
    assert roles(doc, {0: [(2, 4)]}, {0: {"governor": True}}, covered_extra=(0, 1)) == []


def test_indefinite_description_is_not_resolved():
    doc = parse(LEE_THEN_THE_ROLE.replace("6 The 8 det DET DT the", "6 An 8 det DET DT an"))
    assert roles(doc, {0: [(2, 4)]}, {0: {"attorney general": True}}, covered_extra=(0, 1)) == []


def test_description_continued_by_an_of_phrase_is_someone_else():
    # "the attorney general of Ohio spoke": a longer phrase, not the role Ann Lee holds.
    doc = parse("""
0 Attorney 1 compound PROPN NNP Attorney
1 General 3 compound PROPN NNP General
2 Ann 3 compound PROPN NNP Ann
3 Lee 4 nsubj PROPN NNP Lee
4 arrived 4 ROOT VERB VBD arrive
5 . 4 punct PUNCT . .
6 The 8 det DET DT the
7 attorney 8 compound NOUN NN attorney
8 general 11 nsubj NOUN NN general
9 of 8 prep ADP IN of
10 Ohio 9 pobj PROPN NNP Ohio
11 spoke 11 ROOT VERB VBD speak
12 . 11 punct PUNCT . .
""")
    assert roles(doc, {0: [(2, 4)]}, {0: {"attorney general": True}}, covered_extra=(0, 1)) == []


def test_description_far_from_its_holder_needs_the_one_fully_titled_holder():
    def doc_with(n: int) -> Doc:
        filler = "".join(
            f"{5 + 3 * k} Rain {6 + 3 * k} nsubj NOUN NN rain\n"
            f"{6 + 3 * k} fell {6 + 3 * k} ROOT VERB VBD fall\n"
            f"{7 + 3 * k} . {6 + 3 * k} punct PUNCT . .\n"
            for k in range(n)
        )
        t = 5 + 3 * n
        return parse(
            "0 Senator 2 compound PROPN NNP Senator\n1 Ann 2 compound PROPN NNP Ann\n2 Lee 3 nsubj PROPN NNP Lee\n"
            "3 arrived 3 ROOT VERB VBD arrive\n4 . 3 punct PUNCT . .\n"
            + filler
            + f"{t} The {t + 1} det DET DT the\n{t + 1} senator {t + 2} nsubj NOUN NN senator\n"
            f"{t + 2} spoke {t + 2} ROOT VERB VBD speak\n{t + 3} . {t + 2} punct PUNCT . .\n"
        )

    near, far = doc_with(1), doc_with(4)
    assert roles(near, {0: [(1, 3)]}, {0: {"senator": True}}, covered_extra=(0,)) == [(8, 10, 0)]
    assert sentence_ids(far)[17] - sentence_ids(far)[2] == 5
    # Far back, only the one person the article gives that full title; a bare role match stays generic.
    assert roles(far, {0: [(1, 3)]}, {0: {"senator": True}}, covered_extra=(0,)) == [(17, 19, 0)]
    assert roles(far, {0: [(1, 3)]}, {0: {"senator": False}}, covered_extra=(0,)) == []


TWO_SENATORS = """
0 Senator 2 compound PROPN NNP Senator
1 Ann 2 compound PROPN NNP Ann
2 Lee 5 nsubj PROPN NNP Lee
3 and 2 cc CCONJ CC and
4 {second} 2 conj PROPN NNP {second}
5 met 5 ROOT VERB VBD meet
6 . 5 punct PUNCT . .
7 The 8 det DET DT the
8 {role} 9 nsubj NOUN NN {role}
9 spoke 9 ROOT VERB VBD speak
10 . 9 punct PUNCT . .
"""


def test_among_equal_role_holders_the_most_recently_mentioned_wins():
    doc = parse(TWO_SENATORS.format(second="Kim", role="senator"))
    found = roles(doc, {0: [(1, 3)], 1: [(4, 5)]}, {0: {"senator": True}, 1: {"senator": True}}, covered_extra=(0,))
    assert found == [(7, 9, 1)]


def test_full_title_match_beats_a_bare_role_match():
    # Lee is titled "Ambassador"; Kim is a "Russian Ambassador" (role "ambassador"): "the ambassador" is Lee.
    doc = parse(TWO_SENATORS.format(second="Kim", role="ambassador"))
    person_roles = {0: {"ambassador": True}, 1: {"russian ambassador": True, "ambassador": False}}
    assert roles(doc, {0: [(1, 3)], 1: [(4, 5)]}, person_roles, covered_extra=(0,)) == [(7, 9, 0)]


def test_open_role_goes_to_the_untitled_person_not_the_titled_one():
    doc = parse(TWO_SENATORS.format(second="Kim", role="candidate"))
    found = roles(doc, {0: [(1, 3)], 1: [(4, 5)]}, {0: {"senator": True}}, covered_extra=(0,))
    assert found == [(7, 9, 1)]


def test_open_role_is_not_given_to_a_titled_person():
    doc = parse(TWO_SENATORS.format(second="Kim", role="candidate"))
    person_roles = {0: {"senator": True}, 1: {"mayor": True}}
    assert roles(doc, {0: [(1, 3)], 1: [(4, 5)]}, person_roles, covered_extra=(0,)) == []
