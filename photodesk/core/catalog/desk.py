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
    for root_id, folder, n in cat.db.execute(
            "SELECT root_id, substr(relpath, 1, length(relpath) - length(name) - 1) AS dir, "
            "count(*) FROM photos GROUP BY root_id, dir"):
        path = cat.roots.local(root_id, folder)
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

def people(cat: Catalog) -> list[dict]:
    """Every person with the number of photos that show them (confirmed)."""
    rows = list(cat.db.query(
        "SELECT p.id, p.name, p.title, p.aliases, count(pp.photo_id) AS photos FROM people p "
        "LEFT JOIN photo_people pp ON pp.person_id = p.id AND pp.state = 'confirmed' "
        "GROUP BY p.id"))
    return sorted(rows, key=lambda r: sort_key(r["name"]))


def events(cat: Catalog) -> list[dict]:
    """Every event, newest first, with its photo count (confirmed)."""
    return list(cat.db.query(
        "SELECT e.id, e.name, e.date, e.place, e.article_id, count(pe.photo_id) AS photos "
        "FROM events e LEFT JOIN photo_events pe ON pe.event_id = e.id "
        "AND pe.state = 'confirmed' GROUP BY e.id ORDER BY coalesce(e.date, '') DESC, e.name"))


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
