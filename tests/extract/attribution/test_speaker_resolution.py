"""Speakers resolved across sentences (issue 19, round 8): who a "he said" or "she wrote" tagging a
quote is, and who speaks when the words name the listener or a statement.

Sentences are invented; each table has hits and misses. The full pipeline runs (model needed).
"""

from __future__ import annotations

import pytest

from _speakers import names, run, source_of

PRONOUN_SPEAKERS = [
    # (text, words of the quote, a word its source must name, a word it must not name)
    # A person named as the subject of a clause the speaker reports is spoken of, not speaking.
    ('Tom Berger said on Monday that Paul Hines had failed where Mark Dale succeeded. '
     '"We need a new plan for the harbour," he said.',
     "We need a new plan", "Berger", "Hines"),
    ('While Ann Lee said it was good that Paul Hines had resigned, she said the council was still weak. '
     '"The question now is who will lead it," she said.',
     "The question now is", "Lee", "Hines"),
    # A person named only inside the quotes before is spoken of, not speaking.
    ('Tom Berger wrote to the council on Friday. He went on, "Paul Hines is unfit for the job." '
     '"The man has no plan and no friends left," he wrote.',
     "The man has no plan", "Berger", "Hines"),
    # The subject of a main clause after the speaker still takes the pronoun.
    ('Tom Berger said on Monday that the harbour would close. Paul Hines disagreed with him at once. '
     '"We can keep it open all winter," he said.',
     "We can keep it open", "Hines", "Berger"),
]


@pytest.mark.parametrize(("text", "quote", "want", "not_want"), PRONOUN_SPEAKERS)
def test_pronoun_speaker(nlp, text: str, quote: str, want: str, not_want: str) -> None:
    sources, attrs = run(nlp, text)
    got = names(source_of(sources, attrs, quote))
    assert want in got
    assert not_want not in got


MARKED_SOURCE_NOUNS = [
    # (text, words of the quote, a word its source must name, a word it must not name)
    # An unnamed source's noun set in marks is still the subject that speaks, not the one told.
    ('Then a "source" told the Courier that Tom Berger had paid "easily millions" to the club.',
     "easily millions", "source", "Courier"),
    ('An "insider" told the Herald that the pair were now in a "quiet truce" with the club.',
     "quiet truce", "insider", "Herald"),
]


@pytest.mark.parametrize(("text", "quote", "want", "not_want"), MARKED_SOURCE_NOUNS)
def test_marked_source_noun_speaks(nlp, text: str, quote: str, want: str, not_want: str) -> None:
    sources, attrs = run(nlp, text)
    got = names(source_of(sources, attrs, quote))
    assert want in got.lower()
    assert not_want not in got


RELAYED_TAGS = [
    # (text, words of the quote, a word its source must name, a word it must not name)
    # The speaker's own tag before the verb of the outlet that relays it is the quote's tag.
    ('Ann Lee spoke at a conference in June. "I just had not noticed the change in the town," '
     'Lee said, reports the Daily Courier.',
     "I just had not noticed", "Lee", "Courier"),
    # A speech verb inside the quote is no tag of it.
    ('The harbour stayed shut all week. "Ann Lee said no to every plan we had," reports the Daily Courier.',
     "said no to every plan", "Courier", "Lee"),
]


@pytest.mark.parametrize(("text", "quote", "want", "not_want"), RELAYED_TAGS)
def test_relayed_tag(nlp, text: str, quote: str, want: str, not_want: str) -> None:
    sources, attrs = run(nlp, text)
    got = names(source_of(sources, attrs, quote))
    assert want in got
    assert not_want not in got


def test_capitalised_quote_opening_a_tagged_sentence_is_speech(nlp) -> None:
    """'"Congratulations Tom Berger," Lee tweeted.' is speech, and the untagged quote after it goes on in
    Lee's voice; a capitalised title inside narration stays a title."""
    sources, attrs = run(nlp, 'Ann Lee was quick to jump on the news.\n\n'
                              '\u201cCongratulations Tom Berger,\u201d Lee tweeted. '
                              '\u201cYou have got more guts than Paul Hines!\u201d')
    assert "Lee" in names(source_of(sources, attrs, "Congratulations Tom Berger"))
    assert "Lee" in names(source_of(sources, attrs, "more guts than"))
    sources, attrs = run(nlp, 'Ann Lee said on Monday that she watched "Meet the Press," and then she left.')
    assert not any(a.kind == "direct" and a.content.text.startswith("Meet the Press") for a in attrs)
