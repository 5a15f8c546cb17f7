"""PhotoListModel: a scope's photos as a list model whose rows and thumbnails arrive from workers."""

from collections import OrderedDict
from itertools import count

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QSize, Qt, QThread, QThreadPool,
                            Signal)
from PySide6.QtGui import QPixmap

from photodesk.core.catalog import Location
from photodesk.core.thumbs import thumb_path
from photodesk.gui.views.placeholders import broken_pixmap, placeholder_pixmap
from photodesk.gui.models.queries import (EVERYTHING, Scope, first_ids, placement, positions,
                                          rest_ids, rows_of)
from photodesk.gui.workers.tasks import CatalogQuery, ImageLoad, Relay, source_of

PAGE = 60  # catalog rows read per worker query: a screenful of the grid
FIRST_ROWS = 600  # ids of a search's first answer: several screens, read in milliseconds
BIG = 20_000  # more ids than this are never compared on the GUI thread: placed, or reset
HINT_SPAN = 256  # rows around where a photo was last seen, searched before the whole list
EDITS = 64  # inserts and removals replayed on each look-up before the row map is made again
MAX_ROWS = 2000  # photo rows kept in memory: a hundred screens (a row is five objects that
# every full pass of the cycle collector walks, holding the GIL: 5,000 rows were 25,000)
PAGES_WANTED = 6  # pages the view asked for last: older ones still queued are not read
THUMBS_WANTED = 400  # the same for thumbnails: two screens of the smallest cells, at 4K
MAX_THUMBS = 800  # grid thumbnails kept in memory
THUMB_BOX = QSize(176, 176)
SEARCH_PRIORITY = 1_000_000  # above every row and thumbnail load

PhotoIdRole = Qt.ItemDataRole.UserRole + 1
PhotoRole = Qt.ItemDataRole.UserRole + 2  # the catalog row (dict) or None while it loads


