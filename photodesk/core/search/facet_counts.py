"""Facets of a search: how its photos divide by person, event, article, date taken, camera,
rating, colour label, pick, folder and status, and the query clause that narrows to one value.

Counting every match of a common word through the link tables costs seconds at a million
photos, so above SAMPLE matches the counts come from a systematic sample (photos whose search
key is a multiple of a prime stride, about SAMPLE of them) scaled up, and say so (exact=False).
A prime stride does not fall in step with photos shot in runs of 2, 4 or 8. The sample still
walks every match once (tens of milliseconds for a word in half of a million photos); the joins to
people, events and articles, which cost far more per photo, see only the sample.

Conditions without words (has:gps, label:red, indexed:2020) would walk every search key to
find few or old matches: seconds at a million photos. Their photos are gathered through an
index on photos instead when that is cheaper (see _route), and the same estimate, stride and
sample are worked out from the keys gathered; only the photos sampled are read.
"""

import bisect
import heapq
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

from photodesk.core.catalog import Catalog
from photodesk.core.search import keys
from photodesk.core.search.pages import prepare
from photodesk.core.search.parser import parse
from photodesk.core.search.scopes import EVERYTHING, Scope
from photodesk.core.search.sqlite import (IN_IDS, Compiled, candidates, count_keys, count_plan,
                                          deadline, fts_where, gathered_source, id_list,
                                          joined_source, key_column, range_where)
from photodesk.core.search.syntax import Any, Query

FACETS = ("person", "event", "article", "year", "month", "day", "camera", "rating", "label",
          "pick", "folder", "status")
DATES = ("year", "month", "day")
SAMPLE = 2_000
# Gathering costs about 1 µs a photo an index on photos lets through; walking, 2 µs a key.
FEW = 60_000  # at most this many let through: gather without trying the walk
GATHER = 200_000  # at most this many: gather when the walk is slow
COUNT_BUDGET = 0.01  # seconds to count FEW photos let through, past it no index serves
GATHER_BUDGET = 0.02  # seconds to count GATHER of them
WALK_BUDGET = 0.03  # seconds the walk may take to find the newest `sample` matches
PHOTO_FACTS = "p.make, p.model, p.rating, p.label, p.pick, p.status, p.root_id, p.relpath"
PICK_NAMES = {1: "yes", 0: "no", -1: "reject"}
CLAUSE_FIELD = {"person": "person", "event": "event", "article": "article", "year": "date",
                "month": "date", "day": "date", "camera": "camera", "rating": "rating",
                "label": "label", "pick": "pick", "folder": "folder", "status": "status"}
_LINKS = {
    "person": "SELECT t.name, count(*) FROM photo_people x JOIN people t ON t.id = x.person_id "
              f"WHERE x.photo_id {IN_IDS} AND x.state = 'confirmed' "
              "GROUP BY t.id ORDER BY count(*) DESC, t.name LIMIT ?",
    "event": "SELECT t.name, count(*) FROM photo_events x JOIN events t ON t.id = x.event_id "
             f"WHERE x.photo_id {IN_IDS} AND x.state = 'confirmed' "
             "GROUP BY t.id ORDER BY count(*) DESC, t.name LIMIT ?",
    "article": "SELECT t.title, count(DISTINCT x.photo_id) FROM article_images x "
               "JOIN articles t ON t.id = x.article_id "
               f"WHERE x.photo_id {IN_IDS} AND t.title IS NOT NULL "
               "GROUP BY t.id ORDER BY count(DISTINCT x.photo_id) DESC, t.title LIMIT ?",
}


@dataclass(frozen=True)
class FacetValue:
    value: str   # what facet_clause() turns into a clause
    label: str   # what a list shows
    count: int


@dataclass
class Facets:
    groups: dict[str, list[FacetValue]]
    total: int       # matching photos: exact, or estimated from the sample
    exact: bool      # False: counts are estimates from `sampled` photos
    sampled: int


def facets(cat: Catalog, query: str | Query, *, scope: Scope = EVERYTHING, limit: int = 20,
           sample: int = SAMPLE, today: date | None = None) -> Facets:
    """Counts by each of FACETS for the photos of scope matching query: at most limit values
    each, the dates newest first, the others most frequent first."""
    _, the_plan = prepare(query, scope, today, cat.roots)
    if the_plan.nothing:
        return Facets({name: [] for name in FACETS}, 0, True, 0)
    rows, stride = _sample(cat.db, the_plan, sample)
    exact = stride == 1
    total = len(rows) * stride
    scale = (lambda n: n) if exact else (lambda n: max(1, round(n * stride)))
    ids = id_list(r[0] for r in rows)
    groups = {name: _linked(cat.db, name, ids, limit, scale) for name in _LINKS}
    groups.update(_from_rows(rows, limit, scale, cat.roots.local))
    return Facets({name: groups[name] for name in FACETS}, total, exact, len(rows))


