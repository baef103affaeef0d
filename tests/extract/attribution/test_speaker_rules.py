"""Speakers and genders (issue 19): tags inside other quotes, participles on a reported clause, epithets
for a person just named, verbs of judging over a quoted fragment, pronouns inside quotes.

Sentences are invented; each table has hits and misses. The full pipeline runs (model needed).
"""

from __future__ import annotations

import pytest

from _speakers import names, run, source_of

SPEAKERS = [
    # (text, words of the quote, a word its source must name, a word it must not name or None)
    # A verb inside the next quote of a run is that quote's word, not this quote's tag.
    ('"The harbour will open next spring," Tom Berger said. "The old pier was never safe. '
     '"Added to that, the ferry crews are leaving the town."',
     "The old pier was never safe", "Berger", "crews"),
    # A participle cue parsed onto the reported clause is the reporter's.
    ('Tom Berger said the wording sounded "very fair," adding it would let the council '
     '"decide the matter on its merits".',
     "decide the matter on its merits", "Berger", "wording"),
    # ... but a person subject of the clause keeps it (the parse's own reading), and is no epithet of a
    # person named in the same sentence.
    ('Tom Berger said the mayor was "very tired," adding she would "rest for a week".',
     "rest for a week", "mayor", "Berger"),
    # A definite epithet speaking right after a person was named is that person.
    ('Tom Berger opened the new bridge on Monday. "It took us ten years to build it," '
     'said the 62-year-old engineer.',
     "It took us ten years", "Berger", None),
    ('Ann Lee spoke to supporters in the square. "We will win this seat," the Green leader said.',
     "We will win this seat", "Lee", None),
    # A run of reopened sentences after a tag stays the tagged speaker's, even when a word nested in
    # straight marks stands inside it and the next speaker's quote follows in the next paragraph.
    ('"We have a plan for the harbour," said Tom Berger. "The old pier will go first. '
     '"Then the ferry crews said they would "strike" for a week and leave. "We will pay them more."\n\n'
     'Ann Lee was not convinced. "It will never work," she said.',
     "The old pier will go first", "Berger", "Lee"),
    ('"We have a plan for the harbour," said Tom Berger. "The old pier will go first. '
     '"Then the ferry crews said they would "strike" for a week and leave. "We will pay them more."\n\n'
     'Ann Lee was not convinced. "It will never work," she said.',
     "We will pay them more", "Berger", "Lee"),
    # A quote ending its paragraph takes no tag from the next paragraph's verbs.
    ('"We have to travel this week," said coach Tom Berger. "We have got to stay focused on the next game."\n\n'
     'None more so than Ann Lee, who can now expect to start. "I like pressure," she said.',
     "We have got to stay focused", "Berger", "Lee"),
    # "he said" after an unnamed spokesman spoke is the spokesman's, not the person named before.
    ('Tom Berger wrote the book last year. A spokesman for the publisher said that sales were strong. '
     '"We printed more copies than ever," he said.',
     "We printed more copies", "spokesman", "Berger"),
    # "she" passes over a man the article calls "Mr" or "he", however recent.
    ('Ann Lee met Mr Berger on Monday. Mr Berger opened the talks. "We will win this seat," she said.',
     "We will win this seat", "Lee", "Berger"),
    # A person named in apposition is the source, not the party word heading the phrase.
    ('The Democrat who beat him in 2010, Gov. Tom Berger, called the remarks "cruel and ugly".',
     "cruel and ugly", "Berger", None),
    # An occupation used as an epithet right after the person was named ("the millionaire developer").
    ('Tom Berger said on Tuesday that he would stay. The millionaire developer told reporters he '
     'hoped the council would "think again".',
     "think again", "Berger", None),
    # "he said" after a quote is not the man the quote speaks of.
    ('Tom Berger said the coach had lied. "I thought Sam Cole was behind it, he was lying to us," he said.',
     "I thought Sam Cole was behind it", "Berger", "Cole"),
    # "pointed out" reports speech with its particle, also over a fragment between dashes.
    ('Tom Berger pointed out that two bands - "perhaps the two finest acts of the decade" - were signed '
     'to small labels.',
     "perhaps the two finest acts", "Berger", None),
    ('Tom Berger pointed at the map. "We go north," the guide said.', "We go north", "guide", "Berger"),
    # A verb of judging over a quoted fragment makes the fragment its subject's.
    ('Jane Roe welcomed the minister\'s "courage in keeping his word" on the vote.',
     "courage in keeping his word", "Roe", "minister"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "want", "unwanted"), SPEAKERS)
