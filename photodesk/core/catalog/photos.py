"""Photos in the catalog: saving what a file says, reading rows with their links, statuses."""

import json
from datetime import datetime, timezone

from photodesk.core.catalog import registry
from photodesk.core.catalog.db import Catalog
from photodesk.core.catalog.roots import at, localised, stored, under
from photodesk.core.catalog.schema import PHOTO_COLUMNS, name_key
from photodesk.core.fields import FIELDS
from photodesk.core.fold import sort_key

LINKS = {  # field name -> (link table, target table, link column)
    "keywords": ("photo_keywords", "keywords", "keyword_id"),
    "people": ("photo_people", "people", "person_id"),
    "event": ("photo_events", "events", "event_id"),
}
# A photo whose folder is gone or unmounted is offline: kept whole, like a missing one, and
# present again when the folder returns.
STATUSES = ("present", "missing", "unreadable", "offline")
FAILURES = ("passing", "permanent")
CHUNK = 500  # ids per IN (…) list: far under SQLite's 32,766 bound variables  # an unreadable file's failure: tried again, or not


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def known_files(cat: Catalog, root: str) -> dict[str, tuple]:
    """path -> (id, size, mtime_ns, status) for every photo at or under root."""
    where, params = under(cat, root)
    rows = cat.db.execute(
        f"SELECT root_id, relpath, id, size, mtime_ns, status FROM photos WHERE {where}", params)
    return {cat.roots.local(r[0], r[1]): r[2:] for r in rows}


def passing_failures(cat: Catalog, root: str | None = None) -> list[str]:
    """Paths of files whose reading failed for a passing reason (at or under root): they are
    read again although their size and time did not change."""
    where, params = under(cat, root) if root is not None else ("1", [])
    rows = cat.db.execute("SELECT root_id, relpath FROM photos "
                          f"WHERE failure = 'passing' AND {where}", params).fetchall()
    return [cat.roots.local(*r) for r in rows]


def set_failed(cat: Catalog, photo_id: int, reason: str, failure: str,
               stat: tuple[int, int] | None = None) -> None:
    """Mark a known photo unreadable, keeping everything the catalog knew of it; stat (size,
    mtime_ns): the file as it was found, so that an unchanged file is not read again."""
    assert failure in FAILURES
    values = {"status": "unreadable", "status_reason": reason, "failure": failure}
    if stat is not None:
        values.update(size=stat[0], mtime_ns=stat[1])
    cat.update("photos", photo_id, values)


def photos_with_hash(cat: Catalog, content_hash: str) -> list[dict]:
    return localised(cat, cat.db.query(
        "SELECT id, root_id, relpath, status FROM photos WHERE hash = ?", [content_hash]))


def save_photo(cat: Catalog, record: dict, lists: dict[str, list[str]],
               photo_id: int | None = None) -> int:
    """Insert or update one photo from the file's facts; fields the editor changed are kept."""
    existing = None
    if "path" in record:  # stored under its root; a file outside every root brings its own
        root_id, rel = stored(cat, record["path"])
        record = {**record, "root_id": root_id, "relpath": rel}
    if photo_id is None:
        row = cat.db.execute("SELECT id FROM photos WHERE root_id = ? AND relpath = ?",
                             [record["root_id"], record["relpath"]]).fetchone()
        photo_id = row[0] if row else None
    if photo_id is not None:
        existing = cat.db.execute("SELECT edited, sidecar_fields FROM photos WHERE id = ?",
                                  [photo_id]).fetchone()
    # The editor's fields, waiting to be written or written to the sidecar only, are kept.
    edited = (set(json.loads(existing[0] or "[]")) | set(json.loads(existing[1] or "[]"))
              if existing else set())
    if "name" in record:
        record = {**record, "name_key": name_key(record["name"]),
                  "name_sort": sort_key(record["name"])}
    values = {k: v for k, v in record.items() if k in PHOTO_COLUMNS and k not in edited}
    if existing:
        # One update: a field the file no longer carries is cleared, not left from before.
        cat.update("photos", photo_id, {**_cleared(edited), **values})
    else:
        photo_id = cat.insert("photos", values)
    for name, items in lists.items():
        if name not in edited:
            set_links(cat, photo_id, name, items, source="file")
    return photo_id


def _cleared(edited: set[str]) -> dict:
    return {f.name: None for f in FIELDS if f.name in PHOTO_COLUMNS and f.name not in edited}


def set_links(cat: Catalog, photo_id: int, name: str, items: list[str], source: str) -> None:
    link, target, column = LINKS[name]
    cat.db.execute(f"DELETE FROM {link} WHERE photo_id = ? AND source = ? AND state = 'confirmed'",
                   [photo_id, source])
    for item in dict.fromkeys(items):
        target_id = _named_id(cat, target, item)
        # Naming a person or event confirms it, whatever an article had suggested.
        cat.db.execute(
            f"INSERT INTO {link} (photo_id, {column}, source, state) VALUES (?, ?, ?, 'confirmed') "
            f"ON CONFLICT (photo_id, {column}) DO UPDATE SET state = 'confirmed', "
            "source = excluded.source", [photo_id, target_id, source])


def _named_id(cat: Catalog, table: str, name: str) -> int:
    """A person, event or keyword a file names (by name alone)."""
    ensure = {"people": registry.ensure_person, "events": registry.ensure_event,
              "keywords": registry.ensure_keyword}[table]
    return ensure(cat, name)


def move_photo(cat: Catalog, photo_id: int, path: str, folder_id: int | None, name: str) -> None:
    root_id, rel = stored(cat, path)
    cat.update("photos", photo_id, {"root_id": root_id, "relpath": rel, "folder_id": folder_id,
                                       "name": name, "name_key": name_key(name),
                                       "name_sort": sort_key(name)})


