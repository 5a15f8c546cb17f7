"""Reader processes: started light (no command line re-imported), ended with their parent."""

import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

PARENT_CHECK_SECONDS = 0.5
_HIDING = threading.Lock()


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` reader processes, all started now.

    spawn, not fork: the GUI runs the indexer from a thread, and forking a threaded Qt process
    is unsafe. Spawned processes normally run the parent's main script again first: for the
    `photodesk` command that is the whole command line (0.5–1 s each, and a reader killed
    with its parent meanwhile outlives it until that import ends). They import only what the
    work needs instead."""
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_reader, initargs=(os.getpid(),))
    with _main_script_hidden():
        # Each submit to a pool without an idle process starts one, here and now.
        for _ in range(workers):
            pool.submit(os.getpid)
    return pool


@contextmanager
def _main_script_hidden():
    """multiprocessing's spawn re-runs __main__ from its __file__ in each child; a module run
    by name (python -m) is left alone there, so only a script file needs hiding."""
    with _HIDING:  # two threads starting pools at once (the window's watch and an index)
        main = sys.modules.get("__main__")
        script = getattr(main, "__file__", None)
        if main is None or script is None or getattr(main, "__spec__", None) is not None:
            yield
            return
        main.__dict__.pop("__file__", None)
        try:
            yield
        finally:
            main.__file__ = script


def _start_reader(parent: int) -> None:
    # Ctrl-C reaches the whole process group; only the parent decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent(parent)


def _end_with_parent(parent: int) -> None:
    """A reader must not outlive the process that started it: a parent killed with SIGKILL
    cannot shut its pool down, and its readers would wait for work for ever (and hold the
    resource tracker open). A thread watches the parent and ends the reader when it is gone.
    parent comes from the parent itself: a reader still starting when the parent died
    already has init (pid 1) for its parent when this runs."""
    if os.getppid() != parent:
        os._exit(0)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
