"""Moving a desk's SQLite catalog into the newsroom's PostgreSQL archive, and back: every table
copied row for row, ids kept (tags, edits, articles, saved searches and look-alike marks keep
pointing at the same photos), the search index made on the other side. Nothing is copied into
a catalog or an archive that already holds photos: a copy is a move, not a merge.
"""

import json
import sqlite3
import time
from pathlib import Path

from photodesk.core.catalog import postgres
from photodesk.core.catalog.location import is_archive_url
from photodesk.core.catalog.photos import now
from photodesk.core.catalog.postgres import ArchiveError
from photodesk.core.jobs import Done, Progress

BATCH = 5_000


def copy(source: str, dest: str):
    """Copy the catalog at source into dest, one a SQLite catalog (a path or sqlite:/// URL)
    and the other an archive (postgresql://…): yields Progress per table batch and Done
    naming each table with its rows. An empty archive is made first (archive init)."""
    if is_archive_url(source) == is_archive_url(dest):
        raise ArchiveError("copy goes from a SQLite catalog into an archive (postgresql://…) "
                           "or from an archive into a SQLite catalog")
    if is_archive_url(dest):
        yield from _into_archive(source, dest)
    else:
        yield from _out_of_archive(source, dest)


def _into_archive(source: str, url: str):
    from photodesk.core.catalog.db import Catalog
    from photodesk.core.search.index import _documents
    from photodesk.core.search.postgres import vector
    tables, _ = postgres.catalog_tables()
    cat = Catalog(source)
    conn = postgres.connect(url, autocommit=True)
    started = time.monotonic()
    try:
        if not postgres.is_archive(conn):
            postgres.init(url)
        _refuse_photos(conn.execute("SELECT count(*) FROM photos").fetchone()[0], url)
        total = sum(cat.count(t.name) for t in tables)
        done, copied = 0, []
        with conn.transaction():
            for table in tables:
                columns = _shared(table, _sqlite_columns(cat.db.conn, table.name))
                names = ", ".join(f'"{c}"' for c in columns)
                rows = cat.db.conn.execute(f'SELECT {names} FROM "{table.name}"')
                n = 0
                with conn.cursor().copy(f'COPY "{table.name}" ({names}) FROM STDIN') as out:
                    while batch := rows.fetchmany(BATCH):
                        for row in batch:
                            out.write_row(row)
                        n += len(batch)
                        done += len(batch)
                        yield Progress(done, total, started)
                copied.append((table.name, n))
                if table.identity:
                    conn.execute(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                 f"coalesce((SELECT max(id) FROM \"{table.name}\"), 0) + 1, "
                                 "false)")
            keys = dict(cat.db.conn.execute("SELECT photo_id, key FROM search_keys"))
            ids = list(keys)
            with conn.cursor().copy("COPY photo_words (photo_id, key, words) FROM STDIN") as out:
                for first in range(0, len(ids), BATCH):
                    for doc in _documents(cat.db, ids[first:first + BATCH]):
                        out.write_row((doc.photo_id, keys[doc.photo_id], vector(doc.values)))
            conn.execute("INSERT INTO photodesk_archive (key, value) VALUES ('copied from', %s) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         [json.dumps({"catalog": str(cat.path), "at": now()})])
        conn.execute("ANALYZE")
    except _psycopg_error() as e:
        raise ArchiveError(f"the copy into {postgres.hide_password(url)} stopped, and nothing "
                           f"of it was kept: {postgres._first_line(e)}") from None
    finally:
        conn.close()
        cat.close()
    yield Done(tuple(f"{name}: {n:,}" for name, n in copied), 0)


def _out_of_archive(url: str, dest: str):
    from photodesk.core.catalog.db import Catalog
    from photodesk.core.search import rebuild
    tables, _ = postgres.catalog_tables()
    conn = postgres.connect(url, autocommit=True)
    started = time.monotonic()
    try:
        if not postgres.is_archive(conn):
            raise ArchiveError(f"{postgres.hide_password(url)} holds no PhotoDesk archive")
        cat = Catalog(dest)
        try:
            _refuse_photos(cat.count("photos"), str(Path(cat.path)))
            total = sum(conn.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
                        for t in tables)
            done, copied = 0, []
            with cat.transaction(), conn.transaction():
                # The tables come in the order they were made (folders before roots): the
                # references are checked at the end.
                cat.db.execute("PRAGMA defer_foreign_keys = ON")
                for table in tables:
                    columns = _shared(table, _sqlite_columns(cat.db.conn, table.name))
                    names = ", ".join(f'"{c}"' for c in columns)
                    marks = ", ".join("?" * len(columns))
                    n = 0
                    with conn.cursor(name=f"copy_{table.name}") as rows:
                        rows.execute(f'SELECT {names} FROM "{table.name}"')
                        while batch := rows.fetchmany(BATCH):
                            cat.db.conn.executemany(
                                f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', batch)
                            n += len(batch)
                            done += len(batch)
                            yield Progress(done, total, started)
                    copied.append((table.name, n))
                rebuild(cat)
        finally:
            cat.close()
    except (_psycopg_error(), sqlite3.Error) as e:
        raise ArchiveError(f"the copy out of {postgres.hide_password(url)} stopped, and "
                           f"nothing of it was kept: {postgres._first_line(e)}") from None
    finally:
        conn.close()
    yield Done(tuple(f"{name}: {n:,}" for name, n in copied), 0)


def _psycopg_error():
    import psycopg
    return psycopg.Error


def _refuse_photos(count: int, where: str) -> None:
    if count:
        raise ArchiveError(f"{where} already holds {count:,} photos; copy into a new catalog "
                           "or an empty archive")


def _sqlite_columns(db, table: str) -> list[str]:
    return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]


def _shared(table, present: list[str]) -> list[str]:
    """The table's columns that the other side has too (all of them when both are of the
    same PhotoDesk)."""
    wanted = [c.name for c in table.columns]
    return [c for c in wanted if c in present]

