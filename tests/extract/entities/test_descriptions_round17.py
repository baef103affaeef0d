"""Round 17: NASA is a public body by its name (``lexicons.ORG_NAME_KINDS``), as the FBI and the EPA are.

"The agency" may mean an organisation whose kind is known to be a body; NASA's name has no word of a kind,
so it was of unknown kind, which a company or a band may be, and "the agency" after it stayed unresolved.
Invented sentences.
"""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.lexicons import ORG_NAME_KINDS


def test_nasa_is_a_body():
    assert ORG_NAME_KINDS["nasa"] == "body"


def test_the_agency_after_nasa(parse):
    text = "NASA will send a probe to the comet in 2031. The launch was delayed twice, the agency said."
    found = entities(parse(text))
    agency = owner(found, "the agency", text.index("the agency"))
    assert agency is not None and agency.name == "NASA"
