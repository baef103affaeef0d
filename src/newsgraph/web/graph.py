"""What the graph page draws: an entity's network laid out as server-side SVG (no script, nothing fetched).

The entity sits in the middle; its neighbours on two rings around it (alternately,
so neighbouring labels do not collide), stated edges first, in the order
``store.graph.entity_graph`` ranks them. Several edges between the entity and
one neighbour are drawn as curves bent apart. Colours and dashes say the kind:
relations by polarity, events with an arrow from actor to target, co-mentions
dashed and pale (being named together is the weakest evidence), and a
neighbour reached by co-mention only is drawn pale too. The same edges are
listed in a table under the picture.
"""

from __future__ import annotations

import math
import sqlite3
from typing import Any

from newsgraph.store.graph import EDGE_KINDS, EntityGraph, GraphEdge
from newsgraph.store.labels import with_labels
from newsgraph.web.views import SHORT_ID, entity_url

#: The drawing's size (SVG user units; the page scales it to its width).
WIDTH, HEIGHT = 1000, 760
#: Radii of the two rings the neighbours sit on.
RINGS = (230, 330)
#: How far apart (user units) parallel edges between the same two nodes bend.
EDGE_BEND = 28
#: Colour of each relation polarity; event and co-mention edges have one colour each.
POLARITY_COLOURS = {"positive": "#2e8b57", "negative": "#c0392b", "neutral": "#2456a6"}
EVENT_COLOUR = "#8e44ad"
CO_MENTION_COLOUR = "#8a94a6"
#: What the legend and the table call each kind.
KIND_NAMES = {"relation": "stated relation", "event": "event (actor → target)", "co_mention": "co-mention"}


def graph_url(ref: int) -> str:
    """The graph page of a corpus entity (by ``#id``)."""
    return entity_url(ref) + "/graph"


def edge_colour(edge: GraphEdge) -> str:
    if edge.kind == "relation":
        return POLARITY_COLOURS.get(edge.polarity or "", POLARITY_COLOURS["neutral"])
    return EVENT_COLOUR if edge.kind == "event" else CO_MENTION_COLOUR


def _width(weight: int) -> float:
    return round(min(8.0, 1.2 + 1.3 * math.log2(max(1, weight))), 2)


def _radius(articles: int, centre: bool = False) -> float:
    return round(min(26.0, 6 + 2.2 * math.log2(1 + max(0, articles))) + (6 if centre else 0), 1)


