"""One unnamed informant under varying words (issue 19, round 13): a gossip page quotes "a source close
to X", then "the insider added", "our insider explained", "the source said"; each refers back to the one
informant, not to a new source, nor to plural "sources" of an earlier sentence.

Sentences are invented; each table has hits and misses. The full pipeline runs (model needed).
"""

from __future__ import annotations

import pytest

from _speakers import names, run, source_of

SAME_INFORMANT = [
    # (text, words of the later quote, words of the first quote) — both quotes have one source
    ('"She has been planning the party for weeks," a source close to the singer told the magazine. '
     '"Everybody on the list has been told to keep it quiet," the insider added.',
     "Everybody on the list", "planning the party"),
    ('"He wants the house finished before the winter," a source told the paper. "The builders have '
     'been working every weekend since June," our insider explained.',
     "The builders have been", "house finished before"),
    ('"They have been apart since the spring," one insider tells the weekly. "Neither of them wants '
     'to be the first to speak," says the source.',
     "Neither of them wants", "apart since the spring"),
]


@pytest.mark.parametrize(("text", "later", "first"), SAME_INFORMANT)
def test_a_definite_informant_is_the_one_quoted_before(nlp, text: str, later: str, first: str) -> None:
    sources, attrs = run(nlp, text)
    first_source = source_of(sources, attrs, first)
    later_source = source_of(sources, attrs, later)
    assert first_source is not None and later_source is not None
    assert later_source.id == first_source.id


def test_a_singular_source_is_not_the_plural_sources_before(nlp) -> None:
    """ "Sources say ..." and then "one insider tells ...": "the source" after them is the one insider."""
    text = ('Sources say the couple will sell the ranch next year. "They have been apart since the spring," '
            'one insider tells the weekly. "Neither of them wants to be the first to speak," says the source.')
    sources, attrs = run(nlp, text)
    later = source_of(sources, attrs, "Neither of them wants")
    assert later is not None and "insider" in names(later)
    assert "Sources" not in names(later)


def test_another_insider_is_a_second_informant(nlp) -> None:
    """ "another insider" is no reference back: it names a second informant."""
    text = ('"She has been planning the party for weeks," a source close to the singer told the magazine. '
            '"Nobody has been invited yet," another insider said.')
    sources, attrs = run(nlp, text)
    first = source_of(sources, attrs, "planning the party")
    second = source_of(sources, attrs, "Nobody has been invited")
    assert first is not None and second is not None
    assert first.id != second.id


def test_plural_insiders_keep_their_own_antecedent(nlp) -> None:
    """ "the insiders" refers back to plural "insiders", not to the singular source in between."""
    text = ('Insiders say the tour will be cancelled. "He is tired," a source told the paper. '
            '"The dates in Asia were never confirmed," the insiders added.')
    sources, attrs = run(nlp, text)
    later = source_of(sources, attrs, "dates in Asia")
    assert later is not None and "Insiders" in names(later)


INVERTED_TAGS = [
    # (text, words of the quote, a word its source must name) — the tag's speaker parsed as its object
    ('"We met at the marina," a source told the paper. The couple left early. "They looked happy and '
     'relaxed the whole evening," added the source.',
     "looked happy and relaxed", "source"),
    ('"We met at the marina," a source told the paper. The groom was "calm but excited," ahead of the '
     'wedding, adds the source. "He had been planning it for months."',
     "calm but excited", "source"),
    ('Ann Lee spoke to reporters on Monday. "The bridge will open in the spring and the tolls will be '
     'low," added Lee.',
     "bridge will open", "Lee"),
]


@pytest.mark.parametrize(("text", "quote", "want"), INVERTED_TAGS)
def test_a_subjectless_inverted_tag_names_its_speaker(nlp, text: str, quote: str, want: str) -> None:
    sources, attrs = run(nlp, text)
    assert want in names(source_of(sources, attrs, quote))


def test_the_one_told_after_the_verb_is_no_speaker(nlp) -> None:
    """ "'…,' told the paper." with no subject: the paper is told, it does not speak."""
    sources, attrs = run(nlp, 'Ann Lee left the hall early. "The vote was rigged from the start and '
                              'everybody knew it," told the paper.')
    assert "paper" not in names(source_of(sources, attrs, "vote was rigged"))


def test_another_source_is_not_the_source_before(nlp) -> None:
    """ "a source" and then "another source" are two informants, though both phrases say "source"."""
    text = ('"The wedding is in June," a source told the paper. "The guest list is not final," another '
            'source said.')
    sources, attrs = run(nlp, text)
    first = source_of(sources, attrs, "wedding is in June")
    second = source_of(sources, attrs, "guest list is not final")
    assert first is not None and second is not None
    assert first.id != second.id


PARAGRAPH_SPEAKERS = [
    # (text, words of the quote, a word its source must name, or None for no source)
    ('The council met on Monday.\n\nAnn Lee insisted the bridge was sound and would open on time.\n\n'
     '"We have checked every bolt on it twice and the engineers are happy with the work."',
     "checked every bolt", "Lee"),
    # a paragraph of two sentences before: the page has moved on, no speaker is guessed
    ('The council met on Monday.\n\nAnn Lee insisted the bridge was sound. The vote was put off to '
     'June.\n\n"We have checked every bolt on it twice and the engineers are happy with the work."',
     "checked every bolt", None),
]


@pytest.mark.parametrize(("text", "quote", "want"), PARAGRAPH_SPEAKERS)
def test_a_quote_paragraph_after_a_one_sentence_paraphrase(nlp, text: str, quote: str, want: str | None) -> None:
    sources, attrs = run(nlp, text)
    got = names(source_of(sources, attrs, quote))
    if want is None:
        assert "Lee" not in got
    else:
        assert want in got


QUOTED_AS_SAYING = [
    # (text, words of the quote, a word its source must name, a word it must not name)
    ('"We met at the marina," Ann Lee told the paper. "The groom knows the history of her family," a '
     'source was quoted as saying.',
     "groom knows the history", "source", "Lee"),
    ('The Courier quoted the mayor as saying: "The bridge will be finished by the spring, whatever it '
     'costs us."',
     "bridge will be finished", "mayor", "Courier"),
]


@pytest.mark.parametrize(("text", "quote", "want", "not_want"), QUOTED_AS_SAYING)
def test_quoted_as_saying_is_the_one_quoted(nlp, text: str, quote: str, want: str, not_want: str) -> None:
    """The words of one "quoted as saying" are theirs, not the outlet's that quoted them."""
    got = names(source_of(*run(nlp, text), quote))
    assert want in got
    assert not_want not in got
