"""Roles whose holder is named beside them ("Jo Dale's lawyer, Al Roe,"; "the Ruritanian attorney general,
Jo Dale,"), on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_role_a_named_person_owns_is_the_person_named_beside_it(parse):
    text = ("Dana Whitlow’s lawyer, Omar Haddad, said on Monday that his client would appeal. "
            "Whitlow was not in court.")
    found = entities(parse(text))
    assert owner(found, "lawyer", text.index("lawyer")) is named(found, "Omar Haddad")


def test_a_possessed_role_with_a_straight_apostrophe(parse):
    text = "Senator Dana Whitlow's chief of staff, Omar Haddad, resigned on Friday. Whitlow thanked him."
    found = entities(parse(text))
    assert owner(found, "chief of staff", text.index("chief of staff")) is named(found, "Omar Haddad")


def test_a_possessed_role_set_beside_several_names_has_no_one_holder(parse):
    # A guard: a list after the comma names several people, none of whom is "lawyers" alone.
    text = ("Dana Whitlow's lawyers, Omar Haddad and Lena Marsh, said on Monday that she would appeal. "
            "Whitlow was not in court.")
    found = entities(parse(text))
    people = {named(found, name).id for name in ("Dana Whitlow", "Omar Haddad", "Lena Marsh")}
    holder = owner(found, "lawyers", text.index("lawyers"))
    assert holder is None or holder.id not in people


def test_a_title_head_set_before_its_holder_is_the_holder(parse):
    # "general" is no agent noun: it is the head of the office "attorney general" before the name.
    text = ("For now, the Ruritanian attorney general, Dana Whitlow, a critic of the plan, has been named to "
            "lead the agency. Whitlow starts in May.")
    found = entities(parse(text))
    start = text.index("the Ruritanian attorney general")
    assert owner(found, "the Ruritanian attorney general", start) is named(found, "Dana Whitlow")


def test_the_incoming_president_is_the_president_elect_not_a_sitting_president(parse):
    # A sitting president of another country is titled with the bare office and named nearer.
    text = ("President-elect Dana Whitlow named her cabinet on Monday. She met Ruritanian President Omar "
            "Haddad in the capital. But the incoming Republican president has a different view of trade.")
    found = entities(parse(text))
    start = text.index("the incoming Republican president")
    assert owner(found, "the incoming Republican president", start) is named(found, "Dana Whitlow")


def test_the_president_elect_is_the_most_named_person_titled_with_the_office(parse):
    # Nobody is titled "President-elect": the article's main person, whom a quotation titles "President",
    # not an untitled relative named beside the description.
    text = ("Dana Whitlow will be sworn in on Friday. “We honour our mother, President Dana Whitlow,” the "
            "invitation said. Whitlow has praised it. Whitlow will attend the ball. Reporters asked Lena "
            "Whitlow about the event, and a spokeswoman for the president-elect said no deal was made.")
    found = entities(parse(text))
    start = text.index("the president-elect")
    assert owner(found, "the president-elect", start) is named(found, "Dana Whitlow")


def test_the_president_elect_is_not_a_sitting_president_named_less(parse):
    # A guard: the sitting "President Omar Haddad" is named once, the winner again and again.
    text = ("Dana Whitlow won the vote on Sunday. Whitlow thanked her voters. Whitlow will meet President Omar "
            "Haddad in May. Whitlow said she was ready. Aides said the president-elect would travel.")
    found = entities(parse(text))
    holder = owner(found, "the president-elect", text.index("the president-elect"))
    assert holder is None or holder is not named(found, "Omar Haddad")


def test_an_age_and_a_nationality_are_one_epithet(parse):
    text = ("Dana Whitlow beat the champion Lena Marsh in Lakeside on Tuesday. The 18-year-old Ruritanian, who is "
            "a star at home, won in straight sets.")
    found = entities(parse(text))
    start = text.index("The 18-year-old Ruritanian")
    assert owner(found, "The 18-year-old Ruritanian", start) is named(found, "Dana Whitlow")


def test_the_clause_that_names_a_described_person_says_who_it_is(parse):
    text = ("A man opened fire at a market in Lakeside on Monday. Police identified the gunman as Omar Haddad, "
            "a local teacher. Haddad was arrested.")
    found = entities(parse(text))
    assert owner(found, "the gunman", text.index("the gunman")) is named(found, "Omar Haddad")


def test_a_nationality_epithet_after_its_holder_s_quotation(parse):
    # Two quoted sentences stand between the player's name and "The Swede": a quotation does not push her away.
    text = ("Lena Marsh reached the second round. \"It was a tough match and I am glad to come through,\" said "
            "Dana Whitlow. \"She was serving so well. I just kept fighting.\" The Swede will meet Ann Cole next.")
    found = entities(parse(text))
    assert owner(found, "The Swede", text.index("The Swede")) is named(found, "Dana Whitlow")


def test_a_producer_is_the_main_person_s_renown(parse):
    text = ("Omar Haddad is changing his talent show. Haddad wants new rules. Haddad says the show has grown too "
            "young, and Haddad has told the network so. Next year, the Ruritanian producer is said to want "
            "older acts.")
    found = entities(parse(text))
    start = text.index("the Ruritanian producer")
    assert owner(found, "the Ruritanian producer", start) is named(found, "Omar Haddad")


def test_the_world_number_one_is_the_player_the_report_is_about(parse):
    text = ("Top seed Dana Whitlow beat Lena Marsh in Lakeside on Tuesday. The world number one took two hours "
            "to win the match.")
    found = entities(parse(text))
    start = text.index("The world number one")
    assert owner(found, "The world number one", start) is named(found, "Dana Whitlow")


def test_the_new_president_is_the_president(parse):
    # "new" says only that the holder holds the office now, as "the sitting president" does: with nobody
    # titled "President", the office's one holder is the person the passage is about.
    text = ("Dana Whitlow won the Ruritanian election in November. Whitlow took office in January. "
            "The new president signed three orders on Monday.")
    found = entities(parse(text))
    assert owner(found, "The new president", text.index("The new president")) is named(found, "Dana Whitlow")
