"""Real-article failures of the events stage, as sentence tables: punctuation never a predicate or actor."""

from __future__ import annotations

import pytest

from _events import parse
from newsgraph.extract.events.core import events


def predicates(nlp, text: str) -> list[str]:
    evs, _ = events(parse(nlp, text), [], [], [], [])
    return [e.predicate for e in evs]


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # "’s" is lemmatised to "’": a contraction of "be", a state, not an event
        ("It’s not the senator who needs to apologise.", "’", "need"),
        ("It’s Not Really The Mayor Who Needs His Mouth Washed Out With Soap", "’", "need"),
        ("They’re angry that the council voted against the plan.", "’", "vote"),
        ("He's been to Paris, and he’s planning to return next year.", "'", "plan"),
        # a hyphen tagged VERB inside a hyphenated word
        ("Among individuals pre-recruited to participate, they're subject to limitations.", "-", "pre-recruit"),
    ],
)
def test_punctuation_is_never_a_predicate(nlp, text, absent, present):
    found = predicates(nlp, text)
    assert all(any(ch.isalpha() for ch in p) for p in found), found
    assert not any(p.startswith(absent) for p in found)
    assert any(p.startswith(present) for p in found), found


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The company’ll announce its results on Monday.", "announce"),  # "’ll" is an auxiliary: no event of its own
        ("She bought the house in 2010.", "buy"),  # negative: an ordinary verb keeps its lemma
        ("The court's ruling angered the unions.", "anger"),  # possessive 's is no verb
    ],
)
def test_ordinary_verbs_keep_their_lemma(nlp, text, predicate):
    assert predicate in predicates(nlp, text)


@pytest.mark.parametrize(
    ("text", "token", "lemma"),
    [("It’s here.", "’s", "be"), ("They're here.", "'re", "be"), ("We’ve left.", "’ve", "have"),
     ("I'm here.", "'m", "be")],
)
def test_contraction_lemmas(nlp, text, token, lemma):
    from newsgraph.extract.events.clauses import verb_lemma

    doc = parse(nlp, text)
    tok = next(t for t in doc if t.lower_ == token)
    assert verb_lemma(tok) == lemma


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("It expected 2005 to be a transitional year and to return to profit in 2006.", "return"),
        ("Growth slowed to 4.3% in the third quarter.", "slow"),
        ("Exports fell to 3.3 in March.", "fall"),
    ],
)
def test_numbers_are_neither_actor_nor_target(nlp, text, predicate):
    evs, _ = events(parse(nlp, text), [], [], [], [])
    found = [e for e in evs if e.predicate == predicate]
    assert found, [e.predicate for e in evs]
    for event in found:
        for phrase in (event.actor_text, event.target_text):
            assert phrase is None or any(ch.isalpha() for ch in phrase), event


def test_a_named_target_is_kept(nlp):
    evs, _ = events(parse(nlp, "The minister met the ambassador in London."), [], [], [], [])
    assert any(e.predicate == "meet" and e.actor_text == "The minister" for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Stocks rose 164,474 tonnes(17 percent) in the week.",
        "She shared it pic.twitter.com/vuwykzqujc with her fans.",
        "The company updated its profile.[14] Critics objected.",
    ],
)
def test_tokens_with_glued_punctuation_are_not_predicates(nlp, text):
    for predicate in predicates(nlp, text):
        assert all(ch.isalpha() or ch in " -" for ch in predicate), predicate


@pytest.mark.parametrize(
    ("text", "predicate"),
    [("Voters re-elected the mayor.", "re-elect"), ("Voters re-elected the mayor in March.", "re-elect")],
)
def test_hyphenated_verbs_stay(nlp, text, predicate):
    found = predicates(nlp, text)
    assert predicate in found, found
    assert not any(p in ("re", "co", "-") for p in found), found


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Immigration laws evolved into the “open borders” mess that brings in terrorists.", "bring in"),
        ("The “reform” plan cut benefits for thousands.", "cut"),
    ],
)
def test_actor_is_never_a_bare_determiner(nlp, text, predicate):
    evs, _ = events(parse(nlp, text), [], [], [], [])
    for event in evs:
        assert (event.actor_text or "x").lower() not in ("the", "a", "an"), event


@pytest.mark.parametrize(
    ("text", "absent"),
    [("Let's wait and see how growth bears up.", "let"), ("Let us not forget the victims.", "let")],
)
def test_hortative_let_is_not_an_event(nlp, text, absent):
    evs, _ = events(parse(nlp, text), [], [], [], [])
    assert absent not in [e.predicate for e in evs]
    assert all(e.actor_text not in ("'s", "’s") for e in evs)


@pytest.mark.parametrize(
    "text", ["The border guards let the refugees cross the bridge.", "The guards let us cross the bridge."]
)
def test_let_with_an_object_is_an_event(nlp, text):
    assert "let" in predicates(nlp, text)


def test_a_word_with_a_glued_sentence_end_is_not_a_predicate(nlp):
    for predicate in predicates(nlp, "Such pictures are common.ö Critics say otherwise."):
        assert "." not in predicate


BAD_INPUTS = [
    " ".join(["the council met and the mayor spoke and residents protested"] * 55),  # one 500-word sentence
    "- Ford cut prices\n- GM raised wages\n- 3.5%\n- -- -- --\n* * *",  # a list
    "Team | Won | Lost\nLeeds | 10 | 2\nYork | 8 | 4\n| | |",  # a table
    "POLICE ARREST THREE AFTER RIOT IN CITY CENTRE. MAYOR CALLS FOR CALM.",  # all caps
    "BREAKING: Minister quits",  # a headline fragment
]


@pytest.mark.parametrize("text", BAD_INPUTS)
def test_bad_input_gives_word_predicates_and_sane_evidence(reader, text):
    record = reader.read(text)
    assert record.source.error is None and record.text
    for ev in record.events:
        assert any(ch.isalpha() for ch in ev.predicate), ev
        assert 0.0 <= ev.salience <= 1.0
        if ev.trigger is not None:
            assert any(ch.isalpha() for ch in record.text[ev.trigger.start : ev.trigger.end])
        for span in (ev.actor_span, ev.target_span, ev.object_span):
            if span is not None:
                assert 0 <= span.start < span.end <= len(record.text)
    assert sum(ev.main for ev in record.events) <= 12
