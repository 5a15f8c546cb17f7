"""Folder paths in a query placed under the catalog's roots, as this machine mounts them.

The search index holds a photo's folder words as they were where its root was first added
(the same on every machine); a folder typed or clicked here is turned into those words, and
a folder scope into its root and relative path (an exact range of the catalog's index).
"""

from dataclasses import replace

from photodesk.core.fold import words
from photodesk.core.search.syntax import All, Any, Fact, Node, Not, Query, Text


def placed(query: Query, roots) -> Query:
    """query with its folder paths placed under roots (a catalog's Roots)."""
    if query.tree is None:
        return query
    return replace(query, tree=_place(query.tree, roots))


def _place(node: Node, roots) -> Node:
    if isinstance(node, Text) and node.path is not None:
        found = roots.find(node.path)
        if found is None:
            return node  # under no root: the words as typed (they find nothing, or the same)
        home = roots.home(*found)
        return node if home == node.path else replace(node, words=tuple(words(home)))
    if isinstance(node, Fact) and node.field == "folder_at" and isinstance(node.value, str):
        return Fact("folder_at", tuple(roots.covering(node.value)))
    if isinstance(node, Not):
        return Not(_place(node.child, roots))
    if isinstance(node, (All, Any)):
        return type(node)(tuple(_place(c, roots) for c in node.children))
    return node
