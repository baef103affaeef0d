"""The article record, schema ``newsgraph.record/1``, defined once.

Every surface of newsgraph (CLI, Python API, store, exports) carries these
models. Offsets are character offsets into ``Record.text``, end exclusive;
``raw_spans`` maps them back to the raw input so any extracted item can be shown
where it stood in the original file. Parts that are not extracted stay empty
lists: the record never carries made-up values.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA = "newsgraph.record/1"

# The closed vocabularies of the record. Each is defined here once (the record module
# imports no spaCy, so the store, exports and web app can use it) and the stages
# producing them are tested against it (tests/test_record.py).

#: The OntoNotes labels the entities stage keeps (``extract.entities`` ``ENTITY_LABELS``).
EntityType = Literal[
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"
]
MentionKind = Literal["name", "nominal", "pronoun"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
#: TIMEX3 ``mod`` values (TimeML 1.2.1).
TimeMod = Literal[
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
    "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
]
#: A time's part in the article: only the publication date written in a byline has one.
TimeRole = Literal["publication"]
#: Where ``Meta.published`` came from: the caller, the input's metadata, or the article text.
PublishedFrom = Literal["given", "metadata", "text"]
#: Why cleaning took a piece out (``newsgraph.clean``).
RemovedReason = Literal["markup", "title", "byline", "dateline", "signoff", "credit", "boilerplate"]
#: ``unstated``: reporting that names no reporter at all ("reportedly", "is said to", "according to reports").
SourceKind = Literal["person", "organization", "media", "document", "social", "anonymous", "unstated"]
#: Who a source is, from the article's own words (``extract.attribution.roles``): government and agency
#: titles (official), legislators, party figures and candidates (politician), spokespeople, experts
#: (professors, analysts, economists, researchers, doctors), business, lawyers and judges (legal), police
#: and military (security), journalists (media), advocacy (activist), and people speaking for themselves
#: (ordinary: residents, witnesses, voters, parents).
SourceRole = Literal[
    "official", "politician", "spokesperson", "expert", "business", "legal", "security", "media", "activist",
    "ordinary",
]
#: A source's gender as the article gives it (``extract.attribution.gender``); never guessed from a name.
Gender = Literal["female", "male"]
#: What kind of words gave a gender: a pronoun resolved to the source, an honorific ("Ms", "Sir"), a
#: gendered title ("chairwoman", "actress"), a kinship word ("mother", "son") or a plain noun ("woman").
GenderCue = Literal["pronoun", "honorific", "title", "kinship", "noun"]
AttributionKind = Literal["direct", "indirect", "mixed", "according_to"]
Modality = Literal["asserted", "reported", "hypothetical", "future", "uncertain"]
#: How an event's date was tied to it (``extract.events.dates``).
DateReason = Literal["clause", "sentence", "context"]
#: The 16 PLOVER event types (the ``type`` column of ``extract/events/data/plover_*.tsv``).
PloverCode = Literal[
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST", "REJECT",
    "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
]
#: The PLOVER modes the dictionaries give (the ``mode`` column of ``extract/events/data/plover_*.tsv``).
PloverMode = Literal[
    "abduct", "allege", "arrest", "assassinate", "asylum", "ban", "beat", "boycott", "ceasefire", "censor",
    "cleansing", "curfew", "demo", "deport", "disapprove", "disarm", "discontinue", "ease", "expel", "explosives",
    "firearms", "heavy-weapons", "host", "intelligence", "investigate", "martial-law", "massacre", "obstruct",
    "phone", "police", "relations", "release", "restrict", "return", "riot", "seize", "sexual", "torture",
    "troops", "veto", "visit", "withdraw",
]
Polarity = Literal["positive", "negative", "neutral"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Offsets(_Model):
    """A stretch of ``Record.text``."""

    start: int
    end: int


class TextSpan(Offsets):
    """A stretch of ``Record.text`` with its text, so a reader needs no slicing."""

    text: str


class SourceInfo(_Model):
    """Where the record came from; ``error`` is set when the input could not be read."""

    id: str | None = None
    path: str | None = None
    line: int | None = Field(default=None, description="line (JSONL) or row (CSV) of the input in its file")
    url: str | None = None
    format: str | None = None
    error: str | None = None

    @property
    def where(self) -> str:
        """How messages name the input: ``path``, ``path:line``, the id, or ``<text>``."""
        base = self.path or (f"id {self.id}" if self.id else "<text>")
        return f"{base}:{self.line}" if self.line else base


class Meta(_Model):
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = None
    published_from: PublishedFrom | None = Field(
        default=None,
        description="where the publication date came from: given|metadata|text",
    )
    outlet: str | None = None
    dateline: str | None = None
    language: str = "en"


class Paragraph(Offsets):
    pass


class RawSpan(_Model):
    """``text[start:end]`` is ``raw[raw_start:raw_end]`` up to whitespace repair."""

    start: int
    end: int
    raw_start: int
    raw_end: int


class Removed(_Model):
    """A piece of the raw input that cleaning took out, and why."""

    text: str
    reason: RemovedReason
    raw_start: int | None = None
    raw_end: int | None = None


class Mention(TextSpan):
    kind: MentionKind = "name"


class Entity(_Model):
    id: str
    name: str
    type: EntityType
    titles: list[str] = Field(default_factory=list)
    salience: float = 0.0
    mentions: list[Mention] = Field(default_factory=list)


class TimeExpression(TextSpan):
    id: str
    type: TimeType
    value: str | None = None
    mod: TimeMod | None = None
    anchored: bool = Field(
        default=True,
        description="false when a relative expression could not be resolved for want of an anchor",
    )
    role: TimeRole | None = Field(default=None, description="'publication' for the publication date in a byline")
    raw_start: int | None = Field(
        default=None,
        description="for a time outside the clean text (a byline date): where it is in the raw input;"
        " start and end are then 0",
    )
    raw_end: int | None = None


class SourceMention(TextSpan):
    pass


class GenderEvidence(TextSpan):
    """Words of the article that give a source's gender, and the gender they give."""

    gender: Gender
    cue: GenderCue


