"""The scorer's ``--long`` split (``by_length``), on per-article counts made up for the test (no pipeline run)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _scripts import load_script
from newsgraph.record import Event, Offsets, Record

sme = load_script("benchmarks/score_main_events.py")


def _article(*, long: bool, gold: int, main: int, matched: int, recalled: int) -> dict[str, Any]:
    counts = {k: 0 for k in sme.COUNT_KEYS}
    counts.update(gold=gold, main=main, main_matched=matched, gold_recalled=recalled)
    return {"long": long, "counts": counts}


def test_long_and_short_articles_are_summed_apart() -> None:
    result = {"per_article": [_article(long=True, gold=10, main=8, matched=4, recalled=5),
                              _article(long=False, gold=6, main=5, matched=4, recalled=3),
                              _article(long=True, gold=10, main=12, matched=8, recalled=5)]}
    parts = sme.by_length(result)
    assert parts["long"]["articles"] == 2 and parts["short"]["articles"] == 1
    assert parts["long"]["precision"] == round(12 / 20, 4) and parts["long"]["recall"] == 0.5
    assert parts["short"]["precision"] == 0.8 and parts["short"]["recall"] == 0.5


def test_a_part_without_articles_scores_zero_not_an_error() -> None:
    parts = sme.by_length({"per_article": [_article(long=False, gold=4, main=4, matched=2, recalled=2)]})
    assert parts["long"]["articles"] == 0 and parts["long"]["precision"] == 0.0


class _Reader:
    """Stands for the pipeline: a record whose text is the file's, with one main event in its first sentence."""

    def read(self, item: Any) -> Record:
        first = item.text.index(".") + 1
        event = Event(id="v1", predicate="open", sentence=Offsets(start=0, end=first),
                      trigger=Offsets(start=10, end=16), salience=0.9, main=True)
        return Record(id="r1", text=item.text, events=[event])


def test_an_article_is_long_by_its_text_over_the_threshold(tmp_path: Path) -> None:
    opening = "The mayor opened a bridge."
    (tmp_path / "short.txt").write_text(opening, encoding="utf-8")
    (tmp_path / "long.txt").write_text(opening + " Rain fell." * (sme.LONG_CHARS // 10), encoding="utf-8")
    gold_event = {"predicates": ["open"], "context": opening, "actor": None, "date": None}
    gold = {"articles": [{"file": name, "format": "text", "events": [gold_event]}
                         for name in ("short.txt", "long.txt")]}
    result = sme.score(gold, tmp_path, _Reader())
    assert [a["long"] for a in result["per_article"]] == [False, True]
    parts = sme.by_length(result)
    assert parts["long"]["gold_recalled"] == 1 and parts["short"]["gold_recalled"] == 1
