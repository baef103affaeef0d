"""The event stage's round-13 indexes answer as the scans they replace (same output, fewer steps)."""

from __future__ import annotations

import random

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from _docs import parse
from newsgraph.extract.events import actors, cameo
from newsgraph.extract.events import clauses as cl
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.dates import _fiscal_period, _own_tokens, _period_nouns, own_times
from newsgraph.record import TimeExpression

VOCAB = Vocab()

#: How many random feature sets are tried per dictionary verb in the scan comparison.
TRIES_PER_VERB = 3
#: Verbs of the shipped dictionary compared with the scan (every n-th, to keep the test short).
VERB_STRIDE = 7


def _scan(table: cameo.CameoTables, lemma: str, feats: frozenset[str]) -> tuple[str, int] | None:
    """``match`` as written before the condition index: every pattern of every block, in order."""
    blocks = table.verbs.get(lemma) or table.verbs.get(table.forms.get(lemma, ""))
    if not blocks:
        return None
    best: tuple[str, int] | None = None
    for block, _own in blocks:
        for conds, code in table.patterns.get(block, ()):
            if conds and conds <= feats and (best is None or len(conds) > best[1]):
                best = (code, len(conds))
    if best is not None:
        return best
    own = blocks[0][1]
    return None if own.startswith(cameo.INHERITED) or own == cameo.UNCODED else (own, 0)


@pytest.fixture
def small_table(monkeypatch: pytest.MonkeyPatch):
    """An invented two-block dictionary: "hail" (blocks 1 and 2) and "mull" (an inherited code), "hailed" a form."""
    table = cameo.CameoTables(
        verbs={"hail": [(1, "051"), (2, "052")], "mull": [(3, "~040")]},
        forms={"hailed": "hail"},
        patterns={
            1: [(frozenset({"obj:plan"}), "057"), (frozenset({"obj:deal", "p:with"}), "061"), (frozenset(), "099")],
            2: [(frozenset({"obj:plan"}), "-"), (frozenset({"obj:deal", "p:over"}), "062")],
            3: [(frozenset({"p:over"}), "043")],
        },
        plover={},
    )
    monkeypatch.setattr(cameo, "tables", lambda: table)
    cameo.block_patterns.cache_clear()
    cameo.match.cache_clear()
    yield table
    cameo.block_patterns.cache_clear()
    cameo.match.cache_clear()


def test_the_most_specific_pattern_wins(small_table):
    assert cameo.match("hail", frozenset({"obj:deal", "p:with", "obj:plan"})) == ("061", 2)


def test_the_first_listed_wins_among_equally_specific(small_table):
    assert cameo.match("hail", frozenset({"obj:plan"})) == ("057", 1)


def test_no_pattern_gives_the_own_code_and_an_inherited_one_gives_none(small_table):
    assert cameo.match("hail", frozenset({"obj:cake"})) == ("051", 0)
    assert cameo.match("hailed", frozenset()) == ("051", 0)
    assert cameo.match("mull", frozenset({"obj:cake"})) is None
    assert cameo.match("mull", frozenset({"p:over"})) == ("043", 1)
    assert cameo.match("nod", frozenset({"obj:plan"})) is None


def test_an_empty_condition_set_is_never_a_match(small_table):
    """Block 1's unconditioned pattern is not a pattern match: the verb's own code stands."""
    assert cameo.block_patterns()[1].listed == ((frozenset({"obj:plan"}), "057"),
                                                (frozenset({"obj:deal", "p:with"}), "061"))
    assert cameo.block_patterns()[1].by_condition["obj:plan"] == (0,)


def test_indexed_match_equals_the_scan_on_the_shipped_dictionary():
    table = cameo.tables()
    rng = random.Random(13)
    verbs = sorted(table.verbs)[::VERB_STRIDE]
    for lemma in verbs:
        pool = sorted({c for block, _own in table.verbs[lemma] for conds, _code in table.patterns.get(block, ())
                       for c in conds})
        for _ in range(TRIES_PER_VERB):
            feats = frozenset(rng.sample(pool, min(len(pool), rng.randint(1, 5)))) | {"obj:zzz"}
            assert cameo.match(lemma, feats) == _scan(table, lemma, feats), (lemma, feats)


