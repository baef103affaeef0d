"""Sentence tables for the events stage: clause structure, negation, modality, dates, codes, bad input.

Entities are built here from the parser's named entities and times by hand, so
the tests do not depend on the other stages' rules.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _events import ner_entities, parse
from newsgraph.extract.events.core import events
from newsgraph.record import Attribution, Entity, Event, Mention, Source, SourceMention, TextSpan, TimeExpression


def times_of(text: str, values: dict[str, str], role: dict[str, str] | None = None) -> list[TimeExpression]:
    out = []
    for phrase, value in values.items():
        start = text.index(phrase)
        out.append(
            TimeExpression(
                id=f"t{len(out) + 1}", start=start, end=start + len(phrase), text=phrase,
                type="DURATION" if value.startswith("P") else "DATE", value=value,
                role=(role or {}).get(phrase),
            )
        )
    return out


def run(nlp, text: str, times: dict[str, str] | None = None, **kwargs) -> list[Event]:
    doc = parse(nlp, text)
    evs, _ = events(doc, ner_entities(doc), times_of(text, times or {}, kwargs.get("roles")), [], [])
    return evs


def by_predicate(evs: list[Event], predicate: str) -> list[Event]:
    return [e for e in evs if e.predicate == predicate]


# -- clause structure ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "predicate", "actor", "target_or_object"),
    [
        ("The proposal was rejected by the city council on Friday.", "reject", "the city council", "The proposal"),
        ("Sessions's offer to resign was first reported by ABC News.", "report", "ABC News", "Sessions"),
        ("The minister offered to resign.", "offer", "The minister", "to resign"),
        ("A spokesman for the company declined to comment.", "decline", "A spokesman for the company", "to comment"),
        ("The rebels set up a camp near the border.", "set up", "The rebels", "a camp"),
        ("Germany criticized the Commission's handling of the case.", "criticize", "Germany", "Commission"),
        ("Rebel leaders met with Kofi Annan in Geneva.", "meet", "Rebel leaders", "Kofi Annan"),
    ],
)
def test_actor_predicate_and_what(nlp, text, predicate, actor, target_or_object):
    found = by_predicate(run(nlp, text), predicate)
    assert found, run(nlp, text)
    ev = found[0]
    assert ev.actor_text == actor
    assert target_or_object in ((ev.target_text or "") + " | " + (ev.object_text or ""))


def test_coordinated_subjects_are_separate_events(nlp):
    evs = by_predicate(run(nlp, "France and Germany signed the treaty in Paris."), "sign")
    assert sorted(e.actor_text for e in evs) == ["France", "Germany"]


def run_with_pronoun(nlp, text: str, name: str, pronoun: str) -> list[Event]:
    """Events with ``pronoun`` resolved to ``name`` (as the entity stage's coreference does)."""
    doc = parse(nlp, text)
    ents = ner_entities(doc)
    start = text.index(f" {pronoun} ") + 1
    for ent in ents:
        if ent.name == name:
            ent.mentions.append(Mention(start=start, end=start + len(pronoun), text=pronoun))
    evs, _ = events(doc, ents, [], [], [])
    return evs


@pytest.mark.parametrize(
    ("text", "name", "pronoun", "predicate", "object_text"),
    [
        ("Carla Lopez announced her resignation on Monday.", "Carla Lopez", "her", "announce", "her resignation"),
        ("Pedro Alvarez withdrew his candidacy after the vote.", "Pedro Alvarez", "his", "withdraw", "his candidacy"),
    ],
)
def test_possessive_determiner_is_not_the_object(nlp, text, name, pronoun, predicate, object_text):
    ev = by_predicate(run_with_pronoun(nlp, text, name, pronoun), predicate)[0]
    assert ev.target_text != pronoun and ev.target is None
    assert ev.object_text == object_text


def test_possessor_name_is_still_a_target(nlp):
    ev = by_predicate(run(nlp, "Germany criticized the Commission's handling of the case."), "criticize")[0]
    assert ev.target is not None and "Commission" in (ev.target_text or "")


@pytest.mark.parametrize(
    ("text", "absent", "predicate", "actor"),
    [
        (
            "The mayor made housing her top priority, reversing the council’s zoning policy and directing "
            "her staff to build more homes.",
            "zone", "direct", "The mayor",
        ),
        (
            "Ortiz made crime his top priority, reversing the previous government’s charging policy and "
            "directing his prosecutors to pursue severe penalties.",
            "charge", "direct", "Ortiz",
        ),
    ],
)
def test_participle_inside_noun_phrase_is_not_a_clause(nlp, text, absent, predicate, actor):
    evs = run(nlp, text)
    assert not by_predicate(evs, absent), evs
    assert [e.actor_text for e in by_predicate(evs, predicate)] == [actor]


def test_participle_after_is_stays_a_clause(nlp):
    evs = run(nlp, "The city’s council is charging residents a new fee.")
    assert by_predicate(evs, "charge")


@pytest.mark.parametrize(
    ("text", "predicate", "actor_start"),
    [
        ("Two officials close to the State Department who requested anonymity said the talks failed.",
         "request", "Two officials"),
        ("Several aides close to the White House who asked not to be named described the meeting.",
         "ask", "Several aides"),
        # "which" may stand for an organisation: the nearest noun stays the head.
        ("The report was written by the ministry, which requested a review.", "request", "the ministry"),
    ],
)
def test_relative_clause_subject_is_its_head_noun(nlp, text, predicate, actor_start):
    ev = by_predicate(run(nlp, text), predicate)[0]
    assert (ev.actor_text or "").startswith(actor_start), ev
    assert "who" not in (ev.actor_text or "").split()


@pytest.mark.parametrize(
    ("text", "predicate", "target"),
    [
        ("The judge will oversee the expanding Russian investigation.", "oversee", None),
        ("Prosecutors opened a Chinese inquiry into the deal.", "open", None),
        ("The Palestinians rejected proposed Israeli changes to the deal.", "reject", "Israeli"),
    ],
)
def test_nationality_adjective_on_topic_noun_is_not_a_target(nlp, text, predicate, target):
    ev = by_predicate(run(nlp, text), predicate)[0]
    assert ev.target_text == target, ev


def test_going_to_is_not_an_event(nlp):
    evs = run(nlp, "The army is going to withdraw its troops.")
    assert [(e.predicate, e.actor_text) for e in evs] == [("withdraw", "The army")]


def test_agentless_passive_does_not_borrow_a_subject(nlp):
    ev = by_predicate(run(nlp, "She said the law changed when the government was elected."), "elect")[0]
    assert ev.actor is None and ev.actor_text is None


def test_phrases_stop_at_paragraph_breaks(nlp):
    evs = run(nlp, "Labour plans maternity pay rise\n\nMaternity pay for new mothers is to rise.")
    assert all("\n" not in (e.object_text or "") for e in evs)


def test_coordinated_verbs_share_subject(nlp):
    evs = run(nlp, "The minister resigned and left the country.")
    assert [e.predicate for e in evs] == ["resign", "leave"]
    assert {e.actor_text for e in evs} == {"The minister"}


@pytest.mark.parametrize(
    ("text", "predicate", "negated"),
    [
        ("The company did not disclose the figures.", "disclose", True),
        ("The company never disclosed the figures.", "disclose", True),
        ("The company disclosed the figures.", "disclose", False),
        ("The company declined to disclose the figures.", "decline", False),
    ],
)
def test_negation(nlp, text, predicate, negated):
    ev = by_predicate(run(nlp, text), predicate)[0]
    assert ev.negated is negated


@pytest.mark.parametrize(
    ("text", "predicate", "modality"),
    [
        ("The army will withdraw its troops.", "withdraw", "future"),
        ("The army is going to withdraw its troops.", "withdraw", "future"),
        ("It is unclear when the minister resigned.", "resign", "uncertain"),
        ("It is not clear whether the minister resigned.", "resign", "uncertain"),
        ("It is clear that the minister resigned.", "resign", "asserted"),
        ("Reporters asked whether the minister resigned.", "resign", "uncertain"),
        ("The council may approve the plan.", "approve", "uncertain"),
        ("If the talks fail, the union would strike.", "strike", "hypothetical"),
        ("Police said the suspect fled the scene.", "flee", "reported"),
        ("The suspect fled the scene, police said.", "flee", "reported"),
        ("The suspect fled the scene, according to police.", "flee", "reported"),
        ("The mayor opened the bridge.", "open", "asserted"),
        ("The mayor opened the bridge after the storm passed.", "pass", "asserted"),
    ],
)
def test_modality(nlp, text, predicate, modality):
    ev = by_predicate(run(nlp, text), predicate)[0]
    assert ev.modality == modality


@pytest.mark.parametrize(
    "text",
    ["People said the suspect fled.", "The suspect fled, I added.", "We told reporters that it rained."],
)
def test_speech_verbs_of_unlisted_speakers_are_attributions_not_events(nlp, text):
    predicates = {e.predicate for e in run(nlp, text)}
    assert not predicates & {"say", "add", "tell"}


def test_source_from_attribution(nlp):
    text = "The minister resigned last week, according to two officials."
    doc = parse(nlp, text)
    who = text.index("two officials")
    source = Source(
        id="s1", description="two officials", kind="anonymous", anonymous=True,
        mentions=[SourceMention(start=who, end=who + 13, text="two officials")],
    )
    content = TextSpan(start=0, end=text.index(","), text=text[: text.index(",")])
    cue = text.index("according to")
    attr = Attribution(
        id="a1", source="s1", kind="according_to", content=content,
        cue=TextSpan(start=cue, end=cue + 12, text="according to"),
    )
    evs, _ = events(doc, ner_entities(doc), [], [source], [attr])
    ev = by_predicate(evs, "resign")[0]
    assert ev.source == "s1" and ev.modality == "reported"


def test_no_source_without_attribution(nlp):
    ev = by_predicate(run(nlp, "The minister resigned last week."), "resign")[0]
    assert ev.source is None and ev.modality == "asserted"


# -- dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "times", "predicate", "date", "reason"),
    [
        ("The council approved the plan in March.", {"March": "2017-03"}, "approve", "2017-03", "clause"),
        ("On Monday, the president fired the director and named a successor.", {"Monday": "2017-06-05"},
         "name", "2017-06-05", "clause"),
        ("He did not disclose the meeting during his January hearing.", {"January": "2017-01"},
         "disclose", "2017-01", "clause"),
        ("The spokeswoman, who was in Paris on Tuesday, declined to comment.", {"Tuesday": "2017-06-06"},
         "decline", "2017-06-06", "sentence"),
        # A time that describes a noun does not date the clause.
        ("He made reform his goal, reversing a policy of the 1980s.", {"the 1980s": "198"}, "reverse", None, None),
        # A duration is not a date, and stops the search.
        ("The minister offered to resign in recent months.", {"recent months": "PXM"}, "offer", None, None),
        # Another clause's date is not the event's.
        ("She announced the plan after he resigned in January.", {"January": "2017-01"}, "announce",
         "2017-01", "context"),
        ("The minister resigned.", {}, "resign", None, None),
        # The date of a statement is not the date of what it reports.
        ("Police said on Monday that the suspect fled.", {"Monday": "2017-06-05"}, "flee", None, None),
        # Present tense: a date elsewhere in the sentence is not borrowed.
        ("The group, which was founded in 1990, opposes the plan.", {"1990": "1990"}, "oppose", None, None),
    ],
)
def test_dates(nlp, text, times, predicate, date, reason):
    ev = by_predicate(run(nlp, text, times), predicate)[0]
    assert (ev.date, ev.date_reason) == (date, reason)
    if date is not None:
        assert ev.time is not None