def test_speaker(nlp, text: str, words: str, want: str, unwanted: str | None) -> None:
    sources, attrs = run(nlp, text)
    got = names(source_of(sources, attrs, words))
    assert want in got
    assert unwanted is None or unwanted not in got


NOT_EPITHETS = [
    # (text, words of the quote, a word its source must name)
    # A spokesman speaks for someone: a new person, not the one just named.
    ('Tom Berger opened the new bridge on Monday. "The toll will stay low," the spokesman said.',
     "The toll will stay low", "spokesman"),
    # An indefinite phrase introduces someone new.
    ('Tom Berger opened the new bridge on Monday. "The toll will stay low," said a local engineer.',
     "The toll will stay low", "engineer"),
    # No person named in the sentences before: the epithet stays as written.
    ('The bridge opened on Monday after ten years of work. "The toll will stay low," said the engineer.',
     "The toll will stay low", "engineer"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "want"), NOT_EPITHETS)
def test_not_an_epithet(nlp, text: str, words: str, want: str) -> None:
    sources, attrs = run(nlp, text)
    source = source_of(sources, attrs, words)
    assert source is not None and want in names(source) and "Berger" not in names(source)


def test_a_pronoun_inside_a_quote_is_no_gender_evidence(nlp) -> None:
    sources, _ = run(nlp, 'Jane Roe welcomed the minister\'s "courage in keeping his word" on the vote.')
    roe = next(s for s in sources if "Roe" in names(s))
    assert roe.gender is None and not any(e.text == "his" for e in roe.gender_evidence)


def test_a_pronoun_outside_quotes_still_is(nlp) -> None:
    sources, _ = run(nlp, 'Tom Berger said he was "glad to see the bridge open at last".')
    berger = next(s for s in sources if "Berger" in names(s))
    assert berger.gender == "male"


