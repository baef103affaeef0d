"""Site furniture and credits, told from article text by line features.

Features, not strings: a line's length in words, the share of its words that
are button labels, the share of its characters that are links, whether it ends
a sentence, where it sits (head, body, tail), and whether it holds a prompt
phrase from a general lexicon ("Subscribe", "Leave a Reply", "% of readers").
Lines in the body need stronger evidence than lines at the edges, and a long
line that reads as prose is never dropped for one weak phrase, so article
sentences survive (measured by ``newsgraph eval cleaning``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.clean import patterns as P
from newsgraph.clean.lexicons import CREDIT_LEADS, CREDIT_TAILS, LINK_LIST_HEADERS, PROMPT_PHRASES, UI_WORDS

BOILERPLATE, CREDIT = "boilerplate", "credit"

#: Prompt phrases that only ever appear as site furniture: enough on any line up to ``MAX_STRONG_WORDS``.
STRONG_PROMPTS: frozenset[str] = frozenset(
    {
        "post a comment", "no comments", "leave a comment", "leave a reply", "add a comment", "view comments",
        "commenting policy", "comment policy", "add your two cents", "% of readers", "sharing is caring",
        "gift article", "click here", "all rights reserved", "©", "rss feed", "older articles by",
        "see an error", "send us a correction", "report a typo", "invalid email", "something went wrong",
        "enable javascript", "direct to your inbox", "get breaking news", "hide caption", "toggle caption",
        "enlarge this image", "tweet this", "print this", "email this", "recommended for you",
        "you may also like", "in your inbox", "opens in new window", "open in new window",
    }
)
#: Matched against the lower-cased line (case-insensitive matching of a long alternation is slow).
_PROMPT_RE = re.compile(
    r"(?<![\w%])(" + "|".join(re.escape(p.lower()) for p in sorted(PROMPT_PHRASES, key=len, reverse=True))
    + r")(?!\w)"
)
_CREDIT_LEAD_RE = re.compile(
    r"^[(\[]?\s*(?:" + "|".join(re.escape(p) for p in sorted(CREDIT_LEADS, key=len, reverse=True))
    + r")\s*(?:credit|copyright|caption|courtesy)?\s*(?:[:|/]|by\b|copyright\b|credit\b|©)",
    re.I,
)
_CREDIT_TAIL_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(p) for p in CREDIT_TAILS) + r")(?!\w)", re.I
)
_LINK_LEAD = re.compile(r"^(?:>>|»|►|▶|→|\[\s*(?:link|video|watch)\b)")
_ENDS_PERIOD = re.compile(r"[.!?][\"'”’)]*$")
_ALPHA_WORD = re.compile(r"[^\W\d_][\w'’\-]*")

#: A line longer than this (characters) is never furniture: it is read as prose.
MAX_FURNITURE_CHARS = 1200
#: A line with this many words or fewer may be furniture on one weak prompt phrase.
MAX_WEAK_WORDS = 12
#: A line with this many words or fewer may be furniture on one strong prompt phrase.
MAX_STRONG_WORDS = 40
#: A prose line longer than this needs two different prompt phrases to go.
MAX_STRONG_PROSE_WORDS = 20
#: Share bars: at most this many words, at least this share of button labels.
MAX_UI_WORDS, MIN_UI_SHARE = 8, 0.6
#: Share of a line's characters in links above which it is furniture.
MIN_LINK_SHARE = 0.5
#: A caption with a credit has at most this many words.
MAX_CAPTION_WORDS = 60


@dataclass(frozen=True, slots=True)
class Zone:
    """Where a line sits: among the first lines, among the last, or in the body."""

    head: bool = False
    tail: bool = False


def _prompts(text: str) -> list[str]:
    return _PROMPT_RE.findall(text.lower())


_LEAD_SEPARATORS = ("-", "–", "—", ":", "|", "»", ">", "•")
#: A finite auxiliary makes a line opening with a weak prompt word a headline's clause
#: ("Download chart debut is delayed"), not a button ("Download the app").
_HEADLINE_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\b", re.I)


def _leading_prompts(text: str) -> set[str]:
    """Prompt phrases that open the line or a part of it after a separator ("... - subscribe to X").

    A weak prompt word inside a heading ("Download chart debut is delayed" is
    fine, "Honda wins copyright ruling" too) only counts in that position.
    """
    low = text.lower()
    out: set[str] = set()
    for match in _PROMPT_RE.finditer(low):
        before = low[: match.start()].rstrip()
        if not before or before.endswith(_LEAD_SEPARATORS):
            out.add(match.group(1))
    return out


def _ui_share(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(w.lower().strip(".,:;!?|") in UI_WORDS for w in words) / len(words)


_LINK_HINTS = ("http", "www.", "@", "#", ".com", ".org", ".net", ".co.uk")


def _link_share(text: str) -> float:
    if not text or not any(hint in text for hint in _LINK_HINTS):
        return 0.0
    return sum(m.end() - m.start() for m in P.LINKISH.finditer(text)) / len(text)


def is_link_list_header(text: str) -> bool:
    """A header such as "Related stories:" or "Read more:" after which links follow."""
    return text.strip().rstrip(":.-–—»>").strip().lower() in LINK_LIST_HEADERS


def credit_reason(text: str, zone: Zone) -> str | None:
    """``"credit"`` for a photo/video credit, a caption closed by a credit, or a reporting credit."""
    if len(text) > MAX_FURNITURE_CHARS:
        return None
    words = text.split()
    if len(words) <= MAX_CAPTION_WORDS and (_CREDIT_LEAD_RE.match(text) or text.startswith("©")):
        return CREDIT
    if len(words) <= MAX_CAPTION_WORDS and P.CAPTION_CREDIT.search(text):
        return CREDIT
    if len(words) <= MAX_STRONG_WORDS and _CREDIT_TAIL_RE.search(text) and (zone.tail or text.startswith("(")):
        return CREDIT
    return None


def boilerplate_reason(text: str, zone: Zone, *, mid_sentence: bool = False) -> str | None:
    """``"boilerplate"`` when the line's features say site furniture, else None.

    ``mid_sentence`` marks a wrapped line that continues or is continued by a
    sentence: it is article text whatever words it holds ("heard no comments
    from" is not a comment prompt)."""
    if len(text) > MAX_FURNITURE_CHARS:
        return None
    words = text.split()
    n = len(words)
    if not n:
        return None
    if mid_sentence:
        return None
    alpha = _ALPHA_WORD.findall(text)
    if n <= MAX_UI_WORDS and alpha and _ui_share(alpha) >= MIN_UI_SHARE and not _ENDS_PERIOD.search(text):
        return BOILERPLATE
    if _link_share(text) >= MIN_LINK_SHARE:
        return BOILERPLATE
    if n <= 30 and _LINK_LEAD.match(text):
        return BOILERPLATE
    prompts = set(_prompts(text))
    if not prompts:
        return None
    prose = bool(P.SENTENCE_END.search(text)) and n >= 6
    strong = prompts & STRONG_PROMPTS
    if strong and n <= MAX_STRONG_WORDS and (n <= MAX_STRONG_PROSE_WORDS or len(prompts) >= 2 or not prose):
        return BOILERPLATE
    if n <= MAX_WEAK_WORDS and not prose and _leading_prompts(text) and not _HEADLINE_FINITE.search(text):
        return BOILERPLATE
    if zone.tail and len(prompts) >= 2 and n <= MAX_STRONG_WORDS:
        return BOILERPLATE
    return None


def line_reason(text: str, zone: Zone, *, mid_sentence: bool = False) -> str | None:
    """Why a line should go (credit first, then boilerplate), or None to keep it."""
    if mid_sentence:
        return boilerplate_reason(text, zone, mid_sentence=True)
    return credit_reason(text, zone) or boilerplate_reason(text, zone)
