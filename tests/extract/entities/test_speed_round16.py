"""Same-output reads of round 16's speed changes, held to the plain computations they replace.

Each test builds a doc by hand from invented words (no article), so the reads are checked on text whose
answer is known; the stage's whole output on real articles is compared by
``benchmarks/compare_entities.py``.
"""

from __future__ import annotations

import spacy
from spacy.attrs import HEAD, LEMMA, ORTH
from spacy.tokens import Doc

from newsgraph.extract.entities import coref, orgs, ranking
from newsgraph.extract.entities.lexicons import ORG_KIND_NOUNS

#: An English vocabulary (a bare ``Vocab`` has no lowercase forms).
VOCAB = spacy.blank("en").vocab

#: Three sentences; the second is wholly quoted, the third quotes a part.
#: 'Vell Brask left . " We won . " She said " maybe " .'
WORDS = ["Vell", "Brask", "left", ".", '"', "We", "won", ".", '"', "She", "said", '"', "maybe", '"', "."]
SPACES = [True, True, False, True, False, True, False, False, True, True, True, False, False, False, False]
SENT_STARTS = [True, False, False, False, True, False, False, False, False, True, False, False, False, False, False]


def _doc() -> Doc:
    return Doc(VOCAB, words=WORDS, spaces=SPACES, sent_starts=SENT_STARTS)


def _narrated_by_tokens(doc: Doc, sents: list[int], inside: list[bool]) -> list[bool]:
    """The flags read token by token from spaCy's own Token attributes."""
    narrated = [False] * (max(sents) + 1)
    for token in doc:
        if not inside[token.i] and token.lower_.strip() and not token.is_punct:
            narrated[sents[token.i]] = True
    return narrated


def test_narrated_sentences_match_the_tokens() -> None:
    doc = _doc()
    sents = coref.sentence_ids(doc)
    assert sents == [0] * 4 + [1] * 5 + [2] * 6
    quotes = coref.Quotes(doc, sents, {})
    expected = _narrated_by_tokens(doc, sents, quotes.inside)
    assert expected == [True, False, True]  # the quoted sentence alone has no word outside the marks
    with coref.reading_strings_of(doc):
        assert coref.narrated_sentences(doc, sents, quotes) == expected


def test_narrated_sentences_are_read_once_per_quotes() -> None:
    doc = _doc()
    sents = coref.sentence_ids(doc)
    quotes = coref.Quotes(doc, sents, {})
    first = coref.narrated_sentences(doc, sents, quotes)
    assert coref.narrated_sentences(doc, sents, quotes) is first
    # other sentence numbers (one sentence for the whole doc) are not answered from the kept flags
    one = [0] * len(doc)
    assert coref.narrated_sentences(doc, one, quotes) == [True]
    assert coref.narrated_sentences(doc, sents, quotes) is first


def _may_end_role_by_characters(token: str, end_words: frozenset[str]) -> bool:
    """The test as it read before: a role's end word, or any title hyphen or space character."""
    return token in end_words or any(char in coref.TITLE_HYPHENS or char.isspace() for char in token)


def test_may_end_role_matches_the_character_test() -> None:
    end_words = frozenset({"minister", "elect"})
    tokens = ["minister", "elect", "the", "vice-", "co\u2011chair", "\n", "\u00a0", "a\u2003b", "mayor", "", "-",
              "\u2010", "chief\u2012"]
    for token in tokens:
        assert coref._may_end_role(token, end_words) == _may_end_role_by_characters(token, end_words), token
    # every character: the pattern's class is exactly the hyphens and ``str.isspace``
    for code in range(0x3100):
        char = chr(code)
        assert coref._may_end_role(char, frozenset()) == _may_end_role_by_characters(char, frozenset()), code


#: "Brask Ltd , a software company , and Osland , a firm , met Vell , an agency ." written out:
#: words, heads and dependencies ("company" is the appositive of "Ltd", "firm" of "Osland").
APPOS_WORDS = ["Brask", "Ltd", ",", "a", "software", "company", ",", "and", "Osland", ",", "a", "firm", ",",
               "met", "Vell", ",", "an", "agency", "."]
APPOS_HEADS = [1, 13, 1, 5, 5, 1, 1, 1, 1, 8, 11, 8, 8, 13, 13, 14, 17, 14, 13]
APPOS_DEPS = ["compound", "nsubj", "punct", "det", "compound", "appos", "punct", "cc", "conj", "punct", "det",
              "appos", "punct", "ROOT", "dobj", "punct", "det", "appos", "punct"]


def _appositive_kinds_by_children(doc: Doc, spans: list[tuple[int, int]]) -> frozenset[str]:
    """The kinds as they were read before: each span's root's appositive children after the span."""
    kinds = set()
    for s, e in spans:
        for child in doc[s:e].root.children:
            if child.dep_ == "appos" and child.i >= e and child.lower_ in ORG_KIND_NOUNS:
                kinds.add(child.lower_)
    return frozenset(kinds)


