"""All-caps text (``entities.caps``), on hand-built parses: which sentences count, where a name ends, title cues."""

from __future__ import annotations

import pytest

from _docs import parse
from newsgraph.extract.entities.caps import breaks_name, caps_tokens, is_title_cue, name_end, names_after_titles

#: "MAYOR ADA VEGA OPENED THE BRIDGE. Crowds cheered loudly all day." — one all-caps sentence, one not.
MAYOR_OPENED = """
0 MAYOR 2 compound PROPN NNP mayor
1 ADA 2 compound PROPN NNP ada
2 VEGA 3 nsubj PROPN NNP vega
3 OPENED 3 ROOT VERB VBD open
4 THE 5 det DET DT the
5 BRIDGE 3 dobj PROPN NNP bridge
6 . 3 punct PUNCT . .
7 Crowds 8 nsubj NOUN NNS crowd
8 cheered 8 ROOT VERB VBD cheer
9 loudly 8 advmod ADV RB loudly
10 all 11 det DET DT all
11 day 8 npadvmod NOUN NN day
12 . 8 punct PUNCT . .
"""


def _flat(words: str, tags: dict[str, str] | None = None, ents: dict[str, str] | None = None) -> str:
    """One sentence, every word under the first, tagged NNP unless ``tags`` says otherwise."""
    tags, ents = tags or {}, ents or {}
    rows = []
    for i, w in enumerate(words.split()):
        tag = tags.get(w, "." if w in ".," else "NNP")
        pos = "PUNCT" if tag in ".," else ("VERB" if tag.startswith("VB") else "PROPN")
        rows.append(f"{i} {w} 0 {'ROOT' if i == 0 else 'dep'} {pos} {tag} {w.lower()} {ents.get(w, 'O')}")
    return "\n".join(rows)


def test_caps_tokens_flags_only_the_sentence_mostly_in_capitals():
    doc = parse(MAYOR_OPENED)
    flags = caps_tokens(doc)
    assert flags[:7] == [True] * 7
    assert flags[7:] == [False] * 6


def test_caps_tokens_needs_enough_words():
    # "NEW YORK" alone is a name, not an all-caps sentence
    assert caps_tokens(parse(_flat("NEW YORK ."))) == [False, False, False]


def test_caps_tokens_needs_most_words_in_capitals():
    doc = parse(_flat("The MAYOR and the CITY council met today ."))
    assert not any(caps_tokens(doc))
    doc = parse(_flat("THE MAYOR AND THE CITY COUNCIL MET today ."))  # seven of eight
    assert all(caps_tokens(doc))


@pytest.mark.parametrize(("word", "tag", "breaks"), [
    ("OPENED", "VBD", True),  # a verb form
    ("SAYS", "VBZ", True),
    ("WILL", "MD", True),
    ("WITH", "IN", True),  # a function word
    (",", ",", True),  # punctuation
    ("OF", "IN", False),  # a joiner: "BANK OF AMERICA"
    ("AND", "CC", False),
    ("VEGA", "NNP", False),
])
def test_breaks_name(word, tag, breaks):
    doc = parse(f"0 {word} 0 ROOT X {tag} {word.lower()}")
    assert breaks_name(doc[0]) is breaks


def test_name_end_cuts_at_the_first_verb_or_function_word():
    doc = parse(_flat("TALKS WENT WELL IN LIMA", {"WENT": "VBD"}))
    assert name_end(doc, 0, 5) == 1
    doc = parse(_flat("BANK OF AMERICA WITH LIMA", {"OF": "IN", "WITH": "IN"}))
    assert name_end(doc, 0, 5) == 3


def test_name_end_keeps_a_name_without_a_break():
    doc = parse(_flat("BANK OF AMERICA", {"OF": "IN"}))
    assert name_end(doc, 0, 3) == 3


@pytest.mark.parametrize(("word", "cue"), [
    ("CHANCELLOR", True),
    ("MAYOR", True),
    ("GOV.", True),  # an abbreviation
    ("SEN.", True),
    ("HEAD", False),  # a weak title head needs more than itself
    ("MAJOR", False),
    ("BRIDGE", False),
])
def test_is_title_cue(word, cue):
    assert is_title_cue(parse(f"0 {word} 0 ROOT PROPN NNP {word.lower()}")[0]) is cue


def _names(doc, taken=None):
    caps = caps_tokens(doc)
    return [doc[s:e].text for s, e in names_after_titles(doc, caps, taken or [False] * len(doc))]


def test_names_after_titles_reads_the_name_after_a_cue():
    assert _names(parse(MAYOR_OPENED)) == ["ADA VEGA"]


def test_names_after_titles_stops_at_a_verb_and_at_the_limit():
    doc = parse(_flat("THEY MET CHANCELLOR ANA MARIA RUIZ DIAZ TODAY .", {"MET": "VBD", "THEY": "PRP"}))
    assert _names(doc) == ["ANA MARIA RUIZ"]  # three tokens at most
    doc = parse(_flat("CHANCELLOR VEGA SAID TALKS FAILED .", {"SAID": "VBD", "FAILED": "VBD"}))
    assert _names(doc) == ["VEGA"]


def test_names_after_titles_skips_dates_and_taken_tokens():
    doc = parse(_flat("THEY SAW MAYOR MONDAY NIGHT IN LIMA .", {"SAW": "VBD", "IN": "IN", "THEY": "PRP"},
                      {"MONDAY": "B-DATE", "NIGHT": "I-DATE"}))
    assert _names(doc) == []
    doc = parse(MAYOR_OPENED)
    assert _names(doc, [False, True] + [False] * 11) == []  # the name is already someone's


def test_names_after_titles_only_in_all_caps_sentences():
    doc = parse(_flat("Crowds cheered Mayor VEGA at the bridge today .",
                      {"cheered": "VBD", "at": "IN", "the": "DT", "Crowds": "NNS", "bridge": "NN", "today": "NN"}))
    assert _names(doc) == []
