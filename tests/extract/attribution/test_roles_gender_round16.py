"""Round 16: a relative's title names no role; a president of a body that is no government holds no office.

Two classes of wrong role labels on the released quote sets: a kinship word written as the title right
before a name ("with husband Tom Bell") read as an ordinary person, though it says whose relative the
person is, not what they do; and a (vice) president of an advocacy group or a think tank read as an office
of government from "president". Invented sentences.
"""

from __future__ import annotations

import pytest


def _source(reader, text: str, word: str):
    record = reader.read(text)
    found = [s for s in record.sources
             if word.lower() in (s.description + " ".join(m.text for m in s.mentions)).lower()]
    assert found, f"no source with {word!r} in {[s.description for s in record.sources]}"
    return found[0]


def test_kinship_title_before_a_name_gives_no_role(reader):
    text = ("The singer married husband Tom Bellamy in June. \"We are thrilled,\" Bellamy told the magazine "
            "on Friday.")
    source = _source(reader, text, "Bellamy")
    assert source.role is None
    assert source.gender == "male"  # the kinship word is still evidence of gender


def test_kinship_appositive_is_still_an_ordinary_person(reader):
    text = "\"She was beautiful,\" said Tom Bellamy, the father of the bride, after the ceremony."
    source = _source(reader, text, "Bellamy")
    assert source.role == "ordinary"


@pytest.mark.parametrize(("title", "role"), [
    ("the company's president", "business"),
    ("the country's president", "official"),
])
def test_possessor_of_a_president_is_what_they_head(reader, title, role):
    text = f"\"We will not stop,\" said {title}, Dana Fairweather, on Monday."
    source = _source(reader, text, "Fairweather")
    assert source.role == role


def test_vice_president_of_a_group_is_no_official(reader):
    text = ("\"This plan is a step back,\" said Dana Fairweather, the group's senior vice president for "
            "the United States, in a statement.")
    source = _source(reader, text, "Fairweather")
    assert source.role != "official"


def test_vice_president_at_a_named_think_tank_is_read_from_the_tank(reader):
    text = ("\"The number is a fantasy,\" said Jim Kestrel, senior vice president at Third Way, a centrist "
            "think tank.")
    source = _source(reader, text, "Kestrel")
    assert source.role == "expert"


@pytest.mark.parametrize(("clause", "role"), [
    ("who will serve as mayor from May", None),  # an office to come is not held yet
    ("who served as mayor until May", "official"),
])
def test_future_office_is_not_read(reader, clause, role):
    source = _source(reader, f"\"We will win,\" said Dale Brook, {clause}.", "Brook")
    assert source.role == role


def test_possessor_title_is_not_the_possessed_ones(reader):
    text = "\"We will win,\" said President-elect Dale Brook's transition team in a statement."
    source = _source(reader, text, "transition team")
    assert source.role != "politician"  # the title is Brook's; a team of a campaign says no role here


@pytest.mark.parametrize(("text", "word", "role"), [
    ("\"We are back,\" the Velvet Girls said in a post on Monday.", "Velvet Girls", None),
    ("\"We spoke up,\" said Rosa Quill, one of the first women to accuse the producer.", "Quill", None),
    ("\"It was loud,\" said a 34-year-old woman who lives nearby.", "woman", "ordinary"),
])
def test_plain_noun_of_sex_in_a_name_or_an_attachment_names_no_role(reader, text, word, role):
    assert _source(reader, text, word).role == role


@pytest.mark.parametrize(("text", "word", "role"), [
    ("\"I am disappointed,\" said Frank Knoll, president of the Dale County Small Business Chamber of "
     "Commerce in Easton.", "Knoll", "business"),
    ("\"It is wrong,\" industry officials said.", "industry officials", "business"),
    ("\"I know,\" says Megan Glade, 37, a college counselor from Easton.", "Glade", "ordinary"),
])
def test_trade_bodies_and_school_counsellors(reader, text, word, role):
    assert _source(reader, text, word).role == role


@pytest.mark.parametrize(("text", "word", "role"), [
    ("\"I was drinking to numb my pain,\" said the \"Talent Hour\" judge, whose real name is Mara Lund.",
     "judge", None),
    ("\"Now the question is open,\" said the music mogul.", "mogul", None),
    ("\"Now the question is open,\" said the media mogul.", "mogul", "business"),
    ("\"We want players to stand,\" NFL Commissioner Roger Gale said on Wednesday.", "Gale", "business"),
    ("\"I am happy,\" said Louis Clay, director of the Government Accountability Project.", "Clay", None),
])
def test_show_words_league_commissioners_and_non_government_names(reader, text, word, role):
    assert _source(reader, text, word).role == role


def test_intelligence_official_is_security(reader):
    text = "A U.S. intelligence official said it is \"concerning\" that the warnings were dismissed."
    assert _source(reader, text, "intelligence official").role == "security"


def test_names_with_honorifics_of_both_sexes_get_no_role(reader):
    text = ("Former first lady Barbara Dale joined her son at the rally. \"He does it all the time,\" said "
            "Mr. Dale, the former governor of Florida. \"Yes, I mean unbelievable,\" Mrs. Dale responded.")
    record = reader.read(text)
    merged = [s for s in record.sources if {"Mr. Dale", "Mrs. Dale"} <= {m.text for m in s.mentions}]
    if not merged:
        pytest.skip("the two people are two sources here: the rule has nothing to decide")
    assert merged[0].role is None
