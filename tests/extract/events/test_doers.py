"""Who does a clause when the parse hides it (``events.clauses.agent``, ``pronoun_antecedent``, quoted "I").

Hand-built parses of invented sentences: a dateline's place taken for the subject,
a pronoun taking up a passive subject, an agent or a neighbouring clause's subject,
a relative pronoun hung on a date, clauses on means and texts, and "I" inside a
direct quotation.
"""

from __future__ import annotations

from _docs import tokens
from newsgraph.extract.events.clauses import agent, pronoun_antecedent
from newsgraph.extract.events.core import events
from newsgraph.record import Attribution, Entity, Mention, Source, SourceMention, TextSpan


def test_dateline_place_is_not_the_subject():
    doc = tokens("""
0/Lyon/6/nsubj/PROPN/NNP/B-GPE 1/,/0/punct 2/France/0/conj/PROPN/NNP/B-GPE 3/--/0/punct/PUNCT/:
4/The/5/det/DET/DT 5/team/0/appos/NOUN/NN 6/lost/6/ROOT/VERB/VBD/lose 7/./6/punct
""")
    assert agent(doc[6]).text == "team"


def test_place_subject_without_a_dash_stays_the_subject():
    doc = tokens("""
0/Lyon/3/nsubj/PROPN/NNP/B-GPE 1/,/0/punct 2/France/0/appos/PROPN/NNP/B-GPE
3/won/3/ROOT/VERB/VBD/win 4/./3/punct
""")
    assert agent(doc[3]).text == "Lyon"


def test_they_takes_up_a_passive_subject():
    doc = tokens("""
0/The/1/det/DET/DT 1/players/3/nsubjpass/NOUN/NNS/player 2/were/3/auxpass/AUX/VBD/be
3/cheered/3/ROOT/VERB/VBN/cheer 4/as/6/mark/SCONJ/IN 5/they/6/nsubj/PRON/PRP
6/left/3/advcl/VERB/VBD/leave 7/./3/punct
""")
    assert pronoun_antecedent(doc[5], doc[6]).text == "players"


def test_it_takes_up_the_agent_of_an_act_noun_above_it():
    doc = tokens("""
0/An/1/det/DET/DT 1/effort/1/ROOT/NOUN/NN 2/by/1/prep/ADP/IN 3/Chile/2/pobj/PROPN/NNP/B-GPE
4/to/5/aux/PART/TO 5/show/1/acl/VERB/VB 6/that/8/mark/SCONJ/IN 7/it/8/nsubj/PRON/PRP
8/changed/5/ccomp/VERB/VBD/change 9/./1/punct
""")
    assert pronoun_antecedent(doc[7], doc[8]).text == "Chile"


SAID_PLAN = """
0/Ann/1/compound/PROPN/NNP/B-PERSON 1/Cole/2/nsubj/PROPN/NNP/I-PERSON 2/said/2/ROOT/VERB/VBD/say
3/the/4/det/DET/DT 4/plan/5/nsubj/NOUN/NN 5/was/2/ccomp/AUX/VBD/be 6/rash/5/acomp/ADJ/JJ 7/,/9/punct
8/it/9/nsubj/PRON/PRP 9/lacked/2/ccomp/VERB/VBD/lack 10/support/9/dobj/NOUN/NN 11/./2/punct
"""


def test_it_takes_up_the_subject_of_a_clause_beside_its_own():
    doc = tokens(SAID_PLAN)
    assert pronoun_antecedent(doc[8], doc[9]).text == "plan"


def test_it_never_takes_up_a_person_beside_it():
    doc = tokens(SAID_PLAN.replace("3/the/4/det/DET/DT", "3/Mr/4/compound/PROPN/NNP/B-PERSON").replace(
        "4/plan/5/nsubj/NOUN/NN", "4/Lee/5/nsubj/PROPN/NNP/I-PERSON"))
    assert pronoun_antecedent(doc[8], doc[9]) is None


