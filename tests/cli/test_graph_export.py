"""``newsgraph export --format graphml|gexf``: the corpus graph, read back by networkx."""

from __future__ import annotations

import hashlib
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.record import Entity, Event, Generator, Mention, Meta, Offsets, Record, Relation, SourceInfo, TextSpan
from newsgraph.store import Store

runner = CliRunner()


def record(text: str, names: list[tuple[str, str]], *, event: tuple[str, str, str] | None = None,
           relation: tuple[str, str, str, str] | None = None) -> Record:
    """An invented article naming ``names`` (name, type), with an event (actor, predicate, target) or a relation."""
    entities = []
    for i, (name, etype) in enumerate(names, 1):
        start = text.index(name)
        entities.append(Entity(id=f"e{i}", name=name, type=etype,
                               mentions=[Mention(start=start, end=start + len(name), text=name)]))
    ids = {e.name: e.id for e in entities}
    events, relations = [], []
    if event:
        actor, predicate, target = event
        events.append(Event(id="v1", actor=ids[actor], actor_text=actor, predicate=predicate, target=ids[target],
                            target_text=target, sentence=Offsets(start=0, end=len(text))))
    if relation:
        a, b, polarity, piece = relation
        start = text.index(piece)
        relations.append(Relation(a=ids[a], b=ids[b], polarity=polarity,
                                  text=TextSpan(start=start, end=start + len(piece), text=piece)))
    return Record(id=hashlib.sha256(text.encode()).hexdigest(), source=SourceInfo(path="x.txt", format="text"),
                  meta=Meta(), text=text, entities=entities, events=events, relations=relations,
                  generator=Generator(newsgraph="0.1.0", model="hand-built"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.add(record("Jane Roe thanked Alan Pike in Denver.", [("Jane Roe", "PERSON"), ("Alan Pike", "PERSON"),
                                                                   ("Denver", "GPE")],
                         event=("Jane Roe", "thanked", "Alan Pike")))
        store.add(record("Alan Pike, a rival of Jane Roe, left Acme Corp.",
                         [("Alan Pike", "PERSON"), ("Jane Roe", "PERSON"), ("Acme Corp", "ORG")],
                         relation=("Alan Pike", "Jane Roe", "negative", "Alan Pike, a rival of Jane Roe")))
    return path


def ids(db: Path) -> dict[str, str]:
    with Store(db, readonly=True) as store:
        return {name: str(cid) for cid, name in store.execute("SELECT id, name FROM corpus_entities")}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_graph_reads_back_with_its_nodes_and_edges(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"news.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    who = ids(db)
    assert set(g.nodes) == set(who.values())
    roe, pike = who["Jane Roe"], who["Alan Pike"]
    assert g.nodes[roe]["name"] == "Jane Roe" and g.nodes[roe]["type"] == "PERSON"
    assert int(g.nodes[roe]["articles"]) == 2 and int(g.nodes[roe]["mentions"]) == 2
    edges = {(a, b, d["kind"], d["polarity"]): d for a, b, d in g.edges(data=True)}
    low, high = sorted((roe, pike), key=int)
    co = edges[(low, high, "co_mention", "")]
    assert float(co["weight"]) == 2 and int(co["article_count"]) == 2 and len(co["articles"].split()) == 2
    assert edges[(roe, pike, "event", "")]["label"] == "thanked"
    rivalry = edges[(pike, roe, "relation", "negative")]
    with Store(db, readonly=True) as store:
        assert rivalry["articles"].split() == [r[0] for r in store.execute(
            "SELECT article_id FROM relations")]
    kinds = sorted(d["kind"] for _, _, d in g.edges(data=True))
    # Roe–Pike, Roe–Denver, Pike–Denver, Roe–Acme, Pike–Acme; one event; one relation.
    assert kinds == ["co_mention"] * 5 + ["event", "relation"]


def test_bounds_by_weight_and_type(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "heavy.graphml"
    result = runner.invoke(app, ["export", "--format", "graphml", "--out", str(out), "--db", str(db),
                                 "--min-weight", "2", "--types", "PERSON"])
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out)
    who = ids(db)
    assert set(g.nodes) == {who["Jane Roe"], who["Alan Pike"]}
    assert [d["kind"] for _, _, d in g.edges(data=True)] == ["co_mention"]


def test_misuse_is_refused(db: Path, tmp_path: Path) -> None:
    no_file = runner.invoke(app, ["export", "--format", "gexf", "--db", str(db)])
    assert no_file.exit_code == 2 and "OUT" in no_file.output
    wrong = runner.invoke(app, ["export", "--format", "jsonl", "--min-weight", "2", "--db", str(db)])
    assert wrong.exit_code == 2 and "--min-weight" in wrong.output
    table = runner.invoke(app, ["export", "--format", "graphml", str(tmp_path / "g.graphml"), "--table", "entities",
                                "--db", str(db)])
    assert table.exit_code == 2
