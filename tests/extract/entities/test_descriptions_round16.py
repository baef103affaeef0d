"""Round 16: descriptions of organisations on fresh text.

A name the tagger ran on past where a name ends (across a line break, or through a verb, a pronoun or a
subordinating conjunction: a title-case headline read as one name) is no organisation a description may
mean (``orgs._run_on_name``): "the school" after such a span is the school the article goes on about.
Invented sentences; the run-on span is set on the parse by hand, as the tagger makes it on headlines.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.orgs import RUN_ON_POS, _run_on_name

HEADLINE = "Hillcrest School For Banning Caps\n\n"
BODY = ("Athletes said on Monday that the school had punished a boy. The school said it followed the rules. "
        "Later the school apologised.")


def _with_org(doc: Doc, start: int, end: int) -> Doc:
    doc.ents = [Span(doc, start, end, "ORG")] + [e for e in doc.ents if e.start >= end or e.end <= start]
    return doc


def test_a_name_run_on_across_a_line_break_is_no_schools(parse):
    text = HEADLINE + BODY
    doc = parse(text)
    athletes = next(t.i for t in doc if t.text == "Athletes")
    found = entities(_with_org(doc, 0, athletes + 1))  # "Hillcrest School For Banning Caps \n\n Athletes"
    run_on = next(e for e in found if "\n" in e.name)
    school = owner(found, "the school", text.index("the school"))
    assert school is not run_on  # three "the school" of no name: one school of the article's own
    assert school is not None and owner(found, "The school", text.index("The school")) is school


def test_a_name_that_ends_where_names_end_stays_the_schools(parse):
    text = "Hillcrest School banned caps on Monday. " + BODY
    doc = parse(text)
    found = entities(_with_org(doc, 0, 2))  # "Hillcrest School"
    school = owner(found, "the school", text.index("the school"))
    assert school is not None and "Hillcrest School" in {m.text for m in school.mentions}


def test_a_verb_or_a_conjunction_inside_a_span_makes_it_run_on(nlp):
    assert {"VERB", "SCONJ", "PRON"} <= RUN_ON_POS
    words = ["They", "Came", "Out", "Because", "Acme", "Bank"]
    doc = Doc(nlp.vocab, words=words, pos=["PRON", "VERB", "ADP", "SCONJ", "PROPN", "PROPN"])
    assert _run_on_name(doc, 1, 4)  # "Came Out Because"
    assert not _run_on_name(doc, 4, 6)  # "Acme Bank"
