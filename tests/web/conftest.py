"""A small store shared by the web tests (built once per session).

Three articles go through the real pipeline (``reader`` fixture, ``Store.ingest``);
one more record is built by hand so quotes, an anonymous source and overlapping
spans are on the pages whatever the attribution stage finds in the others.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.extract.attribution.profile import sourcing_profile
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
    TimeExpression,
)
from newsgraph.store import Store
from newsgraph.web import create_app

#: Short articles with people, organisations, places, dates and events (JSONL objects).
ARTICLES = [
    {"title": "Springfield council expands library", "published": "2021-03-02", "authors": ["Ann Writer"],
     "text": "The city council of Springfield voted on Monday to expand the public library. "
             "Mayor Jane Roe said the vote was \"a win for every reader in town.\" "
             "\"We listened to the families of Springfield,\" Roe said.\n"},
    {"title": "Flood forces evacuations", "published": "2021-04-10",
     "text": "Heavy rain flooded the Green River valley on Friday, forcing hundreds to leave their homes. "
             "Jane Roe, the mayor, opened the town hall as a shelter.\n"},
    {"title": "Acme shares fall", "published": "2021-05-04",
     "text": "Shares of Acme Corp fell sharply in New York on Monday after the company cut its forecast. "
             "Chief executive Paul Stone said demand had slowed in Europe.\n"},
]

#: A hand-built record: a quote holding a name (overlap), HTML-like characters, an anonymous source.
QUOTED_TEXT = (
    "Mayor Jane Roe said: \"Springfield & its <library> will open again on June 1.\" "
    "A city official, who spoke on condition of anonymity because the talks are private, "
    "said Jane Roe met the governor on Tuesday."
)


def _span(text: str, piece: str, start: int = 0) -> tuple[int, int]:
    found = text.index(piece, start)
    return found, found + len(piece)


def quoted_record() -> Record:
    """A record with named and anonymous attributions, times and an event, all by real offsets."""
    text = QUOTED_TEXT

    def ts(piece: str, start: int = 0) -> TextSpan:
        s, e = _span(text, piece, start)
        return TextSpan(start=s, end=e, text=piece)

    roe1, roe2 = ts("Jane Roe"), ts("Jane Roe", 20)
    spring = ts("Springfield")
    quote = ts("Springfield & its <library> will open again on June 1.")
    june = ts("June 1")
    tuesday = ts("Tuesday")
    second = _span(text, "A city official")[0]
    record = Record(
        id=hashlib.sha256(text.encode()).hexdigest(),
        source=SourceInfo(path="quoted.txt", format="text"),
        meta=Meta(title="Library to reopen, mayor says", published="2021-05-20", outlet="Springfield Ledger",
                  authors=["Sam Reporter"]),
        text=text,
        entities=[
            Entity(id="e1", name="Jane Roe", type="PERSON", titles=["Mayor"], salience=0.9,
                   mentions=[Mention(start=roe1.start, end=roe1.end, text=roe1.text),
                             Mention(start=roe2.start, end=roe2.end, text=roe2.text)]),
            Entity(id="e2", name="Springfield", type="GPE", salience=0.4,
                   mentions=[Mention(start=spring.start, end=spring.end, text=spring.text)]),
        ],
        times=[TimeExpression(id="t1", start=june.start, end=june.end, text=june.text, type="DATE", value="2021-06-01"),
               TimeExpression(id="t2", start=tuesday.start, end=tuesday.end, text=tuesday.text, type="DATE",
                              value="2021-05-18")],
        sources=[
            Source(id="s1", entity="e1", description="Jane Roe", kind="person"),
            Source(id="s2", description="A city official", kind="anonymous", anonymous=True, count=1,
                   affiliation="city", reason="the talks are private"),
        ],
        attributions=[
            Attribution(id="a1", source="s1", cue=ts("said"), content=quote, kind="direct", quoted=True),
            Attribution(id="a2", source="s2", cue=ts("said", second),
                        content=ts("Jane Roe met the governor on Tuesday"), kind="indirect"),
        ],
        events=[Event(id="v1", actor="e1", actor_text="Jane Roe", predicate="meet", target_text="the governor",
                      date="2021-05-18", date_reason="clause", source="s2",
                      sentence=Offsets(start=second, end=len(text)))],
        generator=Generator(newsgraph="0.1.0", model="hand-built"),
    )
    record.sourcing = sourcing_profile(record.sources, record.attributions)  # as the pipeline does
    return record


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def quoted() -> Record:
    return quoted_record()


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, reader) -> Path:
    """Path of a store holding ``ARTICLES`` read by the real pipeline, plus ``quoted_record()``."""
    root = tmp_path_factory.mktemp("web")
    db = root / "news.db"
    with Store(db) as store:
        report = store.ingest([str(write_articles(root / "articles"))], reader)
        assert store.count() == len(ARTICLES), report
        assert store.add(quoted_record())
    return db


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    """The app over the session store, started once per test module (lifespan included)."""
    with TestClient(create_app(web_db)) as test_client:
        yield test_client
