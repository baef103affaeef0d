"""Organisation and group mentions, and first-person pronouns in quotations, on invented sentences."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import _camel_case_names, entities
from newsgraph.extract.entities.orgs import org_kind
from newsgraph.extract.entities.speakers import quote_runs


def _at(text: str, word: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at


def _as_org(doc: Doc, first: str, length: int) -> Doc:
    """Type the ``length``-token name starting at the word ``first`` as ORG.

    The model's type for such names varies; the rules under test read the name, not the tagger.
    """
    start = next(t.i for t in doc if t.text == first)
    doc.ents = [Span(doc, start, start + length, label="ORG")]
    return doc


def test_org_kind_from_name_words():
    assert org_kind(frozenset({"labour", "party"})) == "party"
    assert org_kind(frozenset({"house", "budget", "committee"})) == "body"
    assert org_kind(frozenset({"acme", "motors", "corp"})) == "company"
    assert org_kind(frozenset({"fairview", "rovers"})) == "club"
    assert org_kind(frozenset({"acme", "motors"})) == "unknown"  # a company, a club or a band


def test_the_band_is_the_band_named_before(parse):
    text = ("The band Kestrel Road played two shows in Leeds on Friday. Fans said the band sounded tired "
            "after a long tour.")
    found = entities(parse(text))
    assert owner(found, "the band", text.index("the band")) is named(found, "Kestrel Road")


def test_a_club_of_no_stated_kind_takes_the_club_but_not_the_ministry(parse):
    text = ("Dunmore Athletic sacked their manager on Monday after five defeats. The club said a new manager "
            "would be named soon. The ministry said nothing.")
    found = entities(parse(text))
    club = owner(found, "The club", text.index("The club"))
    assert club is not None and club.name == "Dunmore Athletic"
    assert owner(found, "The ministry", text.index("The ministry")) is None


def test_quote_runs():
    assert quote_runs([False, True, True, False, True]) == [(1, 3), (4, 5)]
    assert quote_runs([]) == []


def test_company_description_and_it_go_to_the_company(parse):
    text = ("Volvo said on Tuesday that sales rose by 5% last year. The carmaker expects a better year, "
            "and it plans to hire 2,000 workers.")
    found = entities(parse(text))
    volvo = owner(found, "Volvo", 0)
    assert volvo is not None and volvo.type == "ORG"
    carmaker = owner(found, "The carmaker", _at(text, "The carmaker"))
    assert carmaker is volvo
    assert next(m.kind for m in volvo.mentions if m.text == "The carmaker") == "nominal"
    it = owner(found, "it", _at(text, " it ") + 1)
    assert it is volvo and next(m.kind for m in volvo.mentions if m.text == "it") == "pronoun"


def test_its_in_a_fronted_participle_is_the_main_clause_subject(parse):
    text = ("Volvo blamed steel prices for a fall in profits.\n\n"
            "Reporting its results for the year, the carmaker said demand was weak.")
    found = entities(parse(text))
    volvo = owner(found, "Volvo", 0)
    assert volvo is not None
    assert owner(found, "its", _at(text, " its ") + 1) is volvo


def test_it_for_a_thing_stays_unresolved(parse):
    text = "Volvo announced a new tax on imports. Critics say the tax is unfair because it hurts the poor."
    found = entities(parse(text))
    assert owner(found, "it", _at(text, " it ") + 1) is None


def test_a_description_of_another_kind_is_not_the_company(parse):
    text = "Acme Motors sold 200 cars. The ministry said the sale was legal."
    found = entities(parse(text))
    assert owner(found, "The ministry", _at(text, "The ministry")) is None


def test_the_government_is_the_country_the_article_is_about(parse):
    text = ("Peru is to raise fuel prices. Prices in Peru have been subsidised for years. "
            "The government says the subsidy costs too much.")
    found = entities(parse(text))
    peru = owner(found, "Peru", 0)
    assert peru is not None and owner(found, "The government", _at(text, "The government")) is peru


def test_a_group_the_article_keeps_referring_to_is_an_entity(parse):
    text = ("Protesters gathered outside the parliament on Monday. Police said protesters threw stones. "
            "By evening the protesters had left, and they promised to return.")
    found = entities(parse(text))
    group = owner(found, "protesters", _at(text, "protesters"))
    assert group is not None and group.name.lower() == "protesters"
    assert len([m for m in group.mentions if m.kind == "nominal"]) == 3
    assert not any(m.kind == "name" for m in group.mentions)


def test_a_group_named_twice_is_no_entity(parse):
    text = "Protesters gathered on Monday. Police said protesters threw stones."
    found = entities(parse(text))
    assert owner(found, "protesters", _at(text, "protesters")) is None


def test_first_person_in_a_quotation_is_its_speaker(parse):
    text = '"We will appeal, and I expect to win," said Dana Whitlow, the firm\'s lawyer.'
    found = entities(parse(text))
    dana = owner(found, "Dana Whitlow", _at(text, "Dana"))
    assert dana is not None
    assert owner(found, "We", 1) is dana
    assert owner(found, "I", _at(text, " I ") + 1) is dana


def test_a_quotation_going_on_in_a_new_paragraph_keeps_its_speaker(parse):
    text = 'Dana Whitlow said: "We will appeal.\n\n"I expect to win."'
    found = entities(parse(text))
    dana = owner(found, "Dana Whitlow", 0)
    assert dana is not None and owner(found, "I", _at(text, "I expect")) is dana


def test_first_person_of_an_unnamed_speaker_stays_unresolved(parse):
    text = 'Dana Whitlow left early. "I am not sure," a spokesman said.'
    found = entities(parse(text))
    assert owner(found, "I", _at(text, "I am")) is None


def test_first_person_outside_quotations_is_left_alone(parse):
    text = "Dana Whitlow spoke on Monday. I was not there."
    found = entities(parse(text))
    assert owner(found, "I", _at(text, "I was")) is None


def test_a_programme_named_after_its_host_is_one_work(parse):
    found = entities(parse("Speaking on Sunrise with Jo Dale, the minister said taxes would rise."))
    programme = next((e for e in found if e.name == "Sunrise with Jo Dale"), None)
    assert programme is not None and programme.type == "WORK_OF_ART"
    assert not any(e.name == "Sunrise" for e in found)


def test_a_place_with_a_person_stays_two_names(parse):
    found = entities(parse("Paris with Anna Smith was lovely."))
    assert {e.name for e in found} >= {"Paris", "Anna Smith"}


def test_they_is_not_an_organisation_named_only_in_a_prepositional_phrase(parse):
    text = ('In a speech in Northamptonshire, she said the "forgotten majority" was the backbone of the country. '
            "They were people saving for their first home.")
    found = entities(parse(text))
    assert owner(found, "They", text.index("They")) is None


def test_a_main_clause_subject_beats_an_embedded_one(parse):
    text = ("Consumers want phones that work. Many consumers buy two. "
            "Consumers are more interested in how handsets fit in with their lifestyle than in speed.")
    found = entities(parse(text))
    group = owner(found, "Consumers", 0)
    assert group is not None and owner(found, "their", text.index("their")) is group


def test_a_coordinated_phrase_is_no_antecedent_of_it(parse):
    text = "Acme Corp and Bolt Motors have opposed the merger for months, saying it would cost jobs."
    found = entities(parse(text))
    assert owner(found, "it", text.index(" it ") + 1) is None


def test_the_government_of_a_country_is_the_country(parse):
    text = ("Ruritania held an election in May. The league called on the government of Ruritania to respect "
            "the vote.")
    found = entities(parse(text))
    country = owner(found, "Ruritania", 0)
    assert country is not None
    assert owner(found, "the government", text.index("the government")) is country


def test_a_society_is_the_charity(parse):
    text = "The Hollins Society wants a televised debate. The non-partisan charity said leaders should agree."
    found = entities(parse(text))
    society = next((e for e in found if e.name == "Hollins Society"), None)
    assert society is not None
    assert owner(found, "The non-partisan charity", text.index("The non")) is society


def test_its_in_a_fronted_prepositional_phrase_is_the_main_clause_subject(parse):
    text = "Sales were weak last year. In its annual report, Bolt Motors said demand would recover."
    found = entities(parse(text))
    bolt = next((e for e in found if e.name == "Bolt Motors"), None)
    assert bolt is not None and owner(found, "its", text.index("its")) is bolt


def test_an_organisation_noun_before_a_name_makes_it_an_organisation(parse):
    text = ("Bookmaker Hollins Whitby has stopped taking bets on the race. The firm closed the book on Friday, "
            "and it will not reopen it.")
    found = entities(parse(text))
    firm = next((e for e in found if e.name == "Hollins Whitby"), None)
    assert firm is not None and firm.type == "ORG"
    assert owner(found, "The firm", text.index("The firm")) is firm


def test_an_organisation_noun_inside_a_name_stays(parse):
    found = entities(parse("Bank of England officials met on Monday."))
    assert any(e.name == "Bank of England" for e in found)


def test_the_it_of_a_cleft_stands_for_nothing(parse):
    text = ('Acme Bank said the Orrin Fund had lost money. "It is the Orrin Fund that is set up to enrich '
            'its founders," Acme Bank said.')
    found = entities(parse(text))
    assert owner(found, "It", text.index("It is")) is None


def test_an_appositive_kind_makes_the_company_mean_that_organisation(parse):
    text = ('The panel will vote on contempt charges against Veltrex, a medical supply company that used to '
            'work with Harbor Health. The panel said the company had not complied.')
    found = entities(parse(text))
    assert owner(found, "the company", text.index("the company")) is named(found, "Veltrex")


def test_a_camel_case_word_written_twice_is_an_organisation(parse):
    doc = parse("Lawyers for BrightPath said the claim was false. BrightPath denied it. McAllen met "
                "McAllen. ZenVault was sold.")
    doc.ents = []  # as when the tagger labels none of them
    found = {doc[s.start].text: s.label for s in _camel_case_names(doc)}
    assert found.get("BrightPath") == "ORG"
    assert "McAllen" not in found  # a surname with a glued particle
    assert "ZenVault" not in found  # written once


def test_a_persons_campaign_is_an_organisation_of_its_own(parse):
    text = ('Mara Lindqvist is running for governor. The Lindqvist campaign said on Monday that it had raised '
            '$2 million. Reporters asked the campaign about its donors.')
    found = entities(parse(text))
    campaign = owner(found, "the campaign", text.index("the campaign"))
    assert campaign is not None and campaign.name == "Lindqvist campaign"
    assert campaign is not named(found, "Mara Lindqvist")


def test_a_leaders_government_is_the_countrys(parse):
    text = ("Kenya will raise fuel taxes, officials said. Kenya imports most of its oil. "
            "President Omar Haddad's government has said it wants to cut spending.")
    found = entities(parse(text))
    assert owner(found, "it", text.index("it wants")) is named(found, "Kenya")


def test_the_country_is_the_country_named_before(parse):
    text = "Officials in Moldavia said exports fell by 4% last year. The country relies on wine sales."
    found = entities(parse(text))
    assert owner(found, "The country", text.index("The country")) is named(found, "Moldavia")


def test_a_description_is_not_its_own_clauses_subject(parse):
    text = ("Kestrel Oil bought Varna Petroleum in March. A week later Kestrel Oil sold the company to "
            "Ostrava Energy for $2bn.")
    found = entities(parse(text))
    assert owner(found, "the company", text.index("the company")) is not named(found, "Kestrel Oil")


def test_a_relative_clause_after_a_comma_keeps_the_description(parse):
    text = ("The band Kestrel Road will play in Leeds in May. Critics said the band, which won a prize in "
            "2001, had not toured for years.")
    found = entities(parse(text))
    assert owner(found, "the band", text.index("the band")) is named(found, "Kestrel Road")


def test_a_group_referred_back_to_twice_is_an_entity(parse):
    text = ("Ticket prices rose again this season. The fans marched to the ground on Saturday, and the club "
            "said it would meet the fans next week.")
    found = entities(parse(text))
    first = owner(found, "The fans", text.index("The fans"))
    assert first is not None and first.name == "fans"
    assert owner(found, "the fans", text.index("the fans")) is first


def test_a_collective_noun_referred_back_to_is_a_group(parse):
    text = ("A man was arrested in Dunmore on Friday. The police said he had been armed, and a witness "
            "told the police she heard two shots.")
    found = entities(parse(text))
    police = owner(found, "The police", text.index("The police"))
    assert police is not None and police.name == "police"
    assert owner(found, "the police", text.index("the police")) is police


def test_a_campaign_described_twice_and_never_named_is_an_organisation(parse):
    text = ("Reporters waited for hours in Ohio on Monday. The campaign did not say why, and a spokesman said "
            "the campaign would explain later.")
    found = entities(parse(text))
    campaign = owner(found, "The campaign", text.index("The campaign"))
    assert campaign is not None and campaign.name == "campaign"
    assert owner(found, "the campaign", text.index("the campaign")) is campaign


def test_a_nationality_government_is_an_organisation_not_the_airline(parse):
    text = ("Shares in Aerwyn rose on Monday after the airline won a new route. The Irish government said it "
            "would sell its stake in the airline in the spring.")
    found = entities(parse(text))
    government = owner(found, "The Irish government", text.index("The Irish"))
    assert government is not None and government.name == "Irish government"
    assert owner(found, "the airline", text.rindex("the airline")) is not government


def test_a_kind_noun_before_a_name_describes_that_name(parse):
    text = ("Corvan Ltd said on Monday it would cut rents. Mrs Nia Holt of the advocacy group Fair Homes said the "
            "cut was too small.")
    found = entities(parse(text))
    assert owner(found, "the advocacy group", text.index("the advocacy group")) is named(found, "Fair Homes")


def test_a_kind_noun_and_comma_before_a_name_is_no_mention_of_another(parse):
    text = ("Ardent Motors Corp cut 400 jobs on Friday. Sales also fell at the carmaker, Velo, which makes "
            "small vans.")
    found = entities(parse(text))
    corvan = named(found, "Ardent Motors Corp")
    assert "the carmaker" not in [m.text for m in corvan.mentions]


def test_a_nationality_before_a_company_noun_only_qualifies_it(parse):
    text = ("Corvan Motors posted a loss on Monday. Banks said they would lend the German firm another "
            "$2bn in March.")
    found = entities(parse(text))
    assert owner(found, "the German firm", text.index("the German firm")) is named(found, "Corvan Motors")


def test_a_description_far_from_any_name_is_the_articles_main_organisation(parse):
    text = ("Dunmore Athletic fined their striker on Monday. Dunmore Athletic said he had missed training. "
            "Dunmore Athletic will appeal. The striker was angry. He said he was hurt. He had played well. "
            "His agent called it a mistake. The coach said nothing. The chairman accused him of cheating "
            "the club.")
    found = entities(parse(text))
    assert owner(found, "the club", text.index("the club")) is named(found, "Dunmore Athletic")


def test_a_city_of_name_is_the_authority(parse):
    text = ("A spokesman for the City of Denver said the old mill must go. Owners said the authority had "
            "promised them more time.")
    found = entities(_as_org(parse(text), "City", 3))
    assert owner(found, "the authority", text.index("the authority")) is named(found, "City of Denver")


def test_a_description_far_from_its_name_finds_the_name_that_holds_its_noun(parse):
    text = ("The Commission on Rail Safety will meet in June. Trains were late all year. Fares rose twice. "
            "Staff went on strike in May. Passengers were angry. Ministers said little. The commission said "
            "it would publish a report.")
    found = entities(_as_org(parse(text), "Commission", 4))
    assert owner(found, "The commission", text.index("The commission")) is named(found, "Commission on Rail Safety")


def test_a_quoted_description_may_be_the_speaker_its_clause_is_about(parse):
    text = ('Corvan Ltd hired Jo Reed in May. The company called him "a great asset '
            'to the company."')
    found = entities(parse(text))
    quoted = text.index("the company")
    assert owner(found, "the company", quoted) is named(found, "Corvan Ltd")


def test_the_group_may_be_a_body(parse):
    text = "The Marlow Police Guild backed the mayor last week. On Monday the group said the deal was off."
    found = entities(_as_org(parse(text), "Marlow", 3))
    assert owner(found, "the group", text.index("the group")) is named(found, "Marlow Police Guild")
