"""Named, ordered schema migrations, recorded in the ``_migrations`` table.

A store remembers which migrations it has run; opening it runs the missing ones
in order, each in its own transaction, so an old store upgrades in place and a
new one is built by the same path. Never edit a released migration: add one.

Tables (article-level rows keep the record's own ids, ``e1``, ``a3`` …, scoped by
``article_id``; every row is deleted with its article, so a re-processed record
replaces its rows in one transaction):

    articles          one row per stored record: metadata, clean text, generator (version,
                      model, pipeline fingerprint)
    records           the full record JSON (schema newsgraph.record/1)
    raw_inputs        the raw input (zlib), so ``reprocess`` needs no original files
    articles_fts      FTS5 index over title and text (external content on articles)
    entities          article-level entities, each linked to a corpus entity
    mentions          their mentions
    times, sources, attributions, events, relations   the other record parts
    warnings          the record's stage warnings: a stage gave up on part of the article
    failures          inputs that could not be read, with the reason
    tallies           running counts kept by triggers (rows per table, words, dated articles,
                      corpus entities in use, articles per generator and per outlet), so
                      ``stats`` answers without counting millions of rows
    sourcing_tallies  attributions (and anonymous ones) per outlet, month of publication and
                      source kind, kept by triggers: the sourcing charts without a scan
    source_*          source tallies (0014): per source key and kind, per kind, per role and
                      gender, kept by triggers: the unfiltered ``sources`` report without a scan
    corpus_entities   entities resolved across articles
    entity_keys       normalised name → corpus entity (what resolution consults)
    entity_overrides  (article, name) → corpus entity: the result of a split
    entity_decisions  the log of user merges and splits
    entity_name_tallies  (corpus entity, name, type) → articles, mentions and source rows (0020),
                      kept by triggers on ``entities`` and ``sources``: a profile's names without a count
    entity_month_tallies  (corpus entity, month) → mentions, events and main events (0022), kept by
                      triggers on ``entities``, ``events`` and ``articles``: an entity's chart without a count
    co_mentions       (corpus entity, corpus entity) → articles naming both, kept by triggers on
                      ``entities`` (migration 0008), so an entity's graph reads its neighbours directly
    stated_edges      one row per event with an actor and a target and per relation, with the corpus
                      entities at both ends, kept by triggers (migration 0008), for the graph
    event_clusters    corpus events: the same event as several articles report it (0010)
    event_reports     article events that are reports of a corpus event, with a "first reported by" claim;
                      their lead flags are copied onto ``events.hidden`` (0015) for the timeline of every event
    articles_by_source_kind  (source kind, article) → attributions with a source of that kind (0016): the
                      ``source_kind`` filter of ``/articles``
    sim_signatures    MinHash signatures of indexed texts (articles, quotes), with their parameters
    sim_bands         their LSH bands: how a new text finds its near-copies by index lookups
    sim_clusters      near-copies grouped, each group's first (``original``) marked
                      (``newsgraph.store.similar``, ``newsgraph.store.duplicates``)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one inside the caller's transaction.

    ``executescript`` would commit first, breaking the one-transaction-per-migration rule.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:60]}")


def _initial(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            path TEXT, line INTEGER, input_id TEXT, url TEXT, format TEXT,
            title TEXT, authors TEXT NOT NULL DEFAULT '[]', published TEXT, published_from TEXT,
            outlet TEXT, dateline TEXT, language TEXT,
            text TEXT NOT NULL, n_words INTEGER NOT NULL DEFAULT 0,
            newsgraph_version TEXT, model TEXT, ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_generator ON articles(newsgraph_version, model);

        CREATE TABLE records (
            id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            json TEXT NOT NULL
        );
        CREATE TABLE raw_inputs (
            id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            data BLOB
        );

        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;

        CREATE TABLE corpus_entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT,
            pinned INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE TABLE entity_keys (
            key TEXT PRIMARY KEY,
            corpus_entity_id INTEGER NOT NULL REFERENCES corpus_entities(id),
            surname TEXT
        );
        CREATE INDEX entity_keys_entity ON entity_keys(corpus_entity_id);
        CREATE INDEX entity_keys_surname ON entity_keys(surname);
        CREATE TABLE entity_overrides (
            article_id TEXT NOT NULL,
            key TEXT NOT NULL,
            corpus_entity_id INTEGER NOT NULL REFERENCES corpus_entities(id),
            PRIMARY KEY (article_id, key)
        );
        CREATE TABLE entity_decisions (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            detail TEXT NOT NULL,
            made_at TEXT NOT NULL
        );

        CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            name TEXT NOT NULL, type TEXT, titles TEXT NOT NULL DEFAULT '[]',
            salience REAL, n_mentions INTEGER NOT NULL DEFAULT 0,
            key TEXT NOT NULL,
            corpus_entity_id INTEGER REFERENCES corpus_entities(id),
            PRIMARY KEY (article_id, id)
        );
        CREATE INDEX entities_corpus ON entities(corpus_entity_id, article_id);
        -- Covers an entity profile's names and per-article counts without reading table rows.
        CREATE INDEX entities_corpus_name ON entities(corpus_entity_id, name, type, article_id, n_mentions, salience);
        -- Covers co-mention counts: the corpus entities of an article.
        CREATE INDEX entities_article_corpus ON entities(article_id, corpus_entity_id);

        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT, kind TEXT
        );
        CREATE INDEX mentions_article ON mentions(article_id, entity_id);

        CREATE TABLE times (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            start INTEGER, "end" INTEGER, text TEXT, type TEXT, value TEXT, mod TEXT,
            anchored INTEGER, role TEXT,
            PRIMARY KEY (article_id, id)
        );

        CREATE TABLE sources (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            entity_id TEXT, description TEXT, kind TEXT, anonymous INTEGER, count INTEGER,
            affiliation TEXT, reason TEXT, declined_to_comment INTEGER, n_mentions INTEGER,
            PRIMARY KEY (article_id, id)
        );

        CREATE TABLE attributions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            source_id TEXT,
            cue_start INTEGER, cue_end INTEGER, cue TEXT,
            content_start INTEGER, content_end INTEGER, content TEXT,
            kind TEXT, quoted INTEGER,
            PRIMARY KEY (article_id, id)
        );

        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            actor TEXT, actor_text TEXT, predicate TEXT, target TEXT, target_text TEXT, object_text TEXT,
            negated INTEGER, modality TEXT, time_id TEXT, date TEXT, date_reason TEXT,
            source_id TEXT, code TEXT, mode TEXT, cameo TEXT,
            sentence_start INTEGER, sentence_end INTEGER,
            PRIMARY KEY (article_id, id)
        );
        CREATE INDEX events_date ON events(date);

        CREATE TABLE relations (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            a TEXT, b TEXT, polarity TEXT,
            start INTEGER, "end" INTEGER, text TEXT, date TEXT,
            PRIMARY KEY (article_id, position)
        );

        CREATE TABLE failures (
            id TEXT PRIMARY KEY,
            "where" TEXT, path TEXT, line INTEGER,
            reason TEXT NOT NULL,
            newsgraph_version TEXT,
            attempts INTEGER NOT NULL DEFAULT 1,
            failed_at TEXT NOT NULL
        );
        """
    )


def _pipeline_fingerprint(conn: sqlite3.Connection) -> None:
    """``articles.pipeline``: the record's ``generator.pipeline`` (fingerprint of the stages' code and data).

    ``reprocess`` compares it with the current Reader's, so records made by changed
    code are rebuilt even when the version number stayed. Existing rows get it from
    their stored record JSON.
    """
    conn.execute("ALTER TABLE articles ADD COLUMN pipeline TEXT")
    conn.execute(
        "UPDATE articles SET pipeline = "
        "(SELECT json_extract(r.json, '$.generator.pipeline') FROM records r WHERE r.id = articles.id)"
    )
    conn.execute("DROP INDEX IF EXISTS articles_generator")
    conn.execute("CREATE INDEX articles_generator ON articles(newsgraph_version, model, pipeline)")


def _profile_indexes(conn: sqlite3.Connection) -> None:
    """Indexes for an entity profile's quotes by and about it.

    Quotes by an entity went from each of its articles through every attribution
    of the article to check the source; with ``sources(article_id, entity_id)``
    and ``attributions(article_id, source_id)`` they go straight to the entity's
    sources and their attributions. Quotes about it look up the entity's mentions
    inside each attribution: with the offsets in the index it needs no table rows.
    Results do not change; only the plans do.
    """
    _run_script(
        conn,
        """
        CREATE INDEX sources_entity ON sources(article_id, entity_id);
        CREATE INDEX attributions_source ON attributions(article_id, source_id);
        DROP INDEX mentions_article;
        CREATE INDEX mentions_article ON mentions(article_id, entity_id, start, "end");
        """,
    )


def _warnings(conn: sqlite3.Connection) -> None:
    """``warnings``: one row per ``Record.warnings`` entry, so a query finds the articles a stage gave up on.

    The record JSON already holds them; the table makes them countable
    (``stats``) and exportable. Stored records fill it from their JSON.
    """
    _run_script(
        conn,
        """
        CREATE TABLE warnings (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            stage TEXT NOT NULL, message TEXT NOT NULL,
            PRIMARY KEY (article_id, position)
        );
        CREATE INDEX warnings_stage ON warnings(stage, article_id);
        INSERT INTO warnings (article_id, position, stage, message)
            SELECT r.id, CAST(w.key AS INTEGER), json_extract(w.value, '$.stage'), json_extract(w.value, '$.message')
            FROM records r JOIN articles a ON a.id = r.id, json_each(r.json, '$.warnings') w;
        """,
    )


