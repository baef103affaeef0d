"""The readable view of a record: metadata, then one table per extracted kind."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from newsgraph.record import Record


def _clip(text: str | None, width: int = 70) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_record(console: Console, record: Record, *, all_events: bool = False) -> None:
    meta = record.meta
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("source", record.source.path or record.source.id or record.source.url or "<text>")
    head.add_row("title", meta.title or "—")
    head.add_row("authors", ", ".join(meta.authors) or "—")
    published = meta.published or "—"
    if meta.published_from:
        published += f" (from {meta.published_from})"
    head.add_row("published", published)
    head.add_row("outlet", meta.outlet or "—")
    head.add_row("dateline", meta.dateline or "—")
    head.add_row("paragraphs", str(len(record.paragraphs)))
    head.add_row("words", str(len(record.text.split())))
    head.add_row("removed", ", ".join(f"{r.reason}: {_clip(r.text, 30)}" for r in record.removed) or "—")
    console.print(head)

    names = {e.id: e.name for e in record.entities}
    sources = {s.id: s.description for s in record.sources}

    def table(title: str, columns: list[str], rows: list[list[str]]) -> None:
        if not rows:
            console.print(f"[dim]{title}: none[/]")
            return
        t = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=False)
        for column in columns:
            t.add_column(column, overflow="fold")
        for row in rows:
            t.add_row(*row)
        console.print(t)

    table("Entities", ["id", "name", "type", "titles", "mentions", "salience"], [
        [e.id, e.name, e.type, ", ".join(e.titles), str(len(e.mentions)), f"{e.salience:.2f}"]
        for e in record.entities
    ])
    table("Quotes and attributions", ["source", "cue", "kind", "content"], [
        [sources.get(a.source or "", "?"), a.cue.text if a.cue else "", a.kind + (" “”" if a.quoted else ""),
         _clip(a.content.text)]
        for a in record.attributions
    ])
    table("Sources", ["id", "description", "kind", "count", "affiliation", "notes"], [
        [s.id, _clip(s.description, 50), s.kind, str(s.count or ""), s.affiliation or "",
         "; ".join(filter(None, [s.reason, "declined to comment" if s.declined_to_comment else None]))]
        for s in record.sources
    ])
    if record.sourcing.attributions:
        sourcing = record.sourcing
        console.print(
            f"[bold]Sourcing:[/] {sourcing.attributions} attributions, "
            f"{sourcing.anonymous_share:.0%} anonymous, {sourcing.named_sources} named sources; "
            + ", ".join(f"{k} {v}" for k, v in sourcing.by_kind.items())
        )
    table("Times", ["text", "type", "value", "mod"], [
        [t.text, t.type, t.value or "", t.mod or ""] for t in record.times
    ])
    def who(entity_id: str | None, text: str | None) -> str:
        """The text as written, with the entity it resolves to when that reads differently."""
        name = names.get(entity_id or "")
        if name and text and name.lower() not in text.lower():
            return f"{text} ({name})"
        return text or name or ""

    # The main events by default (the ones a reader would list); every clause event with --all-events.
    shown = record.events if all_events or not any(v.main for v in record.events) else [
        v for v in record.events if v.main
    ]
    if len(shown) < len(record.events):
        console.print(f"[dim]Events: the {len(shown)} main of {len(record.events)}; --all-events lists them all[/]")
    table("Events", ["date", "actor", "predicate", "target / object", "source", "code"], [
        [v.date or "", who(v.actor, v.actor_text), ("not " if v.negated else "") + (v.predicate_text or v.predicate),
         _clip(who(v.target, v.target_text) or v.object_text, 40), sources.get(v.source or "", ""), v.code or ""]
        for v in shown
    ])
    table("Relations", ["a", "b", "polarity", "text"], [
        [names.get(r.a, r.a), names.get(r.b, r.b), r.polarity, _clip(r.text.text)] for r in record.relations
    ])
