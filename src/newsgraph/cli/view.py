"""The readable view of a record: metadata, then one table per extracted kind.

It fits the console's width (the terminal's, 80 columns when piped) without
breaking words: a table whose columns cannot each hold their longest word at
that width is printed as one block of ``field: value`` lines per row instead,
wrapped between words. ``sections`` picks the tables, ``limit`` caps their rows.
"""

from __future__ import annotations

from collections.abc import Collection

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.record import Record, Source, claim_parts
from newsgraph.store.labels import record_counts

#: The tables of the view, by the names ``--sections`` takes (the header is always shown).
SECTIONS = ("entities", "quotes", "sources", "sourcing", "times", "events", "relations")
#: Columns wider than this never count as needed whole: such a "word" (a URL) is folded anyway.
LONGEST_WORD = 40
#: Characters a table adds per column (padding and rule) and once (the outer rule).
CELL_FRAME, TABLE_FRAME = 3, 1


def parse_sections(text: str | None) -> tuple[str, ...]:
    """``entities,quotes`` → the sections named (all of them for ``None``); an unknown name is a ``ValueError``."""
    if text is None or not text.strip():
        return SECTIONS
    names = tuple(n.strip().lower() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown section {', '.join(unknown)} (sections: {', '.join(SECTIONS)})")
    return names


def _longest_word(text: str) -> int:
    return min(LONGEST_WORD, max((len(w) for w in text.split()), default=0))


def fits(columns: list[str], rows: list[list[str]], width: int) -> bool:
    """Whether a table of these rows can give every column its longest word at ``width`` characters."""
    need = TABLE_FRAME + sum(
        CELL_FRAME + max(_longest_word(c), *(_longest_word(r[i]) for r in rows)) for i, c in enumerate(columns))
    return need <= width


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 attribution``, ``2 attributions`` (numbers with thousands separators)."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def _clip(text: str | None, width: int = 70) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_record(console: Console, record: Record, *, all_events: bool = False,
                  sections: Collection[str] = SECTIONS, limit: int | None = None) -> None:
    """Print ``record``: its header, then the ``sections`` asked for, each with at most ``limit`` rows."""
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

    def table(title: str, columns: list[str], rows: list[list[str]], section: str) -> None:
        if section not in sections:
            return
        if not rows:
            console.print(f"[dim]{title}: none[/]")
            return
        total = len(rows)
        rows = rows[:limit] if limit is not None else rows
        heading = f"{title} ({total})" if len(rows) == total else f"{title} (first {len(rows)} of {total:,})"
        if not fits(columns, rows, console.width):
            console.print(f"[bold]{escape(heading)}[/]")
            for n, row in enumerate(rows, 1):
                block = Table.grid(padding=(0, 1))
                block.add_column(style="dim", no_wrap=True)
                block.add_column(overflow="fold")
                for column, value in zip(columns, row, strict=True):
                    if value:
                        block.add_row(column, escape(value))
                console.print(f"[dim]{n}.[/]", block)
            return
        t = Table(title=escape(heading), title_justify="left", show_lines=False)
        for column in columns:
            t.add_column(column, overflow="fold")
        for row in rows:
            t.add_row(*(escape(v) for v in row))
        console.print(t)

    table("Entities", ["id", "name", "type", "titles", "mentions", "salience"], [
        [e.id, e.name, e.type, ", ".join(e.titles), str(len(e.mentions)), f"{e.salience:.2f}"]
        for e in record.entities
    ], "entities")
    parts = claim_parts(record.attributions)
    table("Quotes and attributions", ["source", "cue", "kind", "content"], [
        [sources.get(a.source or "", "?"), a.cue.text if a.cue else "",
         a.kind + (" “”" if a.quoted else "") + (" (part of the claim above)" if a.id in parts else ""),
         _clip(a.content.text)]
        for a in record.attributions
    ], "quotes")
    table("Sources", ["id", "description", "kind", "count", "affiliation", "notes"], [
        [s.id, _clip(s.description, 50), s.kind, str(s.count or ""), s.affiliation or "",
         "; ".join(filter(None, [_who(s), s.reason, "declined to comment" if s.declined_to_comment else None]))]
        for s in record.sources
    ], "sources")
    counts = record_counts(record)  # the same figures as the table above and the web page
    if counts["attributions"] and "sourcing" in sections:
        console.print(
            f"[bold]Sourcing:[/] {plural(counts['attributions'], 'attribution')}, "
            f"{counts['anonymous_share']:.0%} anonymous, {plural(counts['named_sources'], 'named source')}; "
            + escape(", ".join(f"{k} {v:,}" for k, v in counts["by_kind"].items()))
        )
    table("Times", ["text", "type", "value", "mod"], [
        [t.text, t.type, t.value or "", t.mod or ""] for t in record.times
    ], "times")
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
    if len(shown) < len(record.events) and "events" in sections:
        console.print(f"[dim]Events: the {len(shown)} main of {len(record.events)}; --all-events lists them all[/]")
    table("Events", ["date", "actor", "predicate", "target / object", "source", "code"], [
        [v.date or "", who(v.actor, v.actor_text), ("not " if v.negated else "") + (v.predicate_text or v.predicate),
         _clip(who(v.target, v.target_text) or v.object_text, 40), sources.get(v.source or "", ""), v.code or ""]
        for v in shown
    ], "events")
    table("Relations", ["a", "b", "polarity", "text"], [
        [names.get(r.a, r.a), names.get(r.b, r.b), r.polarity, _clip(r.text.text)] for r in record.relations
    ], "relations")


def _who(source: Source) -> str:
    """A source's role and gender with the words that gave them: "official (Minister), female (Ms)"."""
    parts = []
    if source.role:
        parts.append(f"{source.role} ({', '.join(dict.fromkeys(e.text for e in source.role_evidence))})")
    if source.gender:
        parts.append(f"{source.gender} ({', '.join(dict.fromkeys(e.text for e in source.gender_evidence))})")
    elif source.gender_evidence:
        parts.append("gender: conflicting evidence")
    return ", ".join(parts)
