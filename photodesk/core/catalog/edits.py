"""Editors' changes to photos: set in the catalog, remembered until the files carry them."""

import json

from photodesk.core.catalog.db import Catalog
from photodesk.core.catalog.photos import LINKS, set_links
from photodesk.core.catalog.schema import PHOTO_COLUMNS


def apply_edit(cat: Catalog, photo_id: int, changes: dict) -> None:
    """Set fields an editor changed and remember them, so re-indexing the file keeps them."""
    row = cat.db.execute("SELECT edited FROM photos WHERE id = ?", [photo_id]).fetchone()
    if row is None:
        raise KeyError(photo_id)
    edited = set(json.loads(row[0] or "[]"))
    scalars = {k: v for k, v in changes.items() if k not in LINKS}
    unknown = set(scalars) - set(PHOTO_COLUMNS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    for name, items in changes.items():
        if name in LINKS:
            items = [items] if isinstance(items, str) else list(items or [])
            cat.db.execute(f"DELETE FROM {LINKS[name][0]} WHERE photo_id = ? AND state = 'confirmed'",
                           [photo_id])
            set_links(cat, photo_id, name, items, source="editor")
    edited |= set(changes) - {"pick"}  # pick never comes from the file
    cat.update("photos", photo_id, {**scalars, "edited": json.dumps(sorted(edited))})


def record_written(cat: Catalog, photo_id: int, size: int, mtime_ns: int, content_hash: str,
                   fields) -> None:
    """The photo's file now carries these fields: take its new facts, so a rescan sees no change,
    and forget that the editor changed them (the file says the same now)."""
    edited, in_sidecar = _written_lists(cat, photo_id)
    fields = set(fields)
    cat.update("photos", photo_id, {"size": size, "mtime_ns": mtime_ns, "hash": content_hash,
                                       "edited": json.dumps(sorted(edited - fields)),
                                       "sidecar_fields": json.dumps(sorted(in_sidecar - fields))})


def record_sidecar_written(cat: Catalog, photo_id: int, fields) -> None:
    """The photo's sidecar now carries these fields: they no longer wait to be written, and
    the catalog keeps them over the photo's own values (a photo moved without its sidecar)."""
    edited, in_sidecar = _written_lists(cat, photo_id)
    fields = set(fields)
    cat.update("photos", photo_id, {"edited": json.dumps(sorted(edited - fields)),
                                       "sidecar_fields": json.dumps(sorted(in_sidecar | fields))})


def _written_lists(cat: Catalog, photo_id: int) -> tuple[set[str], set[str]]:
    """(fields waiting to be written, fields written to the sidecar only) of one photo."""
    row = cat.db.execute("SELECT edited, sidecar_fields FROM photos WHERE id = ?",
                         [photo_id]).fetchone()
    if row is None:
        raise KeyError(photo_id)
    return set(json.loads(row[0] or "[]")), set(json.loads(row[1] or "[]"))


def edited_fields(cat: Catalog, photo_id: int) -> list[str]:
    row = cat.db.execute("SELECT edited FROM photos WHERE id = ?", [photo_id]).fetchone()
    return json.loads(row[0] or "[]") if row else []


def edited_photo_ids(cat: Catalog) -> list[int]:
    """Photos with editor changes their files do not carry yet."""
    return [r[0] for r in cat.db.execute(
        "SELECT id FROM photos WHERE edited IS NOT NULL AND edited NOT IN ('', '[]') "
        "ORDER BY root_id, relpath")]
