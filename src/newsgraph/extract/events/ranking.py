"""Features of an event for the learned salience ranker, and the ranker itself.

``salience.py`` knows what the article signals (position, who acts, coding, dating,
repetition, modality, quotation, clause structure); its hand-set weights combine them
into one score. Here the same signals are raw features, next to those the hand score
lacks: the position relative to the article's length and paragraphs, the actor's and
target's place in the article (entity salience, mention count, named in the headline or
lead), and the repetition of one happening (predicate and actor) across paragraphs. A
logistic regression fitted on the hand-checked development sets (``training/salience/``)
turns them into a probability that the event is one a reader lists: the ``salience`` when
``NEWSGRAPH_SALIENCE=learned`` (the hand score ranks by default: the ranker did not beat it,
docs/quality.md, "2026-12-07, round 7: a learned ranker").

The weights ship in ``data/salience_ranker.json`` with the feature names they were fitted
on, the standardisation, the main-event cut and the command that made them.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import IS_SPACE
from spacy.tokens import Token

from newsgraph.extract.events import salience as rules
from newsgraph.extract.events.context import DocContext
from newsgraph.record import Entity, Event
from newsgraph.vocab.layout import is_paragraph_break

#: The weights file: the features, their standardisation, the weights and the main-event cut fitted with them.
WEIGHTS_FILE = Path(__file__).resolve().parent / "data" / "salience_ranker.json"

#: The features, in the order of the weights file's ``features`` (a test checks they agree).
FEATURE_NAMES: tuple[str, ...] = (
    "hand_score",          # salience.py's hand-weighted score, all its factors applied
    "log_hand_score",      # its log (its factors multiply: the log makes each one a sum)
    "hand_relative",       # its share of the article's best hand score (the hand cut's own measure)
    "hand_rank",           # log(1 + its rank in the article by the hand score)
    "lead",                # in the first LEAD_SENTENCES sentences (the headline, when there is one, and the lead)
    "position",            # salience.py's position score: 1 in the lead, then 1 / (1 + k / POSITION_DECAY)
    "relative_position",   # sentence index / sentence count
    "paragraph_relative",  # paragraph index / paragraph count
    "log_paragraph",       # log(1 + paragraph index)
    "log_sentences",       # log(1 + the article's sentence count)
    "actor_resolved",      # the actor is an entity of the article
    "actor_text",          # an actor phrase at all
    "actor_salience",      # the actor entity's salience over the article's best entity's
    "actor_mentions",      # log(1 + the actor entity's mention count)
    "actor_in_lead",       # the actor entity is named in the headline or lead
    "target_resolved",
    "target_or_object",    # a target or object phrase at all
    "target_salience",
    "target_mentions",
    "target_in_lead",
    "coded",
    "dated",
    "asserted",            # modality asserted or reported
    "future",
    "hypothetical",        # modality hypothetical or uncertain
    "negated",
    "personal_actor",      # I, we, you as actor
    "lead_overlap",        # after the lead, the share of the clause's content words the headline or lead uses
    "predicate_in_lead",   # after the lead, the predicate's lemma is a word of the headline or lead
    "centrality",          # the mean share of the article's sentences using each content word of the clause
    "repeat",              # other sentences with the predicate's lemma, min(1, n / REPEAT_FULL)
    "repeat_paragraphs",   # other paragraphs with the same predicate and actor, min(1, n / REPEAT_PARAGRAPHS_FULL)
    "figure",              # the clause states an amount
    "in_quote",
    "generic",             # a verb of state, mind or motion (not a coded act, not a light verb with an object)
    "mind",                # a verb of mind or expectation
    "light",               # a light verb with an object noun
    "misparsed_name",      # a capitalised verb inside a sentence not in title case
    "non_finite",
    "relative_clause",
    "fragment",            # after the lead, a line that does not end as a sentence
    "clause_ccomp",        # the clause, once joined clauses and reporting cues are climbed, is a complement
    "clause_pcomp",        # ... the object of a preposition
    "clause_background",   # ... a subordinate clause read as background (salience.py's rule)
    "clause_subordinate",  # ... any other subordinate clause
    # What the article is about (round 8): the event's words and participants against the headline and lead,
    # the participants' weight in the article, the happening told again, paragraph openings, reporting.
    "predicate_stem_in_lead",   # after the lead, a verb or noun of the headline or lead shares the predicate's stem
    "participant_in_lead",      # after the lead, the head word of the subject or object is a word of the lead
    "clause_entities_in_lead",  # after the lead, the share of the clause's entities the headline or lead names
    "actor_top",                # the actor is one of the TOP_ENTITIES most mentioned entities of the article
    "target_top",               # ... the target
    "retold_after",             # later sentences telling the happening again (its stem and a participant)
    "retold_before",            # earlier sentences that told it (a restatement)
    "paragraph_initial",        # the sentence opens its paragraph
    "paragraph_initial_long",   # ... after the lead, in an article of LONG_ARTICLE sentences or more
    "reported_content",         # inside the content of an indirect attribution (what a source says happened)
    "actor_is_source",          # the actor is a source the article quotes or cites
)
#: Paragraphs with the same predicate and actor for the full ``repeat_paragraphs`` feature.
REPEAT_PARAGRAPHS_FULL = 2
#: Parts of speech of the content words ``lead_overlap`` and ``centrality`` compare.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
#: Characters of a lemma compared as its stem: "resign" and "resignation", "announce" and "announcement" share
#: one. Lemmas shorter than ``MIN_STEM`` must be equal ("car" is not "career").
STEM_CHARS = 5
MIN_STEM = 4
#: Parts of speech a happening is told by (a verb or its nominalisation).
TELLING_POS = frozenset({"VERB", "NOUN"})
#: Dependents naming the clause's participants by their head word.
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative"})
#: How many of the most mentioned entities count as the article's main participants.
TOP_ENTITIES = 2
#: Sentences telling the happening again for the full ``retold_*`` features.
RETOLD_FULL = 2
#: An article of this many sentences or more is long: its paragraphs open on new news.
LONG_ARTICLE = 25
#: Added to the hand score before its log (a score of 0: a predicate without a word).
HAND_SCORE_EPSILON = 0.01


def features(ctx: DocContext, found: Sequence[tuple[Event, Token]], hand: Sequence[float]) -> numpy.ndarray:
    """One row of ``FEATURE_NAMES`` per event of ``found``; ``hand`` holds salience.py's scores."""
    doc = ctx.doc
    n_events = len(found)
    x = numpy.zeros((n_events, len(FEATURE_NAMES)), dtype=numpy.float64)
    if not n_events:
        return x
    col = {name: i for i, name in enumerate(FEATURE_NAMES)}
    sent_starts = [start for start, _end in ctx.sent_bounds]
    n_sents = max(1, len(sent_starts))
    # Paragraphs: a whitespace token holding a blank line closes one (as the clean text writes them).
    breaks = [i for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist() if is_paragraph_break(doc[i].text)]
    n_paragraphs = len(breaks) + 1
    lead_end = ctx.sent_bounds[min(rules.LEAD_SENTENCES, len(ctx.sent_bounds)) - 1][1] if ctx.sent_bounds else 0
    entities = {m.entity.id: m.entity for m in ctx.mentions_by_token.values()}
    top_entity = max((e.salience for e in entities.values()), default=0.0) or 1.0
    in_lead = {m.entity.id for tok, m in ctx.mentions_by_token.items() if tok < lead_end}
    quoted = [(a.content.start, a.content.end) for a in ctx.attributions if a.kind == "direct" or a.quoted]
    quoted += rules.quotation_spans(doc)
    lemma_sentences: dict[str, set[int]] = {}
    happening_paragraphs: dict[tuple[str, str], set[int]] = {}
    rows = []
    for event, verb in found:
        k = max(0, bisect_right(sent_starts, verb.i) - 1)
        paragraph = bisect_right(breaks, verb.i)
        head = event.predicate.split()[0] if event.predicate else ""
        who = event.actor or (event.actor_text or "").lower()
        happening_paragraphs.setdefault((head, who), set()).add(paragraph)
        lemma_sentences.setdefault(head, set()).add(k)
        rows.append((k, paragraph, head, who))
    best_hand = max(hand) or 1.0
    order = sorted(range(n_events), key=lambda i: -hand[i])
    rank = [0] * n_events
    for position, i in enumerate(order):
        rank[i] = position
    # Content lemmas: those of the headline and lead, and per lemma the sentences using it.
    lead_words: set[str] = set()
    word_sentences: dict[str, set[int]] = {}
    for k, (start, end) in enumerate(ctx.sent_bounds):
        for tok in doc[start:end]:
            if tok.pos_ in CONTENT_POS and not tok.is_stop:
                word_sentences.setdefault(tok.lemma_.lower(), set()).add(k)
                if tok.i < lead_end:
                    lead_words.add(tok.lemma_.lower())
    about = _About.build(ctx, breaks, lead_end, entities, in_lead)
    title_case: dict[int, bool] = {}
    for r, ((event, verb), (k, paragraph, head, who)) in enumerate(zip(found, rows, strict=True)):
        start, end = ctx.sent_bounds[k] if ctx.sent_bounds else (0, len(doc))
        row = x[r]
        row[col["hand_score"]] = hand[r]
        row[col["log_hand_score"]] = math.log(hand[r] + HAND_SCORE_EPSILON)
        row[col["hand_relative"]] = hand[r] / best_hand
        row[col["hand_rank"]] = math.log1p(rank[r])
        row[col["lead"]] = k < rules.LEAD_SENTENCES
        row[col["position"]] = 1.0 if k < rules.LEAD_SENTENCES else \
            1.0 / (1.0 + (k - rules.LEAD_SENTENCES + 1) / rules.POSITION_DECAY)
        row[col["relative_position"]] = k / n_sents
        row[col["paragraph_relative"]] = paragraph / n_paragraphs
        row[col["log_paragraph"]] = math.log1p(paragraph)
        row[col["log_sentences"]] = math.log1p(n_sents)
        for role, entity_id, phrase in (("actor", event.actor, event.actor_text),
                                        ("target", event.target, event.target_text or event.object_text)):
            entity = entities.get(entity_id or "")
            row[col[f"{role}_resolved"]] = entity is not None
            row[col["actor_text" if role == "actor" else "target_or_object"]] = bool(phrase)
            if entity is not None:
                row[col[f"{role}_salience"]] = entity.salience / top_entity
                row[col[f"{role}_mentions"]] = math.log1p(len(entity.mentions))
                row[col[f"{role}_in_lead"]] = entity.id in in_lead
        row[col["coded"]] = event.code is not None
        row[col["dated"]] = event.date is not None
        row[col["asserted"]] = event.modality in ("asserted", "reported")
        row[col["future"]] = event.modality == "future"
        row[col["hypothetical"]] = event.modality in ("hypothetical", "uncertain")
        row[col["negated"]] = event.negated
        row[col["personal_actor"]] = (event.actor_text or "").lower() in rules.PERSONAL_PRONOUNS
        start_i, end_i = ctx.sent_bounds[k] if ctx.sent_bounds else (0, len(doc))
        words = {t.lemma_.lower() for t in verb.subtree
                 if start_i <= t.i < end_i and t.pos_ in CONTENT_POS and not t.is_stop}
        if words:
            row[col["centrality"]] = sum(len(word_sentences.get(w, ())) for w in words) / len(words) / n_sents
        if k >= rules.LEAD_SENTENCES:
            if words:
                row[col["lead_overlap"]] = len(words & lead_words) / len(words)
            row[col["predicate_in_lead"]] = head.lower() in lead_words
        row[col["repeat"]] = min(1.0, len(lemma_sentences.get(head, set()) - {k}) / rules.REPEAT_FULL)
        row[col["repeat_paragraphs"]] = min(
            1.0, (len(happening_paragraphs[(head, who)]) - 1) / REPEAT_PARAGRAPHS_FULL)
        row[col["figure"]] = rules._states_figure(verb)
        row[col["in_quote"]] = any(s <= verb.idx < e for s, e in quoted)
        light = head in rules.LIGHT_VERBS and event.object_text is not None
        row[col["generic"]] = rules._generic(verb, head) and (event.code is None or head in rules.MIND_PREDICATES) \
            and not light
        row[col["mind"]] = head in rules.MIND_PREDICATES
        row[col["light"]] = light
        misparsed = rules._capitalised_inside(verb, start)
        if misparsed:
            if k not in title_case:
                title_case[k] = rules._title_case(doc[start:end])
            misparsed = not title_case[k]
        row[col["misparsed_name"]] = misparsed
        row[col["non_finite"]] = rules._non_finite(verb)
        row[col["relative_clause"]] = verb.dep_ == "relcl"
        row[col["fragment"]] = k >= rules.LEAD_SENTENCES and rules._fragment(doc[start:end])
        clause = rules._clause_attachment(ctx, verb)
        if clause is not None:
            if clause.dep_ == "ccomp":
                row[col["clause_ccomp"]] = 1.0
            elif clause.dep_ == "pcomp":
                row[col["clause_pcomp"]] = 1.0
            elif k >= rules.BACKGROUND_FROM_SENTENCE and clause.dep_ in rules.BACKGROUND_DEPS \
                    and rules._background_clause(event, clause):
                row[col["clause_background"]] = 1.0
            else:
                row[col["clause_subordinate"]] = 1.0
        about.fill(row, col, event, verb, k, paragraph, words_sent=(start_i, end_i), n_sents=n_sents,
                   lead_words=lead_words)
    return x


