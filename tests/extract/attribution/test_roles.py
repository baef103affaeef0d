"""Who the sources are (``attribution.roles``, ``attribution.gender``), on invented sentences read by the model.

Each row names a source by a word of its description and the role (or gender)
the article's own words give it, with the words that must be the evidence.
"""

from __future__ import annotations

import typing

import pytest

from newsgraph import record as rec
from newsgraph.extract.attribution import lexicons as lex
from newsgraph.extract.entities import lexicons as entity_lex


def _source(reader, text: str, word: str) -> rec.Source:
    record = reader.read(text)
    found = [s for s in record.sources if word.lower() in s.description.lower()]
    assert found, f"no source described with {word!r} in {[s.description for s in record.sources]}"
    source = found[0]
    for span in [*source.role_evidence, *source.gender_evidence]:
        assert record.text[span.start : span.end] == span.text  # evidence points into the clean text
    return source


ROLES = [
    # official: government and agency titles, a ministry
    ("Finance Minister Ann Ruiz said the budget would balance.", "Ruiz", "official", ["Minister"]),
    ("The ministry said the figures were accurate.", "ministry", "official", ["ministry"]),
    ("A senior official said the talks had stalled.", "official", "official", ["official"]),
    # politician: legislators, party figures, a shadow office
    ("Tom Vale, a Labour MP, said the vote was lost.", "Vale", "politician", ["MP"]),
    ("Shadow chancellor Rob Tarn said taxes would rise.", "Tarn", "politician", ["Shadow", "chancellor"]),
    # a party's spokesman on a subject is its frontbench figure; a party's spokesman alone speaks for it
    ("Lib Dem health spokesman Tom Vale said the wards were full.", "Vale", "politician", ["Lib Dem", "spokesman"]),
    ("The Green Party's transport spokeswoman, Ada Rook, said fares would rise.", "Rook", "politician",
     ["Green Party", "spokeswoman"]),
    ("A Labour spokesman said the vote was lost.", "spokesman", "spokesperson", ["spokesman"]),
    ("The Labour chief executive, Ben Arno, said the books were balanced.", "Arno", "politician",
     ["Labour", "chief executive"]),
    # an office outweighs a party's name; a campaign's officers are party figures
    ("The Republican who beat him, Gov. Dan Oke, said the count was fair.", "Oke", "official", ["Gov."]),
    ("Campaign manager Ray Dunn said the polls were wrong.", "Dunn", "politician", ["Campaign manager"]),
    ("FBI Director Lou Hart said the inquiry would go on.", "Hart", "official", ["FBI"]),
    # spokesperson beats the ministry it speaks for
    ("A spokeswoman for the ministry said the plan was sound.", "spokeswoman", "spokesperson", ["spokeswoman"]),
    ("Health Ministry spokesman Leo Park said the clinics would open.", "Park", "spokesperson", ["spokesman"]),
    # expert
    ("\"We will see more floods,\" said Ken Ober, a professor of hydrology.", "Ober", "expert", ["professor"]),
    ("Economist Mara Bell said prices would keep rising.", "Bell", "expert", ["Economist"]),
    # business: a title, a company's own name
    ("Acme Corp said profits would fall.", "Acme", "business", ["Corp"]),
    ("Chief executive Dan Holt said the firm would hire.", "Holt", "business", ["Chief executive"]),
    ("Ray Tull, an executive at Corvan, said the offer was low.", "Tull", "business", ["executive"]),
    ("One dealer said the shares had fallen too far.", "dealer", "business", ["dealer"]),
    # central banks and the bodies of governments, by their whole names; a bank is otherwise a business
    ("The Bank of Japan said it would sell dollars.", "Bank", "official", ["Bank of Japan"]),
    ("Jo Fry of the Bank of Japan said the yen was weak.", "Fry", "official", ["Bank of Japan"]),
    ("Bank of America said profits rose.", "America", "business", ["Bank"]),
    ("The IMF said growth would slow.", "IMF", "official", ["IMF"]),
    # a party's operative; a union's president; advocacy groups by name; a talk show's host
    ("Democratic operative Jo Vance said the map favoured them.", "Vance", "politician", ["operative"]),
    ("Union president Joe Kell said the strike would go on.", "Kell", "activist", ["Union president"]),
    ("The ACLU said the law was unconstitutional.", "ACLU", "activist", ["ACLU"]),
    ("Talk show host Rob Lim said the polls were fake.", "Lim", "media", ["Talk show host"]),
    # a host named so is a broadcaster, before the name or in an appositive
    ("Late-night host Cal Brody said the jokes wrote themselves.", "Brody", "media", ["host"]),
    ("Tia Marr, the host of a morning radio show, said the callers were angry.", "Marr", "media", ["host"]),
    # scientists are experts; eyewitnesses and teachers ordinary people
    ("A teacher at the school said pupils were scared.", "teacher", "ordinary", ["teacher"]),
    ("Dora Wyn, a seismologist, said the quake was shallow.", "Wyn", "expert", ["seismologist"]),
    ("Eyewitnesses said the fire spread fast.", "Eyewitnesses", "ordinary", ["Eyewitnesses"]),
    # a branch is what the organisation it is a branch of is ("Mrs": the small model types the bare name ORG)
    ("Mrs Nia Holt, director of the Leeds office of the advocacy group Fair Homes, said rents were too high.", "Holt",
     "activist", ["advocacy group"]),
    ("A source at the Office of Rail Safety said the line was closed.", "source", "official", ["Office"]),
    # the president of an organisation is what the organisation is
    ("Mark Lune, president of Pacific Harbor Managers, said the market was young.", "Lune", "business",
     ["president"]),
    ("Jo Hart, president of the teachers union, said pay was low.", "Hart", "activist", ["union"]),
    ("The president of the United States said the war was over.", "president", "official", ["president"]),
    # a board's chair of a named organisation that gives no role of its own
    ("Corvan Holdings chairman Ivo Reth said the bid was too low.", "Reth", "business", ["chairman"]),
    ("Ivo Reth, chairman of the Ashby Growers Association, said it was fair.", "Reth", "business", ["chairman"]),
    # legal
    ("Defence lawyer Rosa Quill said her client was innocent.", "Quill", "legal", ["lawyer"]),
    # security
    ("Police said the road would stay closed.", "Police", "security", ["Police"]),
    ("Army captain Joe Hill said the base was safe.", "Hill", "security", ["Army"]),
    # a police department is the police; another department is a government's
    ("The Dale County Police Department said the road would stay closed.", "Department", "security", ["Police"]),
    ("The Health Department said the water was safe.", "Department", "official", ["Health Department"]),
    # a council's elected leader is a politician, the council itself official
    ("Council leader Ann Dore said the budget was tight.", "Dore", "politician", ["Council leader"]),
    # what an organisation the source belongs to is, said of it, outweighs its name
    ("Ann Ruiz of the Harbour Council, a citizen action group, said the pier must stay.", "Ruiz", "activist",
     ["action group"]),
    ("Jo Kim of the Fenwick Centre, a London-based think-tank, said rents would rise.", "Kim", "expert",
     ["think-tank"]),
    # media
    ("Reporter Sam Oduya said the crowd had grown.", "Oduya", "media", ["Reporter"]),
    # activist
    ("Campaigners said the forest must be saved.", "Campaigners", "activist", ["Campaigners"]),
    # ordinary people
    ("Jo Marsh, a resident of the village, said the bridge was unsafe.", "Marsh", "ordinary", ["resident"]),
    ("A witness said the car had sped away.", "witness", "ordinary", ["witness"]),
]


