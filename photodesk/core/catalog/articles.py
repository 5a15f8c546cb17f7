"""Catalog queries for articles, their image references and the photos those resolve to."""

import json

from photodesk.core.catalog import registry
from photodesk.core.catalog.db import Catalog
from photodesk.core.catalog.photos import now
from photodesk.core.catalog.roots import at, localised, stored, under
from photodesk.core.catalog.schema import name_key


def known_articles(cat: Catalog, root: str) -> dict[str, tuple]:
    """path -> (id, size, mtime_ns) for every article at or under root."""
    where, params = under(cat, root)
    rows = cat.db.execute(
        f"SELECT root_id, relpath, id, size, mtime_ns FROM articles WHERE {where}", params)
    return {cat.roots.local(r[0], r[1]): r[2:] for r in rows}


def save_article(cat: Catalog, record: dict, images: list[dict]) -> int:
    """Insert or replace an article and its image references; returns its id."""
    path = record["path"]
    root_id, rel = stored(cat, path)
    record = {k: v for k, v in record.items() if k != "path"}
    row = cat.db.execute("SELECT id FROM articles WHERE root_id = ? AND relpath = ?",
                         [root_id, rel]).fetchone()
    values = {**record, "root_id": root_id, "relpath": rel, "paragraphs": json.dumps(record.get("paragraphs", []), ensure_ascii=False),
              "warnings": json.dumps(record.get("warnings", []), ensure_ascii=False),
              "imported_at": now()}
    if row:
        article_id = row[0]
        cat.update("articles", article_id, values)
        cat.db.execute("DELETE FROM article_images WHERE article_id = ?", [article_id])
    else:
        article_id = cat.insert("articles", values)
    cat.insert_many("article_images", (
        {**img, "article_id": article_id, "name_key": name_key(img["name"]), "photo_id": None,
         "match": "unmatched"} for img in images))
    return article_id