def _event_entity_indexes(conn: sqlite3.Connection) -> None:
    """Indexes for an entity's timeline: the events of an article whose actor, or target, is one entity.

    Without them a timeline read every event of each of the entity's articles
    (16,550 of Labour's events among ~300,000 read in the 20k-article benchmark
    store); with them it reads the entity's events only, and knows from the index
    which are dated (a timeline takes those first). Results do not change.
    """
    _run_script(
        conn,
        """
        CREATE INDEX events_actor ON events(article_id, actor, date);
        CREATE INDEX events_target ON events(article_id, target, date);
        """,
    )


#: Tables whose rows ``tallies`` counts (kind ``rows``), each by an insert and a delete trigger.
TALLIED_TABLES = ("articles", "failures", "entities", "mentions", "times", "sources", "attributions", "events",
                  "relations", "warnings")

_BUMP = ("INSERT INTO tallies (kind, key, n) VALUES ({kind}, {key}, {n}) "
         "ON CONFLICT(kind, key) DO UPDATE SET n = n + excluded.n;")


def _bump(kind: str, key: str, n: str) -> str:
    return _BUMP.format(kind=f"'{kind}'", key=key, n=n)


def _article_tallies(row: str, sign: str) -> str:
    """The statements that add (``sign`` ``+``) or take away (``-``) one article row's share of the tallies."""
    return "\n".join((
        _bump("articles", "'words'", f"{sign}coalesce({row}.n_words, 0)"),
        _bump("articles", "'dated'", f"{sign}({row}.published IS NOT NULL)"),
        _bump("generator", f"json_array({row}.newsgraph_version, {row}.model, {row}.pipeline)", f"{sign}1"),
        f"INSERT INTO tallies (kind, key, n) SELECT 'outlet', {row}.outlet, {sign}1 WHERE {row}.outlet IS NOT NULL "
        "ON CONFLICT(kind, key) DO UPDATE SET n = n + excluded.n;",
    ))


def _in_use(cid: str) -> str:
    """SQL true when corpus entity ``cid`` has article entities (the index ``entities_corpus`` answers it)."""
    return f"EXISTS (SELECT 1 FROM entities WHERE corpus_entity_id = {cid})"


def _tallies(conn: sqlite3.Connection) -> None:
    """``tallies``: counts kept current by triggers, so ``stats`` reads a few rows instead of counting tables.

    On a 100,000-article store with a cold cache, counting ``entities`` alone took
    110 s and ``stats`` as a whole did not answer the web app's deadline. Each
    trigger runs inside the writing transaction, so a crash or a rollback leaves
    the tallies exactly as consistent as the rows; cascaded deletes fire them too,
    and no statement of the store uses ``REPLACE`` on a counted table (which would
    delete without firing them). ``newsgraph check`` compares them with real counts.
    The migration counts an existing store once.
    """
    statements = ["CREATE TABLE tallies (kind TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL, "
                  "PRIMARY KEY (kind, key)) WITHOUT ROWID;"]
    for table in TALLIED_TABLES:
        statements.append(f"INSERT INTO tallies VALUES ('rows', '{table}', (SELECT count(*) FROM {table}));")
        statements.append(f"CREATE TRIGGER tally_{table}_insert AFTER INSERT ON {table} BEGIN "
                          f"UPDATE tallies SET n = n + 1 WHERE kind = 'rows' AND key = '{table}'; END;")
        statements.append(f"CREATE TRIGGER tally_{table}_delete AFTER DELETE ON {table} BEGIN "
                          f"UPDATE tallies SET n = n - 1 WHERE kind = 'rows' AND key = '{table}'; END;")
    statements += [
        "INSERT INTO tallies SELECT 'articles', 'words', coalesce(sum(n_words), 0) FROM articles;",
        "INSERT INTO tallies SELECT 'articles', 'dated', count(published) FROM articles;",
        "INSERT INTO tallies SELECT 'generator', json_array(newsgraph_version, model, pipeline), count(*) "
        "FROM articles GROUP BY newsgraph_version, model, pipeline;",
        "INSERT INTO tallies SELECT 'outlet', outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet;",
        "INSERT INTO tallies SELECT 'corpus', 'entities', count(DISTINCT corpus_entity_id) FROM entities;",
        f"CREATE TRIGGER tally_articles_parts_insert AFTER INSERT ON articles BEGIN "
        f"{_article_tallies('NEW', '+')} END;",
        f"CREATE TRIGGER tally_articles_parts_delete AFTER DELETE ON articles BEGIN "
        f"{_article_tallies('OLD', '-')} END;",
        "CREATE TRIGGER tally_articles_parts_update AFTER UPDATE OF n_words, published, newsgraph_version, model, "
        f"pipeline, outlet ON articles BEGIN {_article_tallies('OLD', '-')} {_article_tallies('NEW', '+')} END;",
        # A corpus entity is in use while one article entity points to it: count the first and the last.
        "CREATE TRIGGER tally_corpus_entities_insert AFTER INSERT ON entities WHEN NEW.corpus_entity_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM entities WHERE corpus_entity_id = NEW.corpus_entity_id "
        "AND rowid != NEW.rowid) BEGIN UPDATE tallies SET n = n + 1 WHERE kind = 'corpus' AND key = 'entities'; END;",
        "CREATE TRIGGER tally_corpus_entities_delete AFTER DELETE ON entities WHEN OLD.corpus_entity_id IS NOT NULL "
        f"AND NOT {_in_use('OLD.corpus_entity_id')} "
        "BEGIN UPDATE tallies SET n = n - 1 WHERE kind = 'corpus' AND key = 'entities'; END;",
        "CREATE TRIGGER tally_corpus_entities_update AFTER UPDATE OF corpus_entity_id ON entities "
        "WHEN OLD.corpus_entity_id IS NOT NEW.corpus_entity_id BEGIN "
        "UPDATE tallies SET n = n + 1 WHERE kind = 'corpus' AND key = 'entities' AND NEW.corpus_entity_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM entities WHERE corpus_entity_id = NEW.corpus_entity_id AND rowid != NEW.rowid); "
        "UPDATE tallies SET n = n - 1 WHERE kind = 'corpus' AND key = 'entities' AND OLD.corpus_entity_id IS NOT NULL "
        f"AND NOT {_in_use('OLD.corpus_entity_id')}; END;",
    ]
    _run_script(conn, "\n".join(statements))


def _event_main(conn: sqlite3.Connection) -> None:
    """``events.main``, ``salience`` and ``predicate_text``: timelines show an article's main events by default.

    ``main`` is 1 for the events the record marks main, and for every event of a
    record that marks none (made before the event stage scored salience), so
    those articles keep all their events rather than vanish from timelines.
    Rows stored before this migration are of such records: they get 1. The
    entity indexes are rebuilt to hold ``main``, so a timeline of main events
    still reads no event rows it will not show.
    """
    _run_script(
        conn,
        """
        ALTER TABLE events ADD COLUMN main INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE events ADD COLUMN salience REAL;
        ALTER TABLE events ADD COLUMN predicate_text TEXT;
        DROP INDEX events_actor;
        DROP INDEX events_target;
        CREATE INDEX events_actor ON events(article_id, actor, main, date);
        CREATE INDEX events_target ON events(article_id, target, main, date);
        CREATE INDEX events_main_date ON events(main, date);
        """,
    )


#: The distinct corpus entities, other than ``{cid}``, of article ``{article}`` apart from row ``{row}``.
_OTHERS = ("SELECT DISTINCT corpus_entity_id FROM entities WHERE article_id = {article} "
           "AND corpus_entity_id IS NOT NULL AND corpus_entity_id != {cid} AND rowid != {row}")


def _co_mention_gain(row: str) -> str:
    """Statements counting ``row``'s corpus entity as newly in its article: +1 with each other entity there.

    Guarded by the caller: only when no other row of the article has that entity.
    """
    cid = f"{row}.corpus_entity_id"
    others = _OTHERS.format(article=f"{row}.article_id", cid=cid, row=f"{row}.rowid")
    return "\n".join((
        *(f"INSERT INTO co_mentions (a, b, n) SELECT {a}, {b}, 1 FROM ({others}) o WHERE 1 "
          "ON CONFLICT(a, b) DO UPDATE SET n = n + 1;"
          for a, b in ((cid, "o.corpus_entity_id"), ("o.corpus_entity_id", cid))),
        f"INSERT INTO co_mentions (a, b, n) VALUES ({cid}, {cid}, 1) ON CONFLICT(a, b) DO UPDATE SET n = n + 1;",
    ))


def _co_mention_loss(row: str, rowid: str) -> str:
    """Statements counting ``row``'s corpus entity as gone from its article: -1 with each entity left there.

    ``rowid``: the row to leave out of "the entities left" (the changed row itself on an update).
    """
    others = _OTHERS.format(article=f"{row}.article_id", cid=f"{row}.corpus_entity_id", row=rowid)
    cid = f"{row}.corpus_entity_id"
    return (f"UPDATE co_mentions SET n = n - 1 WHERE a = {cid} AND b IN ({others});"
            f"UPDATE co_mentions SET n = n - 1 WHERE b = {cid} AND a IN ({others});"
            f"DELETE FROM co_mentions WHERE a = {cid} AND n <= 0 AND b IN ({others});"
            f"DELETE FROM co_mentions WHERE b = {cid} AND n <= 0 AND a IN ({others});"
            f"UPDATE co_mentions SET n = n - 1 WHERE a = {cid} AND b = {cid};"
            f"DELETE FROM co_mentions WHERE a = {cid} AND b = {cid} AND n <= 0;")


def _alone(row: str, rowid: str) -> str:
    """SQL true when no row of ``row``'s article but ``rowid`` has ``row``'s corpus entity."""
    return (f"{row}.corpus_entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities WHERE "
            f"article_id = {row}.article_id AND corpus_entity_id = {row}.corpus_entity_id AND rowid != {rowid})")


