"""The reference comparer: a record built to match passes, each kind of mistake fails."""

from newsgraph.evaluate.reference import compare, summary
from newsgraph.record import Attribution, Entity, Mention, Meta, Paragraph, Record, Source, TextSpan, TimeExpression

TEXT = "Mayor Jane Roe said the bridge would reopen in March, according to two city officials."

GOLD = {
    "meta": {"authors": ["Ann Poe"], "published": "2020-04-02", "title": None},
    "boilerplate": ["Share this"],
    "sentences_intact": ["Mayor Jane Roe said the bridge would reopen in March, according to two city officials."],
    "paragraphs": {"min": 1, "max": 1, "starts": ["Mayor Jane Roe"]},
    "entities": [
        {"key": "roe", "type": "PERSON", "names": ["Jane Roe"], "titles": ["Mayor"], "mentions": ["Jane Roe"]}
    ],
    "not_entities": [{"text": "Roe", "wrong_types": ["ORG"]}],
    "times": [{"text": "March", "value": "2020-03"}],
    "sources": [{"key": "anon", "anonymous": True, "description": "two city officials", "count": 2}],
    "attributions": [{"claim": "Mayor Jane Roe said the bridge would reopen in March", "source": "anon",
                      "cue": "according to"}],
}


def _record(**changes) -> Record:
    start = TEXT.index("Jane Roe")
    entity = Entity(id="e1", name="Jane Roe", type="PERSON", titles=["Mayor"],
                    mentions=[Mention(start=start, end=start + 8, text="Jane Roe")])
    march = TEXT.index("March")
    officials = TEXT.index("two city officials")
    record = Record(
        id="x", text=TEXT, meta=Meta(authors=["Ann Poe"], published="2020-04-02"),
        paragraphs=[Paragraph(start=0, end=len(TEXT))],
        entities=[entity],
        times=[TimeExpression(id="t1", start=march, end=march + 5, text="March", type="DATE", value="2020-03")],
        sources=[Source(id="s1", description="two city officials", kind="anonymous", anonymous=True, count=2)],
        attributions=[Attribution(
            id="a1", source="s1", kind="according_to",
            cue=TextSpan(start=officials - 13, end=officials - 1, text="according to"),
            content=TextSpan(start=0, end=51, text=TEXT[:51]))],
    )
    return record.model_copy(update=changes)


def test_a_matching_record_passes_every_check():
    checks = compare(_record(), GOLD)
    assert all(c.passed for c in checks), [c for c in checks if not c.passed]
    assert summary(checks)["entities"] == (5, 5)


def test_wrong_type_wrong_value_and_wrong_source_each_fail():
    record = _record()
    record.entities[0].type = "ORG"
    record.times[0].value = "2021-03"
    record.attributions[0].source = None
    failed = {c.name for c in compare(record, GOLD) if not c.passed}
    assert "roe type PERSON" in failed
    assert "'Roe' not typed ORG" not in failed  # "Roe" alone is not a mention here
    assert "'March' = 2020-03" in failed
    assert any(name.startswith("Mayor Jane Roe said") for name in failed)


def test_missing_parts_fail():
    failed = {c.name for c in compare(_record(entities=[], sources=[], meta=Meta()), GOLD) if not c.passed}
    assert {"roe found", "anon found", "authors", "published"} <= failed
