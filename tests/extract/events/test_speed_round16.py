"""The event stage's round-16 cuts give the records and answers of the code they replace."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from newsgraph.extract.events import core
from newsgraph.extract.events.context import DocContext
from newsgraph.record import Event, Offsets

VOCAB = English().vocab


def _doc() -> Doc:
    """Invented: "Port officials shut down the Lynwick dock ." parsed by hand, with a phrasal particle."""
    words = ["Port", "officials", "shut", "down", "the", "Lynwick", "dock", "."]
    return Doc(VOCAB, words=words, spaces=[True] * 6 + [False, False],
               heads=[1, 2, 2, 2, 6, 6, 2, 2],
               deps=["compound", "nsubj", "ROOT", "prt", "det", "compound", "dobj", "punct"],
               tags=["NN", "NNS", "VBD", "RP", "DT", "NNP", "NN", "."])


def test_one_validation_builds_the_event_the_keywords_built() -> None:
    """``_EVENT`` on a dict with offset dicts gives the record ``Event(...)`` with ``Offsets`` gave, field by field."""
    fields = {"id": "v0", "actor_text": "Port officials", "predicate": "shut down", "object_text": "the Lynwick dock",
              "modality": "reported", "date": "2026-03-02", "date_reason": "clause", "code": "COERCE"}
    spans = {"sentence": (0, 43), "trigger": (15, 24), "actor_span": (0, 14), "object_span": (25, 41)}
    built = core._EVENT({**fields, **{k: {"start": a, "end": b} for k, (a, b) in spans.items()}})
    before = Event(**fields, **{k: Offsets(start=a, end=b) for k, (a, b) in spans.items()})
    assert built == before and built.model_dump() == before.model_dump()
    assert isinstance(built.trigger, Offsets) and built.target_span is None


def test_trigger_and_locate_give_offsets_of_the_text() -> None:
    """The trigger covers verb and particle; an argument's text is found nearest its anchor, else at its mention."""
    doc = _doc()
    text = doc.text
    trigger = core._trigger(doc[2], core._particles(doc[2]))
    assert text[trigger["start"]:trigger["end"]] == "shut down"
    assert core._trigger(doc[6], []) == {"start": doc[6].idx, "end": doc[6].idx + 4}
    sent = doc[:]
    found = core._locate(sent, text, "the Lynwick dock", doc[2].idx, None)
    assert found is not None and text[found["start"]:found["end"]] == "the Lynwick dock"
    assert core._locate(sent, text, "harbour", 0, None) is None
    assert core._locate(sent, text, None, 0, None) is None


def test_context_tokens_are_the_documents_positions() -> None:
    """``DocContext.tokens`` holds one ``Token`` per position, read by the rules instead of ``doc[i]``."""
    doc = _doc()
    ctx = DocContext.build(doc, [], [], [], [])
    assert len(ctx.tokens) == len(doc)
    assert [(t.i, t.text, t.dep_) for t in ctx.tokens] == [(t.i, t.text, t.dep_) for t in doc]
    assert all(t.doc is doc for t in ctx.tokens)


def _clause(words: list[str], deps: list[str], verb: int) -> Doc:
    """An invented clause parsed by hand: every word hangs on the verb at ``verb``."""
    heads = [verb] * len(words)
    return Doc(VOCAB, words=words, heads=heads, deps=deps)


def test_own_modality_reads_auxiliaries_marks_and_hedges_in_one_walk() -> None:
    """Each of the rule's answers, and the order between them (a modal outranks a mark, a mark a hedge)."""
    cases = [
        (["Lee", "will", "resign"], ["nsubj", "aux", "ROOT"], "future"),
        (["Lee", "might", "resign"], ["nsubj", "aux", "ROOT"], "uncertain"),
        (["Lee", "would", "resign"], ["nsubj", "aux", "ROOT"], "hypothetical"),
        (["unless", "Lee", "resigns"], ["mark", "nsubj", "ROOT"], "hypothetical"),
        (["Lee", "reportedly", "resigned"], ["nsubj", "advmod", "ROOT"], "uncertain"),
        (["Lee", "quietly", "resigned"], ["nsubj", "advmod", "ROOT"], None),
        (["if", "Lee", "reportedly", "would", "resign"], ["mark", "nsubj", "advmod", "aux", "ROOT"], "hypothetical"),
        (["if", "Lee", "quietly", "reportedly", "resigned"], ["mark", "nsubj", "advmod", "advmod", "ROOT"],
         "hypothetical"),
        (["Lee", "quietly", "reportedly", "resigned"], ["nsubj", "advmod", "advmod", "ROOT"], "uncertain"),
    ]
    for words, deps, expected in cases:
        doc = _clause(words, deps, len(words) - 1)
        assert core._own_modality(doc[len(words) - 1]) == expected, words


