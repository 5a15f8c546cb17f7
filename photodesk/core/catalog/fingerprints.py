"""Fingerprints in the catalog: kept per photo, found by band, and the photos marked as copies.

Hashes are 64-bit unsigned in the core (fingerprint.py) and signed in the database (SQLite's
integers, as PostgreSQL's bigint): stored() and read() turn one into the other. A band is
looked up through its index of m014, whose expression BAND spells exactly.
"""

from photodesk.core.catalog.db import Catalog
from photodesk.core.catalog.roots import localised, under
from photodesk.core.fingerprint import BAND_BITS, BANDS, BITS, Fingerprint

COLUMNS = ("whole", "inset")
BAND = "((({column} >> {shift}) & 65535))"  # as m014's indexes spell it
_SIGN = 1 << (BITS - 1)
_ALL = 1 << BITS
_MASK = _ALL - 1  # a stored hash & _MASK is the unsigned hash (Python's ints)


def stored(value: int) -> int:
    """An unsigned 64-bit hash as the database's signed integer."""
    return value - _ALL if value >= _SIGN else value


def read(value: int) -> int:
    """A hash as stored, unsigned again."""
    return value + _ALL if value < 0 else value


def _fingerprint(whole, inset) -> Fingerprint | None:
    return None if whole is None else Fingerprint(read(whole), read(inset))


def save(cat: Catalog, photo_id: int, fingerprint: Fingerprint | None) -> None:
    """Keep a photo's fingerprint (None: it was looked at and is blank); a photo removed from
    the catalog meanwhile (its folder, by another process) is left out."""
    values = [None, None] if fingerprint is None else [stored(fingerprint.whole),
                                                       stored(fingerprint.inset)]
    cat.db.execute("INSERT INTO fingerprints (photo_id, whole, inset) SELECT ?, ?, ? "
                   "WHERE EXISTS (SELECT 1 FROM photos WHERE id = ?) "
                   "ON CONFLICT (photo_id) DO UPDATE SET whole = excluded.whole, "
                   "inset = excluded.inset", [photo_id, *values, photo_id])


def insert_many(cat: Catalog, rows) -> None:
    """(photo id, Fingerprint) pairs for photos that have none yet, in one statement: for
    building large catalogs (benchmarks/similar_scale.py)."""
    cat.insert_many("fingerprints", ({"photo_id": pid, "whole": stored(f.whole),
                                      "inset": stored(f.inset)} for pid, f in rows))


def fingerprint_of(cat: Catalog, photo_id: int) -> tuple[bool, Fingerprint | None]:
    """(looked at, fingerprint): (False, None) when the photo has not been looked at yet,
    (True, None) when it is blank."""
    row = cat.db.execute("SELECT whole, inset FROM fingerprints WHERE photo_id = ?",
                         [photo_id]).fetchone()
    return (False, None) if row is None else (True, _fingerprint(*row))


def missing(cat: Catalog, root: str) -> dict[str, tuple[int, str]]:
    """path -> (photo id, content hash) of the present photos at or under root that have not
    been looked at: indexed before fingerprints were kept."""
    where, params = under(cat, root, "p.")
    rows = cat.db.query(
        "SELECT p.root_id, p.relpath, p.id, p.hash FROM photos p WHERE p.status = 'present' "
        f"AND p.hash IS NOT NULL AND {where} AND NOT EXISTS "
        "(SELECT 1 FROM fingerprints f WHERE f.photo_id = p.id)", params)
    return {r["path"]: (r["id"], r["hash"]) for r in localised(cat, rows)}


def candidates(cat: Catalog, probes: dict[tuple[str, int], set[int]]) -> list[tuple[int, int, int]]:
    """(photo id, whole, inset) of the photos with a band among the values probed
    ({(column, band number): values}, from fingerprint.probes()), hashes unsigned; a photo
    may come more than once. One look-up of a covering index per value: 1,600 look-ups and
    25,000 rows in 15 ms at a million random fingerprints."""
    arms, params = [], []
    for (column, number), values in probes.items():
        band = BAND.format(column=column, shift=BITS - BAND_BITS * (number + 1))
        arms.append(f"SELECT photo_id, whole, inset FROM fingerprints "
                    f"WHERE {column} IS NOT NULL AND {band} {cat.IN_IDS}")
        params.append(cat.ids(sorted(values)))
    if not arms:
        return []
    rows = cat.db.execute(" UNION ALL ".join(arms), params).fetchall()
    return [(pid, whole & _MASK, inset & _MASK) for pid, whole, inset in rows]


def every_fingerprint(cat: Catalog, batch: int = 50_000):
    """(photo id, Fingerprint) of every photo that has one, in id order, read a batch at a
    time."""
    last = -1
    while True:
        rows = cat.db.execute("SELECT photo_id, whole, inset FROM fingerprints "
                              "WHERE photo_id > ? AND whole IS NOT NULL ORDER BY photo_id "
                              "LIMIT ?", [last, batch]).fetchall()
        for pid, whole, inset in rows:
            yield pid, Fingerprint(read(whole), read(inset))
        if len(rows) < batch:
            return
        last = rows[-1][0]


def identical_files(cat: Catalog) -> list[list[int]]:
    """Photos whose files have the same content hash, in groups of two or more (by id)."""
    groups: dict[str, list[int]] = {}
    for content_hash, pid in cat.db.execute(
            "SELECT hash, id FROM photos WHERE hash IN (SELECT hash FROM photos "
            "WHERE hash IS NOT NULL GROUP BY hash HAVING count(*) > 1) ORDER BY hash, id"):
        groups.setdefault(content_hash, []).append(pid)
    return list(groups.values())


def mark_copies(cat: Catalog, original_id: int, copy_ids: list[int]) -> None:
    """Mark photos as copies of original_id (None: as no copies)."""
    cat.db.execute(f"UPDATE photos SET copy_of = ? WHERE id {cat.IN_IDS}",
                   [original_id, cat.ids(copy_ids)])


assert BANDS * BAND_BITS == BITS == 64  # BAND's mask and m014's indexes are for 4 × 16 bits
