"""The catalog's schema as numbered migrations, applied in order when a catalog opens."""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from photodesk.core.fold import words

migrations = Migrations("photodesk")

# Frozen as m001 created it; later migrations add columns, and PHOTO_COLUMNS lists them all.
M001_PHOTO_COLUMNS = {
    "id": int, "path": str, "folder_id": int, "name": str, "size": int, "mtime_ns": int,
    "hash": str, "format": str, "width": int, "height": int, "orientation": int,
    "taken_at": str, "make": str, "model": str, "lens": str, "exposure": str,
    "aperture": float, "iso": int, "focal_length": float, "gps_lat": float, "gps_lon": float,
    "title": str, "caption": str, "headline": str, "creator": str, "credit": str,
    "source": str, "copyright": str, "date_created": str, "location": str, "city": str,
    "state": str, "country": str, "rating": int, "label": str, "pick": int,
    "status": str, "status_reason": str, "warnings": str, "edited": str, "indexed_at": str,
}
PHOTO_COLUMNS = {**{k: v for k, v in M001_PHOTO_COLUMNS.items() if k != "path"},
                 "name_key": str, "failure": str, "root_id": int, "relpath": str,
                 "name_sort": str}


@migrations()
def m001_initial(db: Database) -> None:
    db["folders"].create({"id": int, "path": str, "added_at": str, "status": str},
                         pk="id", not_null={"path"}, defaults={"status": "online"})
    db["folders"].create_index(["path"], unique=True)
    db["photos"].create(M001_PHOTO_COLUMNS, pk="id", not_null={"path", "name", "status"},
                        foreign_keys=[("folder_id", "folders", "id")],
                        defaults={"status": "present", "pick": 0})
    db["photos"].create_index(["path"], unique=True)
    db["photos"].create_index(["hash"])
    db["photos"].create_index(["folder_id"])
    db["photos"].create_index(["taken_at"])
    db["photos"].create_index(["name"])
    db["keywords"].create({"id": int, "name": str}, pk="id", not_null={"name"})
    db["keywords"].create_index(["name"], unique=True)
    db["people"].create({"id": int, "name": str, "title": str, "aliases": str}, pk="id",
                        not_null={"name"})
    db["people"].create_index(["name"], unique=True)
    db["events"].create({"id": int, "name": str, "date": str, "place": str}, pk="id",
                        not_null={"name"})
    db["events"].create_index(["name", "date"], unique=True)
    for table, other in (("photo_keywords", "keyword"), ("photo_people", "person"),
                         ("photo_events", "event")):
        target = {"keyword": "keywords", "person": "people", "event": "events"}[other]
        db[table].create(
            {"photo_id": int, f"{other}_id": int, "source": str, "state": str},
            pk=("photo_id", f"{other}_id"),
            foreign_keys=[("photo_id", "photos", "id"), (f"{other}_id", target, "id")],
            defaults={"source": "file", "state": "confirmed"})
        db[table].create_index([f"{other}_id"])
    # Text is folded in Python before it reaches FTS5 (unicode61 cannot fold đ), so the
    # tokenizer only splits. rowid is the photo id.
    db.execute(
        "CREATE VIRTUAL TABLE photo_search USING fts5("
        "name, caption, headline, keywords, people, event, article, place, creator, "
        "tokenize='unicode61 remove_diacritics 0', prefix='2 3')")


