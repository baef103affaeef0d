"""Reported-speech finders (``attribution.reported``) on hand-built parses.

Each finder yields claims as character spans; the tests read them back as text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from _docs import VOCAB, parse
from newsgraph.extract.attribution.reported import (
    according_to_claims,
    channel_claims,
    headline_claims,
    noun_claims,
    speaker_of,
    verb_claims,
)


def read(doc: Doc, claims) -> list[dict]:
    """Claims as text: content, cue, speaker word, kind."""
    text = doc.text
    return [
        {
            "content": text[c.content[0] : c.content[1]],
            "cue": text[c.cue[0] : c.cue[1]] if c.cue else None,
            "speaker": c.speaker.text if c.speaker is not None else None,
            "kind": c.kind,
        }
        for c in claims
    ]


SAID_THAT = """
0 Ann 1 compound PROPN NNP Ann B-PERSON
1 Lee 2 nsubj PROPN NNP Lee I-PERSON
2 said 2 ROOT VERB VBD say
3 that 7 mark SCONJ IN that
4 the 5 det DET DT the
5 plant 7 nsubj NOUN NN plant
6 would 7 aux AUX MD would
7 close 2 ccomp VERB VB close
8 . 2 punct PUNCT . .
"""


def test_cue_verb_with_a_clause_reports_the_clause_without_its_complementizer():
    doc = parse(SAID_THAT)
    assert read(doc, verb_claims(doc, [])) == [
        {"content": "the plant would close", "cue": "said", "speaker": "Lee", "kind": "indirect"}
    ]


def test_cue_verb_without_a_clause_reports_nothing():
    doc = parse("""
0 Ann 1 compound PROPN NNP Ann B-PERSON
1 Lee 2 nsubj PROPN NNP Lee I-PERSON
2 said 2 ROOT VERB VBD say
3 nothing 2 dobj PRON NN nothing
4 . 2 punct PUNCT . .
""")
    assert list(verb_claims(doc, [])) == []


def test_cue_inside_a_quotation_is_not_a_frame_of_its_own():
    doc = parse(SAID_THAT)
    assert list(verb_claims(doc, [(0, len(doc.text))])) == []


def test_trailing_cue_parsed_as_parataxis_reports_the_rest_of_the_clause():
    doc = parse("""
0 Prices 2 nsubj NOUN NNS price
1 will 2 aux AUX MD will
2 rise 2 ROOT VERB VB rise
3 , 5 punct PUNCT , ,
4 he 5 nsubj PRON PRP he
5 said 2 parataxis VERB VBD say
6 . 2 punct PUNCT . .
""")
    assert read(doc, verb_claims(doc, [])) == [
        {"content": "Prices will rise", "cue": "said", "speaker": "he", "kind": "indirect"}
    ]


def test_passive_report_with_an_agent_reports_its_subject():
    doc = parse("""
0 The 1 det DET DT the
1 offer 4 nsubjpass NOUN NN offer
2 was 4 auxpass AUX VBD be
3 first 4 advmod ADV RB first
4 reported 4 ROOT VERB VBN report
5 by 4 agent ADP IN by
6 the 7 det DET DT the
7 Herald 5 pobj PROPN NNP Herald B-ORG
8 . 4 punct PUNCT . .
""")
    assert read(doc, verb_claims(doc, [])) == [
        {"content": "The offer", "cue": "first reported", "speaker": "Herald", "kind": "indirect"}
    ]


def test_passive_without_an_agent_names_no_report():
    doc = parse("""
0 The 1 det DET DT the
1 offer 3 nsubjpass NOUN NN offer
2 was 3 auxpass AUX VBD be
3 reported 3 ROOT VERB VBN report
4 . 3 punct PUNCT . .
""")
    assert list(verb_claims(doc, [])) == []


def test_coordinated_verb_shares_its_heads_subject():
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 arrived 1 ROOT VERB VBD arrive
2 and 1 cc CCONJ CC and
3 said 1 conj VERB VBD say
4 talks 5 nsubj NOUN NNS talk
5 failed 3 ccomp VERB VBD fail
6 . 1 punct PUNCT . .
""")
    assert speaker_of(doc[3]).text == "Lee"
    assert read(doc, verb_claims(doc, [])) == [
        {"content": "talks failed", "cue": "said", "speaker": "Lee", "kind": "indirect"}
    ]


