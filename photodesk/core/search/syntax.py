"""The syntax tree of a query, the problems found while reading it, and the one error it raises."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A part of the query that could not be used: where it is and why (English; GUI translates)."""
    start: int
    end: int
    message: str

    def pointer(self, text: str) -> str:
        """The query on one line and carets under the part this problem is about."""
        width = max(1, self.end - self.start)
        return f"{text}\n{' ' * self.start}{'^' * width}"


class QueryError(ValueError):
    """A query, cursor or saved search that cannot be used as asked; the message says why."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()):
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class Text:
    """Words in the full-text index: in one column (field) or any (None).

    phrase: the words in this order, exactly (a quoted value); otherwise the last word is
    a prefix. anchored: the words start the column (a folder path).
    """
    words: tuple[str, ...]
    field: str | None = None
    phrase: bool = False
    anchored: bool = False
    path: str | None = None  # an anchored folder as typed: placed under its root (places.py)


@dataclass(frozen=True)
class Fact:
    """A comparison on a catalog column: field names a query field, value is what it parsed to.

    A scope adds facts no query can spell (scopes.py): person_id, event_id and article_id,
    each with a catalog id as its value, and folder_at, a folder's path (then, placed under
    its root, the root's id and the path relative to it)."""
    field: str
    value: object


@dataclass(frozen=True)
class Not:
    child: object


@dataclass(frozen=True)
class All:
    children: tuple


@dataclass(frozen=True)
class Any:
    children: tuple


Node = Text | Fact | Not | All | Any


@dataclass(frozen=True)
class Query:
    """What parse() made of a text: the tree (None when nothing searchable is left) and problems."""
    text: str
    tree: Node | None
    problems: tuple[Problem, ...] = ()


def conjuncts(node: Node | None) -> tuple:
    """The parts of a tree that must all hold."""
    if node is None:
        return ()
    return node.children if isinstance(node, All) else (node,)