def stem(lemma: str) -> str:
    """The part of a lemma compared across words of one family ("resign", "resignation": "resig")."""
    lemma = lemma.lower()
    return lemma[:STEM_CHARS] if len(lemma) >= MIN_STEM else lemma


@dataclass
class _About:
    """What an article is about, read once per article for the round-8 features."""

    ctx: DocContext
    lead_end: int
    lead_stems: set[str]
    lead_entities: set[str]
    #: Per sentence, the stems of its verbs and nouns and the entities it names.
    sentence_stems: list[set[str]]
    sentence_entities: list[set[str]]
    sentence_lemmas: list[set[str]]
    top: set[str]
    paragraph_of_sentence: list[int]
    indirect: list[tuple[int, int]]
    source_entities: set[str]

    @classmethod
    def build(cls, ctx: DocContext, breaks: list[int], lead_end: int, entities: dict[str, Entity],
              in_lead: set[str]) -> _About:
        """``entities`` (id → entity) and ``in_lead`` (the ids the lead names) as the caller read them."""
        doc = ctx.doc
        stems: list[set[str]] = []
        named: list[set[str]] = []
        lemmas: list[set[str]] = []
        for start, end in ctx.sent_bounds:
            stems.append({stem(t.lemma_) for t in doc[start:end] if t.pos_ in TELLING_POS})
            lemmas.append({t.lemma_.lower() for t in doc[start:end] if t.pos_ in CONTENT_POS and not t.is_stop})
            named.append(set())
        sent_starts = [start for start, _end in ctx.sent_bounds]
        for i, m in ctx.mentions_by_token.items():  # one pass over the mentions, not one per sentence
            k = bisect_right(sent_starts, i) - 1
            if 0 <= k < len(named):
                named[k].add(m.entity.id)
        lead_stems = {stem(t.lemma_) for t in doc[:lead_end] if t.pos_ in TELLING_POS}
        ranked = sorted(entities.values(), key=lambda e: -len(e.mentions))
        return cls(ctx=ctx, lead_end=lead_end, lead_stems=lead_stems,
                   lead_entities=in_lead,
                   sentence_stems=stems,
                   sentence_entities=named, sentence_lemmas=lemmas,
                   top={e.id for e in ranked[:TOP_ENTITIES] if e.mentions},
                   paragraph_of_sentence=[bisect_right(breaks, start) for start, _end in ctx.sent_bounds],
                   indirect=[(a.content.start, a.content.end) for a in ctx.attributions
                             if a.kind != "direct" and not a.quoted],
                   source_entities={src.entity for src in ctx.sources.values() if src.entity})

    def fill(self, row: numpy.ndarray, col: dict[str, int], event: Event, verb: Token, k: int, paragraph: int, *,
             words_sent: tuple[int, int], n_sents: int, lead_words: set[str]) -> None:
        """Set the round-8 features of one event (``row``, by ``col``)."""
        ctx = self.ctx
        head = event.predicate.split()[0] if event.predicate else ""
        own = stem(head)
        start, end = words_sent
        clause_entities = {ctx.mentions_by_token[t.i].entity.id for t in verb.subtree
                           if start <= t.i < end and t.i in ctx.mentions_by_token}
        participants = {t.lemma_.lower() for t in verb.children if t.dep_ in PARTICIPANT_DEPS}
        if k >= rules.LEAD_SENTENCES:
            row[col["predicate_stem_in_lead"]] = bool(own) and own in self.lead_stems
            row[col["participant_in_lead"]] = bool(participants & lead_words)
            if clause_entities:
                row[col["clause_entities_in_lead"]] = len(clause_entities & self.lead_entities) / len(clause_entities)
        row[col["actor_top"]] = event.actor in self.top
        row[col["target_top"]] = event.target in self.top
        who = {e for e in (event.actor, event.target) if e}
        objects = {t.lemma_.lower() for t in verb.children if t.dep_ in ("dobj", "nsubjpass") and t.pos_ == "NOUN"}
        before = after = 0
        if own:
            for other, stems in enumerate(self.sentence_stems):
                if other == k or own not in stems:
                    continue
                if who & self.sentence_entities[other] or objects & self.sentence_lemmas[other]:
                    if other < k:
                        before += 1
                    else:
                        after += 1
        row[col["retold_after"]] = min(1.0, after / RETOLD_FULL)
        row[col["retold_before"]] = min(1.0, before / RETOLD_FULL)
        initial = k == 0 or self.paragraph_of_sentence[k] != self.paragraph_of_sentence[k - 1]
        row[col["paragraph_initial"]] = initial
        row[col["paragraph_initial_long"]] = initial and k >= rules.LEAD_SENTENCES and n_sents >= LONG_ARTICLE
        row[col["reported_content"]] = any(s <= verb.idx < e for s, e in self.indirect)
        row[col["actor_is_source"]] = event.actor is not None and event.actor in self.source_entities