def test_relative_who_speaks_for_the_noun_it_modifies():
    doc = parse("""
0 Officials 5 nsubj NOUN NNS official
1 who 2 nsubj PRON WP who
2 said 0 relcl VERB VBD say
3 talks 4 nsubj NOUN NNS talk
4 failed 2 ccomp VERB VBD fail
5 left 5 ROOT VERB VBD leave
6 . 5 punct PUNCT . .
""")
    assert speaker_of(doc[2]).text == "Officials"


VOWED_TO = """
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 vowed 1 ROOT VERB VBD vow
2 to 3 aux PART TO to
3 {verb} 1 xcomp VERB VB {lemma}
4 the 5 det DET DT the
5 program 3 dobj NOUN NN program
6 . 1 punct PUNCT . .
"""


def test_promise_reports_its_infinitive():
    doc = parse(VOWED_TO.format(verb="end", lemma="end"))
    (claim,) = read(doc, verb_claims(doc, []))
    assert (claim["cue"], claim["speaker"]) == ("vowed", "Lee")
    assert claim["content"].endswith("end the program")


def test_infinitive_of_mere_speaking_is_no_content():
    doc = parse(VOWED_TO.format(verb="discuss", lemma="discuss"))
    assert list(verb_claims(doc, [])) == []


def test_asked_whether_reports_the_question_without_whether():
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 asked 1 ROOT VERB VBD ask
2 whether 4 mark SCONJ IN whether
3 talks 4 nsubj NOUN NNS talk
4 failed 1 advcl VERB VBD fail
5 . 1 punct PUNCT . .
""")
    assert read(doc, verb_claims(doc, [])) == [
        {"content": "talks failed", "cue": "asked", "speaker": "Lee", "kind": "indirect"}
    ]


# -- according to ------------------------------------------------------------------------------

DEAL_OFF_ACCORDING = """
0 The 1 det DET DT the
1 deal 2 nsubj NOUN NN deal
2 is 2 ROOT AUX VBZ be
3 off 2 advmod ADV RB off
4 , 2 punct PUNCT , ,
5 according 2 prep VERB VBG accord
6 to 5 prep ADP IN to
7 two 8 nummod NUM CD two
8 {noun} 6 pobj NOUN NNS {noun}
9 . 2 punct PUNCT . .
"""


def test_according_to_after_the_claim():
    doc = parse(DEAL_OFF_ACCORDING.format(noun="officials"))
    assert read(doc, according_to_claims(doc, [])) == [
        {"content": "The deal is off", "cue": "according to", "speaker": "officials", "kind": "according_to"}
    ]


def test_according_to_before_the_claim():
    doc = parse("""
