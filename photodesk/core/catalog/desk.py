"""Catalog queries the desk needs: folder trees, registry lists, edit snapshots. (The photos of
a scope are a search: photodesk.core.search.scopes.)"""

import os

from photodesk.core.catalog import registry
from photodesk.core.catalog.db import Catalog
from photodesk.core.catalog.folders import folders
from photodesk.core.catalog.photos import LINKS
from photodesk.core.catalog.roots import under
from photodesk.core.catalog.schema import PHOTO_COLUMNS
from photodesk.core.fold import sort_key

CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


# --- folders -------------------------------------------------------------------------------

def folder_tree(cat: Catalog) -> list[dict]:
    """Each catalog folder with the subfolders that hold photos: {path, name, count, children},
    and for each catalog folder online: whether this machine finds it (where the catalog
    places it, and not marked offline by a watch).

    count includes the photos of every subfolder.
    """
    counts: dict[str, int] = {}
    # rtrim() strips the file name (every character but "/" from the right), so the scan
    # reads only the index on (root_id, relpath), not the photos' rows: 1.6× faster at a
    # million photos.
    for root_id, folder, n in cat.db.execute(
            "SELECT root_id, rtrim(relpath, replace(relpath, '/', '')) AS dir, count(*) "
            "FROM photos GROUP BY root_id, dir"):
        path = cat.roots.local(root_id, folder.rstrip("/"))
        counts[path] = counts.get(path, 0) + n
    return [{**_tree(f["path"], counts),
             "online": f["status"] != "offline" and os.path.isdir(f["path"])}
            for f in folders(cat)]


def _tree(root: str, counts: dict[str, int]) -> dict:
    node = {"path": root, "name": os.path.basename(root.rstrip("/")) or root, "count": 0,
            "children": {}}
    prefix = root.rstrip("/") + "/"
    for folder, n in counts.items():
        if folder != root and not folder.startswith(prefix):
            continue
        node["count"] += n
        parts = folder[len(prefix):].split("/") if folder != root else []
        here, path = node, root.rstrip("/")
        for part in parts:
            path += "/" + part
            here = here["children"].setdefault(part, {"path": path, "name": part, "count": 0,
                                                       "children": {}})
            here["count"] += n
    return _listed(node)


def _listed(node: dict) -> dict:
    children = sorted(node["children"].values(), key=lambda c: sort_key(c["name"]))
    return {**node, "children": [_listed(c) for c in children]}


# --- people, events, keywords ---------------------------------------------------------------

def people(cat: Catalog, counted: bool = True) -> list[dict]:
    """Every person by name, with the number of photos that show them (confirmed) unless
    counted is False (counting reads every tag: seconds at a million photos)."""
    rows = list(cat.db.query("SELECT id, name, title, aliases FROM people"))
    rows.sort(key=lambda r: sort_key(r["name"]))
    return _counted(cat, rows, "photo_people", "person_id") if counted else rows


def events(cat: Catalog, counted: bool = True) -> list[dict]:
    """Every event, newest first, with its photo count (confirmed) unless counted is False."""
    rows = list(cat.db.query("SELECT id, name, date, place, article_id FROM events "
                             "ORDER BY coalesce(date, '') DESC, name"))
    return _counted(cat, rows, "photo_events", "event_id") if counted else rows


def counted(cat: Catalog, rows: list[dict], kind: str) -> list[dict]:
    """rows of people or events (kind), each given its confirmed photo count."""
    table, column = {"people": ("photo_people", "person_id"),
                     "events": ("photo_events", "event_id")}[kind]
    return _counted(cat, rows, table, column)


def _counted(cat: Catalog, rows: list[dict], table: str, column: str) -> list[dict]:
    counts = dict(cat.db.execute(
        f"SELECT {column}, count(*) FROM {table} WHERE {column} {cat.IN_IDS} "
        f"AND state = 'confirmed' GROUP BY {column}", [cat.ids(r["id"] for r in rows)]))
    for row in rows:
        row["photos"] = counts.get(row["id"], 0)
    return rows


def keywords(cat: Catalog) -> list[str]:
    return sorted((r[0] for r in cat.db.execute("SELECT name FROM keywords")), key=sort_key)


def add_person(cat: Catalog, name: str, title: str | None, aliases: str | None) -> int:
    """The id of the person called name, created when new; the editor's title or aliases
    replace the stored ones."""
    return registry.ensure_person(cat, name, title, aliases, replace=True)