def test_relative_pronoun_on_a_date_stands_for_the_noun_before_it():
    doc = tokens("""
0/The/1/det/DET/DT 1/agency/2/nsubj/PROPN/NNP 2/publishes/2/ROOT/VERB/VBZ/publish
3/figures/2/dobj/NOUN/NNS/figure 4/on/3/prep/ADP/IN 5/Monday/4/pobj/PROPN/NNP/B-DATE
6/which/8/nsubj/PRON/WDT 7/will/8/aux/AUX/MD 8/show/5/relcl/VERB/VB 9/growth/8/dobj/NOUN/NN
10/./2/punct
""")
    assert agent(doc[8]).text == "figures"


MEASURES = """
0/The/1/det/DET/DT 1/minister/2/nsubj/NOUN/NN 2/unveiled/2/ROOT/VERB/VBD/unveil 3/a/4/det/DET/DT
4/package/2/dobj/NOUN/NN 5/of/4/prep/ADP/IN 6/measures/5/pobj/NOUN/NNS/measure 7/to/8/aux/PART/TO
8/help/6/relcl/VERB/VB 9/farmers/8/dobj/NOUN/NNS/farmer 10/./2/punct
"""


def test_infinitive_on_a_means_is_done_by_whoever_has_it():
    assert agent(tokens(MEASURES)[8]).text == "minister"


def test_infinitive_on_a_bill_is_done_by_the_bill():
    doc = tokens(MEASURES.replace("4/package/2/dobj/NOUN/NN", "4/draft/2/dobj/NOUN/NN").replace(
        "6/measures/5/pobj/NOUN/NNS/measure", "6/bill/5/pobj/NOUN/NN"))
    assert agent(doc[8]).text == "bill"


def test_participle_on_a_text_is_done_by_its_author():
    doc = tokens("""
0/Lee/1/nsubj/PROPN/NNP/B-PERSON 1/wrote/1/ROOT/VERB/VBD/write 2/an/3/det/DET/DT
3/editorial/1/dobj/NOUN/NN 4/attacking/3/acl/VERB/VBG/attack 5/the/6/det/DET/DT
6/plan/4/dobj/NOUN/NN 7/./1/punct
""")
    assert agent(doc[4]).text == "Lee"


def test_participle_on_people_is_done_by_them():
    doc = tokens("""
0/Police/1/nsubj/NOUN/NNS 1/met/1/ROOT/VERB/VBD/meet 2/protesters/1/dobj/NOUN/NNS/protester
3/blocking/2/acl/VERB/VBG/block 4/the/5/det/DET/DT 5/road/3/dobj/NOUN/NN 6/./1/punct
""")
    assert agent(doc[3]).text == "protesters"


QUOTE = """
0/Dale/1/nsubj/PROPN/NNP/B-ORG 1/said/1/ROOT/VERB/VBD/say 2/:/1/punct 3/“/5/punct/PUNCT/``
4/I/5/nsubj/PRON/PRP/I 5/sold/1/ccomp/VERB/VBD/sell 6/the/7/det/DET/DT 7/farm/5/dobj/NOUN/NN
8/./5/punct 9/”/5/punct/PUNCT/''
"""


def _quote_events(source: Source):
    doc = tokens(QUOTE)
    text = doc.text
    start, end = text.index("“"), len(text)
    cue = text.index("said")
    attr = Attribution(id="a1", source=source.id, kind="direct", quoted=True,
                       content=TextSpan(start=start, end=end, text=text[start:end]),
                       cue=TextSpan(start=cue, end=cue + 4, text="said"))
    entity = Entity(id="e1", name="Dale", type="ORG", mentions=[Mention(start=0, end=4, text="Dale")])
    evs, _ = events(doc, [entity], [], [source], [attr])
    return [e for e in evs if e.predicate == "sell"]


def test_i_in_a_quotation_is_its_speaker_entity():
    source = Source(id="s1", entity="e1", description="Dale", kind="organization",
                    mentions=[SourceMention(start=0, end=4, text="Dale")])
    (ev,) = _quote_events(source)
    assert ev.actor == "e1" and ev.actor_text == "Dale"
    assert ev.actor_span is not None and (ev.actor_span.start, ev.actor_span.end) == (QUOTE_I, QUOTE_I + 1)


def test_i_in_a_quotation_is_its_speaker_even_without_an_entity():
    source = Source(id="s1", description="Dale", kind="organization",
                    mentions=[SourceMention(start=0, end=4, text="Dale")])
    (ev,) = _quote_events(source)
    assert ev.actor is None and ev.actor_text == "Dale"


