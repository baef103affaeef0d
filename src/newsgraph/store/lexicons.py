"""Word lists the store's entity resolution uses, in one place.

They normalise how news names one person or organisation ("President Roe",
"Jane A. Roe"; "Department of Justice", "Justice Department") so the names
meet under one key. General English news vocabulary only: no names.
"""

from __future__ import annotations

from newsgraph.vocab.names import NAME_SUFFIXES

__all__ = ["NAME_SUFFIXES", "ORG_OF_HEADS", "PERSON_TITLES", "WORDING_STOPWORDS"]

#: Titles and honorifics that may stand before a person's name, longest first so
#: "deputy attorney general" goes before "attorney general". Lower case, no dots.
PERSON_TITLES: tuple[str, ...] = tuple(sorted({
    "president", "vice president", "former president", "president-elect", "prime minister", "deputy prime minister",
    "attorney general", "deputy attorney general", "assistant attorney general", "secretary", "secretary of state",
    "senator", "sen", "state sen", "representative", "rep", "congressman", "congresswoman", "governor", "gov",
    "lieutenant governor", "lt gov", "mayor", "judge", "justice", "chief justice", "ambassador", "minister",
    "foreign minister", "chancellor", "speaker", "house speaker", "leader", "majority leader", "minority leader",
    "general", "gen", "colonel", "col", "lieutenant", "lt", "sergeant", "sgt", "captain", "capt", "admiral", "adm",
    "major", "maj", "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "rev", "reverend",
    "father", "sir", "dame", "lord", "lady", "king", "queen", "prince", "princess", "pope", "sheikh", "chief",
    "director", "chairman", "chairwoman", "chair", "ceo", "commissioner", "special counsel", "spokesman",
    "spokeswoman", "former", "then", "the late",
}, key=lambda t: (-len(t.split()), t)))

#: Organisation heads written both "Department of X" and "X Department".
ORG_OF_HEADS: frozenset[str] = frozenset({"department", "ministry"})

#: Words left out when the store compares the wording of two reports of an event (``event_clusters``):
#: function words every sentence has, which would make any two sentences look alike. Lower case.
WORDING_STOPWORDS: frozenset[str] = frozenset({
    "the", "and", "for", "that", "this", "with", "from", "was", "were", "has", "have", "had", "not", "but",
    "are", "his", "her", "its", "their", "they", "them", "him", "she", "who", "which", "what", "when", "would",
    "will", "could", "should", "been", "being", "said", "says", "also", "into", "than", "then", "there",
    "about", "after", "before", "over", "under", "our", "your", "you", "all", "any", "one", "two", "mr", "mrs", "ms",
})
