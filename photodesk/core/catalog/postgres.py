"""The PostgreSQL backend of the catalog (the newsroom's shared archive): connecting by URL, the
archive's tables, indexes and roles, and what `photodesk archive init` does.

The tables are the catalog's own, read from a new SQLite catalog as its migrations leave it
(schema.py declares them once), in PostgreSQL's types: a copy between the two keeps every
column. What only the archive has is declared here: photo_words, the search index
(PhotoDesk's folded words as a tsvector under a GIN index; search/postgres.py writes it).
The indexes are PostgreSQL's own design, not a copy of SQLite's partial ones.
"""

import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from photodesk.core.catalog.location import hide_password

EDITOR, READER = "photodesk_editor", "photodesk_reader"  # the archive's two roles
CHANNEL = "photodesk_photos"  # where the archive announces the photos each change touched
# A SQLite type as its affinity reads it -> PostgreSQL's type.
TYPES = {"INTEGER": "bigint", "TEXT": "text", "REAL": "double precision",
         "FLOAT": "double precision", "BLOB": "bytea", "": "text"}
# SQLite's own tables and the full-text index's: the archive has its own index.
LEFT_OUT = ("_sqlite_migrations", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4")
# What only the archive has, after the catalog's tables.
ARCHIVE_TABLES = (
    "CREATE TABLE photodesk_archive (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE INDEX history_photo ON history (photo_id, id)",
    # The search index: PhotoDesk's folded words of each photo, column by column
    # (search/postgres.py), under its search key, which orders photos newest first.
    "CREATE TABLE photo_words (photo_id bigint PRIMARY KEY REFERENCES photos(id) "
    "ON DELETE CASCADE, key bigint NOT NULL, words tsvector NOT NULL)",
    "CREATE INDEX photo_words_words ON photo_words USING gin (words)",
    "CREATE INDEX photo_words_key ON photo_words (key)",
    # Every desk hears of every change to a photo (LISTEN photodesk_photos): the ids changed
    # by each statement, from whichever desk or indexer, announced when it commits; '*' when
    # they would not fit a notification (8,000 bytes).
    *(f"""CREATE FUNCTION photodesk_announce_{column}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE ids text;
    BEGIN
      SELECT string_agg(DISTINCT {column}::text, ',') INTO ids FROM changed;
      IF ids IS NOT NULL THEN
        PERFORM pg_notify('{CHANNEL}', CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
      END IF;
      RETURN NULL;
    END $$""" for column in ("id", "photo_id")),
    *(f"CREATE TRIGGER {table}_{event.lower()}_announced AFTER {event} ON {table} "
      f"REFERENCING {'OLD' if event == 'DELETE' else 'NEW'} TABLE AS changed "
      f"FOR EACH STATEMENT EXECUTE FUNCTION photodesk_announce_{column}()"
      for table, column in (("photos", "id"), ("photo_people", "photo_id"),
                            ("photo_events", "photo_id"), ("photo_keywords", "photo_id"))
      for event in ("INSERT", "UPDATE", "DELETE")),
)
# The indexes the catalog's reads and the search's walks use, in PostgreSQL's terms.
INDEXES = (
    "CREATE UNIQUE INDEX photos_place ON photos (root_id, relpath)",
    "CREATE INDEX photos_folder ON photos (folder_id)",
    "CREATE INDEX photos_hash ON photos (hash)",
    "CREATE INDEX photos_key ON photos (search_key)",
    "CREATE INDEX photos_name_sort ON photos (name_sort, id)",
    "CREATE INDEX photos_indexed ON photos (indexed_at, id)",
    "CREATE INDEX photos_rating ON photos (rating, search_key)",
    "CREATE INDEX photos_label ON photos (lower(label), search_key) WHERE label IS NOT NULL",
    "CREATE INDEX photos_pick ON photos (pick, search_key) WHERE pick <> 0",
    "CREATE INDEX photos_status ON photos (status, search_key) WHERE status <> 'present'",
    "CREATE INDEX photos_copy_of ON photos (copy_of) WHERE copy_of IS NOT NULL",
    "CREATE UNIQUE INDEX folders_place ON folders (root_id, relpath)",
    "CREATE UNIQUE INDEX articles_place ON articles (root_id, relpath)",
    "CREATE INDEX article_images_article ON article_images (article_id, position)",
    "CREATE INDEX article_images_photo ON article_images (photo_id)",
    "CREATE UNIQUE INDEX people_name ON people (name)",
    "CREATE INDEX people_folded ON people (folded)",
    "CREATE INDEX events_name ON events (name, date)",
    "CREATE INDEX events_folded ON events (folded)",
    "CREATE UNIQUE INDEX keywords_name ON keywords (name)",
    "CREATE INDEX keywords_folded ON keywords (folded)",
    "CREATE INDEX photo_people_person ON photo_people (person_id, state, photo_id)",
    "CREATE INDEX photo_events_event ON photo_events (event_id, state, photo_id)",
    "CREATE INDEX photo_keywords_keyword ON photo_keywords (keyword_id, state, photo_id)",
    "CREATE UNIQUE INDEX saved_searches_name ON saved_searches (name)",
)


class ArchiveError(Exception):
    """The archive cannot do what was asked; the message says why, in the user's words."""


def lost_archive(exc: BaseException) -> bool:
    """Whether exc says the archive's server cannot be reached (gone, or never there): what
    was asked can be asked again once it is back."""
    import sys
    from photodesk.core.catalog.db import CatalogError
    if isinstance(exc, CatalogError) and getattr(exc, "unreachable", False):
        return True
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(exc, (psycopg.OperationalError,
                                                    psycopg.InterfaceError))


@dataclass(frozen=True)
class Column:
    name: str
    type: str          # PostgreSQL's
    not_null: bool
    default: str | None
    primary: int       # place in the primary key (0: not in it)


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    references: tuple[tuple[str, str, str], ...]  # (column, table, its column)

    @property
    def key(self) -> list[str]:
        return [c.name for c in sorted(self.columns, key=lambda c: c.primary) if c.primary]

    @property
    def identity(self) -> str | None:
        """The integer id the database numbers (SQLite's INTEGER PRIMARY KEY 'id')."""
        key = self.key
        if key == ["id"] and next(c for c in self.columns if c.name == "id").type == "bigint":
            return "id"
        return None

    def create(self) -> str:
        parts = []
        for c in self.columns:
            text = f'"{c.name}" {c.type}'
            if c.name == self.identity:
                text += " GENERATED BY DEFAULT AS IDENTITY"
            if c.not_null:
                text += " NOT NULL"
            if c.default is not None:
                text += f" DEFAULT {c.default}"
            parts.append(text)
        parts.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in self.key) + ")")
        return f'CREATE TABLE "{self.name}" (' + ", ".join(parts) + ")"

    def constraints(self) -> list[str]:
        """The references, added once every table exists (a copy fills them in any order)."""
        return [f'ALTER TABLE "{self.name}" ADD FOREIGN KEY ("{column}") '
                f'REFERENCES "{other}" ("{other_column}") DEFERRABLE INITIALLY DEFERRED'
                for column, other, other_column in self.references]


