"""A catalog on the PostgreSQL archive: the same Catalog the modules by idea use, over psycopg.

The modules write portable SQL with SQLite's placeholders (`?`, `:name`); this module turns
them into psycopg's, and spells the few statements Catalog spells once per backend (an id
list, a new row's id) in PostgreSQL's terms. Each thread opens its own ArchiveCatalog, as
with SQLite; outside a transaction each statement commits by itself.
"""

import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from photodesk.core.catalog import postgres
from photodesk.core.catalog.db import Catalog, CatalogError, CatalogTooNew
from photodesk.core.catalog.location import Location, locate

# A placeholder, or a string literal (left alone), or a % (doubled for psycopg).
_TOKENS = re.compile(r"'(?:[^']|'')*'|\?|(?<!:):([A-Za-z_]\w*)|%")
_IN_IDS = "= ANY(?)"  # with a list of ids as its parameter
_INSERT = re.compile(r"\s*INSERT INTO (\w+)", re.IGNORECASE)


@lru_cache(maxsize=4096)
def translated(sql: str) -> str:
    """SQLite-placeholder SQL in psycopg's terms."""
    def one(match: re.Match) -> str:
        token = match.group(0)
        if token.startswith("'"):
            return token.replace("%", "%%")
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return f"%({match.group(1)})s"
    sql = sql.replace(Catalog.IN_IDS, _IN_IDS)
    sql = re.sub(r"\bIS NOT \?", "IS DISTINCT FROM ?", sql)
    sql = re.sub(r"\bgroup_concat\(", "string_agg(", sql)
    return _TOKENS.sub(one, sql)


class _Cursor:
    """psycopg's cursor with sqlite3's lastrowid, for an INSERT given RETURNING id."""

    def __init__(self, cursor, lastrowid=None):
        self._cursor = cursor
        self.lastrowid = lastrowid

    def __getattr__(self, name):
        return getattr(self._cursor, name)

    def __iter__(self):
        return iter(self._cursor)


class ArchiveDatabase:
    """What Catalog.db offers the modules (execute, executemany, query, conn), on psycopg."""

    def __init__(self, conn):
        self.raw = conn
        self.conn = self  # the modules reach for db.conn.execute / executemany / cursor

    def execute(self, sql: str, params=None):
        cursor = self.raw.cursor()
        inserted = _INSERT.match(sql)
        if inserted and inserted.group(1) in _identity_tables() and "RETURNING" not in sql:
            cursor.execute(translated(sql) + " RETURNING id", _params(params))
            return _Cursor(cursor, cursor.fetchone()[0])  # sqlite3's lastrowid
        cursor.execute(translated(sql), _params(params))
        return _Cursor(cursor)

    def executemany(self, sql: str, rows) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(translated(sql), [_params(r) for r in rows])

    def cursor(self):
        return self

    def query(self, sql: str, params=None):
        from psycopg.rows import dict_row
        with self.raw.cursor(row_factory=dict_row) as cursor:
            cursor.execute(translated(sql), _params(params))
            yield from cursor.fetchall()

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()


def _params(params):
    if params is None:
        return None
    return params if isinstance(params, dict) else list(params)


class ArchiveCatalog(Catalog):
    """A catalog on the newsroom's archive (postgresql://…)."""

    backend = "postgresql"
    IN_IDS = Catalog.IN_IDS  # spelled as SQLite's; translated() makes it = ANY(…)

    def __init__(self, where: "str | Location", *, check_same_thread: bool = True,
                 backups: bool = True):
        self.location = locate(where)
        self.path = None  # no file: the archive is on a server
        self._roots = None
        try:
            conn = postgres.connect(self.location.url, autocommit=True)
        except postgres.ArchiveError as e:
            error = CatalogError(str(e))
            error.unreachable = True  # postgres.lost_archive(): ask again when it is back
            raise error from None
        self.db = ArchiveDatabase(conn)
        try:
            self._check_version()
        except BaseException:
            conn.close()
            raise

    def _check_version(self) -> None:
        from photodesk.core.catalog.schema import migrations
        shown = postgres.hide_password(self.location.url)
        if not postgres.is_archive(self.db.raw):
            raise CatalogError(f"{shown} holds no PhotoDesk archive; make one with "
                               f"`photodesk archive init {shown}`")
        made = postgres.archive_info(self.db.raw).get("migrations", "").split("\n")
        known = [m.name for m in migrations._migrations]
        unknown = [m for m in made if m and m not in known]
        if unknown:
            raise CatalogTooNew(f"{shown}: this archive was made by a newer PhotoDesk (it has "
                                f"{', '.join(unknown)}); use that version")
        if made[-1:] != known[-1:]:
            raise CatalogError(f"{shown}: this archive was made by an older PhotoDesk "
                               f"({made[-1] if made else '?'}); upgrading an archive is not "
                               "supported yet: copy it out and in again with this version")

    @property
    def thumbs_dir(self) -> Path:
        return self.location.thumbs_dir

    @contextmanager
    def transaction(self):
        """One transaction (nested: a savepoint); PostgreSQL's own locks order writers."""
        with self.db.raw.transaction():
            yield self

    @property
    def read_only(self) -> bool:
        """Whether this role may only read (the archive's reader role)."""
        return not self.db.execute(
            "SELECT has_table_privilege(current_user, 'photos', 'UPDATE')").fetchone()[0]

    @property
    def who(self) -> str:
        """The database role: what the archive knows each member of staff by."""
        if not hasattr(self, "_who"):
            self._who = self.db.execute("SELECT current_user").fetchone()[0]
        return self._who

    def ids(self, ids) -> list:
        return [int(i) for i in ids]

    def schema_version(self) -> list[str]:
        return postgres.archive_info(self.db.raw).get("migrations", "").split("\n")

    def close(self) -> None:
        self.db.close()


@lru_cache(maxsize=1)
def _identity_tables() -> frozenset:
    tables, _ = postgres.catalog_tables()
    return frozenset(t.name for t in tables if t.identity)
