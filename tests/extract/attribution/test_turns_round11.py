"""Interviews whose questions have no label: the questions alternate with the answers on the page.

Every page here is invented. The scanner runs alone (no model): each test says which paragraphs are
turns and whose, as a reader of the page would.
"""

from __future__ import annotations

from newsgraph.extract.attribution.turns import MIN_UNLABELLED_EXCHANGES, labelled_turns

_EXCHANGES = [
    ("The new season opens at the harbour. Why there?", "I grew up two streets away, and I wanted the sea in it."),
    ("Was the weather a problem?", "Every single day. I lost count of the storms we filmed through."),
    ("How did the cast cope with the cold?", "Better than me. I wore three coats and still shivered."),
    ("What comes after this?", "A long sleep, I hope. Then my next script, which is set in a desert."),
    ("Will the harbour feature again?", "I think it will. My heart is still there, honestly."),
]


def _page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def _turns(text: str) -> list[tuple[str, str | None]]:
    """Each turn as (its words, its speaker's words on the page or None)."""
    out = []
    for turn in labelled_turns(text):
        name = text[turn.name[0] : turn.name[1]] if turn.name else None
        out.append((text[turn.content[0] : turn.content[1]], name))
    return out


def test_magazine_questions_lost_in_the_text_alternate_with_the_answers() -> None:
    """Bold questions lost in the text: each question is the outlet's (its site), each answer the interviewee's."""
    text = _page(
        "Nadia Vell spent a winter filming on the coast for her new series.",
        "Below, Vell opens up about the shoot and what comes next.",
        *(p for pair in _EXCHANGES for p in pair),
        "The series airs on Fridays. Follow Courier.com/tv for more.",
    )
    got = _turns(text)
    want = [(q, "Courier") for q, _ in _EXCHANGES]
    want += [(a, "Vell") for _, a in _EXCHANGES]
    assert sorted(got) == sorted(want)


def test_one_labelled_exchange_names_both_sides_of_the_unlabelled_rest() -> None:
    """'HERALD: …' / 'Omar Pike: …' once, then no labels: the labels name the asker and the answerer."""
    text = _page(
        "The Herald spoke to Omar Pike about his bakery.",
        "HERALD: You opened the bakery in a storm. Was that the plan?",
        "Omar Pike: Not at all. I had booked a sunny week, and my luck ran out.",
        "And then the roof leaked.",
        "It did, on the first morning. I baked under a tarpaulin for a month.",
        *(p for pair in _EXCHANGES[:3] for p in pair),
    )
    got = dict(_turns(text))
    assert got["You opened the bakery in a storm. Was that the plan?"] == "HERALD"
    assert got["Not at all. I had booked a sunny week, and my luck ran out."] == "Omar Pike"
    assert got["And then the roof leaked."] == "HERALD"  # a question with no question mark, inside the run
    assert got["It did, on the first morning. I baked under a tarpaulin for a month."] == "Omar Pike"
    for question, answer in _EXCHANGES[:3]:
        assert got[question] == "HERALD" and got[answer] == "Omar Pike"


def test_a_cover_story_ending_in_questions_gives_only_the_questions() -> None:
    """Answers in quotation marks are the quote reader's: the questions are turns, the byline's writer asks them."""
    answers = ['"I grew up two streets away."', '"Every single day, I swear."', '"Better than me, I admit."',
               '"A long sleep, I hope."', '"My heart is still there."']  # fmt: skip
    questions = [q for q, _ in _EXCHANGES]
    text = _page(
        "Vell meets me at a cafe by the water and orders two coffees.",
        *(p for pair in zip(questions, answers, strict=True) for p in pair),
        "She leaves before the rain. Her series airs on Fridays.",
        "But do you ever want to stop? You could, after all this.",
        '"Never. I would be bored in a week."',
        "RUTH MARLOW is a Courier correspondent.",
    )
    got = _turns(text)
    assert sorted(got) == sorted([(q, "RUTH MARLOW") for q in questions]
                                 + [("But do you ever want to stop? You could, after all this.", "RUTH MARLOW")])


def test_an_ordinary_article_with_a_colon_line_and_a_question_has_no_turns() -> None:
    """A heading with a colon and a rhetorical question, then reporting: no interview, no turns."""
    text = _page(
        "Budget: what it means for you",
        "The council cut the library budget on Tuesday. Who will pay for the repairs now?",
        "The mayor said the roof would be fixed next year.",
        "Residents gathered outside the hall after the vote.",
        "Why did it take so long? Officials blamed the weather.",
        "The next meeting is in May.",
    )
    assert labelled_turns(text) == []


def test_too_few_exchanges_are_no_interview() -> None:
    """Fewer than the named number of exchanges in a row: an explainer's subheads, not an interview."""
    pairs = _EXCHANGES[: MIN_UNLABELLED_EXCHANGES - 1]
    text = _page("Vell talks about her series.", *(p for pair in pairs for p in pair))
    assert labelled_turns(text) == []


def test_a_writers_explainer_in_questions_and_answers_is_no_interview() -> None:
    """Answers that speak of others, never "I": the writer sets out a story as questions, nobody is interviewed."""
    text = _page(
        "The feud between the two bakers explained.",
        "So how did it start?", "Back in May, the two bakers entered the same contest.",
        "What happened next?", "The judges split the prize, and neither baker accepted it.",
        "Did they ever make up?", "Not yet. Friends of both say the bakers still avoid each other.",
        "And where does it go from here?", "A rematch is planned for the autumn fair, organisers say.",
        "Will either win?", "The bookmakers favour the older of the two.",
    )
    assert labelled_turns(text) == []


def test_a_labelled_exchange_counts_and_a_later_run_goes_on_after_page_furniture() -> None:
    """'HERALD:' / 'Omar Pike:' and three unlabelled exchanges make four; after a pull quote, two more are Pike's."""
    text = _page(
        "HERALD: You opened the bakery in a storm. Was that the plan?",
        "Omar Pike: Not at all. I had booked a sunny week, and my luck ran out.",
        *(p for pair in _EXCHANGES[:3] for p in pair),
        '"I baked under a tarpaulin."',
        "SHARE THIS STORY",
        *(p for pair in _EXCHANGES[3:] for p in pair),
    )
    got = dict(_turns(text))
    for question, answer in _EXCHANGES:
        assert got[question] == "HERALD" and got[answer] == "Omar Pike"
    assert '"I baked under a tarpaulin."' not in got  # a pull quote: the quote reader's, no turn


def test_without_the_labelled_exchange_three_exchanges_stay_unread() -> None:
    """The same three exchanges with no labelled exchange before them: too few to be an interview."""
    text = _page("Omar Pike runs a bakery by the sea.", *(p for pair in _EXCHANGES[:3] for p in pair))
    assert labelled_turns(text) == []