@migrations()
def m002_articles(db: Database) -> None:
    db["articles"].create({"id": int, "path": str, "size": int, "mtime_ns": int, "title": str,
                           "lede": str, "dateline": str, "published": str, "paragraphs": str,
                           "warnings": str, "imported_at": str},
                          pk="id", not_null={"path"})
    db["articles"].create_index(["path"], unique=True)
    # One row per image reference, linked or not: an article may arrive before its photos.
    db["article_images"].create(
        {"id": int, "article_id": int, "position": int, "paragraph": int, "name": str,
         "name_key": str, "caption": str, "photo_id": int, "match": str},
        pk="id", not_null={"article_id", "name", "name_key"},
        foreign_keys=[("article_id", "articles", "id"), ("photo_id", "photos", "id")],
        defaults={"match": "unmatched"})
    db["article_images"].create_index(["article_id", "position"], unique=True)
    db["article_images"].create_index(["name_key"])
    db["article_images"].create_index(["photo_id"])
    db["photos"].add_column("name_key", str)
    for pid, name in db.execute("SELECT id, name FROM photos").fetchall():
        db.execute("UPDATE photos SET name_key = ? WHERE id = ?", [name_key(name), pid])
    db["photos"].create_index(["name_key"])
    db["events"].add_column("article_id", int, fk="articles", fk_col="id")
    db["article_people"].create({"article_id": int, "person_id": int, "title": str},
                                pk=("article_id", "person_id"),
                                foreign_keys=[("article_id", "articles", "id"),
                                              ("person_id", "people", "id")])


def name_key(name: str) -> str:
    """How file names compare: Unicode-normalised and case-insensitive."""
    import unicodedata
    return unicodedata.normalize("NFC", name).casefold()


@migrations()
def m003_watch(db: Database) -> None:
    # observer: 'native', 'polling', or NULL to choose by file system. mount_point: the folder
    # was a mount point when last seen, so finding it empty and unmounted means offline.
    db["folders"].add_column("observer", str)
    db["folders"].add_column("mount_point", int)


