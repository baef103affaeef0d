"""The hand-checked quote scorer (``benchmarks/score_quotes.py``) on invented records, and the sets' own shape.

The scorer's figures on the real articles are in docs/quality.md (run the script); here only
that it counts right: hand-built sources and attributions of the record types, with answers
worked out by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _scripts import load_script
from newsgraph.record import Attribution, Source, SourceMention, TextSpan

DATA = Path(__file__).parent / "data"
ROLES = {"official", "politician", "spokesperson", "expert", "business", "legal", "security", "media", "activist",
         "ordinary"}
FORMS = {"marks", "partial", "post", "interview", "headline"}


sq = load_script("benchmarks/score_quotes.py")


class LabelledSource(Source):
    """A source with the role and gender fields the roles work adds to the record (not in this record yet)."""

    role: str | None = None
    gender: str | None = None


def _span(text: str, start: int = 0) -> TextSpan:
    return TextSpan(start=start, end=start + len(text), text=text)


def _source(sid: str, name: str, cls: type[Source] = Source, **labels: str | None) -> Source:
    return cls(id=sid, description=name, kind="person", mentions=[SourceMention(**_span(name).model_dump())], **labels)


def _quote(aid: str, text: str, source: str | None, kind: str = "direct", quoted: bool = True) -> Attribution:
    return Attribution(id=aid, source=source, cue=None, content=_span(text), kind=kind, quoted=quoted)


def _article() -> object:
    quotes = [
        sq.GoldQuote("The bridge will open in May", ["Okafor"], "Mara Okafor", role="official", gender="female"),
        sq.GoldQuote("nobody asked us", ["Brandt"], "Tomas Brandt", form="partial", role="ordinary", gender=None),
        sq.GoldQuote("We are still counting the ballots", ["Okafor"], "Mara Okafor", form="post"),
    ]
    for q in quotes:
        q.annotated_role_gender = True
    return sq.GoldArticle("invented/1", "invented", "1", quotes, ignore=["Main Street"])


def test_counts_precision_recall_speakers_and_ignored_stretches() -> None:
    score = sq.Score()
    sources = [_source("s1", "Mara Okafor"), _source("s2", "the council")]
    attrs = [
        _quote("a1", "“The bridge will open in May,” ", "s1"),  # finds gold 1, right speaker
        _quote("a2", "nobody asked", "s2"),  # cut shorter: still finds gold 2, wrong speaker
        _quote("a3", "a stray remark", "s1"),  # no gold quote: counts against precision
        _quote("a4", "Main Street", None),  # an ignored stretch: out of precision
        _quote("a5", "We are still counting the ballots", "s1", kind="indirect", quoted=False),  # not a quote
    ]
    sq.score_article(score, _article(), sources, attrs)
    out = score.as_dict()
    assert (out["gold quotes"], out["predicted quotes"], out["predicted in ignored stretches"]) == (3, 4, 1)
    assert out["quote precision"] == round(2 / 3, 3)
    assert out["quote recall"] == round(2 / 3, 3)
    assert out["speaker accuracy (of found)"] == 0.5
    assert out["by form"]["post"] == {"gold": 1, "recall": 0.0, "speaker accuracy (of found)": 0.0}
    assert out["by form"]["partial"]["recall"] == 1.0
    # The record's sources carry role and gender fields, left empty here: scored, none labelled.
    assert out["role"]["sources labelled"] == out["gender"]["sources labelled"] == 0
    assert any("missed (post)" in e for e in score.errors)
    assert any("'a stray remark'" in e for e in score.errors)


def test_a_transcript_turn_counts_as_a_quote_and_the_entity_name_finds_the_speaker() -> None:
    score = sq.Score()
    sources = [Source(id="s1", entity="e1", description="she", kind="person")]
    attrs = [_quote("a1", "We are still counting the ballots", "s1", quoted=False)]
    sq.score_article(score, _article(), sources, attrs, {"e1": "Mara Okafor"})
    assert score.found == 1 and score.speaker_right == 1


def test_the_prediction_holding_the_words_stands_for_them_not_a_shorter_one_inside() -> None:
    score = sq.Score()
    sources = [_source("s1", "Mara Okafor"), _source("s2", "Tomas Brandt")]
    attrs = [_quote("a1", "nobody", "s1"), _quote("a2", "nobody asked us at all", "s2")]
    sq.score_article(score, _article(), sources, attrs)
    assert score.found == 1 and score.speaker_right == 1


def test_role_and_gender_scored_on_the_sources_labelled() -> None:
    score = sq.Score()
    sources = [
        _source("s1", "Mara Okafor", LabelledSource, role="official", gender="male"),  # gender wrong
        _source("s2", "Tomas Brandt", LabelledSource, role="expert", gender=None),  # role wrong, null kept
    ]
    attrs = [_quote("a1", "The bridge will open in May", "s1"), _quote("a2", "nobody asked us", "s2"),
             _quote("a3", "We are still counting the ballots", "s1")]
    sq.score_article(score, _article(), sources, attrs)
    out = score.as_dict()
    assert out["speakers (distinct, right)"] == 2  # Okafor's two quotes are one source
    assert out["role"]["sources labelled"] == 2
    assert out["role"]["role accuracy (of labelled)"] == 0.5
    assert out["gender"]["sources labelled"] == 1
    assert out["gender"]["gender accuracy (of labelled)"] == 0.0
    assert out["gender"]["share null where the text gives no gender"] == 1.0


def test_a_gender_without_evidence_is_wrong_and_not_null() -> None:
    score = sq.Score()
    sources = [_source("s2", "Tomas Brandt", LabelledSource, role="ordinary", gender="male")]
    sq.score_article(score, _article(), sources, [_quote("a1", "nobody asked us", "s2")])
    gender = score.as_dict()["gender"]
    assert gender["gender accuracy (of labelled)"] == 0.0
    assert gender["share null where the text gives no gender"] == 0.0


def test_norm_folds_marks_space_and_edges() -> None:
    assert sq.norm("  “It’s  done,” ") == "it's done"
    assert sq.matches(sq.norm("He said it's done today"), "it's done")
    assert not sq.matches("it", "it's done")  # too short to count as lying inside


@pytest.mark.parametrize("name, articles, quotes", [("handchecked_corpus.json", 16, 222),
                                                    ("handchecked_bbc_politics.json", 4, 43),
                                                    ("handchecked_dev2.json", 8, 93),
                                                    ("handchecked_dev3.json", 9, 127),
                                                    ("handchecked_dev4.json", 7, 73),
                                                    ("handchecked_dev5.json", 3, 26)])
def test_the_sets_load_and_keep_their_value_sets(name: str, articles: int, quotes: int) -> None:
    gold = sq.load_gold(DATA / name)
    assert len(gold) == articles
    assert sum(len(a.quotes) for a in gold) == quotes
    raw = json.loads((DATA / name).read_text(encoding="utf-8"))["articles"]
    for article in gold:
        assert all(q.keys for q in article.quotes), article.key
        for q in article.quotes:
            assert q.form in FORMS
            assert q.role is None or q.role in ROLES, (article.key, q)
            assert q.gender in (None, "female", "male")
            assert (q.handle is not None) == (q.form == "post"), (article.key, q.quote)
        entries = raw[article.key]["quotes"] if isinstance(raw[article.key], dict) else raw[article.key]
        for q in entries:
            assert (q["gender"] is None) == (q["gender_evidence"] is None), (article.key, q["quote"])


def test_the_new_set_spans_enough_articles_and_corpora() -> None:
    gold = sq.load_gold(DATA / "handchecked_corpus.json")
    assert len({a.corpus for a in gold}) >= 5
    assert len({a.key for a in gold}) >= 15
    assert not any(a.key.startswith("bbc/bbc-politics-0") and int(a.item_id[-3:]) <= 40 for a in gold)
    assert not {"bbc-politics-050", "bbc-politics-100", "bbc-politics-150", "bbc-politics-300"} & {
        a.item_id for a in gold}


#: Floors under today's figures in docs/quality.md (quote precision 0.987, recall 0.982, speaker 0.835;
#: posts and transcript turns are development figures there).
MIN_PRECISION, MIN_RECALL, MIN_SPEAKER = 0.95, 0.95, 0.8


#: The set's articles in the pool reserved for fresh annotation (docs/quality.md, round 3): neither read
#: nor run (the floors hold on the other 10 articles: precision 0.994, recall 0.994, speaker 0.923).
RESERVED = ("fakenewsnet/gossipcop", "semeval/", "fakenewscorpus/")


@pytest.mark.slow
def test_the_pipeline_on_the_new_set_stays_above_its_floors() -> None:
    from _paths import CORPUS, needs_shared

    if not CORPUS.exists():
        pytest.skip(needs_shared(CORPUS).kwargs["reason"])
    out = sq.score_set(DATA / "handchecked_corpus.json", CORPUS, skip=RESERVED).as_dict()
    assert out["quote precision"] >= MIN_PRECISION, out
    assert out["quote recall"] >= MIN_RECALL, out
    assert out["speaker accuracy (of found)"] >= MIN_SPEAKER, out


@pytest.mark.parametrize(("corpus", "item_id", "tail"), [
    ("bbc", "bbc-tech-151", "bbc/bbc/tech/151.txt"),
    ("buzzfeed", "bfw-0088", "buzzfeed_webis2016/articles/0088.xml"),
    ("reuters", "reuters-1895", "reuters21578/reut2-001.sgm"),
    ("reuters", "reuters-1000", "reuters21578/reut2-000.sgm"),
    ("reuters", "reuters-12967", "reuters21578/reut2-012.sgm"),
])
def test_own_file_names_the_one_file_of_an_article(corpus: str, item_id: str, tail: str) -> None:
    root = Path("/corpus")
    assert sq.own_file(corpus, item_id, root) == root / tail


def test_a_row_of_a_shared_file_has_no_file_of_its_own() -> None:
    assert sq.own_file("semeval", "semeval-0000001", Path("/corpus")) is None


def test_the_list_layout_reads_roles_and_genders_only_where_annotated(tmp_path: Path) -> None:
    raw = {"articles": {
        "politics/901.txt": [{"quote": "we will open the bridge", "speaker": "Okafor", "role": "official",
                              "role_evidence": "the mayor", "gender": None, "gender_evidence": None}],
        "politics/902.txt": [{"quote": "nobody asked us", "speaker": "Brandt"}],
    }}
    path = tmp_path / "set.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    first, second = sq.load_gold(path)
    assert (first.item_id, first.quotes[0].role, first.quotes[0].annotated_role_gender) == (
        "bbc-politics-901", "official", True)
    assert second.quotes[0].role is None and not second.quotes[0].annotated_role_gender


def test_the_bbc_politics_set_now_carries_roles_for_every_source() -> None:
    gold = sq.load_gold(DATA / "handchecked_bbc_politics.json")
    assert all(q.annotated_role_gender for a in gold for q in a.quotes)
    assert sum(1 for a in gold for q in a.quotes if q.role is not None) == 43