def _graph(conn: sqlite3.Connection) -> None:
    """``co_mentions``: for each pair of corpus entities, the number of articles that name both.

    The diagonal (``a = b``) is the number of articles that name ``a``: a graph
    sizes its nodes by it without counting their entity rows.

    An entity's graph ranks its neighbours by shared articles. Counted at query
    time, the most mentioned entity of a 100,000-article store (tens of thousands
    of articles, each with a dozen or more entities) means reading every entity
    row of all of them; stored, its neighbours are one range of this table.
    Both directions are kept (``a`` → ``b`` and ``b`` → ``a``), so that range is
    every neighbour. Triggers on ``entities`` keep it inside the writing
    transaction, as ``tallies`` are: an entity counts for an article when its
    first row there is written, and stops counting when its last row goes (a
    deleted article, a re-processed record, a merge or split moving rows to
    another corpus entity). ``newsgraph check`` compares it with a count from
    the rows. The migration counts an existing store once.
    """
    _run_script(conn, f"""
        CREATE TABLE co_mentions (
            a INTEGER NOT NULL, b INTEGER NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        INSERT INTO co_mentions (a, b, n)
            SELECT x.corpus_entity_id, y.corpus_entity_id, count(*)
            FROM (SELECT DISTINCT article_id, corpus_entity_id FROM entities WHERE corpus_entity_id IS NOT NULL) x
            JOIN (SELECT DISTINCT article_id, corpus_entity_id FROM entities WHERE corpus_entity_id IS NOT NULL) y
                ON y.article_id = x.article_id
            GROUP BY x.corpus_entity_id, y.corpus_entity_id;
        CREATE TRIGGER co_mentions_insert AFTER INSERT ON entities WHEN {_alone("NEW", "NEW.rowid")} BEGIN
            {_co_mention_gain("NEW")}
        END;
        CREATE TRIGGER co_mentions_delete AFTER DELETE ON entities WHEN {_alone("OLD", "OLD.rowid")} BEGIN
            {_co_mention_loss("OLD", "OLD.rowid")}
        END;
        CREATE TRIGGER co_mentions_update_old AFTER UPDATE OF corpus_entity_id ON entities
        WHEN OLD.corpus_entity_id IS NOT NEW.corpus_entity_id AND {_alone("OLD", "NEW.rowid")} BEGIN
            {_co_mention_loss("OLD", "NEW.rowid")}
        END;
        CREATE TRIGGER co_mentions_update_new AFTER UPDATE OF corpus_entity_id ON entities
        WHEN OLD.corpus_entity_id IS NOT NEW.corpus_entity_id AND {_alone("NEW", "NEW.rowid")} BEGIN
            {_co_mention_gain("NEW")}
        END;
        """)
    _stated_edges(conn)


def _corpus_of(entity: str) -> str:
    """SQL: the corpus entity of article entity ``entity`` (of the same article as ``NEW``)."""
    return f"(SELECT corpus_entity_id FROM entities WHERE article_id = NEW.article_id AND id = {entity})"


def _stated_edges(conn: sqlite3.Connection) -> None:
    """``stated_edges``: each event with an actor and a target, and each relation, between two corpus entities.

    The rows of ``events`` and ``relations`` name article entities (``e3``); the
    graph needs corpus entities. Joining them at query time means one lookup per
    article of the entity (tens of thousands for the busiest at 100k articles);
    here each event or relation is one row holding both corpus entities, indexed
    from either end, so an entity's stated edges are two index ranges. Triggers
    write a row with its event or relation, delete it with it, and move its ends
    when an article entity changes corpus entity (a merge or split), so the table
    never holds a count to drift. ``label`` is the event's predicate or the
    relation's polarity.
    """
    _run_script(conn, f"""
        CREATE TABLE stated_edges (
            article_id TEXT NOT NULL, kind TEXT NOT NULL, part TEXT NOT NULL,
            a_entity TEXT NOT NULL, b_entity TEXT NOT NULL, a INTEGER, b INTEGER, label TEXT,
            PRIMARY KEY (article_id, kind, part)
        );
        CREATE INDEX stated_edges_a ON stated_edges(a, kind, b, article_id, label);
        CREATE INDEX stated_edges_b ON stated_edges(b, kind, a, article_id, label);
        CREATE INDEX stated_edges_a_entity ON stated_edges(article_id, a_entity);
        CREATE INDEX stated_edges_b_entity ON stated_edges(article_id, b_entity);
        INSERT INTO stated_edges (article_id, kind, part, a_entity, b_entity, a, b, label)
            SELECT v.article_id, 'event', v.id, v.actor, v.target, ea.corpus_entity_id, eb.corpus_entity_id, v.predicate
            FROM events v
            LEFT JOIN entities ea ON ea.article_id = v.article_id AND ea.id = v.actor
            LEFT JOIN entities eb ON eb.article_id = v.article_id AND eb.id = v.target
            WHERE v.actor IS NOT NULL AND v.target IS NOT NULL;
        INSERT INTO stated_edges (article_id, kind, part, a_entity, b_entity, a, b, label)
            SELECT r.article_id, 'relation', CAST(r.position AS TEXT), r.a, r.b, ea.corpus_entity_id,
                   eb.corpus_entity_id, r.polarity
            FROM relations r
            LEFT JOIN entities ea ON ea.article_id = r.article_id AND ea.id = r.a
            LEFT JOIN entities eb ON eb.article_id = r.article_id AND eb.id = r.b
            WHERE r.a IS NOT NULL AND r.b IS NOT NULL;
        CREATE TRIGGER stated_edges_event_insert AFTER INSERT ON events
        WHEN NEW.actor IS NOT NULL AND NEW.target IS NOT NULL BEGIN
            INSERT OR REPLACE INTO stated_edges (article_id, kind, part, a_entity, b_entity, a, b, label)
            VALUES (NEW.article_id, 'event', NEW.id, NEW.actor, NEW.target, {_corpus_of("NEW.actor")},
                    {_corpus_of("NEW.target")}, NEW.predicate);
        END;
        CREATE TRIGGER stated_edges_event_delete AFTER DELETE ON events BEGIN
            DELETE FROM stated_edges WHERE article_id = OLD.article_id AND kind = 'event' AND part = OLD.id;
        END;
        CREATE TRIGGER stated_edges_relation_insert AFTER INSERT ON relations
        WHEN NEW.a IS NOT NULL AND NEW.b IS NOT NULL BEGIN
            INSERT OR REPLACE INTO stated_edges (article_id, kind, part, a_entity, b_entity, a, b, label)
            VALUES (NEW.article_id, 'relation', CAST(NEW.position AS TEXT), NEW.a, NEW.b, {_corpus_of("NEW.a")},
                    {_corpus_of("NEW.b")}, NEW.polarity);
        END;
        CREATE TRIGGER stated_edges_relation_delete AFTER DELETE ON relations BEGIN
            DELETE FROM stated_edges WHERE article_id = OLD.article_id AND kind = 'relation'
                AND part = CAST(OLD.position AS TEXT);
        END;
        CREATE TRIGGER stated_edges_entity_insert AFTER INSERT ON entities BEGIN
            UPDATE stated_edges SET a = NEW.corpus_entity_id WHERE article_id = NEW.article_id AND a_entity = NEW.id;
            UPDATE stated_edges SET b = NEW.corpus_entity_id WHERE article_id = NEW.article_id AND b_entity = NEW.id;
        END;
        CREATE TRIGGER stated_edges_entity_update AFTER UPDATE OF corpus_entity_id ON entities
        WHEN OLD.corpus_entity_id IS NOT NEW.corpus_entity_id BEGIN
            UPDATE stated_edges SET a = NEW.corpus_entity_id WHERE article_id = NEW.article_id AND a_entity = NEW.id;
            UPDATE stated_edges SET b = NEW.corpus_entity_id WHERE article_id = NEW.article_id AND b_entity = NEW.id;
        END;
        CREATE TRIGGER stated_edges_entity_delete AFTER DELETE ON entities BEGIN
            UPDATE stated_edges SET a = NULL WHERE article_id = OLD.article_id AND a_entity = OLD.id;
            UPDATE stated_edges SET b = NULL WHERE article_id = OLD.article_id AND b_entity = OLD.id;
        END;
        """)
#: A date value whose first seven characters are a year and a month (``2017-03``, ``2017-03-07T…``).
MONTH_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]*"


def _month_of(row: str) -> str:
    """SQL for the month a sourcing tally files an article under: ``YYYY-MM``, or '' when it has none."""
    return f"CASE WHEN {row}.published GLOB '{MONTH_GLOB}' THEN substr({row}.published, 1, 7) ELSE '' END"


_SOURCING_UPSERT = ("ON CONFLICT(outlet, month, kind) DO UPDATE SET attributions = attributions + "
                    "excluded.attributions, anonymous = anonymous + excluded.anonymous;")


def _sourcing_of(where: str, sign: str) -> str:
    """Add (``+``) or take away (``-``) the tallies of the attributions ``where`` selects (``q``, with ``a``, ``s``)."""
    return f"""INSERT INTO sourcing_tallies (outlet, month, kind, attributions, anonymous)
        SELECT coalesce(a.outlet, ''), {_month_of('a')}, coalesce(s.kind, 'unknown'), {sign}count(*),
               {sign}coalesce(sum(coalesce(s.anonymous, 0)), 0)
        FROM attributions q JOIN articles a ON a.id = q.article_id
        LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
        WHERE ({where}) AND q.part_of IS NULL GROUP BY 1, 2, 3 {_SOURCING_UPSERT}"""


