"""Untagged quotes and inverted tags on fresh text (issue 19, round 14).

1. A quote that takes its speaker from the paraphrase before it ("X said the plan failed. '…'") may
   itself be continued: a second quote right after it, with no tag of its own, is the same speaker's.
2. "'…,' shared Lee" / "'…,' gushed Lee": a verb that reports speech only as a tag, with no subject,
   whose speaker the parser read as its object, is still a tag (the object is the speaker).

Sentences are invented; each table has hits and misses. The full pipeline runs (model needed).
"""

from __future__ import annotations

import pytest

from _speakers import names, run, source_of

CONTINUED_AFTER_PARAPHRASE = [
    # (text, words of the second quote, a word of the speaker)
    ('The mayor said the bridge would stay closed until the spring. "We tried everything we could think '
     'of." "Nobody in this city wanted the outcome we got," ', "Nobody in this city", "mayor"),
    ('Dana Ruiz said the bridge would stay closed until the spring. "We tried everything we could think '
     'of to open it sooner." "Nobody in this city wanted the outcome we got."', "Nobody in this city", "Ruiz"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CONTINUED_AFTER_PARAPHRASE)
def test_a_quote_after_a_paraphrased_quote_continues_it(nlp, text: str, words: str, speaker: str) -> None:
    sources, attrs = run(nlp, text)
    assert speaker in names(source_of(sources, attrs, words))


def test_a_quote_after_a_long_stretch_of_narration_is_not_continued(nlp) -> None:
    """More plain text than a tag between the quotes: the second quote is not the first's speaker's."""
    text = ('The mayor said the bridge would stay closed until the spring. "We tried everything we could '
            'think of." The council met on Tuesday evening to discuss the repairs and the rising cost of the '
            'work for the city and its people. "Nobody wanted this outcome at all."')
    sources, attrs = run(nlp, text)
    assert "mayor" not in names(source_of(sources, attrs, "Nobody wanted"))


INVERTED_TAG_ONLY_VERBS = [
    # (text, words of the quote, the speaker's name)
    ('Dana Ruiz, the mayor, spoke on Monday.\n\n"It\'s lovely," shared Ruiz on Monday.', "lovely", "Ruiz"),
    ('Dana Ruiz, the mayor, spoke on Monday.\n\n"It\'s wonderful," shared Ruiz after the vote.', "wonderful",
     "Ruiz"),
    ('Dana Ruiz, the mayor, spoke on Monday.\n\n"She\'s amazing," gushed Ruiz after the vote.', "amazing",
     "Ruiz"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), INVERTED_TAG_ONLY_VERBS)
def test_an_inverted_tag_only_verb_tags_its_quote(nlp, text: str, words: str, speaker: str) -> None:
    sources, attrs = run(nlp, text)
    assert speaker in names(source_of(sources, attrs, words))


def test_a_tag_only_verb_with_an_object_of_its_own_is_no_tag(nlp) -> None:
    """ "Ruiz shared a photo": the object is what was shared, not a speaker; the quote has no tag there."""
    text = ('The council met on Monday.\n\nRuiz shared a photo of the new bridge. "Open at last" was written '
            'on the sign.')
    _sources, attrs = run(nlp, text)
    assert not any(a.quoted and "Open at last" in a.content.text and a.source for a in attrs)
