"""Round 17: a pronoun that speaks a quotation is not named inside it (``orgs.OrgResolver._quote_speaker``).

In '"At no point did we stop the singer from playing at the Tallis Awards," they said', the "they" is the
quotation's speaker, and a speaker calls itself "we" in its own words; the name quoted was the nearest
phrase and took the pronoun.
A name of that quotation is no antecedent of the pronoun that speaks it, so the organisation named
before the quotation is. Invented sentences.
"""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities


def test_the_speaker_is_not_the_name_it_quotes(parse):
    text = ('Kestrel Music have denied the claims. "At no point did we stop the singer from playing at the '
            'Tallis Awards," they said in a statement.')
    found = entities(parse(text))
    speaker = owner(found, "they", text.index("they"))
    assert speaker is not None and speaker.name == "Kestrel Music"


def test_a_speaker_named_before_the_quotation_keeps_its_pronoun(parse):
    text = 'Kestrel Music denied the claims on Monday. "We did nothing wrong," they said in a statement.'
    found = entities(parse(text))
    speaker = owner(found, "they", text.index("they"))
    assert speaker is not None and speaker.name == "Kestrel Music"
