"""A stage that gives up raises in strict mode and leaves a warning otherwise."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.extract.failures import WARNINGS, gave_up, strict
from newsgraph.ingest.inputs import Item


def _doc() -> Doc:
    return Doc(Vocab(), words=["Rain", "fell", "."])


def _fail(doc: Doc) -> None:
    try:
        raise IndexError("no such token")
    except IndexError as exc:
        gave_up(doc, "events", "the sentence at 0", exc)


def test_the_suite_runs_strict() -> None:
    assert strict()


def test_strict_mode_raises_the_original_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_STRICT", "1")
    with pytest.raises(IndexError, match="no such token"):
        _fail(_doc())


@pytest.mark.parametrize("value", ["", "0"])
def test_outside_strict_mode_the_doc_keeps_a_warning(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("NEWSGRAPH_STRICT", value)
    doc = _doc()
    _fail(doc)
    _fail(doc)
    warnings = getattr(doc._, WARNINGS)
    assert [w.stage for w in warnings] == ["events", "events"]
    assert warnings[0].message == "the sentence at 0: IndexError: no such token"


def test_the_reader_copies_warnings_into_the_record(monkeypatch: pytest.MonkeyPatch, reader) -> None:
    from newsgraph.extract.events import core

    def broken(*args, **kwargs):
        raise KeyError("broken relations")

    monkeypatch.setenv("NEWSGRAPH_STRICT", "0")
    monkeypatch.setattr(core, "find_relations", broken)
    item = Item(where="<test>", text="The council approved the budget on Monday.")
    record = reader.read(item, published="2020-03-02")
    assert [(w.stage, w.message.split(":")[0]) for w in record.warnings] == [("events", "relations")]
    assert record.relations == []