class PhotoListModel(QAbstractListModel):
    """A search's ids in two answers: the first FIRST_ROWS at once, then every other id in one
    read on a worker (a million take seconds; the first screen does not wait for them). The
    catalog rows behind the ids arrive in pages of PAGE as the view asks for them, and
    thumbnails one by one, all off the GUI thread. Photos that change are placed where they
    belong (queries.placement) rather than searched again.

    Qt's fetchMore paging was tried and dropped: each page makes QListView lay out every row
    again, which stalled scrolling for 200 ms at 80,000 rows.
    """

    resultsChanged = Signal(int)  # how many photos the current search matched
    searchFailed = Signal(str)

    def __init__(self, location: Location, thumbs_dir, parent=None):
        super().__init__(parent)
        self._location = location
        self._thumbs_dir = thumbs_dir
        # Searches and row reads get their own pool, so a scroll's thumbnail loads never delay them.
        self._query_pool = QThreadPool(self)
        self._query_pool.setMaxThreadCount(2)
        self._image_pool = QThreadPool(self)
        # A core left to the GUI thread: on two, four decoders slowed a fast scroll to 30 ms
        # a frame.
        self._image_pool.setMaxThreadCount(max(1, min(4, QThread.idealThreadCount() - 1)))
        self._relay = Relay(self)
        self._relay.result.connect(self._on_result)
        self._relay.image.connect(self._on_image)
        self._tokens = count(1)
        self._search_token = 0
        self._query, self._sort, self._scope = "", "taken", EVERYTHING
        self._descending: bool | None = None  # None: the sort's usual direction
        self._ids: list[int] = []
        self._pos: RowMap | None = RowMap([])
        self._remapping: tuple | None = None  # the token of the row map made on a worker
        self._hints: dict[int, int] = {}  # row each photo was last asked for, while _pos is None
        self._generation = 0  # counts changes of _ids: a placement made before one is stale
        self._loading = False  # the rest of the ids is still being read
        self._waiting: set[int] = set()  # photos changed meanwhile: placed once they are in
        self._placing = False
        self._shown = 0
        self.pages_read = 0  # catalog row queries started: tests check rows come in pages
        self._rows: OrderedDict[int, dict] = OrderedDict()
        self._rows_pending: set[int] = set()
        self._stale: set[int] = set()  # changed while a read was in flight: read them again
        self._overlay: dict[int, dict] = {}  # edits shown before the catalog has them
        self._thumbs: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._thumb_waiters: dict[str, set[int]] = {}
        self._priority = count()
        self._closed = False
        self.thumbs_asked = 0  # thumbnail loads started
        self.placeholder = placeholder_pixmap(THUMB_BOX)
        self.broken = broken_pixmap(THUMB_BOX)

    # --- searching -------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def scope(self) -> Scope:
        return self._scope

    @property
    def sort(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool | None:
        return self._descending

    def set_query(self, query: str, sort: str | None = None, scope: Scope | None = None,
                  descending: bool | None = None) -> None:
        """Run a new search; its result replaces the list (a newer search supersedes it). A
        sort given runs as descending says (None: its usual direction)."""
        if sort is not None:
            self._sort, self._descending = sort, descending
        self._query = query
        self._scope = scope or self._scope
        self._start_search("reset")

    def set_sort(self, sort: str, descending: bool | None = None) -> None:
        """Sort by sort, in its usual direction (None) or as asked."""
        self.set_query(self._query, sort, descending=descending)

    def set_scope(self, scope: Scope, query: str = "") -> None:
        self.set_query(query, scope=scope)

    def refresh(self) -> None:
        """Search again for the same query; rows that came or went are inserted or removed
        (a long list is read again whole: comparing a million ids would stall the window)."""
        self._start_search("update")

    def update(self, photo_ids) -> None:
        """These photos changed (arrived, edited, gone): each is put where it now belongs, or
        taken out when it no longer matches, without searching again."""
        self._waiting.update(photo_ids)
        if not self._loading and not self._placing:
            self._place_waiting()

    def is_loading(self) -> bool:
        """Whether ids of the current search are still being read."""
        return self._loading

    def _place_waiting(self) -> None:
        changed, self._waiting = sorted(self._waiting), set()
        if not changed:
            return
        self._placing = True
        rows = {pid: row for pid in changed if (row := self._known_row(pid)) is not None}
        job = CatalogQuery(self._relay, ("placed", self._search_token, self._generation,
                                         tuple(changed)),
                           self._location, placement, self._scope, self._query, self._sort,
                           self._descending, list(self._ids), changed, rows,
                           self._pos is not None)
        self._start(self._query_pool, job, SEARCH_PRIORITY)

    def _start_search(self, mode: str) -> None:
        # Older searches still in flight finish, but their token no longer matches: ignored.
        self._search_token = next(self._tokens)
        self._loading = True
        job = CatalogQuery(self._relay, ("search", self._search_token, mode),
                           self._location, first_ids, self._scope, self._query, self._sort,
                           self._descending, FIRST_ROWS)
        self._start(self._query_pool, job, SEARCH_PRIORITY)

    def _apply_first(self, answer, mode: str) -> None:
        ids, cursor = answer
        if mode == "update" and cursor is None and len(self._ids) <= BIG:
            self._apply_ids(ids, mode)
        else:
            self._reset(ids)
        if cursor is None:
            self._loaded()
        else:
            token = self._search_token
            job = CatalogQuery(self._relay, ("rest", token, self._generation),
                               self._location, rest_ids, self._scope, self._query, self._sort,
                               self._descending, cursor, list(ids),
                               lambda: token == self._search_token)
            self._start(self._query_pool, job, SEARCH_PRIORITY)
        self.resultsChanged.emit(len(self._ids))

    def _apply_rest(self, generation: int, answer) -> None:
        every, positions = answer  # the first ids and the rest, one list made on the worker
        if generation == self._generation and len(every) > len(self._ids):
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, len(every) - 1)
            self._ids = every  # not extended here: a million references taken on this thread
            self._shown = len(self._ids)
            self._pos, self._hints = RowMap(positions), {}
            self._generation += 1
            self.endInsertRows()
            self.resultsChanged.emit(len(self._ids))
        self._loaded()

    def _loaded(self) -> None:
        self._loading = False
        self._place_waiting()

    def _apply_placement(self, token, value) -> None:
        self._placing = False
        _, search_token, generation, changed = token
        if search_token != self._search_token:
            self._place_waiting()
            return
        if isinstance(value, Exception) or value is None:
            self._waiting.clear()
            self.refresh()  # an order that cannot be placed piecemeal: search again
            return
        if generation != self._generation:  # the list changed meanwhile: place them again
            self._waiting.update(changed)
        else:
            self._place(value)
            self.resultsChanged.emit(len(self._ids))
        self._place_waiting()

    def _place(self, placement) -> None:
        moving = set(placement.gone) | {pid for _, pid in placement.placed}
        # Where they were, as the placement found them in this very list (generation checked):
        # looking up photos that were not listed would read the whole list for each.
        rows = sorted(placement.rows[pid] for pid in moving if pid in placement.rows)
        for row in reversed(rows):  # from the end, so earlier rows keep their numbers
            self._remove(row, row)
        for shift, (row, pid) in enumerate(placement.placed):
            self._insert(row + shift, [pid])
        if moving:
            self._generation += 1
            if self._pos is None:
                self._remake_map()

    def _reset(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids, self._shown, self._pos, self._hints = ids, len(ids), None, {}
        self._generation += 1
        self.endResetModel()

    def _apply_ids(self, ids: list[int], mode: str) -> None:
        if mode == "reset" or not self._same_order(ids):
            self._reset(ids)
        else:
            self._remove_gone(set(ids))
            self._insert_new(ids)
            self._generation += 1

    def _same_order(self, ids: list[int]) -> bool:
        new, old = set(ids), set(self._ids)
        return [i for i in self._ids if i in new] == [i for i in ids if i in old]

    def _remove_gone(self, keep: set[int]) -> None:
        row = len(self._ids) - 1
        while row >= 0:  # from the end, so earlier runs keep their row numbers
            if self._ids[row] in keep:
                row -= 1
                continue
            last = row
            while row > 0 and self._ids[row - 1] not in keep:
                row -= 1
            self._remove(row, last)
            row -= 1

    def _remove(self, first: int, last: int) -> None:
        shown_last = min(last, self._shown - 1)
        if first <= shown_last:
            self.beginRemoveRows(QModelIndex(), first, shown_last)
            del self._ids[first:last + 1]
            self._shown -= shown_last - first + 1
            self._moved(first, first - last - 1)
            self.endRemoveRows()
        else:
            del self._ids[first:last + 1]
            self._moved(first, first - last - 1)

    def _insert_new(self, ids: list[int]) -> None:
        present = set(self._ids)
        row = 0
        while row < len(ids):
            if ids[row] in present:
                row += 1
                continue
            end = row
            while end + 1 < len(ids) and ids[end + 1] not in present:
                end += 1
            self._insert(row, ids[row:end + 1])
            row = end + 1

    def _insert(self, row: int, new: list[int]) -> None:
        if row < self._shown or self._shown == len(self._ids):
            self.beginInsertRows(QModelIndex(), row, row + len(new) - 1)
            self._ids[row:row] = new
            self._shown += len(new)
            self._moved(row, len(new), new)
            self.endInsertRows()
        else:
            self._ids[row:row] = new
            self._moved(row, len(new), new)

    def _moved(self, at: int, delta: int, new=()) -> None:
        """delta rows came (new) or went at row at: the row map notes it, and is made again
        once it has noted EDITS of them, a long list's on a worker (a million ids take 0.3 s
        there: once per photo arriving, the window waited on the worker for the GIL)."""
        if self._pos is None:
            return
        if delta > 0:
            self._pos.inserted(at, new)
        else:
            self._pos.removed(at, -delta)
        if self._pos.edits() >= EDITS:
            self._remake_map()

    def _remake_map(self) -> None:
        """The row map made again: a short list's when next asked for (milliseconds), a long
        one's on a worker from a copy of the ids, the edits made meanwhile replayed on it."""
        if len(self._ids) <= BIG:
            self._pos = None
        elif self._remapping is None or self._remapping[1] is not self._pos:
            self._remapping = ("positions", self._pos, self._pos.edits() if self._pos else 0,
                               self._generation)
            self._start(self._query_pool, CatalogQuery(
                self._relay, self._remapping, self._location, positions, list(self._ids)),
                SEARCH_PRIORITY)

    def _row_of(self, pid: int) -> int | None:
        if self._pos is None and len(self._ids) <= BIG:
            self._pos, self._hints = RowMap(positions(None, self._ids)), {}
        row = self._known_row(pid)
        if row is not None or self._pos is not None:
            return row
        try:
            row = self._ids.index(pid)  # the whole list at C speed: about 10 ms a million
        except ValueError:
            return None
        self._hints[pid] = row
        return row

    def _known_row(self, pid: int) -> int | None:
        """The row of pid from the position map, or near where it was last seen; None when
        neither says (then only a look through the whole list would)."""
        if self._pos is not None:
            row = self._pos.row(pid)
            if row is None or (row < len(self._ids) and self._ids[row] == pid):
                return row
            self._pos = None  # never seen: a change the map missed; rows are found by hints
        hint = self._hints.get(pid)
        if hint is not None:
            try:  # a few rows away at most: photos placed since moved it
                return self._ids.index(pid, max(0, hint - HINT_SPAN), hint + HINT_SPAN)
            except ValueError:
                pass
        return None

    # --- paging ----------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def total(self) -> int:
        return len(self._ids)

    # --- data ------------------------------------------------------------------------------

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flag = Qt.ItemFlag
        return flag.ItemIsEnabled | flag.ItemIsSelectable | flag.ItemNeverHasChildren

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < self._shown:
            return None
        pid = self._ids[index.row()]
        if role == PhotoIdRole:
            return pid
        if self._pos is None:
            self._hints[pid] = index.row()
        row = self.photo(pid)
        if role == PhotoRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row["name"] if row else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row) if row else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(row)
        return None

    def photo(self, pid: int) -> dict | None:
        """The cached catalog row of photo pid, queueing its read when it is not there yet."""
        row = self._rows.get(pid)
        if row is None:
            self._load_rows(pid)
        else:
            self._rows.move_to_end(pid)
        return row

    def index_of(self, pid: int) -> QModelIndex:
        row = self._row_of(pid)
        return self.index(row) if row is not None and row < self._shown else QModelIndex()

    def invalidate(self, photo_ids) -> None:
        """These photos changed in the catalog: read them again, showing the old row meanwhile."""
        pending = [pid for pid in photo_ids if pid in self._rows_pending]
        self._stale.update(pending)  # that read may have started before the change
        stale = [pid for pid in photo_ids if pid in self._rows and pid not in self._rows_pending]
        for start in range(0, len(stale), PAGE):
            self._request_rows(stale[start:start + PAGE])

    def patch(self, photo_ids, changes: dict) -> None:
        """Show an edit at once; rows read meanwhile keep showing it until settle()."""
        rows = []
        for pid in photo_ids:
            self._overlay.setdefault(pid, {}).update(changes)
            row = self._rows.get(pid)
            if row is not None:
                row.update(changes)
                rows.append(self._row_of(pid))
        self._changed(rows, None)

    def settle(self) -> None:
        """Every edit is in the catalog now: drop what patch() showed and read those rows again."""
        patched, self._overlay = list(self._overlay), {}
        self.invalidate(patched)

    def ids_in(self, ranges) -> list[int]:
        """Photo ids of the rows in ranges [(first, last), …], without an index per row."""
        out = []
        for first, last in ranges:
            out.extend(self._ids[max(0, first):min(last, self._shown - 1) + 1])
        return out

    def ids(self) -> list[int]:
        return list(self._ids[:self._shown])

    def rows_in_memory(self) -> int:
        return len(self._rows)

    def cached(self, pid: int) -> dict | None:
        """The row of pid when it is in memory; never queues a read."""
        return self._rows.get(pid)

    def _load_rows(self, pid: int) -> None:
        at = self._row_of(pid)
        if pid in self._rows_pending or at is None:
            return
        # Read the page around it: a view asks for a screenful of rows one at a time.
        start = at - at % PAGE
        chunk = [i for i in self._ids[start:start + PAGE]
                 if i not in self._rows and i not in self._rows_pending]
        if self._pos is None:  # where to look for them when they arrive
            if len(self._hints) > MAX_ROWS:
                self._hints.clear()
            self._hints.update((i, row) for row, i in enumerate(self._ids[start:start + PAGE],
                                                                 start))
        self._request_rows(chunk, skippable=True)

    def _request_rows(self, ids: list[int], skippable: bool = False) -> None:
        """Read the rows of ids on a worker. A page the view asked for is skipped when it
        is still queued after PAGES_WANTED newer ones: a fast scroll asks for a page a
        frame, and reading every page it passed kept both cores busy for seconds after it."""
        self._rows_pending.update(ids)
        self.pages_read += 1
        asked = self.pages_read
        wanted = (lambda: self.pages_read - asked < PAGES_WANTED) if skippable else None
        job = CatalogQuery(self._relay, ("rows", tuple(ids)), self._location, rows_of, ids,
                           wanted)
        # Newest first, like thumbnails: after a fast scroll the rows on screen come first.
        self._start(self._query_pool, job, next(self._priority) % SEARCH_PRIORITY)

    def _thumbnail(self, row: dict | None) -> QPixmap:
        if row is None:
            return self.placeholder
        digest = row.get("hash")
        if not digest:
            return self.broken
        if digest in self._thumbs:
            self._thumbs.move_to_end(digest)
            return self._thumbs[digest] or self.broken
        if digest not in self._thumb_waiters:
            path = str(thumb_path(self._thumbs_dir, digest, 256))
            # Newest request first: after a fast scroll, the rows now on screen load before
            # the ones that scrolled past.
            self.thumbs_asked += 1
            asked = self.thumbs_asked
            job = ThumbLoad(lambda: self.thumbs_asked - asked < THUMBS_WANTED, self._relay,
                            digest, path, THUMB_BOX, source_of(row))
            self._start(self._image_pool, job, next(self._priority) % SEARCH_PRIORITY)
        self._thumb_waiters.setdefault(digest, set()).add(row["id"])
        return self.placeholder

    # --- results from workers --------------------------------------------------------------

    def _on_result(self, token, value) -> None:
        kind = token[0]
        if kind == "search":
            if token[1] != self._search_token:
                return  # a newer search was started since
            if isinstance(value, Exception):
                self._loading = False
                self.searchFailed.emit(str(value))
                return
            self._apply_first(value, token[2])
        elif kind == "rest":
            if token[1] != self._search_token:
                return
            if isinstance(value, Exception):
                self._loading = False
                self.searchFailed.emit(str(value))
                return
            self._apply_rest(token[2], value)
        elif kind == "placed":
            self._apply_placement(token, value)
        elif kind == "positions":
            _, made_for, edits, generation = token
            if token is self._remapping:
                self._remapping = None
            if not isinstance(value, list):
                return
            if made_for is not None and made_for is self._pos:
                self._pos.rebase(value, edits)
            elif made_for is None and self._pos is None and generation == self._generation:
                self._pos, self._hints = RowMap(value), {}
        elif kind == "rows":
            self._rows_pending.difference_update(token[1])
            again = self._stale.intersection(token[1])
            self._stale.difference_update(again)
            if isinstance(value, list):  # None: skipped, the view had moved on
                # A row read before the latest change would undo what patch() shows.
                self._store_rows([r for r in value if r["id"] not in again])
            if again:
                self._request_rows(sorted(again))

    def _store_rows(self, rows: list[dict]) -> None:
        for row in rows:
            row.update(self._overlay.get(row["id"], {}))
            old = self._rows.get(row["id"])
            if old is not None and old.get("hash") != row.get("hash"):
                self._thumbs.pop(old.get("hash"), None)
            self._rows[row["id"]] = row
            self._rows.move_to_end(row["id"])
        while len(self._rows) > MAX_ROWS:
            self._rows.popitem(last=False)
        self._changed([self._row_of(r["id"]) for r in rows], None)

    def _on_image(self, digest, image) -> None:
        waiting = self._thumb_waiters.pop(digest, ())
        if image is None:  # skipped: the view had moved on; asked for again if it comes back
            return
        self._thumbs[digest] = None if image.isNull() else QPixmap.fromImage(image)
        while len(self._thumbs) > MAX_THUMBS:
            self._thumbs.popitem(last=False)
        self._changed([self._row_of(pid) for pid in waiting], [Qt.ItemDataRole.DecorationRole])

    def _changed(self, rows, roles) -> None:
        for r in sorted({r for r in rows if r is not None and r < self._shown}):
            idx = self.index(r)
            if roles is None:
                self.dataChanged.emit(idx, idx)
            else:
                self.dataChanged.emit(idx, idx, roles)

    def reload_thumbnails(self) -> None:
        """Forget the thumbnails in memory (a rebuilt cache has new ones for the broken)."""
        self._thumbs.clear()
        if self._shown:  # one signal for all rows: the view repaints only what is on screen
            self.dataChanged.emit(self.index(0), self.index(self._shown - 1),
                                  [Qt.ItemDataRole.DecorationRole])

    def _start(self, pool: QThreadPool, job, priority: int) -> None:
        """Run job on pool, unless the model was shut down: a window shut down but still
        painted must not read a catalog another window is closing the connections of."""
        if not self._closed:
            pool.start(job, priority)

    def shutdown(self) -> None:
        """Drop queued work and wait for running work, before the window goes away."""
        self._closed = True
        self._query_pool.clear()
        self._image_pool.clear()
        self._query_pool.waitForDone()
        self._image_pool.waitForDone()


