"""Speakers of quotations (``entities.speakers``) and who "I"/"we" are, on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_quotation_reopened_on_the_same_line_stays_one_quotation(parse):
    # The BBC writes a quotation's paragraphs on one line, each reopened with a mark and none closed.
    text = ('Dana Whitlow said: "I have been troubled by the reports. "However, I will stay on. '
            '"I am proud of the work we did."')
    found = entities(parse(text))
    dana = named(found, "Dana Whitlow")
    for word in ("I have", "I will", "I am", "we did"):
        at = text.index(word)
        assert owner(found, word.split()[0], at) is dana, word


def test_a_quotation_without_a_speech_verb_takes_the_last_speaker(parse):
    text = ('"Games are new," Dana Whitlow told reporters. The studio makes puzzles for schools. '
            '"It is up to us to learn from them."')
    found = entities(parse(text))
    assert owner(found, "us", text.index("us to")) is named(found, "Dana Whitlow")


def test_an_unattributed_quotation_far_from_any_speaker_stays_unresolved(parse):
    text = ('"Games are new," Dana Whitlow told reporters. The studio makes puzzles. It sells them in shops. '
            'Its staff work in Leeds. Sales rose last year. "It is up to us to learn from them."')
    found = entities(parse(text))
    assert owner(found, "us", text.index("us to")) is None


def test_the_verb_a_quotation_hangs_off_speaks_it(parse):
    # The tagger may run the next sentence, with its own speaker, into the quotation's.
    text = ('Omar Haddad arrived late. He said the welcome was "unlike anything I have seen. It is loud." '
            'Film critic Rosa Lind told reporters that the night was long.')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I have")) is named(found, "Omar Haddad")


def test_a_possessor_is_not_the_speaker(parse):
    text = 'Omar Haddad was away. Mr Haddad\'s daughter said: "I remember the house."'
    found = entities(parse(text))
    assert owner(found, "I", text.index("I remember")) is None


def test_a_speaker_named_after_a_reopened_quotation_wins_over_the_last_one(parse):
    text = ('Dana Whitlow said: "We lost." "I think we can win next time," said Omar Haddad, the coach.')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I think")) is named(found, "Omar Haddad")

