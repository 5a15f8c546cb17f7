"""Catalog queries for folders, photos and their keyword, people and event links."""

import json
from datetime import datetime, timezone

from photodesk.core.catalog import registry
from photodesk.core.catalog.db import Catalog
from photodesk.core.catalog.schema import PHOTO_COLUMNS, name_key
from photodesk.core.fields import FIELDS
from photodesk.core.fold import sort_key

LINKS = {  # field name -> (link table, target table, link column)
    "keywords": ("photo_keywords", "keywords", "keyword_id"),
    "people": ("photo_people", "people", "person_id"),
    "event": ("photo_events", "events", "event_id"),
}
STATUSES = ("present", "missing", "unreadable")
FAILURES = ("passing", "permanent")
CHUNK = 500  # ids per IN (…) list: far under SQLite's 32,766 bound variables  # an unreadable file's failure: tried again, or not


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- paths under roots ---------------------------------------------------------------------

def localised(cat: Catalog, rows, to: str = "path") -> list[dict]:
    """Rows with root_id and relpath given their path on this machine (under the key to;
    with another key, the columns are read as to_root and to_rel and dropped)."""
    rows = list(rows)
    root, rel = ("root_id", "relpath") if to == "path" else (f"{to}_root", f"{to}_rel")
    for row in rows:
        root_id = row.get(root) if to == "path" else row.pop(root)
        relpath = row.pop(rel)
        row[to] = None if relpath is None else cat.roots.local(root_id, relpath)
    return rows


def under(cat: Catalog, path: str, alias: str = "") -> tuple[str, list]:
    """SQL condition and parameters for the rows at or under an absolute path."""
    found = cat.roots.find(path)
    if found is None:
        return "0", []
    root_id, rel = found
    if not rel:
        return f"{alias}root_id = ?", [root_id]
    prefix = rel + "/"
    return (f"({alias}root_id = ? AND ({alias}relpath = ? OR substr({alias}relpath, 1, ?) = ?))",
            [root_id, rel, len(prefix), prefix])


def stored(cat: Catalog, path: str) -> tuple[int, str]:
    """(root id, relative path) to store a file under; a file outside every root (indexed on
    its own) makes its folder a root."""
    found = cat.roots.find(path)
    if found is not None:
        return found
    folder, _, name = path.rpartition("/")
    root_id, rel = cat.roots.place(folder or "/")
    return root_id, (rel + "/" + name if rel else name)


def at(cat: Catalog, path: str, alias: str = "") -> tuple[str, list]:
    """SQL condition and parameters for the row at exactly an absolute path."""
    found = cat.roots.find(path)
    if found is None:
        return "0", []
    return f"{alias}root_id = ? AND {alias}relpath = ?", list(found)


# --- folders -------------------------------------------------------------------------------

def add_folder(cat: Catalog, path: str) -> int:
    """A catalog folder at path (added, or online again); call inside a transaction."""
    root_id, rel = cat.roots.place(path)
    row = cat.db.execute("SELECT id FROM folders WHERE root_id = ? AND relpath = ?",
                         [root_id, rel]).fetchone()
    if row:
        cat.db.execute("UPDATE folders SET status = 'online' WHERE id = ?", [row[0]])
        return row[0]
    return cat.db["folders"].insert({"root_id": root_id, "relpath": rel, "added_at": now(),
                                     "status": "online"}).last_pk


def folders(cat: Catalog) -> list[dict]:
    """Every catalog folder with its path on this machine, by path."""
    return sorted(localised(cat, cat.db.query("SELECT * FROM folders")), key=lambda f: f["path"])


def folder_for(cat: Catalog, path: str, known: list[dict] | None = None) -> int | None:
    """The id of the catalog folder that holds path (the deepest one).

    known: the folder list when the caller already has it (a batch of many files)."""
    best = None
    for f in known if known is not None else folders(cat):
        if path == f["path"] or path.startswith(f["path"].rstrip("/") + "/"):
            if best is None or len(f["path"]) > len(best["path"]):
                best = f
    return best["id"] if best else None


# --- photos --------------------------------------------------------------------------------

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
    cat.db["photos"].update(photo_id, values)


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
        cat.db["photos"].update(photo_id, {**_cleared(edited), **values})
    else:
        photo_id = cat.db["photos"].insert(values).last_pk
    for name, items in lists.items():
        if name not in edited:
            _set_links(cat, photo_id, name, items, source="file")
    return photo_id


def _cleared(edited: set[str]) -> dict:
    return {f.name: None for f in FIELDS if f.name in PHOTO_COLUMNS and f.name not in edited}


def _set_links(cat: Catalog, photo_id: int, name: str, items: list[str], source: str) -> None:
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
    cat.db["photos"].update(photo_id, {"root_id": root_id, "relpath": rel, "folder_id": folder_id,
                                       "name": name, "name_key": name_key(name),
                                       "name_sort": sort_key(name)})


def set_status(cat: Catalog, photo_ids: list[int], status: str, reason: str | None = None) -> None:
    assert status in (*STATUSES, "offline")
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
        "folders": cat.db["folders"].count,
        "people": cat.db["people"].count,
        "events": cat.db["events"].count,
        "keywords": cat.db["keywords"].count,
        "articles": cat.db["articles"].count,
        "catalog": str(cat.path),
        "schema": cat.schema_version()[-1],
    }


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
            _set_links(cat, photo_id, name, items, source="editor")
    edited |= set(changes) - {"pick"}  # pick never comes from the file
    cat.db["photos"].update(photo_id, {**scalars, "edited": json.dumps(sorted(edited))})


# --- live folders --------------------------------------------------------------------------

# A photo whose folder is gone or unmounted is offline: kept whole, like a missing one, and
# present again when the folder returns.
STATUSES = (*STATUSES, "offline")


