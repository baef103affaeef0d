"""The language of an article's clean text, detected, not assumed.

The detector is py3langid (langid.py's maintained fork): its model ships in its
PyPI package (4.5 MB, 97 languages), nothing is fetched at run time. Loading
the model takes a few seconds, so English text, which most inputs are, is
recognised first by its function words ("the", "of", "and", …) and the model
is only loaded for text that does not read as English. The extractors read
English only: for other languages the record keeps its clean text and
metadata, the extractors are skipped and ``record.warnings`` says so.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.record import StageWarning

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

#: The language the extractors are written for.
ENGLISH = "en"
#: Frequent English function words; running English text has a third or more of its words among them.
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset({
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "on", "was", "with", "said", "it", "as", "at",
    "by", "he", "his", "be", "are", "from", "has", "have", "an", "they", "will", "not", "this", "but", "were",
    "who", "their", "which", "or", "had", "its", "been", "after", "more", "would", "we", "i", "you", "she", "her",
})
#: At least this share of English function words: English without asking the model.
MIN_ENGLISH_SHARE = 0.2
#: Below this many letters a text is too short to tell (it stays English, the default).
MIN_LETTERS = 40
#: The model's probability a detection needs; a less certain text stays English.
MIN_CONFIDENCE = 0.7
#: How much of a text the model reads (the language shows in the first few paragraphs).
MAX_SAMPLE_CHARS = 5000
#: The extractor stages that are skipped for text in another language.
ENGLISH_ONLY_STAGES = ("entities", "time", "attribution", "events")

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_share(text: str) -> float:
    """The share of ``text``'s words that are English function words."""
    words = _WORD.findall(text[:MAX_SAMPLE_CHARS].lower())
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language; ``"en"`` when the text reads as English or is too
    short or too mixed to tell."""
    if english_share(text) >= MIN_ENGLISH_SHARE:
        return ENGLISH
    sample = text[:MAX_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return ENGLISH
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_CONFIDENCE else ENGLISH


def skipped_for_language(language: str) -> list[StageWarning]:
    """The notes a record carries when its extractors were skipped because the text is not English
    (empty for English)."""
    if language == ENGLISH:
        return []
    message = f"skipped: the text is in '{language}' and this extractor reads English only"
    return [StageWarning(stage=stage, message=message) for stage in ENGLISH_ONLY_STAGES]
