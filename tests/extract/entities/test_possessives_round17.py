"""Round 17: an "its" bound by a thing is the thing's (``orgs.OrgResolver._thing_binds``).

"The program has faced delays in its testing phase": the possessive's own clause has for subject a
singular common noun no entity stands for and no kind noun names, and the "its" is most often that noun's,
not the organisation's named before. Invented sentences.
"""

from __future__ import annotations

import pytest

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.orgs import OrgResolver


def _binds(parse, text: str) -> bool:
    doc = parse(text)
    sents = [0] * len(doc)
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sents[i] = k
    resolver = OrgResolver(doc, [], [], sents, [False] * len(doc), {})
    return resolver._thing_binds(next(t for t in doc if t.lower_ == "its"))


def test_a_thing_binds_its_possessive(parse):
    assert _binds(parse, "The engine program has faced delays in its testing phase.")


@pytest.mark.parametrize("text", ["The airline cut its fares in May.", "Microsoft cut its prices in May.",
                                  "The program and the plan lost its funding."])
def test_an_organisation_or_a_name_does_not(parse, text):
    assert not _binds(parse, text)


def test_an_organisation_keeps_the_its_of_its_description(parse):
    text = "Microsoft sold more phones in May. The phone business has struggled in its home market."
    found = entities(parse(text))
    company = owner(found, "its", text.index("its"))
    assert company is not None and company.name == "Microsoft"