def _sample(db, the_plan: Compiled, sample: int) -> tuple[list, int]:
    """(photo id, key) of every match when there are at most `sample`; else of about `sample`
    matches whose key is a multiple of the returned stride."""
    exact = count_plan(db, the_plan, sample) <= sample
    newest, route = _route(db, the_plan, exact, sample)
    if route == "walk":
        if exact:
            return _matches(db, the_plan, 1), 1
        newest = _newest_key(db, the_plan, sample) if newest is _UNKNOWN else newest
        pick, finish = (lambda stride: _matches(db, the_plan, stride)), (lambda rows: rows)
    else:
        found = _gathered(db, the_plan)
        if len(found) <= sample:  # not `exact`: a write since the count may have removed some
            return _with_facts(db, found), 1
        newest = heapq.nlargest(sample + 1, (key for _, key in found))[sample]
        pick = lambda stride: [r for r in found if r[1] % stride == 0]  # noqa: E731
        finish = lambda rows: _with_facts(db, rows)  # noqa: E731
    stride = _prime_at_most(max(2, round(_estimate(db, the_plan, newest, sample) / sample)))
    rows = pick(stride)
    if len(rows) < sample / 3 and stride > 2:  # the estimate was far too high: look closer
        stride = _prime_at_most(max(2, round(len(rows) * stride / sample)))
        rows = pick(stride)
    elif len(rows) > 2 * sample:
        more = _prime_at_most(round(len(rows) / sample))
        more = more if more != stride else _prime_at_most(more - 1)
        rows = [r for r in rows if r[1] % more == 0]  # coprime strides multiply
        stride *= more
    return finish(rows), stride


_UNKNOWN = object()


def _route(db, the_plan: Compiled, exact: bool, sample: int):
    """(the newest key when the walk found it already, "walk" or "gather"): gather the photos
    of conditions without words through an index on photos when that reads fewer rows."""
    if the_plan.match or not the_plan.conditions or gathered_source(the_plan) is None:
        return _UNKNOWN, "walk"
    few = candidates(db, the_plan, FEW, COUNT_BUDGET)
    if exact:  # the walk reads every key in the date range, each with its photo
        span = count_keys(db, the_plan, FEW)
        if few is not None and few <= FEW:
            return _UNKNOWN, "gather" if few < span else "walk"
        many = span > FEW and count_keys(db, the_plan, GATHER) > GATHER
        return _UNKNOWN, "gather" if many else "walk"
    if few is not None and few <= FEW:
        return _UNKNOWN, "gather"
    # Many matches: the walk finds the newest `sample` quickly unless they are sparse or old.
    newest = _UNKNOWN
    with deadline(db, WALK_BUDGET) as finished:
        newest = _newest_key(db, the_plan, sample)
    if finished():
        return newest, "walk"
    few = candidates(db, the_plan, GATHER, GATHER_BUDGET)
    return _UNKNOWN, "gather" if few is not None and few <= GATHER else "walk"


def _gathered(db, the_plan: Compiled) -> list:
    """(photo id, key) of every match, found through the conditions on photos first."""
    source, where, params = gathered_source(the_plan)
    return db.execute(f"SELECT s.photo_id, s.key FROM {source} WHERE {where}", params).fetchall()


def _with_facts(db, rows: list) -> list:
    """rows of (photo id, key) with the photo columns the facets count."""
    key_of = dict(rows)
    found = db.execute(f"SELECT p.id, {PHOTO_FACTS} FROM photos p WHERE p.id {IN_IDS}",
                       [id_list(key_of)])
    return [(r[0], key_of[r[0]], *r[1:]) for r in found]


def _newest_key(db, the_plan: Compiled, seen: int) -> int | None:
    """The key of the match after the newest `seen`, walking newest first (None: no more)."""
    key = key_column(the_plan)
    if the_plan.conditions:
        source, where, params = joined_source(the_plan)
    elif the_plan.match:
        source, (where, params) = "photo_search", fts_where(the_plan, key)
    else:
        source, (where, params) = "search_keys s", range_where(the_plan, key)
    row = db.execute(f"SELECT {key} FROM {source} WHERE {where} ORDER BY {key} DESC "
                     "LIMIT 1 OFFSET ?", [*params, seen]).fetchone()
    return None if row is None else row[0]


def _estimate(db, the_plan: Compiled, newest: int | None, seen: int) -> float:
    """How many photos match, from how densely the newest `seen` matches (down to the key
    `newest`) fill the newest photos (cheap: no walk over every match)."""
    if newest is None:
        return seen
    low = -keys.HIGHEST if the_plan.low is None else the_plan.low
    high = keys.HIGHEST if the_plan.high is None else the_plan.high
    newer = db.execute("SELECT count(*) FROM search_keys WHERE key >= ? AND key < ?",
                       [newest, high]).fetchone()[0]
    if the_plan.low is None and the_plan.high is None:
        everything = db.execute("SELECT max(id) FROM photos").fetchone()[0] or 0
    else:
        everything = db.execute("SELECT count(*) FROM search_keys WHERE key >= ? AND key < ?",
                                [low, high]).fetchone()[0]
    return (seen + 1) / max(1, newer) * everything


