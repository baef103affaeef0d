"""Round 11: web lines about other stories and newsletters are not main events (invented text)."""

from __future__ import annotations

from _docs import parse
from _events import ner_entities
from _events import parse as model_parse
from newsgraph.extract.events import salience
from newsgraph.extract.events.core import events

#: "Sign up to our weekly newsletter for the news." parsed by hand.
SIGN_UP = """
0 Sign 0 ROOT VERB VB sign
1 up 0 prt ADP RP up
2 to 0 prep ADP IN to
3 our 5 poss PRON PRP$ our
4 weekly 5 amod ADJ JJ weekly
5 newsletter 2 pobj NOUN NN newsletter
6 for 0 prep ADP IN for
7 the 8 det DET DT the
8 news 6 pobj NOUN NN news
9 . 0 punct PUNCT . .
"""

#: "Sign the petition for the park." parsed by hand: a signing that is news.
SIGN_PETITION = """
0 Sign 0 ROOT VERB VB sign
1 the 2 det DET DT the
2 petition 0 dobj NOUN NN petition
3 for 0 prep ADP IN for
4 the 5 det DET DT the
5 park 3 pobj NOUN NN park
6 . 0 punct PUNCT . .
"""

#: "Trending: Mayor Quill Fired Them All!" parsed by hand.
TRENDING = """
0 Trending 0 ROOT NOUN NN trending
1 : 0 punct PUNCT : :
2 Mayor 3 compound PROPN NNP Mayor
3 Quill 4 nsubj PROPN NNP Quill
4 Fired 0 appos VERB VBD fire
5 Them 4 dobj PRON PRP they
6 All 5 det DET DT all
7 ! 0 punct PUNCT . !
"""

#: "Officials said: the bridge will reopen." parsed by hand: a colon that labels no link.
SAID_COLON = """
0 Officials 1 nsubj NOUN NNS official
1 said 1 ROOT VERB VBD say
2 : 1 punct PUNCT : :
3 the 4 det DET DT the
4 bridge 6 nsubj NOUN NN bridge
5 will 6 aux AUX MD will
6 reopen 1 ccomp VERB VB reopen
7 . 1 punct PUNCT . .
"""


def test_signing_up_to_a_newsletter_is_boilerplate_and_signing_a_petition_is_not():
    assert salience._boilerplate(parse(SIGN_UP)[0])
    assert not salience._boilerplate(parse(SIGN_PETITION)[0])


def test_a_labelled_link_is_a_fragment_whatever_it_ends_with():
    doc = parse(TRENDING)
    assert salience._fragment(doc[0:len(doc)])
    said = parse(SAID_COLON)
    assert not salience._fragment(said[0:len(said)])  # "Officials" labels no link


LEAD = "Storms flooded the valley of Arlen on Monday. Rescuers pulled six families from their roofs. "


def _salience(nlp, text: str, lemma: str) -> float:
    doc = model_parse(nlp, text)
    evs = events(doc, ner_entities(doc), [], [], [])[0]
    return max(e.salience for e in evs if e.predicate.split()[0] == lemma)


def test_after_the_lead_a_trending_link_scores_the_fragment_factor_under_its_unlabelled_reading(nlp, monkeypatch):
    text = LEAD + "Trending: The governor fired the whole flood board!"
    linked = _salience(nlp, text, "fire")
    monkeypatch.setattr(salience, "LINK_LABELS", frozenset())
    unlabelled = _salience(nlp, text, "fire")  # the same parse, the label not read
    assert linked < unlabelled
    assert abs(linked - unlabelled * salience.FRAGMENT_FACTOR) <= 0.01  # the fragment's factor, not another
