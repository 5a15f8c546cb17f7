"""Writing files safely: a temp file in the same folder, fsync, read back, then one rename.

A temp file is named .NAME.XXXXXXXX.tmp (mkstemp's eight random characters) and locked (flock)
by its writer until the rename: a process killed meanwhile leaves it unlocked, and the next
write to NAME removes it (clean_temps).
"""

import errno
import os
import re
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

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


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def _temp_beside(path: Path, data: bytes):
    """A complete, synced and read-back copy of data beside path, locked while in hand; removed
    on the way out unless it was renamed into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp)
    try:
        _lock(fd)
        os.fchmod(fd, _default_mode())  # mkstemp makes 0600; a new file gets the usual mode
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        if tmp.read_bytes() != data:
            raise OSError(f"{tmp}: the temporary copy did not read back identical")
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)  # after a rename nothing is left under this name
        os.close(fd)


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


def _lock(fd: int) -> None:
    """Lock a new temp file for as long as its writer lives; where the file system has no
    locks, the file is still written (the cleaner then goes by its age)."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pass


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


def _sync_folder(folder: Path) -> None:
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


def replace_file(path: Path, data: bytes, expected: os.stat_result | None = None) -> os.stat_result:
    """Replace path with data atomically. With expected, refuse if the file changed since."""
    path = Path(path)
    with _temp_beside(path, data) as tmp:
        if expected is not None:
            _keep_owner_and_mode(tmp, expected)
            now = os.stat(path)
            if (now.st_size, now.st_mtime_ns) != (expected.st_size, expected.st_mtime_ns):
                raise FileChanged(f"{path} changed while it was being written; it was left as is")
        os.replace(tmp, path)
    _sync_folder(path.parent)
    return os.stat(path)


def write_new(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write a new file; an existing one is replaced only with overwrite (else FileExists)."""
    path = Path(path)
    if overwrite:
        replace_file(path, data)
        return
    if path.exists():
        raise FileExists(path)
    with _temp_beside(path, data) as tmp:
        try:
            os.link(tmp, path)  # fails if the name appeared meanwhile: never overwrites
        except FileExistsError:
            raise FileExists(path) from None
        except OSError:
            if path.exists():  # a file system without hard links: check, then rename
                raise FileExists(path) from None
            os.replace(tmp, path)
    _sync_folder(path.parent)


def move_new(tmp: Path, path: Path, *, overwrite: bool = False) -> None:
    """Rename a finished temp file (in path's folder) into place, with write_new's rule."""
    tmp, path = Path(tmp), Path(path)
    if overwrite:
        os.replace(tmp, path)
    else:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise FileExists(path) from None
        except OSError:
            if path.exists():
                raise FileExists(path) from None
            os.replace(tmp, path)
        tmp.unlink(missing_ok=True)
    _sync_folder(path.parent)


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

