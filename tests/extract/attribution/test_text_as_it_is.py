"""Quotes in text as it is (odd marks, signatures after a dash) and reporting with no reporter.

Sentences are invented; each table has hits and misses. The full pipeline runs (model needed).
"""

from __future__ import annotations

import pytest

from newsgraph.extract.attribution.core import attributions
from newsgraph.extract.attribution.profile import sourcing_profile
from newsgraph.extract.entities.core import entities
from newsgraph.record import Attribution, Source


def run(nlp, text: str) -> tuple[list[Source], list[Attribution]]:
    doc = nlp(text)
    return attributions(doc, entities(doc))


def speaker_of(sources: list[Source], a: Attribution) -> str | None:
    src = next((s for s in sources if s.id == a.source), None)
    return src.description if src is not None else None


MARKS = [
    # (text, quoted words, speaker description or None for an explicit unknown)
    ("Tom Berger said ''we will rebuild the bridge by winter.''", "we will rebuild the bridge by winter.",
     "Tom Berger"),
    ("Tom Berger said ``we will rebuild the bridge by winter.''", "we will rebuild the bridge by winter.",
     "Tom Berger"),
    ("‘We will rebuild the bridge by winter,’ said Tom Berger.", "We will rebuild the bridge by winter,",
     "Tom Berger"),
    ("«We will rebuild the bridge by winter», Tom Berger said.", "We will rebuild the bridge by winter",
     "Tom Berger"),
    ("„We will rebuild the bridge by winter“, Tom Berger said.", "We will rebuild the bridge by winter",
     "Tom Berger"),
    # a stray opener: the quote after it is still found, with its speaker
    ("«The council never closes this. Tom Berger said “we will rebuild the bridge by winter.”",
     "we will rebuild the bridge by winter.", "Tom Berger"),
    # signed after a dash, as block quotes and embedded posts are
    ("“We will rebuild the bridge before the winter comes.” — Jane Roe, mayor of Springfield",
     "We will rebuild the bridge before the winter comes.", "Jane Roe"),
    ("“We will rebuild the bridge before the winter comes.”\n— Jane Roe (@janeroe) March 3, 2025",
     "We will rebuild the bridge before the winter comes.", "Jane Roe"),
    # a dash with no name after it signs nothing: the long quote stays, its speaker unknown
    ("“We will rebuild the bridge before the winter comes.” — and then the rain started.",
     "We will rebuild the bridge before the winter comes.", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "quote", "speaker"), MARKS)
def test_quote_and_speaker_in_any_marks(nlp, text: str, quote: str, speaker: str | None) -> None:
    sources, attrs = run(nlp, text)
    found = [a for a in attrs if a.quoted and a.content.text == quote]
    assert found, [a.content.text for a in attrs]
    assert speaker_of(sources, found[0]) == speaker


UNSTATED = [
    # (sentence, content, cue)
    ("It has been reported that the mayor will resign.", "the mayor will resign", "reported"),
    ("The mayor is said to have quit the party.", "The mayor is said to have quit the party", "is said"),
    ("The mayor reportedly quit the party on Monday.", "The mayor reportedly quit the party on Monday", "reportedly"),
    ("The plant will close next year, according to reports.", "The plant will close next year", "according to"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "content", "cue"), UNSTATED)
def test_unattributed_reporting_has_an_unstated_source(nlp, sentence: str, content: str, cue: str) -> None:
    sources, attrs = run(nlp, sentence)
    found = [a for a in attrs if a.content.text == content]
    assert found, [a.content.text for a in attrs]
    a = found[0]
    assert a.cue is not None and a.cue.text == cue
    src = next(s for s in sources if s.id == a.source)
    assert src.kind == "unstated" and not src.anonymous and src.mentions == []
    assert sourcing_profile(sources, attrs).by_kind.get("unstated") == 1


NAMED_REPORTING = [
    # a reporter is named, or the report is one named before: no unstated source
    "The mayor said that the plant will close.",
    "The plant will close next year, according to reports by the Springfield Gazette.",
    "The plant will close next year, according to the report.",
    "It was reported by the Springfield Gazette that the mayor will resign.",
    "The mayor was told to leave the building.",
]


@pytest.mark.parametrize("sentence", NAMED_REPORTING)
def test_named_reporting_is_not_unstated(nlp, sentence: str) -> None:
    sources, _ = run(nlp, sentence)
    assert all(s.kind != "unstated" for s in sources), [(s.kind, s.description) for s in sources]


def test_one_unstated_source_per_article(nlp) -> None:
    text = "The mayor reportedly quit the party. It has been reported that the council will meet on Friday."
    sources, attrs = run(nlp, text)
    unstated = [s for s in sources if s.kind == "unstated"]
    assert len(unstated) == 1
    assert sum(1 for a in attrs if a.source == unstated[0].id) == 2


TRANSCRIPT = "Interview with the mayor\n\nQ: What will you do about the bridge?\n\nA: We will rebuild it by winter."


def test_transcript_turns_are_direct_speech_with_an_explicit_unknown_speaker(nlp) -> None:
    _, attrs = run(nlp, TRANSCRIPT)
    turns = {a.cue.text: a for a in attrs if a.cue is not None and a.cue.text in ("Q:", "A:")}
    assert turns["Q:"].content.text == "What will you do about the bridge?"
    assert turns["A:"].content.text == "We will rebuild it by winter."
    assert all(a.kind == "direct" and a.source is None for a in turns.values())


@pytest.mark.parametrize(
    "text",
    [
        "A. Lincoln said the bridge would be rebuilt by winter.",  # an initial, not an answer
        "The council chose Plan A: rebuild the bridge by winter.",  # not at a line's start
    ],
)
def test_no_transcript_turn(nlp, text: str) -> None:
    _, attrs = run(nlp, text)
    assert not [a for a in attrs if a.cue is not None and a.cue.text in ("A.", "A:")]


def test_named_transcript_line_names_its_speaker(nlp) -> None:
    sources, attrs = run(nlp, "Tom Berger: We never saw the plans for the new bridge.")
    (a,) = [a for a in attrs if a.content.text.startswith("We never saw")]
    assert speaker_of(sources, a) == "Tom Berger"


DOCUMENTS = [
    # (sentence, document mention, its author, the claim's speaker)
    ("The ministry said in a statement that the talks had failed.", "a statement", "The ministry", "The ministry"),
    ("In a court filing, the company said the contract was void.", "a court filing", "the company", "the company"),
    ("The plant will close, according to a report by Human Rights Watch.", "a report by Human Rights Watch",
     "Human Rights Watch", "a report by Human Rights Watch"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "document", "author", "speaker"), DOCUMENTS)
def test_documents_are_sources_with_their_author(nlp, sentence: str, document: str, author: str, speaker: str) -> None:
    sources, attrs = run(nlp, sentence)
    (doc_source,) = [s for s in sources if s.kind == "document"]
    assert [m.text for m in doc_source.mentions] == [document]
    assert doc_source.affiliation == author
    assert [speaker_of(sources, a) for a in attrs] == [speaker]


def test_an_interview_is_not_a_document(nlp) -> None:
    sources, _ = run(nlp, "Tom Berger said in an interview that the bridge was unsafe.")
    assert [s.kind for s in sources] == ["person"]