ROUND3 = [
    # (text, words of the quote, a word its source must name, a word it must not name or None)
    # An inverted tag's speaker is the name after the verb, never the quote's first noun.
    ('"A skilled and young workforce," insisted Mr Vance, "will help the whole region."',
     "A skilled and young workforce", "Vance", "workforce"),
    # A verb in the sentence after a quote is its tag only when it heads that sentence ...
    ('"The market will grow," said Tom Berger. "It will be a medium of niches." His partner\'s new firm, '
     'called FastCast, will sell the adverts.',
     "It will be a medium of niches", "Berger", "firm"),
    ('"The cake will be bigger," said Tom Berger. "The region will not be a burden." If admitted into '
     'the union, the region would pay more than it gets.',
     "The region will not be a burden", "Berger", "region"),
    # ... as it does here, where the next sentence is the tag.
    ('Ann Lee spoke first. Then Tom Berger stood up. "We will build it this year." He said.',
     "We will build it this year", "Berger", "Lee"),
    # An untagged quote right after a long tag sentence goes on with that tag's speaker.
    ('"It is very ambitious," said Tom Berger, political director at the Harbour Policy Centre, a '
     'Brussels-based think-tank. "No other town in the region has tried to do this."',
     "No other town in the region", "Berger", None),
    ('"Words and deeds do not go together," Mr Berger said in a press conference alongside the '
     'publication of his report. "We cannot just be polite to one another."',
     "We cannot just be polite", "Berger", None),
    # The second part of a quote split by an inverted tag has the tag's speaker too.
    ('"A skilled and young workforce," insisted Mr Vance, "will help the whole region."',
     "will help the whole region", "Vance", "workforce"),
    # A participle after a preposition shares the subject of the verb the preposition hangs on ...
    ('After calling the new plan "a costly mistake," Tom Berger left the meeting early.',
     "a costly mistake", "Berger", None),
    # ... but a clause with its own subject keeps it.
    ('Before Sam Cole called the new plan "a costly mistake," Tom Berger left the meeting early.',
     "a costly mistake", "Cole", "Berger"),
    # An epithet is the person just named even when someone named only later holds that title ...
    ('Tom Berger said, "The day went well for us." "The left will not be happy," the party chairman '
     'added.\n\nLater, campaign chairman Sam Cole said the polls were close.',
     "The left will not be happy", "Berger", "Cole"),
    # ... but not when someone named before holds it.
    pytest.param(
        'Campaign chairman Sam Cole spoke in the morning. Tom Berger said, "The day went well for us." '
        '"The left will not be happy," the party chairman added.',
        "The left will not be happy", "chairman", "Berger",
        marks=pytest.mark.xfail(strict=True, reason="the entity stage gives an office nobody is titled with "
                                "exactly ('the party chairman') to the untitled recent subject; blocking it "
                                "by a title of the same head ('Campaign chairman') lowered every mention set")),
    # A quote under a belief verb that a speech verb reports holds the reporter's words ...
    ('The Harbour Traders Association said shops in the old town were also expecting the '
     '"busiest summer ever".',
     "busiest summer ever", "Association", "shops"),
    # ... while a belief nobody reports keeps its own subject.
    ('Shops in the old town were expecting the "busiest summer ever", the paper wrote on Monday.',
     "busiest summer ever", "Shops", None),
    # A speech verb the parser took for an adjective complement after a dashed aside shares its head's
    # subject.
    ('A second correspondent - all are anonymous - wrote: "My son plays every night and never sleeps."',
     "My son plays every night", "correspondent", None),
    # "he said" after "X told Y" is the one who spoke, X, not Y ...
    ('"I do not think the plan can pass this year," Tom Berger told Sam Cole on the radio on Sunday.\n\n'
     '"I am not a quitter," he said.',
     "I am not a quitter", "Berger", "Cole"),
    # ... and a title set in apposition to the speaker's name is the speaker, not someone new.
    ('"If we are going into an auction, we need a market test," said Simon Hartnell, Head Trader at '
     'Alexanders Gilts Ltd.\n\n"The American market works very well," he said.',
     "The American market works very well", "Hartnell", None),
    # ... unless Y is then the subject of a sentence of their own.
    ('"I do not think the plan can pass this year," Tom Berger told Sam Cole on the radio on Sunday. '
     'Sam Cole was not moved by the argument.\n\n"I am not a quitter," he said.',
     "I am not a quitter", "Cole", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "want", "unwanted"), ROUND3)
def test_speaker_round3(nlp, text: str, words: str, want: str, unwanted: str | None) -> None:
    sources, attrs = run(nlp, text)
    got = names(source_of(sources, attrs, words))
    assert want in got
    assert unwanted is None or unwanted not in got


def test_a_quote_after_more_than_the_tag_does_not_continue_it(nlp) -> None:
    sources, attrs = run(nlp, '"It is very ambitious," said Tom Berger, director of the centre. The council '
                              'approved the whole plan in May by a vote of nine to four, and the mayor agreed. '
                              '"No other town has tried it, and none will."')
    assert "Berger" not in names(source_of(sources, attrs, "No other town has tried it"))


@pytest.mark.parametrize(("gap", "want"), [
    ('," said Jo Hart, political director at the Harbour Policy Centre, a Brussels-based think-tank. "', True),
    ('," said Mr. Hart, of the centre. "', True),         # "Mr." is no sentence end
    ('," said Jo Hart. The vote was close. "', False),     # a sentence of the story between
    ('," said Jo Hart.\n\n"', False),                      # a new paragraph
])
def test_only_its_tag(gap: str, want: bool) -> None:
    from newsgraph.extract.attribution.core import _only_its_tag
    from newsgraph.extract.attribution.reported import Claim

    text = '"It is new' + gap + 'We tried."'
    end = len('"It is new')
    cue = text.index("said")
    previous = Claim((1, end), "direct", (cue, cue + 4), None, quoted=True)
    assert _only_its_tag(previous, text[end:text.rindex("We")], text.rindex("We")) is want
