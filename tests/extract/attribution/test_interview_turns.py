"""Interview and transcript turns in ordinary case ("Ortiz: …"), "Q:"/"A:" turns, and whose they are.

Articles are invented. The scanner runs alone; the last tests run the full pipeline (model needed).
"""

from __future__ import annotations

import pytest

from newsgraph.extract.attribution.core import attributions
from newsgraph.extract.attribution.turns import interview_parties, labelled_turns
from newsgraph.extract.entities.core import entities

DEBATE = ("The two candidates met at the library on Tuesday. Ortiz moderated.\n\n"
          "Ortiz: Good evening. Ms Berger, you first.\n\n"
          "Berger: Thank you. The bridge must open in May.\n\n"
          "Ortiz: And Mr Kahn?\n\n"
          "Mr Kahn: I disagree with every word of that.\n\n"
          "Berger: Then we will see in May.")  # fmt: skip
QA = ("Jane Roe told the Courier that the mill will close.\n\n"
      "Q: When did you decide?\n"
      "A: In the spring, after the floods.\n"
      "Q: Will anyone stay on?\n"
      "A: A few of the older hands.")  # fmt: skip


def _turns(text: str) -> list[tuple[str | None, str]]:
    return [(text[t.name[0] : t.name[1]] if t.name else None, text[t.content[0] : t.content[1]])
            for t in labelled_turns(text)]  # fmt: skip


def test_labels_in_ordinary_case_are_turns_and_a_label_used_once_counts_when_the_page_names_it() -> None:
    assert _turns(DEBATE) == [
        ("Ortiz", "Good evening. Ms Berger, you first."),
        ("Berger", "Thank you. The bridge must open in May."),
        ("Ortiz", "And Mr Kahn?"),
        ("Mr Kahn", "I disagree with every word of that."),
        ("Berger", "Then we will see in May."),
    ]


def test_a_label_used_once_and_named_nowhere_else_is_no_turn() -> None:
    text = DEBATE.replace("Mr Kahn: I", "Overall: I")
    assert [name for name, _ in _turns(text)] == ["Ortiz", "Berger", "Ortiz", "Berger"]


@pytest.mark.parametrize("text", [
    # a glossary: terms and meanings, each once
    "Glossary\n\nTurbine: a machine that turns flow into work.\n\nRotor: the part of it that spins.",
    # a listing's fields, repeated for each event: no speakers
    "Venue: the town hall\nDate: the first Monday\n\nVenue: the library\nDate: the second Monday",
    # a dateline and a note
    "Springfield: The council met on Monday.\n\nNote: the vote was postponed.",
    # headings of a report whose words the page also writes in lower case
    "Economy: growth slowed in the spring.\n\nThe economy grew.\n\nEconomy: prices rose.\n\n"
    "Housing: rents rose.\n\nHousing: the housing market cooled.",
    # an FAQ page's "Q." and "A." lines are no speech
    "Q. What is a permit?\n\nA. A licence from the council.\n\nQ. Is it free?\n\nA. No.",
    # a table of names and figures
    "Berger: 30\nKahn: 20\nBerger: 56%\nKahn: 44%",
])  # fmt: skip
def test_lines_that_are_not_turns(text: str) -> None:
    assert labelled_turns(text) == []


def test_q_and_a_turns_name_the_interviewee_and_the_outlet_the_page_names() -> None:
    turns = _turns(QA)
    assert [content for _, content in turns] == [
        "When did you decide?", "In the spring, after the floods.", "Will anyone stay on?", "A few of the older hands."
    ]
    assert [name for name, _ in turns] == ["Courier", "Jane Roe", "Courier", "Jane Roe"]


@pytest.mark.parametrize(("text", "interviewee", "interviewer"), [
    ("In an interview with Jane Roe, the mill's owner, we asked about the floods.", "Jane Roe", None),
    ("Roe said in an interview with the Courier that the mill will close.", None, "Courier"),
    ("Last week the Courier interviewed Jane Roe at the mill.", "Jane Roe", "Courier"),
    ("In March Jane Roe spoke to the Courier.", "Jane Roe", "Courier"),
    ("He told the Courier little.", None, "Courier"),  # a pronoun is no name
    # two people each said to be interviewed: the page does not say which one answers
    ("Jane Roe told the Courier one thing; Tom Kahn told the Courier another.", None, "Courier"),
    ("The mill will close, the owner said.", None, None),
    ("Jane Roe: 'We will rebuild the mill'\n\nThe floods came in May.", "Jane Roe", None),  # the headline
])  # fmt: skip
def test_who_is_interviewed_and_by_whom(text: str, interviewee: str | None, interviewer: str | None) -> None:
    who, by = interview_parties(text)
    assert (text[who[0] : who[1]] if who else None) == interviewee
    assert (text[by[0] : by[1]] if by else None) == interviewer


