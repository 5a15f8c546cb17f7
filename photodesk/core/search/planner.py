"""A query's plan, the same whatever the database: the parts a full-text index answers (words),
the range of search keys its dates allow, and the conditions left for the rest. A backend
(sqlite.py) compiles a plan into its own statements; nothing here is SQL.
"""

from dataclasses import dataclass, field

from photodesk.core.search import keys
from photodesk.core.search.syntax import All, Any, Fact, Node, Not, Query, Text, conjuncts


@dataclass
class Plan:
    """How to find a query's photos, in the terms of the query's tree."""
    words: list[Node] = field(default_factory=list)       # word trees every match has
    without: list[Node] = field(default_factory=list)     # word trees no match has
    low: int | None = None                                # search keys in [low, high):
    high: int | None = None                               # the date taken
    conditions: list[Node] = field(default_factory=list)  # every other part, in query order
    nothing: bool = False                                 # no photo can match
    article: int | None = None  # the photos are one article's: its order can sort them


def plan(query: Query) -> Plan:
    # Only problems and nothing searchable: nothing matches. Nothing typed at all: everything.
    result = Plan(nothing=query.tree is None and bool(query.problems))
    for part in conjuncts(query.tree):
        if words_only(part):
            result.words.append(part)
        elif isinstance(part, Not) and words_only(part.child):
            result.without.append(part.child)
        elif isinstance(part, Fact) and part.field == "date":
            _narrow(result, *keys.key_range(*part.value))
        else:
            if isinstance(part, Fact) and part.field == "article_id" and result.article is None:
                result.article = part.value
            result.conditions.append(part)
    if result.low is not None and result.high is not None and result.low >= result.high:
        result.nothing = True
    return result


def words_only(node: Node) -> bool:
    """Whether a full-text index answers node alone: words, and groups of them in which every
    NOT stands beside a word that holds (a full-text index has no lone NOT)."""
    if isinstance(node, Text):
        return True
    if isinstance(node, Any):
        return all(words_only(c) for c in node.children)
    if isinstance(node, All):
        positives = [c for c in node.children if not isinstance(c, Not)]
        negatives = [c.child for c in node.children if isinstance(c, Not)]
        return bool(positives) and all(words_only(c) for c in positives + negatives)
    return False


def _narrow(result: Plan, low: int, high: int) -> None:
    result.low = low if result.low is None else max(result.low, low)
    result.high = high if result.high is None else min(result.high, high)