def _sourcing_of_row(row: str, sign: str) -> str:
    """The same for one attribution row (``NEW`` or ``OLD``), while its article row is there."""
    source = f"FROM sources s WHERE s.article_id = {row}.article_id AND s.id = {row}.source_id"
    return f"""INSERT INTO sourcing_tallies (outlet, month, kind, attributions, anonymous)
        SELECT coalesce(a.outlet, ''), {_month_of('a')}, coalesce((SELECT s.kind {source}), 'unknown'), {sign}1,
               {sign}coalesce((SELECT s.anonymous {source}), 0)
        FROM articles a WHERE a.id = {row}.article_id AND {row}.part_of IS NULL {_SOURCING_UPSERT}"""


def _attribution_parts(conn: sqlite3.Connection) -> None:
    """``attributions.part_of``: a quoted fragment of a paraphrase is part of that claim (``record.claim_parts``).

    "said the council should build a 'far wider bridge'" is one claim, stored as
    the paraphrase and its quote; counts of attributions (``sources``, ``stats``,
    the sourcing charts) count claims, so they leave the parts out, as the
    article's sourcing profile always has. The migration marks the parts of the
    stored rows by the same rule in SQL, and ``tallies`` gains ``('rows', 'claims')``.
    """
    _run_script(conn, """
        ALTER TABLE attributions ADD COLUMN part_of TEXT;
        UPDATE attributions SET part_of = (
            SELECT b.id FROM attributions b
            WHERE b.article_id = attributions.article_id AND b.source_id IS attributions.source_id
              AND b.id != attributions.id
              AND b.content_start <= attributions.content_start AND attributions.content_end <= b.content_end
              AND NOT (b.content_start = attributions.content_start AND b.content_end = attributions.content_end)
            ORDER BY b.content_end - b.content_start DESC LIMIT 1);
        INSERT INTO tallies SELECT 'rows', 'claims', count(*) FROM attributions WHERE part_of IS NULL;
        CREATE TRIGGER tally_claims_insert AFTER INSERT ON attributions WHEN NEW.part_of IS NULL BEGIN
            UPDATE tallies SET n = n + 1 WHERE kind = 'rows' AND key = 'claims'; END;
        CREATE TRIGGER tally_claims_delete AFTER DELETE ON attributions WHEN OLD.part_of IS NULL BEGIN
            UPDATE tallies SET n = n - 1 WHERE kind = 'rows' AND key = 'claims'; END;
        """)


def _month_tally(row: str, sign: str) -> str:
    """Add (``+``) or take away (``-``) one article row's month in ``tallies`` (kind ``month``), if it has one."""
    return (f"INSERT INTO tallies (kind, key, n) SELECT 'month', substr({row}.published, 1, 7), {sign}1 "
            f"WHERE {row}.published GLOB '{MONTH_GLOB}' ON CONFLICT(kind, key) DO UPDATE SET n = n + excluded.n;")


def _charts(conn: sqlite3.Connection) -> None:
    """``sourcing_tallies``: attributions per (outlet, month, source kind), so the sourcing charts read a few rows.

    Counting them walks every attribution with its article and source (about 9 s for
    the 820,000 attributions of a 48,000-article store on the shared machine, cold),
    past the web app's deadline. The counts follow ``queries.sources``'s ``by_kind``
    (no source: ``unknown``; ``anonymous`` counts attributions whose source is
    anonymous); '' stands for no outlet and no month. An attribution is counted when
    it is written (its article and source rows come first) and uncounted when it is
    deleted while its article stays; deleting an article takes away all of its
    attributions before the cascade removes them; changing an article's outlet or
    publication date moves its attributions. Sources are written and removed with
    their article only. Rows that fall to 0 stay (readers skip them). The migration
    counts an existing store once.

    ``tallies`` gains kind ``month``: articles per month of publication (``YYYY-MM``),
    kept by triggers on ``articles`` like the other article tallies, so the
    home page's chart reads a few hundred rows instead of walking the date index.

    ``articles_id_published`` lets the per-month counts of an entity (``queries.entity_by_month``)
    find each article's publication date in the index, without reading the article's row;
    ``sources_kind`` gives the articles with a source of one kind (the ``source_kind``
    filter of ``/articles``) without reading every source.
    """
    _run_script(conn, "\n".join([
        "CREATE INDEX articles_id_published ON articles(id, published);",
        "CREATE INDEX sources_kind ON sources(kind, article_id, id);",
        f"INSERT INTO tallies (kind, key, n) SELECT 'month', substr(published, 1, 7), count(*) FROM articles "
        f"WHERE published GLOB '{MONTH_GLOB}' GROUP BY 2;",
        f"CREATE TRIGGER tally_month_insert AFTER INSERT ON articles BEGIN {_month_tally('NEW', '+')} END;",
        f"CREATE TRIGGER tally_month_delete AFTER DELETE ON articles BEGIN {_month_tally('OLD', '-')} END;",
        f"CREATE TRIGGER tally_month_update AFTER UPDATE OF published ON articles BEGIN "
        f"{_month_tally('OLD', '-')} {_month_tally('NEW', '+')} END;",
        "CREATE TABLE sourcing_tallies (outlet TEXT NOT NULL, month TEXT NOT NULL, kind TEXT NOT NULL, "
        "attributions INTEGER NOT NULL, anonymous INTEGER NOT NULL, PRIMARY KEY (outlet, month, kind)) WITHOUT ROWID;",
        _sourcing_of("1", "+"),
        f"CREATE TRIGGER sourcing_attribution_insert AFTER INSERT ON attributions BEGIN "
        f"{_sourcing_of_row('NEW', '+')} END;",
        f"CREATE TRIGGER sourcing_attribution_delete AFTER DELETE ON attributions BEGIN "
        f"{_sourcing_of_row('OLD', '-')} END;",
        f"CREATE TRIGGER sourcing_article_delete BEFORE DELETE ON articles BEGIN "
        f"{_sourcing_of('q.article_id = OLD.id', '-')} END;",
        f"CREATE TRIGGER sourcing_article_before_update BEFORE UPDATE OF outlet, published ON articles BEGIN "
        f"{_sourcing_of('q.article_id = OLD.id', '-')} END;",
        f"CREATE TRIGGER sourcing_article_after_update AFTER UPDATE OF outlet, published ON articles BEGIN "
        f"{_sourcing_of('q.article_id = NEW.id', '+')} END;",
    ]))
def _event_clusters(conn: sqlite3.Connection) -> None:
    """``event_clusters`` and ``event_reports``: the same event reported by several articles is one corpus event.

    See ``newsgraph.store.event_clusters`` for the criteria. A store made before
    gets its corpus events built from its stored events, in this migration's
    transaction (the same result the incremental upkeep gives).
    """
    from newsgraph.store import event_clusters

    _run_script(conn, event_clusters.SCHEMA)
    event_clusters.rebuild(conn)
def _duplicates(conn: sqlite3.Connection) -> None:
    """``sim_*``: near-duplicate articles (wire copy) and repeated quotes, kept incrementally on ingest.

    One set of tables for every similarity index (``index_name``: ``articles``,
    ``quotes``, …; see ``newsgraph.store.similar``). Rows are deleted with their
    article. Existing articles are not indexed here (that parses no text but
    reads all of it): ``newsgraph dedupe --db`` indexes a store made before.
    """
    _run_script(
        conn,
        """
        CREATE TABLE sim_signatures (
            index_name TEXT NOT NULL, item TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            params TEXT NOT NULL, signature BLOB,
            PRIMARY KEY (index_name, item)
        );
        CREATE INDEX sim_signatures_article ON sim_signatures(article_id);
        CREATE INDEX sim_signatures_params ON sim_signatures(index_name, params);
        CREATE TABLE sim_bands (
            index_name TEXT NOT NULL, key INTEGER NOT NULL, item TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        );
        CREATE INDEX sim_bands_key ON sim_bands(index_name, key, item);
        CREATE INDEX sim_bands_item ON sim_bands(index_name, item);
        CREATE INDEX sim_bands_article ON sim_bands(article_id);
        CREATE TABLE sim_clusters (
            index_name TEXT NOT NULL, item TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            cluster INTEGER NOT NULL, match_item TEXT, similarity REAL,
            original INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (index_name, item)
        );
        CREATE INDEX sim_clusters_cluster ON sim_clusters(index_name, cluster);
        CREATE INDEX sim_clusters_article ON sim_clusters(article_id, index_name);
        CREATE INDEX sim_clusters_copies ON sim_clusters(index_name, original, article_id);
        """,
    )


def _outlet_source_tallies(conn: sqlite3.Connection) -> None:
    """``outlet_source_*``: the source tallies of ``_source_tallies`` per outlet, for ``sources(outlet=...)``.

    An outlet filter was counted from the rows of the outlet's articles: at 40,900
    articles one outlet of 20 is 2,045 articles, 33,000 claims and 12,000 sources,
    read three times (the ``/sources?outlet=`` page p95 409 ms, its API 211 ms),
    and the cost grows with the outlet. Each table here is a table of
    ``SOURCE_TALLY_TABLES`` led by the article's outlet (``OUTLET_SOURCE_TALLY_TABLES``);
    an outlet filter (a substring) names the outlets it keeps from ``tallies``, and the
    report is the sum of their rows, which holds because every article has one outlet
    (a source's articles in two outlets are two disjoint sets). The triggers are those of
    the source tallies with the outlet kept, and an article's change of outlet moves its
    share. ``newsgraph check`` recounts them with the same SELECTs. The migration counts
    an existing store once.
    """
    statements = []
    for table, (keys, counts) in OUTLET_SOURCE_TALLY_TABLES.items():
        columns = [f"{k} {'INTEGER' if k == 'anonymous' else 'TEXT'} NOT NULL" for k in keys]
        columns += [f"{c} INTEGER NOT NULL" for c in counts]
        statements.append(f"CREATE TABLE {table} ({', '.join(columns)}, PRIMARY KEY ({', '.join(keys)})) "
                          "WITHOUT ROWID;")
    statements += [
        _source_tally_upserts("1", "+", per_outlet=True),
        *_source_tally_triggers("outlet_source_tallies", per_outlet=True),
        "CREATE TRIGGER outlet_source_tallies_article_delete BEFORE DELETE ON articles BEGIN "
        f"{_source_tally_upserts('a.id = OLD.id', '-', per_outlet=True)} END;",
        "CREATE TRIGGER outlet_source_tallies_article_before_outlet BEFORE UPDATE OF outlet ON articles "
        f"WHEN OLD.outlet IS NOT NEW.outlet BEGIN {_source_tally_upserts('a.id = OLD.id', '-', per_outlet=True)} END;",
        "CREATE TRIGGER outlet_source_tallies_article_after_outlet AFTER UPDATE OF outlet ON articles "
        f"WHEN OLD.outlet IS NOT NEW.outlet BEGIN {_source_tally_upserts('a.id = NEW.id', '+', per_outlet=True)} END;",
    ]
    _run_script(conn, "\n".join(statements))