@migrations()
def m004_search(db: Database) -> None:
    # The search index is numbered by search key, not photo id: the key follows the date taken
    # (photodesk/core/search/keys.py), so the index serves "newest first" pages and date ranges
    # without sorting. It also gains columns for the query's fields. Built anew from the catalog
    # with frozen copies of the key and document rules, as they were when this was written.
    from datetime import datetime

    from photodesk.core.fold import fold, words

    db.execute("DROP TABLE IF EXISTS photo_search")
    db.execute("CREATE TABLE search_keys (key INTEGER PRIMARY KEY, "
               "photo_id INTEGER NOT NULL UNIQUE)")
    db.execute(
        "CREATE VIRTUAL TABLE photo_search USING fts5("
        "name, folder, caption, headline, keywords, people, event, article, place, creator, "
        "credit, camera, lens, tokenize='unicode61 remove_diacritics 0', prefix='2 3 4 5 6')")
    db["saved_searches"].create({"id": int, "name": str, "query": str, "sort": str,
                                 "created_at": str, "updated_at": str},
                                pk="id", not_null={"name", "query"})
    db["saved_searches"].create_index(["name"], unique=True)
    for column in ("indexed_at", "rating", "status"):
        db["photos"].create_index([column], if_not_exists=True)

    sep, mark, epoch, used = " \ue000 ", "\ue001", datetime(1, 1, 1), set()

    def taken(*texts):
        for text in texts:
            try:
                moment = datetime.fromisoformat(text.strip().replace(" ", "T", 1))
                return moment.replace(tzinfo=None, microsecond=0)
            except (AttributeError, ValueError):
                continue
        return None

    def key(photo_id, moment):
        if moment is None:
            return photo_id
        base, tie = (1 << 40) + (int((moment - epoch).total_seconds()) << 20), photo_id & 0xFFFFF
        while base + tie in used:
            tie = (tie + 1) & 0xFFFFF
        return base + tie

    def joined(*parts):
        return sep.join(p for p in parts if p)

    linked = "(SELECT group_concat(t.{name}, :sep) FROM {link} x JOIN {table} t ON t.id = x.{col} " \
             "WHERE x.photo_id = p.id{state})"
    rows = db.execute(
        "SELECT p.id, p.path, p.name, p.caption, p.headline, p.title, p.location, p.city, "
        "p.state, p.country, p.creator, p.credit, p.source, p.make, p.model, p.lens, "
        "p.taken_at, p.date_created, "
        + ", ".join(linked.format(name=n, link=lk, table=t, col=c, state=s) for n, lk, t, c, s in (
            ("name", "photo_keywords", "keywords", "keyword_id", " AND x.state = 'confirmed'"),
            ("name", "photo_people", "people", "person_id", " AND x.state = 'confirmed'"),
            ("name", "photo_events", "events", "event_id", " AND x.state = 'confirmed'"),
            ("title", "article_images", "articles", "article_id", "")))
        + " FROM photos p", {"sep": sep}).fetchall()
    for (pid, path, name, caption, headline, title, location, city, state, country, creator,
         credit, source, make, model, lens, taken_at, date_created, keywords, people, events,
         articles) in rows:
        k = key(pid, taken(taken_at, date_created))
        used.add(k)
        db.execute("INSERT INTO search_keys (key, photo_id) VALUES (?, ?)", [k, pid])
        folder = " ".join(mark + w for w in words((path or "").rpartition("/")[0]))
        values = [fold(v) for v in (
            name, caption, joined(headline, title), keywords, people, events, articles,
            joined(location, city, state, country), creator, joined(credit, source),
            " ".join(filter(None, (make, model))), lens)]
        db.execute("INSERT INTO photo_search (rowid, folder, name, caption, headline, keywords, "
                   "people, event, article, place, creator, credit, camera, lens) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [k, folder, *values])


@migrations()
def m005_kept_captions(db: Database) -> None:
    # An editor who keeps the photo's own caption over an article's is not asked again: the
    # caption kept is remembered per article image, and the question returns only when the
    # photo's caption changes later.
    db["article_images"].add_column("kept_caption", str)


@migrations()
def m006_condition_indexes(db: Database) -> None:
    # Queries made only of conditions (pick:yes has:gps, label:red, -has:caption) walked every
    # search key, newest first, when they matched few photos: seconds at a million. These
    # partial indexes hold only the photos such a query is after (picked or rejected, labelled,
    # located, missing a text), so they stay small, and the search finds those photos through
    # them and sorts them. Their WHERE clauses are written exactly as photodesk/core/search/
    # sqlite.py writes the conditions: SQLite uses a partial index only for the same terms.
    db.execute("CREATE INDEX IF NOT EXISTS idx_photos_pick ON photos (pick) WHERE pick <> 0")
    db.execute("CREATE INDEX IF NOT EXISTS idx_photos_label ON photos (label COLLATE NOCASE) "
               "WHERE label IS NOT NULL")
    db.execute("CREATE INDEX IF NOT EXISTS idx_photos_gps ON photos (gps_lat, gps_lon) "
               "WHERE gps_lat IS NOT NULL AND gps_lon IS NOT NULL")
    for name, text in (("caption", "coalesce(caption, '')"),
                       ("headline", "coalesce(headline, title, '')"),
                       ("credit", "coalesce(credit, source, '')"),
                       ("creator", "coalesce(creator, '')")):
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_photos_no_{name} ON photos (id) "
                   f"WHERE {text} = ''")


@migrations()
def m007_passing_failures(db: Database) -> None:
    # An unreadable file is unreadable for good (not an image, a format we cannot decode) or
    # for now (a full disk, an I/O error, a locked file, a reader that died). Only the first
    # may be left alone until the file changes: the second is read again at the next index,
    # watch catch-up and cache rebuild, though its size and time are the same.
    db["photos"].add_column("failure", str)
    db.execute("CREATE INDEX IF NOT EXISTS idx_photos_passing ON photos (id) "
               "WHERE failure = 'passing'")


@migrations()
def m008_sidecar_fields(db: Database) -> None:
    # Edits written only to a photo's XMP sidecar no longer wait to be written, but the catalog
    # must still keep them over what the photo itself says: a photo moved without its sidecar,
    # or a sidecar deleted, would otherwise lose the editor's caption at the next index.
    db["photos"].add_column("sidecar_fields", str)


