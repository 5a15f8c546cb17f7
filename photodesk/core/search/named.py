"""person:, event: and keyword: words resolved to what they name in the registry, so that they
search the photos linked to those, as a click on a person or an event in the sidebar does.

The words match the same photos either way: a photo's people column in the full-text index
is the names of its confirmed people, and the registry's folded names hold the same words.
The links are faster with conditions beside them (`person:"Bùi Bảo Hòa" label:red`: the
sidebar's routes read the person's photos newest first, where the full-text index gave
every one of them to be tested and sorted). Words that name many registry entries (a
surname's prefix) stay words.
"""

from dataclasses import replace

from photodesk.core.catalog.registry import named_ids
from photodesk.core.search.syntax import All, Fact, Query, Text, conjuncts

# The query field's column in the full-text index -> the registry's kind and the link fact.
NAMED = {"people": ("person", "person_id"), "event": ("event", "event_id"),
         "keywords": ("keyword", "keyword_id")}
MOST = 64  # more entries than this named by the words: they stay words


def named(query: Query, cat) -> Query:
    """query with each person:, event: and keyword: part that every match must have as the
    ids it names (a Fact of the link); the rest as it was."""
    if query.tree is None:
        return query
    parts = conjuncts(query.tree)
    linked = tuple(_linked(part, cat) for part in parts)
    if linked == parts:
        return query
    return replace(query, tree=linked[0] if len(linked) == 1 else All(linked))


def _linked(part, cat):
    if not isinstance(part, Text) or part.field not in NAMED or part.anchored:
        return part
    kind, link = NAMED[part.field]
    # A one-letter last word is a word of its own, as the full-text index matches it.
    prefix = not part.phrase and len(part.words[-1]) > 1
    ids = named_ids(cat, kind, part.words, prefix, MOST)
    if ids is None:
        return part
    return Fact(link, ids[0] if len(ids) == 1 else ids)
