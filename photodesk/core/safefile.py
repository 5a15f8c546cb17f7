"""Replacing a file whole or not at all: a temp file beside it, synced, then one rename.

The temp file is named .NAME.XXXXXXXX.tmp (mkstemp's eight random characters); metadata/files.py
removes the ones a killed writer left (clean_temps), which is why a writer may lock it.
"""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

try:
    import fcntl
except ImportError:  # Windows has no flock: there only its age tells a temp file is stale
    fcntl = None


class Temp:
    """The temp file in hand: written through fd, or by path (SQLite, zipfile)."""

    def __init__(self, path: Path, fd: int):
        self.path, self.fd = path, fd
        self.synced = False

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]
        self.synced = False

    def sync(self) -> None:
        """fsync now, for checks that must come after it, just before the rename (replacing()
        then does not sync again)."""
        os.fsync(self.fd)
        self.synced = True


@contextmanager
def replacing(path, *, place: Callable[[Path, Path], None] | None = None, lock: bool = False,
              mode: int | None = None) -> Iterator[Temp]:
    """A new, empty temp file beside path for the body to fill. When the body ends, the file is
    synced and renamed over path by place(tmp, path) (os.replace unless given), and the folder
    synced; when the body (or place) raises, path is as it was. No temp file is left either way.

    lock: hold an exclusive flock on the temp file until it is renamed, so a cleaner can tell a
    live writer's file from a killed one's. mode: the new file's (default: a new file's usual
    mode under the umask; mkstemp alone would make it 0600)."""
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Temp(Path(name), fd)
    try:
        if lock:
            _lock(fd)
        os.fchmod(fd, _usual_mode() if mode is None else mode)
        yield temp
        if not temp.synced:
            os.fsync(fd)
        (place or os.replace)(temp.path, path)  # looked up now: tests stand in for os.replace
    finally:
        temp.path.unlink(missing_ok=True)  # after a rename nothing is left under this name
        os.close(fd)  # only now: a lock is held until the rename is done
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in folder durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some file systems cannot open folders; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _lock(fd: int) -> None:
    """Lock the temp file for as long as its writer holds it; where the file system has no
    locks, the file is still written (the cleaner then goes by its age)."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pass


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once, at import: reading it means setting it, and a thread creating a file in between
# would get a world-writable file.
_UMASK = _read_umask()


def _usual_mode() -> int:
    return 0o666 & ~_UMASK