class ThumbLoad(ImageLoad):
    """An ImageLoad that reads nothing when wanted() has turned false by the time a thread
    takes it up: a fast scroll asks for a screenful of thumbnails a frame, and decoding all
    it passed kept the threads (and both cores) busy long after. It reports None then."""

    def __init__(self, wanted, relay: Relay, key, *args):
        super().__init__(relay, key, *args)
        self._wanted, self._skipped = wanted, (relay, key)

    def run(self) -> None:
        if self._wanted():
            super().run()
            return
        relay, key = self._skipped
        try:
            relay.image.emit(key, None)
        except RuntimeError:
            pass  # the model was torn down meanwhile


class RowMap:
    """Each id's row in a list that photos keep entering and leaving, without making the map
    again for each: the rows of every id at one moment (dicts of consecutive rows, made on a
    worker for a long list), and the inserts and removals since, replayed on each look-up."""

    def __init__(self, blocks: list[dict[int, int]]):
        self._blocks = blocks
        self._edits: list[tuple[int, int]] = []  # (row, +n inserted there / -n removed from)
        self._added: dict[int, tuple[int, int]] = {}  # id inserted since: (row, edits before)

    def edits(self) -> int:
        return len(self._edits)

    def inserted(self, at: int, ids) -> None:
        self._edits.append((at, len(ids)))
        done = len(self._edits)
        self._added.update((pid, (at + n, done)) for n, pid in enumerate(ids))

    def removed(self, first: int, count: int) -> None:
        self._edits.append((first, -count))

    def row(self, pid: int) -> int | None:
        """The row of pid now; None when it is not listed."""
        row, since = self._added.get(pid) or (self._listed(pid), 0)
        if row is None:
            return None
        for at, delta in self._edits[since:]:
            if row < at:
                continue
            if delta > 0:
                row += delta
            elif row < at - delta:
                return None  # removed
            else:
                row += delta
        return row

    def _listed(self, pid: int) -> int | None:
        for block in self._blocks:
            row = block.get(pid)
            if row is not None:
                return row
        return None

    def rebase(self, blocks: list[dict[int, int]], edits: int) -> None:
        """blocks: the map made after the first `edits` edits; the later ones stay noted."""
        self._blocks, self._edits = blocks, self._edits[edits:]
        self._added = {pid: (row, since - edits) for pid, (row, since) in self._added.items()
                       if since > edits}


def _tooltip(row: dict) -> str:
    text = row["path"]
    if row.get("caption"):
        text += "\n\n" + row["caption"][:300]
    return text