def test_i_in_an_anonymous_quotation_stays_unresolved():
    source = Source(id="s1", description="an aide", kind="anonymous", anonymous=True)
    (ev,) = _quote_events(source)
    assert ev.actor is None and ev.actor_text == "I"


#: Where "I" stands in the quotation's text.
QUOTE_I = tokens(QUOTE).text.index("I sold")


def test_gerund_under_an_adverb_is_done_by_the_clause_subject():
    # "The rebels are hours away from taking the town": the rebels take it.
    doc = tokens("""
0/The/1/det/DET/DT 1/rebels/2/nsubj/NOUN/NNS/rebel 2/are/2/ROOT/AUX/VBP/be
3/hours/4/npadvmod/NOUN/NNS/hour 4/away/2/advmod/ADV/RB 5/from/4/prep/ADP/IN
6/taking/5/pcomp/VERB/VBG/take 7/the/8/det/DET/DT 8/town/6/dobj/NOUN/NN 9/./2/punct
""")
    assert agent(doc[6]).text == "rebels"


def test_infinitive_on_a_wish_is_done_by_whoever_has_it():
    # "The owners lack the will to rebuild and reopen": the owners would reopen, not "will".
    doc = tokens("""
0/The/1/det/DET/DT 1/owners/2/nsubj/NOUN/NNS/owner 2/lack/2/ROOT/VERB/VBP 3/the/4/det/DET/DT
4/will/2/dobj/NOUN/NN 5/to/6/aux/PART/TO 6/rebuild/4/acl/VERB/VB 7/and/6/cc/CCONJ/CC
8/reopen/6/conj/VERB/VB 9/./2/punct
""")
    assert agent(doc[8]).text == "owners"


def test_who_set_off_after_a_party_name_stands_for_the_party():
    # "... a lead over the Green Party, who took 12%": the party took it, not the lead.
    doc = tokens("""
0/Labour/1/nsubj/PROPN/NNP/B-ORG 1/won/1/ROOT/VERB/VBD/win 2/with/1/prep/ADP/IN 3/a/4/det/DET/DT
4/lead/2/pobj/NOUN/NN 5/over/4/prep/ADP/IN 6/the/8/det/DET/DT/B-ORG
7/Green/8/compound/PROPN/NNP/I-ORG 8/Party/5/pobj/PROPN/NNP/I-ORG 9/,/8/punct
10/who/11/nsubj/PRON/WP 11/took/8/relcl/VERB/VBD/take 12/12%/11/dobj/NOUN/NN 13/./1/punct
""")
    assert agent(doc[11]).text == "Party"


def test_who_without_a_comma_still_leaves_an_organisation_for_the_people_above():
    # "aides close to the club who asked": the aides ask (the rule above needs the comma and a singular thing).
    doc = tokens("""
0/Two/1/nummod/NUM/CD 1/aides/7/nsubj/NOUN/NNS/aide 2/close/1/amod/ADJ/JJ 3/to/2/prep/ADP/IN
4/the/5/det/DET/DT/B-ORG 5/club/3/pobj/NOUN/NN/I-ORG 6/who/7/nsubj/PRON/WP
7/asked/5/relcl/VERB/VBD/ask 8/./7/punct
""")
    assert agent(doc[7]).text == "aides"


def test_fronted_gerund_taken_for_a_clausal_subject_is_done_by_the_subject_after_the_comma():
    # "Noting the vote was close, Ann explained ...": the parser makes "Noting" the subject of "was".
    doc = tokens("""
0/Noting/3/csubj/VERB/VBG/note 1/the/2/det/DET/DT 2/vote/0/dobj/NOUN/NN 3/was/7/ccomp/AUX/VBD/be
4/close/3/acomp/ADJ/JJ 5/,/7/punct 6/Ann/7/nsubj/PROPN/NNP/B-PERSON
7/explained/7/ROOT/VERB/VBD/explain 8/./7/punct
""")
    assert agent(doc[0]).text == "Ann"


