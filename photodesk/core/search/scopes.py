"""Scopes: where the desk looks before a query narrows the photos (every photo, a folder and
the folders inside it, an article, a person, an event, a saved search). A scope is one more
condition of the query's tree, so a scope and a query are one search, in one order, paged alike.

A folder is the folder_at fact: that folder and those inside it, exactly, placed under its root
when the search runs (places.py); a saved search is its query. A person, event or article is
its catalog id. No query spells these facts: ids differ from catalog
to catalog, so a saved search or a typed query naming one would not travel (person:"…",
event:"…" and article:"…" name them by their words).
"""

from dataclasses import dataclass, field, replace
from datetime import date

from photodesk.core.search.parser import parse
from photodesk.core.search.syntax import All, Fact, Query, QueryError, conjuncts

KINDS = ("all", "folder", "article", "person", "event", "saved")
LINKS = {"person": "person_id", "event": "event_id", "article": "article_id"}


@dataclass(frozen=True)
class Scope:
    """Where a search looks: everything, a folder, an article, a person…"""
    kind: str = "all"  # one of KINDS
    key: object = None  # folder path, article/person/event id, saved query text
    label: str = field(default="", compare=False)  # shown, not part of what it is


EVERYTHING = Scope()


def within(query: Query, scope: Scope, today: date | None = None) -> Query:
    """query narrowed to the photos of scope: the scope's condition joins its tree."""
    if scope.kind not in KINDS:
        raise QueryError(f"unknown scope: {scope.kind} (scopes: {', '.join(KINDS)})")
    if scope.kind == "all" or (query.tree is None and query.problems):
        return query  # everything, or a query of which nothing can be used: nothing
    if scope.kind == "saved":
        saved = parse(str(scope.key), today=today)
        if saved.tree is None and saved.problems:  # nothing of it can be used: nothing matches
            return Query(query.text, None, query.problems + saved.problems)
        node = saved.tree
    elif scope.kind == "folder":
        # Exactly that folder and those inside it (folder:"…" would also take /a/2024-old
        # for /a/2024): placed under its root when the search runs (places.py).
        node = Fact("folder_at", str(scope.key).rstrip("/") or "/")
    else:
        node = Fact(LINKS[scope.kind], int(scope.key))
    if node is None:
        return query
    parts = (*conjuncts(node), *conjuncts(query.tree))
    return replace(query, tree=parts[0] if len(parts) == 1 else All(parts))
