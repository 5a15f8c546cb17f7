"""Placing changed photos in a result already listed: which still match, and at which row.

A window listing a million photos cannot search again each time one photo arrives or is
edited (reading every id of a scope takes seconds). It asks instead, for just the photos that
changed, whether they match and where they go: a binary search of the listed ids by sort key,
reading about twenty keys per photo.
"""

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from photodesk.core.catalog import Catalog
from photodesk.core.search.orders import COLUMN_SORTS, direction
from photodesk.core.search.pages import prepare
from photodesk.core.search.scopes import EVERYTHING, Scope
from photodesk.core.search.sqlite import IN_IDS, filtered_source, id_list

PLACEABLE = ("taken", *COLUMN_SORTS)  # relevance and the article's order: search again


@dataclass
class Placement:
    """gone: changed photos listed that no longer match; placed: (row, photo id) of the changed
    photos that match, in row order, each row counted in the listing without the changed
    photos; kept: changed photos that match and stay where they are listed; rows: where the
    changed photos that were listed are."""
    gone: list[int]
    placed: list[tuple[int, int]]
    kept: list[int]
    rows: dict[int, int] = field(default_factory=dict)  # changed photos listed: their rows

    def applied(self, listed: list[int]) -> list[int]:
        """listed as it reads after the change (what a search from scratch would give)."""
        moving = set(self.gone) | {pid for _, pid in self.placed}
        out = [pid for pid in listed if pid not in moving]
        for shift, (row, pid) in enumerate(self.placed):
            out.insert(row + shift, pid)
        return out


def place(cat: Catalog, query: str, listed: list[int], changed, *, scope: Scope = EVERYTHING,
          sort: str = "taken", descending: bool | None = None,
          rows: dict[int, int] | None = None, every_row: bool = False,
          today: date | None = None) -> Placement | None:
    """Where the changed photos go in listed (the ids of query in scope, in sort order and
    direction: None, the sort's usual); None when the order cannot be placed piecemeal
    (relevance, the article's order): search again.
    rows: where some changed photos are in listed, when the caller knows (a window does);
    the others are looked for in listed, unless every_row says rows names every one listed."""
    if getattr(cat, "backend", "sqlite") == "postgresql":
        return None  # placing piecemeal reads SQLite's plan: the archive searches again
    _, the_plan = prepare(query, scope, today, cat)
    sort = sort or ("article" if the_plan.article is not None else "taken")
    if sort not in PLACEABLE or the_plan.article is not None:
        return None
    changed = list(dict.fromkeys(changed))
    matching = set() if the_plan.nothing else _matching(cat.db, the_plan, changed)
    keys = _Keys(cat.db, sort, direction(sort, descending))
    wanted = set(changed)
    rows = {pid: row for pid, row in (rows or {}).items() if pid in wanted}
    unknown = wanted - set(rows)
    if unknown and not every_row:  # looked for only where the caller could not place them
        # In C, not a Python loop over a million ids: a window's GUI thread waits for the GIL.
        for pid in unknown.intersection(listed):
            rows[pid] = listed.index(pid)
    gone = [pid for pid in changed if pid in rows and pid not in matching]
    kept = {pid for pid in changed if pid in rows and pid in matching}
    while True:  # a photo stays only where it still sorts between its neighbours
        others = _Without(listed, [rows[pid] for pid in rows if pid not in kept])
        astray = {pid for pid in kept
                  if not _in_order(keys, others, others.row_of(rows[pid]))}
        if not astray:
            break
        kept -= astray
    arriving = sorted((pid for pid in changed if pid in matching and pid not in kept),
                      key=keys.of)
    placed = [(_row_for(keys, others, keys.of(pid)), pid) for pid in arriving]
    return Placement(gone, placed, [pid for pid in changed if pid in kept], rows)


class _Without:
    """listed without a few of its rows, read as that shorter list (without copying it)."""

    def __init__(self, listed: list[int], skipped: list[int]):
        self._listed, self._skipped = listed, sorted(skipped)

    def __len__(self) -> int:
        return len(self._listed) - len(self._skipped)

    def __getitem__(self, row: int) -> int:
        at = row
        for skipped in self._skipped:
            if skipped > at:
                break
            at += 1
        return self._listed[at]

    def row_of(self, listed_row: int) -> int:
        """The row of listed[listed_row] here (it must not be one of the skipped)."""
        return listed_row - bisect_left(self._skipped, listed_row)


def _matching(db, the_plan, ids: list[int]) -> set[int]:
    source, where, params = filtered_source(the_plan)
    sql = f"SELECT p.id FROM {source} WHERE p.id {IN_IDS} AND {where}"
    return {r[0] for r in db.execute(sql, [id_list(ids), *params])}


def _in_order(keys: "_Keys", listed: list[int], row: int) -> bool:
    """Whether listed[row] sorts between its neighbours."""
    key = keys.of(listed[row])
    return ((row == 0 or keys.of(listed[row - 1]) < key)
            and (row + 1 == len(listed) or key < keys.of(listed[row + 1])))


def _row_for(keys: "_Keys", others: list[int], key) -> int:
    """The first row of others whose key sorts after key (others are in sort order)."""
    low, high = 0, len(others)
    while low < high:
        mid = (low + high) // 2
        if keys.of(others[mid]) < key:
            low = mid + 1
        else:
            high = mid
    return low


class _Keys:
    """Sort keys read one photo at a time, remembered; smaller means listed earlier."""

    def __init__(self, db, sort: str, descending: bool):
        self._db, self._seen, self._descending = db, {}, descending
        if sort == "taken":
            self._sql = "SELECT key FROM search_keys WHERE photo_id = ?"
        else:
            self._sql = f"SELECT {COLUMN_SORTS[sort]} FROM photos p WHERE p.id = ?"

    def of(self, photo_id: int):
        key = self._seen.get(photo_id)
        if key is None:
            row = self._db.execute(self._sql, [photo_id]).fetchone()
            value = row[0] if row else None
            # The SQL orders: NULLs first ascending and last descending, then by photo id in
            # the same direction (orders.py); as a tuple that sorts ascending in listed order.
            key = (value is not None, value, photo_id)
            if self._descending:
                key = _Reversed(key)
            self._seen[photo_id] = key
        return key


class _Reversed:
    """A key that sorts in the opposite order."""

    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key

    def __lt__(self, other: "_Reversed") -> bool:
        return other.key < self.key
