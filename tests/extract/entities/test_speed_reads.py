"""The entity stage's faster reads give what the per-token reads they replace give.

The all-caps mask, the inside-quotation mask, the name-end and title tests and the cached name parts
are read from arrays, slices and caches instead of Token objects; each is held here to a plain
per-token reading written out from spaCy's own Token attributes, on invented text, so a later change
to either side shows. (The stage's whole output on real articles is compared by
``benchmarks/compare_entities.py``.)
"""

from __future__ import annotations

import itertools

import pytest
from spacy.tokens import Doc

from newsgraph.extract.entities import caps, core, coref, names
from newsgraph.extract.entities.lexicons import ALL_CAPS_MIN_WORDS, ALL_CAPS_SHARE

TEXTS = (
    "MINISTER ANA SOREL MET WITH TOLVANE BOSSES IN RENNICK. Talks went well, she said.\n\n"
    "Dr. Ivo Brask, 61, joined Helder Labs in 2019 - 08 - 30 ; NEW YORK is big.",
    'Mara Quill said: "We will not sell. "We will wait."\n\n"It is over," she added. '
    "Tolvane's board met ``early'' and voted 7-2. He left.",
    "Prime Minister Jo Dale , Officer Lee and Smith allies met .",
)


def _caps_reference(doc: Doc) -> list[bool]:
    """The mask as a reader states it: per sentence, the words of two or more letters, mostly upper case."""
    flags = [False] * len(doc)
    for sent in doc.sents:
        words = [t.text for t in sent if len(t.text) > 1 and t.is_alpha]
        if len(words) >= ALL_CAPS_MIN_WORDS and sum(w.isupper() for w in words) / len(words) >= ALL_CAPS_SHARE:
            for t in sent:
                flags[t.i] = True
    return flags


@pytest.mark.parametrize("text", TEXTS)
def test_caps_mask_matches_a_per_sentence_reading(parse, text: str) -> None:
    doc = parse(text)
    with coref.reading_strings_of(doc):
        assert caps.caps_tokens(doc) == _caps_reference(doc)


def test_caps_mask_flags_only_the_capital_sentence(parse) -> None:
    doc = parse(TEXTS[0])
    mask = caps.caps_tokens(doc)
    first = next(iter(doc.sents))
    assert all(mask[t.i] for t in first)
    assert not any(mask[t.i] for t in doc if t.i >= first.end)


def _quote_mask_reference(doc: Doc) -> list[bool]:
    """Inside-quotation flags token by token, the marks' states as ``Quotes._mask`` documents them."""
    orths = [t.text for t in doc]
    mask, inside = [False] * len(doc), False
    for i, text in enumerate(orths):
        if text.count("\n") >= 2 and not text.strip():
            inside = False
        elif text in coref.OPENING_QUOTE_TOKENS:
            inside = True
        elif text in coref.CLOSING_QUOTE_TOKENS:
            inside = False
        elif text in coref.STRAIGHT_QUOTE_TOKENS:
            inside = coref._straight_mark_opens(doc, i, orths, inside)
        else:
            mask[i] = inside
    return mask


@pytest.mark.parametrize("text", [*TEXTS, "“Curly,” she said. “And on\nand on.” Done."])
def test_quotation_mask_matches_a_token_walk(parse, text: str) -> None:
    doc = parse(text)
    with coref.reading_strings_of(doc):
        assert coref.Quotes._mask(doc) == _quote_mask_reference(doc)


def test_quotation_mask_covers_the_reopened_paragraph(parse) -> None:
    doc = parse(TEXTS[1])
    mask = coref.Quotes._mask(doc)
    inside = {t.text for t in doc if mask[t.i]}
    assert {"sell", "wait", "over"} <= inside
    assert "Tolvane" not in inside


def _not_name_end_reference(doc: Doc, k: int, label: str) -> bool:
    """``core._not_name_end`` as it read a Token (its attributes, not the token strings)."""
    token = doc[k]
    text = token.text
    if core.RE_POSSESSIVE.match(text) or token.is_space or core.RE_DATE_OR_SCORE.match(text):
        return True
    if token.is_punct and text not in (".", ")"):
        return True
    if token.lower_ in core.PRONOUN_WORDS and token.lower_ not in core.RELATIVE_WORDS and not token.is_upper:
        return True
    if token.is_lower and token.is_alpha and label in core.CAPITALISED_LABELS:
        return True
    return label in core.NUMBERLESS_LABELS and bool(core.RE_DIGIT.search(text)) \
        and not core.RE_NAME_WITH_NUMBER.match(text)


@pytest.mark.parametrize("text", TEXTS)
def test_name_end_and_title_tests_match_token_reads(parse, text: str) -> None:
    doc = parse(text)
    with coref.reading_strings_of(doc):
        for label in ("PERSON", "ORG", "WORK_OF_ART"):
            for k in range(len(doc)):
                assert core._not_name_end(doc, k, label) == _not_name_end_reference(doc, k, label), (k, label)
            for start, end in itertools.combinations(range(len(doc) + 1), 2):
                if end - start > 3:
                    continue
                span = doc[start:end]
                if len(span) == 1:
                    low = span[0].lower_
                    expected = (low in core.TITLE_HEADS and low not in core.WEAK_TITLE_HEADS) \
                        or low in core.TITLE_ABBREVIATIONS or low in core.HONORIFICS
                else:
                    expected = label == "PERSON" and all(core._is_titleword(t.text) or t.is_punct for t in span)
                assert core._only_title(doc, start, end, label) == expected, (start, end, label)


def test_a_spaced_date_is_cut_from_a_place(parse) -> None:
    doc = parse("They met in RENNICK 1996 - 08 - 30 today.")
    start = next(t.i for t in doc if t.text == "RENNICK")
    end = next(t.i for t in doc if t.text == "today")
    with coref.reading_strings_of(doc):
        assert core._without_trailing_date(doc, start, end) == start + 1


@pytest.mark.parametrize("words", [("Carl", "J.", "Brandt", "Jr."), ("Polakow", "-", "Suransky"),
                                   ("Mr.", "Ludwig", "van", "Beethoven"), ("Dale",), ("",)])
def test_kept_name_parts_are_the_parts(words: tuple[str, ...]) -> None:
    memo = names.PartsMemo()
    assert memo.of(words) == names.name_parts(list(words))
    assert memo.of(tuple(words)) is memo.of(words)  # worked out once per word sequence
    assert list(memo) == [words]
