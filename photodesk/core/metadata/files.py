"""Writing photos, sidecars and exports safely: safefile's temp file, read back before the rename.

A temp file (.NAME.XXXXXXXX.tmp, see safefile.py) is locked (flock) by its writer until the
rename: a process killed meanwhile leaves it unlocked, and the next write to NAME removes it
(clean_temps).
"""

import errno
import os
import re
import stat
import time
from pathlib import Path

from photodesk.core.safefile import Temp, replacing

try:
    import fcntl
except ImportError:  # Windows has no flock: there only its age tells a temp file is stale
    fcntl = None

TEMP_RANDOM = re.compile(r"[a-z0-9_]{8}")  # tempfile's name characters, eight of them
STALE_AFTER = 60  # seconds: where locks do not work, a temp file this old has no live writer


class FileChanged(Exception):
    """The file changed on disk since it was read; nothing was replaced."""


class FileExists(Exception):
    """The destination exists and overwriting was not asked for."""

    def __init__(self, path: Path):
        super().__init__(f"{path} exists")
        self.path = Path(path)


def _fill(temp: Temp, data: bytes) -> None:
    """data into the temp file, synced and read back: a copy that differs is never renamed."""
    temp.write(data)
    temp.sync()
    if temp.path.read_bytes() != data:
        raise OSError(f"{temp.path}: the temporary copy did not read back identical")


def temp_names(path: Path, names) -> list[str]:
    """Of names (a folder's), those of our temp files for path: .NAME.XXXXXXXX.tmp exactly."""
    head = f".{Path(path).name}."
    return [n for n in names if n.startswith(head) and n.endswith(".tmp")
            and TEMP_RANDOM.fullmatch(n[len(head):-4])]


def clean_temps(path, names=None) -> list[Path]:
    """Remove the temp files an interrupted write to path left (unlocked by any process, or
    older than STALE_AFTER); what was removed. Nothing but our exact pattern is touched."""
    path = Path(path)
    if names is None:
        try:
            names = os.listdir(path.parent)
        except OSError:
            return []
    removed = []
    for name in temp_names(path, names):
        tmp = path.parent / name
        if _remove_if_stale(tmp):
            removed.append(tmp)
    return removed


def _remove_if_stale(tmp: Path) -> bool:
    try:
        fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False  # gone, a link, or not ours to open
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _stale(fd, st) or not _same_file(tmp, st):
            return False
        tmp.unlink()
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _stale(fd: int, st: os.stat_result) -> bool:
    """No live writer holds the file: its lock can be taken (a writer holds it until its
    rename, and a killed one lets go), or, where locks do not work, it is old."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
    return time.time() - st.st_mtime > STALE_AFTER


def _same_file(path: Path, st: os.stat_result) -> bool:
    """path still names the file that was checked (it was not renamed into place meanwhile)."""
    try:
        now = os.lstat(path)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (st.st_dev, st.st_ino)


def replace_file(path: Path, data: bytes, expected: os.stat_result | None = None) -> os.stat_result:
    """Replace path with data atomically. With expected, refuse if the file changed since."""
    path = Path(path)
    with replacing(path, lock=True) as temp:
        _fill(temp, data)
        if expected is not None:
            _keep_owner_and_mode(temp.path, expected)
            now = os.stat(path)
            if (now.st_size, now.st_mtime_ns) != (expected.st_size, expected.st_mtime_ns):
                raise FileChanged(f"{path} changed while it was being written; it was left as is")
    return os.stat(path)


def write_new(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write a new file; an existing one is replaced only with overwrite (else FileExists)."""
    path = Path(path)
    if overwrite:
        replace_file(path, data)
        return
    if path.exists():
        raise FileExists(path)
    with replacing(path, place=place_new, lock=True) as temp:
        _fill(temp, data)


def place_new(tmp: Path, path: Path) -> None:
    """Rename a finished temp file to path only if no file has that name (else FileExists):
    replacing()'s place for files that must never overwrite."""
    try:
        os.link(tmp, path)  # fails if the name appeared meanwhile: never overwrites
    except FileExistsError:
        raise FileExists(path) from None
    except OSError:
        if path.exists():  # a file system without hard links: check, then rename
            raise FileExists(path) from None
        os.replace(tmp, path)


def copy_new(source: Path, dest: Path, *, overwrite: bool = False) -> None:
    """Copy a file byte for byte, with the same no-overwrite rule as write_new."""
    if not overwrite and Path(dest).exists():
        raise FileExists(dest)
    write_new(dest, Path(source).read_bytes(), overwrite=overwrite)


def _keep_owner_and_mode(tmp: Path, st: os.stat_result) -> None:
    os.chmod(tmp, st.st_mode & 0o7777)
    if hasattr(os, "chown"):
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:
            pass  # only root may give a file away; the mode is what matters most


def read_only(path: Path) -> bool:
    """The file (or folder) is marked read-only (no write bit), or this user may not write it.

    Checked by mode bits too: root may write anything, but a desk that locked a file meant it."""
    st = os.stat(path)
    return not (st.st_mode & 0o222) or not os.access(path, os.W_OK)