class Source(_Model):
    id: str
    entity: str | None = None
    description: str
    kind: SourceKind
    anonymous: bool = False
    count: int | None = None
    affiliation: str | None = None
    reason: str | None = None
    declined_to_comment: bool = False
    mentions: list[SourceMention] = Field(default_factory=list)
    role: SourceRole | None = Field(
        default=None, description="who the source is, from the article's words: official|politician|..."
    )
    role_evidence: list[TextSpan] = Field(
        default_factory=list, description="the words that decided the role (a title, a descriptor, an organisation)"
    )
    gender: Gender | None = Field(
        default=None,
        description="female|male from the article's own evidence; null without evidence or when it conflicts",
    )
    gender_evidence: list[GenderEvidence] = Field(
        default_factory=list,
        description="the words that give a gender; both genders listed (and gender null) when they conflict",
    )
    handle: str | None = Field(
        default=None, description="a social source's account, as its post's signature gives it ('@jdoe')"
    )


class Attribution(_Model):
    id: str
    source: str | None
    cue: TextSpan | None
    content: TextSpan
    kind: AttributionKind
    quoted: bool = False


class Event(_Model):
    id: str
    actor: str | None = None
    actor_text: str | None = None
    predicate: str
    target: str | None = None
    target_text: str | None = None
    object_text: str | None = None
    negated: bool = False
    modality: Modality = "asserted"
    time: str | None = None
    date: str | None = None
    date_reason: DateReason | None = Field(
        default=None, description="why the event has this date: clause|sentence|context"
    )
    source: str | None = None
    code: PloverCode | None = None
    mode: PloverMode | None = None
    cameo: str | None = None
    sentence: Offsets
    predicate_text: str | None = Field(
        default=None, description="the predicate as written ('became prime minister'); predicate is its lemma"
    )
    trigger: Offsets | None = Field(default=None, description="the predicate's words, phrasal particle included")
    actor_span: Offsets | None = None
    target_span: Offsets | None = None
    object_span: Offsets | None = None
    actor_code: str | None = Field(default=None, description="Phoenix/CAMEO actor code: country plus role (ISRMIL)")
    target_code: str | None = None
    salience: float = Field(default=0.0, description="0-1: how much the article is about this event")
    main: bool = Field(default=False, description="one of the 5-12 events a reader would list")


