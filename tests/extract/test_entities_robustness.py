"""Real-article failures of the entity stage: calendar words and pronouns the tagger labels as names.

The tagger's label is forced on the word under test, so the rule is checked
whatever the model happens to do with the sentence.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsgraph.extract.entities import entities


def with_label(nlp, text: str, word: str, label: str):
    later = [name for name in nlp.pipe_names if name.startswith("newsgraph_")]
    doc = nlp(text, disable=later)
    start = text.index(word)
    span = doc.char_span(start, start + len(word), label=label, alignment_mode="expand")
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
    return doc


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("Shipments rose to 4.5 mln tonnes in JUL from 3.9 mln in JUN.", "JUL", "PERSON"),
        ("Shipments rose to 4.5 mln tonnes in JUL from 3.9 mln in JUN.", "JUN", "PERSON"),
        ("The rally is planned for Mar. 3 in the capital.", "Mar.", "PERSON"),
        ("PROTESTERS RETURN IN MARCH TO THE CAPITAL", "MARCH", "PERSON"),
        ("Sales peaked on Tuesday, the company said.", "Tuesday", "ORG"),
        ("She Said The Vote Was Rigged, Supporters Claim", "She", "PERSON"),
    ],
)
def test_calendar_words_and_pronouns_are_not_names(nlp, text, word, label):
    found = entities(with_label(nlp, text, word, label))
    assert not any(m.text == word and m.kind == "name" for e in found for m in e.mentions), found


@pytest.mark.parametrize(
    ("text", "word", "label", "name"),
    [
        ("Theresa May met the leaders. May said the talks went well.", "May", "PERSON", "May"),
        ("The US and the WHO issued a joint statement.", "WHO", "ORG", "WHO"),
        ("The US and the WHO issued a joint statement.", "US", "GPE", "US"),
        ("June Carter sang at the festival.", "June Carter", "PERSON", "June Carter"),
    ],
)
def test_names_that_look_like_them_are_kept(nlp, text, word, label, name):
    found = entities(with_label(nlp, text, word, label))
    assert any(m.text == name for e in found for m in e.mentions), [e.name for e in found]
