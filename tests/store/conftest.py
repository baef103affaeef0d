"""Fixtures for the store tests: hand-built records (no model) and small text articles."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.record import (
    Attribution,
    Entity,
    Event,
    Generator,
    Mention,
    Meta,
    Offsets,
    Record,
    Source,
    SourceInfo,
    TextSpan,
)
from newsgraph.store import Store

#: Small articles with people, places and a quote each, for ingest tests through the real model.
ARTICLES = {
    "council.txt": "The city council of Springfield voted on Monday to expand the public library. "
                   "Mayor Jane Roe said the vote was \"a win for every reader in town.\"\n",
    "bridge.txt": "Engineers in Portland closed the Morrison Bridge on Tuesday after cracks were found. "
                  "Transportation director Alan Pike said repairs would take two weeks.\n",
    "school.txt": "Teachers in Denver went on strike on Wednesday over pay. "
                  "Union president Maria Gomez told reporters the strike would continue until a deal is reached.\n",
    "budget.txt": "Governor Tom Hale signed the state budget on Thursday in Sacramento. "
                  "Critics in the legislature said the plan cut too deeply into health programs.\n",
    "river.txt": "Heavy rain flooded the Green River valley on Friday, forcing hundreds to leave their homes. "
                 "Jane Roe, the mayor, opened the town hall as a shelter.\n",
    "market.txt": "Shares of Acme Corp fell sharply in New York on Monday after the company cut its forecast. "
                  "Chief executive Paul Stone said demand had slowed in Europe.\n",
}


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


EntitySpec = tuple[str, str, list[str]]  # name, type, mention texts (found in the text in order)


def _spans(text: str, piece: str, start: int = 0) -> tuple[int, int]:
    found = text.index(piece, start)
    return found, found + len(piece)


def build_record(
    text: str,
    entities: list[EntitySpec] = (),
    *,
    published: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    authors: list[str] | None = None,
    titles: dict[str, list[str]] | None = None,
    quotes: list[tuple[str, str, str, bool]] = (),
    events: list[tuple[str, str, str | None, str | None]] = (),
    version: str = "0.1.0",
) -> Record:
    """A record built by hand, so store tests do not depend on the extractors.

    ``quotes``: (source entity name or an anonymous description, cue text, content text, anonymous);
    ``events``: (actor entity name, predicate, target entity name or None, date or None), each in the
    sentence that holds the predicate.
    """
    ents: list[Entity] = []
    for i, (name, etype, mentions) in enumerate(entities, 1):
        spans, cursor = [], 0
        for piece in mentions:
            start, end = _spans(text, piece, cursor)
            spans.append(Mention(start=start, end=end, text=piece))
            cursor = end
        ents.append(Entity(id=f"e{i}", name=name, type=etype, mentions=spans,
                           titles=(titles or {}).get(name, [])))
    by_name = {e.name: e for e in ents}
    sources: list[Source] = []
    attributions: list[Attribution] = []
    for i, (who, cue, content, anonymous) in enumerate(quotes, 1):
        entity = by_name.get(who)
        sources.append(Source(id=f"s{i}", entity=entity.id if entity else None, description=who,
                              kind="anonymous" if anonymous else "person", anonymous=anonymous))
        cs, ce = _spans(text, cue)
        ks, ke = _spans(text, content)
        attributions.append(Attribution(id=f"a{i}", source=f"s{i}", cue=TextSpan(start=cs, end=ce, text=cue),
                                        content=TextSpan(start=ks, end=ke, text=content), kind="direct",
                                        quoted=True))
    evs: list[Event] = []
    for i, (actor, predicate, target, date) in enumerate(events, 1):
        ps, _ = _spans(text, predicate)
        sent_start = text.rfind(". ", 0, ps)
        sent_start = 0 if sent_start < 0 else sent_start + 2
        sent_end = text.find(".", ps) + 1 or len(text)
        evs.append(Event(id=f"v{i}", actor=by_name[actor].id, actor_text=actor, predicate=predicate,
                         target=by_name[target].id if target else None, target_text=target, date=date,
                         source=sources[0].id if sources else None,
                         sentence=Offsets(start=sent_start, end=sent_end)))
    return Record(
        id=hashlib.sha256(text.encode()).hexdigest(),
        source=SourceInfo(path=f"{hashlib.md5(text.encode()).hexdigest()[:8]}.txt", format="text"),
        meta=Meta(title=title, published=published, outlet=outlet, authors=authors or []),
        text=text, entities=ents, sources=sources, attributions=attributions, events=evs,
        generator=Generator(newsgraph=version, model="test-model"),
    )


@pytest.fixture
def make_record() -> Callable[..., Record]:
    return build_record


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "news.db") as opened:
        yield opened


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "articles")