def catalog_tables() -> tuple[list[Table], list[str]]:
    """The catalog's tables as a new SQLite catalog has them, in an order that creates each
    after those it references; and the names of the migrations that made them."""
    from photodesk.core.catalog.db import Catalog
    with tempfile.TemporaryDirectory(prefix="photodesk-schema-") as folder:
        cat = Catalog(Path(folder) / "schema.sqlite", backups=False)
        try:
            tables = _tables(cat.db.conn)
            applied = cat.schema_version()
        finally:
            cat.close()
    return tables, applied


def _tables(db: sqlite3.Connection) -> list[Table]:
    shadow = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND sql LIKE 'CREATE VIRTUAL TABLE%'")}
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "ORDER BY rowid")]
    names = [n for n in names if n not in LEFT_OUT and n not in shadow
             and not any(n.startswith(v + "_") for v in shadow)]
    found = {}
    for name in names:
        columns = tuple(
            Column(column, TYPES.get(kind.upper(), "text"), bool(not_null), default, primary)
            for _, column, kind, not_null, default, primary
            in db.execute(f'PRAGMA table_info("{name}")'))
        references = tuple((r[3], r[2], r[4] or "id")
                           for r in db.execute(f'PRAGMA foreign_key_list("{name}")'))
        found[name] = Table(name, columns, references)
    return list(found.values())


