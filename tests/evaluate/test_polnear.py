"""The PolNeAR scorer: brat parsing, the record-to-PolNeAR adapter, matching (no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.polnear import (
    GoldAttribution,
    Predicted,
    load_articles,
    parse_ann,
    predictions,
    score_article,
)
from newsgraph.record import Attribution, Source, SourceMention, TextSpan

TEXT = "Taxes will rise, the minister said. “We are ready,” Ann Cole said."
ANN = """T1\tSource 17 29\tthe minister
T2\tCue 30 34\tsaid
T3\tContent 0 15\tTaxes will rise
T4\tAttribution 30 34\tsaid
E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T5\tContent 36 49;49 51\tWe are ready,”
T6\tCue 61 65\tsaid
T7\tAttribution 61 65\tsaid
E2\tAttribution-no-source:T7 Cue:T6 Content:T5
T8\tDiscuss 0 5\tTaxes
"""


def test_parse_ann_reads_events_and_discontinuous_spans() -> None:
    gold = parse_ann(ANN)
    assert len(gold) == 2
    assert gold[0] == GoldAttribution(content=((0, 15),), source=((17, 29),), cue=((30, 34),))
    assert gold[1].content == ((36, 49), (49, 51)) and gold[1].source == ()


def test_parse_ann_tolerates_junk() -> None:
    assert parse_ann("garbage\nE1\tAttribution:T9 Content:T99\n\n") == []


def _span(start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end, text=TEXT[start:end])


def test_predictions_drop_nested_fragments_and_widen_quotes() -> None:
    sources = [Source(id="s1", description="x", kind="person", mentions=[SourceMention(start=17, end=29, text="")])]
    attrs = [
        Attribution(id="a1", source="s1", cue=_span(30, 34), content=_span(0, 15), kind="indirect"),
        Attribution(id="a2", source="s1", cue=_span(30, 34), content=_span(6, 10), kind="direct", quoted=True),
        Attribution(id="a3", source=None, cue=_span(61, 65), content=_span(37, 49), kind="direct", quoted=True),
    ]
    preds = predictions(TEXT, sources, attrs)
    assert len(preds) == 2  # the fragment inside a1 is not a PolNeAR attribution
    assert preds[0].source == (17, 29)
    assert TEXT[preds[1].content[0] : preds[1].content[1]] == "“We are ready,”"


def test_scores_by_overlap_and_exact() -> None:
    gold = parse_ann(ANN)
    preds = [Predicted((0, 15), (17, 29), (30, 34)), Predicted((38, 45), (60, 61), (61, 65))]
    scores = {k: v.scores() for k, v in score_article(TEXT, preds, gold).items()}
    assert scores["content_overlap"]["tp"] == 2
    assert scores["content_exact"]["tp"] == 1  # "are rea" is not the gold span
    assert scores["attribution_overlap"]["tp"] == 1  # the second has a source where gold has none
    assert scores["cue_exact"]["f1"] == 1.0


def test_matching_is_one_to_one() -> None:
    gold = [GoldAttribution(((0, 15),), (), ())]
    preds = [Predicted((0, 15), None, None), Predicted((0, 10), None, None)]
    counts = score_article(TEXT, preds, gold)["content_overlap"]
    assert (counts.tp, counts.predicted, counts.gold) == (1, 2, 1)


def test_load_articles_picks_one_annotator(tmp_path: Path) -> None:
    base = tmp_path / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (base / "attributions" / "a_aaaa.ann").write_text(ANN, encoding="utf-8")
    (base / "attributions" / "a_bbbb.ann").write_text("", encoding="utf-8")
    articles = list(load_articles(tmp_path, "dev"))
    assert len(articles) == 1 and len(articles[0].gold) == 2


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list(load_articles(tmp_path, "dev"))


def test_nominal_content_is_a_noun_phrase_outside_quotation_marks() -> None:
    from _docs import parse
    from newsgraph.evaluate.polnear import nominal_content

    # "Critics attacked the decision and said it was late."
    doc = parse("""
0 Critics 1 nsubj NOUN NNS critic
1 attacked 1 ROOT VERB VBD attack
2 the 3 det DET DT the
3 decision 1 dobj NOUN NN decision
4 and 1 cc CCONJ CC and
5 said 1 conj VERB VBD say
6 it 7 nsubj PRON PRP it
7 was 5 ccomp AUX VBD be
8 late 7 acomp ADJ JJ late
9 . 1 punct PUNCT . .
""")
    text = doc.text

    def gold(piece: str) -> GoldAttribution:
        start = text.index(piece)
        return GoldAttribution(content=((start, start + len(piece)),), source=(), cue=())

    assert nominal_content(doc, gold("the decision"))
    assert not nominal_content(doc, gold("it was late"))
