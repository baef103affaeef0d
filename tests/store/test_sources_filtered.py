"""Filtered and deduplicated sourcing reports equal a plain count of the stored rows.

``queries.sources`` reads the articles a filter keeps first (``picked_articles``) and
takes a deduplicated report from the tallies less the copies' share
(``_deduped_sources``); here the same figures are counted again in Python from
``SELECT *`` of the tables, on a small store built in the test, with wire copies.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from newsgraph.store import Store, queries

#: Invented words padding each story past the near-duplicate index's minimum length, in an order of each
#: story's own, so the stories are not near-duplicates of one another.
PAD = ("amber", "basalt", "cobalt", "dune", "ember", "fjord", "garnet", "heath", "indigo", "jasper", "kelp",
       "lichen", "marl", "nacre", "ochre", "pumice", "quartz", "rill", "shale", "tundra", "umber", "vetch",
       "wold", "xylem", "yarrow", "zircon", "alder", "birch", "cedar", "dogwood", "elm", "fir", "gorse",
       "hazel", "ivy", "juniper")

#: (text, entities, quotes (who, cue, content, anonymous), outlet, authors, copied): invented stories with
#: entity-linked, described, anonymous and pronoun sources.
STORIES = [
    ("Jane Roe said the plan was fine. An official said it was late. He said it would rain.",
     [("Jane Roe", "PERSON", ["Jane Roe"])],
     [("Jane Roe", "said", "the plan was fine", False), ("An official", "said", "it was late", True),
      ("He", "said", "it would rain", False)], "Herald", ["Ann Smith"], True),
    ("Alan Pike said the bridge was safe. an official said repairs would start. Jane Roe said the vote was close.",
     [("Alan Pike", "PERSON", ["Alan Pike"]), ("Jane Roe", "PERSON", ["Jane Roe"])],
     [("Alan Pike", "said", "the bridge was safe", False), ("an official", "said", "repairs would start", True),
      ("Jane Roe", "said", "the vote was close", False)], "Gazette", ["Bo Smithers", "Cy Lane"], True),
    ("Police said the road was closed. Ann Dale said the road would open.",
     [("Ann Dale", "PERSON", ["Ann Dale"])],
     [("Police", "said", "the road was closed", False), ("Ann Dale", "said", "the road would open", False)],
     "Herald Tribune", [], False),
    ("police said the fire was out. Tom Hale said crews stayed. They said more rain was due.",
     [("Tom Hale", "PERSON", ["Tom Hale"])],
     [("police", "said", "the fire was out", False), ("Tom Hale", "said", "crews stayed", False),
      ("They", "said", "more rain was due", False)], "Courier", ["Dee Smith"], False),
]


def _padded(i: int, text: str) -> str:
    return text + " " + " ".join(random.Random(i).sample(PAD, 30)) + "."


@pytest.fixture
def copied(store: Store, make_record) -> Store:
    """The stories, then wire copies of two of them (the copy of the first only: cited by copies only)."""
    for i, (text, entities, quotes, outlet, authors, _) in enumerate(STORIES):
        store.add(make_record(_padded(i, text), entities, quotes=quotes, outlet=outlet, authors=authors,
                              published="2023-05-01"))
    for i, (text, entities, quotes, _, _, is_copied) in enumerate(STORIES):
        if is_copied:
            extra = [("Wire Desk", "said", "the wire had it", False)] if i == 0 else []
            body = _padded(i, text) + " Wire Desk said the wire had it."
            store.add(make_record("WIRE - " + body, entities, quotes=quotes + extra, outlet="Wire",
                                  authors=["Wire Staff"], published="2023-05-02"))
    copies = store.execute("SELECT count(*) FROM sim_clusters WHERE index_name = 'articles' AND original = 0")
    assert copies[0][0] == 2  # the near-duplicate index found both copies
    return store


def reference(store: Store, keep: Callable[[str, dict], bool], anonymous: bool = False) -> dict:
    """The report's figures counted in Python from every row; ``keep(id, article)`` picks the articles."""
    articles = {r[0]: {"outlet": r[1], "authors": r[2]} for r in store.execute(
        "SELECT id, outlet, authors FROM articles")}
    kept = {i for i, a in articles.items() if keep(i, a)}
    corpus = {(a, e): c for a, e, c in store.execute("SELECT article_id, id, corpus_entity_id FROM entities")}
    sources = {(r[0], r[1]): r for r in store.execute(
        "SELECT article_id, id, entity_id, description, kind, anonymous, role, gender FROM sources")
        if r[0] in kept}
    claims = [(a, s) for a, s in store.execute(
        "SELECT article_id, source_id FROM attributions WHERE part_of IS NULL") if a in kept]

    def unresolved(s: tuple) -> bool:
        return s[2] is None and (s[3] or "").strip().lower() in queries.UNRESOLVED_SOURCE_WORDS

    def key(s: tuple) -> str:
        cid = corpus.get((s[0], s[2]))
        return f"#{cid}" if cid is not None else s[3].lower()

    by_kind: dict[str, int] = {}
    for a, sid in claims:
        s = sources.get((a, sid))
        kind = (s[4] if s else None) or "unknown"
        by_kind[kind] = by_kind.get(kind, 0) + 1
    top: dict[tuple, list] = {}
    for s in sources.values():
        if not unresolved(s) and (s[5] or not anonymous):
            group = top.setdefault((key(s), s[4]), [0, set()])
            group[0] += sum(1 for c in claims if c == (s[0], s[1]))
            group[1].add(s[0])
    shares = {}
    for name, (column, kinds) in queries.SHARE_OF.items():
        counted: dict[str, list[int]] = {}
        for s in sources.values():
            if s[4] in kinds:
                value = s[6 if column == "s.role" else 7] or queries.UNKNOWN_SHARE
                row = counted.setdefault(value, [0, 0])
                row[0] += 1
                row[1] += sum(1 for c in claims if c == (s[0], s[1]))
        shares[name] = counted
    return {
        "articles": len(kept), "attributions": len(claims), "by_kind": by_kind,
        "unresolved": sum(1 for a, sid in claims if (a, sid) in sources and unresolved(sources[a, sid])),
        "named": len({key(s) for s in sources.values() if not s[5] and not unresolved(s)}),
        "top": sorted((n, len(arts), group_kind or "") for (_, group_kind), (n, arts) in top.items()),
        "shares": shares,
    }