def test_states_figure_walks_the_figure_dependents_on_arrays() -> None:
    """A number under the verb's figure dependents counts ("rose to 43 points"), through a preposition; a
    number under a clause or a date does not."""
    from newsgraph.extract.events import salience

    words = ["Shares", "rose", "to", "43", "points", "."]
    doc = Doc(VOCAB, words=words, heads=[1, 1, 1, 4, 2, 1], deps=["nsubj", "ROOT", "prep", "nummod", "pobj", "punct"])
    assert salience._states_figure(doc[1])
    # The same words with the number in the subject, which is no figure dependent: no figure.
    doc = Doc(VOCAB, words=["43", "shares", "rose", "sharply", "."], heads=[1, 2, 2, 2, 2],
              deps=["nummod", "nsubj", "ROOT", "advmod", "punct"])
    assert not salience._states_figure(doc[2])
    # A year is a date, not a figure.
    doc = Doc(VOCAB, words=["Lee", "left", "in", "2019", "."], heads=[1, 1, 1, 2, 1],
              deps=["nsubj", "ROOT", "prep", "pobj", "punct"], ents=["O", "O", "O", "B-DATE", "O"])
    assert not salience._states_figure(doc[1])


def test_passive_heads_are_the_verbs_with_a_passive_child() -> None:
    """Invented: "The plan was approved and Lee signed it ." — only "approved" has a passive child; a
    second document replaces the first one's answer."""
    from newsgraph.extract.events import clauses

    clauses.forget_children()
    words = ["The", "plan", "was", "approved", "and", "Lee", "signed", "it", "."]
    doc = Doc(VOCAB, words=words, heads=[1, 3, 3, 3, 3, 6, 3, 6, 3],
              deps=["det", "nsubjpass", "auxpass", "ROOT", "cc", "nsubj", "conj", "dobj", "punct"])
    assert clauses.passive_heads(doc) == [3, 3]
    assert [t.i for t in doc if clauses.is_passive(t)] == [3]
    active = Doc(VOCAB, words=["Lee", "approved", "it", "."], heads=[1, 1, 1, 1],
                 deps=["nsubj", "ROOT", "dobj", "punct"])
    assert not any(clauses.is_passive(t) for t in active)
    assert clauses.is_passive(doc[3]) and not clauses.is_passive(doc[6])
    assert clauses.passive_heads(Doc(VOCAB, words=[])) == []


def test_time_root_is_the_head_of_the_times_tokens_kept_per_time() -> None:
    """Invented: "Lee left last Friday ." — the root of "last Friday" is "Friday", asked twice, the same answer;
    a time covering no token has none."""
    from newsgraph.extract.events.dates import time_root
    from newsgraph.record import TimeExpression

    doc = Doc(VOCAB, words=["Lee", "left", "last", "Friday", "."], heads=[1, 1, 3, 1, 1],
              deps=["nsubj", "ROOT", "amod", "npadvmod", "punct"])
    start = doc.text.index("last Friday")
    friday = TimeExpression(id="t1", start=start, end=start + len("last Friday"), text="last Friday", type="DATE",
                            value="2021-05-07")
    nowhere = TimeExpression(id="t2", start=500, end=506, text="Monday", type="DATE", value="2021-05-03")
    ctx = DocContext.build(doc, [], [friday, nowhere], [], [])
    root = time_root(ctx, friday)
    assert root is not None and root.i == 3 and root.text == "Friday"
    assert time_root(ctx, friday) is root
    assert time_root(ctx, nowhere) is None and time_root(ctx, nowhere) is None


def _scan_attribution(attributions: list, idx: int):  # the per-clause scan the painting replaces
    best = None
    for attr in attributions:
        c = attr.content
        if c.start <= idx < c.end and (best is None or c.end - c.start < best.content.end - best.content.start):
            best = attr
    return best


def test_attribution_by_token_is_the_innermost_first_listed_content() -> None:
    """Nested, equally long, empty and partly covering contents, over invented character offsets: every
    token's answer is the scan's."""
    from newsgraph.extract.events.context import attribution_by_token
    from newsgraph.record import Attribution, TextSpan

    def attr(n: int, start: int, end: int) -> Attribution:
        return Attribution(id=f"a{n}", source=None, cue=None, kind="indirect",
                           content=TextSpan(start=start, end=end, text="x" * max(0, end - start)))

    char_starts = [0, 4, 9, 12, 18, 25, 31, 40]
    attributions = [attr(1, 0, 45), attr(2, 9, 25), attr(3, 12, 28), attr(4, 5, 20), attr(5, 18, 18),
                    attr(6, 30, 41), attr(7, 31, 42)]
    owner = attribution_by_token(attributions, char_starts, len(char_starts))
    assert [o.id if o else None for o in owner] == [
        (found.id if found else None) for found in (_scan_attribution(attributions, i) for i in char_starts)]
    assert owner[2].id == "a4" and owner[6].id == "a6"  # a shorter content wins; the first of two as long
    assert attribution_by_token([], char_starts, len(char_starts)) == [None] * len(char_starts)