def test_appositive_kinds_match_the_children_of_each_root() -> None:
    doc = Doc(VOCAB, words=APPOS_WORDS, heads=APPOS_HEADS, deps=APPOS_DEPS)
    with coref.reading_strings_of(doc):
        appositives = orgs._kind_appositives(doc)
        assert [k for k, _, _ in appositives] == [5, 11, 17]
        for spans in ([(0, 2)], [(8, 9)], [(14, 15)], [(0, 2), (8, 9)], [(0, 1)], [(1, 6)], [(13, 14)]):
            expected = _appositive_kinds_by_children(doc, spans)
            assert orgs._appositive_kinds(doc, spans, appositives) == expected, spans
            assert orgs._appositive_kinds(doc, spans) == expected, spans
    assert orgs._appositive_kinds(doc, [(0, 2), (8, 9)]) == {"company", "firm"}
    assert orgs._appositive_kinds(doc, [(0, 1)]) == frozenset()  # "Brask" is not the root of its name
    # no parse: no dependencies, no appositives
    assert orgs._appositive_kinds(Doc(VOCAB, words=APPOS_WORDS), [(0, 2)]) == frozenset()


def _sentence_ids_by_tokens(doc: Doc) -> list[int]:
    """The numbers as the loop read them: one more at each token that starts a sentence, the first excepted."""
    ids, current = [], 0
    for token in doc:
        if token.i > 0 and token.is_sent_start:
            current += 1
        ids.append(current)
    return ids


def test_sentence_ids_count_the_sentence_starts() -> None:
    doc = _doc()
    assert coref.sentence_ids(doc) == _sentence_ids_by_tokens(doc) == [0] * 4 + [1] * 5 + [2] * 6
    # starts left unknown (None) are no starts; a doc with no sentence marks is one sentence
    partly = Doc(VOCAB, words=["Vell", "left", ".", "Brask", "won", "."],
                 sent_starts=[True, None, None, True, False, None])
    assert coref.sentence_ids(partly) == _sentence_ids_by_tokens(partly) == [0, 0, 0, 1, 1, 1]
    assert coref.sentence_ids(Doc(VOCAB, words=["Vell", "left"])) == [0, 0]
    assert coref.sentence_ids(Doc(VOCAB, words=[])) == []
    assert all(isinstance(k, int) for k in coref.sentence_ids(doc))


def test_a_head_offset_of_zero_is_a_root() -> None:
    """``OrgResolver.run`` reads "is its sentence's root" as a HEAD offset of 0 (``head.i == i``)."""
    parsed = Doc(VOCAB, words=APPOS_WORDS, heads=APPOS_HEADS, deps=APPOS_DEPS)
    for doc in (parsed, Doc(VOCAB, words=APPOS_WORDS)):  # with a parse, and without one (every head itself)
        assert [offset == 0 for offset in coref.token_values(doc, HEAD)] == [t.head.i == t.i for t in doc]
    assert [k for k, offset in enumerate(coref.token_values(parsed, HEAD)) if offset == 0] == [13]


def test_people_lemma_is_for_people_of_the_token() -> None:
    """The pronoun walk reads ``_for_people`` from the lemma array: the same answer as from the Token."""
    words = ["Officers", "of", "the", "Police", "met", "tables", "and", "Staff", "."]
    lemmas = ["officer", "of", "the", "Police", "meet", "table", "and", "Staff", "."]
    doc = Doc(VOCAB, words=words, lemmas=lemmas)
    with coref.reading_strings_of(doc):
        from_arrays = [orgs._people_lemma(lemma) for lemma in coref.token_strings(doc, LEMMA)]
    assert from_arrays == [orgs._for_people(t) for t in doc]
    assert [t.text for t, people in zip(doc, from_arrays, strict=True) if people] == ["Officers", "Police", "Staff"]


def test_ranker_score_leaves_out_zero_features_without_changing_a_score() -> None:
    """``Ranker.score`` sums the products of the non-zero features only: every score as the full sum."""
    names = ("same_sentence", "rule_choice", "token_distance", "mention_count", "null")
    ranker = ranking.Ranker(features=names, weights=[0.7, -1.3, 0.25, 2.0, -0.4], mean=[0.1, 0.2, 1.5, 0.3, 0.0],
                            scale=[0.5, 0.4, 1.1, 0.9, 1.0], use_for=frozenset({"it"}))

    def full(features: dict[str, float]) -> float:
        return ranker._offset + sum([ranker._coef.get(n, 0.0) * v for n, v in features.items()])

    options = [
        {"same_sentence": 1.0, "rule_choice": 0.0, "token_distance": 2.3, "mention_count": 0.0, "unknown": 1.0},
        {"same_sentence": 0.0, "rule_choice": 1.0, "token_distance": 0.0, "mention_count": 1.6},
        {"null": 1.0, "rule_choice": 0.0, "same_sentence": -0.0},
        {"same_sentence": 0.0, "rule_choice": 0.0},
        {},
    ]
    for features in options:
        assert ranker.score(features) == full(features), features
    wrapped = [ranking.Option(group=g, features=f) for g, f in zip([3, 5, None, 7, 8], options, strict=True)]
    assert ranker.choose(wrapped) == wrapped[max(range(len(options)), key=lambda k: full(options[k]))].group


def test_token_flags_are_the_str_methods_of_the_text() -> None:
    """``_known_form_at`` and ``_fits`` read ``is_upper``, ``is_alpha`` and the first letter from the strings."""
    words = ["VELL", "Brask", "O'Neil", "3D", "É", "ÉCOLE", "straße", "-", "Ø", "x1", "ǅ", "ΣΟΦΙΑ", "."]
    doc = Doc(VOCAB, words=words)
    with coref.reading_strings_of(doc):
        orths = coref.token_strings(doc, ORTH)
    assert orths == words
    assert [text.isupper() for text in orths] == [t.is_upper for t in doc]
    assert [text.isalpha() for text in orths] == [t.is_alpha for t in doc]
    assert [text[:1].isupper() for text in orths] == [t.text[:1].isupper() for t in doc]