def test_q_and_a_turns_have_no_speaker_when_the_page_names_no_one() -> None:
    text = "The mill will close.\n\nQ: When did you decide?\nA: In the spring."
    assert _turns(text) == [(None, "When did you decide?"), (None, "In the spring.")]


def test_an_answer_is_a_direct_claim_by_the_interviewee(nlp) -> None:
    doc = nlp(QA)
    sources, attrs = attributions(doc, entities(doc))
    by_id = {s.id: s for s in sources}
    answers = [a for a in attrs if a.cue is not None and a.cue.text == "A:"]
    assert [a.kind for a in answers] == ["direct", "direct"]
    assert all(a.source is not None and "Roe" in by_id[a.source].description for a in answers)


def test_ordinary_case_turns_share_one_source_per_speaker(nlp) -> None:
    doc = nlp(DEBATE)
    sources, attrs = attributions(doc, entities(doc))
    by_id = {s.id: s for s in sources}
    turns = [a for a in attrs if a.cue is not None and a.cue.text.endswith(":")]
    assert len(turns) == 5
    berger = {a.source for a in turns if a.content.text.startswith(("Thank you", "Then we"))}
    assert len(berger) == 1 and "Berger" in by_id[berger.pop()].description


def test_a_label_in_ordinary_case_used_once_counts_when_the_same_speaker_has_labels_in_capitals() -> None:
    text = ("ORTIZ: Good evening.\n\nBERGER: Thank you.\n\nORTIZ: The bridge?\n\n"
            "Berger: It opens in May.\n\nBERGER: Or June.\n\nAmerica: the bridge is late.")  # fmt: skip
    assert [name for name, _ in _turns(text)] == ["ORTIZ", "BERGER", "ORTIZ", "Berger", "BERGER"]


def test_a_headline_with_a_possessive_is_no_turn() -> None:
    text = DEBATE.replace("The two candidates", "Channel 9's Ortiz: the debate was lively\n\nThe two candidates")
    assert [name for name, _ in _turns(text)] == ["Ortiz", "Berger", "Ortiz", "Mr Kahn", "Berger"]


INITIALS = ("Jane Roe runs the mill by the river. We met her at the gate.\n\n"
            "CM: When did you decide?\n\nJR: In the spring.\n\nCM: Why then?\n\nJR: The floods.")  # fmt: skip


def test_a_label_of_initials_is_the_one_name_in_the_page_with_them() -> None:
    assert [name for name, _ in _turns(INITIALS)] == ["CM", "Jane Roe", "CM", "Jane Roe"]


@pytest.mark.parametrize("text", [
    INITIALS.replace("We met her", "John Reed met her"),  # two names with the initials JR: no guess
    INITIALS.replace("Jane Roe runs", "Jr runs"),  # the label is a word of the page, not initials
])  # fmt: skip
def test_initials_stay_as_they_are_when_the_page_does_not_say_whose(text: str) -> None:
    assert [name for name, _ in _turns(text)] == ["CM", "JR", "CM", "JR"]


def test_a_label_used_once_in_full_before_the_answers_names_them() -> None:
    text = ("The mill will close.\n\nQ: Who are you?\nJANE ROE: I run the mill.\n"
            "Q: When did you decide?\nA: In the spring.\nQ: Why?\nA: The floods.")  # fmt: skip
    assert _turns(text) == [(None, "Who are you?"), ("JANE ROE", "I run the mill."), (None, "When did you decide?"),
                            ("JANE ROE", "In the spring."), (None, "Why?"), ("JANE ROE", "The floods.")]  # fmt: skip


def test_two_named_labels_leave_the_answers_with_no_speaker() -> None:
    text = ("Q: Who are you?\nJANE ROE: I run the mill.\nTOM KAHN: I work there.\n"
            "Q: When did you decide?\nA: In the spring.")  # fmt: skip
    assert [name for name, _ in _turns(text) if name is None or name == "JANE ROE"][-1] is None


def test_turns_labelled_with_initials_are_the_named_person_s(nlp) -> None:
    doc = nlp(INITIALS)
    sources, attrs = attributions(doc, entities(doc))
    by_id = {s.id: s for s in sources}
    answers = [a for a in attrs if a.cue is not None and a.cue.text == "JR:"]
    assert len(answers) == 2 and all(a.source is not None and "Roe" in by_id[a.source].description for a in answers)


