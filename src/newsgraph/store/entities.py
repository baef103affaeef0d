"""Cross-article entities: resolve article-level entities to corpus entities, merge, split.

Resolution is deliberately conservative and deterministic, so a user can fix it:

1. a user decision for this article and name (a *split*) wins;
2. else the normalised name (``name_key``) is looked up in ``entity_keys``;
3. else a person joins the only person entity with the same surname whose
   full names all share its first name ("Roe" → "Jane Roe",
   "Jane Roe" → "Roe", but "Pete Roe" stays apart);
4. else a new corpus entity is made and the key recorded.

Keys are never deleted when articles are re-processed, and merges and splits
only move keys and overrides, so every decision survives re-processing: the
new article entities resolve through the same keys. The article-level rows
keep their own names and types; the corpus entity only groups them.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from newsgraph.errors import StoreError
from newsgraph.store.lexicons import NAME_SUFFIXES, ORG_OF_HEADS, PERSON_TITLES

#: Trailing possessive ("Jones's", "Roe’s").
RE_POSSESSIVE = re.compile(r"['’]s?$")
#: A leading article that does not change who is meant ("the Justice Department").
RE_LEADING_THE = re.compile(r"^the\s+")
#: Dots inside abbreviations ("U.S." → "us").
RE_DOTS = re.compile(r"\.")
#: Anything else that is not a letter, digit, ampersand or space.
RE_PUNCT = re.compile(r"[^\w\s&]")
RE_SPACES = re.compile(r"\s+")

#: Entity types whose one-word names may be surnames of a full name.
PERSON_TYPES = frozenset({"PERSON"})
ORG_TYPES = frozenset({"ORG"})


def name_key(name: str, entity_type: str | None = None) -> str:
    """The normalised form under which names of one entity meet.

    Case, possessives, a leading "the", dots and punctuation are dropped:
    "The U.S. Justice Department's" → "us justice department". For people,
    titles, middle initials and suffixes go too ("President Jane A. Roe Jr."
    → "jane roe"); for organisations "department of justice" becomes
    "justice department".
    """
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = RE_POSSESSIVE.sub("", text)
    text = RE_LEADING_THE.sub("", text)
    text = RE_DOTS.sub("", text)
    text = RE_PUNCT.sub(" ", text)
    text = RE_SPACES.sub(" ", text).strip()
    if entity_type in PERSON_TYPES:
        text = _person_key(text)
    elif entity_type in ORG_TYPES:
        text = _org_key(text)
    return text or name.strip().casefold() or "?"


def _person_key(text: str) -> str:
    tokens = text.split()
    stripped = True
    while stripped and len(tokens) > 1:
        stripped = False
        for title in PERSON_TITLES:
            words = title.split()
            if tokens[: len(words)] == words and len(tokens) > len(words):
                tokens = tokens[len(words):]
                stripped = True
                break
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens.pop()
    if len(tokens) > 2:  # middle initials: "rod j rosenstein" → "rod rosenstein"
        tokens = [tokens[0], *(t for t in tokens[1:-1] if len(t) > 1), tokens[-1]]
    return " ".join(tokens)


def _org_key(text: str) -> str:
    tokens = text.split()
    if len(tokens) >= 3 and tokens[0] in ORG_OF_HEADS and tokens[1] == "of":
        return " ".join([*tokens[2:], tokens[0]])
    return text


def _surname(key: str, entity_type: str | None) -> str | None:
    tokens = key.split()
    if entity_type in PERSON_TYPES and len(tokens) > 1:
        return tokens[-1]
    return None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _new_entity(conn: sqlite3.Connection, name: str, entity_type: str | None, *, pinned: bool = False) -> int:
    cur = conn.execute(
        "INSERT INTO corpus_entities (name, type, pinned, created_at) VALUES (?, ?, ?, ?)",
        (name, entity_type, int(pinned), _now()),
    )
    return int(cur.lastrowid or 0)


def _add_key(conn: sqlite3.Connection, key: str, corpus_id: int, entity_type: str | None) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO entity_keys (key, corpus_entity_id, surname) VALUES (?, ?, ?)",
        (key, corpus_id, _surname(key, entity_type)),
    )


def _same_person(conn: sqlite3.Connection, key: str) -> int | None:
    """The only person entity ``key`` can be: same surname, and no full name with another first name.

    "roe" joins the one entity with a full name ending in "roe";
    "jane roe" joins an entity named "roe" or "jane … roe",
    never one that already holds "pete roe".
    """
    tokens = key.split()
    last, first = tokens[-1], (tokens[0] if len(tokens) > 1 else None)
    rows = conn.execute(
        "SELECT k.corpus_entity_id, k.key, k.surname, c.type FROM entity_keys k "
        "JOIN corpus_entities c ON c.id = k.corpus_entity_id WHERE k.surname = ? OR k.key = ?",
        (last, last),
    ).fetchall()
    keys_of: dict[int, list[tuple[str, str | None, str | None]]] = {}
    for cid, other, surname, etype in rows:
        keys_of.setdefault(int(cid), []).append((other, surname, etype))
    fits = []
    for cid, keys in keys_of.items():
        full_names = [k for k, surname, _ in keys if surname is not None]
        if not full_names and not any(t in PERSON_TYPES for _, _, t in keys):
            continue  # a one-word place or organisation, not a person
        if first is None or all(k.split()[0] == first for k in full_names):
            fits.append(cid)
    return fits[0] if len(fits) == 1 else None


def resolve(conn: sqlite3.Connection, article_id: str, name: str, entity_type: str | None) -> int:
    """The corpus entity of an article entity; creates one (and its key) when none fits."""
    key = name_key(name, entity_type)
    row = conn.execute(
        "SELECT corpus_entity_id FROM entity_overrides WHERE article_id = ? AND key = ?", (article_id, key)
    ).fetchone()
    if row:
        return int(row[0])
    row = conn.execute("SELECT corpus_entity_id FROM entity_keys WHERE key = ?", (key,)).fetchone()
    if row:
        return int(row[0])
    found = _same_person(conn, key) if entity_type in PERSON_TYPES else None
    corpus_id = found if found is not None else _new_entity(conn, name, entity_type)
    _add_key(conn, key, corpus_id, entity_type)
    return corpus_id


def display_name(names: dict[str, int]) -> str:
    """The name a corpus entity is shown by: the fullest of its common names.

    ``names`` maps each name to its number of articles. Among names used in at
    least half as many articles as the commonest, the one with the most
    distinct words wins ("Barack Obama" over a more frequent "Obama"), then one
    without a doubled word (a typo such as "Jane Roe Roe"), then the commonest.
    """
    top = max(names.values())
    common = [n for n, c in names.items() if 2 * c >= top]

    def rank(name: str) -> tuple[int, bool, bool, int, str]:
        bare = RE_LEADING_THE.sub("", name.casefold())
        words = bare.split()
        return len(set(words)), len(set(words)) == len(words), bare == name.casefold(), names[name], name

    return max(common, key=rank)


def refresh(conn: sqlite3.Connection, ids: set[int] | None = None) -> None:
    """Recompute display name and type (the commonest) of corpus entities (``ids``, or all).

    Names a user chose (``pinned``) are kept.
    """
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS refresh_ids (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM refresh_ids")
    if ids is None:
        conn.execute("INSERT INTO refresh_ids SELECT id FROM corpus_entities")
    else:
        conn.executemany("INSERT OR IGNORE INTO refresh_ids VALUES (?)", [(i,) for i in ids])
    names = expected_names(conn, "SELECT id FROM refresh_ids")
    conn.executemany(
        "UPDATE corpus_entities SET name = CASE WHEN pinned THEN name ELSE ? END, type = ? WHERE id = ?",
        [(name, etype, cid) for cid, (name, etype) in names.items()],
    )
    conn.execute("DELETE FROM refresh_ids")


def expected_names(conn: sqlite3.Connection, ids_sql: str = "SELECT id FROM corpus_entities") -> dict[int, tuple]:
    """What ``refresh`` sets: corpus entity id → (display name, commonest type), for the ids ``ids_sql`` selects.

    Shared by ``refresh`` and the store's check, which compares it with the stored names.
    Entities without article entities are absent (``refresh`` leaves them alone).
    """
    names: dict[int, dict[str, int]] = {}
    types: dict[int, dict[str, int]] = {}
    for target, column in ((names, "name"), (types, "type")):
        for cid, value, n in conn.execute(
            f"SELECT corpus_entity_id, {column}, count(DISTINCT article_id) FROM entities "
            f"WHERE corpus_entity_id IN ({ids_sql}) GROUP BY 1, 2"
        ):
            target.setdefault(cid, {})[value] = n
    return {cid: (display_name(names[cid]), max(types[cid], key=lambda t: (types[cid][t], t or "")))
            for cid in names}


# --- finding entities by what a user types ----------------------------------------


@dataclass(frozen=True)
class EntityRef:
    """A corpus entity as a user sees it in lists."""

    id: int
    name: str
    type: str | None
    articles: int


#: SQL: the number of articles that name corpus entity ``c``: the diagonal of ``co_mentions`` (migration
#: 0008, kept by triggers), one lookup where counting its entity rows reads tens of thousands for a busy one.
ARTICLES_OF = "coalesce((SELECT m.n FROM co_mentions m WHERE m.a = c.id AND m.b = c.id), 0)"


def _ref(conn: sqlite3.Connection, corpus_id: int) -> EntityRef | None:
    row = conn.execute(
        f"SELECT c.id, c.name, c.type, {ARTICLES_OF} FROM corpus_entities c WHERE c.id = ?",
        (corpus_id,),
    ).fetchone()
    return EntityRef(int(row[0]), row[1], row[2], int(row[3])) if row else None


RE_ENTITY_ID = re.compile(r"^#?(\d+)$")


def find(conn: sqlite3.Connection, query: str, limit: int = 10, *, exact_first: bool = True) -> list[EntityRef]:
    """Corpus entities a user may mean by ``query``: ``#12`` (an id), a name, or part of one.

    An exact name (after normalisation) gives that entity alone (unless not
    ``exact_first``); otherwise every entity with a name variant containing the
    query, most articles first.
    """
    match = RE_ENTITY_ID.match(query.strip())
    if match:
        ref = _ref(conn, int(match.group(1)))
        return [ref] if ref else []
    key = name_key(query)
    for candidate in (key, name_key(query, "PERSON"), name_key(query, "ORG")) if exact_first else ():
        row = conn.execute("SELECT corpus_entity_id FROM entity_keys WHERE key = ?", (candidate,)).fetchone()
        if row:
            ref = _ref(conn, int(row[0]))
            return [ref] if ref else []
    pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        f"""
        SELECT c.id, c.name, c.type, {ARTICLES_OF} AS n
        FROM corpus_entities c
        WHERE c.id IN (SELECT corpus_entity_id FROM entity_keys WHERE key LIKE ? ESCAPE '\\')
        ORDER BY n DESC, c.name LIMIT ?
        """,
        (pattern, limit),
    ).fetchall()
    return [EntityRef(int(r[0]), r[1], r[2], int(r[3])) for r in rows]


def find_one(conn: sqlite3.Connection, query: str) -> EntityRef:
    """Exactly one entity for ``query``, or a ``StoreError`` that lists the candidates."""
    found = find(conn, query)
    if not found:
        raise StoreError(f"no entity matches {query!r}")
    if len(found) > 1:
        listed = "; ".join(f"#{r.id} {r.name} ({r.articles} articles)" for r in found[:5])
        raise StoreError(f"{query!r} matches {len(found)} entities: {listed}; name one by its #id")
    return found[0]


# --- user decisions ---------------------------------------------------------------


def _log(conn: sqlite3.Connection, action: str, detail: dict) -> None:
    conn.execute(
        "INSERT INTO entity_decisions (action, detail, made_at) VALUES (?, ?, ?)",
        (action, json.dumps(detail, ensure_ascii=False), _now()),
    )


def merge(conn: sqlite3.Connection, keep: EntityRef, other: EntityRef) -> EntityRef:
    """Fold ``other`` into ``keep``: its names, overrides and article entities move over.

    The merged entity keeps ``keep``'s name from then on.
    """
    if keep.id == other.id:
        raise StoreError(f"#{keep.id} {keep.name} cannot be merged with itself")
    for table in ("entity_keys", "entity_overrides", "entities"):
        conn.execute(f"UPDATE {table} SET corpus_entity_id = ? WHERE corpus_entity_id = ?", (keep.id, other.id))
    conn.execute("DELETE FROM corpus_entities WHERE id = ?", (other.id,))
    conn.execute("UPDATE corpus_entities SET pinned = 1 WHERE id = ?", (keep.id,))  # the user named it
    _log(conn, "merge", {"keep": keep.id, "keep_name": keep.name, "merged": other.id, "merged_name": other.name})
    refresh(conn, {keep.id})
    ref = _ref(conn, keep.id)
    assert ref is not None
    return ref


def split(
    conn: sqlite3.Connection,
    entity: EntityRef,
    *,
    names: list[str] | None = None,
    articles: list[str] | None = None,
    new_name: str | None = None,
) -> EntityRef:
    """Move some of an entity into a new one: name variants (everywhere), or what some articles say.

    ``names`` alone moves those name variants in every article, now and after
    re-processing. ``articles`` moves that entity's mentions in those articles
    (only the given ``names`` when both are set); the choice is recorded per
    article and name, so re-processing keeps it.
    """
    names = [n for n in (names or []) if n.strip()]
    articles = [a for a in (articles or []) if a.strip()]
    if not names and not articles:
        raise StoreError("split needs --name or --article: what moves to the new entity")
    owned = {r[0] for r in conn.execute("SELECT key FROM entity_keys WHERE corpus_entity_id = ?", (entity.id,))}
    owned |= {r[0] for r in conn.execute("SELECT DISTINCT key FROM entities WHERE corpus_entity_id = ?",
                                         (entity.id,))}
    keys, missing = [], []
    for name in names:
        forms = [k for k in dict.fromkeys(name_key(name, t) for t in (None, "PERSON", "ORG")) if k in owned]
        keys.extend(forms) if forms else missing.append(name)
    if missing:
        raise StoreError(f"#{entity.id} {entity.name} has no name {', '.join(map(repr, missing))}")
    full_ids = [_article_id(conn, a) for a in articles]
    label = new_name or (names[0] if names else entity.name)
    new_id = _new_entity(conn, label, entity.type, pinned=new_name is not None)
    if articles:
        for article_id in full_ids:
            rows = conn.execute(
                "SELECT DISTINCT key FROM entities WHERE article_id = ? AND corpus_entity_id = ?",
                (article_id, entity.id),
            ).fetchall()
            moved = [r[0] for r in rows if not keys or r[0] in keys]
            if not moved:
                raise StoreError(f"article {article_id[:12]} does not mention #{entity.id} {entity.name}")
            for key in moved:
                conn.execute(
                    "INSERT OR REPLACE INTO entity_overrides (article_id, key, corpus_entity_id) VALUES (?, ?, ?)",
                    (article_id, key, new_id),
                )
                conn.execute(
                    "UPDATE entities SET corpus_entity_id = ? WHERE article_id = ? AND key = ? "
                    "AND corpus_entity_id = ?",
                    (new_id, article_id, key, entity.id),
                )
    else:
        for key in keys:
            conn.execute(
                "INSERT INTO entity_keys (key, corpus_entity_id, surname) VALUES (?, ?, NULL) "
                "ON CONFLICT(key) DO UPDATE SET corpus_entity_id = excluded.corpus_entity_id",
                (key, new_id),
            )
            conn.execute(
                "UPDATE entities SET corpus_entity_id = ? WHERE key = ? AND corpus_entity_id = ?",
                (new_id, key, entity.id),
            )
    _log(conn, "split", {"from": entity.id, "from_name": entity.name, "new": new_id, "names": names,
                         "articles": full_ids})
    refresh(conn, {new_id, entity.id})
    ref = _ref(conn, new_id)
    assert ref is not None
    return ref


def article_ids(conn: sqlite3.Connection, prefix: str, limit: int = 2) -> list[str]:
    """Up to ``limit`` ids of articles that start with ``prefix`` (a range of the primary key)."""
    return [str(r[0]) for r in conn.execute(
        "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?", (prefix, prefix + "\uffff", limit))]


def _article_id(conn: sqlite3.Connection, prefix: str) -> str:
    """A full article id from the id or a unique prefix of it (as lists print them)."""
    rows = article_ids(conn, prefix)
    if len(rows) != 1:
        what = "no article" if not rows else "several articles"
        raise StoreError(f"{what} with id {prefix!r}")
    return rows[0]