class Relation(_Model):
    a: str
    b: str
    polarity: Polarity
    text: TextSpan
    date: str | None = None


class Sourcing(_Model):
    attributions: int = 0
    by_kind: dict[str, int] = Field(default_factory=dict)
    anonymous_share: float = 0.0
    named_sources: int = 0


class Generator(_Model):
    """What made the record, so a store can rebuild records made by older versions."""

    newsgraph: str
    model: str | None = None
    pipeline: str | None = Field(
        default=None,
        description="fingerprint of the code and data of the stages that made the record; it changes with them",
    )


#: The stages that can give up on part of a document (see ``newsgraph.extract.failures``).
WarningStage = Literal["entities", "time", "attribution", "events"]


class StageWarning(_Model):
    """A stage skipped part of the document (a sentence, a step) because of an error."""

    stage: WarningStage
    message: str


class Record(_Model):
    schema_: str = Field(default=SCHEMA, alias="schema")
    id: str
    source: SourceInfo = Field(default_factory=SourceInfo)
    meta: Meta = Field(default_factory=Meta)
    text: str = ""
    paragraphs: list[Paragraph] = Field(default_factory=list)
    raw_spans: list[RawSpan] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    sourcing: Sourcing = Field(default_factory=Sourcing)
    warnings: list[StageWarning] = Field(default_factory=list)
    generator: Generator | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _ids_point_at_parts(self) -> Record:
        """Every id a part gives (an event's actor, an attribution's source, ...) names a part of this record.

        A dangling id would send a query or a page to nothing; it is a bug in
        whatever made the record, so it fails here, naming the part and the id.
        """
        problems = list(dangling_ids(self))
        if problems:
            raise ValueError("ids that point at nothing: " + "; ".join(problems))
        return self

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, *, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Record:
        return cls.model_validate_json(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls.model_validate(data)


def claim_parts(attributions: list[Attribution]) -> dict[str, str]:
    """Each attribution that is part of another claim → the id of that claim.

    A quoted fragment inside a paraphrase of the same source ("said the council
    should build a 'far wider bridge'") is kept as an attribution of its own (it
    is a quote), but it is part of the paraphrase's claim: counts of attributions
    count the claim once. The widest holder wins; an attribution with the very
    same span is no part of the other. This is the one definition the sourcing
    profile and the store's counts use.
    """
    parts: dict[str, str] = {}
    for a in attributions:
        holders = [
            b for b in attributions
            if b is not a and b.source == a.source
            and b.content.start <= a.content.start and a.content.end <= b.content.end
            and (b.content.start, b.content.end) != (a.content.start, a.content.end)
        ]
        if holders:
            parts[a.id] = max(holders, key=lambda b: b.content.end - b.content.start).id
    return parts


def dangling_ids(record: Record) -> list[str]:
    """``"events[0] (e1).actor 'e9' is no entity id"`` for each reference that names no part of ``record``."""
    entities = {e.id for e in record.entities}
    times = {t.id for t in record.times}
    sources = {s.id for s in record.sources}
    kinds = {"entity": entities, "time": times, "source": sources}
    problems: list[str] = []

    def check(where: str, field: str, value: str | None, kind: str) -> None:
        if value is not None and value not in kinds[kind]:
            problems.append(f"{where}.{field} {value!r} is no {kind} id")

    for i, source in enumerate(record.sources):
        check(f"sources[{i}] ({source.id})", "entity", source.entity, "entity")
    for i, attribution in enumerate(record.attributions):
        check(f"attributions[{i}] ({attribution.id})", "source", attribution.source, "source")
    for i, event in enumerate(record.events):
        where = f"events[{i}] ({event.id})"
        check(where, "actor", event.actor, "entity")
        check(where, "target", event.target, "entity")
        check(where, "time", event.time, "time")
        check(where, "source", event.source, "source")
    for i, relation in enumerate(record.relations):
        check(f"relations[{i}]", "a", relation.a, "entity")
        check(f"relations[{i}]", "b", relation.b, "entity")
    return problems


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the record, as ``newsgraph schema`` prints it."""
    schema = Record.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA
    schema["title"] = "newsgraph article record"
    return schema


def schema_json(indent: int = 2) -> str:
    return json.dumps(json_schema(), indent=indent)
