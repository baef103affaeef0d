"""A news organisation or programme with no news word in its name, known by how the article uses the name
(``attribution.roles._outlet_by_use``, ``_outlet_cue``), on hand-built parses of invented sentences.

Each cue has rows it must read and rows it must leave alone.
"""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc, Token

from _speakers import source_described
from newsgraph.extract.attribution import roles
from newsgraph.record import Source, SourceMention


def _doc(words: list[str], pos: list[str], heads: list[int], deps: list[str],
         lemmas: list[str] | None = None) -> Doc:
    lemmas = lemmas or [w.lower() for w in words]
    return Doc(English().vocab, words=words, pos=pos, heads=heads, deps=deps, lemmas=lemmas)


def _mention(doc: Doc, first: int, last: int) -> SourceMention:
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    return SourceMention(start=start, end=end, text=doc.text[start:end])


def _at(token: Token | None) -> int | None:
    return None if token is None else token.i


def _told_doc() -> Doc:
    # "Daily Buzz reported it . A source told Daily Buzz ."
    words = ["Daily", "Buzz", "reported", "it", ".", "A", "source", "told", "Daily", "Buzz", "."]
    return _doc(words,
                ["PROPN", "PROPN", "VERB", "PRON", "PUNCT", "DET", "NOUN", "VERB", "PROPN", "PROPN", "PUNCT"],
                [1, 2, 2, 2, 2, 6, 7, 7, 9, 7, 7],
                ["compound", "nsubj", "ROOT", "dobj", "punct", "det", "nsubj", "ROOT", "compound", "dobj", "punct"],
                ["daily", "buzz", "report", "it", ".", "a", "source", "tell", "daily", "buzz", "."])


def test_a_name_a_source_told_things_is_an_outlet():
    doc = _told_doc()
    assert _at(roles._outlet_cue(doc[9])) == doc[7].i


def test_the_subject_of_told_is_no_outlet():
    doc = _told_doc()
    assert roles._outlet_cue(doc[6]) is None  # "a source" told, not was told
    assert roles._outlet_cue(doc[1]) is None  # "Daily Buzz reported": reporting says nothing of what it is


def test_an_organisation_source_is_media_where_the_article_writes_it_was_told_things():
    doc = _told_doc()
    source = Source(id="s1", description="Daily Buzz", kind="organization", mentions=[_mention(doc, 0, 1)])
    found = roles.source_role(doc, source, roles.Described([], []), doc.text)
    assert found[0] == "media"
    assert [e.text for e in found[1]] == ["told Daily Buzz"]


def test_a_person_entity_told_things_is_no_outlet():
    doc = _told_doc()
    source = Source(id="s1", entity="e1", description="Daily Buzz", kind="person", mentions=[_mention(doc, 0, 1)])
    assert roles.source_role(doc, source, roles.Described([], []), doc.text) == (None, [])


def test_a_name_a_pronoun_told_things_is_no_outlet():
    # "he tells Vickers that ...": anyone is told things; only what an unnamed source told is read
    doc = _doc(["He", "tells", "Vickers", "so", "."], ["PRON", "VERB", "PROPN", "ADV", "PUNCT"], [1, 1, 1, 1, 1],
               ["nsubj", "ROOT", "dobj", "advmod", "punct"], ["he", "tell", "vickers", "so", "."])
    assert roles._outlet_cue(doc[2]) is None


def test_an_interview_with_a_name_is_not_read():
    # "in an interview with Daily Buzz": the name may be the one interviewed
    doc = _doc(["in", "an", "interview", "with", "Daily", "Buzz"],
               ["ADP", "DET", "NOUN", "ADP", "PROPN", "PROPN"], [0, 2, 0, 2, 5, 3],
               ["ROOT", "det", "pobj", "prep", "compound", "pobj"])
    assert roles._outlet_cue(doc[5]) is None


def test_a_name_whose_last_word_is_tagged_a_number_is_still_read():
    # "Page Nine reported it . A source told Page Nine .": "Nine" tagged a number where it is a subject
    words = ["Page", "Nine", "reported", "it", ".", "A", "source", "told", "Page", "Nine", "."]
    doc = _doc(words,
               ["PROPN", "NUM", "VERB", "PRON", "PUNCT", "DET", "NOUN", "VERB", "PROPN", "PROPN", "PUNCT"],
               [1, 2, 2, 2, 2, 6, 7, 7, 9, 7, 7],
               ["compound", "nsubj", "ROOT", "dobj", "punct", "det", "nsubj", "ROOT", "compound", "dobj", "punct"],
               ["page", "nine", "report", "it", ".", "a", "source", "tell", "page", "nine", "."])
    source = Source(id="s1", description="Page Nine", kind="organization", mentions=[_mention(doc, 0, 1)])
    assert roles.source_role(doc, source, roles.Described([], []), doc.text)[0] == "media"


