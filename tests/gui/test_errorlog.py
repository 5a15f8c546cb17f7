"""An unexpected error in the window is logged and shown in Problems; the window goes on."""

import sys

import pytest
from PySide6.QtCore import QTimer

from photodesk.gui import errorlog


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_shown_and_the_window_goes_on(
        open_window, indexed_catalog, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    window = open_window(indexed_catalog)
    errorlog.install(window.report_problem)

    def broken():
        raise ValueError("a bug met by an editor")
    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: window.problems.count() == 1, timeout=5000)
    reason = window.problems.tree.topLevelItem(0).text(2)
    assert "ValueError: a bug met by an editor" in reason and "errors.log" in reason
    log = (tmp_path / "state" / "photodesk" / "errors.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "in broken" in log
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10000)  # still working


def test_the_log_is_kept_small(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr(errorlog, "MAX_LOG_BYTES", 4000)
    for n in range(100):
        try:
            raise RuntimeError(f"error number {n}")
        except RuntimeError:
            errorlog.record(*sys.exc_info())
    text = errorlog.log_path().read_text(encoding="utf-8")
    assert len(text.encode()) <= 4000 + 1000 and "error number 99" in text
    assert text.startswith("--- ")  # cut at a whole entry


@pytest.mark.qt_no_exception_capture
def test_an_error_on_a_worker_thread_reaches_problems_on_the_gui_thread(
        open_window, indexed_catalog, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QRunnable, QThread, QThreadPool
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    window = open_window(indexed_catalog)
    threads = []
    original = window.report_problem

    def report(where, message):
        threads.append(QThread.currentThread())
        original(where, message)
    errorlog.install(report)

    class Broken(QRunnable):
        def run(self):
            raise RuntimeError("failed on a worker")
    QThreadPool.globalInstance().start(Broken())
    qtbot.waitUntil(lambda: window.problems.count() == 1, timeout=5000)
    assert threads == [window.thread()]
