"""Broadcast transcripts whose labels carry a title and a part: "Mr. HALE:", "Ms. ANN ORTIZ (Author):".

Radio transcripts label the guest with a title in ordinary case before the name in capitals, and the
first time with the guest's part in brackets; scenes played on air give each line "(As Character)".
Every page here is invented. The scanner runs alone (no model): each test says which paragraphs are
turns and whose, as a reader of the page would.
"""

from __future__ import annotations

from newsgraph.extract.attribution.turns import labelled_turns


def _page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def _turns(text: str) -> list[tuple[str, str | None]]:
    """Each turn as (its words, its speaker's words on the page or None)."""
    out = []
    for turn in labelled_turns(text):
        name = text[turn.name[0] : turn.name[1]] if turn.name else None
        out.append((text[turn.content[0] : turn.content[1]], name))
    return out


_TRANSCRIPT = _page(
    "KIM PARK, host:",
    "This is Night Shift. Our guest tonight is the novelist Ann Ortiz, who spoke with Lou Brand.",
    "LOU BRAND, host:",
    "Ann Ortiz, welcome to the show.",
    "Ms. ANN ORTIZ (Author): Thanks for having me on.",
    "BRAND: Your new book is set in a lighthouse. Why a lighthouse?",
    "Ms. ORTIZ: My grandfather kept one for thirty years, and I spent my summers there.",
    "BRAND: Let's hear a scene from the film of your first book.",
    "(Soundbite of film)",
    "Ms. ORTIZ: (As Mara) Close the door, the storm is coming in.",
    "Mr. TED HALE (Actor): (As Jonas) Let it come.",
    "BRAND: And you wrote that line at the lighthouse?",
    "Ms. ORTIZ: I did, at the kitchen table, with the foghorn going all night.",
    "Mr. HALE: I remember she read it to us on the first day of the shoot.",
    "BRAND: Ann Ortiz, Ted Hale, thank you both.",
)


def test_a_titled_label_is_a_turn_of_the_name_in_capitals() -> None:
    """'Ms. ANN ORTIZ (Author):' and 'Ms. ORTIZ:' are the guest's turns, named by the words in capitals."""
    got = dict(_turns(_TRANSCRIPT))
    assert got["Thanks for having me on."] == "ANN ORTIZ"
    assert got["My grandfather kept one for thirty years, and I spent my summers there."] == "ORTIZ"
    assert got["I remember she read it to us on the first day of the shoot."] == "HALE"
    assert got["Your new book is set in a lighthouse. Why a lighthouse?"] == "BRAND"


def test_a_titled_label_ends_the_run_of_the_turn_before_it() -> None:
    """The host's turn does not go on over the guest's labelled paragraph."""
    contents = [content for content, _ in _turns(_TRANSCRIPT)]
    assert not any("lighthouse. Why a lighthouse?" in c and "grandfather" in c for c in contents)
    speakers = [name for content, name in _turns(_TRANSCRIPT) if "grandfather" in content]
    assert speakers == ["ORTIZ"]


def test_a_line_played_in_character_is_no_turn() -> None:
    """'(As Mara) …' is a part in a scene played on air, not the speaker's own words."""
    contents = [content for content, _ in _turns(_TRANSCRIPT)]
    assert "I did, at the kitchen table, with the foghorn going all night." in contents
    assert not any("Close the door" in c for c in contents)
    assert not any("Let it come" in c for c in contents)


def test_a_host_label_with_its_part_in_ordinary_case_is_no_turn() -> None:
    """'KIM PARK, host:' alone on its line introduces the programme: no turn, and no run on over it."""
    contents = [content for content, _ in _turns(_TRANSCRIPT)]
    assert "Thanks for having me on." in contents
    assert not any("Our guest tonight" in c for c in contents)
    assert not any("welcome to the show" in c for c in contents)


def test_a_titled_label_on_a_page_with_no_conversation_is_no_turn() -> None:
    """One titled line in a news story ('Mr. HALE: …' once, no one answering) is no transcript."""
    text = _page(
        "The theatre reopened on Friday after a year of repairs.",
        "Mr. HALE: a statement from the owner was read out before the first show.",
        "Tickets for the season are on sale at the box office.",
    )
    assert _turns(text) == []