def _source_roles(conn: sqlite3.Connection) -> None:
    """``sources.role`` and ``sources.gender``: who the sources are, for sourcing shares by role and gender.

    The values come from the record (``Source.role``, ``Source.gender``; their
    evidence stays in the record JSON). Rows stored before this migration are of
    records made before roles and genders were read: they count as unknown until
    ``reprocess``. A stored record that has them (its JSON names ``gender_evidence``)
    fills its rows; only those records are parsed, each once, so an old store
    upgrades without reading its JSON. The index lets a share query count from it.
    """
    _run_script(
        conn,
        """
        ALTER TABLE sources ADD COLUMN role TEXT;
        ALTER TABLE sources ADD COLUMN gender TEXT;
        CREATE TEMP TABLE source_roles AS
            SELECT r.id AS article_id, json_extract(s.value, '$.id') AS id,
                   json_extract(s.value, '$.role') AS role, json_extract(s.value, '$.gender') AS gender
            FROM records r, json_each(r.json, '$.sources') s
            WHERE instr(r.json, '"gender_evidence"') > 0;
        CREATE INDEX temp.source_roles_key ON source_roles(article_id, id);
        UPDATE sources SET
            role = (SELECT t.role FROM source_roles t WHERE t.article_id = sources.article_id AND t.id = sources.id),
            gender = (SELECT t.gender FROM source_roles t WHERE t.article_id = sources.article_id AND t.id = sources.id)
            WHERE article_id IN (SELECT article_id FROM source_roles);
        DROP TABLE source_roles;
        CREATE INDEX sources_role_gender ON sources(article_id, id, kind, role, gender);
        """,
    )


#: The tables of ``0014_source_tallies``, each with its key columns and its counted columns.
SOURCE_TALLY_TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "source_tallies": (("key", "kind", "anonymous", "name"), ("sources", "claims")),
    "source_ranks": (("key", "kind", "anonymous"), ("claims", "articles")),
    "source_named_keys": (("key",), ("articles",)),
    "source_kind_tallies": (("kind",), ("claims", "anonymous", "unresolved")),
    "source_share_tallies": (("kind", "role", "gender"), ("sources", "claims")),
}


def source_tally_selects(where: str, sign: str = "", *, per_outlet: bool = False) -> dict[str, str]:
    """Per table of ``SOURCE_TALLY_TABLES``, the SELECT of its rows for the articles ``where`` picks (``a``).

    The same SELECTs fill the tables (the whole store), keep them (one article,
    ``sign`` ``+`` or ``-``) and recount them for ``newsgraph check``, so the
    three cannot disagree on what is counted. ``per_outlet``: the rows of
    ``OUTLET_SOURCE_TALLY_TABLES`` instead (the same counts, each led by the
    article's outlet, '' for none; keyed by the same table names).
    """
    from newsgraph.store.queries import IS_CLAIM, UNRESOLVED_SOURCE

    lead = "outlet, " if per_outlet else ""
    outlet = "coalesce(a.outlet, '')"
    claims = (f"(SELECT count(*) FROM attributions q WHERE q.article_id = s.article_id AND q.source_id = s.id "
              f"AND {IS_CLAIM})")
    source_rows = f"""(SELECT coalesce('#' || c.id, lower(s.description)) AS key, coalesce(s.kind, '') AS kind,
            coalesce(s.anonymous, 0) AS anonymous, coalesce(c.name, s.description) AS name,
            s.article_id AS article_id, {claims} AS nq{f", {outlet} AS outlet" if per_outlet else ""}
        FROM articles a JOIN sources s ON s.article_id = a.id
        LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.entity_id
        LEFT JOIN corpus_entities c ON c.id = e.corpus_entity_id
        WHERE ({where}) AND NOT {UNRESOLVED_SOURCE}
          AND coalesce('#' || c.id, lower(s.description)) IS NOT NULL) r"""

    def by(n: int) -> str:
        """``GROUP BY`` of the first ``n`` key columns (and the outlet before them)."""
        return "GROUP BY " + ", ".join(str(i) for i in range(1, n + 1 + bool(per_outlet)))

    return {
        "source_tallies": f"SELECT {lead}key, kind, anonymous, name, {sign}count(*), {sign}sum(nq) FROM {source_rows} "
                          f"{by(4)}",
        "source_ranks": f"""SELECT * FROM (
            SELECT {lead}key, kind, anonymous, {sign}sum(nq), {sign}count(DISTINCT article_id) FROM {source_rows}
            {by(3)}
            UNION ALL
            SELECT {lead}key, kind, -1, {sign}sum(nq), {sign}count(DISTINCT article_id) FROM {source_rows} {by(2)})
            WHERE 1""",
        "source_named_keys": f"SELECT {lead}key, {sign}count(DISTINCT article_id) FROM {source_rows} "
                             f"WHERE anonymous = 0 {by(1)}",
        "source_kind_tallies": f"""SELECT {outlet + ", " if per_outlet else ""}coalesce(s.kind, 'unknown'),
                {sign}count(*), {sign}sum(coalesce(s.anonymous, 0)),
                {sign}sum(CASE WHEN {UNRESOLVED_SOURCE} THEN 1 ELSE 0 END)
            FROM articles a JOIN attributions q ON q.article_id = a.id
            LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
            WHERE ({where}) AND {IS_CLAIM} {by(1)}""",
        "source_share_tallies": f"""SELECT {outlet + ", " if per_outlet else ""}coalesce(s.kind, ''),
                coalesce(s.role, 'unknown'), coalesce(s.gender, 'unknown'), {sign}count(*), {sign}sum({claims})
            FROM articles a JOIN sources s ON s.article_id = a.id WHERE ({where}) {by(3)}""",
    }


#: The source tallies per outlet (migration ``0019_outlet_source_tallies``): each table of
#: ``SOURCE_TALLY_TABLES`` keyed by the article's outlet first ('' for none), under the name
#: ``outlet_`` + its name. ``source_named`` has no counterpart: the named sources of some outlets
#: are the keys with articles there, counted when asked.
OUTLET_SOURCE_TALLY_TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    f"outlet_{table}": (("outlet", *keys), counts) for table, (keys, counts) in SOURCE_TALLY_TABLES.items()}


def _source_tally_upserts(where: str, sign: str, *, per_outlet: bool = False) -> str:
    """Statements adding (``+``) or taking away (``-``) the source tallies of the articles ``where`` picks.

    ``per_outlet``: those of ``OUTLET_SOURCE_TALLY_TABLES``.
    """
    out = []
    for table, select in source_tally_selects(where, sign, per_outlet=per_outlet).items():
        keys, counts = SOURCE_TALLY_TABLES[table]
        if per_outlet:
            table = f"outlet_{table}"
            keys, counts = OUTLET_SOURCE_TALLY_TABLES[table]
        out.append(f"INSERT INTO {table} ({', '.join(keys + counts)}) {select} "
                   f"ON CONFLICT({', '.join(keys)}) DO UPDATE SET "
                   + ", ".join(f"{c} = {c} + excluded.{c}" for c in counts) + ";")
    return "\n".join(out)


