"""Reading a query: tokens to a syntax tree, with a problem for each part that cannot be used.

The parser never gives up on a query: a part it cannot read is left out with a Problem that
points at it, and the rest still searches. Only parse(..., strict=True) raises, and only
QueryError.
"""

from datetime import date

from photodesk.core.fold import words
from photodesk.core.search import fields
from photodesk.core.search.syntax import All, Any, Node, Not, Problem, Query, QueryError, Text
from photodesk.core.search.tokens import Token, tokenize

MAX_CHARS = 1000
MAX_DEPTH = 16     # nested parentheses
MAX_CLAUSES = 64   # words, phrases and field:values in one query


def parse(text: str, *, strict: bool = False, today: date | None = None) -> Query:
    if not isinstance(text, str):
        raise QueryError("a query is text")
    problems = []
    if len(text) > MAX_CHARS:
        problems.append(Problem(MAX_CHARS, len(text),
                                f"only the first {MAX_CHARS} characters are searched"))
    reader = _Reader(tokenize(text[:MAX_CHARS]), today or date.today())
    tree = reader.query()
    query = Query(text, tree, tuple(problems + reader.problems))
    if strict and query.problems:
        first = query.problems[0]
        raise QueryError(f"{first.message}\n{first.pointer(text)}", query.problems)
    return query


class _Reader:
    def __init__(self, tokens: list[Token], today: date):
        self.tokens, self.i, self.today = tokens, 0, today
        self.problems: list[Problem] = []
        self.clauses = 0

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> Token:
        self.i += 1
        return self.tokens[self.i - 1]

    def problem(self, token: Token, message: str) -> None:
        self.problems.append(Problem(token.start, token.end, message))

    def query(self) -> Node | None:
        parts = [self.either(0)]
        while self.peek() is not None:  # only a ')' with no '(' stops either() early
            self.problem(self.take(), "this ) closes no (")
            parts.append(self.either(0))
        return _all([p for p in parts if p is not None])

    def either(self, depth: int) -> Node | None:
        """Alternatives separated by OR."""
        options = [self.every(depth)]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            options.append(self.every(depth))
            if options[-2] is None or options[-1] is None:
                self.problem(token, "OR needs something on both sides")
        options = [o for o in options if o is not None]
        if len(options) > 1:
            return Any(tuple(options))
        return options[0] if options else None

    def every(self, depth: int) -> Node | None:
        """Parts side by side, all of which must hold."""
        items = []
        while (token := self.peek()) is not None and token.kind not in ("or", "close"):
            if token.kind == "and":
                self.take()
                continue
            node = self.unary(depth)
            if node is not None:
                items.append(node)
        return _all(items)

    def unary(self, depth: int) -> Node | None:
        negated, first = False, self.peek()
        while (token := self.peek()) is not None and token.kind in ("neg", "not"):
            self.take()
            negated = not negated
        token = self.peek()
        if first.kind in ("neg", "not") and (token is None or token.kind in ("or", "close",
                                                                               "and")):
            self.problem(first, f"{first.text or '-'} needs something after it to leave out")
            return None
        node = self.primary(depth)
        if node is None or not negated:
            return node
        return node.child if isinstance(node, Not) else Not(node)

    def primary(self, depth: int) -> Node | None:
        token = self.take()
        if token.kind == "open":
            return self.group(token, depth)
        if token.kind in ("word", "phrase", "field") and self.clauses >= MAX_CLAUSES:
            if self.clauses == MAX_CLAUSES:
                self.problem(token, f"only the first {MAX_CLAUSES} words and fields are searched")
            self.clauses += 1
            return None
        self.clauses += 1
        if token.kind == "field":
            return self.field(token)
        if token.kind in ("word", "phrase"):
            return self.words(token)
        self.problem(token, f"{token.text} is out of place here")  # an operator where a word goes
        return None

    def group(self, opening: Token, depth: int) -> Node | None:
        if depth >= MAX_DEPTH:
            self.problem(opening, f"more than {MAX_DEPTH} parentheses inside each other; "
                         "this group is left out")
            self.skip_group()
            return None
        inner = self.either(depth + 1)
        token = self.peek()
        if token is not None and token.kind == "close":
            self.take()
        else:
            self.problem(opening, "this ( is never closed")
        if inner is None:
            self.problem(opening, "nothing to search inside these parentheses")
        return inner

    def skip_group(self) -> None:
        level = 1
        while level and (token := self.peek()) is not None:
            self.take()
            level += {"open": 1, "close": -1}.get(token.kind, 0)

    def words(self, token: Token) -> Node | None:
        found = tuple(words(token.text))
        if token.kind == "phrase" and not token.closed:
            self.problem(token, "this quote is never closed; searched as if it were")
        if not found:
            if token.kind == "phrase" or token.text.strip("-"):
                self.problem(token, f"{_shown(token)} has no letters or digits to search for")
            return None
        return Text(found, phrase=token.kind == "phrase")

    def field(self, token: Token) -> Node | None:
        field = fields.lookup(token.name)
        if field is None:
            if not token.text and not token.quoted:  # "Hanoi:" pasted from a caption
                return Text(tuple(words(token.name)))
            known = ", ".join(f.name for f in fields.QUERY_FIELDS)
            self.problem(token, f"{token.name}: is not a field (fields: {known})")
            return None
        if token.quoted and not token.closed:
            self.problem(token, "this quote is never closed; searched as if it were")
        try:
            return fields.read(field, token.text, token.quoted, self.today)
        except fields.BadValue as exc:
            self.problem(token, str(exc))
            return None


def _all(items: list) -> Node | None:
    flat = []
    for item in items:
        flat.extend(item.children if isinstance(item, All) else (item,))
    if len(flat) > 1:
        return All(tuple(flat))
    return flat[0] if flat else None


def _shown(token: Token) -> str:
    return f'"{token.text}"' if token.kind == "phrase" else token.text