def test_campaign_takes_the_date_the_text_gave_it(nlp):
    text = "The inquiry concerns the 2016 election. He met the envoy during the campaign."
    ev = by_predicate(run(nlp, text, {"2016": "2016"}), "meet")[0]
    assert (ev.date, ev.date_reason) == ("2016", "context")


def test_publication_date_is_never_used(nlp):
    text = "June 6, 2017. The minister resigned."
    ev = by_predicate(run(nlp, text, {"June 6, 2017": "2017-06-06"}, roles={"June 6, 2017": "publication"}), "resign")
    assert ev[0].date is None


# -- PLOVER codes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Israeli troops shelled the village.", "ASSAULT"),
        ("The government imposed a curfew on the city.", "COERCE"),
        ("Thousands of workers staged a strike in the capital.", "PROTEST"),
        # A visit the article states is CONSULT whatever its tense; announced by a party, it is intent (AGREE).
        ("The president will visit Japan next month.", "CONSULT"),
        ("Lee will visit Paris next week.", "CONSULT"),
        ("The president is going to visit Japan.", "CONSULT"),
        ("The president will visit Japan next month, the embassy said.", "AGREE"),
        ("The president plans to visit Japan.", "AGREE"),
        # Negated verbs are not coded unless the dictionary lists the negated form.
        ("Ray did not disclose the payments.", None),
        ("The army did not attack the town.", None),
        ("The union did not accept the offer.", "REJECT"),
        # Running an inquiry is not an accusation.
        ("The judge will oversee the expanding fraud investigation.", None),
        ("The rebels said they would not accept the plan.", "REJECT"),
        ("She praised the decision of the court.", "SUPPORT"),
        ("The opposition demanded new elections.", "REQUEST"),
        ("Police arrested three protesters.", "COERCE"),
        ("The prime minister threatened to cut off aid.", "THREATEN"),
        ("Militants said they attempted to assassinate the governor.", "ASSAULT"),
        ("The union issued a statement demanding that the government raise wages.", "REQUEST"),
        ("The rebels insisted on their demands.", "REQUEST"),
        ("The ministry said France is ready to send aid.", "AGREE"),
        ("The senator went home.", None),
        ("She gave birth to a son.", None),
        ("Japan gave aid to the flood victims.", "AID"),
        ("A spokesman declined to comment.", None),
    ],
)
def test_plover_codes(nlp, text, code):
    evs = run(nlp, text)
    coded = [e for e in evs if e.code]
    assert (coded[0].code if coded else None) == code, evs


