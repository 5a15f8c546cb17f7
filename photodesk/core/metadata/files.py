"""Writing files safely: a temp file in the same folder, fsync, read back, then one rename."""

import os
import tempfile
from pathlib import Path


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


def _temp_beside(path: Path, data: bytes) -> Path:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _default_mode())  # mkstemp makes 0600; a new file gets the usual mode
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if Path(tmp).read_bytes() != data:
            raise OSError(f"{tmp}: the temporary copy did not read back identical")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


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
    tmp = _temp_beside(path, data)
    try:
        if expected is not None:
            _keep_owner_and_mode(tmp, expected)
            now = os.stat(path)
            if (now.st_size, now.st_mtime_ns) != (expected.st_size, expected.st_mtime_ns):
                raise FileChanged(f"{path} changed while it was being written; it was left as is")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
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
    tmp = _temp_beside(path, data)
    try:
        os.link(tmp, path)  # fails if the name appeared meanwhile: never overwrites
    except FileExistsError:
        raise FileExists(path) from None
    except OSError:
        if path.exists():  # a file system without hard links: check, then rename
            raise FileExists(path) from None
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
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
    """The file is marked read-only (no write bit), or this user may not write it.

    Checked by mode bits too: root may write anything, but a desk that locked a file meant it."""
    st = os.stat(path)
    return not (st.st_mode & 0o222) or not os.access(path, os.W_OK)

