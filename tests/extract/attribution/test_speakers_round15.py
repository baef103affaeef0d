"""Long quotes broken by captions, and "'…,' continued the insider" (issue 19, round 15).

1. A quote that runs over paragraphs (each paragraph reopened, none closed) may have a page's photo
   captions set between its paragraphs ("Lee arrives at the hearing Credit: Jo Hart"): paragraphs that
   end with no sentence mark and hold no quotation mark. They neither make the open mark a stray one
   nor break the chain from the tagged opening to the paragraphs after them.
2. "“…,” continued the insider": with no subject, the parser may read the speaker after "continued" as
   the attribute of a copula (with curly marks it does); that attribute is the speaker, as an object is.

Sentences are invented; each table has hits and misses. The full pipeline runs where a test takes
``nlp`` (model needed); the caption tests of the quote scanner read text alone.
"""

from __future__ import annotations

import pytest

from _speakers import names, run, source_of
from newsgraph.extract.attribution.quotes import is_caption, quote_spans

CAPTIONED_RUN_ON = (
    'An aide to the mayor said: "The bridge will stay shut until the spring.\n\n'
    '"We tried every way we could think of to open it sooner.\n\n'
    "Dana Ruiz arrives at the council meeting Credit: Jo Hart\n\n"
    "The old bridge pictured in 1990 Credit: City Archive\n\n"
    '"Nobody in this city wanted the outcome we got."\n\n'
    "The council meets again on Tuesday."
)

CAPTIONS = [
    # (paragraph, is a caption)
    ("Dana Ruiz arrives at the council meeting Credit: Jo Hart", True),
    ("The mayor's old bridge pictured in 1990", True),
    ("The council meets again on Tuesday.", False),
    ("The aide added:", False),
    ('Ruiz called it "a disgrace"', False),
]


@pytest.mark.parametrize(("paragraph", "expected"), CAPTIONS)
def test_a_caption_is_a_paragraph_that_ends_no_sentence(paragraph: str, expected: bool) -> None:
    assert is_caption(paragraph) is expected


def test_an_open_quote_goes_on_past_captions() -> None:
    """The second paragraph's open mark is no stray one: the quote reopens after the captions."""
    inner = [CAPTIONED_RUN_ON[q.inner_start : q.inner_end] for q in quote_spans(CAPTIONED_RUN_ON)]
    assert any(text.startswith("We tried every way") for text in inner)


def test_an_open_quote_before_narration_is_still_a_stray_mark() -> None:
    """A paragraph of narration (a sentence end) between: the open mark is not a quote running on."""
    text = ('"We tried every way we could think of to open it sooner.\n\n'
            "The council met on Tuesday to talk about the repairs.\n\n"
            '"Nobody in this city wanted the outcome we got."')
    spans = [q for q in quote_spans(text) if text[q.inner_start :].startswith("We tried")]
    assert not any(q.continues for q in spans)


def test_the_paragraphs_after_captions_keep_the_speaker(nlp) -> None:
    sources, attrs = run(nlp, CAPTIONED_RUN_ON)
    assert "aide" in names(source_of(sources, attrs, "Nobody in this city"))


def test_a_quote_after_a_narrated_paragraph_is_not_continued(nlp) -> None:
    """A paragraph of narration stands between: the later untagged quote is not the aide's."""
    text = ('An aide to the mayor said: "The bridge will stay shut until the spring."\n\n'
            "The council met on Tuesday evening to discuss the repairs and the rising cost of the work "
            "for the city and its people.\n\n"
            '"Nobody in this city wanted the outcome we got."')
    sources, attrs = run(nlp, text)
    assert "aide" not in names(source_of(sources, attrs, "Nobody in this city"))


CONTINUED_THE_INSIDER = [
    # (text, words of the quote, a word of the speaker)
    ('An insider told the paper that Marta Olsen and Tomas Berg had split.\n\nThe couple met in 2015.\n\n'
     "\u201cMarta is very worried that she is not the best partner for Tomas,\u201d continued the insider.",
     "Marta is very worried", "insider"),
    ('An insider told the paper that Marta Olsen and Tomas Berg had split.\n\nThe couple met in 2015.\n\n'
     "\u201cMarta is very worried that she is not the best influence on Tomas,\u201d continued the insider.",
     "Marta is very worried", "insider"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CONTINUED_THE_INSIDER)
def test_continued_with_its_speaker_as_an_attribute_tags_the_quote(nlp, text: str, words: str,
                                                                    speaker: str) -> None:
    sources, attrs = run(nlp, text)
    assert speaker in names(source_of(sources, attrs, words))