def connect(url: str, **options):
    """A connection to the archive; ArchiveError saying why when there is none."""
    import psycopg
    try:
        return psycopg.connect(url, connect_timeout=10, **options)
    except psycopg.OperationalError as e:
        raise ArchiveError(f"cannot reach the archive at {hide_password(url)}: "
                           f"{_first_line(e)}") from None


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def problem(exc: Exception, where: str) -> str:
    """One line for an error the archive's server gave, in the user's words."""
    import psycopg
    shown = hide_password(str(where))
    if isinstance(exc, psycopg.OperationalError):
        return (f"the archive at {shown} cannot be reached: {_first_line(exc)}; nothing was "
                "changed by the step that failed")
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return (f"{shown}: your role may only read the archive ({_first_line(exc)}); ask for "
                f"the {EDITOR} role to edit")
    return f"{shown}: the archive refused: {_first_line(exc)}"


def is_archive(conn) -> bool:
    return conn.execute("SELECT to_regclass('photodesk_archive') IS NOT NULL").fetchone()[0]


def archive_info(conn) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM photodesk_archive").fetchall())


def init(url: str) -> list[str]:
    """Create the archive's tables, indexes and roles on an empty database; what was done, in
    the user's words. ArchiveError when the database is not empty or cannot be changed."""
    import psycopg
    done = []
    with connect(url) as conn:
        if is_archive(conn):
            info = archive_info(conn)
            raise ArchiveError(f"{hide_password(url)} already holds a PhotoDesk archive "
                               f"(made {info.get('created', '?')}); nothing was changed")
        others = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = "
                              "current_schema()").fetchone()[0]
        if others:
            raise ArchiveError(f"{hide_password(url)} holds {others} tables of another "
                               "program; give an empty database (createdb photodesk)")
        tables, applied = catalog_tables()
        try:
            with conn.transaction():
                for table in tables:
                    conn.execute(table.create())
                for table in tables:
                    for sql in table.constraints():
                        conn.execute(sql)
                for sql in ARCHIVE_TABLES + INDEXES:
                    conn.execute(sql)
                from photodesk.core.catalog.photos import now
                conn.execute("INSERT INTO photodesk_archive (key, value) VALUES "
                             "('created', %s), ('migrations', %s)",
                             [now(), "\n".join(applied)])
        except psycopg.Error as e:
            raise ArchiveError(f"cannot create the archive's tables: {_first_line(e)}") from None
        done.append(f"created {len(tables) + 2} tables and {len(INDEXES) + 3} indexes "
                    f"(schema {applied[-1]})")
        done += _roles(conn)
    return done


def _roles(conn) -> list[str]:
    """The editor and reader roles, created when missing (they belong to the server, not to
    one database) and granted what each may do here."""
    import psycopg
    done = []
    for role in (READER, EDITOR):
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
        if exists:
            done.append(f"role {role} exists already")
            continue
        try:
            with conn.transaction():
                conn.execute(f"CREATE ROLE {role} NOLOGIN")
            done.append(f"created role {role}")
        except psycopg.Error as e:
            done.append(f"could not create role {role} ({_first_line(e)}): ask the server's "
                        "administrator, or run archive init as a superuser")
            return done
    with conn.transaction():
        database = conn.execute("SELECT current_database()").fetchone()[0]
        conn.execute(f'GRANT CONNECT ON DATABASE "{database}" TO {READER}, {EDITOR}')
        conn.execute(f"GRANT USAGE ON SCHEMA public TO {READER}, {EDITOR}")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READER}")
        conn.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                     f"TO {EDITOR}")
        conn.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {EDITOR}")
        # The editor keeps the history: it may add to it, never change or remove it.
        conn.execute(f"REVOKE UPDATE, DELETE ON history FROM {EDITOR}")
    done.append(f"granted {READER} reading and {EDITOR} reading and editing; give each "
                f"member of staff a login in one of them (CREATE ROLE name LOGIN PASSWORD '…' "
                f"IN ROLE {READER})")
    return done
