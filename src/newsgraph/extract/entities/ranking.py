"""A learned mention–antecedent ranker for "it"/"they" and organisation or group descriptions.

The organisation pass (``orgs.OrgResolver``) decides, for a third-person pronoun ("it", "its", "they",
"their", "them") or a description ("the company", "the ministry"), which entity mentioned before it is
meant, or none. Its hand-set weights were written on the development articles and overfit: on unseen
articles pronouns and descriptions stay mostly unresolved. This module offers the same decision as a
linear ranker (a softmax over the mention's candidates), learned from the hand-checked mention sets
by ``training/mentions/train_ranker.py``:

- the *candidates* are the entities with a mention in the last ``CANDIDATE_WINDOW`` sentences (any
  type: a person is a candidate, so the ranker learns that "it" is seldom one), the rules' own choice
  wherever it lies, and a "no antecedent" option;
- each candidate is described by the ``FEATURES`` below (distance, type by mention class, number,
  kind-noun compatibility from the stage's lexicons, syntactic roles, frequency, paragraph, quotation,
  the rules' own choice and score, the previous sentence's subject);
- the weights (``data/mention_ranker.json``) score the standardised features; the best option wins.

The weights file says for which mention classes the ranker replaces the rules (``use_for``): only
those where leaving one development set out at a time showed it better than the rules.
``NEWSGRAPH_MENTION_RANKER=off`` keeps the rules everywhere; a path there loads other weights.
"""

from __future__ import annotations

import json
import math
import os
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import numpy
from spacy.attrs import DEP, HEAD, IS_SPACE, TAG
from spacy.tokens import Doc, Token

from newsgraph.extract.entities.coref import token_strings
from newsgraph.vocab.layout import is_paragraph_break
from newsgraph.vocab.parse import NOMINAL_SUBJECT_DEPS, PLURAL_NOUN_TAGS
from newsgraph.vocab.pronouns import PLURAL_PRONOUN_FORMS

#: The weights shipped with the package.
WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "mention_ranker.json"
#: The environment variable that turns the ranker off ("off") or points at other weights.
ENV_VAR = "NEWSGRAPH_MENTION_RANKER"
#: How many sentences back an entity's latest mention may be to make it a candidate.
CANDIDATE_WINDOW = 5
#: The mention classes: singular pronoun, plural pronoun, description.
CLASSES = ("it", "they", "description")
#: Candidate types as the features see them ("group": an unnamed group or organisation of the article).
TYPES = ("ORG", "GPE", "NORP", "PERSON", "group", "other")
#: Scale of the rules' scores (pronoun scores are Lappin & Leass points, description scores sentences).
RULE_SCORE_SCALE = {"it": 100.0, "they": 100.0, "description": 1.0}
#: Object positions of a pronoun or a candidate's mention.
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})

FEATURES: tuple[str, ...] = (
    # the "no antecedent" option, by what the mention is and where it stands
    "null", "null_they", "null_description", "null_in_quote", "null_object", "null_possessive",
    # the rules' own decision: the option they chose, the score they gave, whether they weighed it at all
    "rule_choice", "rule_score", "rule_scored", "rule_choice_they", "rule_choice_description",
    # distance
    "same_sentence", "previous_sentence", "sentence_distance", "token_distance", "recency_rank",
    # the candidate's type, for each mention class
    *(f"{c}_{t}" for c in CLASSES for t in TYPES),
    # number and kind
    "number_agrees", "plural_pronoun_singular_org", "kind_compatible", "head_match", "kind_unknown",
    # syntactic roles and salience
    "candidate_subject", "candidate_object", "candidate_pobj", "same_role", "clause_partner",
    "previous_sentence_subject", "mention_count", "most_mentioned", "governing_subject",
    # discourse
    "same_paragraph", "candidate_in_quote", "same_quote_side", "quote_speaker",
)


def mention_class(token: Token) -> str:
    """ "they" for a plural pronoun, "it" for a singular one, "description" for a noun."""
    if token.pos_ in ("PRON", "DET"):
        return "they" if token.lower_ in PLURAL_PRONOUN_FORMS else "it"
    return "description"


@dataclass
class Option:
    """One option of a decision: an entity (``group``) or no antecedent (``group`` None)."""

    group: int | None
    features: dict[str, float]
    names: frozenset[str] = frozenset()  # the entity's names, lowercased (for training labels only)


@dataclass
class Decision:
    """One mention the organisation pass decided, with every option it had and the rules' choice."""

    start_char: int
    end_char: int
    mention_class: str
    options: list[Option]
    rule_choice: int | None
    chosen: int | None = None