# -- relations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("John Smith and Mary Jones had a close friendship.", "positive"),
        ("Relations between France and Britain grew tense.", "negative"),
        ("John Smith's relationship with Mary Jones soured.", "negative"),
        ("The rift between France and Britain deepened.", "negative"),
        ("John Smith, a longtime ally of Mary Jones, resigned.", "positive"),
        ("John Smith is a fierce critic of Mary Jones.", "negative"),
        ("John Smith is not a critic of Mary Jones.", "neutral"),
    ],
)
def test_relations(nlp, text, polarity):
    doc = parse(nlp, text)
    _, rels = events(doc, ner_entities(doc), [], [], [])
    assert [r.polarity for r in rels] == [polarity]
    assert text[rels[0].text.start : rels[0].text.end] == rels[0].text.text


def test_relation_dated_by_its_clause(nlp):
    text = "In March, relations between France and Britain grew tense."
    doc = parse(nlp, text)
    _, rels = events(doc, ner_entities(doc), times_of(text, {"March": "2017-03"}), [], [])
    assert [(r.polarity, r.date) for r in rels] == [("negative", "2017-03")]


@pytest.mark.parametrize(
    "text",
    ["John Smith met Mary Jones.", "The relationship was complicated.", "John Smith is a critic of the plan."],
)
def test_no_relation(nlp, text):
    doc = parse(nlp, text)
    _, rels = events(doc, ner_entities(doc), [], [], [])
    assert rels == []


