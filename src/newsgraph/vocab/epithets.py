"""Epithets: the nouns a report uses for a person it has already named ("the 74-year-old comedian").

News style avoids repeating a name: after "Jane Roe won the final", "the striker" or "the
25-year-old" is Jane Roe. The attribution stage reads them for speakers ("said the singer"),
the event stage for actors ("the singer banked $5m"). Standard library only.
"""

from __future__ import annotations

import re

#: Nouns a report uses as an epithet for a person it has named ("said the 74-year-old comedian", "the Tory
#: leader added"): a definite one with no name of its own is the person just named. Roles that usually
#: speak or act *for* someone else (spokesman, lawyer, aide) are not epithets: they are someone new.
_WORDS = """
    star comedian comic actor actress singer musician rapper artist player veteran lady leader coach
    captain manager winner champion presenter host novelist author writer director producer campaigner
    founder entrepreneur billionaire tycoon mogul politician candidate nominee incumbent premier pontiff
    monarch king queen prince princess chancellor president minister senator governor mayor chairman
    chairwoman chief boss striker midfielder goalkeeper batsman bowler skipper frontman economist
    developer businessman businesswoman magnate millionaire
    """
EPITHET_NOUNS: frozenset[str] = frozenset(_WORDS.split())
#: Nouns for a performer, singular: what an entertainer is known as ("the singer", "the star"). The
#: attribution stage reads them (with their plurals, ``ENTERTAINER_NOUNS``) as a phrase that gives no sourcing
#: role; the entity stage, with other words of renown, as a description of the person the article is about.
_PERFORMERS = """
    star actor actress singer rapper comedian musician songwriter entertainer
    """
PERFORMER_NOUNS: frozenset[str] = frozenset(_PERFORMERS.split())
#: Performers and celebrities, singular and plural: "the reality television star", "Hollywood actresses".
_ENTERTAINERS = """
    stars actors actresses singers rappers musicians entertainers comedienne celebrity celebrities
    """
ENTERTAINER_NOUNS: frozenset[str] = PERFORMER_NOUNS | frozenset(_ENTERTAINERS.split())
#: An age that makes any description a person's epithet: "the 74-year-old".
AGE_EPITHET_RE = re.compile(r"\b[\w]+-year-old\b")

__all__ = ["AGE_EPITHET_RE", "ENTERTAINER_NOUNS", "EPITHET_NOUNS", "PERFORMER_NOUNS"]
