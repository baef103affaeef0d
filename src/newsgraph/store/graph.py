"""The entity graph: an entity's neighbours by co-mention, stated relation and event; the corpus graph.

Three kinds of edge join two corpus entities:

``co_mention``
    both are named in the same articles; weight = the number of such articles
    (read from ``co_mentions``, which triggers keep, migration 0008). Being named
    together says nothing about how two entities are related, so pages draw these
    edges lighter: they are the doubtful kind.
``relation``
    a standing relation the event stage read from one sentence ("X, an ally of
    Y"), with its polarity; weight = the number of such relations, one edge per
    polarity. Stored from ``a`` to ``b`` as the record has them.
``event``
    a clause event whose actor is one and whose target is the other; weight = the
    number of events, directed from actor to target, with the most frequent
    predicates as the edge's label.

Every edge carries a bounded sample of its articles' ids (``EDGE_ARTICLES``)
and their number, so each can be checked against the evidence. An entity's
graph keeps, for each kind, the ``NEIGHBOURS`` heaviest neighbours (a neighbour
kept for one kind shows its edges of the other kinds too). The store never
imports networkx: ``export_graph`` (in ``newsgraph.store.export``) builds the
file from ``corpus_graph``'s nodes and edges.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store import entities as ents
from newsgraph.store.queries import MAX_ROW_ID, QueryRejected, check_name, find_entities

#: Neighbours of each kind an entity's graph keeps (the heaviest).
NEIGHBOURS = 25
#: The most neighbours of each kind a caller may ask for.
MAX_NEIGHBOURS = 100
#: Article ids an edge carries (the count says how many there are in all).
EDGE_ARTICLES = 5
#: Edge kinds, in the order pages list them.
EDGE_KINDS = ("relation", "event", "co_mention")
#: Predicates an event edge names as its label.
EDGE_PREDICATES = 3


@dataclass
class GraphNode:
    """A corpus entity of a graph, with how often the store names it."""

    id: int
    name: str
    type: str | None
    articles: int
    #: Mentions over all its articles (``None`` in an entity's graph, which does not count them).
    mentions: int | None = None


@dataclass
class GraphEdge:
    """An edge between two corpus entities (``source`` → ``target``; direction matters for events only)."""

    source: int
    target: int
    kind: str
    weight: int
    polarity: str | None = None
    label: str | None = None
    articles: list[str] = field(default_factory=list)
    article_count: int = 0


@dataclass
class EntityGraph:
    """One entity's network: the entity, its kept neighbours, and the edges between it and them."""

    entity: ents.EntityRef
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    #: Neighbours kept per kind (the bound the graph was built with).
    limit: int
    #: How many neighbours of each kind the entity has in all (before the bound).
    neighbours: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity.__dict__, "limit": self.limit, "neighbours": self.neighbours,
                "nodes": [asdict(n) for n in self.nodes], "edges": [asdict(e) for e in self.edges]}


# --- one entity -------------------------------------------------------------------------

#: The stated edges (``stated_edges``, migration 0008) of one kind touching one corpus entity (``?1``),
#: counted by the other entity, direction (1: leaving ``?1``) and label (predicate or polarity).
_STATED_SQL = """
    SELECT b, 1, label, count(*) FROM stated_edges WHERE a = ?1 AND kind = ?2 AND b IS NOT NULL AND b != ?1
    GROUP BY b, label
    UNION ALL
    SELECT a, 0, label, count(*) FROM stated_edges WHERE b = ?1 AND kind = ?2 AND a IS NOT NULL AND a != ?1
    GROUP BY a, label
"""


@dataclass
class _Tally:
    """One stated edge while it is counted: its weight, how often each predicate occurs (events) and,
    when counted row by row (``corpus_graph``), its articles."""

    weight: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)

    def label(self) -> str | None:
        """The ``EDGE_PREDICATES`` most frequent predicates, ties in alphabetical order (the same on every run)."""
        ranked = sorted(self.labels.items(), key=lambda item: (-item[1], item[0]))[:EDGE_PREDICATES]
        return ", ".join(p for p, _ in ranked) or None

    def add(self, article_id: str, label: str | None = None) -> None:
        self.weight += 1
        self.articles.add(article_id)
        if label:
            self.labels[label] += 1


def _stated_edges(conn: sqlite3.Connection, cid: int, kind: str) -> dict[tuple[int, bool, str], _Tally]:
    """(neighbour, outgoing, polarity or "") → tally, for the relations or events of ``cid``.

    Counted in SQL over the covering indexes, so Python sees one row per
    neighbour and label, not one per event.
    """
    tallies: dict[tuple[int, bool, str], _Tally] = {}
    for other, outgoing, label, n in conn.execute(_STATED_SQL, (cid, kind)):
        key = (int(other), bool(outgoing), (label or "") if kind == "relation" else "")
        tally = tallies.setdefault(key, _Tally())
        tally.weight += int(n)
        if kind == "event" and label:
            tally.labels[label] += int(n)
    return tallies


