"""Charts of the corpus pages, drawn on the server as inline SVG (pygal), each with its figures as a table.

pygal renders the SVG in Python, so a page carries its chart and loads nothing:
its tooltip script (which pygal fetches from a CDN by default) is switched off
(``js=[]``), and no font or style sheet is linked. Each chart comes with a
sentence saying what it counts and a small table of the same figures (the text
alternative a screen reader or a copy-paste uses); where nothing has a date the
sentence says so and no chart is drawn. The figures are the store's
(``queries.articles_by_month``, ``entity_by_month``, ``sourcing_breakdown``),
which ``/api/charts/...`` returns as JSON.
"""

from __future__ import annotations

import json
import numbers
import re
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, get_args

import pygal
from fastapi import FastAPI, HTTPException
from markupsafe import Markup, escape
from pygal.style import Style

from newsgraph.record import SourceKind
from newsgraph.store import Store, queries
from newsgraph.store.queries import MonthlyCounts, SourcingBreakdown

#: A span of more months than this is drawn by year (the table and the API keep the months).
MAX_MONTH_BARS = 120
#: Size of the SVG's coordinate system (it scales to the page's width).
WIDTH, HEIGHT = 900, 300
#: Colours of the series, in order (the article page's palette).
COLOURS = ("#2456a6", "#d98a25", "#3f9b46", "#9b2c1f", "#7d4bc2", "#5d6677", "#1f8a8a", "#b8860b")
STYLE_OPTIONS: dict[str, Any] = dict(
    background="transparent", plot_background="#ffffff", foreground="#1d2330", foreground_strong="#1d2330",
    foreground_subtle="#dde2ea", colors=COLOURS, font_family="system-ui, sans-serif",
    label_font_size=11, major_label_font_size=11, legend_font_size=12, title_font_size=14,
)
STYLE = Style(**STYLE_OPTIONS)
#: The source kinds in the order the sourcing chart stacks them (anonymous first), each with a colour of
#: its own, so a kind has the same colour on every page whichever kinds the filtered articles have (drawn
#: in order, an outlet without ``document`` sources gave ``unknown`` another kind's colour).
KIND_ORDER = ("anonymous", *sorted({*get_args(SourceKind), "unknown"} - {"anonymous"}))
KIND_COLOURS = {kind: COLOURS[i % len(COLOURS)] for i, kind in enumerate(KIND_ORDER)}


#: What an SVG inside an HTML page does without: pygal's comments (links to its site) and the namespace
#: declarations (the HTML parser puts ``<svg>`` in the SVG namespace), so the page names no other host.
RE_SVG_CLUTTER = re.compile(r'<!--.*?-->| xmlns(?::xlink)?="http://www\.w3\.org/[^"]*"', re.S)


def _cell(value: Any) -> str:
    """A figures table cell as the template wrote it: ``{:,}`` for a number (a bool too), else escaped text."""
    return f"{value:,}" if isinstance(value, numbers.Number) else str(escape(value))


@dataclass
class Chart:
    """One chart as a page shows it: the SVG (``None`` when there is nothing to draw) and its text alternative."""

    key: str
    title: str
    #: What the chart counts, or why there is no chart (one or two sentences).
    note: str
    svg: Markup | None = None
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The chart's accessible name: its title and what it counts."""
        return f"{self.title}. {self.note}"

    @cached_property
    def table(self) -> Markup:
        """The rows of the figures table (``<tr>``… of ``_charts.html``), built once per chart.

        Charts are kept by the counts they draw (``_kept``), so a page whose counts have not changed reuses
        this too: through the template, the sourcing charts' 240 months took 20-50 ms of each ``/sources``
        request at 100,000 articles. Numbers are shown with thousands separators, text escaped.
        """
        cells = ("".join(f"<td>{_cell(v)}</td>" for v in row) for row in self.rows)
        return Markup("".join(f"<tr>{c}</tr>" for c in cells))


