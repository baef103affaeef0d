"""``newsgraph eval timeml`` through the CLI runner, on a tiny TimeML folder."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app

DOC = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> after
<TIMEX3 tid="t2" type="DURATION" value="P3Y">the past three years</TIMEX3> of calm.
</TEXT>
</TimeML>
"""


def test_eval_timeml_json(tmp_path, nlp) -> None:
    folder = tmp_path / "TimeBank"
    folder.mkdir()
    (folder / "a.tml").write_text(DOC, encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(app, ["eval", "timeml", str(tmp_path), "--json", "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["TimeBank"]["gold"] == 2
    assert report["all"]["value_f1"] == 1.0
    assert errors.exists()


def test_eval_timeml_missing_folder(tmp_path) -> None:
    result = CliRunner().invoke(app, ["eval", "timeml", str(tmp_path / "nope")])
    assert result.exit_code != 0
