"""The cleaning scorers on hand-made documents, and the command on a few real ones."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from _paths import CORPUS
from newsgraph.evaluate.cleaning import (
    is_person_name,
    metadata_names,
    score_metadata,
    score_reuters,
    source_sentences,
)
from newsgraph.evaluate.corpora import CorpusDoc
from newsgraph.ingest.inputs import Item


def _doc(corpus: str, text: str, **extra) -> CorpusDoc:
    return CorpusDoc(corpus, Item(where="test", format="text", text=text, id="t"), extra)


@pytest.mark.parametrize(
    ("values", "names"),
    [
        (["By Gregory Krieg, CNN"], ["gregory krieg", "cnn"]),
        (["Jane Smith and Tom O'Neil"], ["jane smith", "tom o neil"]),
        (["Life", "Style Staff"], ["life", "style staff"]),
    ],
)
def test_metadata_names(values, names):
    assert metadata_names(values) == names


@pytest.mark.parametrize(("name", "expected"), [("jane smith", True), ("july", False), ("at pm edt", False),
                                                ("style staff", False), ("cnn", False)])
def test_person_names(name, expected):
    assert is_person_name(name) is expected


def test_source_sentences_skip_tables():
    body = "Shr 34 cts vs 1.19 dlrs Net 807,000 vs 2,858,000. The company said sales rose in the quarter."
    assert source_sentences(body) == ["The company said sales rose in the quarter."]


def test_score_metadata_counts_right_and_wrong():
    docs = [
        _doc("fakenewsnet", "By Jane Smith\n\nThe council voted to close the bridge on Tuesday, officials said.\n",
             authors=["Jane Smith"], published="2017-06-06"),
        _doc("fakenewsnet", "By Tom Baker June 6, 2017\n\nThe council voted to close the bridge, officials said.\n",
             authors=["Jane Smith"], published="2017-06-07"),
    ]
    score = score_metadata(docs, "fakenewsnet")
    assert (score.predicted_authors, score.correct_authors) == (2, 1)
    assert (score.gold_authors, score.found_gold_authors) == (2, 1)
    assert (score.predicted_dates, score.correct_dates, score.with_date) == (1, 1, 2)
    assert score.span_problems == 0


def test_score_reuters_passes_a_clean_story_and_fails_a_broken_one():
    body = ("    Dean Foods Co said earnings for the quarter would\nexceed those of a year ago.\n"
            "    It said sales rose.\n Reuter\n")
    good = _doc("reuters", "DEAN FOODS SEES GAINS\n    CHICAGO, Feb 26 -" + body, body=body,
                dateline="    CHICAGO, Feb 26 -")
    score = score_reuters([good])
    assert (score.all_good, score.sentences, score.sentences_intact) == (1, 2, 2)
    assert (score.dateline_removed, score.signoff_removed) == (1, 1)


@pytest.mark.skipif(not (CORPUS / "reuters21578").exists(), reason="shared corpus not available")
def test_command_runs_on_a_few_documents():
    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["eval", "cleaning", "--limit", "5", "--json"])
    assert result.exit_code == 0, result.output
    assert '"reuters"' in result.output


def test_command_fails_cleanly_on_a_wrong_folder(tmp_path):
    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["eval", "cleaning", "--corpus-dir", str(tmp_path)])
    assert result.exit_code != 0