def _tree(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(VOCAB, words=words, spaces=[True] * len(words), heads=heads, deps=deps)


def test_kids_are_the_children_of_each_document_asked():
    """Two invented sentences asked in turn: each token's kept children are its own document's."""
    first = _tree(["Ann", "fed", "the", "cat"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"])
    second = _tree(["Bo", "slept"], [1, 1], ["nsubj", "ROOT"])
    cl.forget_children()
    for doc in (first, second, first):
        for tok in doc:
            assert [c.i for c in cl.kids(tok)] == [c.i for c in tok.children]
            assert all(c.doc is doc for c in cl.kids(tok))
    assert [c.text for c in cl.kids(first[1])] == ["Ann", "cat"]


def test_kids_are_built_once_per_document():
    doc = _tree(["Ann", "fed", "the", "cat"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"])
    cl.forget_children()
    assert cl.kids(doc[1]) is cl.kids(doc[1])
    kept = cl.kids(doc[1])
    cl.forget_children()
    assert cl.kids(doc[1]) is not kept


#: An invented name table: phrases of one to three words, one vague word among them.
NAMES = {"atlantis": "ATL", "atlantis navy": "ATLMIL", "port of atlantis": "ATLGOV", "he": "X", "navy": "MIL"}


def _longest_scan(words: list[str], table: dict) -> tuple[str, int, int] | None:
    """``_longest`` as written before the first-word index: every run of words, longest first."""
    for n in range(min(actors.MAX_NAME_WORDS, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            if phrase in table and not (n == 1 and phrase in actors.VAGUE_WORDS):
                return phrase, i, i + n
    return None


def test_phrase_starts_give_the_longest_phrase_each_first_word_begins():
    assert actors.phrase_starts(NAMES) == {"atlantis": 2, "port": 3, "he": 1, "navy": 1}


def test_longest_finds_the_longest_then_leftmost_listed_run():
    words = ["he", "said", "the", "atlantis", "navy", "left", "the", "port", "of", "atlantis"]
    assert actors._longest(words, NAMES) == ("port of atlantis", 7, 10)
    assert actors._longest(["he", "and", "the", "navy"], NAMES) == ("navy", 3, 4)
    assert actors._longest(["he", "left"], NAMES) is None


def test_longest_equals_the_scan_on_invented_word_lists():
    rng = random.Random(13)
    vocabulary = ["atlantis", "navy", "port", "of", "he", "the", "sailed"]
    for _ in range(500):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 12))]
        assert actors._longest(words, NAMES) == _longest_scan(words, NAMES), words


TWO_SENTENCES = """
0 She 1 nsubj PRON PRP she
1 spoke 1 ROOT VERB VBD speak
2 on 1 prep ADP IN on
3 Monday 2 pobj PROPN NNP Monday
4 . 1 punct PUNCT . .
5 Sales 6 nsubj NOUN NNS sale
6 rose 6 ROOT VERB VBD rise
7 in 6 prep ADP IN in
8 the 9 det DET DT the
9 Quarter 7 pobj NOUN NN Quarter
10 . 6 punct PUNCT . .
"""


def _context_with_monday() -> tuple[Doc, DocContext]:
    doc = parse(TWO_SENTENCES)
    start = doc.text.index("Monday")
    monday = TimeExpression(id="t1", start=start, end=start + 6, text="Monday", type="DATE", value="2021-05-03")
    return doc, DocContext.build(doc, [], [monday], [], [])


def test_clause_bounds_are_the_sentence_when_no_dependency_crosses_one():
    doc, ctx = _context_with_monday()
    assert ctx.clause_bounds(doc[1]) == (0, 5)
    assert ctx.clause_bounds(doc[9]) == (5, 11)


def test_clause_bounds_are_none_when_a_dependency_crosses_a_sentence():
    doc, ctx = _context_with_monday()
    ctx.sent_bounds = [(0, 3), (3, 11)]  # "Monday" and "." hang on "spoke", now in the sentence before
    assert ctx.clause_bounds(doc[1]) is None


def test_a_clause_in_a_sentence_without_times_has_none_and_one_with_its_time_keeps_it():
    doc, ctx = _context_with_monday()
    walked = [t.i for t in _own_tokens(ctx, doc[6]) if ctx.time_at(t) is not None]
    assert walked == [] and own_times(ctx, doc[6]) == []
    assert [(t.i, time.id) for t, time in own_times(ctx, doc[1])] == [(3, "t1")]


def test_the_walk_still_runs_when_a_dependency_crosses_a_sentence():
    doc, ctx = _context_with_monday()
    ctx.sent_bounds = [(0, 3), (3, 11)]
    assert [(t.i, time.id) for t, time in own_times(ctx, doc[1])] == [(3, "t1")]


def test_period_nouns_are_the_prepositional_objects_naming_a_period_in_any_case():
    doc, ctx = _context_with_monday()
    assert _period_nouns(ctx) == [9]  # "Quarter" (lemma in capitals), not "Monday"
    assert _fiscal_period(ctx, doc[1]) is None  # no period noun in its sentence: no walk


AGREED_TO_SELL = """
0 She 1 nsubj PRON PRP she
1 agreed 1 ROOT VERB VBD agree
2 to 3 aux PART TO to
3 sell 1 xcomp VERB VB sell
4 it 3 dobj PRON PRP it
5 . 1 punct PUNCT . .
"""


def test_merged_xcomp_is_kept_per_document_and_answers_for_each():
    """The kept answer is the infinitive of the document asked, and None (no infinitive) is kept too."""
    agreed, spoke = parse(AGREED_TO_SELL), parse(TWO_SENTENCES)
    cl.forget_children()
    for doc in (agreed, spoke, agreed):
        assert cl.merged_xcomp(doc[1]) == (doc[3] if doc is agreed else None)
        assert cl.merged_xcomp(doc[3]) is None
    assert cl.merged_xcomp(agreed[1]).doc is agreed
    cl.forget_children()
    assert cl.merged_xcomp(agreed[1]).i == 3


def test_phrase_tokens_are_kept_but_each_caller_gets_its_own_list():
    """Extending one answer (as ``actor_phrase_tokens`` does) leaves the next caller's phrase as it was."""
    doc = parse(TWO_SENTENCES)
    cl.forget_children()
    first = cl.phrase_tokens(doc[9])
    assert [t.text for t in first] == ["the", "Quarter"]
    first.append(doc[10])
    assert [t.text for t in cl.phrase_tokens(doc[9])] == ["the", "Quarter"]
    assert [t.text for t in cl.phrase_tokens(doc[6], frozenset())] == [t.text for t in doc[5:11]]


def test_phrase_tokens_follow_the_document_asked():
    agreed, sales = parse(AGREED_TO_SELL), parse(TWO_SENTENCES)
    cl.forget_children()
    for doc in (agreed, sales, agreed):
        assert all(t.doc is doc for t in cl.phrase_tokens(doc[4]))
    assert [t.text for t in cl.phrase_tokens(agreed[4])] == ["it"]
    assert [t.text for t in cl.phrase_tokens(sales[4])] == ["."]