@dataclass
class CandidateInfo:
    """What the resolver knows of a candidate at the mention: its type, kind and the rules' view of it."""

    label: str  # one of TYPES
    plural: bool = False
    kind_compatible: bool = False
    head_match: bool = False
    kind_unknown: bool = False
    count: int = 0
    names: frozenset[str] = frozenset()


@dataclass
class Ranker:
    """Linear scores over standardised features; the best option wins."""

    features: tuple[str, ...]
    weights: list[float]
    mean: list[float]
    scale: list[float]
    use_for: frozenset[str]
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # w·(x − m)/s summed = Σ (w/s)·x − Σ w·m/s: only the features an option has need reading
        self._coef = {n: w / s for n, w, s in zip(self.features, self.weights, self.scale, strict=True)}
        self._offset = -sum(w * m / s for w, m, s in zip(self.weights, self.mean, self.scale, strict=True))

    def score(self, features: dict[str, float]) -> float:
        coef = self._coef
        # a list, not a generator: the same products summed in the same order, without a frame per feature;
        # the features at 0 (most of the 0/1 ones) left out, as adding a zero product changes no partial sum
        # (but a zero's sign, which no comparison of scores reads)
        return self._offset + sum([coef.get(name, 0.0) * value for name, value in features.items() if value])

    def choose(self, options: list[Option]) -> int | None:
        governing = governing_owner(options)
        if governing is not None:
            return governing
        best = max(options, key=lambda option: self.score(option.features))
        return best.group

    @classmethod
    def from_dict(cls, data: dict) -> Ranker:
        features = tuple(data["features"])
        n = len(features)
        if not (len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == n):
            raise ValueError("mention ranker: weights, mean and scale must have one value per feature")
        unknown = set(features) - set(FEATURES)
        if unknown:
            raise ValueError(f"mention ranker: unknown features {sorted(unknown)}")
        return cls(features=features, weights=[float(w) for w in data["weights"]],
                   mean=[float(m) for m in data["mean"]], scale=[float(s) or 1.0 for s in data["scale"]],
                   use_for=frozenset(data.get("use_for", ())), meta=data.get("meta", {}))

    def to_dict(self) -> dict:
        return {"features": list(self.features), "weights": self.weights, "mean": self.mean,
                "scale": self.scale, "use_for": sorted(self.use_for), "meta": self.meta}


@cache
def _load(path: str) -> Ranker | None:
    file = Path(path)
    if not file.exists():
        return None
    return Ranker.from_dict(json.loads(file.read_text(encoding="utf-8")))


_override: list[Ranker | None] = []
_recording: list[list[Decision]] = []


def active() -> Ranker | None:
    """The ranker in use: one set by ``using``, else the environment's choice, else the shipped weights."""
    if _override:
        return _override[-1]
    setting = os.environ.get(ENV_VAR, "").strip()
    if setting.lower() == "off":
        return None
    return _load(setting or str(WEIGHTS_PATH))


@contextmanager
def using(ranker: Ranker | None) -> Iterator[None]:
    """Run the entity stage with ``ranker`` (None: the rules alone), whatever the environment says."""
    _override.append(ranker)
    try:
        yield
    finally:
        _override.pop()


@contextmanager
def recording() -> Iterator[list[Decision]]:
    """Collect every decision the organisation pass makes while this is open (for training)."""
    decisions: list[Decision] = []
    _recording.append(decisions)
    try:
        yield decisions
    finally:
        _recording.pop()


def wanted() -> bool:
    """True when decisions must be described: a ranker is in use or someone records them."""
    return bool(_recording) or active() is not None


def recording_now() -> bool:
    return bool(_recording)


def record(decision: Decision) -> None:
    if _recording:
        _recording[-1].append(decision)


