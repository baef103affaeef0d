"""Attribution: sentence tables (with negatives), the reference article against its gold, bad input."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from _paths import GOLD, REFERENCE, require
from newsgraph.extract.attribution.core import attributions
from newsgraph.extract.entities.core import entities
from newsgraph.record import Attribution, Source


def run(nlp, text: str) -> tuple[list[Source], list[Attribution]]:
    doc = nlp(text)
    return attributions(doc, entities(doc))


def by_id(sources: list[Source]) -> dict[str, Source]:
    return {s.id: s for s in sources}


def norm(text: str) -> str:
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower().strip(" .,;:\"'")


def find(attrs: list[Attribution], content: str) -> list[Attribution]:
    return [a for a in attrs if norm(content) in norm(a.content.text)]


# --- reported speech -----------------------------------------------------------

INDIRECT = [
    # (sentence, content, source mention, cue, kind)
    ("The minister said that taxes would rise next year.", "taxes would rise next year", "The minister", "said",
     "indirect"),
    ("Taxes will rise next year, the minister said.", "Taxes will rise next year", "the minister", "said", "indirect"),
    ("Prices have doubled since March, the traders added.", "Prices have doubled since March", "the traders", "added",
     "indirect"),
    ("Maria Lopez told reporters that the plant would close.", "the plant would close", "Maria Lopez", "told",
     "indirect"),
    ("The company wrote that it had fixed the flaw.", "it had fixed the flaw", "The company", "wrote", "indirect"),
    ("The bridge will reopen in May, according to city engineers.", "The bridge will reopen in May",
     "city engineers", "according to", "according_to"),
    ("According to the police report, the driver was speeding.", "the driver was speeding", "the police report",
     "according to", "according_to"),
    ("The merger was first reported by Reuters.", "The merger", "Reuters", "first reported", "indirect"),
    ("In a statement, the ministry said the talks had failed.", "the talks had failed", "the ministry", "said",
     "indirect"),
    ("She repeated her promise that taxes would not rise.", "taxes would not rise", "her", "promise", "indirect"),
    ("He vowed to cut taxes for small firms.", "to cut taxes for small firms", "He", "vowed", "indirect"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "content", "source", "cue", "kind"), INDIRECT)
def test_reported_speech(nlp, sentence: str, content: str, source: str, cue: str, kind: str) -> None:
    sources, attrs = run(nlp, sentence)
    found = find(attrs, content)
    assert found, [a.content.text for a in attrs]
    a = found[0]
    assert a.kind == kind
    assert a.cue is not None and a.cue.text.lower() == cue
    src = by_id(sources)[a.source]
    assert source in [m.text for m in src.mentions]
    assert sentence[a.content.start : a.content.end] == a.content.text


NO_ATTRIBUTION = [
    "The claim that he made was false.",
    "The spokesman refused to comment.",
    "The company announced its quarterly results on Tuesday.",
    "Everything went according to plan.",
    "The river rose two feet overnight.",
    "She watched the “Late Show” on Monday.",
    "He said nothing.",
]


@pytest.mark.parametrize("sentence", NO_ATTRIBUTION)
def test_no_attribution(nlp, sentence: str) -> None:
    _, attrs = run(nlp, sentence)
    assert attrs == []


# --- direct quotes -------------------------------------------------------------

QUOTES = [
    # (text, quote, speaker mention, cue)
    ("“We will rebuild the bridge,” Mayor Ann Cole said.", "We will rebuild the bridge,", "Ann Cole", "said"),
    ("Mayor Ann Cole said: “We will rebuild the bridge.”", "We will rebuild the bridge.", "Ann Cole", "said"),
    ('"This is not over," said John Park, a union leader.', "This is not over,", "John Park", "said"),
    ("“It was chaos,” Cuellar told a group of reporters.", "It was chaos,", "Cuellar", "told"),
    ("The senator called the bill “a disgrace” on Monday.", "a disgrace", "The senator", "called"),
    ("The governor vowed to end the “era of waste.”", "era of waste.", "The governor", "vowed"),
    ("Il a dit «c'est fini» hier, a déclaré Pierre Dubois.", None, None, None),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue"), QUOTES)
def test_direct_quotes(nlp, text: str, quote: str | None, speaker: str | None, cue: str | None) -> None:
    sources, attrs = run(nlp, text)
    if quote is None:
        return  # other-language marks: only must not fail
    quoted = [a for a in attrs if a.quoted and norm(a.content.text) == norm(quote)]
    assert quoted, [(a.content.text, a.quoted) for a in attrs]
    a = quoted[0]
    assert a.kind == "direct"
    assert a.cue is not None and a.cue.text == cue
    mentions = " | ".join(m.text for m in by_id(sources)[a.source].mentions)
    assert speaker in mentions


def test_speaker_inside_the_quote_and_continuation(nlp) -> None:
    text = (
        "“We are not leaving,” said Tom Reyes, the strike leader, “and we will not be moved.” "
        "“Nobody will break this line,” he said."
    )
    sources, attrs = run(nlp, text)
    quoted = [a for a in attrs if a.quoted]
    assert len(quoted) == 3
    assert len({a.source for a in quoted}) == 1
    assert by_id(sources)[quoted[0].source].entity is not None


def test_quote_spanning_paragraphs_keeps_speaker(nlp) -> None:
    text = (
        "“We planned this for months,” said Dana Whit, the organizer. “We knew the risks.\n\n"
        "“And we would do it again.”"
    )
    _, attrs = run(nlp, text)
    quoted = [a for a in attrs if a.quoted]
    assert len(quoted) >= 3
    assert len({a.source for a in quoted}) == 1 and quoted[0].source is not None


RUNS_ON = [
    # (text, opening part, speaker of the closing part)
    ("“We will fight this in every court.\n\n“And we will win,” the spokesman, Tom Kay, said.",
     "We will fight this in every court.", "Tom Kay"),
    ("Mayor Ann Lee said taxes would fall.\n\n“We will fight this in every court.\n\n"
     "“And we will win,” the spokesman, Tom Kay, said.", "We will fight this in every court.", "Tom Kay"),
    ("“Today we lost,” said Ann Lee. “We will fight this in every court.\n\n"
     "“And we will win,” the spokesman, Tom Kay, said.", "We will fight this in every court.", "Tom Kay"),
    ("“We will fight.\n\n“We will appeal.\n\n“And we will win,” the spokesman, Tom Kay, said.",
     "We will fight.", "Tom Kay"),
]


@pytest.mark.parametrize(("text", "opening", "speaker"), RUNS_ON)
def test_quote_running_over_paragraphs_takes_the_closing_speaker(nlp, text, opening, speaker) -> None:
    sources, attrs = run(nlp, text)
    first = [a for a in attrs if a.content.text == opening]
    assert len(first) == 1 and first[0].source is not None
    assert speaker in by_id(sources)[first[0].source].description


def test_closed_quote_does_not_take_the_next_paragraphs_speaker(nlp) -> None:
    text = "“We will fight this in every court,” Ann Lee said.\n\n“And we will win,” the spokesman, Tom Kay, said."
    sources, attrs = run(nlp, text)
    first = find(attrs, "We will fight this in every court")
    assert first and "Ann Lee" in by_id(sources)[first[0].source].description


def test_speaker_in_previous_sentence(nlp) -> None:
    text = "Mayor Ann Cole said the city had run out of money. “We cannot pay the workers this month.”"
    sources, attrs = run(nlp, text)
    quoted = [a for a in attrs if a.quoted]
    assert len(quoted) == 1 and quoted[0].source is not None
    assert "Ann Cole" in " ".join(m.text for m in by_id(sources)[quoted[0].source].mentions)


def test_quote_introduced_by_colon_in_previous_paragraph(nlp) -> None:
    text = "The ministry released the following statement:\n\n“We regret the delay and will pay every claim in full.”"
    sources, attrs = run(nlp, text)
    quoted = [a for a in attrs if a.quoted]
    assert len(quoted) == 1 and quoted[0].source is not None
    assert "The ministry" in [m.text for m in by_id(sources)[quoted[0].source].mentions]


def test_unattributed_short_quote_is_dropped(nlp) -> None:
    _, attrs = run(nlp, "The so-called “reform” passed on Tuesday.")
    assert attrs == []


def test_mixed_quote_gives_clause_and_fragment(nlp) -> None:
    text = "The mayor said the plan was “a total failure” and should be scrapped."
    _, attrs = run(nlp, text)
    kinds = {(a.kind, a.quoted) for a in attrs}
    assert ("mixed", False) in kinds and ("direct", True) in kinds
    assert len({a.source for a in attrs}) == 1


# --- sources -------------------------------------------------------------------


def test_anonymous_source_and_its_later_references(nlp) -> None:
    text = (
        "The company will cut 500 jobs, according to three people familiar with the matter. "
        "The people, who spoke on condition of anonymity because they were not authorized to discuss the plans, "
        "said the cuts would start in May. They added that the plant would stay open. "
        "The cuts were approved last week, these people said."
    )
    sources, attrs = run(nlp, text)
    anon = [s for s in sources if s.anonymous]
    assert len(anon) == 1, [s.description for s in sources]
    s = anon[0]
    assert s.kind == "anonymous" and s.count == 3
    assert s.affiliation and "familiar with the matter" in s.affiliation
    assert s.reason and s.reason.startswith("because they were not authorized")
    texts = [m.text for m in s.mentions]
    assert "They" in texts and "these people" in texts
    assert sum(1 for a in attrs if a.source == s.id) >= 4


@pytest.mark.parametrize(
    ("sentence", "count", "affiliation"),
    [
        ("The deal is off, two officials close to the Pentagon said.", 2, "Pentagon"),
        ("The deal is off, a person close to the board said.", 1, "board"),
        ("The deal is off, senior administration officials said.", None, "administration"),
        ("The deal is off, several sources said.", None, None),
    ],
)
def test_anonymous_count_and_affiliation(nlp, sentence: str, count: int | None, affiliation: str | None) -> None:
    sources, _ = run(nlp, sentence)
    anon = [s for s in sources if s.anonymous]
    assert len(anon) == 1
    assert anon[0].count == count
    assert anon[0].affiliation == affiliation


def test_named_source_is_not_anonymous_and_links_entity(nlp) -> None:
    sources, _ = run(nlp, "The factory will close in June, Angela Merkel said.")
    assert len(sources) == 1
    assert not sources[0].anonymous and sources[0].kind == "person"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The senator lied about his taxes, The New York Times reported.", "media"),
        ("A court filing said the company had hidden losses.", "document"),
        ("The company said profits fell.", "organization"),
        ("The agency declined to comment.", "organization"),
        ("The ministry said prices would rise.", "organization"),
        ("The news agency reported that profits fell.", "media"),
        ("The newspaper reported that profits fell.", "media"),
        ("The editor wrote that the paper erred.", "person"),
        ("The prosecutor said the evidence was weak.", "person"),
        ("It said the evidence was weak.", "organization"),  # an unresolved "it" is no person
        ("She said the evidence was weak.", "person"),
    ],
)
def test_source_kinds(nlp, sentence: str, kind: str) -> None:
    sources, attrs = run(nlp, sentence)
    assert sources
    assert sources[0].kind == kind
    if attrs:
        assert by_id(sources)[attrs[0].source].kind == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "A spokeswoman for the ministry declined to comment.",
        "The ministry did not respond to a request for comment.",
        "The ministry did not immediately respond to requests for comment on Friday.",
        "John Marsh, the company's lawyer, could not be reached for comment.",
        "A spokesman for the airline had no immediate comment.",
    ],
)
def test_declined_to_comment(nlp, sentence: str) -> None:
    sources, attrs = run(nlp, sentence)
    declined = [s for s in sources if s.declined_to_comment]
    assert len(declined) == 1
    assert attrs == []  # a source with no attribution


def test_commented_is_not_declined(nlp) -> None:
    sources, _ = run(nlp, "The ministry said the talks had failed.")
    assert not any(s.declined_to_comment for s in sources)


def test_sources_link_to_given_entity_ids(nlp) -> None:
    doc = nlp("Prices will rise, Janet Yellen said. Later, Yellen said rates would stay low.")
    ents = entities(doc)
    sources, attrs = attributions(doc, ents)
    person = [s for s in sources if s.kind == "person"]
    assert len(person) == 1
    assert person[0].entity in {e.id for e in ents}
    assert len(attrs) == 2 and {a.source for a in attrs} == {person[0].id}


def test_falls_back_to_doc_ents_when_no_entities(nlp) -> None:
    doc = nlp("The New York Times reported that the deal was off.")
    sources, attrs = attributions(doc, [])
    assert attrs and sources[0].kind == "media" and sources[0].entity is None


# --- the reference article -------------------------------------------------------


@pytest.fixture(scope="module")
def reference(nlp, reference_text):
    require(REFERENCE, GOLD)
    doc = nlp(reference_text)
    ents = entities(doc)
    sources, attrs = attributions(doc, ents)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    entity_texts = {e.id: {norm(e.name)} | {norm(m.text) for m in e.mentions} for e in ents}
    gold_names = {e["key"]: {norm(n) for n in e["names"]} for e in gold["entities"]}
    matched: dict[str, Source] = {}
    for ref in gold["sources"]:
        if ref.get("entity"):
            hits = [s for s in sources if s.entity and entity_texts[s.entity] & gold_names[ref["entity"]]]
        else:
            wanted = {norm(m) for m in ref.get("mentions", [])}
            hits = [s for s in sources if {norm(m.text) for m in s.mentions} & wanted]
        if hits:
            matched[ref["key"]] = hits[0]
    return doc, sources, attrs, gold, matched


def test_reference_sources_match_gold(reference) -> None:
    _, _, _, gold, matched = reference
    for ref in gold["sources"]:
        assert ref["key"] in matched, ref["key"]
        source = matched[ref["key"]]
        assert source.anonymous == ref["anonymous"]
        for field in ("count", "kind"):
            if field in ref:
                assert getattr(source, field) == ref[field], (ref["key"], field)
        for field in ("affiliation", "reason"):
            if field in ref:
                assert norm(ref[field]) in norm(getattr(source, field) or ""), (ref["key"], field)
        assert source.declined_to_comment == bool(ref.get("declined_to_comment"))
        mentions = {norm(m.text) for m in source.mentions}
        for mention in ref.get("mentions", []):
            assert norm(mention) in mentions, (ref["key"], mention)
    assert len({s.id for s in matched.values()}) == len(gold["sources"])  # distinct sources


def test_reference_attributions_match_gold(reference) -> None:
    _, _, attrs, gold, matched = reference
    for ref in gold["attributions"]:
        want = matched[ref["source"]].id
        found = find(attrs, ref["claim"])
        good = [a for a in found if a.source == want and a.cue and norm(ref["cue"]) in norm(a.cue.text)]
        assert good, ref["claim"]


def test_reference_quotes_match_gold(reference) -> None:
    _, _, attrs, gold, matched = reference
    for ref in gold["quotes"]:
        want = matched[ref["speaker"]].id
        good = [a for a in attrs if a.quoted and norm(a.content.text) == norm(ref["text"]) and a.source == want
                and a.kind in ("direct", "mixed") and a.cue and norm(ref["cue"]) in norm(a.cue.text)]  # fmt: skip
        assert good, ref["text"]


def test_reference_has_no_stray_attributions(reference) -> None:
    _, _, attrs, gold, _ = reference
    claims = [norm(r["claim"]) for r in gold["attributions"]] + [norm(q["text"]) for q in gold["quotes"]]
    stray = [a.content.text for a in attrs if not any(c in norm(a.content.text) for c in claims)]
    assert stray == []


def test_reference_offsets_are_evidence(reference) -> None:
    doc, sources, attrs, _, _ = reference
    for a in attrs:
        assert doc.text[a.content.start : a.content.end] == a.content.text
        if a.cue:
            assert doc.text[a.cue.start : a.cue.end] == a.cue.text
    for s in sources:
        for m in s.mentions:
            assert doc.text[m.start : m.end] == m.text


# --- bad input -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "“" * 200,
        " ".join("“unclosed" for _ in range(200)),
        '"' * 201,
        "He said “she said ‘they said “no” today’ loudly” again.",
        "„Nein“, sagte er. «Non», dit-il. ‹Oui›, said she.",
        "said said said according to according to",
        "according to",
        "He declined to comment. " * 50,
        "x" * 5000,
        "\x00\ufeff said \u200b “” ‘’",
    ],
)
def test_bad_input_never_raises(nlp, text: str) -> None:
    sources, attrs = run(nlp, text)
    ids = {s.id for s in sources}
    for a in attrs:
        assert a.source is None or a.source in ids
        assert 0 <= a.content.start <= a.content.end <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "said",
                "“",
                "”",
                '"',
                "according to",
                "the people",
                "they",
                "Ann Cole",
                ",",
                ".",
                "declined to comment",
                "\n\n",
                "«",
                "»",
                "that",
                "officials",
                ":",
            ]
        ),
        max_size=40,
    )
)
@example(parts=["that", "said", "declined to comment", "that", "said"])  # a subject clause to the end
def test_random_fragments_never_fail(nlp, parts: list[str]) -> None:
    text = " ".join(parts)
    _, attrs = run(nlp, text)
    for a in attrs:
        assert text[a.content.start : a.content.end] == a.content.text


def test_reference_record_sourcing_profile(reference_record) -> None:
    profile = reference_record.sourcing
    assert profile.by_kind.get("anonymous") == 6
    assert profile.by_kind.get("media") == 2
    assert 0.4 < profile.anonymous_share < 0.7
    assert profile.named_sources >= 3


def test_component_sets_doc_extensions(nlp) -> None:
    doc = nlp("The factory will close, the union said.")
    assert doc._.ng_attributions and doc._.ng_sources


# --- candidate index (speed): must pick exactly the tokens a full scan would ---------


@pytest.mark.parametrize(
    ("text", "verbs", "nouns", "according", "anonymity"),
    [
        ("She said the plan failed, according to aides.", ["said"], [], ["according"], []),
        ("His claim that taxes rose was false.", [], ["claim"], [], []),
        ("Two officials, who SPOKE on condition of anonymity, SAID it ended.", ["SAID"], [], [], ["anonymity"]),
        ("The cat sat on the mat.", [], [], [], []),  # negative: nothing to start from
        ("", [], [], [], []),
    ],
)
def test_candidates_match_a_full_scan(nlp, text, verbs, nouns, according, anonymity) -> None:
    from newsgraph.extract.attribution.reported import candidates, is_cue_verb

    doc = nlp(text)
    cands = candidates(doc)
    assert cands.text == doc.text
    assert [t.text for t in cands.cue_verbs] == verbs == [t.text for t in doc if is_cue_verb(t) and t.text in verbs]
    assert [t.text for t in cands.cue_nouns] == nouns
    assert [t.text for t in cands.according] == according
    assert [t.text for t in cands.anonymity] == anonymity


# --- a claim made in a channel: "attacked the plan in several tweets, calling it ..." ----------

CHANNEL = [
    # (sentence, content, speaker, cue, channel source text, channel kind)
    ("Senator Jane Roe attacked the plan in several tweets on Monday, calling it a disaster.",
     "calling it a disaster", "Jane Roe", "attacked", "several tweets", "social"),
    ("Ann Lee praised the deal in a series of posts on Friday, describing it as historic.",
     "describing it as historic", "Ann Lee", "praised", "posts", "social"),
    ("The governor criticized the ruling in a statement, calling it unlawful.",
     "calling it unlawful", "governor", "criticized", "a statement", "document"),
]


@pytest.mark.parametrize(("sentence", "content", "speaker", "cue", "channel", "kind"), CHANNEL)
def test_claim_made_in_a_channel(nlp, sentence, content, speaker, cue, channel, kind) -> None:
    sources, attrs = run(nlp, sentence)
    hits = find(attrs, content)
    assert len(hits) == 1 and hits[0].cue is not None and hits[0].cue.text == cue
    assert speaker in by_id(sources)[hits[0].source].description
    media = [s for s in sources if s.kind == kind]
    assert media and media[0].mentions[0].text == channel


@pytest.mark.parametrize(
    "sentence",
    [
        "Ann Lee attacked the plan in the park, calling it a disaster.",  # not a channel
        "He went to a statement on Monday, calling it a disaster.",  # not "in", not a speech verb
        "Ann Lee attacked the plan in several tweets on Monday.",  # no participle claim
        "Ann Lee attacked the plan in several tweets, walking out.",  # a participle that is no claim
    ],
)
def test_no_channel_claim(nlp, sentence: str) -> None:
    sources, attrs = run(nlp, sentence)
    assert not attrs
    assert not [s for s in sources if s.kind in ("social", "document")]


def test_channel_with_its_own_clause_is_one_claim(nlp) -> None:
    _, attrs = run(nlp, "The mayor criticized the ruling in a statement, saying it ignored the law.")
    assert [a.content.text for a in attrs] == ["it ignored the law"]