def _source_tallies(conn: sqlite3.Connection) -> None:
    """Source tallies: the unfiltered ``queries.sources`` report (``newsgraph sources``, ``/sources``) without a scan.

    Counting it walks every source with its entity, corpus entity and claims: 26 s
    warm, 54 s cold for the web page on a 75,000-article store. Here every figure
    of the report is a sum over articles of each article's share:

        source_tallies        (source key, kind, anonymous, display name) → source rows, claims
        source_ranks          (source key, kind, anonymous or -1 for either) → claims, articles;
                              indexed by claims, so the most cited sources are an index walk
        source_named_keys     source key → articles with a named (not anonymous) row of it
        source_named          how many of those keys have an article: ``named_sources``
        source_kind_tallies   source kind → claims, anonymous ones, unresolved pronouns (``by_kind``)
        source_share_tallies  (kind, role, gender) → source rows, claims (the role/gender shares)

    The source key is ``queries.sources``'s: ``'#' || corpus entity id`` for a source
    linked to an entity with a corpus entity, else ``lower(description)``; a pronoun
    the article left unresolved (``UNRESOLVED_SOURCE``) has none. An article's share
    depends on its sources, claims and entities, and on the corpus entity each entity
    points to, so every change to one such row is followed the same way: a BEFORE
    trigger takes the article's share away, the AFTER trigger adds it back, counted
    from the rows as they are then. Shares are small (one article's rows) and only
    entities a source names fire. Deleting an article takes its share away before
    the cascade; the cascaded deletes find no article row and count nothing. A
    corpus entity's new name is the display name of its key. Rows that fall to 0
    stay (readers skip them). A NULL kind is stored as '' and a NULL anonymous flag
    as 0 (records always give both). ``newsgraph check`` recounts the tables with
    the same SELECTs. The migration counts an existing store once.
    """
    statements = [
        "CREATE TABLE source_tallies (key TEXT NOT NULL, kind TEXT NOT NULL, anonymous INTEGER NOT NULL, "
        "name TEXT NOT NULL, sources INTEGER NOT NULL, claims INTEGER NOT NULL, "
        "PRIMARY KEY (key, kind, anonymous, name)) WITHOUT ROWID;",
        "CREATE TABLE source_ranks (key TEXT NOT NULL, kind TEXT NOT NULL, anonymous INTEGER NOT NULL, "
        "claims INTEGER NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (key, kind, anonymous)) WITHOUT ROWID;",
        "CREATE INDEX source_ranks_top ON source_ranks(anonymous, claims, articles);",
        "CREATE TABLE source_named_keys (key TEXT NOT NULL PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;",
        "CREATE TABLE source_named (n INTEGER NOT NULL);",
        "CREATE TABLE source_kind_tallies (kind TEXT NOT NULL PRIMARY KEY, claims INTEGER NOT NULL, "
        "anonymous INTEGER NOT NULL, unresolved INTEGER NOT NULL) WITHOUT ROWID;",
        "CREATE TABLE source_share_tallies (kind TEXT NOT NULL, role TEXT NOT NULL, gender TEXT NOT NULL, "
        "sources INTEGER NOT NULL, claims INTEGER NOT NULL, PRIMARY KEY (kind, role, gender)) WITHOUT ROWID;",
        _source_tally_upserts("1", "+"),
        "INSERT INTO source_named SELECT count(*) FROM source_named_keys WHERE articles > 0;",
        "CREATE TRIGGER source_named_insert AFTER INSERT ON source_named_keys WHEN NEW.articles > 0 "
        "BEGIN UPDATE source_named SET n = n + 1; END;",
        "CREATE TRIGGER source_named_update AFTER UPDATE OF articles ON source_named_keys "
        "WHEN (OLD.articles > 0) != (NEW.articles > 0) "
        "BEGIN UPDATE source_named SET n = n + CASE WHEN NEW.articles > 0 THEN 1 ELSE -1 END; END;",
        f"CREATE TRIGGER source_tallies_article_delete BEFORE DELETE ON articles BEGIN "
        f"{_source_tally_upserts('a.id = OLD.id', '-')} END;",
    ]
    statements += _source_tally_triggers("source_tallies", per_outlet=False)
    _run_script(conn, "\n".join(statements))


def _source_tally_triggers(prefix: str, *, per_outlet: bool) -> list[str]:
    """The triggers keeping the source tallies (or, ``per_outlet``, the outlet ones) as the rows change.

    See ``_source_tallies``: around each change to a source, attribution or named
    entity row, the article's share is taken away before and added back after.
    A corpus entity's new name becomes its key's display name.
    """
    named = "EXISTS (SELECT 1 FROM sources WHERE article_id = {row}.article_id AND entity_id = {row}.id)"
    statements = []
    for table, when in (("sources", ""), ("attributions", ""), ("entities", named)):
        for event, row, after_row in (("INSERT", "NEW", "NEW"), ("DELETE", "OLD", "OLD"), ("UPDATE", "OLD", "NEW")):
            of = " OF corpus_entity_id, id" if table == "entities" and event == "UPDATE" else ""
            for timing, r in (("BEFORE", row), ("AFTER", after_row)):
                sign = "-" if timing == "BEFORE" else "+"
                guard = f" WHEN {when.format(row=r)}" if when else ""
                upserts = _source_tally_upserts(f"a.id = {r}.article_id", sign, per_outlet=per_outlet)
                statements.append(f"CREATE TRIGGER {prefix}_{table}_{event.lower()}_{timing.lower()} {timing} "
                                  f"{event}{of} ON {table}{guard} BEGIN {upserts} END;")
    table = "outlet_source_tallies" if per_outlet else "source_tallies"
    statements.append(
        f"CREATE TRIGGER {prefix}_corpus_name AFTER UPDATE OF name ON corpus_entities "
        f"WHEN OLD.name IS NOT NEW.name BEGIN UPDATE {table} SET name = NEW.name WHERE key = '#' || NEW.id; END;")
    return statements


#: ``events.hidden`` bits (migration 0015): the event is a report of a corpus event but not the one the
#: compact timeline shows for it, of every event (bit 1: not its first report) or of main events (bit 2:
#: not its first main report). ``event_reports.lead`` holds the opposite bits; an event with no report is 0.
HIDDEN_ALL, HIDDEN_MAIN = 1, 2


def _hidden_of(row: str) -> str:
    """The statement setting the ``hidden`` bits of report ``row``'s event from its ``lead`` bits."""
    return (f"UPDATE events SET hidden = {HIDDEN_ALL | HIDDEN_MAIN} & ~{row}.lead "
            f"WHERE article_id = {row}.article_id AND id = {row}.event_id;")


#: SQL: how many events have ``hidden`` bits that disagree with their report's ``lead`` (``newsgraph check``).
EVENT_LEADS_WRONG = f"""SELECT count(*) FROM events v LEFT JOIN event_reports r
    ON r.article_id = v.article_id AND r.event_id = v.id
    WHERE v.hidden != CASE WHEN r.lead IS NULL THEN 0 ELSE {HIDDEN_ALL | HIDDEN_MAIN} & ~r.lead END"""


def _event_leads(conn: sqlite3.Connection) -> None:
    """``events.hidden``: the timeline of every event reads only the rows it shows, by date, from an index.

    The compact timeline (one row per corpus event, ``event_clusters.compact_timeline``)
    of the whole store shows each event that is no report of a corpus event, and of
    each corpus event its lead report. Found by walking every event in date order and
    looking up its report, a scaled store whose corpus events have a hundred reports
    reads a hundred events per row shown: past the web app's 2 s deadline at 69,000
    articles. Here the lead flags of ``event_reports`` are copied onto the event row
    by triggers (a report's insert, a change of its lead, its delete), and two partial
    indexes hold the shown events by date, one for every event and one for main events,
    so the first rows of the timeline are the first entries of an index. The migration
    sets the flags of a store's existing reports once.
    """
    both = HIDDEN_ALL | HIDDEN_MAIN
    _run_script(conn, f"""
        ALTER TABLE events ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
        UPDATE events SET hidden = {both} & ~r.lead FROM event_reports r
            WHERE r.article_id = events.article_id AND r.event_id = events.id;
        CREATE INDEX events_shown_all ON events(date) WHERE (hidden & {HIDDEN_ALL}) = 0;
        CREATE INDEX events_shown_main ON events(date) WHERE main = 1 AND (hidden & {HIDDEN_MAIN}) = 0;
        CREATE TRIGGER event_leads_insert AFTER INSERT ON event_reports BEGIN {_hidden_of("NEW")} END;
        CREATE TRIGGER event_leads_update AFTER UPDATE OF lead ON event_reports
            WHEN OLD.lead IS NOT NEW.lead BEGIN {_hidden_of("NEW")} END;
        CREATE TRIGGER event_leads_delete AFTER DELETE ON event_reports BEGIN
            UPDATE events SET hidden = 0 WHERE article_id = OLD.article_id AND id = OLD.event_id AND hidden != 0;
        END;
        """)


#: SQL: (source kind, article, attributions) counted from the rows: what ``articles_by_source_kind`` holds. The
#: migration fills the table with it and ``newsgraph check`` compares the two.
ARTICLES_BY_SOURCE_KIND_COUNTED = """SELECT s.kind, q.article_id, count(*) FROM attributions q
    JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
    WHERE s.kind IS NOT NULL GROUP BY s.kind, q.article_id"""


def _articles_by_source_kind(conn: sqlite3.Connection) -> None:
    """``articles_by_source_kind``: (source kind, article) → its attributions whose source is of that kind.

    The ``source_kind`` filter of ``/articles`` keeps the articles with an attribution
    whose source is of one kind, and the page says how many match. Built for each
    request from ``sources_kind`` (every source of the kind, each checked for an
    attribution), the set of articles with an anonymous source cost 0.5-0.7 s on a
    75,000-article store, three times a page. Here it is a range of this table: its
    size is a range count, and a page probes it by primary key. Triggers on
    ``attributions`` keep it (an attribution's source row is written before it, and
    sources change only with their article); an article's rows go with it (cascade).
    The migration counts an existing store once.
    """
    find = "SELECT s.kind FROM sources s WHERE s.article_id = {row}.article_id AND s.id = {row}.source_id"
    _run_script(conn, f"""
        CREATE TABLE articles_by_source_kind (
            kind TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            attributions INTEGER NOT NULL,
            PRIMARY KEY (kind, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX articles_by_source_kind_article ON articles_by_source_kind(article_id);
        INSERT INTO articles_by_source_kind (kind, article_id, attributions) {ARTICLES_BY_SOURCE_KIND_COUNTED};
        CREATE TRIGGER articles_by_source_kind_insert AFTER INSERT ON attributions WHEN NEW.source_id IS NOT NULL BEGIN
            INSERT INTO articles_by_source_kind (kind, article_id, attributions)
                SELECT kind, NEW.article_id, 1 FROM ({find.format(row="NEW")}) WHERE kind IS NOT NULL
                ON CONFLICT(kind, article_id) DO UPDATE SET attributions = attributions + 1;
        END;
        CREATE TRIGGER articles_by_source_kind_delete AFTER DELETE ON attributions WHEN OLD.source_id IS NOT NULL BEGIN
            UPDATE articles_by_source_kind SET attributions = attributions - 1
                WHERE kind = ({find.format(row="OLD")}) AND article_id = OLD.article_id;
            DELETE FROM articles_by_source_kind WHERE kind = ({find.format(row="OLD")}) AND article_id = OLD.article_id
                AND attributions <= 0;
        END;
        """)