class DocContext:
    """Per-document facts the features read: paragraphs and each sentence's main subjects."""

    def __init__(self, doc: Doc, sents: list[int]) -> None:
        self.doc = doc
        self.sents = sents
        self._breaks: list[int] | None = None  # tokens that are blank lines, found when first needed
        self.mentions: list[tuple[int, int]] = []  # (token, group), sorted

    @cached_property
    def _arrays(self) -> tuple[list[str], list[str], list[int]]:
        """Every token's dependency, tag and head index, read from the doc's arrays when first needed: the
        features of each candidate read them for tokens weighed again and again, without a Token each time.
        (The stage's shared per-doc lists: the resolvers have most often read them already.)"""
        offsets = self.doc.to_array([HEAD]).astype("int64")  # HEAD is a signed offset to the head
        heads = (offsets + numpy.arange(len(offsets))).tolist()
        return token_strings(self.doc, DEP), token_strings(self.doc, TAG), heads

    @property
    def deps(self) -> list[str]:
        """Each token's ``dep_``."""
        return self._arrays[0]

    @property
    def tags(self) -> list[str]:
        """Each token's ``tag_``."""
        return self._arrays[1]

    @property
    def heads(self) -> list[int]:
        """Each token's ``head.i`` (a root's own index)."""
        return self._arrays[2]

    def add_mentions(self, owners: dict[int, int]) -> None:
        self.mentions = sorted(owners.items())

    def add(self, start: int, end: int, group: int) -> None:
        for k in range(start, end):
            position = bisect_left(self.mentions, (k, -1))
            if position < len(self.mentions) and self.mentions[position][0] == k:
                self.mentions[position] = (k, group)
            else:
                self.mentions.insert(position, (k, group))

    def paragraph(self, i: int) -> int:
        """The paragraph of token ``i``: how many blank lines (whitespace tokens) come before it."""
        if self._breaks is None:
            spaces = self.doc.to_array([IS_SPACE]).nonzero()[0].tolist()  # few: read only those tokens' text
            self._breaks = [k for k in spaces if is_paragraph_break(self.doc[k].text)]
        return bisect_left(self._breaks, i)

    def main_subject(self, i: int) -> bool:
        deps = self.deps
        return deps[i] in NOMINAL_SUBJECT_DEPS and deps[self.heads[i]] == "ROOT"

    def recent(self, i: int) -> dict[int, list[int]]:
        """Each group with a mention token before ``i`` within the window: its tokens, latest first."""
        sent = self.sents[i]
        found: dict[int, list[int]] = {}
        for k in range(bisect_left(self.mentions, (i, -1)) - 1, -1, -1):
            at, group = self.mentions[k]
            if sent - self.sents[at] > CANDIDATE_WINDOW:
                break
            found.setdefault(group, []).append(at)
        return found


def _role(token: Token) -> str:
    return _role_of(token.dep_)


def _role_of(dep: str) -> str:
    """The grammatical role a feature reads of a dependency label (a candidate's read from the arrays)."""
    if dep in NOMINAL_SUBJECT_DEPS:
        return "subject"
    if dep in OBJECT_DEPS:
        return "object"
    if dep == "pobj":
        return "pobj"
    if dep == "poss":
        return "poss"
    return "other"


