"""A described actor named by its apposition (``events.core._apposed_name``), on hand-built parses."""

from __future__ import annotations

from spacy.tokens import Doc

from _docs import tokens
from newsgraph.extract.events.core import events
from newsgraph.record import Entity, Mention

APPOSED = """
0/Another/1/det/DET/DT 1/union/7/nsubj/NOUN/NN 2/,/1/punct 3/the/5/det/DET/DT 4/Farm/5/compound/PROPN/NNP
5/Workers/1/appos/PROPN/NNPS 6/,/1/punct 7/endorsed/7/ROOT/VERB/VBD/endorse 8/Perez/7/dobj/PROPN/NNP
9/./7/punct
"""


def _entity(doc, words: str, id_: str, type_: str, kind: str = "name") -> Entity:
    start = doc.text.index(words)
    return Entity(id=id_, name=words, type=type_, mentions=[Mention(start=start, end=start + len(words), text=words,
                                                                    kind=kind)])


def _actor(spec: str, verb: str, *entities: tuple[str, str, str]) -> str | None:
    doc = tokens(spec)
    found = [_entity(doc, w, f"e{k}", t, kind) for k, (w, t, kind) in enumerate(entities)]
    (ev,) = [e for e in events(doc, found, [], [], [])[0] if e.predicate == verb]
    return ev.actor


def test_a_description_takes_the_name_of_its_apposition():
    assert _actor(APPOSED, "endorse", ("Farm Workers", "ORG", "name"), ("Perez", "PERSON", "name")) == "e0"


def test_an_apposition_without_a_name_gives_no_actor():
    assert _actor(APPOSED, "endorse", ("Perez", "PERSON", "name")) is None


POSSESSED = """
0/Cole/3/poss/PROPN/NNP 1/'s/0/case/PART/POS 2/former/3/amod/ADJ/JJ 3/aide/9/nsubj/NOUN/NN 4/,/3/punct
5/Ann/6/compound/PROPN/NNP 6/Lee/3/appos/PROPN/NNP 7/,/3/punct 8/has/9/aux/AUX/VBZ 9/resigned/9/ROOT/VERB/VBN/resign
10/./9/punct
"""


def test_the_apposed_name_outranks_a_possessor_inside_the_description():
    assert _actor(POSSESSED, "resign", ("Cole", "PERSON", "name"), ("Ann Lee", "PERSON", "name")) == "e1"


def test_a_named_actor_keeps_its_name_over_its_apposition():
    spec = """
0/Lee/4/nsubj/PROPN/NNP 1/,/0/punct 2/an/3/det/DET/DT 3/Acme/0/appos/PROPN/NNP 4/resigned/4/ROOT/VERB/VBD/resign
5/./4/punct
"""
    assert _actor(spec, "resign", ("Lee", "PERSON", "name"), ("Acme", "ORG", "name")) == "e0"


EPITHET = """
0/Ann/1/compound/PROPN/NNP 1/Lee/2/nsubj/PROPN/NNP 2/won/2/ROOT/VERB/VBD/win 3/the/4/det/DET/DT
4/final/2/dobj/NOUN/NN 5/./2/punct 6/The/7/det/DET/DT 7/striker/8/nsubj/NOUN/NN
8/thanked/8/ROOT/VERB/VBD/thank 9/fans/8/dobj/NOUN/NNS/fan 10/./8/punct
"""


def test_an_epithet_is_the_person_named_as_a_subject_before():
    assert _actor(EPITHET, "thank", ("Ann Lee", "PERSON", "name")) == "e0"


def test_a_noun_that_is_no_epithet_stays_unresolved():
    spec = EPITHET.replace("7/striker/8/nsubj/NOUN/NN", "7/referee/8/nsubj/NOUN/NN")
    assert _actor(spec, "thank", ("Ann Lee", "PERSON", "name")) is None


def test_an_epithet_another_person_is_titled_with_is_left_alone():
    spec = EPITHET.replace("7/striker/8/nsubj/NOUN/NN", "7/coach/8/nsubj/NOUN/NN")
    doc = tokens(spec)
    lee = _entity(doc, "Ann Lee", "e0", "PERSON")
    coach = Entity(id="e1", name="Bo Ray", type="PERSON", titles=["coach"],
                   mentions=[Mention(start=0, end=3, text="Ann", kind="name")])
    (ev,) = [e for e in events(doc, [lee, coach], [], [], [])[0] if e.predicate == "thank"]
    assert ev.actor is None



def test_an_age_epithet_is_one_word_and_the_person_named_before():
    # "Ann Lee was fined. The 66-year-old criticised it.": the hyphens written without spaces.
    doc = tokens("""
0/Ann/1/compound/PROPN/NNP 1/Lee/3/nsubjpass/PROPN/NNP 2/was/3/auxpass/AUX/VBD 3/fined/3/ROOT/VERB/VBN/fine
4/./3/punct 5/The/10/det/DET/DT 6/66/8/nummod/NUM/CD 7/-/8/punct/PUNCT/HYPH 8/year/10/npadvmod/NOUN/NN
9/-/10/punct/PUNCT/HYPH 10/old/11/nsubj/ADJ/JJ 11/criticised/11/ROOT/VERB/VBD/criticise 12/it/11/dobj/PRON/PRP
13/./11/punct
""")
    spaces = [not (5 < t.i < 10) and bool(t.whitespace_) for t in doc]
    joined = Doc(doc.vocab, words=[t.text for t in doc], spaces=spaces,
                 heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc], pos=[t.pos_ for t in doc],
                 tags=[t.tag_ for t in doc], lemmas=[t.lemma_ for t in doc])
    (ev,) = [e for e in events(joined, [_entity(joined, "Ann Lee", "e0", "PERSON")], [], [], [])[0]
             if e.predicate == "criticise"]
    assert ev.actor_text == "The 66-year-old" and ev.actor == "e0"