def test_gerund_subject_without_a_comma_is_no_fronted_adjunct():
    # "Winning races is hard": a real clausal subject, done by no one named.
    doc = tokens("""
0/Winning/2/csubj/VERB/VBG/win 1/races/0/dobj/NOUN/NNS/race 2/is/2/ROOT/AUX/VBZ/be
3/hard/2/acomp/ADJ/JJ 4/./2/punct
""")
    assert agent(doc[0]) is None


def test_participle_on_an_object_that_cannot_act_is_done_by_the_subject():
    # "The club fought the case offering a settlement": a case offers nothing, the club does.
    doc = tokens("""
0/The/1/det/DET/DT 1/club/2/nsubj/NOUN/NN 2/fought/2/ROOT/VERB/VBD/fight 3/the/4/det/DET/DT
4/case/2/dobj/NOUN/NN 5/offering/4/acl/VERB/VBG/offer 6/a/7/det/DET/DT 7/settlement/5/dobj/NOUN/NN
8/./2/punct
""")
    assert agent(doc[5]).text == "club"


def test_participle_on_people_as_object_is_still_done_by_them():
    # "The club fined players skipping training": the players skip it.
    doc = tokens("""
0/The/1/det/DET/DT 1/club/2/nsubj/NOUN/NN 2/fined/2/ROOT/VERB/VBD/fine
3/players/2/dobj/NOUN/NNS/player 4/skipping/3/acl/VERB/VBG/skip 5/training/4/dobj/NOUN/NN
6/./2/punct
""")
    assert agent(doc[4]).text == "players"


def test_gerund_on_a_means_noun_is_done_by_whoever_seeks_the_means():
    # "The crew sought a way of freeing the ship": the crew frees it.
    doc = tokens("""
0/The/1/det/DET/DT 1/crew/2/nsubj/NOUN/NN 2/sought/2/ROOT/VERB/VBD/seek 3/a/4/det/DET/DT
4/way/2/dobj/NOUN/NN 5/of/4/prep/ADP/IN 6/freeing/5/pcomp/VERB/VBG/free 7/the/8/det/DET/DT
8/ship/6/dobj/NOUN/NN 9/./2/punct
""")
    assert agent(doc[6]).text == "crew"


def test_gerund_on_a_possessed_means_noun_is_done_by_its_owner():
    # "The crew praised Lee's way of freeing the ship": Lee, not the crew.
    doc = tokens("""
0/The/1/det/DET/DT 1/crew/2/nsubj/NOUN/NN 2/praised/2/ROOT/VERB/VBD/praise 3/Lee/5/poss/PROPN/NNP/B-PERSON
4/'s/3/case/PART/POS 5/way/2/dobj/NOUN/NN 6/of/5/prep/ADP/IN 7/freeing/6/pcomp/VERB/VBG/free
8/the/9/det/DET/DT 9/ship/7/dobj/NOUN/NN 10/./2/punct
""")
    assert agent(doc[7]).text == "Lee"


def test_gerund_under_a_preposition_of_a_noun_takes_the_doer_of_its_clause():
    # "The storm brought floods of rain cutting roads": whoever the clause is about (the storm).
    doc = tokens("""
0/The/1/det/DET/DT 1/storm/2/nsubj/NOUN/NN 2/brought/2/ROOT/VERB/VBD/bring 3/floods/2/dobj/NOUN/NNS/flood
4/of/3/prep/ADP/IN 5/rain/6/compound/NOUN/NN 6/cutting/4/pcomp/VERB/VBG/cut 7/roads/6/dobj/NOUN/NNS/road
8/./2/punct
""")
    assert agent(doc[6]).text == "storm"


def test_a_place_with_an_aside_between_dashes_stays_the_subject():
    # "Poland - a large member - has asked for time": the aside is about Poland, no dateline.
    doc = tokens("""
0/Poland/6/nsubj/PROPN/NNP/B-GPE 1/-/0/punct/PUNCT/: 2/a/4/det/DET/DT 3/large/4/amod/ADJ/JJ
4/member/0/appos/NOUN/NN 5/-/0/punct/PUNCT/: 6/asked/6/ROOT/VERB/VBD/ask 7/./6/punct
""")
    assert agent(doc[6]).text == "Poland"
