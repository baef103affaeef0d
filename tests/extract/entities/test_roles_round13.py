"""A role description followed by its holder's name ("the mayor of Lakeside, Jo Dale,"), on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_possessed_role_with_its_holder_named_after_it_is_that_person(parse):
    text = ("Senator Omar Haddad spoke in Ruritania on Monday. Meanwhile his campaign adviser, "
            "Dana Whitlow, was texting reporters.")
    found = entities(parse(text))
    assert owner(found, "his campaign adviser", text.index("his campaign")) is named(found, "Dana Whitlow")


def test_a_singular_group_noun_is_one_person_named_after_it(parse):
    # "mayor" is listed as a group noun ("the mayors"); its singular, with a name after it, is that person.
    text = ("Flooding closed three roads in the valley on Tuesday. The mayor of Lakeside, Dana Whitlow, "
            "is a former engineer. Crews worked through the night.")
    found = entities(parse(text))
    assert owner(found, "The mayor of Lakeside", text.index("The mayor")) is named(found, "Dana Whitlow")


def test_a_plural_role_before_names_is_no_one_of_them(parse):
    # A guard: it passes before the rule as well, and fails if the rule takes a list for one holder.
    text = ("The contest ended on Sunday. The finalists, Dana Whitlow and Omar Haddad, "
            "shook hands after the match.")
    found = entities(parse(text))
    whitlow = named(found, "Dana Whitlow")
    assert owner(found, "The finalists", text.index("The finalists")) is not whitlow


def test_an_organisation_described_inside_the_role_is_not_its_holder(parse):
    # A guard: "the agency" ends where "The director of the agency" ends; the holder's name is not the agency's.
    text = ("The Ruritanian Space Agency launched a probe on Friday. The director of the agency, Dana Whitlow, "
            "said the launch went well.")
    found = entities(parse(text))
    whitlow = named(found, "Dana Whitlow")
    assert all(m.text != "The director of the agency" for m in whitlow.mentions)
    assert owner(found, "the agency", text.index("the agency")) is not whitlow


def test_a_demonstrative_role_with_its_holder_named_after_it_is_that_person(parse):
    text = ("An inquiry into the leak opened in Lakeside on Monday. This investigator, Dana Whitlow, "
            "was moved to another case.")
    found = entities(parse(text))
    assert owner(found, "This investigator", text.index("This investigator")) is named(found, "Dana Whitlow")


def test_a_demonstrative_role_without_a_name_beside_it_stays_open(parse):
    # A guard: "this investigator" alone is not read by the definite-description rules.
    text = ("Investigator Dana Whitlow opened an inquiry in Lakeside on Monday. Omar Haddad said this "
            "investigator would find nothing.")
    found = entities(parse(text))
    assert owner(found, "this investigator", text.index("this investigator")) is None


def test_a_place_between_the_role_and_its_holder_ends_the_role(parse):
    # "Ruritania" says where Lakeside is; the role ends before it, and the name after it is the holder.
    text = ("Flooding closed three roads in the valley on Tuesday. The mayor of Lakeside, Ohio, Dana Whitlow, "
            "said crews worked through the night.")
    found = entities(parse(text))
    at = text.index("The mayor")
    assert owner(found, "The mayor of Lakeside", at) is named(found, "Dana Whitlow")