@dataclass(frozen=True)
class Ranker:
    """A fitted logistic regression over standardised features, and the main-event cut chosen with it."""

    features: tuple[str, ...]
    mean: numpy.ndarray
    scale: numpy.ndarray
    weights: numpy.ndarray
    bias: float
    #: A main event's probability is at least ``threshold`` and at least ``relative`` × the article's best.
    threshold: float
    relative: float

    def probability(self, x: numpy.ndarray) -> numpy.ndarray:
        """P(a reader lists the event) per row of ``x`` (columns in ``self.features`` order)."""
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + numpy.exp(-z))

    @classmethod
    def from_dict(cls, data: dict) -> Ranker:
        return cls(features=tuple(data["features"]), mean=numpy.asarray(data["mean"], dtype=numpy.float64),
                   scale=numpy.asarray(data["scale"], dtype=numpy.float64),
                   weights=numpy.asarray(data["weights"], dtype=numpy.float64), bias=float(data["bias"]),
                   threshold=float(data["threshold"]), relative=float(data["relative"]))


@lru_cache(maxsize=1)
def load_ranker(path: Path = WEIGHTS_FILE) -> Ranker | None:
    """The shipped ranker, read once per process; None when the file is absent (the hand weights then rank)."""
    if not path.exists():
        return None
    ranker = Ranker.from_dict(json.loads(path.read_text(encoding="utf-8")))
    if ranker.features != FEATURE_NAMES:
        raise ValueError(f"{path} was fitted on other features than ranking.FEATURE_NAMES")
    return ranker