def _config(**options: Any) -> dict[str, Any]:
    return {"js": [], "disable_xml_declaration": True, "style": STYLE, "width": WIDTH, "height": HEIGHT,
            "show_y_guides": True, "x_label_rotation": 0, "truncate_legend": 40, "truncate_label": -1,
            "print_values": False, "allow_interruptions": True,
            "legend_at_bottom": True, **options}


def _svg(chart: Any, key: str) -> Markup:
    """The chart's SVG without any script, ready to put in a page (pygal escapes every label it writes).

    pygal writes its configuration into a ``<script>`` for its tooltip code even
    when that code is not loaded; the element is dropped, so the page runs no script.
    pygal names the chart's element (and its style rules) by a random UUID; the
    chart's key replaces it, so a page is the same on every load and shows no
    hash-like id.
    """
    tree = chart.render_tree()
    random_id = str(tree.get("id", "")).removeprefix("chart-")
    for parent in list(tree.iter()):  # lxml or the standard library's ElementTree, whichever pygal uses
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    svg = pygal.etree.etree.tostring(tree, encoding="unicode")
    svg = RE_SVG_CLUTTER.sub("", svg.replace(random_id, key) if random_id else svg)
    return Markup(svg)


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _bins(counts: MonthlyCounts, columns: list[str]) -> tuple[list[str], dict[str, list[float]], str]:
    """The x labels, each column's values and the unit ("month" or "year"), empty months and years as 0."""
    found = {row["month"]: row for row in queries.records_of(counts.rows)}
    months = _months_between(min(found), max(found))
    if len(months) <= MAX_MONTH_BARS:
        return months, {c: [found[m][c] if m in found else 0 for m in months] for c in columns}, "month"
    years = sorted({m[:4] for m in months})
    by_year = {c: {y: 0 for y in years} for c in columns}
    for month, row in found.items():
        for c in columns:
            by_year[c][month[:4]] += row[c]
    return years, {c: [by_year[c][y] for y in years] for c in columns}, "year"