# A written-up interview that labels only the first paragraph of each turn.
RUN_ON = ("The mill's owner talked to the Courier's Carl Moss.\n\n"
          "Carl Moss: You said the mill would close. When?\n\n"
          "Jane Roe: In the spring. The floods decided it.\n\n"
          "We had two bad winters before that, and the insurers left.\n\n"
          "Nobody wanted to say so at the time.\n\n"
          "CM: Will anyone stay on?\n\n"
          "JR: A few of the older hands.\n\n"
          "They know the machines better than anyone.\n\n"
          "CM: Thank you.\n\n"
          "JR: Thank you.\n\n"
          "The Courier's next interview is on Friday.")  # fmt: skip


def test_a_turn_runs_on_over_the_unlabelled_paragraphs_before_the_other_speaker_s_label() -> None:
    assert _turns(RUN_ON) == [
        ("Carl Moss", "You said the mill would close. When?"),
        ("Jane Roe", "In the spring. The floods decided it."),
        ("Jane Roe", "We had two bad winters before that, and the insurers left."),
        ("Jane Roe", "Nobody wanted to say so at the time."),
        ("Carl Moss", "Will anyone stay on?"),
        ("Jane Roe", "A few of the older hands."),
        ("Jane Roe", "They know the machines better than anyone."),
        ("Carl Moss", "Thank you."),
        ("Jane Roe", "Thank you."),  # the last turn is not run on: the page's own line follows
    ]


def test_a_label_used_once_in_full_counts_when_its_initials_label_the_other_turns() -> None:
    assert _turns(RUN_ON)[:2] == [("Carl Moss", "You said the mill would close. When?"),
                                  ("Jane Roe", "In the spring. The floods decided it.")]


def test_an_unlabelled_question_or_a_paragraph_between_one_speaker_s_turns_is_not_theirs() -> None:
    text = ("We met the mill's owner at the gate.\n\n"
            "Kahn: When did you decide?\n\n"
            "Roe: In the spring.\n\n"
            "And the workers?\n\n"
            "Roe: A few stay on.\n\n"
            "Tell us about the floods.\n\n"
            "Roe: They came twice.\n\n"
            "Kahn: Thank you.\n\n"
            "Roe: Thank you.")  # fmt: skip
    contents = [content for _, content in _turns(text)]
    assert "And the workers?" not in contents  # a question put to her
    assert "Tell us about the floods." not in contents  # between two of her turns: someone else's
    assert contents.count("In the spring.") == 1 and "They came twice." in contents


def test_a_run_on_stops_at_a_paragraph_that_is_no_speech() -> None:
    text = RUN_ON.replace("Nobody wanted to say so at the time.", "(BREAK)\n\nNobody wanted to say so.")
    contents = [content for _, content in _turns(text)]
    assert "We had two bad winters before that, and the insurers left." in contents
    assert "(BREAK)" not in contents and "Nobody wanted to say so." not in contents


@pytest.mark.parametrize("between", ["(APPLAUSE)", "[Crosstalk]", 'ANN LEE, HOST "THE SHOW": Welcome back.'])
def test_a_run_on_stops_at_a_stage_direction_or_a_label_of_another_form(between: str) -> None:
    text = RUN_ON.replace("Nobody wanted to say so at the time.", f"{between}\n\nNobody wanted to say so.")
    contents = [content for _, content in _turns(text)]
    assert "We had two bad winters before that, and the insurers left." in contents
    assert between not in contents and "Nobody wanted to say so." not in contents


def test_no_run_on_where_one_side_of_the_talk_has_no_labels() -> None:
    # the interviewer is labelled once; after that questions and answers alternate unlabelled
    text = ("Carl Moss: Thank you for coming.\n\nJane Roe: Glad to.\n\n"
            "Good. Let us start.\n\nWhy close the mill?\n\nThe floods.\n\nWho stays on?\n\nA few hands.\n\n"
            "Carl Moss: And then?\n\nJane Roe: Then we rebuild.\n\nRight.\n\nWhen?\n\nIn May.\n\n"
            "Carl Moss: Thank you.\n\nJane Roe: Thank you.")  # fmt: skip
    contents = [content for _, content in _turns(text)]
    assert "Good. Let us start." not in contents and "Right." not in contents  # the interviewer's
    assert "Glad to." in contents and "Then we rebuild." in contents
