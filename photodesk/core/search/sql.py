"""A syntax tree to SQL with parameters: one FTS5 expression that drives the walk where the
text allows it, a range of search keys for the date taken, and SQL conditions for the rest.

Nothing the user typed is pasted into SQL. The FTS5 expression holds only folded words
(letters and digits), each inside double quotes, and is passed as a parameter.
"""

from dataclasses import dataclass, field
from datetime import datetime, timezone

from photodesk.core.search import keys
from photodesk.core.search.index import FOLDER_MARK
from photodesk.core.search.syntax import All, Any, Fact, Node, Not, Query, Text, conjuncts

KEY = "s.key"
IN_INDEX = f"{KEY} IN (SELECT rowid FROM photo_search WHERE photo_search MATCH ?)"
HAS = {
    "caption": "coalesce(p.caption, '') != ''",
    "headline": "coalesce(p.headline, p.title, '') != ''",
    "credit": "coalesce(p.credit, p.source, '') != ''",
    "creator": "coalesce(p.creator, '') != ''",
    "label": "coalesce(p.label, '') != ''",
    "rating": "coalesce(p.rating, 0) != 0",
    "gps": "p.gps_lat IS NOT NULL AND p.gps_lon IS NOT NULL",
    "keyword": "EXISTS (SELECT 1 FROM photo_keywords x WHERE x.photo_id = p.id "
               "AND x.state = 'confirmed')",
    "people": "EXISTS (SELECT 1 FROM photo_people x WHERE x.photo_id = p.id "
              "AND x.state = 'confirmed')",
    "event": "EXISTS (SELECT 1 FROM photo_events x WHERE x.photo_id = p.id "
             "AND x.state = 'confirmed')",
    "article": "EXISTS (SELECT 1 FROM article_images x WHERE x.photo_id = p.id)",
}
# -has:… written as the partial indexes of m006 are (the same SQL, so SQLite can use them):
# the same photos as NOT (HAS[…]), found without reading every photo.
LACKS = {
    "caption": "coalesce(p.caption, '') = ''",
    "headline": "coalesce(p.headline, p.title, '') = ''",
    "credit": "coalesce(p.credit, p.source, '') = ''",
    "creator": "coalesce(p.creator, '') = ''",
}


@dataclass
class Plan:
    """How to find a query's photos. Conditions name photos as p and search_keys as s."""
    match: str | None = None          # an FTS5 expression every match satisfies
    low: int | None = None            # search keys in [low, high): the date taken
    high: int | None = None
    where: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)
    nothing: bool = False             # no photo can match
    terms: list[tuple[str, list]] = field(default_factory=list)  # where with each one's params

    @property
    def conditions(self) -> bool:
        return bool(self.where)

    def add(self, sql: str, params: list) -> None:
        self.where.append(sql)
        self.params += params
        self.terms.append((sql, params))

    def photo_terms(self) -> tuple[list[tuple[str, list]], list[tuple[str, list]]]:
        """The conditions that name only the photo (an index on photos may find them), and
        the others (they name its search key: a date, or words left out)."""
        keyed = [t for t in self.terms if KEY in t[0]]
        return [t for t in self.terms if KEY not in t[0]], keyed


def plan(query: Query) -> Plan:
    # Only problems and nothing searchable: nothing matches. Nothing typed at all: everything.
    result = Plan(nothing=query.tree is None and bool(query.problems))
    positives, negatives = [], []
    for part in conjuncts(query.tree):
        expression = fts(part)
        if expression is not None:
            positives.append(expression)
        elif isinstance(part, Not) and (expression := fts(part.child)) is not None:
            negatives.append(expression)
        elif isinstance(part, Fact) and part.field == "date":
            _narrow(result, *keys.key_range(*part.value))
        else:
            result.add(*condition(part))
    if positives:
        result.match = _without(_joined(positives, "AND"), negatives)
    elif negatives:
        result.add(f"NOT {IN_INDEX}", [_joined(negatives, "OR")])
    if result.low is not None and result.high is not None and result.low >= result.high:
        result.nothing = True
    return result


def _narrow(result: Plan, low: int, high: int) -> None:
    result.low = low if result.low is None else max(result.low, low)
    result.high = high if result.high is None else min(result.high, high)


# --- FTS5 expressions ------------------------------------------------------------------------

def fts(node: Node) -> str | None:
    """The FTS5 expression for a tree made only of words, or None (FTS5 has no lone NOT)."""
    if isinstance(node, Text):
        return _term(node)
    if isinstance(node, Any):
        options = [fts(c) for c in node.children]
        return None if None in options else _joined(options, "OR")
    if isinstance(node, All):
        positives = [fts(c) for c in node.children if not isinstance(c, Not)]
        negatives = [fts(c.child) for c in node.children if isinstance(c, Not)]
        if not positives or None in positives or None in negatives:
            return None
        return _without(_joined(positives, "AND"), negatives)
    return None