@migrations()
def m009_roots(db: Database) -> None:
    # Photos, folders and articles live under roots: a folder with a stable id (uid) and, on
    # each machine, the place it is mounted (root_mounts; roots.path is where it was first
    # added, used where a machine names no other). Their own paths become relative to the
    # root (relpath, '' for the root itself), so a catalog opened on a machine that mounts the
    # share elsewhere needs one mapping, not a re-index. Ids, tags, edits and links are kept:
    # rows are changed in place. The roots are the top catalog folders, and the folders of
    # files indexed outside any catalog folder.
    import uuid
    from datetime import datetime, timezone

    db.execute("CREATE TABLE roots (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, "
               "path TEXT NOT NULL, added_at TEXT)")
    db.execute("CREATE TABLE root_mounts (root_id INTEGER NOT NULL REFERENCES roots(id), "
               "machine TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (root_id, machine))")
    tables = ("folders", "photos", "articles")
    for table in tables:
        db.execute(f"DROP INDEX IF EXISTS idx_{table}_path")
        db.execute(f"ALTER TABLE {table} RENAME COLUMN path TO relpath")
        db.execute(f"ALTER TABLE {table} ADD COLUMN root_id INTEGER REFERENCES roots(id)")

    def inside(path, folder):
        return path == folder or path.startswith(folder.rstrip("/") + "/")

    places = {r[0] for r in db.execute("SELECT relpath FROM folders")}
    for table in ("photos", "articles"):
        for (path,) in db.execute(f"SELECT relpath FROM {table}"):
            if not any(inside(path, f) for f in places):
                places.add(path.rpartition("/")[0] or "/")
    tops = sorted(p for p in places if not any(o != p and inside(p, o) for o in places))
    added = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for top in tops:
        root_id = db.execute("INSERT INTO roots (uid, path, added_at) VALUES (?, ?, ?)",
                             [uuid.uuid4().hex, top, added]).lastrowid
        prefix = top.rstrip("/") + "/"
        for table in tables:
            db.execute(
                f"UPDATE {table} SET root_id = ?, relpath = CASE WHEN relpath = ? THEN '' "
                "ELSE substr(relpath, ?) END WHERE root_id IS NULL "
                "AND (relpath = ? OR substr(relpath, 1, ?) = ?)",
                [root_id, top, len(prefix) + 1, top, len(prefix), prefix])
    for table in tables:
        db.execute(f"CREATE UNIQUE INDEX idx_{table}_place ON {table} (root_id, relpath)")


@migrations()
def m010_name_order(db: Database) -> None:
    # Sorting by file name follows the Vietnamese alphabet (Ánh after An, Đ after D) through a
    # key made once per photo (fold.sort_key), not name_key: that one matches the names an
    # article gives, and must stay as it is.
    from photodesk.core.fold import sort_key

    db["photos"].add_column("name_sort", str)
    rows = db.execute("SELECT id, name FROM photos").fetchall()
    db.conn.executemany("UPDATE photos SET name_sort = ? WHERE id = ?",
                        [(sort_key(name), pid) for pid, name in rows])
    db.execute("CREATE INDEX idx_photos_name_sort ON photos (name_sort)")