def _browse_indexes(conn: sqlite3.Connection) -> None:
    """``entities_titled`` and ``articles_title``: two lists read in order from an index instead of sorted.

    ``entities_titled`` holds the entity rows that carry titles ("Prime Minister"), by
    corpus entity. A profile lists the titles an entity was given over time; few rows
    have any, but found through ``entities(corpus_entity_id)`` every row of the entity
    is read to test its ``titles`` (81 ms for the busiest entity of a 75,000-article
    store). ``articles_title`` orders articles by title as ``/articles?sort=title``
    does (case-insensitive, then rowid), so a page is a walk of the index, not a sort of
    every title (85 ms at 20,000 articles, growing with the store).
    """
    _run_script(conn, """
        CREATE INDEX entities_titled ON entities(corpus_entity_id) WHERE titles != '[]';
        CREATE INDEX articles_title ON articles(title COLLATE NOCASE);
        """)


def _sourcing_filters(conn: sqlite3.Connection) -> None:
    """``articles_filtered``: what a filtered sourcing report needs of each article, without its text.

    ``queries.picked_articles`` finds the articles an outlet or author filter keeps
    (a substring match, which no index range serves) by testing every article's
    outlet and authors, then reads their id, outlet and month. From the article rows
    that scan reads every row's page with its text (about 70 ms at 40,900 articles,
    growing with the store); this index holds the four columns, a few megabytes.
    """
    _run_script(conn, "CREATE INDEX articles_filtered ON articles(outlet, authors, published, id);")


#: The (corpus entity, name, type) a row of ``entities`` counts for, with ``''`` for no type (a key column).
_NAME_KEY = "{row}.corpus_entity_id, {row}.name, coalesce({row}.type, '')"
#: SQL true when no row of ``{row}``'s article but ``{rowid}`` has its corpus entity, name and type
#: (an index lookup: ``entities_corpus_name``).
_NAME_ALONE = ("NOT EXISTS (SELECT 1 FROM entities WHERE corpus_entity_id = {row}.corpus_entity_id "
               "AND name = {row}.name AND type IS {row}.type AND article_id = {row}.article_id "
               "AND rowid != {rowid})")
#: The source rows that name article entity ``{row}`` (an index lookup: ``sources_entity``).
_SOURCES_OF = "(SELECT count(*) FROM sources WHERE article_id = {row}.article_id AND entity_id = {row}.id)"


def _entity_name_gain(row: str, rowid: str) -> str:
    """The statement adding entity row ``row``'s share to its (corpus entity, name, type) tally."""
    f = {"row": row, "rowid": rowid}
    return (f"INSERT INTO entity_name_tallies (corpus_entity_id, name, type, articles, mentions, sources) "
            f"SELECT {_NAME_KEY.format(**f)}, {_NAME_ALONE.format(**f)}, {row}.n_mentions, {_SOURCES_OF.format(**f)} "
            f"WHERE {row}.corpus_entity_id IS NOT NULL ON CONFLICT(corpus_entity_id, name, type) DO UPDATE SET "
            "articles = articles + excluded.articles, mentions = mentions + excluded.mentions, "
            "sources = sources + excluded.sources;")


def _entity_name_loss(row: str, rowid: str) -> str:
    """The statements taking entity row ``row``'s share away from its tally (the row goes when no article is left)."""
    f = {"row": row, "rowid": rowid}
    where = (f"corpus_entity_id = {row}.corpus_entity_id AND name = {row}.name "
             f"AND type = coalesce({row}.type, '')")
    return (f"UPDATE entity_name_tallies SET articles = articles - {_NAME_ALONE.format(**f)}, "
            f"mentions = mentions - {row}.n_mentions, sources = sources - {_SOURCES_OF.format(**f)} WHERE {where};"
            f"DELETE FROM entity_name_tallies WHERE {where} AND articles <= 0;")


def _source_name_step(row: str, sign: str) -> str:
    """The statement counting source row ``row`` (``sign`` ``+`` or ``-``) for the tally of the entity it names."""
    return (f"UPDATE entity_name_tallies SET sources = sources {sign} 1 WHERE (corpus_entity_id, name, type) = "
            f"(SELECT corpus_entity_id, name, coalesce(type, '') FROM entities "
            f"WHERE article_id = {row}.article_id AND id = {row}.entity_id);")


#: ``entity_name_tallies`` counted from the rows (the migration, ``newsgraph check``, the tests).
ENTITY_NAME_TALLIES_COUNTED = """
    SELECT e.corpus_entity_id, e.name, coalesce(e.type, '') AS type, count(DISTINCT e.article_id) AS articles,
           sum(e.n_mentions) AS mentions,
           sum((SELECT count(*) FROM sources s WHERE s.article_id = e.article_id AND s.entity_id = e.id)) AS sources
    FROM entities e WHERE e.corpus_entity_id IS NOT NULL
    GROUP BY e.corpus_entity_id, e.name, coalesce(e.type, '')"""


def _entity_name_tallies(conn: sqlite3.Connection) -> None:
    """``entity_name_tallies``: per corpus entity and name variant, its articles, mentions and source rows.

    A profile lists the names an entity goes by with their articles and mentions,
    and picks how to find its quotes by how many source rows name it. Counted from
    the rows, the busiest entity of the 100,000-article store (42,081 entity rows)
    took about 150 ms for the names (``count(DISTINCT article_id)`` sorts them) and
    40-130 ms for the source rows (an entity row and a source lookup each); kept
    here, both are one short index range. Triggers on ``entities`` (a row written,
    deleted, or moved to another corpus entity by a merge or split) and on
    ``sources`` (a source naming an entity) keep it inside the writing transaction,
    as ``tallies`` are; ``newsgraph check`` compares it with a count from the rows.
    The migration counts an existing store once.
    """
    entity_columns = "corpus_entity_id, name, type, n_mentions, id, article_id"
    _run_script(conn, f"""
        CREATE TABLE entity_name_tallies (
            corpus_entity_id INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
            articles INTEGER NOT NULL, mentions INTEGER NOT NULL, sources INTEGER NOT NULL,
            PRIMARY KEY (corpus_entity_id, name, type)
        ) WITHOUT ROWID;
        INSERT INTO entity_name_tallies (corpus_entity_id, name, type, articles, mentions, sources)
            {ENTITY_NAME_TALLIES_COUNTED};
        CREATE TRIGGER entity_name_tallies_insert AFTER INSERT ON entities BEGIN
            {_entity_name_gain("NEW", "NEW.rowid")}
        END;
        CREATE TRIGGER entity_name_tallies_delete AFTER DELETE ON entities BEGIN
            {_entity_name_loss("OLD", "OLD.rowid")}
        END;
        CREATE TRIGGER entity_name_tallies_update AFTER UPDATE OF {entity_columns} ON entities BEGIN
            {_entity_name_loss("OLD", "NEW.rowid")}
            {_entity_name_gain("NEW", "NEW.rowid")}
        END;
        CREATE TRIGGER entity_name_tallies_source_insert AFTER INSERT ON sources WHEN NEW.entity_id IS NOT NULL BEGIN
            {_source_name_step("NEW", "+")}
        END;
        CREATE TRIGGER entity_name_tallies_source_delete AFTER DELETE ON sources WHEN OLD.entity_id IS NOT NULL BEGIN
            {_source_name_step("OLD", "-")}
        END;
        CREATE TRIGGER entity_name_tallies_source_update AFTER UPDATE OF entity_id, article_id ON sources BEGIN
            {_source_name_step("OLD", "-")}
            {_source_name_step("NEW", "+")}
        END;
        """)



def _chart_indexes(conn: sqlite3.Connection) -> None:
    """Two indexes of ``sourcing_tallies`` that hold its rows in the orders the sourcing charts sum them.

    ``sourcing_breakdown`` sums the tallies per (outlet, kind) and per month. The
    table is keyed by (outlet, month, kind), so each sum sorted every row first: at
    100,000 articles over 20 outlets and 240 months, 30,049 rows, 30-55 ms a sum under
    load, on every ``/sources`` page and ``/api/charts/sourcing``. Read from these
    indexes the rows come in group order (10 ms each under load).
    """
    _run_script(conn, """
        CREATE INDEX sourcing_tallies_kind ON sourcing_tallies(outlet, kind, attributions);
        CREATE INDEX sourcing_tallies_month ON sourcing_tallies(month, attributions, anonymous);
        """)


#: The corpus entity of event ``v``'s actor (``{side}`` ``actor``) or target row, read from the entity rows.
_EVENT_SIDE = "(SELECT corpus_entity_id FROM entities WHERE article_id = v.article_id AND id = v.{side})"
_ACTOR_CID, _TARGET_CID = _EVENT_SIDE.format(side="actor"), _EVENT_SIDE.format(side="target")

_ENTITY_MONTH_UPSERT = ("ON CONFLICT(corpus_entity_id, month) DO UPDATE SET mentions = mentions + excluded.mentions, "
                        "events = events + excluded.events, main_events = main_events + excluded.main_events;")
_ENTITY_MONTH_INSERT = "INSERT INTO entity_month_tallies (corpus_entity_id, month, mentions, events, main_events) "


def _entity_mentions_step(source: str, where: str, sign: str) -> str:
    """Add (``+``) or take away (``-``) the mentions of the entity rows ``source`` gives (``e``), per month.

    Rows whose article is gone count nothing: an article's delete takes its rows' share away first.
    """
    return (f"{_ENTITY_MONTH_INSERT} SELECT e.corpus_entity_id, {_month_of('a')}, {sign}sum(e.n_mentions), 0, 0 "
            f"FROM {source} JOIN articles a ON a.id = e.article_id "
            f"WHERE ({where}) AND e.corpus_entity_id IS NOT NULL GROUP BY 1, 2 {_ENTITY_MONTH_UPSERT}")