@pytest.mark.parametrize(("text", "word", "role", "evidence"), ROLES, ids=[r[2] + ":" + r[1] for r in ROLES])
def test_role_from_the_articles_words(reader, text, word, role, evidence):
    source = _source(reader, text, word)
    assert source.role == role
    assert [e.text for e in source.role_evidence] == evidence


def test_phoenix_agents_fill_in_words_the_list_lacks(reader):
    # "parliamentarian" is only in the Phoenix agents dictionary (LEG); "abbot" is there too, but its
    # code (REL) names no role a sourcing study counts.
    assert "parliamentarian" not in lex.ROLE_WORDS and "abbot" not in lex.ROLE_WORDS
    source = _source(reader, "Ivo Stan, a parliamentarian, said the bill would pass.", "Stan")
    assert (source.role, [e.text for e in source.role_evidence]) == ("politician", ["parliamentarian"])
    abbot = _source(reader, "Jon Mare, an abbot, said the abbey would reopen.", "Mare")
    assert abbot.role is None


def test_no_role_words_no_role(reader):
    source = _source(reader, "Kim Lee said the vote was close.", "Lee")
    assert (source.role, source.role_evidence) == (None, [])


def test_a_phrase_attached_to_the_source_does_not_outvote_its_head(reader):
    # "for women" says whom the spokeswoman speaks for; "women" gives neither a role nor a gender of its own.
    source = _source(reader, "Party spokeswoman for women Sandra Gill said the law was unfair.", "spokeswoman")
    assert source.role == "spokesperson"
    assert [(e.text, e.cue) for e in source.gender_evidence] == [("spokeswoman", "title")]


GENDERS = [
    ("Dan Reyes said the plan would work. He added that it was cheap.", "Reyes", "male", [("He", "pronoun")]),
    ("Ms Carter said the bridge was unsafe.", "Carter", "female", [("Ms", "honorific")]),
    ("Sir Alan Pike said the bank would lend more.", "Pike", "male", [("Sir", "honorific")]),
    ("Chairwoman Lena Ortiz said the board would meet.", "Ortiz", "female", [("Chairwoman", "title")]),
    ("A mother of two said the school was closing.", "mother", "female", [("mother", "kinship")]),
    ("A 34-year-old man said the fire spread fast.", "man", "male", [("man", "noun")]),
]


