"""Look-alikes: the catalog's photos ranked by how close they look to a file or a photo.

A file need not be in the catalog (a web download, a screenshot of a page): it is read as the
indexer reads a photo. The look-up probes the fingerprint's bands in the catalog's indexes
(fingerprint.probes) and ranks the candidates by their exact distance, so it reads a few
thousand rows at a million photos, never every fingerprint.
"""

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from photodesk.core import catalog
from photodesk.core.catalog import Catalog
from photodesk.core.fingerprint import THRESHOLD, Fingerprint, of_file, probes
from photodesk.core.thumbs import ThumbnailError

LIMIT = 20


class SimilarError(Exception):
    """The file or photo cannot be compared; the message says why."""


@dataclass(frozen=True)
class Match:
    photo_id: int
    distance: int  # bits apart, of 64 (0: the same look)


def looks(cat: Catalog, what: int | str | os.PathLike) -> tuple[Fingerprint, int | None]:
    """(fingerprint, photo id) of what: a photo id, the path of a catalog photo (its kept
    fingerprint), or any image file (read now; photo id None)."""
    photo_id = what if isinstance(what, int) else catalog.photos.photo_by_path_id(
        cat, os.path.abspath(what))
    if photo_id is not None:
        looked, found = catalog.fingerprints.fingerprint_of(cat, photo_id)
        if found is not None:
            return found, photo_id
        if isinstance(what, int):
            raise SimilarError(_why_none(cat, photo_id, looked))
    path = Path(what)
    try:
        st = path.stat()
        found = _file_looks(str(path), st.st_size, st.st_mtime_ns)
    except FileNotFoundError:
        raise SimilarError(f"{path}: no such file") from None
    except (OSError, ThumbnailError) as exc:
        raise SimilarError(f"{path}: cannot be read as an image ({exc})") from None
    if found is None:
        raise SimilarError(f"{path}: too little detail to compare (a blank or tiny image)")
    return found, photo_id


@lru_cache(maxsize=32)
def _file_looks(path: str, size: int, mtime_ns: int) -> Fingerprint | None:
    """A file's fingerprint, kept while the file is unchanged: a search for similar:"FILE"
    runs again for each page, count and facet of its results."""
    return of_file(path)


def _why_none(cat: Catalog, photo_id: int, looked: bool) -> str:
    if catalog.photos.photo(cat, photo_id) is None:
        return f"no photo {photo_id} in the catalog"
    if looked:
        return f"photo {photo_id} has too little detail to compare (a blank or tiny image)"
    return f"photo {photo_id} has no fingerprint yet: index its folder again to make one"


def similar(cat: Catalog, what: int | str | os.PathLike, *, limit: int = LIMIT,
            threshold: int = THRESHOLD) -> list[Match]:
    """The photos that look like what (see looks()) within threshold bits, closest first
    (then by id); the photo itself is left out. SimilarError when what cannot be compared."""
    found, itself = looks(cat, what)
    return nearest(cat, found, limit=limit, threshold=threshold, leave_out=itself)


def nearest(cat: Catalog, found: Fingerprint, *, limit: int = LIMIT,
            threshold: int = THRESHOLD, leave_out: int | None = None) -> list[Match]:
    """The photos within threshold bits of a fingerprint, closest first."""
    whole, inset = found.whole, found.inset
    close: dict[int, int] = {}
    # fingerprint.distance() spelled out: a million photos give 25,000 candidates.
    for pid, other_whole, other_inset in catalog.fingerprints.candidates(
            cat, probes(found, threshold)):
        bits = min((whole ^ other_whole).bit_count(), (whole ^ other_inset).bit_count(),
                   (inset ^ other_whole).bit_count())
        if bits <= threshold:
            close[pid] = bits
    close.pop(leave_out, None)
    ranked = sorted((bits, pid) for pid, bits in close.items())
    return [Match(pid, bits) for bits, pid in ranked[:max(0, limit)]]


def described(cat: Catalog, matches: list[Match]) -> list[dict]:
    """Each match's photo row (folder, creator, credit, date taken, articles…) with its
    rank and distance, in order."""
    rows = {r["id"]: r for r in catalog.photos.photos(cat, [m.photo_id for m in matches])}
    return [{**rows[m.photo_id], "rank": rank, "distance": m.distance,
             "folder": os.path.dirname(rows[m.photo_id]["path"])}
            for rank, m in enumerate(matches, 1) if m.photo_id in rows]
