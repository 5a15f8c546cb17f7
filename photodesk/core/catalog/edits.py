"""Editors' changes to photos: set in the catalog, remembered until the files carry them."""

import json

from photodesk.core.catalog.db import Catalog
from photodesk.core.catalog.photos import LINKS, now, photos, set_links
from photodesk.core.catalog.schema import PHOTO_COLUMNS


class EditConflict(Exception):
    """Another desk changed the photo since this edit's version was read: nothing was saved.
    theirs holds the photo's values now for the fields this edit changes, to choose from."""

    def __init__(self, photo_id: int, version: int, current: int, theirs: dict, who: str | None):
        self.photo_id, self.version, self.current = photo_id, version, current
        self.theirs, self.who = theirs, who
        by = f" by {who}" if who else ""
        super().__init__(f"photo {photo_id} was changed{by} since you opened it (version "
                         f"{version}, now {current}); nothing was saved: choose between its "
                         "values and yours")


def apply_edit(cat: Catalog, photo_id: int, changes: dict, version: int | None = None,
               desk: str | None = None) -> int:
    """Set fields an editor changed and remember them, so re-indexing the file keeps them;
    each change goes into the photo's history (who, desk, when, before and after) and the
    photo's version goes up: the new version. version: the one the edit was made on
    (None: the current one); another raises EditConflict, nothing saved."""
    row = cat.db.execute("SELECT edited, version FROM photos WHERE id = ?",
                         [photo_id]).fetchone()
    if row is None:
        raise KeyError(photo_id)
    edited = set(json.loads(row[0] or "[]"))
    scalars = {k: v for k, v in changes.items() if k not in LINKS}
    unknown = set(scalars) - set(PHOTO_COLUMNS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    before = photos(cat, [photo_id])[0]
    current = row[1] or 1
    if version is not None and version != current:
        raise EditConflict(photo_id, version, current,
                           {k: before.get(k) for k in changes}, _last_editor(cat, photo_id))
    for name, items in changes.items():
        if name in LINKS:
            items = [items] if isinstance(items, str) else list(items or [])
            cat.db.execute(f"DELETE FROM {LINKS[name][0]} WHERE photo_id = ? AND state = 'confirmed'",
                           [photo_id])
            set_links(cat, photo_id, name, items, source="editor")
    edited |= set(changes) - {"pick"}  # pick never comes from the file
    values = {**scalars, "edited": json.dumps(sorted(edited))}
    # The version the edit was made on, checked again as it is saved: a desk that saved in
    # between makes this one a conflict, in whichever order the two commits come.
    saved = cat.db.execute(
        f"UPDATE photos SET {', '.join(f'{c} = ?' for c in values)}, version = ? "
        "WHERE id = ? AND version = ?", [*values.values(), current + 1, photo_id, current])
    if saved.rowcount == 0:
        saved_meanwhile = photos(cat, [photo_id])  # the other desk's values
        theirs = saved_meanwhile[0] if saved_meanwhile else before
        raise EditConflict(photo_id, current, theirs.get("version") or current,
                           {k: theirs.get(k) for k in changes}, _last_editor(cat, photo_id))
    after = photos(cat, [photo_id])[0]
    at = now()
    cat.insert_many("history", [
        {"photo_id": photo_id, "field": name, "old": _text(before.get(name)),
         "new": _text(after.get(name)), "who": cat.who, "desk": desk, "at": at}
        for name in changes if before.get(name) != after.get(name)])
    return current + 1


def history(cat: Catalog, photo_id: int) -> list[dict]:
    """Every editor's change to a photo, oldest first: who, desk, at, field, old and new (the
    values as they were, decoded)."""
    rows = list(cat.db.query("SELECT field, old, new, who, desk, at FROM history "
                             "WHERE photo_id = ? ORDER BY id", [photo_id]))
    for r in rows:
        r["old"], r["new"] = _value(r["old"]), _value(r["new"])
    return rows


def versions(cat: Catalog, photo_ids) -> dict[int, int]:
    """Each photo's version now."""
    return dict(cat.db.execute(f"SELECT id, version FROM photos WHERE id {cat.IN_IDS}",
                               [cat.ids(photo_ids)]).fetchall())


def _last_editor(cat: Catalog, photo_id: int) -> str | None:
    row = cat.db.execute("SELECT who, desk FROM history WHERE photo_id = ? ORDER BY id DESC "
                         "LIMIT 1", [photo_id]).fetchone()
    return None if row is None else (f"{row[0]} ({row[1]})" if row[1] else row[0])


def _text(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _value(text: str | None):
    return None if text is None else json.loads(text)


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
