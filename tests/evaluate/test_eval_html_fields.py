"""``newsgraph eval html`` scores title, authors and date where the ground truth has them."""

import gzip
import json
from pathlib import Path

import pytest

from newsgraph.evaluate.html import evaluate, field_correct, gold_fields, split_of

PARAGRAPHS = "".join(f"<p>{p}</p>" for p in [
    "The old river bridge reopened on Monday after eight months of repairs, city officials said at a ceremony.",
    "Traffic was light in the morning but grew through the day as commuters returned to their usual route.",
])
PAGE = ('<html><head><title>Bridge reopens after repairs | River Post</title>'
        '<meta name="author" content="Jo A. Dale"><meta property="article:published_time" content="2021-05-03">'
        f"</head><body><article><h1>Bridge reopens after repairs</h1>{PARAGRAPHS}</article></body></html>")


def _folder(tmp_path: Path, truth: dict) -> Path:
    (tmp_path / "html").mkdir()
    for page_id in truth:
        (tmp_path / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    return tmp_path


def test_metadata_is_scored_where_the_gold_has_it(tmp_path):
    body = "The old river bridge reopened on Monday."
    folder = _folder(tmp_path, {
        "right": {"articleBody": body, "headline": "Bridge reopens after repairs", "author": "Jo A. Dale",
                  "datePublished": "2021-05-03T08:00:00Z"},
        "wrong": {"articleBody": body, "headline": "Another headline", "author": [{"name": "Sam Roe"}]},
        "none": {"articleBody": body},
    })
    (score, *_) = evaluate(folder, systems=("newsgraph",))
    assert score.fields["title"] == {"pages": 2, "accuracy": 0.5}
    assert score.fields["authors"] == {"pages": 2, "accuracy": 0.5}
    assert score.fields["published"] == {"pages": 1, "accuracy": 1.0}


def test_no_metadata_gold_no_metadata_scores(tmp_path):
    folder = _folder(tmp_path, {"p": {"articleBody": "The old river bridge reopened on Monday."}})
    (score, *_) = evaluate(folder, systems=("newsgraph",))
    assert score.fields == {}


@pytest.mark.parametrize(
    ("name", "predicted", "gold", "correct"),
    [
        ("title", "Bridge  reopens", "bridge reopens", True),
        ("authors", ["Jo Dale", "Sam Roe"], "Sam Roe and Jo Dale", True),
        ("authors", ["Jo Dale"], "Sam Roe and Jo Dale", False),
        ("published", "2021-05-03", "2021-05-03T08:00:00Z", True),
        ("published", None, "2021-05-03", False),
    ],
)
def test_field_correct(name, predicted, gold, correct):
    assert field_correct(name, predicted, gold) is correct


def test_gold_fields_reads_schema_org_names():
    assert gold_fields({"headline": "H", "author": "A", "url": "u"}) == {"title": "H", "authors": "A"}


def test_the_split_is_stable_and_halves_the_ids():
    ids = [f"page{i}" for i in range(200)]
    halves = [split_of(i) for i in ids]
    assert halves == [split_of(i) for i in ids]
    assert 70 < halves.count("develop") < 130