def article(cat: Catalog, article_id: int) -> dict | None:
    rows = localised(cat, cat.db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return None
    a = rows[0]
    a["paragraphs"] = json.loads(a["paragraphs"] or "[]")
    a["warnings"] = json.loads(a["warnings"] or "[]")
    a["images"] = localised(cat, localised(cat, cat.db.query(
        "SELECT ai.position, ai.paragraph, ai.name, ai.caption, ai.photo_id, ai.match, "
        "ai.kept_caption, p.root_id AS photo_path_root, p.relpath AS photo_path_rel, "
        "p.caption AS photo_caption, ai.lookalike_id, l.root_id AS lookalike_path_root, "
        "l.relpath AS lookalike_path_rel FROM article_images ai "
        "LEFT JOIN photos p ON p.id = ai.photo_id LEFT JOIN photos l ON l.id = ai.lookalike_id "
        "WHERE ai.article_id = ? ORDER BY ai.position",
        [article_id]), to="photo_path"), to="lookalike_path")
    event = cat.db.execute("SELECT id, name, date, place FROM events WHERE article_id = ?",
                           [article_id]).fetchone()
    a["event"] = dict(zip(("id", "name", "date", "place"), event)) if event else None
    a["people"] = article_people(cat, article_id)
    return a


def article_by_path(cat: Catalog, path: str) -> int | None:
    where, params = at(cat, path)
    row = cat.db.execute(f"SELECT id FROM articles WHERE {where}", params).fetchone()
    return row[0] if row else None


def articles(cat: Catalog, limit: int = -1, offset: int = 0) -> list[dict]:
    """Articles newest first (published, else imported), with their image and link counts;
    limit and offset read a page of them (an archive holds a hundred thousand)."""
    return localised(cat, cat.db.query(
        "SELECT a.id, a.root_id, a.relpath, a.title, a.published, "
        "(SELECT count(*) FROM article_images ai WHERE ai.article_id = a.id) AS images, "
        "(SELECT count(ai.photo_id) FROM article_images ai WHERE ai.article_id = a.id) AS linked, "
        "(SELECT count(*) FROM article_images ai WHERE ai.article_id = a.id "
        "AND ai.match = 'ambiguous') AS ambiguous "
        "FROM (SELECT * FROM articles ORDER BY coalesce(published, imported_at) DESC, id DESC "
        "LIMIT ? OFFSET ?) a ORDER BY coalesce(a.published, a.imported_at) DESC, a.id DESC",
        [limit if limit >= 0 else 2**62, offset]))  # no limit (as PostgreSQL takes it)


def count(cat: Catalog) -> int:
    return cat.count("articles")


def references_named(cat: Catalog, keys: list[str]) -> list[dict]:
    """Image references with these file-name keys that the editor has not settled by hand."""
    found = []
    for key in set(keys):
        found += localised(cat, cat.db.query(
            "SELECT ai.id, ai.article_id, ai.name_key, ai.caption, ai.photo_id, "
            "a.root_id AS article_path_root, a.relpath AS article_path_rel "
            "FROM article_images ai JOIN articles a ON a.id = ai.article_id "
            "WHERE ai.name_key = ? AND ai.match != 'chosen'", [key]), to="article_path")
    return found


def reference_at(cat: Catalog, article_id: int, position: int) -> dict:
    return localised(cat, cat.db.query(
        "SELECT ai.id, ai.article_id, ai.name_key, ai.caption, "
        "a.root_id AS article_path_root, a.relpath AS article_path_rel "
        "FROM article_images ai JOIN articles a ON a.id = ai.article_id "
        "WHERE ai.article_id = ? AND ai.position = ?", [article_id, position]),
        to="article_path")[0]


def name_keys(cat: Catalog, photo_ids: list[int]) -> list[str]:
    keys = []
    for pid in photo_ids:
        row = cat.db.execute("SELECT name_key FROM photos WHERE id = ?", [pid]).fetchone()
        if row and row[0]:
            keys.append(row[0])
    return keys


def set_article_people(cat: Catalog, article_id: int, people: list[tuple[int, str | None]]) -> None:
    cat.db.execute("DELETE FROM article_people WHERE article_id = ?", [article_id])
    for person_id_, title in people:
        cat.db.execute("INSERT INTO article_people (article_id, person_id, title) "
                       "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [article_id, person_id_, title])


def article_people(cat: Catalog, article_id: int) -> list[dict]:
    return list(cat.db.query(
        "SELECT p.id, p.name, coalesce(ap.title, p.title) AS title FROM article_people ap "
        "JOIN people p ON p.id = ap.person_id WHERE ap.article_id = ? ORDER BY p.name",
        [article_id]))


def references_of_article(cat: Catalog, article_id: int) -> list[dict]:
    return localised(cat, cat.db.query(
        "SELECT ai.id, ai.article_id, ai.name, ai.name_key, ai.caption, ai.photo_id, "
        "a.root_id AS article_path_root, a.relpath AS article_path_rel "
        "FROM article_images ai JOIN articles a ON a.id = ai.article_id "
        "WHERE ai.article_id = ?", [article_id]), to="article_path")


def photos_named(cat: Catalog, key: str) -> list[dict]:
    return sorted(localised(cat, cat.db.query(
        "SELECT id, root_id, relpath, caption, edited FROM photos WHERE name_key = ?", [key])),
        key=lambda p: p["path"])


def resolve_reference(cat: Catalog, reference_id: int, photo_id: int | None, match: str,
                      lookalike_id: int | None = None) -> None:
    """The photo a reference resolved to, how, and the look-alike suggested when none did."""
    cat.db.execute("UPDATE article_images SET photo_id = ?, match = ?, lookalike_id = ? "
                   "WHERE id = ?", [photo_id, match, lookalike_id, reference_id])


def lookalikes_of_article(cat: Catalog, article_id: int) -> list[tuple[int, int]]:
    """(position, photo id) of the article's images that wait for the editor to confirm the
    look-alike suggested for them."""
    return cat.db.execute("SELECT position, lookalike_id FROM article_images WHERE "
                          "article_id = ? AND lookalike_id IS NOT NULL AND photo_id IS NULL "
                          "ORDER BY position", [article_id]).fetchall()


def forget_lookalikes(cat: Catalog, article_id: int) -> None:
    cat.db.execute("UPDATE article_images SET lookalike_id = NULL WHERE article_id = ?",
                   [article_id])


def photo_article_ids(cat: Catalog, photo_id: int) -> list[int]:
    return [r[0] for r in cat.db.execute(
        "SELECT DISTINCT article_id FROM article_images WHERE photo_id = ? ORDER BY article_id",
        [photo_id])]


def caption_conflicts(cat: Catalog) -> list[dict]:
    """Photos whose own caption differs from the caption an article gives them."""
    return localised(cat, cat.db.query(
        "SELECT p.id AS photo_id, p.root_id, p.relpath, p.caption AS photo_caption, ai.caption AS article_caption, "
        "ai.article_id FROM article_images ai JOIN photos p ON p.id = ai.photo_id "
        "WHERE ai.caption IS NOT NULL AND p.caption IS NOT NULL AND p.caption != ai.caption "
        "AND (ai.kept_caption IS NULL OR ai.kept_caption != p.caption)"))


def keep_caption(cat: Catalog, photo_id: int, article_id: int) -> None:
    """The editor keeps the photo's own caption over the article's: remember which caption was
    kept, so the question returns only if the photo's caption changes."""
    cat.db.execute("UPDATE article_images SET kept_caption = (SELECT caption FROM photos "
                   "WHERE id = ?) WHERE photo_id = ? AND article_id = ?",
                   [photo_id, photo_id, article_id])


def caption_kept(image: dict, photo_caption: str | None) -> bool:
    """Whether the editor kept this photo caption over the article image's caption."""
    return bool(image.get("kept_caption")) and image.get("kept_caption") == photo_caption


def save_event(cat: Catalog, name: str, date: str | None, place: str | None,
               article_id: int | None) -> int:
    """The event an article tells of: the article that names it (again) says where it was."""
    return registry.ensure_event(cat, name, date, place, article_id=article_id, replace=True)


def person_id(cat: Catalog, name: str, title: str | None) -> int:
    """A person an article names; its title fills an empty one, never an editor's."""
    return registry.ensure_person(cat, name, title)


def people(cat: Catalog) -> list[dict]:
    return list(cat.db.query("SELECT id, name, title, aliases FROM people ORDER BY name"))


def suggest(cat: Catalog, photo_id: int, kind: str, target_id: int) -> None:
    """A suggestion from an article; never overrides a confirmation or a rejection."""
    table, column = {"person": ("photo_people", "person_id"),
                     "event": ("photo_events", "event_id")}[kind]
    cat.db.execute(
        f"INSERT INTO {table} (photo_id, {column}, source, state) "
        "VALUES (?, ?, 'article', 'suggested') ON CONFLICT DO NOTHING", [photo_id, target_id])


def suggestions(cat: Catalog, photo_id: int) -> dict:
    people_rows = list(cat.db.query(
        "SELECT p.id, p.name, p.title FROM photo_people pp JOIN people p ON p.id = pp.person_id "
        "WHERE pp.photo_id = ? AND pp.state = 'suggested' ORDER BY p.name", [photo_id]))
    events_rows = list(cat.db.query(
        "SELECT e.id, e.name, e.date, e.place FROM photo_events pe JOIN events e ON e.id = pe.event_id "
        "WHERE pe.photo_id = ? AND pe.state = 'suggested' ORDER BY e.name", [photo_id]))
    return {"people": people_rows, "events": events_rows}


def pending_suggestions(cat: Catalog, photo_ids: list[int]) -> list[tuple[str, int, int]]:
    """(kind, person or event id, photo id) of every suggestion waiting on these photos."""
    found = []
    for kind, table, column in (("person", "photo_people", "person_id"),
                                ("event", "photo_events", "event_id")):
        for start in range(0, len(photo_ids), 500):
            chunk = photo_ids[start:start + 500]
            found += [(kind, target, pid) for target, pid in cat.db.execute(
                f"SELECT {column}, photo_id FROM {table} WHERE state = 'suggested' "
                f"AND photo_id IN ({','.join('?' * len(chunk))}) ORDER BY {column}, photo_id",
                chunk)]
    return found


def decide_suggestion(cat: Catalog, photo_id: int, kind: str, target_id: int, accept: bool) -> None:
    table, column = {"person": ("photo_people", "person_id"),
                     "event": ("photo_events", "event_id")}[kind]
    cat.db.execute(
        # Only a pending suggestion is decided: a confirmed tag must not be undone by a reject.
        f"UPDATE {table} SET state = ?, source = 'editor' "
        f"WHERE photo_id = ? AND {column} = ? AND state = 'suggested'",
        ["confirmed" if accept else "rejected", photo_id, target_id])