def _stated_articles(conn: sqlite3.Connection, kind: str, source: int, target: int, polarity: str,
                     limit: int = EDGE_ARTICLES) -> tuple[list[str], int]:
    """The first ``limit`` articles (by id) of one stated edge, and how many articles it has in all."""
    where = "a = ? AND kind = ? AND b = ?" + (" AND label = ?" if kind == "relation" else "")
    params = (source, kind, target, *((polarity,) if kind == "relation" else ()))
    sample = [r[0] for r in conn.execute(
        f"SELECT DISTINCT article_id FROM stated_edges WHERE {where} ORDER BY article_id LIMIT ?", (*params, limit))]
    total = conn.execute(f"SELECT count(DISTINCT article_id) FROM stated_edges WHERE {where}", params).fetchone()[0]
    return sample, int(total)


def _heaviest(weights: dict[int, int], limit: int) -> list[int]:
    return [n for n, _ in sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:limit]]


def shared_articles(conn: sqlite3.Connection, a: int, b: int, limit: int = EDGE_ARTICLES) -> list[str]:
    """The first ``limit`` articles (by id) that name both corpus entities.

    Walks ``b``'s articles in id order (``entities_corpus``) and keeps those
    where ``a`` has a row (``entities_article_corpus``): for a heavy co-mention
    edge the first few turn up at once.
    """
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT y.article_id FROM entities y WHERE y.corpus_entity_id = ?2 AND EXISTS "
        "(SELECT 1 FROM entities x WHERE x.article_id = y.article_id AND x.corpus_entity_id = ?1) "
        "ORDER BY y.article_id LIMIT ?3", (a, b, limit))]


