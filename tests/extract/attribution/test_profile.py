"""The sourcing profile (no model needed)."""

from __future__ import annotations

from newsgraph.extract.attribution.profile import sourcing_profile
from newsgraph.record import Attribution, Source, TextSpan


def span(start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end, text="x" * (end - start))


SOURCES = [
    Source(id="s1", description="two people", kind="anonymous", anonymous=True, count=2),
    Source(id="s2", entity="e1", description="Ann Cole", kind="person"),
    Source(id="s3", description="ABC News", kind="media"),
    Source(id="s4", description="a spokeswoman", kind="person", declined_to_comment=True),
]


def test_profile_counts_claims_by_kind() -> None:
    attrs = [
        Attribution(id="a1", source="s1", cue=None, content=span(0, 10), kind="according_to"),
        Attribution(id="a2", source="s1", cue=None, content=span(20, 30), kind="indirect"),
        Attribution(id="a3", source="s2", cue=None, content=span(40, 60), kind="mixed"),
        Attribution(id="a4", source="s2", cue=None, content=span(50, 58), kind="direct", quoted=True),
        Attribution(id="a5", source="s3", cue=None, content=span(70, 80), kind="indirect"),
        Attribution(id="a6", source=None, cue=None, content=span(90, 99), kind="direct", quoted=True),
    ]
    profile = sourcing_profile(SOURCES, attrs)
    assert profile.attributions == 5  # the fragment a4 belongs to the claim a3
    assert profile.by_kind == {"anonymous": 2, "person": 1, "media": 1, "unknown": 1}
    assert profile.anonymous_share == 0.4
    assert profile.named_sources == 2  # the entity-linked person and the outlet; not the unnamed spokeswoman


def test_profile_of_nothing() -> None:
    profile = sourcing_profile([], [])
    assert profile.attributions == 0 and profile.anonymous_share == 0.0 and profile.by_kind == {}


def test_fragment_of_another_source_still_counts() -> None:
    attrs = [
        Attribution(id="a1", source="s2", cue=None, content=span(0, 40), kind="mixed"),
        Attribution(id="a2", source="s3", cue=None, content=span(10, 20), kind="direct", quoted=True),
    ]
    assert sourcing_profile(SOURCES, attrs).attributions == 2
