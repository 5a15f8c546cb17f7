"""Duplicates: identical and near-identical photos in groups, their originals, what copies lack.

Each group's original can give its copies its caption, people and event; copies can be marked.

Identical files have the same content hash. Near-identical photos are at most NEAR bits apart
and were not taken at different moments (two dates taken that differ mean two frames, such as
a burst, not a copy). A group's original is the largest (pixels), then the earliest taken,
then the one with the most metadata, then the first indexed.

Near-identical pairs are found without comparing every photo with every other: two
fingerprints at most 3 bits apart agree on one of their four bands of 16 bits (pigeonhole), so
photos are sorted by each band and only those that agree are compared. Pairs 4 to NEAR bits
apart are found when a band agrees (every corpus copy with a fingerprint was grouped with its
original); the rest are missed (`photodesk similar` finds them: it probes around each band).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from photodesk.core import catalog, edit
from photodesk.core.catalog import Catalog
from photodesk.core.fields import FIELDS
from photodesk.core.fingerprint import BAND_BITS, BANDS, BITS, Fingerprint, distance

NEAR = 6  # bits: near-identical, tighter than a look-alike (copies measured within 4)
COPIED = ("caption", "people", "event")  # what copy_from_original() gives the copies
# What a copy can lack that its original has: the metadata fields, then camera facts.
FACTS = {"taken_at": "date taken", "make": "camera make", "model": "camera model",
         "gps": "GPS position"}
LABELS = {"pixels": "pixels", **{f.name: f.label.lower() for f in FIELDS}, **FACTS}
GONE = ("missing", "unreadable")  # photos without a file to be a duplicate of


@dataclass
class Copy:
    photo_id: int
    distance: int  # bits apart from the original (0 for an identical file)
    identical: bool  # the same bytes as the original
    lacks: tuple[str, ...]  # what the original has and it has not: keys of LABELS


@dataclass
class Group:
    original: int
    copies: list[Copy] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        """Every copy is the same file as the original."""
        return all(c.identical for c in self.copies)

    @property
    def photo_ids(self) -> list[int]:
        return [self.original, *(c.photo_id for c in self.copies)]


def duplicate_groups(cat: Catalog, *, near: bool = False, threshold: int = NEAR) -> list[Group]:
    """Groups of identical files (the same content hash in several places) and, with near,
    of near-identical photos (threshold bits apart at most): largest groups first."""
    links: list[tuple[int, int]] = []
    for ids in catalog.fingerprints.identical_files(cat):
        links += [(ids[0], other) for other in ids[1:]]
    found = {}
    if near:
        found = dict(catalog.fingerprints.every_fingerprint(cat))
        links += _near_pairs(found, threshold)
    rows = {r["id"]: r for r in catalog.photos.photos(cat, sorted({i for p in links for i in p}))}
    joined = _joined([(a, b) for a, b in links if _same_moment(rows.get(a), rows.get(b))])
    groups = [_group([rows[i] for i in ids], found) for ids in joined]
    return sorted(groups, key=lambda g: (-len(g.copies), g.original))


def _near_pairs(found: dict[int, Fingerprint], threshold: int) -> list[tuple[int, int]]:
    """Pairs of photos within threshold bits that agree on a band of a hash (whole or inset;
    a crop's whole frame agrees with its original's inset one)."""
    pairs = set()
    mask = (1 << BAND_BITS) - 1
    for shift in (BITS - BAND_BITS * (n + 1) for n in range(BANDS)):
        # Each hash as one int: its band, then the photo id; sorted, those that agree on the
        # band sit together (ids below 2³², as SQLite's rowids of a catalog are).
        keyed = sorted(((h >> shift) & mask) << 32 | pid
                       for pid, f in found.items() for h in (f.whole, f.inset))
        start = 0
        for end in range(1, len(keyed) + 1):
            if end == len(keyed) or keyed[end] >> 32 != keyed[start] >> 32:
                if end - start > 1:
                    members = sorted({k & 0xFFFFFFFF for k in keyed[start:end]})
                    pairs.update(p for p in combinations(members, 2)
                                 if distance(found[p[0]], found[p[1]]) <= threshold)
                start = end
    return sorted(pairs)


def _same_moment(a: dict | None, b: dict | None) -> bool:
    """Whether two photos may be one photo: both have a file, and not two dates taken."""
    if a is None or b is None or a["status"] in GONE or b["status"] in GONE:
        return False
    return not (a.get("taken_at") and b.get("taken_at") and a["taken_at"] != b["taken_at"])


def _joined(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """The connected groups of photo ids the pairs make (union–find)."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups = defaultdict(list)
    for i in list(parent):
        groups[root(i)].append(i)
    return [sorted(g) for g in groups.values()]


