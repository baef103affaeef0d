"""Helpers for the speaker and role tests on invented sentences: run the entity and attribution stages on a
parsed text, find a quote's source or the source a word describes, and the words that source is named by."""

from __future__ import annotations

from newsgraph.extract.attribution.core import attributions
from newsgraph.extract.entities.core import entities
from newsgraph.record import Attribution, Source


def run(nlp, text: str) -> tuple[list[Source], list[Attribution]]:
    """The sources and attributions of ``text``, parsed by ``nlp``."""
    doc = nlp(text)
    return attributions(doc, entities(doc))


def source_of(sources: list[Source], attrs: list[Attribution], words: str) -> Source | None:
    """The source of the quoted attribution whose content holds ``words``."""
    hit = next(a for a in attrs if a.quoted and words in a.content.text)
    return next((s for s in sources if s.id == hit.source), None)


def names(source: Source | None) -> str:
    """The source's description and mention texts, one string (empty for no source)."""
    return " ".join([source.description, *(m.text for m in source.mentions)]) if source else ""


def assert_speaker(sources: list[Source], attrs: list[Attribution], words: str, speaker: str | None) -> None:
    """The quote holding ``words`` has no source when ``speaker`` is None, else a source named with ``speaker``."""
    found = source_of(sources, attrs, words)
    if speaker is None:
        assert found is None, names(found)
    else:
        assert speaker in names(found), names(found)


def source_described(reader, text: str, word: str) -> Source:
    """The first source of ``text``'s record whose description or a mention holds ``word``; its role
    evidence must point into the clean text."""
    record = reader.read(text)
    found = [s for s in record.sources if word.lower() in s.description.lower()
             or any(word.lower() in m.text.lower() for m in s.mentions)]
    assert found, f"no source with {word!r} in {[s.description for s in record.sources]}"
    source = found[0]
    for span in source.role_evidence:
        assert record.text[span.start : span.end] == span.text  # evidence points into the clean text
    return source