def _article_labels(conn: sqlite3.Connection, ids: set[str]) -> dict[str, str]:
    """Article id → the label lists use (headline, else first sentence, else file name)."""
    if not ids:
        return {}
    import json

    import pandas as pd

    rows = conn.execute("SELECT id, title, coalesce(path, url) AS origin FROM articles "
                        "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(ids)),)).fetchall()
    df = with_labels(conn, pd.DataFrame(rows, columns=["id", "title", "origin"]))
    return dict(zip(df["id"], df["label"], strict=True))


def layout(graph: EntityGraph) -> dict[str, Any]:
    """Positions of the nodes and the SVG path of each edge (plain data for the template)."""
    cx, cy = WIDTH / 2, HEIGHT / 2
    centre = graph.nodes[0]
    stated = {e.source for e in graph.edges if e.kind != "co_mention"} | {
        e.target for e in graph.edges if e.kind != "co_mention"}
    around = graph.nodes[1:]
    nodes = [{"id": centre.id, "name": centre.name, "type": centre.type or "", "articles": centre.articles,
              "mentions": centre.mentions, "x": cx, "y": cy, "r": _radius(centre.articles, True),
              "centre": True, "doubtful": False, "anchor": "middle", "lx": cx, "ly": cy + _radius(0, True) + 22,
              "url": entity_url(centre.id)}]
    place: dict[int, tuple[float, float]] = {centre.id: (cx, cy)}
    radius: dict[int, float] = {centre.id: nodes[0]["r"]}
    for i, node in enumerate(around):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(around))
        ring = RINGS[i % 2] if len(around) > 12 else RINGS[0]
        x, y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)
        r = _radius(node.articles)
        right = math.cos(angle) >= 0.001
        left = math.cos(angle) <= -0.001
        nodes.append({
            "id": node.id, "name": node.name, "type": node.type or "", "articles": node.articles,
            "mentions": node.mentions, "x": round(x, 1), "y": round(y, 1), "r": r, "centre": False,
            "doubtful": node.id not in stated,
            "anchor": "start" if right else "end" if left else "middle",
            "lx": round(x + (r + 4) * (1 if right else -1 if left else 0), 1),
            "ly": round(y + (4 if right or left else (r + 14) * (1 if math.sin(angle) > 0 else -1)), 1),
            "url": graph_url(node.id)})
        place[node.id] = (x, y)
        radius[node.id] = r
    paths = []
    between: dict[frozenset[int], list[GraphEdge]] = {}
    for edge in graph.edges:
        between.setdefault(frozenset((edge.source, edge.target)), []).append(edge)
    for group in between.values():
        for k, edge in enumerate(group):
            (x1, y1), (x2, y2) = place[edge.source], place[edge.target]
            bend = (k - (len(group) - 1) / 2) * EDGE_BEND
            # Bend the same way whichever end is the source, so parallel edges never cross.
            sign = 1 if edge.source < edge.target else -1
            length = math.hypot(x2 - x1, y2 - y1) or 1
            nx_, ny_ = -(y2 - y1) / length * bend * sign, (x2 - x1) / length * bend * sign
            qx, qy = (x1 + x2) / 2 + nx_, (y1 + y2) / 2 + ny_
            # End on the target's rim, so an event's arrow head shows.
            to_q = math.hypot(qx - x2, qy - y2) or 1
            gap = radius[edge.target] + 2
            x2, y2 = x2 + (qx - x2) / to_q * gap, y2 + (qy - y2) / to_q * gap
            paths.append({"d": f"M{x1:.1f},{y1:.1f} Q{qx:.1f},{qy:.1f} {x2:.1f},{y2:.1f}", "kind": edge.kind,
                          "polarity": edge.polarity or "", "colour": edge_colour(edge), "width": _width(edge.weight),
                          "weight": edge.weight, "source": edge.source, "target": edge.target})
    return {"width": WIDTH, "height": HEIGHT, "nodes": nodes, "paths": paths}


def graph_context(conn: sqlite3.Connection, graph: EntityGraph) -> dict[str, Any]:
    """Everything ``graph.html`` shows: the drawing, the legend and the table of edges."""
    names = {n.id: n.name for n in graph.nodes}
    labels = _article_labels(conn, {a for e in graph.edges for a in e.articles})
    stated = {e.target if e.source == graph.entity.id else e.source for e in graph.edges if e.kind != "co_mention"}
    order = {kind: i for i, kind in enumerate(EDGE_KINDS)}
    rows = []
    for edge in sorted(graph.edges, key=lambda e: (order[e.kind], -e.weight, e.source, e.target)):
        other = edge.target if edge.source == graph.entity.id else edge.source
        rows.append({
            "other": other, "other_name": names.get(other, f"#{other}"), "other_url": graph_url(other),
            "kind": edge.kind, "kind_name": KIND_NAMES[edge.kind], "polarity": edge.polarity or "",
            "direction": ("" if edge.kind == "co_mention" else
                          f"{names.get(edge.source)} → {names.get(edge.target)}"),
            "weight": edge.weight, "label": edge.label or "", "colour": edge_colour(edge),
            "doubtful": other not in stated,
            "articles": [{"id": a, "short": a[:SHORT_ID], "label": labels.get(a, a[:SHORT_ID])} for a in edge.articles],
            "more": max(0, edge.article_count - len(edge.articles)), "article_count": edge.article_count,
        })
    legend = [{"name": f"relation, {p}", "colour": c, "dash": "", "arrow": False}
              for p, c in POLARITY_COLOURS.items()]
    legend.append({"name": KIND_NAMES["event"], "colour": EVENT_COLOUR, "dash": "", "arrow": True})
    legend.append({"name": "co-mention (named in the same articles; weakest evidence)", "colour": CO_MENTION_COLOUR,
                   "dash": "6 4", "arrow": False})
    return {"g": graph.to_dict(), "drawing": layout(graph), "rows": rows, "legend": legend,
            "colours": {"event": EVENT_COLOUR, "co_mention": CO_MENTION_COLOUR}}
