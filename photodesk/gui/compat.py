"""Works around PySide6 bugs that would crash PhotoDesk; each patch applies only where needed."""

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    """PySide6 6.12.0's SignalInstance.emit() returns True without taking a reference for it.

    Every emit from Python then lowers True's reference count by one; on Python 3.11, where
    True is not immortal, a session of a few thousand emits (one per thumbnail) ends in
    "Fatal Python error: bool_dealloc". Measured rather than version-checked, so a fixed
    PySide6 or an immortal True switches the patch off by itself.
    """
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def _patch_emit() -> None:
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self, *args):
        result = original(self, *args)
        incref(result)  # the reference PySide forgot to give
        return result

    SignalInstance.emit = emit


if _emit_drops_a_reference():
    _patch_emit()
