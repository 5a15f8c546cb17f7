"""GeneratorTask: a core generator on a worker thread, relayed in batches, cancellable."""

import threading

from photodesk.gui.workers.tasks import GeneratorTask


def test_events_arrive_in_order_and_in_few_batches(qtbot, app, catalog_path):
    task = GeneratorTask(catalog_path, lambda cat: iter(range(5000)))
    batches = []
    task.events.connect(batches.append)
    with qtbot.waitSignal(task.done, timeout=10000) as done:
        task.start()
    task.wait()
    assert done.args == [False]
    assert [e for batch in batches for e in batch] == list(range(5000))
    assert len(batches) < 50  # batched, not one signal per event


def test_cancel_closes_the_generator_on_its_thread(qtbot, app, catalog_path):
    release, closed = threading.Event(), []

    def endless(cat):
        try:
            yield "first"
            release.wait(10)
            while True:
                yield "more"
        finally:
            closed.append(threading.current_thread() is not threading.main_thread())

    task = GeneratorTask(catalog_path, endless)
    with qtbot.waitSignal(task.events, timeout=10000):
        task.start()
    with qtbot.waitSignal(task.done, timeout=10000) as done:
        task.cancel()
        release.set()
    task.wait()
    assert done.args == [True]
    assert closed == [True]


def test_a_failing_generator_reports_its_error(qtbot, app, catalog_path):
    def broken(cat):
        yield 1
        raise ValueError("disk on fire")

    task = GeneratorTask(catalog_path, broken)
    with qtbot.waitSignal(task.failed, timeout=10000) as failed:
        task.start()
    task.wait()
    assert failed.args == ["disk on fire"]


def test_emitting_from_python_keeps_true_alive():
    """PySide6 6.12.0 drops a reference to True on every emit; photodesk.gui.compat repairs it."""
    import sys

    from PySide6.QtCore import QObject, Signal

    import photodesk.gui  # noqa: F401

    class Probe(QObject):
        ping = Signal(int)

    probe = Probe()
    before = sys.getrefcount(True)
    for n in range(1000):
        probe.ping.emit(n)
    assert sys.getrefcount(True) >= before


def test_queries_on_a_qt_pool_thread_keep_that_threads_connection(qtbot, app, catalog_path):
    """A Qt pool thread starts afresh in Python for each query (a new thread state, so an
    empty threading.local): the catalog it opened must still be found and used again."""
    from PySide6.QtCore import QThreadPool

    from photodesk.core.catalog import Catalog, connections
    from photodesk.gui.workers.tasks import CatalogQuery, Relay

    Catalog(catalog_path).close()
    relay, pool, seen = Relay(), QThreadPool(), []
    pool.setMaxThreadCount(2)
    relay.result.connect(lambda token, value: seen.append(value))
    for n in range(20):
        pool.start(CatalogQuery(relay, n, catalog_path, lambda cat: id(cat)))
    pool.waitForDone()
    qtbot.waitUntil(lambda: len(seen) == 20)
    assert len(set(seen)) <= 2  # one catalog per thread, not one per query
    assert len(connections.shared(catalog_path)._open) <= 2
    connections.release(catalog_path)
