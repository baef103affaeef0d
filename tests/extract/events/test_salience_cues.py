"""Salience cues: quotations by their marks, newsroom boilerplate, misparsed names, mind verbs (invented text)."""

from __future__ import annotations

import spacy

from _docs import parse
from _events import ner_entities
from _events import parse as model_parse
from newsgraph.extract.events import salience
from newsgraph.extract.events.core import events
from newsgraph.record import Event, Offsets


def _salience(nlp, text: str, lemma: str) -> float:
    doc = model_parse(nlp, text)
    evs = events(doc, ner_entities(doc), [], [], [])[0]
    return max(e.salience for e in evs if e.predicate.split()[0] == lemma)


def test_a_quotation_found_by_its_marks_counts_as_quoted(nlp):
    plain = "Crowds gathered in the square. The army will shell the old port tonight, a leaflet warned."
    quoted = 'Crowds gathered in the square. "The army will shell the old port tonight," a leaflet warned.'
    # No attribution is given: only the quotation marks tell the second text apart.
    assert _salience(nlp, quoted, "shell") < _salience(nlp, plain, "shell")


def test_quotation_spans_leave_scare_quotes_out_and_stop_at_a_paragraph():
    text = ('He called it "extreme vetting". “We will build the wall on day one,” she said.\n\n'
            '"The plan is dead on arrival in the Senate\n\nVoters will decide in the end," he said.')
    spans = salience.quotation_spans(spacy.blank("en")(text))
    assert [text[a:b] for a, b in spans] == ["“We will build the wall on day one,”"]


def test_a_credit_line_is_never_a_main_event(nlp):
    text = ("Rebels seized the northern town of Kelso on Monday. The army launched an offensive. "
            "Residents fled to the capital. Aid groups delivered food. Jane Roe contributed to this report.")
    doc = model_parse(nlp, text)
    evs = events(doc, ner_entities(doc), [], [], [])[0]
    credit = [e for e in evs if e.predicate == "contribute"]
    assert credit and not any(e.main for e in credit)
    assert all(e.salience < salience.MIN_MAIN_SALIENCE for e in credit)


def test_declining_to_comment_is_never_a_main_event(nlp):
    text = ("Maria Costa closed the Harlow mill on Monday. Workers marched to the town hall. "
            "Maria Costa declined to comment.")
    doc = model_parse(nlp, text)
    evs = events(doc, ner_entities(doc), [], [], [])[0]
    declined = [e for e in evs if e.predicate.split()[0] == "decline"]
    assert declined and not any(e.main for e in declined)


HOPES = """
0 She 1 nsubj PRON PRP she
1 hopes 1 ROOT VERB VBZ hop
2 to 3 aux PART TO to
3 win 1 xcomp VERB VB win
4 . 1 punct PUNCT . .
"""


def test_a_generic_verb_the_lemmatizer_got_wrong_is_still_generic():
    doc = parse(HOPES)
    assert salience._generic(doc[1], "hop")
    assert not salience._generic(doc[3], "win")


def test_a_capitalised_verb_inside_a_sentence_is_a_misparsed_name():
    spec = """
0 Adviser 1 compound NOUN NN adviser
1 Miller 2 nsubj PROPN NNP Miller
2 said 2 ROOT VERB VBD say
3 the 4 det DET DT the
4 campaign 5 nsubj NOUN NN campaign
5 Trump 2 ccomp VERB VBD trump
6 was 7 aux AUX VBD be
7 winning 5 conj VERB VBG win
8 today 7 npadvmod NOUN NN today
9 . 2 punct PUNCT . .
"""
    doc = parse(spec)
    assert salience._proper_verb(doc[5])
    assert not salience._proper_verb(doc[7])
    headline = parse("""
0 Rebels 1 nsubj NOUN NNS rebel
1 Seize 1 ROOT VERB VBP seize
2 Northern 3 amod ADJ JJ northern
3 Town 1 dobj NOUN NN town
""")
    assert not salience._proper_verb(headline[1])  # a headline in title case


def _event(doc, i: int, predicate: str, code: str | None) -> Event:
    tok = doc[i]
    return Event(id="v1", predicate=predicate, actor_text="The rebels", code=code,
                 sentence=Offsets(start=0, end=len(doc.text)),
                 trigger=Offsets(start=tok.idx, end=tok.idx + len(tok.text)))


def test_a_coded_mind_verb_stays_generic():
    spec = """
0 The 1 det DET DT the
1 rebels 2 nsubj NOUN NNS rebel
2 wanted 2 ROOT VERB VBD want
3 the 4 det DET DT the
4 town 2 dobj NOUN NN town
5 . 2 punct PUNCT . .
"""
    doc = parse(spec)
    args = (0, {}, {}, [])
    want = salience._score(_event(doc, 2, "want", "AGREE"), doc[2], *args)
    seize = salience._score(_event(doc, 2, "seize", "AGREE"), doc[2], *args)
    assert want < seize * salience.GENERIC_FACTOR + 1e-9


def test_a_clause_stating_a_figure_is_told_apart_from_one_without():
    rose = parse("""
0 Sales 1 nsubj NOUN NNS sale
1 rose 1 ROOT VERB VBD rise
2 15 3 nummod NUM CD 15
3 % 1 npadvmod NOUN NN %
4 to 1 prep ADP IN to
5 $ 6 quantmod SYM $ $
6 4 4 pobj NUM CD 4
7 . 1 punct PUNCT . .
""")
    assert salience._states_figure(rose[1])
    sharply = parse("""
0 Sales 1 nsubj NOUN NNS sale
1 rose 1 ROOT VERB VBD rise
2 sharply 1 advmod ADV RB sharply
3 in 1 prep ADP IN in
4 2004 3 pobj NUM CD 2004 B-DATE
5 . 1 punct PUNCT . .
""")
    assert not salience._states_figure(sharply[1])  # a year is a date, not a figure
