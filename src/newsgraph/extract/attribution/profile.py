"""The article's sourcing profile, derived from its sources and attributions.

It counts claims, not attribution records: a quoted fragment inside a ``mixed``
attribution of the same source ("said the council should build a 'far
wider bridge'") is part of that claim, so it is not counted twice.
"""

from __future__ import annotations

from collections import Counter

from newsgraph.record import Attribution, Source, Sourcing, claim_parts


def _claims(attributions: list[Attribution]) -> list[Attribution]:
    """Attributions that are no part of another claim (``record.claim_parts``)."""
    parts = claim_parts(attributions)
    return [a for a in attributions if a.id not in parts]


def _named(source: Source) -> bool:
    """A source the reader can identify: linked to an entity, or a news organisation."""
    return not source.anonymous and (source.entity is not None or source.kind == "media")


def sourcing_profile(sources: list[Source], attributions: list[Attribution]) -> Sourcing:
    """Claims by source kind, the share resting on anonymous sources, and how many named sources."""
    by_id = {s.id: s for s in sources}
    claims = _claims(attributions)
    kinds: Counter[str] = Counter()
    for attribution in claims:
        source = by_id.get(attribution.source or "")
        kinds[source.kind if source else "unknown"] += 1
    total = sum(kinds.values())
    anonymous = sum(1 for a in claims if (s := by_id.get(a.source or "")) and s.anonymous)
    return Sourcing(
        attributions=total,
        by_kind=dict(kinds.most_common()),
        anonymous_share=round(anonymous / total, 4) if total else 0.0,
        named_sources=sum(1 for s in sources if _named(s)),
    )
