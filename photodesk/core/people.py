"""People and events: the registry, folded look-up, and tag edits on a selection that can be undone.

Every function that writes takes a Catalog and runs in one transaction. Edits that an editor
may want back return (or accept) the values they replaced: snapshot() before, restore() after.
"""

import re
from collections import defaultdict

from photodesk.core import edit
from photodesk.core import search
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.catalog import desk
from photodesk.core.fold import fold, words

LIST_FIELDS = ("keywords", "people")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# --- the registry ---------------------------------------------------------------------------

def registry(cat: Catalog) -> dict:
    """What the desk completes: people, events and keywords (no photo counts: they cost
    seconds at a million photos); each person and event with its folded words, so a completer over tens of thousands
    matches as fast as the user types."""
    return {"people": with_words(desk.people(cat, counted=False)),
            "events": with_words(desk.events(cat, counted=False)),
            "keywords": desk.keywords(cat)}


def with_words(entries: list[dict]) -> list[dict]:
    """The entries, each given "words" (the folded words of its name and of each alias) and
    "key" (its folded name, as find() compares it)."""
    for entry in entries:
        entry["words"] = [words(n) for n in (entry.get("name"), *aliases_of(entry)) if n]
        entry["key"] = _key(entry["name"])
    return entries


def matches(query: str, *names: str | None) -> bool:
    """True when every folded word of query starts a word of one of names, in order.

    "vo thi" matches "Võ Thị Ánh Xuân"; "xuan" matches it too; "thi vo" does not.
    """
    return matches_words(words(query), [words(n) for n in names if n])


def matches_words(wanted: list[str], names: list[list[str]]) -> bool:
    """matches(), on words folded already: the query's, and each name's."""
    if not wanted:
        return True
    for have in names:
        i = 0
        for word in have:
            if i < len(wanted) and word.startswith(wanted[i]):
                i += 1
        if i == len(wanted):
            return True
    return False


def aliases_of(person: dict) -> list[str]:
    return [a.strip() for a in (person.get("aliases") or "").split(";") if a.strip()]


def parse_person(text: str) -> tuple[str, str | None]:
    """"Võ Thị Ánh Xuân, Phó Chủ tịch nước" -> (name, title): the way captions write them."""
    name, _, title = text.partition(",")
    return " ".join(name.split()), " ".join(title.split()) or None


def parse_event(text: str) -> tuple[str, str | None, str | None]:
    """"Hội chợ Nông sản, 2025-03-15, Hòa Sơn" -> (name, date, place); both extras optional."""
    name, *rest = [" ".join(p.split()) for p in text.split(",")]
    date = next((p for p in rest if _DATE.match(p)), None)
    place = ", ".join(p for p in rest if p and p != date) or None
    return name, date, place


def find(entries: list[dict], name: str) -> dict | None:
    """The registry entry whose name folds to the same text as name."""
    key = _key(name)
    return next((e for e in entries if (e.get("key") or _key(e["name"])) == key), None)


def _key(name: str) -> str:
    return fold(" ".join(name.split()))


def add_person(cat: Catalog, name: str, title: str | None = None,
               aliases: list[str] | None = None) -> int:
    if not name.strip():
        raise ValueError("a person needs a name")
    with cat.transaction():
        return desk.add_person(cat, " ".join(name.split()), title,
                               "; ".join(aliases) if aliases else None)


def update_person(cat: Catalog, person_id: int, *, name: str | None = None,
                  title: str | None = None, aliases: list[str] | None = None) -> None:
    values = {"name": name, "title": title, "aliases": "; ".join(aliases or []) or None}
    with cat.transaction():
        desk.update_person(cat, person_id, {k: v for k, v in values.items()
                                            if v is not None or k != "name"})


def add_event(cat: Catalog, name: str, date: str | None = None, place: str | None = None) -> int:
    if not name.strip():
        raise ValueError("an event needs a name")
    with cat.transaction():
        return desk.add_event(cat, " ".join(name.split()), date, place)


# --- tags on a selection ----------------------------------------------------------------------

def tag(cat: Catalog, photo_ids, field: str, add=(), remove=()) -> None:
    """Add and remove keywords or people on each photo, keeping the others each one has.

    Photos that end with the same list share one edit_photos() call.
    """
    if field not in LIST_FIELDS:
        raise ValueError(f"not a list field: {field}")
    ids = list(photo_ids)
    gone = {fold(r) for r in remove}
    groups: dict[tuple, list[int]] = defaultdict(list)
    for pid, values in desk.field_values(cat, ids, [field]).items():
        kept = [v for v in values[field] if fold(v) not in gone]
        known = {fold(v) for v in kept}
        kept += [a for a in add if fold(a) not in known]
        groups[tuple(kept)].append(pid)
    for result, members in groups.items():
        edit.edit_photos(cat, members, **{field: list(result)})


def snapshot(cat: Catalog, photo_ids, fields) -> dict[int, dict]:
    """The values of fields on each photo, as restore() takes them back."""
    return desk.field_values(cat, list(photo_ids), list(fields))


def restore(cat: Catalog, before: dict[int, dict]) -> None:
    """Put back the values snapshot() read; photos that had the same values share one edit."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for pid, values in before.items():
        key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                           for k, v in values.items()))
        groups[key].append(pid)
    for key, members in groups.items():
        changes = {k: list(v) if isinstance(v, tuple) else v for k, v in key}
        edit.edit_photos(cat, members, **changes)


def decide(cat: Catalog, photo_ids, kind: str, target_id: int, accept: bool) -> dict:
    """Accept or reject a suggested person or event on the photos that have the suggestion.

    Returns the links as they were, for undecide(). Photos where the person or event is
    already confirmed or rejected are left alone.
    """
    before = desk.link_states(cat, list(photo_ids), kind, target_id)
    pending = [pid for pid, state in before.items() if state and state[1] == "suggested"]
    if pending:
        edit.decide_suggestion(cat, pending, kind, target_id, accept)
    return {pid: before[pid] for pid in pending}


def decide_all(cat: Catalog, photo_ids, accept: bool = True) -> dict:
    """Accept (or reject) every suggestion waiting on these photos at once: the people and
    event an article names, each where the article suggested it, not everywhere. Returns the
    links as they were, {(kind, target id): {photo id: state}}, for undecide_all()."""
    ids = list(photo_ids)
    targets: dict[tuple[str, int], list[int]] = defaultdict(list)
    for kind, target_id, pid in catalog.articles.pending_suggestions(cat, ids):
        targets[(kind, target_id)].append(pid)
    before = {}
    with cat.transaction():
        for (kind, target_id), pids in targets.items():
            before[(kind, target_id)] = desk.link_states(cat, pids, kind, target_id)
            for pid in pids:
                catalog.articles.decide_suggestion(cat, pid, kind, target_id, accept)
        search.refresh(cat, sorted({p for pids in targets.values() for p in pids}))
    return before


def undecide_all(cat: Catalog, before: dict) -> None:
    for (kind, target_id), states in before.items():
        undecide(cat, states, kind, target_id)


def article_photo_ids(cat: Catalog, article_id: int) -> list[int]:
    """The photos an article shows (linked), in its order."""
    return search.search(cat, "", scope=search.Scope("article", article_id), sort=None,
                         limit=10_000)


def undecide(cat: Catalog, before: dict, kind: str, target_id: int) -> None:
    with cat.transaction():
        desk.set_link_states(cat, before, kind, target_id)
        search.refresh(cat, list(before))


def suggestions(cat: Catalog, photo_id: int) -> dict:
    """People and events an article suggests for this photo, waiting for the editor."""
    return catalog.articles.suggestions(cat, photo_id)
