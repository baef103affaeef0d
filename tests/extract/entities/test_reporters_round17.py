"""Round 17: an organisation or country reports on itself as "it" (``orgs.OrgResolver._reporter``).

"China said it is committed to the formula": the subject of the clause a verb of saying reports is, most
often, the one who says it. An "it is ..." was left unresolved as a situation's (``_copula_it``), and an
"it" of the reported clause could go to a name inside that clause. Invented sentences.
"""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.orgs import _reporting_subject


def test_the_reporting_subject_of_a_complement_clause(parse):
    doc = parse("Microsoft said it would cut jobs in Dublin.")
    it = next(t for t in doc if t.lower_ == "it")
    subject = _reporting_subject(it)
    assert subject is not None and subject.text == "Microsoft"


def test_a_country_says_it_is(parse):
    text = "Talks resumed in the capital on Monday. China said it is committed to the plan."
    found = entities(parse(text))
    country = owner(found, "it", text.index("it is"))
    assert country is not None and country.name == "China"


def test_a_situations_it_is_stays_unresolved(parse):
    text = "China lifted the tariffs on Monday. It is a good day for farmers, one trader said."
    found = entities(parse(text))
    assert owner(found, "It", text.index("It is")) is None


def test_a_person_reporting_gives_no_organisation(parse):
    text = "Microsoft cut its prices. Anna Pirelli said it is a mistake."
    found = entities(parse(text))
    assert owner(found, "it", text.index("it is")) is None