def set_status(cat: Catalog, photo_ids: list[int], status: str, reason: str | None = None) -> None:
    assert status in STATUSES
    # A status set here is the catalog's own finding (found, gone, offline): any failure
    # recorded by the reader no longer applies.
    for start in range(0, len(photo_ids), CHUNK):  # one statement per 500 photos
        chunk = photo_ids[start:start + CHUNK]
        cat.db.execute("UPDATE photos SET status = ?, status_reason = ?, failure = NULL "
                       f"WHERE id IN ({','.join('?' * len(chunk))})", [status, reason, *chunk])


def photo(cat: Catalog, photo_id: int) -> dict | None:
    return _rows_with_links(cat, [photo_id]).get(photo_id)


def photo_field(cat: Catalog, photo_id: int, name: str):
    if name not in PHOTO_COLUMNS:
        raise ValueError(name)
    row = cat.db.execute(f"SELECT {name} FROM photos WHERE id = ?", [photo_id]).fetchone()
    return row[0] if row else None


def photo_by_path_id(cat: Catalog, path: str) -> int | None:
    where, params = at(cat, path)
    row = cat.db.execute(f"SELECT id FROM photos WHERE {where}", params).fetchone()
    return row[0] if row else None


def photo_by_path(cat: Catalog, path: str) -> dict | None:
    photo_id = photo_by_path_id(cat, path)
    return photo(cat, photo_id) if photo_id is not None else None


def photos(cat: Catalog, photo_ids: list[int]) -> list[dict]:
    """Full rows, links included, in the order of photo_ids: five queries per 500 photos,
    whatever the page size (not five per photo)."""
    found: dict[int, dict] = {}
    for start in range(0, len(photo_ids), CHUNK):
        chunk = list(dict.fromkeys(photo_ids[start:start + CHUNK]))
        found.update(_rows_with_links(cat, chunk))
    return [found[i] for i in photo_ids if i in found]


def _rows_with_links(cat: Catalog, ids: list[int]) -> dict[int, dict]:
    marks = ",".join("?" * len(ids))
    rows = {r["id"]: r for r in localised(
        cat, cat.db.query(f"SELECT * FROM photos WHERE id IN ({marks})", ids))}
    for row in rows.values():
        row.update(keywords=[], people=[], event=None, articles=[])
        row["warnings"] = json.loads(row["warnings"]) if row.get("warnings") else []
    for name, (link, target, column) in LINKS.items():
        for pid, value in cat.db.execute(
                f"SELECT l.photo_id, t.name FROM {link} l JOIN {target} t ON t.id = l.{column} "
                f"WHERE l.photo_id IN ({marks}) AND l.state = 'confirmed' "
                "ORDER BY l.photo_id, t.name", ids):
            if name == "event":
                rows[pid]["event"] = rows[pid]["event"] or value  # the first by name
            else:
                rows[pid][name].append(value)
    for r in localised(cat, cat.db.query(
            "SELECT ai.photo_id, a.id, a.title, a.root_id, a.relpath, ai.caption, ai.kept_caption "
            "FROM article_images ai JOIN articles a ON a.id = ai.article_id "
            f"WHERE ai.photo_id IN ({marks}) ORDER BY ai.photo_id, a.id, ai.position", ids)):
        r.pop("root_id")
        rows[r.pop("photo_id")]["articles"].append(r)
    return rows


def search_documents(cat: Catalog, photo_ids: list[int]) -> list[dict]:
    """The text of each photo that the search index holds, unfolded."""
    docs = []
    for p in photos(cat, photo_ids):
        pid = p["id"]
        docs.append({
            "id": pid, "name": p["name"], "caption": p.get("caption"),
            "headline": " ".join(filter(None, [p.get("headline"), p.get("title")])),
            "keywords": " ".join(p["keywords"]), "people": " ".join(p["people"]),
            "event": p["event"], "article": " ".join(a["title"] or "" for a in p["articles"]),
            "place": " ".join(filter(None, [p.get(k) for k in ("location", "city", "state", "country")])),
            "creator": " ".join(filter(None, [p.get("creator"), p.get("credit"), p.get("source")])),
        })
    return docs


def problem_photos(cat: Catalog) -> list[dict]:
    return localised(cat, cat.db.query(
        "SELECT id, root_id, relpath, status, status_reason, failure FROM photos "
        "WHERE status != 'present' ORDER BY root_id, relpath"))


def stats(cat: Catalog) -> dict:
    counts = dict(cat.db.execute("SELECT status, count(*) FROM photos GROUP BY status").fetchall())
    return {
        "photos": sum(counts.values()),
        **{s: counts.get(s, 0) for s in STATUSES},
        "folders": cat.count("folders"),
        "people": cat.count("people"),
        "events": cat.count("events"),
        "keywords": cat.count("keywords"),
        "articles": cat.count("articles"),
        "catalog": str(cat.location),
        "schema": cat.schema_version()[-1],
    }



def present_photo_files(cat: Catalog) -> list[dict]:
    """id, path and hash of every photo whose file is there, by path (thumbnails come from them)."""
    return localised(cat, cat.db.query(
        "SELECT id, root_id, relpath, hash FROM photos WHERE status = 'present' "
        "AND hash IS NOT NULL ORDER BY root_id, relpath"))


def has_photos(cat: Catalog) -> bool:
    """Whether the catalog holds any photo at all (one row read, at any size)."""
    return cat.db.execute("SELECT 1 FROM photos LIMIT 1").fetchone() is not None
