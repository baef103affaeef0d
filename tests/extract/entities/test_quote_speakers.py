"""Who speaks a quotation that no speech verb introduces (``entities.speakers``), on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_quoted_phrase_inside_narration_is_the_clause_subjects(parse):
    # No speech verb: the quotation is part of a sentence about Dana Whitlow.
    text = 'Dana Whitlow visited Leeds on Monday. Dana Whitlow spoke of the need to "mend our roads" before winter.'
    found = entities(parse(text))
    assert owner(found, "our", text.index("our roads")) is named(found, "Dana Whitlow")


def test_a_participle_that_introduces_a_quotation_takes_the_clause_subject(parse):
    text = ('Laura Mendes withdrew the complaint against her landlord, writing, "He is no longer a danger to me '
            'and my children."')
    found = entities(parse(text))
    nadia = named(found, "Laura Mendes")
    assert owner(found, "me", text.index("me and")) is nadia
    assert owner(found, "my", text.index("my children")) is nadia


def test_a_quotation_after_a_speech_noun_is_its_authors(parse):
    # "gave an explanation" names who speaks the quotation that follows, with no speech verb in it.
    text = ('In a long interview on the radio, Ada Quist gave an explanation for the delay. '
            '"I think the roads were too wet. My team could not start."')
    found = entities(parse(text))
    ada = named(found, "Ada Quist")
    assert owner(found, "I", text.index("I think")) is ada
    assert owner(found, "My", text.index("My team")) is ada


def test_a_possessed_speech_noun_names_its_author(parse):
    text = 'The council rejected Omar Haddad\'s claim that "our street was never cleaned."'
    found = entities(parse(text))
    assert owner(found, "our", text.index("our street")) is named(found, "Omar Haddad")


def test_a_quotation_of_its_own_sentence_has_no_host_clause(parse):
    # A quotation that is a whole sentence hangs off nothing outside it; far from any speaker it stays
    # unresolved (the people named before only act; none speaks or makes a statement).
    text = ('Tom Reyes opened the shop in May. It sold bread and milk. Prices rose in June. '
            'The street was busy. Buses ran late. "We will close on Sundays."')
    found = entities(parse(text))
    assert owner(found, "We", text.index("We will")) is None


def test_a_spokeswomans_we_is_her_organisations(parse):
    text = '"We are sorry for the delay," said Jo Dale, a spokeswoman for Dunmore Foods.'
    found = entities(parse(text))
    assert owner(found, "We", 1) is named(found, "Dunmore Foods")


def test_a_spokesmans_i_stays_his_own(parse):
    text = 'Dunmore Foods spokesman Tom Reyes said: "We are sorry. I regret the delay."'
    found = entities(parse(text))
    assert owner(found, "We", text.index("We are")) is named(found, "Dunmore Foods")
    assert owner(found, "I", text.index("I regret")) is named(found, "Tom Reyes")


def test_an_executives_we_stays_the_speakers(parse):
    # Only a speaker the text says speaks for the organisation hands it the "we".
    text = 'Jo Dale, the chief executive of Dunmore Foods, said: "We are sorry for the delay."'
    found = entities(parse(text))
    assert owner(found, "We", text.index("We are")) is named(found, "Jo Dale")
