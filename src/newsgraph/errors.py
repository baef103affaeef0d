"""The exception tree. Every error newsgraph raises on purpose derives from NewsgraphError.

    NewsgraphError
    ├── InputError            an input cannot be read as an article
    │   ├── MissingInputError     the path does not exist
    │   ├── EmptyInputError       nothing but whitespace
    │   ├── BinaryInputError      bytes that are not text
    │   ├── InputTooLargeError    over the configured size limit
    │   ├── DecodeError           no text encoding fits the bytes
    │   └── MalformedInputError   a bad JSONL line, CSV row or HTML page
    ├── ModelError            the spaCy model cannot be loaded
    └── StoreError            the corpus store cannot be opened or written

The CLI turns any of them into a one-line message naming the input and a non-zero exit.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input cannot be read as an article."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class MissingInputError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class DecodeError(InputError):
    pass


class MalformedInputError(InputError):
    pass


class ModelError(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    pass