def _labels(config: dict[str, Any], labels: list[str], values: list[float] | None = None) -> None:
    """About a dozen x labels, whatever the number of bars; whole numbers on a count axis with a small top."""
    step = max(1, len(labels) // 12)
    config.update(x_labels=labels, x_labels_major=labels[::step], show_minor_x_labels=False)
    top = max((v for v in values or [] if v is not None), default=None)
    if top is not None and top < 10:
        config["y_labels"] = list(range(0, int(top) + 2))


def _span(labels: list[str]) -> str:
    return f"in {labels[0]}" if len(labels) == 1 else f"{labels[0]} to {labels[-1]}"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def articles_chart(counts: MonthlyCounts) -> Chart:
    """The corpus's articles per month of publication (a bar chart)."""
    undated = counts.unplaced.get("articles", 0)
    chart = Chart("articles-by-month", "Articles per month", "")
    if not counts.dated:
        chart.note = (f"No stored article has a month of publication ({_plural(undated, 'article')} without one), "
                      "so there is nothing to draw over time.")
        return chart
    labels, values, unit = _bins(counts, ["articles"])
    chart.title = f"Articles per {unit}"
    config = _config(show_legend=False)
    _labels(config, labels, values["articles"])
    bars = pygal.Bar(**config)
    bars.add("articles", values["articles"])
    chart.svg = _svg(bars, chart.key)
    chart.note = (f"Stored articles by {unit} of publication, {_span(labels)}"
                  + (f"; {_plural(undated, 'article')} without a month of publication not shown." if undated else "."))
    chart.columns = ["month", "articles"]
    chart.rows = [[r["month"], r["articles"]] for r in queries.records_of(counts.rows)]
    return chart


def entity_chart(name: str, counts: MonthlyCounts) -> Chart:
    """An entity's mentions and events per month of publication (two lines)."""
    chart = Chart("entity-by-month", f"{name} over time", "")
    if not counts.dated:
        chart.note = (f"None of the articles that mention {name} has a month of publication, "
                      "so there is nothing to draw over time.")
        return chart
    labels, values, unit = _bins(counts, ["mentions", "events"])
    config = _config(show_dots=len(labels) <= 36, fill=False)
    _labels(config, labels, values["mentions"] + values["events"])
    lines = pygal.Line(**config)
    lines.add("mentions", values["mentions"])
    lines.add("events (actor or target)", values["events"])
    chart.svg = _svg(lines, chart.key)
    missing = counts.unplaced
    chart.note = (f"Mentions of {name}, and the events it is the actor or target of, by {unit} its articles were "
                  f"published, {_span(labels)}"
                  + (f"; from articles without a month: {_plural(missing['mentions'], 'mention')}, "
                     f"{_plural(missing['events'], 'event')}." if missing.get("mentions") else "."))
    chart.columns = ["month", "mentions", "events"]
    chart.rows = [[r["month"], r["mentions"], r["events"]] for r in queries.records_of(counts.rows)]
    return chart


def sourcing_kind_chart(breakdown: SourcingBreakdown) -> Chart:
    """How each outlet's attributions split by source kind (stacked horizontal bars of shares, one per outlet).

    Shares, not counts, so a small outlet's bar is as readable as a large one's;
    the table gives the counts.
    """
    rows = queries.records_of(breakdown.by_outlet)
    chart = Chart("sourcing-by-outlet", "Sourcing by kind per outlet", "")
    if not rows:
        chart.note = "No attribution in these articles, so there is nothing to draw."
        return chart
    outlets = list(dict.fromkeys(r["outlet"] or "no outlet" for r in rows))
    kinds = sorted({r["kind"] for r in rows}, key=lambda k: (k not in KIND_ORDER, KIND_ORDER.index(k)
                                                             if k in KIND_ORDER else 0, k))
    counts = {(r["outlet"] or "no outlet", r["kind"]): r["attributions"] for r in rows}
    totals = {o: sum(n for (out, _), n in counts.items() if out == o) for o in outlets}
    style = Style(**{**STYLE_OPTIONS, "colors": tuple(KIND_COLOURS.get(k, COLOURS[5]) for k in kinds)})
    config = _config(height=max(180, 90 + 26 * len(outlets)), x_labels=outlets, range=(0, 100),
                     value_formatter=lambda v: f"{v:.1f} %", style=style)
    bars = pygal.HorizontalStackedBar(**config)
    for kind in kinds:
        bars.add(kind, [round(100 * counts.get((o, kind), 0) / totals[o], 1) for o in outlets])
    chart.svg = _svg(bars, chart.key)
    chart.note = (f"Share of each outlet's attributions by the kind of their source, in % "
                  f"({_plural(len(outlets), 'outlet')}, most attributions first; beyond {queries.CHART_OUTLETS}, "
                  f"summed as “{queries.OTHER_OUTLETS}”). The table gives the counts.")
    chart.columns = ["outlet", "kind", "attributions"]
    chart.rows = [[r["outlet"] or "no outlet", r["kind"], r["attributions"]] for r in rows]
    return chart


def anonymous_share_chart(breakdown: SourcingBreakdown) -> Chart:
    """The share of attributions to anonymous sources per month of publication (a line, in %)."""
    counts = breakdown.by_month
    chart = Chart("anonymous-share-by-month", "Anonymous sourcing over time", "")
    if not counts.dated:
        chart.note = ("No attribution is in an article with a month of publication "
                      f"({_plural(counts.unplaced.get('attributions', 0), 'attribution')} without one), "
                      "so there is nothing to draw over time.")
        return chart
    labels, values, unit = _bins(counts, ["attributions", "anonymous"])
    share = [round(100 * a / n, 1) if n else None for a, n in zip(values["anonymous"], values["attributions"],
                                                                   strict=True)]
    config = _config(show_legend=False, show_dots=len(labels) <= 36, range=(0, 100), value_formatter=lambda v:
                     f"{v:g} %")
    _labels(config, labels)
    line = pygal.Line(**config)
    line.add("anonymous share (%)", share)
    chart.svg = _svg(line, chart.key)
    chart.note = (f"Share of the attributions whose source is anonymous, by {unit} of publication, "
                  f"{_span(labels)} (a gap: no attribution that {unit}).")
    chart.columns = ["month", "attributions", "anonymous", "anonymous share"]
    chart.rows = [[r["month"], r["attributions"], r["anonymous"], f"{100 * r['anonymous_share']:.1f} %"]
                  for r in queries.records_of(counts.rows)]
    return chart


# --- the charts of each page, and their JSON ------------------------------------------------


def home_charts(store: Store) -> list[Chart]:
    return [articles_chart(queries.articles_by_month(store.conn))]


def entity_charts(store: Store, name: str) -> list[Chart]:
    """The chart of an entity's page, drawn again only when its counts change (see ``sourcing_charts``)."""
    ref, counts = queries.entity_by_month(store.conn, name)
    return _kept({"entity": ref.name, **counts.to_dict()}, lambda: [entity_chart(ref.name, counts)])


#: Charts drawn, by the counts they drew (``_kept``); at most ``DRAWN_KEPT``, the oldest dropped first.
_DRAWN: dict[str, list[Chart]] = {}
_DRAWN_LOCK = threading.Lock()
DRAWN_KEPT = 64


def _kept(counts: dict[str, Any], draw: Callable[[], list[Chart]]) -> list[Chart]:
    """The charts ``draw`` makes of ``counts``, drawn once per distinct counts.

    A chart is a function of its counts, so a page whose counts equal those of a
    page drawn before reuses its pictures; new counts (an ingest, another filter,
    another entity) draw new ones.
    """
    key = json.dumps(counts, sort_keys=True, default=str)
    drawn = _DRAWN.get(key)
    if drawn is None:
        drawn = draw()
        with _DRAWN_LOCK:  # requests run in threads
            while len(_DRAWN) >= DRAWN_KEPT:
                _DRAWN.pop(next(iter(_DRAWN)))
            _DRAWN[key] = drawn
    return drawn


def sourcing_charts(store: Store, outlet: str | None, author: str | None) -> list[Chart]:
    """The two charts of ``/sources``, drawn again only when the counts they draw change (``_kept``).

    Drawing them (pygal) took about 100 ms of the page's 150 at 100,000 articles,
    the counts (what ``/api/charts/sourcing`` returns) 25-40 ms; only the rows they are summed from are
    read when the charts are kept.
    """
    rows = queries.sourcing_breakdown_rows(store.conn, outlet=outlet, author=author)

    def draw() -> list[Chart]:
        breakdown = queries.breakdown_of(rows)
        return [sourcing_kind_chart(breakdown), anonymous_share_chart(breakdown)]

    # Kept by the rows summed, not the breakdown made of them (building it and its JSON: 20-40 ms a page).
    return _kept({"sourcing": True, "rows": rows}, draw)


def add_routes(app: FastAPI, store: Callable[[], AbstractContextManager[Store]],
               answers: Callable[..., dict[int | str, dict[str, Any]]]) -> None:
    """The JSON of each chart under ``/api/charts/`` (the counts the pages draw)."""

    @app.get("/api/charts/articles", tags=["api"], responses=answers(503),
             summary="Stored articles per month of publication (the home page's chart)")
    def api_articles_chart() -> dict[str, Any]:
        with store() as s:
            return queries.articles_by_month(s.conn).to_dict()

    @app.get("/api/charts/entity", tags=["api"], responses=answers(400, 404, 503),
             summary="An entity's mentions and events per month of publication (its page's chart)")
    def api_entity_chart(entity: str) -> dict[str, Any]:
        with store() as s:
            if not entity.strip() or not s.find_entities(entity, 1):
                raise HTTPException(404, f"no entity matches {entity!r}")
            ref, counts = queries.entity_by_month(s.conn, entity)
        return {"entity": ref.__dict__, **counts.to_dict()}

    @app.get("/api/charts/sourcing", tags=["api"], responses=answers(400, 503),
             summary="Attributions by source kind per outlet, and per month with the anonymous share")
    def api_sourcing_chart(outlet: str | None = None, author: str | None = None) -> dict[str, Any]:
        with store() as s:
            return queries.sourcing_breakdown(s.conn, outlet=outlet or None, author=author or None).to_dict()