def _nodes(conn: sqlite3.Connection, ids: list[int]) -> dict[int, GraphNode]:
    """The nodes of ``ids``, each with its number of articles (the diagonal of ``co_mentions``: one lookup).

    Mentions are not counted here (that reads every entity row of the node);
    ``corpus_graph`` counts them for the whole store in one pass.
    """
    found = conn.execute(
        "SELECT c.id, c.name, c.type, coalesce(m.n, 0) FROM corpus_entities c "
        "LEFT JOIN co_mentions m ON m.a = c.id AND m.b = c.id WHERE c.id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),))
    return {int(r[0]): GraphNode(int(r[0]), r[1], r[2], int(r[3]), None) for r in found}


class EntityNotFound(StoreError):
    """No corpus entity matches the name or id a graph was asked for (the web app answers 404)."""


def resolve(conn: sqlite3.Connection, name: str) -> ents.EntityRef:
    """The corpus entity ``name`` means (``#12``, ``12`` or a name: the best match), else ``EntityNotFound``.

    An id is looked up with its number of articles from the diagonal of
    ``co_mentions`` (the graph's links use ids), not counted from its rows.
    """
    if not name.strip():
        raise EntityNotFound("no entity named ''")
    check_name(name)
    match = ents.RE_ENTITY_ID.match(name.strip())
    if match:
        row = None
        if int(match.group(1)) <= MAX_ROW_ID:
            row = conn.execute(
                "SELECT c.id, c.name, c.type, coalesce(m.n, 0) FROM corpus_entities c "
                "LEFT JOIN co_mentions m ON m.a = c.id AND m.b = c.id WHERE c.id = ?",
                (int(match.group(1)),)).fetchone()
        if row is None:
            raise EntityNotFound(f"no entity matches {name!r}")
        return ents.EntityRef(int(row[0]), row[1], row[2], int(row[3]))
    found = find_entities(conn, name, 1)
    if not found:
        raise EntityNotFound(f"no entity matches {name!r}")
    return found[0]


def entity_graph(conn: sqlite3.Connection, name: str, *, limit: int = NEIGHBOURS) -> EntityGraph:
    """The network of the entity ``name``: its heaviest neighbours of each kind and every edge to them.

    ``limit`` neighbours per kind (at most ``MAX_NEIGHBOURS``). Co-mention
    neighbours come from one range of ``co_mentions``, relation and event edges
    from two ranges of ``stated_edges`` (one per end), so the cost grows with the
    entity's neighbours and stated edges, not with its articles or the store.
    """
    if not 1 <= limit <= MAX_NEIGHBOURS:
        raise QueryRejected(f"a graph keeps 1 to {MAX_NEIGHBOURS} neighbours of each kind, not {limit}")
    ref = resolve(conn, name)
    cid = ref.id
    co = {int(b): int(n) for b, n in conn.execute("SELECT b, n FROM co_mentions WHERE a = ?1 AND b != ?1", (cid,))}
    relations = _stated_edges(conn, cid, "relation")
    events = _stated_edges(conn, cid, "event")

    def per_neighbour(tallies: dict[tuple[int, bool, str], _Tally]) -> dict[int, int]:
        out: dict[int, int] = {}
        for (other, _, _), tally in tallies.items():
            out[other] = out.get(other, 0) + tally.weight
        return out

    by_kind = {"relation": per_neighbour(relations), "event": per_neighbour(events), "co_mention": co}
    kept: list[int] = []
    for kind in EDGE_KINDS:
        kept += [n for n in _heaviest(by_kind[kind], limit) if n not in kept]
    chosen = set(kept)
    edges: list[GraphEdge] = []
    for kind, tallies in (("relation", relations), ("event", events)):
        for (other, outgoing, polarity), tally in sorted(tallies.items(), key=lambda t: (-t[1].weight, t[0])):
            if other not in chosen:
                continue
            label = tally.label()
            source, target = (cid, other) if outgoing else (other, cid)
            sample, total = _stated_articles(conn, kind, source, target, polarity)
            edges.append(GraphEdge(source, target, kind, tally.weight, polarity=polarity or None, label=label,
                                   articles=sample, article_count=total))
    for other in sorted((n for n in kept if n in co), key=lambda n: (-co[n], n)):
        edges.append(GraphEdge(cid, other, "co_mention", co[other], articles=shared_articles(conn, cid, other),
                               article_count=co[other]))
    nodes = _nodes(conn, [cid, *kept])
    centre = nodes.get(cid) or GraphNode(cid, ref.name, ref.type, ref.articles, None)
    return EntityGraph(
        entity=ref, nodes=[centre, *(nodes[n] for n in kept if n in nodes)],
        edges=[e for e in edges if e.source in nodes and e.target in nodes], limit=limit,
        neighbours={kind: len(by_kind[kind]) for kind in EDGE_KINDS})


# --- the whole corpus -------------------------------------------------------------------


@dataclass
class CorpusGraph:
    """Every corpus entity in use (of the chosen types) and the edges between them."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]


def _corpus_nodes(conn: sqlite3.Connection, types: set[str] | None) -> dict[int, GraphNode]:
    rows = conn.execute("""
        SELECT c.id, c.name, c.type, count(DISTINCT e.article_id), coalesce(sum(e.n_mentions), 0)
        FROM entities e INDEXED BY entities_corpus_name JOIN corpus_entities c ON c.id = e.corpus_entity_id
        GROUP BY e.corpus_entity_id""")
    return {int(r[0]): GraphNode(int(r[0]), r[1], r[2], int(r[3]), int(r[4])) for r in rows
            if types is None or r[2] in types}


def _stated_corpus_edges(conn: sqlite3.Connection, kind: str) -> Iterator[tuple[int, int, str, str, str | None]]:
    """(source, target, article, polarity or "", predicate) of every relation or event between two entities."""
    rows = conn.execute("SELECT a, b, article_id, label FROM stated_edges WHERE kind = ?", (kind,))
    for a, b, article, label in rows:
        if a is not None and b is not None and a != b:
            if kind == "relation":
                yield int(a), int(b), article, label or "", None
            else:
                yield int(a), int(b), article, "", label


def _co_mention_articles(conn: sqlite3.Connection, pairs: set[tuple[int, int]], limit: int) -> dict[tuple[int, int],
                                                                                                     list[str]]:
    """The first ``limit`` article ids (by id) of each co-mention pair in ``pairs`` (``a < b``), in one pass."""
    out: dict[tuple[int, int], list[str]] = {pair: [] for pair in pairs}
    full: set[tuple[int, int]] = set()
    current: str | None = None
    members: list[int] = []

    def close() -> None:
        ordered = sorted(set(members))
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                got = out.get((a, b))
                if got is not None and (a, b) not in full:
                    got.append(current or "")
                    if len(got) >= limit:
                        full.add((a, b))

    for article, cid in conn.execute("SELECT article_id, corpus_entity_id FROM entities INDEXED BY "
                                     "entities_article_corpus WHERE corpus_entity_id IS NOT NULL "
                                     "ORDER BY article_id"):
        if article != current:
            if members:
                close()
            current, members = article, []
            if len(full) == len(out):
                break
        members.append(int(cid))
    if members and len(full) < len(out):
        close()
    return out


def corpus_graph(conn: sqlite3.Connection, *, min_weight: int = 1, types: Iterable[str] | None = None,
                 articles: int = EDGE_ARTICLES) -> CorpusGraph:
    """The graph of the whole store: entities as nodes, co-mention, relation and event edges.

    ``min_weight``: edges lighter than this are left out (of every kind);
    ``types``: only entities of these types (and the edges between them);
    ``articles``: article ids each edge carries (its ``article_count`` is exact).
    A co-mention edge joins each pair once (``source`` the lower id).
    """
    if min_weight < 1:
        raise QueryRejected(f"min_weight must be at least 1, not {min_weight}")
    chosen = set(types) if types is not None else None
    nodes = _corpus_nodes(conn, chosen)
    edges: list[GraphEdge] = []
    for kind in ("relation", "event"):
        tallies: dict[tuple[int, int, str], _Tally] = {}
        for a, b, article, polarity, predicate in _stated_corpus_edges(conn, kind):
            if a in nodes and b in nodes:
                tallies.setdefault((a, b, polarity), _Tally()).add(article, predicate)
        for (a, b, polarity), tally in sorted(tallies.items()):
            if tally.weight >= min_weight:
                label = tally.label()
                edges.append(GraphEdge(a, b, kind, tally.weight, polarity=polarity or None, label=label,
                                       articles=sorted(tally.articles)[:articles],
                                       article_count=len(tally.articles)))
    co = [(int(a), int(b), int(n)) for a, b, n in conn.execute(
        "SELECT a, b, n FROM co_mentions WHERE a < b AND n >= ? ORDER BY a, b", (min_weight,))
        if int(a) in nodes and int(b) in nodes]
    samples = _co_mention_articles(conn, {(a, b) for a, b, _ in co}, articles) if co and articles else {}
    edges += [GraphEdge(a, b, "co_mention", n, articles=samples.get((a, b), []), article_count=n) for a, b, n in co]
    return CorpusGraph(nodes=sorted(nodes.values(), key=lambda n: n.id), edges=edges)


# --- upkeep -----------------------------------------------------------------------------


def counted_co_mentions(conn: sqlite3.Connection) -> dict[tuple[int, int], int]:
    """What ``co_mentions`` should hold, counted from the entity rows (slow on a big store: for ``check``)."""
    rows = conn.execute("""
        SELECT x.corpus_entity_id, y.corpus_entity_id, count(*)
        FROM (SELECT DISTINCT article_id, corpus_entity_id FROM entities WHERE corpus_entity_id IS NOT NULL) x
        JOIN (SELECT DISTINCT article_id, corpus_entity_id FROM entities WHERE corpus_entity_id IS NOT NULL) y
            ON y.article_id = x.article_id
        GROUP BY x.corpus_entity_id, y.corpus_entity_id""")
    return {(int(a), int(b)): int(n) for a, b, n in rows}


def stored_co_mentions(conn: sqlite3.Connection) -> dict[tuple[int, int], int]:
    """The ``co_mentions`` rows: (a, b) → shared articles."""
    return {(int(a), int(b)): int(n) for a, b, n in conn.execute("SELECT a, b, n FROM co_mentions")}


#: Every event and relation between two article entities, with their corpus entities, from the tables themselves.
_COUNTED_STATED_SQL = """
    SELECT v.article_id, 'event', v.id, ea.corpus_entity_id, eb.corpus_entity_id, v.predicate FROM events v
    LEFT JOIN entities ea ON ea.article_id = v.article_id AND ea.id = v.actor
    LEFT JOIN entities eb ON eb.article_id = v.article_id AND eb.id = v.target
    WHERE v.actor IS NOT NULL AND v.target IS NOT NULL
    UNION ALL
    SELECT r.article_id, 'relation', CAST(r.position AS TEXT), ea.corpus_entity_id, eb.corpus_entity_id, r.polarity
    FROM relations r
    LEFT JOIN entities ea ON ea.article_id = r.article_id AND ea.id = r.a
    LEFT JOIN entities eb ON eb.article_id = r.article_id AND eb.id = r.b
    WHERE r.a IS NOT NULL AND r.b IS NOT NULL
"""


def counted_stated_edges(conn: sqlite3.Connection) -> set[tuple]:
    """What ``stated_edges`` should hold (article, kind, part, a, b, label), joined from the tables (for ``check``)."""
    return set(conn.execute(_COUNTED_STATED_SQL))


def stored_stated_edges(conn: sqlite3.Connection) -> set[tuple]:
    """The ``stated_edges`` rows as (article, kind, part, a, b, label)."""
    return set(conn.execute("SELECT article_id, kind, part, a, b, label FROM stated_edges"))