def folder_by_path(cat: Catalog, path: str) -> dict | None:
    where, params = at(cat, path)
    rows = localised(cat, cat.db.query(f"SELECT * FROM folders WHERE {where}", params))
    return rows[0] if rows else None


def set_folder_watch(cat: Catalog, path: str, **values) -> None:
    """Set a folder's observer ('native', 'polling' or None) or mount_point flag."""
    unknown = set(values) - {"observer", "mount_point"}
    if unknown:
        raise ValueError(f"not a watch setting: {', '.join(sorted(unknown))}")
    row = folder_by_path(cat, path)
    if row is not None:
        cat.db["folders"].update(row["id"], values)


def mark_offline(cat: Catalog, root: str, reason: str) -> int:
    """Mark the present photos under root offline and the folder too; returns how many
    photos under root are offline now."""
    where, params = under(cat, root)
    ids = [r[0] for r in cat.db.execute(
        f"SELECT id FROM photos WHERE status = 'present' AND {where}", params)]
    set_status(cat, ids, "offline", reason)
    exactly, its = at(cat, root)
    cat.db.execute(f"UPDATE folders SET status = 'offline' WHERE {exactly}", its)
    return cat.db.execute(f"SELECT count(*) FROM photos WHERE status = 'offline' AND {where}",
                          params).fetchone()[0]


# --- written files and events ------------------------------------------------------------

def record_written(cat: Catalog, photo_id: int, size: int, mtime_ns: int, content_hash: str,
                   fields) -> None:
    """The photo's file now carries these fields: take its new facts, so a rescan sees no change,
    and forget that the editor changed them (the file says the same now)."""
    edited, in_sidecar = _written_lists(cat, photo_id)
    fields = set(fields)
    cat.db["photos"].update(photo_id, {"size": size, "mtime_ns": mtime_ns, "hash": content_hash,
                                       "edited": json.dumps(sorted(edited - fields)),
                                       "sidecar_fields": json.dumps(sorted(in_sidecar - fields))})


def record_sidecar_written(cat: Catalog, photo_id: int, fields) -> None:
    """The photo's sidecar now carries these fields: they no longer wait to be written, and
    the catalog keeps them over the photo's own values (a photo moved without its sidecar)."""
    edited, in_sidecar = _written_lists(cat, photo_id)
    fields = set(fields)
    cat.db["photos"].update(photo_id, {"edited": json.dumps(sorted(edited - fields)),
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


def event_info(cat: Catalog, event_id: int) -> dict | None:
    rows = list(cat.db.query("SELECT id, name, date, place, article_id FROM events WHERE id = ?",
                             [event_id]))
    return rows[0] if rows else None


def edited_photo_ids(cat: Catalog) -> list[int]:
    """Photos with editor changes their files do not carry yet."""
    return [r[0] for r in cat.db.execute(
        "SELECT id FROM photos WHERE edited IS NOT NULL AND edited NOT IN ('', '[]') "
        "ORDER BY root_id, relpath")]


def present_photo_files(cat: Catalog) -> list[dict]:
    """id, path and hash of every photo whose file is there, by path (thumbnails come from them)."""
    return localised(cat, cat.db.query(
        "SELECT id, root_id, relpath, hash FROM photos WHERE status = 'present' "
        "AND hash IS NOT NULL ORDER BY root_id, relpath"))


def has_photos(cat: Catalog) -> bool:
    """Whether the catalog holds any photo at all (one row read, at any size)."""
    return cat.db.execute("SELECT 1 FROM photos LIMIT 1").fetchone() is not None


# --- removing a folder ---------------------------------------------------------------------

def remove_folder(cat: Catalog, root: str) -> tuple[list[int], list[int], int]:
    """Forget a catalog folder: its photos (with their tags), its subfolders and the articles
    filed in it. Returns (removed photo ids, photo ids elsewhere whose article link was cut,
    articles removed). The files on disk are not touched; people, events and keywords stay in
    the registry. Call inside a transaction."""
    inside, params = under(cat, root)
    ids = [r[0] for r in cat.db.execute(f"SELECT id FROM photos WHERE {inside}", params)]
    articles = [r[0] for r in cat.db.execute(f"SELECT id FROM articles WHERE {inside}", params)]
    ids_json, articles_json = json.dumps(ids), json.dumps(articles)
    in_ids = "IN (SELECT value FROM json_each(?))"
    # Photos elsewhere lose the article named here, and articles elsewhere lose these photos.
    cut = {r[0] for r in cat.db.execute(
        f"SELECT photo_id FROM article_images WHERE article_id {in_ids} AND photo_id IS NOT NULL",
        [articles_json])} - set(ids)
    cat.db.execute(f"UPDATE article_images SET photo_id = NULL, match = 'unmatched' "
                   f"WHERE photo_id {in_ids}", [ids_json])
    cat.db.execute(f"DELETE FROM article_images WHERE article_id {in_ids}", [articles_json])
    cat.db.execute(f"DELETE FROM article_people WHERE article_id {in_ids}", [articles_json])
    cat.db.execute(f"UPDATE events SET article_id = NULL WHERE article_id {in_ids}",
                   [articles_json])
    cat.db.execute(f"DELETE FROM articles WHERE id {in_ids}", [articles_json])
    for table in ("photo_keywords", "photo_people", "photo_events"):
        cat.db.execute(f"DELETE FROM {table} WHERE photo_id {in_ids}", [ids_json])
    cat.db.execute(f"DELETE FROM photos WHERE id {in_ids}", [ids_json])
    cat.db.execute(f"DELETE FROM folders WHERE {inside}", params)
    return ids, sorted(cut), len(articles)
