"""Folder paths in a query placed under the catalog's roots, as this machine mounts them.

The search index holds a photo's folder words as they were where its root was first added
(the same on every machine); a folder typed or clicked here is turned into those words, and
a folder scope into its root and relative path (an exact range of the catalog's index).
"""

from dataclasses import replace

from photodesk.core.fold import words
from photodesk.core.search.syntax import All, Any, Fact, Node, Not, Query, Text, conjuncts


def placed(query: Query, roots, scope_words: bool = False) -> Query:
    """query with its folder paths placed under roots (a catalog's Roots).

    A folder scope also gets its folder's words (as folder:"…" has them): the exact range of
    the catalog's index holds its photos in name order, and at a million photos gathering a
    year's 102,566 of them to sort took 250 ms, where the words' index gives them newest first
    and the range only tests each (folder:"/a/2024" alone would take /a/2024-old too). Only
    for the date order (scope_words): the name, rating and date-added orders walk their own
    indexes, which the words would turn into a gathering of the words' matches (seconds), and
    relevance ranks by the query's words alone."""
    if query.tree is None:
        return query
    words_of = [_scope_words(n, roots) for n in conjuncts(query.tree) if scope_words
                and isinstance(n, Fact) and n.field == "folder_at" and isinstance(n.value, str)]
    tree = _place(query.tree, roots)
    if any(words_of):
        tree = All((*(w for w in words_of if w is not None), *conjuncts(tree)))
    return replace(query, tree=tree)


def _scope_words(node: Fact, roots) -> Text | None:
    """The folder words of a folder scope inside a root (None for a root, and above the
    roots: "/" and the like hold photos of several roots, or none)."""
    found = roots.find(node.value)
    if found is None or not found[1]:  # a root itself: its photos are all of the root's
        return None
    home = tuple(words(roots.home(*found)))
    return Text(home, "folder", phrase=True, anchored=True) if home else None


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