def _term(text: Text) -> str:
    found = text.words
    if text.field == "folder":
        found = tuple(FOLDER_MARK + w for w in found)
    # A one-letter prefix would match nearly every photo and has no prefix index: a single
    # letter or digit is matched as a word of its own.
    prefix = not text.phrase and len(text.words[-1]) > 1
    term = '"' + " ".join(found) + '"' + ("*" if prefix else "")
    if text.anchored:
        term = "^ " + term
    if text.field is None:  # no column filter: free words cannot match marked folder words
        return term
    return f"({{{text.field}}} : {term})"


def _joined(expressions: list[str], operator: str) -> str:
    return expressions[0] if len(expressions) == 1 else \
        "(" + f" {operator} ".join(expressions) + ")"


def _without(expression: str, negatives: list[str]) -> str:
    for negative in negatives:
        expression = f"({expression} NOT {negative})"
    return expression


# --- SQL conditions --------------------------------------------------------------------------

def condition(node: Node) -> tuple[str, list]:
    """A SQL condition for any tree; word parts test membership in the full-text index."""
    expression = fts(node)
    if expression is not None:
        return IN_INDEX, [expression]
    if isinstance(node, Not):
        inner = fts(node.child)
        if inner is not None:
            return f"NOT {IN_INDEX}", [inner]
        if isinstance(node.child, Fact) and node.child.field == "has" and node.child.value in LACKS:
            return LACKS[node.child.value], []
        sql, params = condition(node.child)
        return f"NOT ({sql})", params
    if isinstance(node, Fact):
        return _fact(node)
    operator = " AND " if isinstance(node, All) else " OR "
    parts, params = [], []
    if isinstance(node, Any):  # the word options search the index once, together
        words = [e for e in (fts(c) for c in node.children) if e is not None]
        if words:
            parts.append(IN_INDEX)
            params.append(_joined(words, "OR"))
        children = [c for c in node.children if fts(c) is None]
    else:
        children = list(node.children)
    for child in children:
        sql, child_params = condition(child)
        parts.append(f"({sql})")
        params += child_params
    return operator.join(parts), params


def _fact(fact: Fact) -> tuple[str, list]:
    value = fact.value
    if fact.field == "date":
        low, high = keys.key_range(*value)
        return f"({KEY} >= ? AND {KEY} < ?)", [low, high]
    if fact.field == "indexed":
        sql, params = _between("p.indexed_at", *(_utc(v) for v in value))
        return f"(p.indexed_at IS NOT NULL AND {sql})", params
    if fact.field == "rating":
        low, high = value
        if (low is not None and low > 0) or (high is not None and high < 0):
            # Unrated photos cannot match: the rating index serves, and IS NOT NULL keeps
            # NOT (...) true for them.
            sql, params = _between("p.rating", low, high, inclusive=True)
            return f"(p.rating IS NOT NULL AND {sql})", params
        return _between("coalesce(p.rating, 0)", low, high, inclusive=True)
    if fact.field == "label":
        # Spelled as the partial label index of m006 is; IS NOT NULL also keeps NOT (...) true
        # for photos without a label.
        marks = ", ".join("?" * len(value))
        return (f"(p.label IS NOT NULL AND p.label COLLATE NOCASE IN ({marks}))", list(value))
    if fact.field == "pick":
        if value == 0:
            return "coalesce(p.pick, 0) = 0", []
        # Picked and rejected photos are few: `pick <> 0` is the partial pick index of m006.
        return "(p.pick IS NOT NULL AND p.pick <> 0 AND p.pick = ?)", [value]
    if fact.field == "status":
        return "p.status = ?", [value]
    if fact.field == "has":
        return HAS[value], []
    raise ValueError(f"no SQL for {fact.field}")


def _between(column: str, low, high, inclusive: bool = False) -> tuple[str, list]:
    parts, params = [], []
    if low is not None:
        parts.append(f"{column} >= ?")
        params.append(low)
    if high is not None:
        parts.append(f"{column} {'<=' if inclusive else '<'} ?")
        params.append(high)
    return "(" + (" AND ".join(parts) or "1") + ")", params


def _utc(moment: datetime | None) -> str | None:
    """indexed_at is stored in UTC; a day typed by the user is a local day."""
    if moment is None:
        return None
    try:
        return moment.astimezone(timezone.utc).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):  # years the platform's clock cannot place
        return moment.replace(tzinfo=timezone.utc).isoformat(timespec="seconds")
