"""Partial quotes in narration whose cue is no speech verb, and tags the stage did not read (issue 19, round 16).

"According to X" is the stage's own cue for the claim of its sentence; a quoted fragment inside that
sentence, with no speech verb above it, is X's words ("the pair had 'a rough year,' according to a
friend"). A speech noun with its author ("according to comments by X") gives the author.

Sentences are invented; the table has hits and guards. The full pipeline runs (model needed).
"""

from __future__ import annotations

import pytest

from _speakers import assert_speaker, names, run, source_of

ACCORDING = [
    # (text, words of the quote, a word the speaker must have, or None for no source)
    ("The bridge has been closed to lorries, which have been \"damaging the old stones for years,\" "
     "according to comments by council engineer Maria Lund.",
     "damaging the old stones", "Lund"),
    ("According to Helen Marsh, the two brothers went through \"a very long and painful winter\" "
     "before the shop reopened.",
     "a very long and painful winter", "Marsh"),
    ("The plant will be \"closed for the whole of the spring season,\" according to the company.",
     "closed for the whole", "company"),
    # bare reports name no one: the fragment stays without a source
    ("The plant will be \"closed for the whole of the spring season and the summer,\" according to reports.",
     "closed for the whole", None),
]


@pytest.mark.parametrize(("text", "words", "speaker"), ACCORDING)
def test_a_fragment_in_an_according_to_sentence_is_its_holders(nlp, text: str, words: str,
                                                              speaker: str | None) -> None:
    assert_speaker(*run(nlp, text), words, speaker)


def test_according_to_inside_the_marks_is_the_speakers_own(nlp) -> None:
    """ "According to" said inside a quote is the speaker's wording, not the reporter's cue."""
    text = ('Omar Said spoke at the meeting. "According to the plan we were shown, nothing changes." '
            '"The road will stay open all year, we were told," said Lena Park.')
    sources, attrs = run(nlp, text)
    found = source_of(sources, attrs, "nothing changes")
    assert found is None or "plan" not in names(found)


TAGS = [
    # (text, words of the quote, a word the speaker must have): speech verbs in general use the cue
    # lexicon lacked ("reason", "summarize", "thank", "fire back"), and a statement's issuer
    ('The mayor spoke at length about the budget. "We could cut the parks, but nobody wants that," '
     "Carla Voss reasoned.",
     "We could cut the parks", "Voss"),
    ("The second stage is anger, which Paul Drake summarized as \"why did nobody warn us about this.\"",
     "why did nobody warn us", "Drake"),
    ("Union leader Nina Holt released a statement thanking the workers for \"standing together through "
     "a hard and cold winter.\"",
     "standing together through", "Holt"),
    ('The minister was asked about the delay. "We never promised a date for the new line," Ivan Roe fired back.',
     "We never promised a date", "Roe"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), TAGS)
def test_speech_verbs_in_general_use_tag_their_quotes(nlp, text: str, words: str, speaker: str) -> None:
    sources, attrs = run(nlp, text)
    assert speaker in names(source_of(sources, attrs, words))


def test_thanking_with_no_quote_is_no_report(nlp) -> None:
    """ "thank" reports only with a quote or a clause: "thanked the crew" alone is no attribution."""
    text = "Captain Ada Brook thanked the crew after the long voyage home."
    _, attrs = run(nlp, text)
    assert not any("crew" in a.content.text for a in attrs)
