"""Catalog folders: the folders added to the catalog, their watch settings, going offline, removal."""


from photodesk.core.catalog.db import Catalog
from photodesk.core.catalog.photos import now, set_status
from photodesk.core.catalog.roots import at, localised, under


def add_folder(cat: Catalog, path: str) -> int:
    """A catalog folder at path (added, or online again); call inside a transaction."""
    root_id, rel = cat.roots.place(path)
    row = cat.db.execute("SELECT id FROM folders WHERE root_id = ? AND relpath = ?",
                         [root_id, rel]).fetchone()
    if row:
        cat.db.execute("UPDATE folders SET status = 'online' WHERE id = ?", [row[0]])
        return row[0]
    return cat.insert("folders", {"root_id": root_id, "relpath": rel, "added_at": now(),
                                  "status": "online"})


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
        cat.update("folders", row["id"], values)


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


def remove_folder(cat: Catalog, root: str) -> tuple[list[int], list[int], int]:
    """Forget a catalog folder: its photos (with their tags), its subfolders and the articles
    filed in it. Returns (removed photo ids, photo ids elsewhere whose article link was cut,
    articles removed). The files on disk are not touched; people, events and keywords stay in
    the registry. Call inside a transaction."""
    inside, params = under(cat, root)
    ids = [r[0] for r in cat.db.execute(f"SELECT id FROM photos WHERE {inside}", params)]
    articles = [r[0] for r in cat.db.execute(f"SELECT id FROM articles WHERE {inside}", params)]
    ids_json, articles_json = cat.ids(ids), cat.ids(articles)
    in_ids = cat.IN_IDS
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
    for table in ("photo_keywords", "photo_people", "photo_events", "fingerprints"):
        cat.db.execute(f"DELETE FROM {table} WHERE photo_id {in_ids}", [ids_json])
    # Copies elsewhere of a photo that leaves are copies of nothing the catalog holds, and
    # articles no longer suggest it.
    cat.db.execute(f"UPDATE photos SET copy_of = NULL WHERE copy_of {in_ids}", [ids_json])
    cat.db.execute(f"UPDATE article_images SET lookalike_id = NULL WHERE lookalike_id {in_ids}",
                   [ids_json])
    cat.db.execute(f"DELETE FROM photos WHERE id {in_ids}", [ids_json])
    cat.db.execute(f"DELETE FROM folders WHERE {inside}", params)
    return ids, sorted(cut), len(articles)