def figures(report: queries.SourcingReport) -> dict:
    """The same figures of a report (the shares without their unknown rows of 0)."""
    shares = {name: {r[name]: [r["sources"], r["attributions"]] for r in rows if r["sources"] or r["attributions"]}
              for name, rows in report.shares.items()}
    return {
        "articles": report.articles, "attributions": report.attributions, "by_kind": report.by_kind,
        "unresolved": report.unresolved_pronoun_attributions, "named": report.named_sources,
        "top": sorted((int(r["attributions"]), int(r["articles"]), r["kind"] or "")
                      for r in queries.records_of(report.top_sources)),
        "shares": shares,
    }


def _copies(store: Store) -> set[str]:
    return {r[0] for r in store.execute(
        "SELECT article_id FROM sim_clusters WHERE index_name = 'articles' AND original = 0")}


@pytest.mark.parametrize("anonymous", [False, True])
def test_filtered_and_deduplicated_reports_count_what_the_rows_hold(copied, anonymous):
    copies = _copies(copied)
    cases = [
        ({"outlet": "herald"}, lambda i, a: "herald" in (a["outlet"] or "").lower()),
        ({"author": "Smith"}, lambda i, a: "smith" in a["authors"].lower()),
        ({"outlet": "Herald", "author": "smith"},
         lambda i, a: "herald" in a["outlet"].lower() and "smith" in a["authors"].lower()),
        ({"dedupe": True}, lambda i, a: i not in copies),
        ({"dedupe": True, "outlet": "e"}, lambda i, a: i not in copies and "e" in a["outlet"].lower()),
        ({"outlet": "Nowhere"}, lambda i, a: False),
    ]
    for kwargs, keep in cases:
        report = queries.sources(copied.conn, anonymous=anonymous, limit=-1, by=("role", "gender"), **kwargs)
        expected = reference(copied, keep, anonymous)
        assert figures(report) == expected, kwargs
        assert expected["articles"] < len(copied.execute("SELECT id FROM articles"))  # the filter kept fewer


def test_the_deduplicated_report_from_the_tallies_is_the_scans(copied):
    # The first story's copy cites a source no original does: it leaves the named sources and the ranks.
    plain = queries.sources(copied.conn, limit=-1)
    once = queries.sources(copied.conn, limit=-1, dedupe=True)
    assert "Wire Desk" in set(plain.top_sources["source"]) and "Wire Desk" not in set(once.top_sources["source"])
    assert once.named_sources == plain.named_sources - 1
    for anonymous in (False, True):
        for limit in (0, 1, 2, 3, 50, -1):
            for by in (None, ("role", "gender")):
                kept = queries.sources(copied.conn, anonymous=anonymous, limit=limit, by=by, dedupe=True).to_dict()
                scanned = queries.sources(copied.conn, anonymous=anonymous, limit=limit, by=by, dedupe=True,
                                          scan=True).to_dict()
                assert kept == scanned, (anonymous, limit, by)


def test_the_outlet_report_from_the_tallies_is_the_scans(copied):
    # "herald" keeps two outlets (Herald, Herald Tribune): the report sums their tallies.
    for outlet in ("herald", "HERALD TRIB", "Wire", "e", "Nowhere", "%", "_"):
        for anonymous in (False, True):
            for limit in (0, 1, 2, 3, 50, -1):
                for by in (None, ("role", "gender")):
                    kept = queries.sources(copied.conn, anonymous=anonymous, limit=limit, by=by,
                                           outlet=outlet).to_dict()
                    scanned = queries.sources(copied.conn, anonymous=anonymous, limit=limit, by=by, outlet=outlet,
                                              scan=True).to_dict()
                    assert kept == scanned, (outlet, anonymous, limit, by)


def test_an_outlet_change_or_a_deletion_moves_the_outlet_tallies(copied):
    herald = copied.execute("SELECT id FROM articles WHERE outlet = 'Herald'")[0][0]
    copied.conn.execute("UPDATE articles SET outlet = 'Courier' WHERE id = ?", (herald,))
    gone = copied.execute("SELECT id FROM articles WHERE outlet = 'Gazette'")[0][0]
    copied.conn.execute("DELETE FROM articles WHERE id = ?", (gone,))
    assert queries.stored_source_tallies(copied.conn) == queries.counted_source_tallies(copied.conn)
    for outlet in ("herald", "Courier", "Gazette"):
        kept = queries.sources(copied.conn, outlet=outlet, limit=-1, by=("role", "gender")).to_dict()
        assert kept == queries.sources(copied.conn, outlet=outlet, limit=-1, by=("role", "gender"),
                                       scan=True).to_dict(), outlet
    assert queries.sources(copied.conn, outlet="Courier").articles == 2