def _entity_events_step(source: str, where: str, sign: str, actor: str = "", target: str = "") -> str:
    """Add or take away the events ``source`` gives (``v``: article_id, actor, target, main), per month.

    An event counts once for the corpus entity of its actor row and once for that of
    its target row when that is another one (what ``entity_by_month`` always counted:
    each event once per entity). ``actor`` and ``target`` are SQL for those corpus
    entities; by default read from the entity rows as they stand.
    """
    actor, target = actor or _ACTOR_CID, target or _TARGET_CID
    return (f"{_ENTITY_MONTH_INSERT} SELECT x.cid, {_month_of('a')}, 0, {sign}count(*), {sign}sum(x.main) FROM ("
            f"SELECT {actor} AS cid, v.main AS main, v.article_id AS article_id FROM {source} WHERE {where} "
            f"UNION ALL SELECT {target}, v.main, v.article_id FROM {source} "
            f"WHERE ({where}) AND ({target}) IS NOT ({actor})"
            f") x JOIN articles a ON a.id = x.article_id WHERE x.cid IS NOT NULL GROUP BY 1, 2 {_ENTITY_MONTH_UPSERT}")


def _one_row(row: str, columns: str) -> str:
    """A one-row derived table of trigger row ``row`` (``NEW``/``OLD``), so the steps above read it like a table."""
    return "(SELECT " + ", ".join(f"{row}.{c} AS {c}" for c in columns.split(", ")) + ")"


def _entity_row_events(row: str, before: str) -> str:
    """The events naming entity row ``row`` moved from its corpus entity ``before`` to the one the rows now give."""
    events = "events v"
    where = f"v.article_id = {row}.article_id AND (v.actor = {row}.id OR v.target = {row}.id)"

    def was(side: str) -> str:
        return f"CASE WHEN v.{side} = {row}.id THEN {before} ELSE {_EVENT_SIDE.format(side=side)} END"

    return (_entity_events_step(events, where, "-", was("actor"), was("target"))
            + _entity_events_step(events, where, "+"))


#: ``entity_month_tallies`` counted from the rows (the migration, ``newsgraph check``, the tests).
ENTITY_MONTH_TALLIES_COUNTED = f"""
    SELECT cid, month, sum(mentions), sum(events), sum(main_events) FROM (
        SELECT e.corpus_entity_id AS cid, {_month_of('a')} AS month, e.n_mentions AS mentions, 0 AS events,
               0 AS main_events
        FROM entities e JOIN articles a ON a.id = e.article_id WHERE e.corpus_entity_id IS NOT NULL
        UNION ALL
        SELECT x.cid, {_month_of('a')}, 0, 1, x.main FROM (
            SELECT {_ACTOR_CID} AS cid, v.main AS main, v.article_id AS article_id FROM events v
            UNION ALL
            SELECT {_TARGET_CID}, v.main, v.article_id FROM events v WHERE {_TARGET_CID} IS NOT {_ACTOR_CID}
        ) x JOIN articles a ON a.id = x.article_id WHERE x.cid IS NOT NULL
    ) GROUP BY cid, month"""


def _entity_month_tallies(conn: sqlite3.Connection) -> None:
    """``entity_month_tallies``: per corpus entity and month of publication, its mentions, events and main events.

    An entity's page charts its mentions and events per month. Counted from the rows,
    the busiest entity of the 100,000-article store (42,081 entity rows) took 0.9 s
    warm: every entity row with its article's date, every event naming it. The
    counts were kept in memory per store state, so the first view after a server
    start (or after any write) paid the whole count, past the 2 s deadline once the
    page's other queries ran cold. Kept here, the chart reads one short index range.

    ``month`` is ``YYYY-MM``, or '' for an article no month places. Triggers keep
    it inside the writing transaction: an entity row written, deleted or moved to
    another corpus entity (a merge or split) moves its mentions and the events that
    name it; an event written, deleted or changed; an article deleted (its rows'
    share taken away before the cascade, whose own triggers then find no article)
    or re-dated. Rows that fall to 0 stay; readers skip them. ``newsgraph check``
    compares the table with a count from the rows; the migration counts an existing
    store once.
    """
    one_entity = "corpus_entity_id, n_mentions, article_id"
    one_event = "article_id, actor, target, main"

    def article_rows(row: str, sign: str) -> str:
        """Every entity row's and event's share of article ``row`` added or taken away."""
        return (_entity_mentions_step("entities e", f"e.article_id = {row}.id", sign)
                + _entity_events_step("events v", f"v.article_id = {row}.id", sign))

    _run_script(conn, f"""
        CREATE TABLE entity_month_tallies (
            corpus_entity_id INTEGER NOT NULL, month TEXT NOT NULL,
            mentions INTEGER NOT NULL, events INTEGER NOT NULL, main_events INTEGER NOT NULL,
            PRIMARY KEY (corpus_entity_id, month)
        ) WITHOUT ROWID;
        {_ENTITY_MONTH_INSERT} {ENTITY_MONTH_TALLIES_COUNTED};
        CREATE TRIGGER entity_month_tallies_entity_insert AFTER INSERT ON entities BEGIN
            {_entity_mentions_step(_one_row("NEW", one_entity) + " e", "1", "+")}
        END;
        CREATE TRIGGER entity_month_tallies_entity_insert_events AFTER INSERT ON entities
        WHEN NEW.corpus_entity_id IS NOT NULL BEGIN
            {_entity_row_events("NEW", "NULL")}
        END;
        CREATE TRIGGER entity_month_tallies_entity_delete AFTER DELETE ON entities BEGIN
            {_entity_mentions_step(_one_row("OLD", one_entity) + " e", "1", "-")}
            {_entity_row_events("OLD", "OLD.corpus_entity_id")}
        END;
        CREATE TRIGGER entity_month_tallies_entity_update AFTER UPDATE OF corpus_entity_id, n_mentions ON entities
        BEGIN
            {_entity_mentions_step(_one_row("OLD", one_entity) + " e", "1", "-")}
            {_entity_mentions_step(_one_row("NEW", one_entity) + " e", "1", "+")}
        END;
        CREATE TRIGGER entity_month_tallies_entity_move AFTER UPDATE OF corpus_entity_id ON entities
        WHEN OLD.corpus_entity_id IS NOT NEW.corpus_entity_id BEGIN
            {_entity_row_events("NEW", "OLD.corpus_entity_id")}
        END;
        CREATE TRIGGER entity_month_tallies_event_insert AFTER INSERT ON events BEGIN
            {_entity_events_step(_one_row("NEW", one_event) + " v", "1", "+")}
        END;
        CREATE TRIGGER entity_month_tallies_event_delete AFTER DELETE ON events BEGIN
            {_entity_events_step(_one_row("OLD", one_event) + " v", "1", "-")}
        END;
        CREATE TRIGGER entity_month_tallies_event_update AFTER UPDATE OF article_id, actor, target, main ON events
        BEGIN
            {_entity_events_step(_one_row("OLD", one_event) + " v", "1", "-")}
            {_entity_events_step(_one_row("NEW", one_event) + " v", "1", "+")}
        END;
        CREATE TRIGGER entity_month_tallies_article_delete BEFORE DELETE ON articles BEGIN
            {article_rows("OLD", "-")}
        END;
        CREATE TRIGGER entity_month_tallies_article_before_update BEFORE UPDATE OF published ON articles BEGIN
            {article_rows("OLD", "-")}
        END;
        CREATE TRIGGER entity_month_tallies_article_after_update AFTER UPDATE OF published ON articles BEGIN
            {article_rows("NEW", "+")}
        END;
        """)


#: Every migration, in the order it runs. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _initial),
    Migration("0002_pipeline_fingerprint", _pipeline_fingerprint),
    Migration("0003_profile_indexes", _profile_indexes),
    Migration("0004_warnings", _warnings),
    Migration("0005_event_entity_indexes", _event_entity_indexes),
    Migration("0006_tallies", _tallies),
    Migration("0007_event_main", _event_main),
    Migration("0008_graph", _graph),
    Migration("0009_duplicates", _duplicates),
    Migration("0010_event_clusters", _event_clusters),
    Migration("0011_source_roles", _source_roles),
    Migration("0012_attribution_parts", _attribution_parts),
    Migration("0013_charts", _charts),
    Migration("0014_source_tallies", _source_tallies),
    Migration("0015_event_leads", _event_leads),
    Migration("0016_articles_by_source_kind", _articles_by_source_kind),
    Migration("0017_browse_indexes", _browse_indexes),
    Migration("0018_sourcing_filters", _sourcing_filters),
    Migration("0019_outlet_source_tallies", _outlet_source_tallies),
    Migration("0020_entity_name_tallies", _entity_name_tallies),
    Migration("0021_chart_indexes", _chart_indexes),
    Migration("0022_entity_month_tallies", _entity_month_tallies),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations this store has run, in order."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def pending(conn: sqlite3.Connection) -> list[Migration]:
    done = set(applied(conn))
    return [m for m in MIGRATIONS if m.name not in done]


def unknown(conn: sqlite3.Connection) -> list[str]:
    """Migrations the store has that this newsgraph does not know: a newer version made it."""
    known = {m.name for m in MIGRATIONS}
    return [name for name in applied(conn) if name not in known]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Run the pending migrations, each in one transaction; returns their names.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    if not pending(conn):
        return []
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    ran = []
    for migration in pending(conn):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have run it while we waited for the lock.
            if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (migration.name,)).fetchone():
                conn.execute("COMMIT")
                continue
            migration.apply(conn)
            conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (migration.name, _now()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran.append(migration.name)
    return ran
