"""Facets of a search: how its photos divide by person, event, article, date taken, camera,
rating, colour label, pick, folder and status, and the query clause that narrows to one value.

Counting every match of a common word through the link tables costs seconds at a million
photos, so above SAMPLE matches the counts come from a sample scaled up, and say so
(exact=False, with the number of photos sampled). A prime stride does not fall in step with
photos shot in runs of 2, 4 or 8. Three ways to sample, each bounded at a million photos:

- Conditions on photos (label:red, indexed:2020, pick:yes, with or without words): their
  photos are counted in a condition's index (m011 holds the search key there, so no photo is
  read) and those whose key is a multiple of the stride are read; with words, at most LOOKUPS
  of them are each looked up in the word index, and the sample holds those that have them.
- Most photos match (every photo, a common word, pick:no): the photos whose id is a multiple
  of the stride are looked up one by one (_probed), rather than walking every match.
- Otherwise the matches are walked and those whose key is a multiple of the stride kept; the
  joins to people, events and articles, which cost far more per photo, see only the sample.
"""

import bisect
import math
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from photodesk.core.catalog import Catalog
from photodesk.core.search import keys
from photodesk.core.search.pages import prepare
from photodesk.core.search.parser import parse
from photodesk.core.search.scopes import EVERYTHING, Scope
from photodesk.core.search.sqlite import (DRIVER_BUDGET, DRIVER_CAP, IN_IDS, LOOKED_UP,
                                          PHOTO_KEY, Compiled, count_plan, deadline, driver,
                                          fts_where, id_list, indexed, joined_source,
                                          key_column, keyed_source, range_where)
from photodesk.core.search.syntax import Any, Query

FACETS = ("person", "event", "article", "year", "month", "day", "camera", "rating", "label",
          "pick", "folder", "status")
DATES = ("year", "month", "day")
SAMPLE = 1_000
# Gathering costs about 0.1 µs a photo a condition's index lets through (m011 keeps the key
# there); walking, 2 µs a key. Conditions that let through more are dense: the walk is quick.
GATHER = 200_000  # at most this many let through: gather
GATHER_BUDGET = 0.03  # seconds to count GATHER of them; past it no index serves
WALK_BUDGET = 0.02  # seconds the walk may take to find the newest `sample` matches
# Matches of at least this share of the photos are sampled by photo id (see _probed).
PROBE_SHARE = 0.3
LOOKUPS = 500  # photos gathered for conditions with words, each looked up in the word index
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
    if getattr(cat, "backend", "sqlite") == "postgresql":
        from photodesk.core.search import postgres
        return postgres.facets(cat, query, scope, limit, sample, today)
    _, the_plan = prepare(query, scope, today, cat)
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
    """(photo id, key, PHOTO_FACTS…) of every match when there are at most `sample`; else of
    about `sample` matches whose key (or id: _probed) is a multiple of the returned stride."""
    found, route = _route(db, the_plan, sample)
    if route == "gather":
        return _gathered(db, the_plan, found, sample)
    exact = count_plan(db, the_plan, sample) <= sample
    if exact:
        return _matches(db, the_plan, 1), 1
    newest = _newest_key(db, the_plan, sample)
    estimate = _estimate(db, the_plan, newest, sample)
    probed = _probed(db, the_plan, estimate, sample)
    if probed is not None:
        return probed
    stride = _prime_at_most(max(2, round(estimate / sample)))
    rows = _matches(db, the_plan, stride)
    if len(rows) < sample / 3 and stride > 2:  # the estimate was far too high: look closer
        stride = _prime_at_most(max(2, round(len(rows) * stride / sample)))
        rows = _matches(db, the_plan, stride)
    elif len(rows) > 2 * sample:
        more = _prime_at_most(round(len(rows) / sample))
        more = more if more != stride else _prime_at_most(more - 1)
        rows = [r for r in rows if r[1] % more == 0]  # coprime strides multiply
        stride *= more
    return rows, stride