@migrations()
def m011_condition_key_order(db: Database) -> None:
    # Conditions want their photos newest taken first, but the indexes of m004 and m006 hold
    # them in id order: a page of label:red or indexed:2020 meant looking up every match's
    # search key and sorting them all (hundreds of milliseconds at a million photos). The
    # photo's search key (search_keys.key, kept in step by photodesk/core/search/index.py)
    # now sits beside the condition in each index, so SQLite reads one condition's photos
    # newest first and stops after a page; the other condition columns ride along, so that
    # label:red rating:>=4 is tested in the index without reading a photo. A range of
    # indexed_at is read month by month from its own index. These replace m006's indexes and
    # the status index; the rating and indexed_at indexes stay for their sorts. Partial WHERE
    # clauses are spelled as photodesk/core/search/sqlite.py writes the conditions. At a
    # million photos this takes about 45 s on the project machine (filling the column rewrites
    # every photo row; the indexes take about 15 s of it) and adds about 240 MB.
    db.execute("ALTER TABLE photos ADD COLUMN search_key INTEGER")
    db.execute("UPDATE photos SET search_key = "
               "(SELECT s.key FROM search_keys s WHERE s.photo_id = photos.id)")
    def beside(lead: str) -> str:  # the other condition columns, so no photo need be read
        return ", ".join(c for c in ("pick", "label", "rating", "status", "indexed_at")
                         if c != lead)
    for name, sql in (
            ("pick_key", f"(pick, search_key, {beside('pick')}) WHERE pick <> 0"),
            ("label_key", f"(label COLLATE NOCASE, search_key, {beside('label')}) "
                          "WHERE label IS NOT NULL"),
            ("status_key", f"(status, search_key, {beside('status')})"),
            ("rating_key", f"(rating, search_key, {beside('rating')}) WHERE rating IS NOT NULL"),
            ("indexed_key", f"(indexed_at, search_key, {beside('indexed_at')})"),
            ("gps_key", f"(search_key, {beside('')}) "
                        "WHERE gps_lat IS NOT NULL AND gps_lon IS NOT NULL"),
            ("no_caption_key", f"(search_key, {beside('')}) WHERE coalesce(caption, '') = ''"),
            ("no_headline_key", f"(search_key, {beside('')}) "
                                "WHERE coalesce(headline, title, '') = ''"),
            ("no_credit_key", f"(search_key, {beside('')}) "
                              "WHERE coalesce(credit, source, '') = ''"),
            ("no_creator_key", f"(search_key, {beside('')}) WHERE coalesce(creator, '') = ''")):
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_photos_{name} ON photos {sql}")
    # A range of indexed_at (indexed:2020) is read month by month, each newest first, merged.
    db.execute("CREATE INDEX IF NOT EXISTS idx_photos_indexed_month ON photos "
               f"(substr(indexed_at, 1, 7), search_key, {beside('')})")
    for name in ("pick", "label", "gps", "status", "no_caption", "no_headline", "no_credit",
                 "no_creator"):
        db.execute(f"DROP INDEX IF EXISTS idx_photos_{name}")


@migrations()
def m012_tag_counts(db: Database) -> None:
    # The sidebar counts the confirmed photos of the people and events it shows: with the
    # state in the index that is a count of index entries, where before each tag's row was
    # read for its state (3.8 s for 200 popular people of a million-photo archive). The
    # same indexes serve person: and event: queries, so the ones by id alone go.
    for table, column in (("photo_people", "person_id"), ("photo_events", "event_id")):
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_{table}_{column}_state "
                   f"ON {table} ({column}, state)")
        db.execute(f"DROP INDEX IF EXISTS idx_{table}_{column}")


@migrations()
def m013_saved_direction(db: Database) -> None:
    # A saved search keeps the direction of its sort (oldest first for culling); NULL runs it
    # as the sort usually runs, as every search saved before did.
    db.execute("ALTER TABLE saved_searches ADD COLUMN descending INTEGER")


