"""Partial quotes in narration whose cue is no speech verb, and tags the stage did not read (issue 19, round 16).

"According to X" is the stage's own cue for the claim of its sentence; a quoted fragment inside that
sentence, with no speech verb above it, is X's words ("the pair had 'a rough year,' according to a
friend"). A speech noun with its author ("according to comments by X") gives the author.

Sentences are invented; the table has hits and guards. The full pipeline runs (model needed).
"""

from __future__ import annotations

import pytest

from _speakers import names, run, source_of

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
    sources, attrs = run(nlp, text)
    found = source_of(sources, attrs, words)
    if speaker is None:
        assert found is None
    else:
        assert speaker in names(found)


def test_according_to_inside_the_marks_is_the_speakers_own(nlp) -> None:
    """ "According to" said inside a quote is the speaker's wording, not the reporter's cue."""
    text = ('Omar Said spoke at the meeting. "According to the plan we were shown, nothing changes." '
            '"The road will stay open all year, we were told," said Lena Park.')
    sources, attrs = run(nlp, text)
    found = source_of(sources, attrs, "nothing changes")
    assert found is None or "plan" not in names(found)