def _prime_at_most(n: int) -> int:
    while n > 2 and any(n % d == 0 for d in range(2, math.isqrt(n) + 1)):
        n -= 1
    return max(2, n)


def _matches(db, the_plan: Compiled, stride: int) -> list:
    """(photo id, key, and the photo columns the facets count) of the matches whose key is a
    multiple of stride."""
    source, where, params = joined_source(the_plan)
    key = key_column(the_plan)
    if stride > 1:
        # On the key itself, so the index walk skips a photo before any join reaches it.
        where = f"({key} % ?) = 0 AND {where}"
        params = [stride, *params]
    return db.execute(f"SELECT s.photo_id, {key}, {PHOTO_FACTS} FROM {source} WHERE {where}",
                      params).fetchall()


def _linked(db, name: str, ids: str, limit: int, scale) -> list[FacetValue]:
    return [FacetValue(value, value, scale(n)) for value, n in db.execute(_LINKS[name], [ids, limit])]


def _from_rows(rows: list, limit: int, scale, local) -> dict[str, list[FacetValue]]:
    """local(root_id, relpath): a folder's path on this machine."""
    # Count raw values first and name them after: formatting 2,000 dates costs more than SQL.
    days = Counter(keys.day(r[1]) for r in rows if r[1] >= keys.DATED)
    counters = {name: Counter() for name in ("year", "month", "day")}
    for ordinal, n in days.items():
        when = date.fromordinal(ordinal)
        counters["year"][f"{when.year:04d}"] += n
        counters["month"][f"{when.year:04d}-{when.month:02d}"] += n
        counters["day"][when.isoformat()] += n
    photos = [r[2:] for r in rows]
    cameras = Counter((r[0], r[1]) for r in photos if r[0] or r[1])
    counters["camera"] = Counter()
    for (make, model), n in cameras.items():
        counters["camera"][camera_name(make, model)] += n
    counters["rating"] = Counter(str(r[2] or 0) for r in photos)
    counters["label"] = Counter(r[3] for r in photos if r[3])
    counters["pick"] = Counter(PICK_NAMES.get(r[4] or 0, "no") for r in photos)
    counters["status"] = Counter(r[5] for r in photos)
    in_folder = Counter((r[6], r[7].rpartition("/")[0]) for r in photos)
    counters["folder"] = _folders(Counter(
        {local(root_id, rel): n for (root_id, rel), n in in_folder.items()}))
    out = {}
    for name, counter in counters.items():
        if name in DATES or name == "rating":
            chosen = sorted(counter.items(), reverse=True)[:limit]
        else:
            chosen = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        out[name] = [FacetValue(v, v, scale(n)) for v, n in chosen]
    return out


def _folders(direct: Counter) -> Counter:
    """Each folder that holds matches directly, counting the matches in it and below: what
    its folder: clause finds."""
    paths = sorted(direct)
    running = [0]
    for path in paths:
        running.append(running[-1] + direct[path])
    out = Counter()
    for path in paths:
        inside = path if path.endswith("/") else path + "/"
        first = bisect.bisect_left(paths, inside)
        end = bisect.bisect_left(paths, inside[:-1] + "0")  # "0" sorts right after "/"
        itself = 0 if path == inside else direct[path]  # "/" is inside its own range
        out[path] = itself + running[end] - running[first]
    return out


def camera_name(make: str | None, model: str | None) -> str:
    """"Canon EOS R6", not "Canon Canon EOS R6": most models repeat the make."""
    make, model = (make or "").strip(), (model or "").strip()
    if not model:
        return make
    if not make or model.casefold().startswith(make.split()[0].casefold()):
        return model
    return f"{make} {model}"


# --- from a facet value to a query ------------------------------------------------------------

def facet_clause(facet: str, value: str) -> str:
    """The query clause that keeps only the photos with this facet value, e.g.
    facet_clause("person", "Võ Thị Ánh Xuân") == 'person:"Võ Thị Ánh Xuân"'."""
    if facet not in CLAUSE_FIELD:
        raise ValueError(f"not a facet: {facet}")
    value = str(value)
    if facet in ("person", "event", "article", "camera", "folder", "label"):
        return f'{CLAUSE_FIELD[facet]}:"{" ".join(value.replace(chr(34), " ").split())}"'
    return f"{CLAUSE_FIELD[facet]}:{value}"


def narrow(query: str, clause: str) -> str:
    """query with clause added, so it keeps only photos that also match clause."""
    query = query.strip()
    if not query:
        return clause
    if f" {clause} " in f" {query} ":
        return query
    tree = parse(query).tree
    if isinstance(tree, Any):  # "a OR b" then clause must bind to both
        return f"({query}) {clause}"
    return f"{query} {clause}"
