"""What a stage does when it gives up on part of a document: say so, or raise.

A freak parse must not cost an article its record, so a stage that fails on one
sentence skips it. But a skipped sentence is a missing item nobody can see, and
a bug hides behind it. So every such skip goes through :func:`gave_up`:

- with ``NEWSGRAPH_STRICT=1`` (the test suite sets it) the error is raised, so a
  bug fails a test instead of thinning the output;
- otherwise a ``(stage, message)`` warning is kept on the ``Doc``
  (``doc._.ng_warnings``) and the reader copies it into ``record.warnings``, so a
  user and the store can see that a stage gave up and where.
"""

from __future__ import annotations

import logging
import os

from spacy.tokens import Doc

from newsgraph.record import StageWarning, WarningStage

log = logging.getLogger("newsgraph")

#: The ``Doc`` extension holding the warnings of the stages that ran on it.
WARNINGS = "ng_warnings"


def strict() -> bool:
    """True when ``NEWSGRAPH_STRICT`` is set to anything but empty or ``0``."""
    return os.environ.get("NEWSGRAPH_STRICT", "") not in ("", "0")


def gave_up(doc: Doc, stage: WarningStage, where: str, exc: BaseException) -> None:
    """Record that ``stage`` skipped ``where`` because of ``exc`` (re-raised in strict mode).

    Call it from inside the ``except`` block, so strict mode re-raises with the
    original traceback.
    """
    if strict():
        raise exc
    log.warning("%s: %s skipped", stage, where, exc_info=exc)
    if not Doc.has_extension(WARNINGS):
        Doc.set_extension(WARNINGS, default=None)
    found = getattr(doc._, WARNINGS)
    if found is None:
        found = []
        setattr(doc._, WARNINGS, found)
    found.append(StageWarning(stage=stage, message=f"{where}: {type(exc).__name__}: {exc}"))
