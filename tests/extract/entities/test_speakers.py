"""Speakers of quotations (``entities.speakers``) and who "I"/"we" are, on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_quotation_reopened_on_the_same_line_stays_one_quotation(parse):
    # The BBC writes a quotation's paragraphs on one line, each reopened with a mark and none closed.
    text = ('Dana Whitlow said: "I have been troubled by the reports. "However, I will stay on. '
            '"I am proud of the work we did."')
    found = entities(parse(text))
    dana = named(found, "Dana Whitlow")
    for word in ("I have", "I will", "I am", "we did"):
        at = text.index(word)
        assert owner(found, word.split()[0], at) is dana, word


def test_a_quotation_without_a_speech_verb_takes_the_last_speaker(parse):
    text = ('"Games are new," Dana Whitlow told reporters. The studio makes puzzles for schools. '
            '"It is up to us to learn from them."')
    found = entities(parse(text))
    assert owner(found, "us", text.index("us to")) is named(found, "Dana Whitlow")


def test_an_unattributed_quotation_far_from_any_speaker_stays_unresolved(parse):
    text = ('"Games are new," Dana Whitlow told reporters. The studio makes puzzles. It sells them in shops. '
            'Its staff work in Leeds. Sales rose last year. "It is up to us to learn from them."')
    found = entities(parse(text))
    assert owner(found, "us", text.index("us to")) is None


def test_the_verb_a_quotation_hangs_off_speaks_it(parse):
    # The tagger may run the next sentence, with its own speaker, into the quotation's.
    text = ('Omar Haddad arrived late. He said the welcome was "unlike anything I have seen. It is loud." '
            'Film critic Rosa Lind told reporters that the night was long.')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I have")) is named(found, "Omar Haddad")


def test_a_possessor_is_not_the_speaker(parse):
    text = 'Omar Haddad was away. Mr Haddad\'s daughter said: "I remember the house."'
    found = entities(parse(text))
    assert owner(found, "I", text.index("I remember")) is None


def test_a_speaker_named_after_a_reopened_quotation_wins_over_the_last_one(parse):
    text = ('Dana Whitlow said: "We lost." "I think we can win next time," said Omar Haddad, the coach.')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I think")) is named(found, "Omar Haddad")


def test_a_quotation_right_after_an_attributed_one_keeps_its_speaker(parse):
    # The next sentence's "Lee Park said he ..." opens another speaker's reported speech.
    text = ('"This is a fight for everyone," Ada Quist said on the radio show. "I am not going to lose sleep '
            'over it. I think we are the future." For his part, Lee Park said he thought the plan would work.')
    found = entities(parse(text))
    ada = named(found, "Ada Quist")
    assert owner(found, "I", text.index("I am")) is ada
    assert owner(found, "we", text.index("we are")) is ada


def test_a_denied_speech_verb_is_no_speaker(parse):
    # Without a speaker of its own, the quotation takes the next sentence's speech verb, unless it is denied.
    text = ('Tom Reyes, the editor, said in a statement that the reports were fair. "We asked the council '
            'twice." Nadia Frey has not responded to questions about the deal.')
    found = entities(parse(text))
    assert owner(found, "We", text.index("We asked")) is named(found, "Tom Reyes")


def test_a_speaker_pronoun_reaches_past_quoted_sentences_and_not_to_the_topic(parse):
    text = ('Speaking in Leeds, Paul Wendt said, "This officer, I do not know what she was thinking. '
            'I am troubled by that. We have to be careful. We have to be calm. We have to wait." '
            'On Carl Oduya, he said, "I watched the video."')
    found = entities(parse(text))
    assert owner(found, "he", text.index("he said")) is named(found, "Paul Wendt")
    assert owner(found, "I", text.index("I watched")) is named(found, "Paul Wendt")


def test_a_hypothetical_speaker_in_a_nested_quotation_is_nobody(parse):
    text = ('"The loser always says, \'I want to thank my rival,\' and nobody believes it," Dana Whitlow said. '
            '"I never did."')
    found = entities(parse(text))
    dana = named(found, "Dana Whitlow")
    assert owner(found, "I", text.index("I want")) is None
    assert owner(found, "my", text.index("my rival")) is None
    assert owner(found, "I", text.index("I never")) is dana


def test_a_nested_quotation_is_spoken_by_its_own_speech_verbs_subject(parse):
    text = ('Omar Haddad spoke at the rally. Dana Whitlow said: "I hope that one day Haddad says, '
            '\'I was wrong about the mine.\' We are waiting."')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I was")) is named(found, "Omar Haddad")
    assert owner(found, "I", text.index("I hope")) is named(found, "Dana Whitlow")
    assert owner(found, "We", text.index("We are")) is named(found, "Dana Whitlow")


def test_a_phrase_in_scare_quotes_keeps_the_quotations_speaker(parse):
    text = 'Dana Whitlow said: "They call it the \'our town first\' plan, and I like it."'
    found = entities(parse(text))
    assert owner(found, "our", text.index("our town")) is named(found, "Dana Whitlow")


def test_he_added_goes_on_with_the_last_speaker(parse):
    text = ('Tom Baker said he could not explain the problems that caused Omar Haddad to leave after ten games. '
            'He added: "I trust him in that."')
    found = entities(parse(text))
    baker = named(found, "Tom Baker")
    assert owner(found, "He", text.index("He added")) is baker
    assert owner(found, "I", text.index("I trust")) is baker


def test_a_participle_speech_verb_is_spoken_by_the_object_that_controls_the_infinitive(parse):
    text = ('The ruling prompted Dana Whitlow to criticise Omar Haddad on Monday, saying: '
            '"I think we were wronged by the court."')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I think")) is named(found, "Dana Whitlow")


def test_an_unknown_speaker_of_the_verb_the_quotation_hangs_off_is_not_replaced_by_another(parse):
    text = 'Dana Whitlow said she agreed, pointing to a poster that said: "I want my town back."'
    found = entities(parse(text))
    assert owner(found, "she", text.index("she")) is named(found, "Dana Whitlow")
    assert owner(found, "I", text.index("I want")) is None


def test_an_organisation_speaks_as_we_but_never_as_i(parse):
    text = 'The head of the Acme Corporation responded on Monday: "I think we will grow."'
    found = entities(parse(text))
    acme = named(found, "Acme Corporation")
    assert owner(found, "we", text.index("we will")) is acme
    assert owner(found, "I", text.index("I think")) is None


def test_a_sentence_of_stating_introduces_the_quotation_after_it(parse):
    # "stated" takes an object and no quotation; the quotation is a sentence of its own after it.
    text = ('The vote was close. Mara Ellison stated her reasons at the hall. '
            '"I will not sign a plan that closes my school."')
    found = entities(parse(text))
    mara = named(found, "Mara Ellison")
    assert owner(found, "I", text.index("I will")) is mara
    assert owner(found, "my", text.index("my school")) is mara


def test_a_posted_note_introduces_the_quotation_after_it(parse):
    text = ('Mara Ellison missed the show on Friday. She posted a short thank-you to her fans. '
            '"I am sorry I cannot be there with you."')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I am")) is named(found, "Mara Ellison")


def test_a_verb_of_stating_does_not_reach_a_quotation_inside_a_sentence(parse):
    # The quotation is part of a narrated sentence with its own subject: not the stating sentence's.
    text = ('Mara Ellison stated her reasons. Critics of the plan called it "a gift to us".')
    found = entities(parse(text))
    assert owner(found, "us", text.index("us\"")) is not named(found, "Mara Ellison")


def test_a_speech_verb_with_its_own_reported_clause_after_a_quotation_does_not_take_it(parse):
    # The next sentence reports another statement ("saying that ..."); the quotation stays the stater's.
    text = ('Mara Ellison stated her reasons at the hall. "I will not sign a plan that closes my school." '
            'In reply, the board made a statement saying that the talks would go on.')
    found = entities(parse(text))
    assert owner(found, "I", text.index("I will")) is named(found, "Mara Ellison")

