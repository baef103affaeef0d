"""The article's sourcing profile, derived from its sources and attributions."""

from __future__ import annotations

from collections import Counter

from newsgraph.record import Attribution, Source, Sourcing


def sourcing_profile(sources: list[Source], attributions: list[Attribution]) -> Sourcing:
    """Attributions by source kind, the anonymous share, and how many named sources."""
    by_id = {s.id: s for s in sources}
    kinds: Counter[str] = Counter()
    for attribution in attributions:
        source = by_id.get(attribution.source or "")
        kinds[source.kind if source else "unknown"] += 1
    total = sum(kinds.values())
    anonymous = sum(1 for a in attributions if (s := by_id.get(a.source or "")) and s.anonymous)
    return Sourcing(
        attributions=total,
        by_kind=dict(kinds.most_common()),
        anonymous_share=round(anonymous / total, 4) if total else 0.0,
        named_sources=sum(1 for s in sources if not s.anonymous),
    )
