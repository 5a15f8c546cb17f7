"""similar: in a query, resolved against the catalog: the photo named and its look-alikes, as ids.

A look-alike is a matter of the photos' fingerprints, not of a column a statement can test,
so the condition is looked up before the query is compiled (as places.py places folders) and
the plan holds its photo ids. The photos come in the search's sort, like any condition;
`photodesk similar` and core/similar.py rank them by closeness.
"""

from dataclasses import replace

from photodesk.core.search.syntax import All, Any, Fact, Node, Not, Query

MOST = 5_000  # look-alikes a condition holds at most (the closest)


def resolved(query: Query, cat) -> Query:
    """query with each similar: fact holding the ids of its photo and look-alikes."""
    if query.tree is None:
        return query
    return replace(query, tree=_resolve(query.tree, cat))


def _resolve(node: Node, cat) -> Node:
    if isinstance(node, Fact) and node.field == "similar" and not isinstance(node.value, tuple):
        return Fact("similar", _alike(cat, node.value))
    if isinstance(node, Not):
        return Not(_resolve(node.child, cat))
    if isinstance(node, (All, Any)):
        return type(node)(tuple(_resolve(c, cat) for c in node.children))
    return node


def _alike(cat, what: int | str) -> tuple[int, ...]:
    """The photo (when it is one of the catalog's) and the ids of those that look like it;
    none when it cannot be compared (no such photo, no fingerprint, not an image)."""
    from photodesk.core.similar import SimilarError, looks, nearest  # PIL: only when asked
    try:
        found, itself = looks(cat, what)
    except SimilarError:
        return (what,) if isinstance(what, int) else ()
    ids = [m.photo_id for m in nearest(cat, found, limit=MOST, leave_out=itself)]
    return tuple(([itself] if itself is not None else []) + ids)