def options_for(token: Token, start: int, context: DocContext, candidates: dict[int, CandidateInfo],
                rule_choice: int | None, rule_scores: dict[int, float], partners: set[int],
                speakers: set[int], inside: list[bool] | None,
                recent: dict[int, list[int]] | None = None) -> list[Option]:
    """The options of the mention at ``token`` (its phrase starts at ``start``): candidates, then none.

    ``candidates`` are the entities the resolver may link it to (with what it knows of them);
    ``rule_scores`` the rules' score of those they weighed; ``partners`` the groups its own clause rules
    out; ``speakers`` the groups speaking its quotation; ``recent``, when the caller has read it,
    ``context.recent(start)`` (read here otherwise).
    """
    sents = context.sents
    deps, tags, heads = context.deps, context.tags, context.heads
    cls = mention_class(token)
    i = token.i
    sent = sents[i]
    if recent is None:
        recent = context.recent(start)
    in_quote = bool(inside[i]) if inside is not None else False
    role = _role(token)
    plural_mention = cls == "they"
    scale = RULE_SCORE_SCALE[cls]
    groups = [g for g in recent if g in candidates]
    if rule_choice is not None and rule_choice not in groups and rule_choice in candidates:
        groups.append(rule_choice)
    latest = {g: (recent[g][0] if g in recent else None) for g in groups}
    order = sorted(groups, key=lambda g: -(latest[g] if latest[g] is not None else -1))
    top_count = max((candidates[g].count for g in groups), default=0)
    above = _verbs_above(token)
    here = context.paragraph(i)  # the mention's paragraph, read once for all its candidates
    options: list[Option] = []
    description = cls == "description"
    # (the 0/1 features as the constants ``float(test)`` gives, and the mention tests as loops that stop at the
    # first hit, as ``any`` does: this runs for every candidate of every ranked mention)
    for rank, g in enumerate(order):
        info = candidates[g]
        at = latest[g]
        f: dict[str, float] = {f"{cls}_{info.label}": 1.0}
        if at is not None:
            back = sent - sents[at]
            f["same_sentence"] = 1.0 if back == 0 else 0.0
            f["previous_sentence"] = 1.0 if back == 1 else 0.0
            f["sentence_distance"] = math.log1p(back)
            f["token_distance"] = math.log1p(max(i - at, 0))
            crole = _role_of(deps[at])
            f["candidate_subject"] = 1.0 if crole == "subject" else 0.0
            f["candidate_object"] = 1.0 if crole == "object" else 0.0
            f["candidate_pobj"] = 1.0 if crole == "pobj" else 0.0
            f["same_role"] = 1.0 if crole == role and role in ("subject", "object") else 0.0
            f["same_paragraph"] = 1.0 if context.paragraph(at) == here else 0.0
            if inside is not None:
                f["candidate_in_quote"] = float(inside[at])
                f["same_quote_side"] = 1.0 if inside[at] == in_quote else 0.0
        else:
            f["sentence_distance"] = math.log1p(CANDIDATE_WINDOW + 1)
            f["token_distance"] = math.log1p(max(i, 0))
        f["recency_rank"] = math.log1p(rank)
        mentioned = recent.get(g, ())
        previous_subject = 0.0  # a mention that is the main subject of the sentence before (``main_subject``)
        for k in mentioned:
            if sents[k] == sent - 1 and deps[k] in NOMINAL_SUBJECT_DEPS and deps[heads[k]] == "ROOT":
                previous_subject = 1.0
                break
        f["previous_sentence_subject"] = previous_subject
        plural = info.plural or (at is not None and tags[at] in PLURAL_NOUN_TAGS)  # ``plural_phrase``
        f["number_agrees"] = 1.0 if plural == plural_mention else 0.0
        f["plural_pronoun_singular_org"] = 1.0 if plural_mention and not plural and info.label == "ORG" else 0.0
        f["kind_compatible"] = 1.0 if description and info.kind_compatible else 0.0
        f["head_match"] = 1.0 if description and info.head_match else 0.0
        f["kind_unknown"] = 1.0 if description and info.kind_unknown else 0.0
        f["clause_partner"] = 1.0 if g in partners else 0.0
        governing = 0.0  # a mention in this sentence that is the subject of a verb above the mention
        for k in mentioned:
            if sents[k] == sent and deps[k] in NOMINAL_SUBJECT_DEPS and heads[k] in above:
                governing = 1.0
                break
        f["governing_subject"] = governing
        f["mention_count"] = math.log1p(info.count)
        f["most_mentioned"] = 1.0 if info.count == top_count and top_count > 0 else 0.0
        f["quote_speaker"] = 1.0 if g in speakers else 0.0
        chosen = 1.0 if g == rule_choice else 0.0
        f["rule_choice"] = chosen
        f["rule_choice_they"] = chosen * plural_mention
        f["rule_choice_description"] = chosen * description
        if g in rule_scores:
            f["rule_scored"] = 1.0
            f["rule_score"] = rule_scores[g] / scale
        options.append(Option(group=g, features=f, names=info.names))
    null = {"null": 1.0, "null_they": float(plural_mention), "null_description": float(cls == "description"),
            "null_in_quote": float(in_quote), "null_object": float(role in ("object", "pobj")),
            "null_possessive": float(role == "poss"), "rule_choice": float(rule_choice is None),
            "rule_choice_they": float(rule_choice is None and plural_mention),
            "rule_choice_description": float(rule_choice is None and cls == "description")}
    options.append(Option(group=None, features=null))
    return options


def governing_owner(options: list[Option]) -> int | None:
    """The one entity that governs a possessive "its" as the subject of a clause above it, if there is one.

    "The agency, stung by the report, defended its record"; "the paper, echoing its owner, said ...": the
    subject of the clause that holds "its" owns what "its" names, however near another name stands (after a
    preposition, in a list). The learned weights gave the ``governing_subject`` feature no weight (round 11's
    retraining did not carry to every set), so the preference is a rule here, for the singular possessive
    alone, and only when exactly one non-person entity of the right number governs the pronoun.
    """
    null = options[-1]
    if null.group is not None or not null.features.get("null_possessive") \
            or null.features.get("null_they") or null.features.get("null_description"):
        return None
    owners = [o.group for o in options[:-1]
              if o.features.get("governing_subject") and o.features.get("number_agrees")
              and not o.features.get("it_PERSON")]
    return owners[0] if len(owners) == 1 else None


def _verbs_above(token: Token) -> set[int]:
    """The heads above the mention in its sentence: a candidate that is the subject of one of them governs it.

    "Acme has cut its costs", "the firm, hit by losses, said it would ...": the subject whose clause holds
    the pronoun is its likeliest antecedent, nearer names after a preposition notwithstanding. The
    feature (``governing_subject``) leaves the weighing to the learned weights.
    """
    return {head.i for head in token.ancestors}


def candidate_type(label: str, kind: str | None) -> str:
    """The feature type of an entity: its label, "group" for an unnamed group, "other" for the rest."""
    if kind == "group":
        return "group"
    return label if label in TYPES else "other"


def plural_phrase(token: Token) -> bool:
    return token.tag_ in PLURAL_NOUN_TAGS