def _group(rows: list[dict], found: dict[int, Fingerprint]) -> Group:
    original = min(rows, key=originality)
    group = Group(original["id"])
    for row in sorted(rows, key=originality):
        if row is original:
            continue
        identical = row["hash"] == original["hash"]
        bits = 0 if identical or row["id"] not in found or original["id"] not in found \
            else distance(found[original["id"]], found[row["id"]])
        group.copies.append(Copy(row["id"], bits, identical, lacks(original, row)))
    return group


def originality(row: dict) -> tuple:
    """Sorts the original first (a photo row): the most pixels, the earliest taken, the most
    metadata, the first indexed."""
    return (-(row.get("width") or 0) * (row.get("height") or 0),
            row.get("taken_at") is None, row.get("taken_at") or "", -len(_has(row)), row["id"])


def _has(row: dict) -> set[str]:
    """The keys of LABELS a photo has (its pixels aside)."""
    have = {f.name for f in FIELDS if row.get(f.name) not in (None, "", [])}
    have |= {k for k in ("taken_at", "make", "model") if row.get(k)}
    if row.get("gps_lat") is not None:
        have.add("gps")
    return have


def lacks(original: dict, copy: dict) -> tuple[str, ...]:
    """What original (a photo row) has that copy has not, in LABELS order: fewer pixels,
    then each metadata field and camera fact."""
    missing = ["pixels"] if (copy.get("width") or 0) * (copy.get("height") or 0) < \
        (original.get("width") or 0) * (original.get("height") or 0) else []
    wanting = _has(original) - _has(copy)
    return tuple(missing + [k for k in LABELS if k in wanting])


def copy_from_original(cat: Catalog, original_id: int, copy_ids: list[int],
                       fields: tuple[str, ...] = COPIED) -> dict[int, dict]:
    """Give each copy the original's caption, people and event where it has none (a value it
    has is kept), as editors' edits: kept over the file's values at the next index, written to
    the files by `write`. Returns the values replaced, by photo, for people.restore() (undo)."""
    rows = {r["id"]: r for r in catalog.photos.photos(cat, [original_id, *copy_ids])}
    original = rows[original_id]
    changes: dict[int, dict] = {}
    for pid in copy_ids:
        wanted = {f: original[f] for f in fields if original.get(f) not in (None, "", [])
                  and rows[pid].get(f) in (None, "", [])}
        if wanted:
            changes[pid] = wanted
    before = {pid: {f: rows[pid].get(f) for f in changed} for pid, changed in changes.items()}
    same: dict[tuple, list[int]] = defaultdict(list)
    for pid, wanted in changes.items():
        same[tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                          for k, v in wanted.items()))].append(pid)
    with cat.transaction():  # one change: all the copies or none
        for key, ids in same.items():
            edit.edit_photos(cat, ids, **{k: list(v) if isinstance(v, tuple) else v
                                          for k, v in key})
    return before


def mark_copies(cat: Catalog, original_id: int, copy_ids: list[int]) -> None:
    """Mark photos as copies of original_id (has:original finds them, -has:original hides
    them); the catalog's mark, never written to the files."""
    with cat.transaction():
        catalog.fingerprints.mark_copies(cat, original_id, copy_ids)


def unmark_copies(cat: Catalog, copy_ids: list[int]) -> None:
    """Copies of nothing again."""
    with cat.transaction():
        catalog.fingerprints.mark_copies(cat, None, copy_ids)