# -- bad input ----------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_random_text_never_raises(nlp, text):
    doc = parse(nlp, text)
    evs, rels = events(doc, ner_entities(doc), [], [], [])
    assert isinstance(rels, list)
    for ev in evs:
        assert 0 <= ev.sentence.start <= ev.sentence.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Sports. Weather. 12-3. Page 4 of 9.",
        "Name | Age | City\nBob | 32 | Paris\nAnn | 41 | Rome",
        "- apples\n- pears\n- 3 kg of flour\n* item",
        "\u200b\u00ad\ufeff ¶¶¶ ??? !!! ———",
        " ".join(["The committee met and discussed the plan and the budget"] * 50) + ".",
        " ".join(["word"] * 500),
    ],
)
def test_bad_input_never_raises(nlp, text):
    doc = parse(nlp, text)
    evs, rels = events(doc, ner_entities(doc), [], [], [])
    assert isinstance(evs, list) and isinstance(rels, list)
    for ev in evs:
        assert 0 <= ev.sentence.start <= ev.sentence.end <= len(text)


def test_blank_doc_without_parse(nlp):
    import spacy

    doc = spacy.blank("en")("Nothing parsed here.")
    assert events(doc, [], [], [], []) == ([], [])


def test_offsets_that_do_not_fit_are_ignored(nlp):
    doc = parse(nlp, "The minister resigned.")
    bogus = Entity(id="e1", name="X", type="PERSON", mentions=[Mention(start=500, end=510, text="X")])
    time = TimeExpression(id="t1", start=-3, end=2, text="??", type="DATE", value="2017")
    evs, _ = events(doc, [bogus], [time], [], [])
    assert [e.predicate for e in evs] == ["resign"]


def test_ids_are_sequential(nlp):
    evs = run(nlp, "The minister resigned and the army withdrew. Police arrested two men.")
    assert [e.id for e in evs] == [f"v{i}" for i in range(1, len(evs) + 1)]


@pytest.mark.parametrize(
    ("value", "kind", "role", "date"),
    [
        ("2017-06-06", "DATE", None, "2017-06-06"),
        ("198", "DATE", None, "198"),
        ("2017-W23", "DATE", None, "2017-W23"),
        ("2017-06-06T10:30", "TIME", None, "2017-06-06T10:30"),
        ("PXM", "DURATION", None, None),
        ("PRESENT_REF", "DATE", None, None),
        ("XXXX-06-05", "DATE", None, None),
        ("2017", "SET", None, None),
        ("2017-06-06", "DATE", "publication", None),
        (None, "DATE", None, None),
    ],
)
def test_date_value(value, kind, role, date):
    from newsgraph.extract.events.dates import date_value

    time = TimeExpression(id="t1", start=0, end=1, text="x", type=kind, value=value, role=role)
    assert date_value(time) == date
