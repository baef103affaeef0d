"""Round 17: speakers. "comment" is a tag-only speech verb, also where the tagger reads it as a noun; a quote
whose tag gives the words to an issued document ("'…,' the statement read") is the issuer's.

Invented sentences, read with the real model through the full pipeline.
"""

from __future__ import annotations


def _quotes(reader, text: str) -> list[tuple[str, str | None, str | None]]:
    record = reader.read(text)
    sources = {s.id: s.description for s in record.sources}
    return [(a.content.text, sources.get(a.source) if a.source else None, a.cue.text if a.cue else None)
            for a in record.attributions if a.quoted]


def test_comments_after_a_quote_is_its_tag(reader):
    # The tagger reads "comments" as a plural noun; the parser still makes it the root with a subject.
    found = _quotes(reader, '"We worked on the plan for the ship," comments Dana Ruel of the agency.')
    assert found and all(speaker is not None and "Ruel" in speaker for _, speaker, _ in found)


def test_comments_splitting_a_quote_tags_both_parts(reader):
    found = _quotes(reader, '"We are excited about the tour," comments Ruel in a statement, "as it is a party."')
    assert len(found) == 2
    assert all(speaker is not None and "Ruel" in speaker for _, speaker, _ in found)


def test_declined_to_comment_reports_nothing(reader):
    record = reader.read("The agency said the ship was late. Dana Ruel declined to comment.")
    assert all(a.cue is None or "comment" not in a.cue.text for a in record.attributions)


def _speaker_of(reader, text: str, words: str) -> str | None:
    found = [speaker for content, speaker, _ in _quotes(reader, text) if words in content]
    assert found, f"no quote holding {words!r}"
    return found[0]


def test_the_statement_read_is_the_issuers_named_before(reader):
    # The nearest mention names no issuer ("The statement, which was seen by ..."): the one before it does.
    text = ("Harbor Fund issued a statement on Monday. The statement, which was seen by the Courier, said little."
            "\n\n\"We will reopen the shelter in May,\" the statement read.")
    assert _speaker_of(reader, text, "reopen") == "Harbor Fund"


def test_her_statement_read_is_the_possessors(reader):
    text = "Dana Ruel spoke about the plan. \"We will reopen the shelter in May,\" her statement read."
    speaker = _speaker_of(reader, text, "reopen")
    assert speaker is not None and "Ruel" in speaker


def test_the_statement_continued_after_said_in_a_statement(reader):
    text = ("\"We are sad,\" Dana Ruel said in a statement. \"We will reopen the shelter in May,\" the statement "
            "continued.")
    speaker = _speaker_of(reader, text, "reopen")
    assert speaker is not None and "Ruel" in speaker


def test_a_statement_with_no_issuer_named_stays_the_source(reader):
    assert _speaker_of(reader, "\"We will reopen the shelter in May,\" the statement read.", "reopen") == (
        "the statement")
