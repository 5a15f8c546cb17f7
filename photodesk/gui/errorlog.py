"""Unexpected errors in the window: kept in a log file and shown in Problems, never a crash.

Started from the desktop menu there is no terminal: a traceback printed to stderr is lost, and
an editor only sees a window that stopped doing something. The log keeps the details for a
bug report; the Problems panel says that something went wrong and where the details are.
"""

import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

MAX_LOG_BYTES = 1024 * 1024  # the log is cut back to its newest half above this


def log_path() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "photodesk" / "errors.log"


def record(exc_type, exc, tb) -> Path | None:
    """Append one error with its traceback to the log; its path, or None if it cannot be
    written (the error is then only on stderr)."""
    path = log_path()
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _keep_small(path)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')}\n{text}\n")
    except OSError:
        return None
    return path


class _Relay(QObject):
    """Carries a report to the GUI thread: the hook may run on a worker thread, and widgets
    may only be touched on the GUI thread."""
    report = Signal(str, str)


def install(report) -> None:
    """From now on an exception that reaches the event loop is logged and report(where,
    message) is called on the GUI thread, instead of PySide printing it and the work silently
    stopping. Call on the GUI thread."""
    relay = _Relay(QCoreApplication.instance())
    relay.report.connect(report)  # queued when emitted from another thread

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        traceback.print_exception(exc_type, exc, tb)
        path = record(exc_type, exc, tb)
        message = f"unexpected error: {exc_type.__name__}: {exc}"
        if path is not None:
            message += f" (details in {path})"
        try:
            relay.report.emit(str(path or "PhotoDesk"), message)
        except Exception:
            pass  # the window is going away: the log and stderr have it
    sys.excepthook = hook


def _keep_small(path: Path) -> None:
    try:
        if path.stat().st_size <= MAX_LOG_BYTES:
            return
        data = path.read_bytes()[-MAX_LOG_BYTES // 2:]
        path.write_bytes(data[data.find(b"\n--- ") + 1:] if b"\n--- " in data else data)
    except FileNotFoundError:
        pass
