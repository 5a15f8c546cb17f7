"""A process keeps one connection per thread to a catalog, and its threads write in turn."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from photodesk.core.catalog import Catalog, connections
from photodesk.core.catalog import registry


def test_each_thread_keeps_its_own_connection(tmp_path):
    Catalog(tmp_path / "c.sqlite").close()
    shared = connections.shared(tmp_path / "c.sqlite")
    assert connections.shared(f"sqlite://{tmp_path}/c.sqlite") is shared

    def which():
        with shared.catalog() as cat:
            return id(cat), threading.get_ident()

    with ThreadPoolExecutor(2) as pool:
        seen = list(pool.map(lambda _: which(), range(40)))
    by_thread = {}
    for cat_id, thread in seen:
        by_thread.setdefault(thread, set()).add(cat_id)
    assert all(len(cats) == 1 for cats in by_thread.values())  # reused, not reopened
    assert len({c for cats in by_thread.values() for c in cats}) == len(by_thread)
    connections.release(tmp_path / "c.sqlite")
    assert not shared._open


def test_a_connection_that_failed_is_opened_afresh(tmp_path):
    Catalog(tmp_path / "c.sqlite").close()
    shared = connections.Connections(tmp_path / "c.sqlite")
    try:
        with shared.catalog() as cat:
            first = cat
            cat.db.execute("SELECT no_such_column FROM photos")
    except Exception:
        pass
    with shared.catalog() as cat:
        assert cat is not first and cat.db.execute("SELECT count(*) FROM photos").fetchone()
    shared.close()


def test_threads_of_one_process_write_in_turn(tmp_path):
    Catalog(tmp_path / "c.sqlite").close()
    shared = connections.Connections(tmp_path / "c.sqlite")

    def write(n):
        with shared.catalog() as cat, cat.transaction():
            registry.ensure_person(cat, f"Người {n}")
            time.sleep(0.01)  # hold the transaction, as an index batch does

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(write, range(40)))  # none fails with "database is locked"
    with shared.catalog() as cat:
        assert cat.db.execute("SELECT count(*) FROM people").fetchone()[0] == 40
    shared.close()