@migrations()
def m014_fingerprints(db: Database) -> None:
    # Each photo's look (photodesk/core/fingerprint.py): the 64-bit hashes of its whole and
    # inset frames, as SQLite's signed integers. No row: not looked at yet (photos indexed
    # before this migration; the next index reads them from their thumbnails); a row with
    # NULL hashes: looked at, and blank. A table of its own rather than columns of photos: a
    # look-up reads thousands of candidates at a million photos, from rows of 30 bytes here
    # where a photo's row holds 3 KB. Each hash is indexed by its 4 bands of 16 bits (the
    # band's expression spelled exactly as catalog/fingerprints.py writes it, or SQLite does
    # not use the index), each index holding both hashes: a look-up reads the candidates
    # from the index alone (15 ms for 25,000 at a million photos, where reading each row
    # took 45 ms), for about 135 MB more at a million photos.
    db.execute("CREATE TABLE fingerprints (photo_id INTEGER PRIMARY KEY REFERENCES photos(id), "
               "whole INTEGER, inset INTEGER)")
    for column in ("whole", "inset"):
        for band in range(4):
            db.execute(f"CREATE INDEX idx_fingerprints_{column}_{band} ON fingerprints "
                       f"((({column} >> {48 - 16 * band}) & 65535), whole, inset) "
                       f"WHERE {column} IS NOT NULL")
    # A photo the editor marked as a copy of another (its original): the catalog's, never
    # written to the file. No foreign key: removing the original's folder clears it instead.
    # has:original finds the copies through their own index, newest first (as m011's).
    db.execute("ALTER TABLE photos ADD COLUMN copy_of INTEGER")
    db.execute("CREATE INDEX idx_photos_copy_key ON photos "
               "(search_key, pick, label, rating, status, indexed_at) WHERE copy_of IS NOT NULL")
    # An image an article names that no photo has the name of, but whose file beside the
    # article looks like a catalog photo (a CMS's resized upload of it): that photo, suggested
    # until the editor confirms the link (or rejects it). No foreign key, as copy_of.
    db.execute("ALTER TABLE article_images ADD COLUMN lookalike_id INTEGER")


@migrations()
def m015_tag_photo_ids(db: Database) -> None:
    # A person's or an event's photo ids from the index alone: the search walks the keys of a
    # sidebar scope testing each against them (search/sqlite.py linked_walk), and reading each
    # tag row for its photo id took 24 ms of a 5 ms page for a person in 39,323 photos. These
    # serve m012's counts too, so its indexes go. About 2 s and 40 MB at a million photos.
    for table, column in (("photo_people", "person_id"), ("photo_events", "event_id")):
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_{table}_{column}_state_photo "
                   f"ON {table} ({column}, state, photo_id)")
        db.execute(f"DROP INDEX IF EXISTS idx_{table}_{column}_state")


@migrations()
def m016_folded_names(db: Database) -> None:
    # person:, event: and keyword: search the registry's folded names (catalog/registry.py
    # named_ids) and then the photos linked to what they name, as the sidebar's scopes do:
    # through the full-text index a name combined with a condition took 137–214 ms at a
    # million photos. The folded words between spaces (" bui bao hoa ") let LIKE find a
    # phrase or a prefix of words inside a name; NULL (a row another program added) sends
    # the search back to the full-text index. The keywords get the people's index of m015.
    for table in ("people", "events", "keywords"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN folded TEXT")
        names = db.execute(f"SELECT id, name FROM {table}").fetchall()
        db.conn.executemany(f"UPDATE {table} SET folded = ? WHERE id = ?",
                            [(folded_name(name), row_id) for row_id, name in names])
        db.execute(f"CREATE INDEX idx_{table}_folded ON {table} (folded)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_photo_keywords_keyword_id_state_photo "
               "ON photo_keywords (keyword_id, state, photo_id)")
    db.execute("DROP INDEX IF EXISTS idx_photo_keywords_keyword_id")


def folded_name(name: str | None) -> str:
    """A registry name as m016 keeps it: its folded words between spaces (PhotoDesk's fold:
    SQLite's own would not fold đ)."""
    return " " + " ".join(words(name)) + " "


@migrations()
def m017_versions_and_history(db: Database) -> None:
    # Several desks edit one archive (and two windows one catalog): each photo's version goes
    # up with every editor's change, and an edit made on an older version is refused as a
    # conflict (catalog/edits.py) rather than silently undoing the other desk's. Every
    # editor's change is kept: who, when, which field, the value before and after (as JSON).
    # Adding a column with a default rewrites nothing: instant at a million photos.
    db.execute("ALTER TABLE photos ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    db.execute("CREATE TABLE history (id INTEGER PRIMARY KEY, photo_id INTEGER NOT NULL, "
               "field TEXT NOT NULL, old TEXT, new TEXT, who TEXT, desk TEXT, at TEXT NOT NULL)")
    db.execute("CREATE INDEX idx_history_photo ON history (photo_id, id)")