def test_a_name_before_a_broadcasters_title_is_a_programme():
    # "The " Morning Hour " host said": the show is media
    doc = _doc(["The", "\u201c", "Morning", "Hour", "\u201d", "host", "said"],
               ["DET", "PUNCT", "PROPN", "PROPN", "PUNCT", "NOUN", "VERB"], [5, 5, 3, 5, 5, 6, 6],
               ["det", "punct", "nmod", "nmod", "punct", "nsubj", "ROOT"])
    assert _at(roles._outlet_cue(doc[3])) == doc[5].i
    # "the Morning Hour building": a building says nothing
    doc = _doc(["the", "Morning", "Hour", "building"], ["DET", "PROPN", "PROPN", "NOUN"], [3, 2, 3, 3],
               ["det", "compound", "compound", "ROOT"])
    assert roles._outlet_cue(doc[2]) is None


def test_an_outlet_noun_in_the_sources_own_phrase_makes_it_media():
    # "the celebrity gossip channel Daily Buzz is predicting ..."
    doc = _doc(["the", "celebrity", "gossip", "channel", "Daily", "Buzz", "is", "predicting"],
               ["DET", "NOUN", "NOUN", "NOUN", "PROPN", "PROPN", "AUX", "VERB"], [5, 3, 3, 5, 5, 7, 7, 7],
               ["det", "compound", "compound", "compound", "compound", "nsubj", "aux", "ROOT"])
    phrase = roles._phrase(doc[0:6])
    source = Source(id="s1", description="the celebrity gossip channel Daily Buzz", kind="person",
                    mentions=[_mention(doc, 0, 5)])
    found = roles.source_role(doc, source, roles.Described([phrase], []), doc.text)
    assert found[0] == "media"
    assert [e.text for e in found[1]] == ["channel Daily Buzz"]


def test_an_outlet_cue_never_overrules_a_role_word():
    # "the trade union Daily Buzz": "union" votes activist, and no outlet cue is read
    doc = _doc(["the", "trade", "union", "channel", "Daily", "Buzz"],
               ["DET", "NOUN", "NOUN", "NOUN", "PROPN", "PROPN"], [5, 2, 5, 5, 5, 5],
               ["det", "compound", "compound", "compound", "compound", "ROOT"])
    phrase = roles._phrase(doc[0:6])
    source = Source(id="s1", description="the trade union channel Daily Buzz", kind="organization",
                    mentions=[_mention(doc, 0, 5)])
    assert roles.source_role(doc, source, roles.Described([phrase], []), doc.text)[0] != "media"


def test_a_chair_word_as_a_title_names_no_organisation():
    # "said Chairman Jo Ray": no organisation is named, so no board's chair (business) is read
    doc = _doc(["said", "Chairman", "Jo", "Ray"], ["VERB", "PROPN", "PROPN", "PROPN"], [0, 3, 3, 0],
               ["ROOT", "compound", "compound", "nsubj"])
    phrase = roles.Phrase(head=doc[3], left=roles._title_run(doc, doc[2:4]), name=frozenset({2, 3}))
    assert [t.text for t in phrase.left] == ["Chairman"]
    assert roles.phrase_role(doc, phrase, doc.text) is None


def test_a_named_boards_chair_is_still_business():
    # "said Brightwater Chairman Jo Ray": the board's organisation is named
    doc = _doc(["said", "Brightwater", "Chairman", "Jo", "Ray"], ["VERB", "PROPN", "PROPN", "PROPN", "PROPN"],
               [0, 2, 4, 4, 0], ["ROOT", "compound", "compound", "compound", "nsubj"])
    phrase = roles.Phrase(head=doc[4], left=roles._title_run(doc, doc[3:5]), name=frozenset({3, 4}))
    found = roles.phrase_role(doc, phrase, doc.text)
    assert found is not None and found[0] == "business"


def test_a_president_elect_is_a_politician(reader):
    # the role convention: elected, not yet in office
    source = source_described(reader, '"We will govern for everyone," President-elect Jo Varga said.', "Varga")
    assert source.role == "politician"


POLICE_AGENCY_ROLES = [
    # a federal police agency speaking as a body is the police
    ('"The review is closed," the FBI said on Monday.', "FBI", "security"),
    ('"Two rifles were traced," the ATF said.', "ATF", "security"),
    # its director, an agency head, is an official (the role convention), and so is its official
    ('"We found nothing," FBI Director Jo Varga said.', "Varga", "official"),
    ('"The case is open," an ATF official said.', "official", "official"),
]


@pytest.mark.parametrize(("text", "word", "role"), POLICE_AGENCY_ROLES, ids=[r[0][:24] for r in POLICE_AGENCY_ROLES])
def test_a_police_agency_and_its_officials(reader, text, word, role):
    assert source_described(reader, text, word).role == role