@pytest.mark.parametrize(("text", "word", "gender", "evidence"), GENDERS, ids=[g[3][0][1] for g in GENDERS])
def test_gender_from_the_articles_evidence(reader, text, word, gender, evidence):
    source = _source(reader, text, word)
    assert source.gender == gender
    assert [(e.text, e.cue) for e in source.gender_evidence][: len(evidence)] == evidence
    assert {e.gender for e in source.gender_evidence} == {gender}


def test_conflicting_evidence_gives_no_gender_and_lists_both(reader):
    # An honorific and a kinship word disagree: the source keeps both words and no gender.
    source = _source(reader, "Mr Dale, the mother of the bride, said the day was perfect.", "Dale")
    assert source.gender is None
    assert {e.gender for e in source.gender_evidence} == {"female", "male"}


def test_no_evidence_no_gender_and_no_name_guess(reader):
    # "Mary" and "John" are names, not evidence: nothing in the text says who is a woman or a man.
    for text, word in (("Mary Quinn said the vote was close.", "Quinn"),
                       ("John Abel said the vote was close.", "Abel")):
        source = _source(reader, text, word)
        assert (source.gender, source.gender_evidence) == (None, [])


def test_organisations_have_no_gender(reader):
    source = _source(reader, "The ministry said the figures were accurate. It added that they were final.", "ministry")
    assert (source.gender, source.gender_evidence) == (None, [])


def test_the_record_vocabularies_are_the_stages():
    roles = set(typing.get_args(rec.SourceRole))
    assert set(lex.ROLE_WORDS.values()) <= roles
    assert set(lex.ROLE_OF_PHOENIX_CODE.values()) <= roles
    genders = set(typing.get_args(rec.Gender))
    for table in (lex.HONORIFIC_GENDERS, lex.GENDERED_TITLES, lex.KINSHIP_GENDERS, lex.PERSON_NOUN_GENDERS):
        assert set(table.values()) <= genders


def test_the_entity_stages_gendered_words_are_read_here_too():
    # The entity stage uses these to agree pronouns; a gendered word it knows is evidence here as well.
    known = {**lex.HONORIFIC_GENDERS, **lex.GENDERED_TITLES, **lex.KINSHIP_GENDERS}
    for word in entity_lex.MALE_TITLES:
        assert known.get(word) == "male", word
    for word in entity_lex.FEMALE_TITLES:
        assert known.get(word) == "female", word
    for word, gender in entity_lex.HONORIFICS.items():
        if gender is not None:
            assert lex.HONORIFIC_GENDERS.get(word.rstrip(".")) == gender, word


def test_an_executive_written_capitalised_is_a_government_not_a_business(reader):
    source = _source(reader, "The Welsh Executive said the ban would start in spring.", "Executive")
    assert source.role != "business"


@pytest.mark.parametrize("text, word", [
    ("England captain Tom Vane said the side was ready.", "Vane"),
    ("Olympic athlete Mia Tor said the track was slow.", "Tor"),
    ("Manchester Rovers manager Sam Eke said the draw was fair.", "Eke"),
])
def test_sportspeople_get_no_role(reader, text, word):
    # none of the roles a sourcing study counts: "captain" is MIL and "athlete" CVL in the Phoenix list
    assert _source(reader, text, word).role is None


def test_a_chair_without_a_named_organisation_gets_no_role(reader):
    assert _source(reader, "Ron Pike, the new chairman, said it was late.", "Pike").role is None


def test_a_lower_case_role_word_modifying_another_noun_gives_no_role(reader):
    # "executive" gives business as a head ("an executive at Corvan"), not inside "executive director"
    source = _source(reader, "Ana Wirt, the executive director, said the plan was sound.", "Wirt")
    assert source.role is None


@pytest.mark.parametrize(("author", "role"), [
    ("Dale County Police (@dalepolice)", "security"),
    ("Harbor News (@harbornews)", "media"),
    ("Nora Vance (@noravance)", None),
])
def test_a_signed_post_has_its_authors_role(reader, author, role):
    """A post's signature names its author; the author's own words give the role (a police force, a news
    outlet), and a person the article says nothing of gets none."""
    name = author.split(" (")[0]
    text = (f"Crowds gathered on Friday.\n\nThe bridge will stay shut until noon. https://t.co/Ab12Cd — {author} "
            "May 4, 2019\n\nTraffic was heavy all day.")
    record = reader.read(text)
    posts = [s for s in record.sources if s.kind == "social" and name.split()[0] in s.description]
    assert posts, [(s.kind, s.description) for s in record.sources]
    assert posts[0].role == role
    if role is not None:
        assert posts[0].role_evidence[0].text in name  # the words of the signature