0 According 5 prep VERB VBG accord
1 to 0 prep ADP IN to
2 officials 1 pobj NOUN NNS official
3 , 5 punct PUNCT , ,
4 talks 5 nsubj NOUN NNS talk
5 failed 5 ROOT VERB VBD fail
6 . 5 punct PUNCT . .
""")
    assert read(doc, according_to_claims(doc, [])) == [
        {"content": "talks failed", "cue": "According to", "speaker": "officials", "kind": "according_to"}
    ]


def test_according_to_a_plan_is_no_source():
    doc = parse(DEAL_OFF_ACCORDING.format(noun="plans"))
    assert list(according_to_claims(doc, [])) == []


# -- headlines -----------------------------------------------------------------------------------


def headline(first: str, ent: str) -> Doc:
    words = [first, ":", "No", "deal", "on", "taxes", "\n", "Talks", "ended", "."]
    spaces = [False, True, True, True, True, False, False, True, False, False]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[3, 3, 3, 3, 3, 4, 3, 8, 8, 8],
        deps=["nsubj", "punct", "det", "ROOT", "prep", "pobj", "dep", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "PUNCT", "DET", "NOUN", "ADP", "NOUN", "SPACE", "NOUN", "VERB", "PUNCT"],
        tags=["NNP", ":", "DT", "NN", "IN", "NNS", "_SP", "NNS", "VBD", "."],
        lemmas=[first, ":", "no", "deal", "on", "tax", "\n", "talk", "end", "."],
        ents=[ent, "O", "O", "O", "O", "O", "O", "O", "O", "O"],
    )


def test_headline_name_and_colon_attribute_the_line():
    doc = headline("Lee", "B-PERSON")
    assert read(doc, headline_claims(doc, [])) == [
        {"content": "No deal on taxes", "cue": ":", "speaker": "Lee", "kind": "indirect"}
    ]


def test_headline_colon_after_a_word_that_is_no_entity_attributes_nothing():
    doc = headline("Update", "O")
    assert list(headline_claims(doc, [])) == []


# -- cue nouns -----------------------------------------------------------------------------------

CLAIM_THAT = """
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 repeated 1 ROOT VERB VBD repeat
2 {det} 3 {det_dep} {det_pos} {det_tag} {det}
3 claim 1 dobj NOUN NN claim
4 that 8 mark SCONJ IN that
5 the 6 det DET DT the
6 vote 8 nsubjpass NOUN NN vote
7 was 8 auxpass AUX VBD be
8 rigged 3 acl VERB VBN rig
9 . 1 punct PUNCT . .
"""


def test_cue_noun_with_a_possessor_and_that_clause():
    doc = parse(CLAIM_THAT.format(det="his", det_dep="poss", det_pos="PRON", det_tag="PRP$"))
    assert read(doc, noun_claims(doc, [])) == [
        {"content": "the vote was rigged", "cue": "claim", "speaker": "his", "kind": "indirect"}
    ]


def test_cue_noun_of_a_light_verb_takes_the_verbs_subject():
    doc = parse(CLAIM_THAT.format(det="the", det_dep="det", det_pos="DET", det_tag="DT"))
    assert [c["speaker"] for c in read(doc, noun_claims(doc, []))] == ["Lee"]


def test_cue_noun_with_no_one_making_the_claim_is_not_attributed():
    doc = parse(
        CLAIM_THAT.format(det="the", det_dep="det", det_pos="DET", det_tag="DT").replace(
            "repeated 1 ROOT VERB VBD repeat", "doubted 1 ROOT VERB VBD doubt"
        )
    )
    assert list(noun_claims(doc, [])) == []


# -- channels ------------------------------------------------------------------------------------

IN_TWEETS = """
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 attacked 1 ROOT VERB VBD attack
2 the 3 det DET DT the
3 plan 1 dobj NOUN NN plan
4 in 1 prep ADP IN in
5 several 6 amod ADJ JJ several
6 tweets 4 pobj NOUN NNS tweet
7 , 1 punct PUNCT , ,
8 calling 1 advcl VERB VBG call
9 it 11 nsubj PRON PRP it
10 a 11 det DET DT a
11 disaster 8 oprd NOUN NN disaster
12 . 1 punct PUNCT . .
"""


def test_channel_claim_is_the_participle_clause_and_the_channel_is_kept():
    doc = parse(IN_TWEETS)
    claims = list(channel_claims(doc, []))
    assert read(doc, claims) == [
        {"content": "calling it a disaster", "cue": "attacked", "speaker": "Lee", "kind": "indirect"}
    ]
    assert claims[0].channel is not None and claims[0].channel.text == "tweets"


def test_channel_without_a_participle_claim_is_no_claim():
    doc = parse("""
0 Lee 1 nsubj PROPN NNP Lee B-PERSON
1 attacked 1 ROOT VERB VBD attack
2 the 3 det DET DT the
3 plan 1 dobj NOUN NN plan
4 in 1 prep ADP IN in
5 several 6 amod ADJ JJ several
6 tweets 4 pobj NOUN NNS tweet
7 . 1 punct PUNCT . .
""")
    assert list(channel_claims(doc, [])) == []