def update_person(cat: Catalog, person_id: int, values: dict) -> None:
    cat.update("people", person_id, {k: values[k] for k in ("name", "title", "aliases")
                                        if k in values})


def add_event(cat: Catalog, name: str, date: str | None, place: str | None) -> int:
    """The id of the event, created when new; the editor's place replaces the stored one."""
    return registry.ensure_event(cat, name, date, place, replace=True)


# --- articles -------------------------------------------------------------------------------

def newest_article_under(cat: Catalog, folders: list[str]) -> int | None:
    """The most recently published article filed under one of folders."""
    best = None
    for folder in folders:
        where, params = under(cat, folder)
        row = cat.db.execute(
            "SELECT id, coalesce(published, imported_at, '') FROM articles "
            f"WHERE {where} ORDER BY 2 DESC, id DESC LIMIT 1", params).fetchone()
        if row and (best is None or row[1] > best[1]):
            best = row
    return best[0] if best else None


# --- values before an edit, for undo --------------------------------------------------------

def field_values(cat: Catalog, photo_ids: list[int], fields: list[str]) -> dict[int, dict]:
    """photo id -> {field: value} for photo columns and the keywords/people/event links."""
    columns = [f for f in fields if f in PHOTO_COLUMNS and f not in LINKS]
    unknown = set(fields) - set(columns) - set(LINKS)
    if unknown:
        raise ValueError(f"not a photo field: {', '.join(sorted(unknown))}")
    out: dict[int, dict] = {}
    for start in range(0, len(photo_ids), CHUNK):
        ids = list(photo_ids[start:start + CHUNK])
        marks = ",".join("?" * len(ids))
        for row in cat.db.execute(f"SELECT id{''.join(', ' + c for c in columns)} FROM photos "
                                  f"WHERE id IN ({marks})", ids):
            out[row[0]] = dict(zip(columns, row[1:]))
        for name in (f for f in fields if f in LINKS):
            _link_values(cat, ids, name, marks, out)
    return out


def _link_values(cat: Catalog, ids: list[int], name: str, marks: str, out: dict) -> None:
    link, target, column = LINKS[name]
    found: dict[int, list[str]] = {}
    for pid, value in cat.db.execute(
            f"SELECT l.photo_id, t.name FROM {link} l JOIN {target} t ON t.id = l.{column} "
            f"WHERE l.photo_id IN ({marks}) AND l.state = 'confirmed' ORDER BY t.name", ids):
        found.setdefault(pid, []).append(value)
    for pid in ids:
        if pid in out:
            values = found.get(pid, [])
            out[pid][name] = values if name != "event" else (values[0] if values else None)


SUGGESTIBLE = {"person": ("photo_people", "person_id"), "event": ("photo_events", "event_id")}


def link_states(cat: Catalog, photo_ids: list[int], kind: str,
                target_id: int) -> dict[int, tuple[str, str] | None]:
    """photo id -> (source, state) of its link to a person or event, None when there is none."""
    table, column = SUGGESTIBLE[kind]
    out: dict[int, tuple[str, str] | None] = {pid: None for pid in photo_ids}
    for start in range(0, len(photo_ids), CHUNK):
        ids = list(photo_ids[start:start + CHUNK])
        for pid, source, state in cat.db.execute(
                f"SELECT photo_id, source, state FROM {table} WHERE {column} = ? "
                f"AND photo_id IN ({','.join('?' * len(ids))})", [target_id, *ids]):
            out[pid] = (source, state)
    return out


def set_link_states(cat: Catalog, states: dict[int, tuple[str, str] | None], kind: str,
                    target_id: int) -> None:
    """Put links back as link_states() found them (call inside a transaction)."""
    table, column = SUGGESTIBLE[kind]
    for pid, value in states.items():
        if value is None:
            cat.db.execute(f"DELETE FROM {table} WHERE photo_id = ? AND {column} = ?",
                           [pid, target_id])
        else:
            cat.db.execute(
                f"INSERT INTO {table} (photo_id, {column}, source, state) VALUES (?, ?, ?, ?) "
                f"ON CONFLICT (photo_id, {column}) DO UPDATE SET source = excluded.source, "
                "state = excluded.state", [pid, target_id, *value])
