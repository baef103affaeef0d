"""Round 16: descriptions of organisations on fresh text.

A name the tagger ran on past where a name ends (across a line break, or through a verb, a pronoun or a
subordinating conjunction: a title-case headline read as one name) is no organisation a description may
mean (``orgs._run_on_name``): "the school" after such a span is the school the article goes on about.
Invented sentences; the run-on span is set on the parse by hand, as the tagger makes it on headlines.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.lexicons import FEDERAL_UNION_NOUNS, MEDIA_ONLY_NOUNS, STATE_NOUNS, US_STATES
from newsgraph.extract.entities.orgs import NOT_COUNTRY_KINDS, RUN_ON_POS, _lemma, _run_on_name
from newsgraph.record import Entity

HEADLINE = "Hillcrest School For Banning Caps\n\n"
BODY = ("Athletes said on Monday that the school had punished a boy. The school said it followed the rules. "
        "Later the school apologised.")


def _with_org(doc: Doc, start: int, end: int) -> Doc:
    doc.ents = [Span(doc, start, end, "ORG")] + [e for e in doc.ents if e.start >= end or e.end <= start]
    return doc


def test_a_name_run_on_across_a_line_break_is_no_schools(parse):
    text = HEADLINE + BODY
    doc = parse(text)
    athletes = next(t.i for t in doc if t.text == "Athletes")
    found = entities(_with_org(doc, 0, athletes + 1))  # "Hillcrest School For Banning Caps \n\n Athletes"
    run_on = next(e for e in found if "\n" in e.name)
    school = owner(found, "the school", text.index("the school"))
    assert school is not run_on  # three "the school" of no name: one school of the article's own
    assert school is not None and owner(found, "The school", text.index("The school")) is school


def test_a_name_that_ends_where_names_end_stays_the_schools(parse):
    text = "Hillcrest School banned caps on Monday. " + BODY
    doc = parse(text)
    found = entities(_with_org(doc, 0, 2))  # "Hillcrest School"
    school = owner(found, "the school", text.index("the school"))
    assert school is not None and "Hillcrest School" in {m.text for m in school.mentions}


def test_a_verb_or_a_conjunction_inside_a_span_makes_it_run_on(nlp):
    assert {"VERB", "SCONJ", "PRON"} <= RUN_ON_POS
    words = ["They", "Came", "Out", "Because", "Acme", "Bank"]
    doc = Doc(nlp.vocab, words=words, pos=["PRON", "VERB", "ADP", "SCONJ", "PROPN", "PROPN"])
    assert _run_on_name(doc, 1, 4)  # "Came Out Because"
    assert not _run_on_name(doc, 4, 6)  # "Acme Bank"


# -- "the country" is a country: a US state or a company tagged a place is none ------------------------


def test_the_country_after_a_us_state_is_the_united_states(parse):
    assert "ohio" in US_STATES
    text = "Jo Dale was born in America. She moved to Ohio in 2010. She said the country had changed since then."
    found = entities(parse(text))
    country = owner(found, "the country", text.index("the country"))
    assert country is not None and country is owner(found, "America", text.index("America"))


def test_the_country_of_a_us_state_alone_is_no_one(parse):
    text = "Jo Dale has lived in Ohio since 2010. She said the country had changed."
    found = entities(parse(text))
    assert owner(found, "the country", text.index("the country")) is None


def test_a_country_nearest_stays_the_countrys(parse):
    text = "Jo Dale grew up in Canada. She said the country had changed."
    found = entities(parse(text))
    country = owner(found, "the country", text.index("the country"))
    assert country is not None and country is owner(found, "Canada", text.index("Canada"))


def test_a_company_tagged_a_place_is_no_country(parse):
    assert "company" in NOT_COUNTRY_KINDS
    text = "Workers at Zentrix Inc. said the plan was harmful. Many came to the country as children."
    doc = parse(text)
    start = next(t.i for t in doc if t.text == "Zentrix")
    doc.ents = [Span(doc, start, start + 2, "GPE")] + [e for e in doc.ents if e.start >= start + 2 or e.end <= start]
    found = entities(doc)
    assert owner(found, "the country", text.index("the country")) is None


# -- "the outlet" is a newspaper or broadcaster known to be one -------------------------------------------


def _found(parse, name: str, noun: str = "The outlet") -> tuple[str, list[Entity]]:
    """An invented report naming ``name`` (set on the parse as an organisation), then a ``noun`` subject."""
    text = f"Jo Dale told the {name} that she would run. {noun} said she had filed papers on Monday."
    doc = parse(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    found = entities(_with_org(doc, start, start + len(name.split())))
    return text, found


def test_the_outlet_is_the_newspaper_named_before(parse):
    assert "outlet" in MEDIA_ONLY_NOUNS
    text, found = _found(parse, "Ashford Enquirer")
    outlet = owner(found, "The outlet", text.index("The outlet"))
    assert outlet is not None and "Ashford Enquirer" in {m.text for m in outlet.mentions}


def test_the_outlet_is_no_name_of_unknown_kind(parse):
    text, found = _found(parse, "Zentrix Labs")
    assert owner(found, "The outlet", text.index("The outlet")) is None


def test_a_modifier_the_newspapers_name_lacks_is_another_outlet(parse):
    text, found = _found(parse, "Ashford Enquirer", noun="The gossip outlet")
    assert owner(found, "The gossip outlet", text.index("The gossip outlet")) is None


# -- "the state" is the US state the article names ---------------------------------------------------------


def test_the_state_is_the_us_state_named_before(parse):
    assert "state" in STATE_NOUNS
    text = "Jo Dale moved to Ohio in 2010. She said the state had changed since then."
    found = entities(parse(text))
    state = owner(found, "the state", text.index("the state"))
    assert state is not None and state is owner(found, "Ohio", text.index("Ohio"))


def test_the_state_with_no_state_named_is_no_one(parse):
    text = "Jo Dale moved to Canada in 2010. She said the state should pay for the roads."
    found = entities(parse(text))
    assert owner(found, "the state", text.index("the state")) is None


def test_the_state_of_something_is_no_state(parse):
    text = "Jo Dale moved to Ohio in 2010. She said the state of the roads was poor."
    found = entities(parse(text))
    assert owner(found, "the state", text.index("the state")) is None


def test_a_curly_contracted_is_tagged_past_is_still_be(nlp):
    doc = Doc(nlp.vocab, words=["it", "\u2019s", "easy"], tags=["PRP", "VBD", "JJ"])
    assert _lemma(doc[1]) == "be"


# -- "the union" a US state is in is the United States --------------------------------------------------


def test_any_other_state_in_the_union_is_the_united_states(parse):
    assert "union" in FEDERAL_UNION_NOUNS
    text = "Farms in the United States are getting larger. Ohio has more dairy farms than any other state in the union."
    found = entities(parse(text))
    union = owner(found, "the union", text.index("the union"))
    assert union is not None and union is owner(found, "United States", text.index("United States"))


def test_the_union_of_an_article_with_no_us_state_is_not_a_country(parse):
    text = "Farms in Canada are getting larger. Ontario has more dairy farms than any other province in the union."
    found = entities(parse(text))
    assert owner(found, "the union", text.index("the union")) is None


# -- the last word of an organisation's longer name, after "the", is that organisation's ---------------------

CENTER = "The Fenwick Weather Center issued a warning on Monday. "


def _center(parse, rest: str) -> tuple[str, list[Entity]]:
    text = CENTER + rest
    doc = parse(text)
    start = next(t.i for t in doc if t.text == "Fenwick")
    return text, entities(_with_org(doc, start, start + 3))  # "Fenwick Weather Center"


def test_the_center_is_the_center_named_before(parse):
    text, found = _center(parse, "The center said the storm would reach the coast.")
    center = owner(found, "The center", text.index("The center said"))
    assert center is not None and "Fenwick Weather Center" in {m.text for m in center.mentions}


def test_the_center_of_something_is_no_organisation(parse):
    text, found = _center(parse, "The center of the storm was near the coast.")
    assert owner(found, "The center", text.index("The center of")) is None