_UNKNOWN = object()
_PROBED = ("json_each(?) j CROSS JOIN search_keys s ON s.photo_id = j.value "
           "CROSS JOIN photos p ON p.id = s.photo_id")


def _route(db, the_plan: Compiled, sample: int):
    """(how many photos the conditions let through, "gather"), or (_UNKNOWN, "walk" or
    "gather"): gather them through the conditions' index (m011 holds the key there: no photo
    is read) when it lets at most GATHER through, counted within GATHER_BUDGET; walk the
    matches otherwise."""
    if not the_plan.conditions or keyed_source(the_plan) is None:
        return _UNKNOWN, "walk"
    lead = driver(db, the_plan, DRIVER_CAP, DRIVER_BUDGET)
    source, where, params = keyed_source(the_plan, lead, words=False)
    if not indexed(db, source, where, params):  # pick:no: counting would read every photo
        return _UNKNOWN, "walk"
    found = None
    with deadline(db, GATHER_BUDGET) as finished:
        found = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE {where} "
                           "LIMIT ?)", [*params, GATHER + 1]).fetchone()[0]
    if finished():
        return (found, "gather") if found <= GATHER else (_UNKNOWN, "walk")
    # The count ran out of time (a busy machine, or a condition no index serves): walk when the
    # walk finds the newest matches quickly (they are many), else gather however long it takes.
    with deadline(db, WALK_BUDGET) as walked:
        _newest_key(db, the_plan, sample)
    return (_UNKNOWN, "walk") if walked() else (_UNKNOWN, "gather")


def _probed(db, the_plan: Compiled, estimate: float, sample: int):
    """(rows, stride) of the photos whose id is a multiple of a prime stride that match, when
    most photos match (every photo, a common word, pick:no) and no date range narrows them;
    else None. Each of about sample / density photos is looked up by id (and in the word
    index): bounded, where walking every match to keep one in a stride reads them all."""
    if the_plan.low is not None or the_plan.high is not None:
        return None
    highest = db.execute("SELECT max(id) FROM photos").fetchone()[0] or 0
    if estimate < PROBE_SHARE * highest:
        return None
    stride = _prime_at_most(max(2, round(estimate / sample)))
    where = " AND ".join(["1", *(f"({sql})" for sql in the_plan.where)])
    params = list(the_plan.params)
    if the_plan.match:
        where += f" AND {LOOKED_UP}"
        params = [*params, the_plan.match]
    rows = db.execute(f"SELECT s.photo_id, s.key, {PHOTO_FACTS} FROM {_PROBED} WHERE {where}",
                      [id_list(range(stride, highest + 1, stride)), *params]).fetchall()
    return rows, stride


def _gathered(db, the_plan: Compiled, found, sample: int) -> tuple[list, int]:
    """The sample of _sample() through the conditions' index: the photos whose key is a
    multiple of a stride that leaves about `sample` of the `found` let through. With words,
    each of those is then looked up in the word index (about 10 µs each, so LOOKUPS of them
    at most): the sample holds those that have the words, and may be smaller."""
    if found is _UNKNOWN:
        found = count_plan(db, replace(the_plan, match=None))
    wanted = LOOKUPS if the_plan.match else sample
    stride = 1 if found <= wanted else _prime_at_most(max(2, round(found / wanted)))
    lead = driver(db, the_plan, DRIVER_CAP, DRIVER_BUDGET)
    source, where, params = keyed_source(the_plan, lead)
    if stride > 1:
        # first, so that only the photos sampled are looked up in the word index
        where, params = f"({PHOTO_KEY} % ?) = 0 AND {where}", [stride, *params]
    rows = db.execute(f"SELECT p.id, {PHOTO_KEY} FROM {source} WHERE {where}",
                      params).fetchall()
    return _with_facts(db, rows), stride


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
