"""Round 16, main events in long articles, precision: after the lead of a long article, a clause whose subject is
no party (a pronoun for a thing, or a common noun neither the mentions nor the lexicons read as a person, body or
group) and that tells no dated simple-past act counts ``ABSTRACT_SUBJECT_FACTOR`` of its score; a party's clause,
a simple-past clause, the lead and a short article keep their scores (invented articles, parsed by the model)."""

from __future__ import annotations

from _events import ner_entities
from _events import parse as model_parse
from newsgraph.extract.events import salience
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.core import events

#: The lead: its first ``salience.LEAD_SENTENCES`` (two) sentences.
LEAD_16B = "Harwick Council approved a new bridge over the Lenn on Monday. Work on it starts in May. "
#: After the lead: an abstract subject in the present, the same subject in the simple past, a party in the present.
ABSTRACT_NOW = "The delays harm the shops. "
ABSTRACT_PAST = "The delays harmed the cafes. "
PARTY_NOW = "The drivers harm the verges. "
#: Invented filler that makes the article long (over salience.LONG_ARTICLE_CHARS) without naming anyone.
FILLER_16B = "Rain fell on the hills for hours. " * (salience.LONG_ARTICLE_CHARS // 30)
BODY_16B = LEAD_16B + ABSTRACT_NOW + ABSTRACT_PAST + PARTY_NOW


def _saliences(nlp, text: str, lemma: str) -> dict[int, float]:
    """The salience of each event of ``lemma``, by the character where its sentence starts."""
    doc = model_parse(nlp, text)
    evs = events(doc, ner_entities(doc), [], [], [])[0]
    return {e.sentence.start: e.salience for e in evs if e.predicate.split()[0] == lemma}


def _subject_is_abstract(nlp, sentence: str, verb: str) -> bool:
    doc = model_parse(nlp, sentence)
    ctx = DocContext.build(doc, ner_entities(doc), [], [], [])
    found = events(doc, ner_entities(doc), [], [], [])[0]
    (event,) = [e for e in found if e.predicate.split()[0] == verb]
    (token,) = [t for t in doc if t.lemma_ == verb]
    return salience.abstract_subject(ctx, event, token)


def test_a_thing_pronoun_or_an_abstract_noun_is_no_party_a_person_or_a_group_is(nlp) -> None:
    assert _subject_is_abstract(nlp, "The delays harm the shops.", "harm")
    assert _subject_is_abstract(nlp, "It harms the shops.", "harm")
    assert not _subject_is_abstract(nlp, "The drivers harm the verges.", "harm")  # a person noun
    assert not _subject_is_abstract(nlp, "The committee blocks the road.", "block")  # a body
    assert not _subject_is_abstract(nlp, "They harm the shops.", "harm")  # a pronoun for a group
    assert not _subject_is_abstract(nlp, "Peter Walsh harms the shops.", "harm")  # a name


def test_in_a_long_article_an_abstract_subjects_present_clause_counts_the_factor(nlp, monkeypatch) -> None:
    text = BODY_16B + FILLER_16B
    assert len(text) > salience.LONG_ARTICLE_CHARS
    factor = salience.ABSTRACT_SUBJECT_FACTOR
    lowered = _saliences(nlp, text, "harm")
    monkeypatch.setattr(salience, "ABSTRACT_SUBJECT_FACTOR", 1.0)
    plain = _saliences(nlp, text, "harm")
    now = len(LEAD_16B)
    past = now + len(ABSTRACT_NOW)
    party = past + len(ABSTRACT_PAST)
    assert factor < 1.0 and set(lowered) == set(plain) == {now, past, party}
    assert abs(lowered[now] - plain[now] * factor) <= 0.01 and lowered[now] < plain[now]
    assert lowered[past] == plain[past]  # a simple-past act
    assert lowered[party] == plain[party]  # a party acts


def test_the_lead_and_a_short_article_keep_their_scores(nlp, monkeypatch) -> None:
    lead = "Harwick Council approved a new bridge on Monday. The delays harm its shops. "
    long_text = lead + ABSTRACT_PAST + FILLER_16B
    assert len(BODY_16B) <= salience.LONG_ARTICLE_CHARS
    before = (_saliences(nlp, long_text, "harm"), _saliences(nlp, BODY_16B, "harm"))
    monkeypatch.setattr(salience, "ABSTRACT_SUBJECT_FACTOR", 1.0)
    assert (_saliences(nlp, long_text, "harm"), _saliences(nlp, BODY_16B, "harm")) == before


#: After the lead: a group named by its nationality acts, then a named person does the same.
GROUP_ACT = "The Lennish blocked the old ferry road. "
PERSON_ACT = "Peter Walsh blocked the new ferry road. "


def test_in_a_long_article_a_nationalitys_act_after_the_lead_counts_the_group_factor(nlp, monkeypatch) -> None:
    text = LEAD_16B + GROUP_ACT + PERSON_ACT + FILLER_16B
    doc = model_parse(nlp, text)
    ctx = DocContext.build(doc, ner_entities(doc), [], [], [])
    types = {m.entity.type for i, m in ctx.mentions_by_token.items() if doc[i].text == "Lennish"}
    assert types == {"NORP"}  # the premise: the entity stage reads the group as NORP
    factor = salience.GROUP_ACTOR_FACTOR
    lowered = _saliences(nlp, text, "block")
    monkeypatch.setattr(salience, "GROUP_ACTOR_FACTOR", 1.0)
    plain = _saliences(nlp, text, "block")
    group, person = len(LEAD_16B), len(LEAD_16B) + len(GROUP_ACT)
    assert factor < 1.0 and set(lowered) == set(plain) == {group, person}
    assert abs(lowered[group] - plain[group] * factor) <= 0.01 and lowered[group] < plain[group]
    assert lowered[person] == plain[person]
