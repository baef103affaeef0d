"""The PLOVER scorer: label mapping, actor matching, scoring, and the CLI on a few sentences."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from _paths import EVAL_DATA
from newsgraph.cli import app
from newsgraph.evaluate.plover import GoldSentence, choose, label_map, load_gold, matches, score
from newsgraph.record import Event, Offsets

PLOVER = EVAL_DATA / "plover"
GSR = PLOVER / "PLOVER_GSR_CAMEO.txt"
needs_data = pytest.mark.skipif(not GSR.exists(), reason="PLOVER gold not available")


@needs_data
@pytest.mark.parametrize(
    ("old", "new"),
    [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT"),
     ("AGREE", "AGREE"), ("RETREAT", "RETREAT"), ("CONCEDE", "CONCEDE"), ("SANCTION", "SANCTION")],
)
def test_label_map(old, new):
    assert label_map(PLOVER)[old] == new


@needs_data
def test_load_gold_has_322_coded_sentences():
    gold = load_gold(GSR)
    assert len(gold) == 322
    assert not {g.event for g in gold} & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "DOCUMENT"}


@pytest.mark.parametrize(
    ("gold", "predicted", "ok"),
    [
        (["Hungary"], "Hungary", True),
        (["Hungarian"], "Senior Hungarian and Romanian officials", True),
        (["NATO-member Norway"], "Norway", True),
        (["the United States"], "United States", True),
        (["Israel"], "Israel's", True),
        (["Israel"], "Iran", False),
        (["Israel"], None, False),
        (["Israel"], "", False),
        (["Sudan"], "a", False),
    ],
)
def test_matches(gold, predicted, ok):
    assert matches(gold, predicted) is ok


def _ev(code: str | None, actor: str, target: str | None = None) -> Event:
    return Event(
        id="v1", actor_text=actor, predicate="x", code=code, target_text=target, sentence=Offsets(start=0, end=1)
    )


def test_choose_prefers_coded_event():
    assert choose([_ev(None, "A"), _ev("AGREE", "B")]).actor_text == "B"
    assert choose([_ev(None, "A")]).actor_text == "A"
    assert choose([]) is None


def test_score():
    gold = [
        GoldSentence("1", "t", "AGREE", "AGREE", ["France"], ["Germany"]),
        GoldSentence("2", "t", "REQUEST", "DEMAND", ["Iran"], []),
        GoldSentence("3", "t", "ASSAULT", "FIGHT", [], ["Serbia"]),
    ]
    predicted = [[_ev("AGREE", "France", "Germany")], [_ev("REJECT", "Iraq")], []]
    report = score(gold, predicted)
    assert report.type_correct == 1 and report.sentences == 3
    assert (report.actor_correct, report.actor_total) == (1, 2)
    assert (report.target_correct, report.target_total) == (1, 2)
    assert report.to_dict()["event_type_accuracy"] == round(1 / 3, 4)


@needs_data
def test_cli_json_on_a_few_sentences():
    result = CliRunner().invoke(app, ["eval", "plover", str(GSR), "--limit", "8", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sentences"] == 8 and 0 <= data["event_type_accuracy"] <= 1


def test_cli_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["eval", "plover", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0


def test_cli_not_a_gold_file(tmp_path):
    bad = tmp_path / "PLOVER_GSR_CAMEO.txt"
    bad.write_text("not json", encoding="utf-8")
    (tmp_path / "CAMEO2PLOVER-2021.txt").write_text("03: AGREE\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "plover", str(bad)])
    assert result.exit_code != 0
