"""Compare a record with a hand-made reference record (the format of ``shared/gold/*.json``).

A reference names things by text, not offsets. Matching rules follow the
reference's own notes: names match case-insensitively; an entity matches when
its canonical name or any of its mention texts is one of the reference's
``names``. Each check is reported separately so a failure says exactly what is
missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsgraph.record import Entity, Record, Source


@dataclass
class Check:
    part: str
    name: str
    passed: bool
    detail: str = ""


def _norm(text: str | None) -> str:
    text = (text or "").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _core(text: str | None) -> str:
    """Normalised text without surrounding punctuation or quotation marks."""
    return _norm(text).strip(" .,;:\"'")


def _texts(entity: Entity) -> set[str]:
    return {_norm(entity.name)} | {_norm(m.text) for m in entity.mentions}


class _Resolver:
    """Maps the reference's entity keys to the record's entities and sources."""

    def __init__(self, record: Record, gold: dict[str, Any]) -> None:
        self.record = record
        self.gold_entities = {e["key"]: e for e in gold.get("entities", [])}
        self.entity_of_key: dict[str, Entity | None] = {}
        for key, ref in self.gold_entities.items():
            names = {_norm(n) for n in ref["names"]}
            found = [e for e in record.entities if _texts(e) & names]
            found.sort(key=lambda e: (_norm(e.name) not in names, e.type != ref["type"], -len(e.mentions)))
            self.entity_of_key[key] = found[0] if found else None

    def entity(self, key: str | None) -> Entity | None:
        return self.entity_of_key.get(key) if key else None

    def source_for(self, ref: dict[str, Any]) -> Source | None:
        entity = self.entity(ref.get("entity"))
        if entity is not None:
            linked = [s for s in self.record.sources if s.entity == entity.id]
            if linked:
                return linked[0]
        wanted = {_norm(ref.get("description"))} | {_norm(m) for m in ref.get("mentions", [])}
        best, best_hits = None, 0
        for source in self.record.sources:
            have = {_norm(source.description)} | {_norm(m.text) for m in source.mentions}
            hits = len(have & wanted)
            if hits > best_hits:
                best, best_hits = source, hits
        return best


_DETERMINER = re.compile(r"^(the|a|an) ")


def _mention_found(mention: str, have: set[str]) -> bool:
    """A reference mention is found as written, without its article, or as the name after a title.

    Entity mentions cover the name ("Daily News", "Roe"); the reference may
    write the phrase around it ("The Daily News", "Mayor Roe").
    """
    want = _norm(mention)
    bare = _DETERMINER.sub("", want)
    if want in have or bare in have:
        return True
    return any(want.endswith(" " + h) for h in have if len(h) > 3 and h[0].isalpha())


def _overlaps(a: str, b: str) -> bool:
    a, b = _core(a), _core(b)
    if not a or not b:
        return False
    if a in b or b in a:
        shorter, longer = sorted((a, b), key=len)
        return len(shorter) >= 0.6 * len(longer) or len(shorter) > 40
    return False


def check_meta(record: Record, gold: dict[str, Any]) -> Iterable[Check]:
    meta = gold.get("meta", {})
    if "authors" in meta:
        got = sorted(_norm(a) for a in record.meta.authors)
        yield Check("meta", "authors", got == sorted(_norm(a) for a in meta["authors"]), f"got {record.meta.authors}")
    if "published" in meta:
        got = (record.meta.published or "")[:10]
        yield Check("meta", "published", got == meta["published"], f"got {record.meta.published}")
    if "title" in meta:
        yield Check("meta", "title", _norm(record.meta.title) == _norm(meta["title"]), f"got {record.meta.title!r}")


def check_text(record: Record, gold: dict[str, Any]) -> Iterable[Check]:
    text = _norm(record.text)
    for line in gold.get("boilerplate", []):
        yield Check("text", f"no boilerplate {line!r}", _norm(line) not in text)
    for sentence in gold.get("sentences_intact", []):
        yield Check("text", f"intact: {sentence[:50]}…", _norm(sentence) in text)
    paragraphs = gold.get("paragraphs")
    if paragraphs:
        count = len(record.paragraphs)
        yield Check("text", "paragraph count", paragraphs["min"] <= count <= paragraphs["max"], f"got {count}")
        starts = [_norm(record.text[p.start : p.end]) for p in record.paragraphs]
        for start in paragraphs.get("starts", []):
            yield Check("text", f"paragraph starts {start[:40]!r}", any(s.startswith(_norm(start)) for s in starts))


def check_entities(record: Record, gold: dict[str, Any], resolver: _Resolver) -> Iterable[Check]:
    for key, ref in resolver.gold_entities.items():
        entity = resolver.entity(key)
        yield Check("entities", f"{key} found", entity is not None)
        # A missing entity fails each of its checks too, so the list of checks never changes.
        yield Check("entities", f"{key} type {ref['type']}", entity is not None and entity.type == ref["type"],
                    f"got {entity.type if entity else None}")
        if ref.get("titles"):
            titles = {_norm(t) for t in entity.titles} if entity else set()
            yield Check("entities", f"{key} titles", bool(titles & {_norm(t) for t in ref["titles"]}),
                        f"got {entity.titles if entity else None}")
        mentions = ({_norm(m.text) for m in entity.mentions} | {_norm(entity.name)}) if entity else set()
        for mention in ref.get("mentions", []):
            yield Check("entities", f"{key} mention {mention!r}", _mention_found(mention, mentions))
    for wrong in gold.get("not_entities", []):
        bad = [e for e in record.entities if _norm(wrong["text"]) in _texts(e) and e.type in wrong["wrong_types"]]
        yield Check("entities", f"{wrong['text']!r} not typed {'/'.join(wrong['wrong_types'])}", not bad,
                    ", ".join(f"{e.name}:{e.type}" for e in bad))


def check_times(record: Record, gold: dict[str, Any]) -> Iterable[Check]:
    def key(text: str) -> str:
        return re.sub(r"\W+", "", text.lower())

    for ref in gold.get("times", []):
        want = key(ref["text"])
        found = [t for t in record.times if key(t.text).endswith(want) or (want.endswith(key(t.text))
                                                                            and len(key(t.text)) >= 4)]
        exact = [t for t in found if t.value == ref["value"]]
        if ref.get("role"):
            exact = [t for t in exact if t.role == ref["role"]]
        yield Check("times", f"{ref['text']!r} = {ref['value']}", bool(exact),
                    f"got {[(t.text, t.value) for t in found]}")


def check_sources(record: Record, gold: dict[str, Any], resolver: _Resolver) -> dict[str, Source | None]:
    matched: dict[str, Source | None] = {}
    for ref in gold.get("sources", []):
        matched[ref["key"]] = resolver.source_for(ref)
    return matched


def _source_checks(gold: dict[str, Any], matched: dict[str, Source | None]) -> Iterable[Check]:
    for ref in gold.get("sources", []):
        source = matched[ref["key"]]
        yield Check("sources", f"{ref['key']} found", source is not None)
        # A missing source fails each of its checks too, so the list of checks never changes.
        yield Check("sources", f"{ref['key']} anonymous={ref['anonymous']}",
                    source is not None and source.anonymous == ref["anonymous"])
        for field in ("count", "kind"):
            if field in ref:
                got = getattr(source, field) if source else None
                yield Check("sources", f"{ref['key']} {field}={ref[field]}", source is not None and got == ref[field],
                            f"got {got}")
        for field in ("affiliation", "reason"):
            if field in ref:
                got = _norm(getattr(source, field) if source else None)
                yield Check("sources", f"{ref['key']} {field}", bool(got) and (_norm(ref[field]) in got),
                            f"got {got!r}")
        if ref.get("declined_to_comment"):
            yield Check("sources", f"{ref['key']} declined to comment",
                        source is not None and source.declined_to_comment)
        have = {_norm(m.text) for m in source.mentions} if source else set()
        for mention in ref.get("mentions", []):
            yield Check("sources", f"{ref['key']} mention {mention!r}", _norm(mention) in have)


def check_attributions(record: Record, gold: dict[str, Any], sources: dict[str, Source | None]) -> Iterable[Check]:
    for ref in gold.get("attributions", []):
        want = sources.get(ref["source"])
        found = [a for a in record.attributions if _overlaps(a.content.text, ref["claim"])]
        good = [a for a in found if want is not None and a.source == want.id]
        cue_ok = [a for a in good if a.cue and _norm(ref["cue"]) in _norm(a.cue.text)]
        yield Check("attributions", f"{ref['claim'][:50]}… ← {ref['source']} ({ref['cue']})", bool(cue_ok),
                    f"{len(found)} overlapping, {len(good)} with the right source")
    for ref in gold.get("quotes", []):
        speaker = sources.get(ref["speaker"]) if ref.get("speaker") in sources else None
        found = [a for a in record.attributions if a.quoted and _core(a.content.text) == _core(ref["text"])]
        good = [a for a in found if speaker is not None and a.source == speaker.id
                and (not ref.get("cue") or (a.cue and _norm(ref["cue"]) in _norm(a.cue.text)))]
        yield Check("quotes", f"“{ref['text']}” ← {ref.get('speaker')} ({ref.get('cue')})", bool(good),
                    f"{len(found)} with that text")


def check_events(record: Record, gold: dict[str, Any], resolver: _Resolver) -> Iterable[Check]:
    for ref in gold.get("events", []):
        actor = resolver.entity(ref.get("actor"))
        target = resolver.entity(ref.get("target"))
        found = [v for v in record.events if actor is not None and v.actor == actor.id
                 and _norm(v.predicate) == _norm(ref["predicate"])]
        if target is not None:
            found = [v for v in found if v.target == target.id]
        if ref.get("what"):
            found = [v for v in found if _norm(ref["what"]) in _norm(f"{v.object_text} {v.target_text}")]
        if "negated" in ref:
            found = [v for v in found if v.negated == ref["negated"]]
        label = f"{ref['actor']} {ref['predicate']} {ref.get('target') or ref.get('what') or ''}".strip()
        yield Check("events", label, bool(found))
        if "date" in ref:
            yield Check("events", f"{label} dated {ref['date']}", any(v.date == ref["date"] for v in found),
                        f"got {[v.date for v in found]}")
    for ref in gold.get("relations", []):
        a, b = resolver.entity(ref["a"]), resolver.entity(ref["b"])
        ids = {a.id if a else None, b.id if b else None}
        found = [r for r in record.relations if {r.a, r.b} == ids and r.polarity == ref["polarity"]
                 and _overlaps(r.text.text, ref["text"])]
        yield Check("relations", f"{ref['a']}–{ref['b']} {ref['polarity']}", bool(found))


def compare(record: Record, gold: dict[str, Any]) -> list[Check]:
    """Every check of the record against the reference, in the reference's order."""
    resolver = _Resolver(record, gold)
    sources = check_sources(record, gold, resolver)
    checks: list[Check] = []
    checks += check_meta(record, gold)
    checks += check_text(record, gold)
    checks += check_entities(record, gold, resolver)
    checks += check_times(record, gold)
    checks += _source_checks(gold, sources)
    checks += check_attributions(record, gold, sources)
    checks += check_events(record, gold, resolver)
    return checks


def summary(checks: list[Check]) -> dict[str, tuple[int, int]]:
    """Passed and total checks per part."""
    out: dict[str, tuple[int, int]] = {}
    for check in checks:
        passed, total = out.get(check.part, (0, 0))
        out[check.part] = (passed + check.passed, total + 1)
    return out
