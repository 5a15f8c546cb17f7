"""Reader processes: started light (forked from a fork server that has imported what readers
need, or spawned without re-importing the command line), ended with their parent."""

import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

# What every reader imports: the fork server imports it once, each reader forked from the
# server starts with it (spawned readers import it themselves, 0.2 s of CPU each).
PRELOAD = ["photodesk.core.analyse"]
PARENT_CHECK_SECONDS = 0.5
_HIDING = threading.Lock()


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` reader processes, all started now.

    Never a plain fork: the GUI runs the indexer from a thread, and forking a threaded Qt
    process is unsafe. The fork server is a fresh single-threaded process, so forking it is
    safe; it is started once per process (prepare() starts it early) and forks each reader in
    milliseconds, with the readers' modules already imported. Where there is no fork server
    (Windows), readers are spawned. Spawned processes, and those the fork server starts,
    normally run the parent's main script again first: for the `photodesk` command that is the
    whole command line (0.5–1 s each, and a reader killed with its parent meanwhile outlives
    it until that import ends). They import only what the work needs instead."""
    pool = ProcessPoolExecutor(workers, mp_context=_context(),
                               initializer=_start_reader, initargs=(os.getpid(),))
    with _main_script_hidden():
        # Each submit to a pool without an idle process starts one, here and now.
        for _ in range(workers):
            pool.submit(os.getpid)
    return pool


def prepare() -> None:
    """Start the fork server now, in the background, so that start_pool() finds it ready; it
    imports the readers' modules (0.2–0.3 s) while the caller goes on."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver
        forkserver.ensure_running()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # read when the server starts, once per process
    return context


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
    resource tracker and the fork server open). A thread waits for the parent's end and ends
    the reader then.

    It waits on multiprocessing's sentinel of the parent, a pipe only the parent holds open:
    the reader's parent process is the fork server when it was forked from there, and that
    server lives on as long as any reader does. A reader still starting when the parent died
    finds the pipe closed already. parent (its pid, from the parent itself) is checked only
    where there is no sentinel."""
    origin = multiprocessing.parent_process()
    if origin is None and os.getppid() != parent:
        os._exit(0)

    def watch() -> None:
        if origin is not None:
            origin.join()  # returns once the parent's end of the pipe is closed
        else:  # not started by multiprocessing: only the pid can tell
            while os.getppid() == parent:
                time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
