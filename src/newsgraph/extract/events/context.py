"""What the events stage knows of a document beyond its parse: entities, times, attributions by token.

The other stages give their results as character offsets; this module maps them
onto tokens once per document, so the clause rules can ask "which entity is this
token?" or "which attribution contains this word?" in constant time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import DEP, HEAD, IDX, LENGTH, LOWER, POS
from spacy.parts_of_speech import NOUN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.events.clauses import among, doc_tree
from newsgraph.extract.events.lexicons import CLAUSE_DEPS
from newsgraph.record import Attribution, Entity, Mention, Source, TimeExpression

if TYPE_CHECKING:
    from newsgraph.extract.events.dates import Dating
from newsgraph.vocab.parse import NOMINAL_SUBJECT_DEPS, TOPIC_SUBJECT_DEPS
from newsgraph.vocab.pronouns import PERSON_PRONOUN_FORMS

#: Gender of the third-person pronoun forms: a pronoun never takes up a mention that is a pronoun of the other.
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}


#: How many sentences back an epithet ("the singer") looks for the person it stands for, as for a speaker.
EPITHET_WINDOW_SENTENCES = 3


@dataclass(frozen=True)
class EntityMention:
    """One mention of an entity, with the tokens it covers."""

    entity: Entity
    mention: Mention
    start: int  # first token index
    end: int  # token index after the last


@dataclass
class DocContext:
    """Token-indexed views of the other stages' results for one ``Doc``."""

    doc: Doc
    mentions_by_token: dict[int, EntityMention] = field(default_factory=dict)
    person_mentions: list[EntityMention] = field(default_factory=list)
    times_by_token: dict[int, TimeExpression] = field(default_factory=dict)
    time_tokens: dict[str, tuple[int, int]] = field(default_factory=dict)
    attributions: list[Attribution] = field(default_factory=list)
    sources_by_token: dict[int, str] = field(default_factory=dict)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)
    #: Tokens whose relation could make them head a clause: the only ones an event can hang on.
    clause_heads: list[int] = field(default_factory=list)
    #: Tokens reading "according" ("according to X" scopes over its sentence).
    according: list[int] = field(default_factory=list)
    #: Common nouns (relationship words such as "ally" or "feud" are among them).
    nouns: list[int] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    #: Each entity's first mention found in the text.
    first_mentions: dict[str, EntityMention] = field(default_factory=dict)
    #: ``doc.text``, read once: spaCy rebuilds a doc's or span's text from its tokens on every access.
    text: str = ""
    #: Each token's first and after-last character, so a token range's text is a slice of ``text``.
    char_starts: list[int] = field(default_factory=list)
    char_ends: list[int] = field(default_factory=list)
    #: Token indices covered by a time expression, in text order.
    time_positions: list[int] = field(default_factory=list)
    #: Per clause head, the tokens of its own clause (asked by the dating and the fiscal rules alike).
    own_tokens_cache: dict[int, list[Token]] = field(default_factory=dict)
    #: The document's own ``Token`` per position (``clauses.doc_tree``): ``doc[i]`` makes a new one on every call.
    tokens: list[Token] = field(default_factory=list)
    #: Per clause head, those of its own tokens a time expression covers, with the time (most have none).
    own_times_cache: dict[int, list[tuple[Token, TimeExpression]]] = field(default_factory=dict)
    #: Per clause head, the timed tokens among its words and its noun-headed "clauses" (``dates``).
    clause_word_times_cache: dict[int, list[tuple[Token, TimeExpression]]] = field(default_factory=dict)
    #: Per sentence number of the lead, the day its main clause gives as the lead's (``dates``), None for none.
    lead_days: dict[int, Dating | None] = field(default_factory=dict)
    #: Per time expression id, the clause it dates (None: it describes a noun), asked once per token it covers.
    clause_of_time: dict[str, Token | None] = field(default_factory=dict)
    #: Per time expression id, the head of its tokens (``dates.time_root``), None when it covers no token.
    time_roots: dict[str, Token | None] = field(default_factory=dict)
    #: Per embedded post: its words' character span and its signature's date (built on first use, ``dates``).
    post_dates: list[tuple[int, int, TimeExpression]] | None = None
    #: Whether every token's head lies in the token's own sentence (built on first use, ``clause_bounds``).
    local_trees: bool | None = None
    #: Per token, the number of its sentence in ``sent_bounds`` (built with ``local_trees``).
    sentence_of: list[int] = field(default_factory=list)
    #: Sorted positions of the prepositional objects whose lemma can name a fiscal period (``dates``, on first use).
    period_nouns: list[int] | None = None
    _cues: set[int] | None = None
    _attribution_by_token: list[Attribution | None] | None = None

    @classmethod
    def build(
        cls,
        doc: Doc,
        entities: list[Entity],
        times: list[TimeExpression],
        sources: list[Source],
        attributions: list[Attribution],
    ) -> DocContext:
        ctx = cls(doc=doc, attributions=list(attributions), sources={s.id: s for s in sources})
        # One array pass instead of a Python ``Token`` per token per question.
        columns = doc.to_array([DEP, LOWER, POS, IDX, LENGTH]).reshape(len(doc), 5)
        ctx.clause_heads = numpy.flatnonzero(among(columns[:, 0], _CLAUSE_DEP_IDS)).tolist()
        ctx.according = numpy.flatnonzero(columns[:, 1] == _ACCORDING_ID).tolist()
        ctx.nouns = numpy.flatnonzero(columns[:, 2] == NOUN).tolist()
        index = _TokenIndex(doc, columns[:, 3], columns[:, 4])
        # The document's own ``Token`` list (``doc_tree``, kept for the walks): ``doc.text`` makes one per word.
        ctx.tokens = doc_tree(doc)[3]
        ctx.text = "".join([t.text_with_ws for t in ctx.tokens])
        ctx.char_starts, ctx.char_ends = index.starts, index.ends
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            ctx.sent_bounds = [(s.start, s.end) for s in doc.sents]
        else:
            ctx.sent_bounds = [(0, len(doc))]
        for entity in entities:
            for mention in entity.mentions:
                span = index.span(mention.start, mention.end)
                if span is None:
                    continue
                em = EntityMention(entity, mention, span[0], span[1])
                ctx.first_mentions.setdefault(entity.id, em)
                for i in range(span[0], span[1]):
                    # A longer mention wins over a shorter one on the same token.
                    old = ctx.mentions_by_token.get(i)
                    if old is None or (old.end - old.start) < (em.end - em.start):
                        ctx.mentions_by_token[i] = em
                if entity.type == "PERSON":
                    ctx.person_mentions.append(em)
        ctx.person_mentions.sort(key=lambda m: m.start)
        for time in times:
            span = index.span(time.start, time.end)
            if span is None:
                continue
            ctx.time_tokens[time.id] = span
            for i in range(*span):
                ctx.times_by_token.setdefault(i, time)
        ctx.time_positions = sorted(ctx.times_by_token)
        for source in sources:
            for sm in source.mentions:
                span = index.span(sm.start, sm.end)
                if span is not None:
                    for i in range(*span):
                        ctx.sources_by_token.setdefault(i, source.id)
        return ctx

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``[start, end)`` (non-empty), as ``doc[start:end].text`` gives it, without
        building a ``Span`` and a ``Token`` per word."""
        return self.text[self.char_starts[start] : self.char_ends[end - 1]]

    def between(self, positions: list[int], start: int, end: int) -> list[int]:
        """The token indices of a sorted list that fall in ``[start, end)``, e.g. a sentence."""
        return positions[bisect_left(positions, start) : bisect_left(positions, end)]

    def clause_bounds(self, token: Token) -> tuple[int, int] | None:
        """The bounds of the sentence holding ``token`` when no dependency of the document crosses a sentence
        boundary (then every token under ``token`` lies within them); None when one does.

        Why: the dating rules walk a clause's tokens to find its times, and most sentences hold no time at
        all; a look at the sentence's time positions answers those without the walk.
        """
        if self.local_trees is None:
            doc = self.doc
            n = len(doc)
            heads = numpy.arange(n, dtype=numpy.int64) + doc.to_array(HEAD).astype(numpy.int64)
            sentence = numpy.zeros(n, dtype=numpy.int64)
            for k, (start, end) in enumerate(self.sent_bounds):
                sentence[start:end] = k
            self.local_trees = bool((sentence[heads] == sentence).all()) if n else True
            self.sentence_of = sentence.tolist()
        if not self.local_trees:
            return None
        return self.sent_bounds[self.sentence_of[token.i]]

    # -- entities ------------------------------------------------------------

    def entity_at(self, token: Token) -> EntityMention | None:
        """The entity mention covering ``token``, or a resolved pronoun's antecedent."""
        found = self.mentions_by_token.get(token.i)
        if found is None and token.lower_ in PERSON_PRONOUN_FORMS:
            return self.antecedent(token)
        return found

    def entity_in(self, tokens: list[Token], head: Token | None = None) -> EntityMention | None:
        """The entity mentioned among ``tokens``: the one on ``head`` first, then the nearest to it."""
        if head is not None:
            found = self.entity_at(head)
            if found is not None:
                return found
        anchor = head.i if head is not None else (tokens[0].i if tokens else 0)
        best: EntityMention | None = None
        for tok in sorted(tokens, key=lambda t: abs(t.i - anchor)):
            found = self.mentions_by_token.get(tok.i)
            if found is not None:
                best = found
                break
        return best

    def _quotation_at(self, char: int) -> tuple[int, int] | None:
        """The character span of the direct quotation holding ``char``, if any."""
        for attr in self.attributions:
            c = attr.content
            if (attr.kind == "direct" or attr.quoted) and c.start <= char < c.end:
                return c.start, c.end
        return None

    def in_quotation(self, char: int) -> bool:
        """Whether character ``char`` lies inside a direct quotation (what a source says, not the report)."""
        return self._quotation_at(char) is not None

    def quotation_speaker(self, token: Token) -> tuple[EntityMention | None, str] | None:
        """Who speaks the direct quotation holding ``token``: the source's entity and name, or its description.

        For a first-person pronoun inside the quotation ("I'm doing the show because ..."), whom
        the entity stage did not resolve (a speaker it typed as an organisation, a source with no entity).
        """
        best: Attribution | None = None
        for attr in self.attributions:
            c = attr.content
            quoted = (attr.kind == "direct" or attr.quoted) and attr.source is not None
            inside = quoted and c.start <= token.idx < c.end
            if inside and (best is None or c.end - c.start < best.content.end - best.content.start):
                best = attr
        if best is None or best.source not in self.sources:
            return None
        source = self.sources[best.source]
        if source.anonymous:
            return None
        if source.entity is not None and source.entity in self.first_mentions:
            found = self.first_mentions[source.entity]
            return found, found.entity.name
        return None, source.description

    def antecedent(self, pronoun: Token) -> EntityMention | None:
        """The person a third-person pronoun most likely refers to.

        Candidates are person mentions before the pronoun in its sentence and the
        two before; the nearest one that is a clause subject wins (subjects are
        what pronouns usually continue), else the nearest at all. A fallback for
        when the entity stage gives no pronoun mentions.
        """
        bounds = self.sent_bounds or [(0, len(self.doc))]
        sent_index = next((k for k, (s, e) in enumerate(bounds) if s <= pronoun.i < e), 0)
        window_start = bounds[max(0, sent_index - 2)][0]
        candidates = [m for m in self.person_mentions if window_start <= m.start and m.end <= pronoun.i]
        # Inside a quotation a third person is someone the speaker talks about: never the speaker or anyone
        # else outside the quotation ("he added, 'She built the plan'": "She" is not "he").
        quote = self._quotation_at(pronoun.idx)
        if quote is not None:
            candidates = [m for m in candidates if quote[0] <= self.doc[m.start].idx < quote[1]]
        gender = _PRONOUN_GENDER.get(pronoun.lower_)
        candidates = [m for m in candidates if _PRONOUN_GENDER.get(m.mention.text.lower(), gender) == gender]
        if not candidates:
            return None
        for m in reversed(candidates):
            head = _mention_head(self.doc[m.start : m.end])
            if head.dep_ in TOPIC_SUBJECT_DEPS:
                return m
        return candidates[-1]

    def epithet_antecedent(self, head: Token) -> EntityMention | None:
        """The person an epithet ("the singer", "the 25-year-old") stands for: the latest person named as a
        clause subject in the sentences before (``EPITHET_WINDOW_SENTENCES``), when no other person named
        so far carries the epithet's noun as a title (then the epithet may be theirs).

        Named in an earlier sentence only: in "X said the mayor was tired" the mayor is someone else.
        """
        bounds = self.sent_bounds or [(0, len(self.doc))]
        k = next((n for n, (s, e) in enumerate(bounds) if s <= head.i < e), 0)
        floor, sent_start = bounds[max(0, k - EPITHET_WINDOW_SENTENCES)][0], bounds[k][0]
        subjects = [m for m in self.person_mentions if floor <= m.start and m.end <= sent_start
                    and m.mention.kind == "name" and _is_subject(self.doc[m.start : m.end].root)]
        if not subjects:
            return None
        ref = subjects[-1]
        lemma = head.lemma_.lower()
        titled = {m.entity.id for m in self.person_mentions if m.start < head.i
                  and any(lemma in t.lower().split() for t in m.entity.titles)}
        if titled - {ref.entity.id}:
            return None
        return ref

    # -- times ---------------------------------------------------------------

    def time_at(self, token: Token) -> TimeExpression | None:
        return self.times_by_token.get(token.i)

    # -- attribution ---------------------------------------------------------

    def attribution_of(self, token: Token) -> Attribution | None:
        """The innermost attribution whose content contains ``token`` (its first character), the first listed
        among equally long ones.

        Why by token: every clause asks it, and a scan of the document's attributions per clause grows with
        both; the answers for all tokens are painted once per document (``attribution_by_token``).
        """
        if self._attribution_by_token is None:
            self._attribution_by_token = attribution_by_token(self.attributions, self.char_starts, len(self.doc))
        return self._attribution_by_token[token.i]

    def is_cue(self, token: Token) -> bool:
        """Whether ``token`` is part of an attribution cue ("said", "according to")."""
        if self._cues is None:  # read off the attributions once per document, not once per candidate verb:
            # every character offset a cue covers (cues are a word or two), so a test is one set look-up.
            self._cues = {char for a in self.attributions if a.cue is not None
                          for char in range(a.cue.start, a.cue.end)}
        return token.idx in self._cues

    def source_of_tokens(self, tokens: list[Token]) -> str | None:
        for tok in tokens:
            found = self.sources_by_token.get(tok.i)
            if found is not None:
                return found
        return None


