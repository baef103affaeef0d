"""Speakers of quotes with no speech verb of the usual kind (issue 19, round 11): tags that report
speech only at the marks ("she confessed", "he ranted"), and a quote opening the
sentence after one that rests on "according to X".

Sentences are invented; each table has hits and misses. The full pipeline runs (model needed).
"""

from __future__ import annotations

import pytest

from _speakers import names, run, source_of

TAG_SPEAKERS = [
    # (text, words of the quote, a word its source must name)
    ('Dana Cole spoke about her year on the road. "I was tired of hotels and I wanted to come home for '
     'a while," Cole confessed.',
     "tired of hotels", "Cole"),
    ('Tom Berger lost his temper at the meeting. "They keep promising the road will be fixed next '
     'spring and nothing ever happens," Berger ranted.',
     "keep promising the road", "Berger"),
]


@pytest.mark.parametrize(("text", "quote", "want"), TAG_SPEAKERS)
def test_tag_only_verb_names_the_speaker(nlp, text: str, quote: str, want: str) -> None:
    sources, attrs = run(nlp, text)
    assert want in names(source_of(sources, attrs, quote))


def test_confessed_with_an_object_is_no_tag(nlp) -> None:
    """ "Lee confessed the theft." after a quote is narration: the next quote is not Lee's."""
    sources, attrs = run(nlp, '"We will win this vote in the end," Tom Berger said at the rally. Ann Lee '
                              'confessed the theft. "Nobody here is going home tonight, not one of us."')
    assert "Lee" not in names(source_of(sources, attrs, "Nobody here is going home"))


ACCORDING_SPEAKERS = [
    # (text, words of the quote, a word its source must name)
    ('The actor has moved to a farm near Leeds. His new neighbour is not pleased, according to The '
     'Daily Post. "He plays loud music until three in the morning every single night."',
     "He plays loud music", "Post"),
    ('According to the insider, the couple have been apart for months. "They have not spoken since '
     'the spring and nobody expects them to."',
     "They have not spoken", "insider"),
]


@pytest.mark.parametrize(("text", "quote", "want"), ACCORDING_SPEAKERS)
def test_quote_after_according_to(nlp, text: str, quote: str, want: str) -> None:
    sources, attrs = run(nlp, text)
    assert want in names(source_of(sources, attrs, quote))


def test_according_to_in_another_paragraph_lends_nothing(nlp) -> None:
    """A quote opening a new paragraph does not go on with the paragraph before."""
    sources, attrs = run(nlp, 'The actor has moved to a farm, according to The Daily Post.\n\n"He plays loud '
                              'music until three in the morning every single night."')
    assert "Post" not in names(source_of(sources, attrs, "He plays loud music"))


def test_according_to_reports_lends_no_speaker(nlp) -> None:
    """ "according to reports" names no one: the next quote gets no "reports" source."""
    sources, attrs = run(nlp, 'The actor has moved to a farm, according to reports. "He plays loud music until '
                              'three in the morning every single night."')
    assert "reports" not in names(source_of(sources, attrs, "He plays loud music"))


def test_one_word_quote_and_its_tag_both_subjects(nlp) -> None:
    """ "'Harris,' Berger replied.": the name outside the marks speaks, and the quote after goes on with it."""
    sources, attrs = run(nlp, '"Harris," Berger replied. "What does she weigh? Ninety pounds?"')
    assert "Berger" in names(source_of(sources, attrs, "Harris"))
    assert "Harris" not in names(source_of(sources, attrs, "Harris"))


def test_heard_shouting_is_the_one_heard(nlp) -> None:
    """ "Lee is heard shouting, '…'": the passive subject of "heard" is the one shouting."""
    sources, attrs = run(nlp, 'Dana Cole is heard shouting, "Put it down! He has nothing in his hands, '
                              'nothing at all!"')
    assert "Cole" in names(source_of(sources, attrs, "Put it down"))


def test_seen_leaving_lends_no_speaker(nlp) -> None:
    """One seen doing something is not the speaker of the next sentence's tagged quote."""
    sources, attrs = run(nlp, 'The mayor was seen leaving the hall. "We will rebuild the bridge before the winter '
                              'comes," the engineer said.')
    assert "mayor" not in names(source_of(sources, attrs, "We will rebuild"))
