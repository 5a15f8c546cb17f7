"""Walking folders for candidate files by stat alone: no file is opened here."""

import os
import stat
from dataclasses import dataclass
from typing import Iterator

from photodesk.core.formats import ARTICLE_SUFFIXES, NOT_IMAGES

# Folders that operating systems and NAS boxes fill with their own files.
SYSTEM_NAMES = frozenset({"@eaDir", "$RECYCLE.BIN", "System Volume Information", "lost+found",
                          "#recycle", "__MACOSX", "Thumbs.db", "desktop.ini"})


@dataclass(frozen=True)
class Candidate:
    path: str
    size: int
    mtime_ns: int
    kind: str = "image"  # "image" (sniffed later by content) or "article"


@dataclass(frozen=True)
class ScanProblem:
    path: str
    reason: str


def is_hidden(name: str) -> bool:
    return name.startswith(".") or name in SYSTEM_NAMES


def scan(root: str, exclude: set[str] = frozenset()) -> Iterator[Candidate | ScanProblem]:
    """Every candidate file under root, recursively; symlinked folders once, loops never.

    Folders in exclude (absolute paths) are not entered.
    """
    root = os.path.abspath(root)
    try:
        st = os.stat(root)
    except OSError as exc:
        yield ScanProblem(root, _reason(exc))
        return
    if stat.S_ISREG(st.st_mode):
        candidate = _candidate(root, st)
        if candidate:
            yield candidate
        return
    yield from _walk(root, {(st.st_dev, st.st_ino)}, exclude)


def _walk(folder: str, seen: set, exclude) -> Iterator[Candidate | ScanProblem]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield ScanProblem(folder, _reason(exc))
        return
    for entry in entries:
        if is_hidden(entry.name) or entry.path in exclude:
            continue
        try:
            st = entry.stat()  # follows symlinks
        except OSError as exc:
            yield ScanProblem(entry.path, _reason(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in seen:
                yield ScanProblem(entry.path, "folder already scanned (symlink loop or repeat)")
                continue
            seen.add(key)
            yield from _walk(entry.path, seen, exclude)
        elif stat.S_ISREG(st.st_mode):
            candidate = _candidate(entry.path, st)
            if candidate:
                yield candidate


def _candidate(path: str, st: os.stat_result) -> Candidate | None:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in ARTICLE_SUFFIXES:
        return Candidate(path, st.st_size, st.st_mtime_ns, "article")
    if suffix in NOT_IMAGES or path.endswith(("-wal", "-shm", "-journal")):
        return None
    return Candidate(path, st.st_size, st.st_mtime_ns)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no longer exists"
    return exc.strerror or str(exc)