def attribution_by_token(attributions: list[Attribution], char_starts: list[int], n: int) -> list[Attribution | None]:
    """Per token, the innermost attribution whose content holds the token's first character.

    The contents are painted over the tokens from the longest to the shortest, so the innermost is painted
    last; among equally long ones the first listed is painted last, as a scan keeping the first strictly
    shorter content would choose. A token starting at character ``idx`` is inside ``[start, end)`` when
    ``start <= idx < end``: the tokens ``bisect_left(char_starts, start)`` up to ``bisect_left(char_starts, end)``.
    """
    owner: list[Attribution | None] = [None] * n
    order = sorted(range(len(attributions)), key=lambda k: (
        -(attributions[k].content.end - attributions[k].content.start), -k))
    for k in order:
        content = attributions[k].content
        lo, hi = bisect_left(char_starts, content.start), bisect_left(char_starts, content.end)
        if hi > lo:
            owner[lo:hi] = [attributions[k]] * (hi - lo)
    return owner


_CLAUSE_DEP_IDS = numpy.array(sorted(get_string_id(dep) for dep in CLAUSE_DEPS), dtype=numpy.uint64)
_ACCORDING_ID = numpy.uint64(get_string_id("according"))


class _TokenIndex:
    """Character offsets -> token spans by binary search (``Doc.char_span`` scans the whole doc)."""

    def __init__(self, doc: Doc, starts: numpy.ndarray, lengths: numpy.ndarray) -> None:
        """``starts`` and ``lengths``: the tokens' ``IDX`` and ``LENGTH`` columns."""
        self.doc = doc
        starts = starts.astype(numpy.int64)
        self.starts = starts.tolist()
        self.ends = (starts + lengths.astype(numpy.int64)).tolist()
        self.length = self.ends[-1] if self.ends else 0

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens overlapping ``[start, end)`` as token bounds, or None when nothing fits (no ``Span`` built:
        only its bounds are used)."""
        if start >= end or start < 0 or end > self.length + 1 or not self.starts:
            return None
        first = bisect_right(self.ends, start)  # first token ending after start
        last = bisect_left(self.starts, end)  # tokens before this one start before end
        if first >= last:
            return None
        return first, last


def _is_subject(root: Token) -> bool:
    """A clause subject, or a name in apposition to one ("The party's leader, Jo Dale, welcomed it")."""
    return root.dep_ in NOMINAL_SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in NOMINAL_SUBJECT_DEPS)


def _mention_head(span: Span) -> Token:
    return span.root
