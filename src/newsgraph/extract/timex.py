"""Time expressions, normalised to TIMEX3 against the publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.record import TimeExpression


def time_expressions(doc: Doc, published: str | None) -> list[TimeExpression]:
    """DATE and TIME spans from the parse (normalisation comes with the time stage)."""
    out = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            out.append(
                TimeExpression(
                    id=f"t{len(out) + 1}", start=ent.start_char, end=ent.end_char,
                    text=ent.text, type=ent.label_, value=None, anchored=published is not None,
                )
            )
    return out
