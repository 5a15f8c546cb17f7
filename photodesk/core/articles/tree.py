"""A tolerant HTML tree from html.parser: its nodes, walking them, and their text."""

import re
import unicodedata
from html.parser import HTMLParser

from photodesk.core.articles.limits import (MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_PARAGRAPH,
                                            too_many_attributes, too_many_elements)

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "em", "font", "i",
                    "ins", "kbd", "label", "mark", "picture", "q", "s", "small", "span", "strong",
                    "sub", "sup", "time", "u"})
# Deeper nesting is flattened so every walk stays far inside Python's recursion limit.
MAX_DEPTH = 150
_WS = re.compile(r"\s+")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_ATTRIBUTE_START = re.compile(r"[\s/]+[^\s/>]")


class PastLimit(Exception):
    """The page is past one of the limits in limits.py (the reason says which); parsing stopped."""


class Node:
    __slots__ = ("tag", "attrs", "children", "parent", "depth", "skipped")

    def __init__(self, tag: str, attrs: dict[str, str], parent: "Node | None"):
        self.tag = tag
        self.attrs = attrs
        self.children: list["Node | str"] = []
        self.parent = parent
        self.depth = parent.depth + 1 if parent else 0
        self.skipped = False  # set by boxes.skip_boxes: never part of the story

    def marks(self) -> str:
        """Class and id, lower-cased: what the content rules look at."""
        return f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}".lower()

    def class_tokens(self) -> list[str]:
        return self.attrs.get("class", "").lower().split()


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack = [self.root]
        self.elements = 0
        # Runs of text arrive in pieces (one per stray "<"): joined once, not one string each.
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._auto_close(tag)
        node = self._append(tag, attrs)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self._append(tag, attrs)

    def check_for_whole_start_tag(self, i):
        # html.parser's tag pattern keeps state for every attribute it passes: "<a <a <a …>" of
        # 9 MB took 10 s and 1.5 GB. So attributes are counted first, quoted values left out.
        # Each takes two characters at least: only a long tag (an inlined picture, or junk) is.
        end = self.rawdata.find(">", i)
        if end - i > 2 * MAX_ATTRIBUTES:
            bare = _QUOTED.sub('""', self.rawdata[i:end])
            starts = _ATTRIBUTE_START.finditer(bare)
            if any(n >= MAX_ATTRIBUTES for n, _ in enumerate(starts)):
                raise PastLimit(too_many_attributes())
        return super().check_for_whole_start_tag(i)

    def handle_endtag(self, tag):
        self.flush_text()
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.text.append(data)

    def flush_text(self) -> None:
        if self.text:
            self.stack[-1].children.append("".join(self.text))
            self.text = []

    def _append(self, tag: str, attrs) -> Node:
        self.flush_text()
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise PastLimit(too_many_elements())
        node = Node(tag, {k.lower(): v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        return node

    def _auto_close(self, tag: str) -> None:
        # Browsers end an open <p>, <li>, <td> or <tr> when the next one starts; CMSs rely on it.
        self.flush_text()
        if tag not in INLINE and tag not in VOID:
            self._close({"p"}, stop_unless=INLINE)
        if tag == "li":
            self._close({"li"}, stop_at={"ul", "ol"})
        elif tag in ("td", "th"):
            self._close({"td", "th"}, stop_at={"tr", "table"})
        elif tag == "tr":
            self._close({"tr"}, stop_at={"table", "tbody", "thead", "tfoot"})

    def _close(self, tags, stop_at=frozenset(), stop_unless=None) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[index].tag
            if open_tag in tags:
                del self.stack[index:]
                return
            if open_tag in stop_at or (stop_unless is not None and open_tag not in stop_unless):
                return


def build_tree(text: str) -> Node:
    """The page's tree. Raises PastLimit past MAX_ELEMENTS or MAX_ATTRIBUTES, nothing else."""
    builder = _TreeBuilder()
    try:
        builder.feed(_tail_as_text(text))
        builder.close()
    except PastLimit:
        raise
    except Exception:  # html.parser raises AssertionError on some broken declarations
        pass           # what was parsed before the bad markup is still a usable tree
    builder.flush_text()
    return builder.root


def _tail_as_text(text: str) -> str:
    """After the last ">" no tag can end, and html.parser would rescan the rest of the page for
    each "<" there (3.11: 100 KB of "<a " takes minutes). It reads them as text anyway: say so."""
    last = text.rfind(">")
    if text.find("<", last + 1) < 0:
        return text
    return text[:last + 1] + text[last + 1:].replace("<", "&lt;")


def iter_nodes(root: Node, with_skipped: bool = False):
    """Every element under root in document order, not descending into skipped blocks unless
    asked (the <head>'s meta tags are read that way)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        for child in reversed(node.children):
            if child.__class__ is Node and (with_skipped or not child.skipped):
                stack.append(child)


class TextBuffer:
    """Running text collected piece by piece, kept only until it holds more than `limit`
    characters: a 12 MB caption costs what is kept of it, not twelve copies of it."""

    def __init__(self, limit: int):
        self.limit = limit
        self.parts: list[str] = []
        self.size = 0  # characters in parts, spaces not yet collapsed
        self.next_check = limit
        self.full = False

    def add(self, text: str) -> None:
        for start in range(0, len(text), self.limit):  # a giant run of text, a slice at a time
            if self.full:
                return
            self._add(text[start:start + self.limit] if len(text) > self.limit else text)

    def _add(self, piece: str) -> None:
        self.parts.append(piece)
        self.size += len(piece)
        if self.size >= self.next_check:
            # Collapse what is held, so space-padded pieces do not count; checked again only
            # after as many characters again, so the collapsing costs linear time in all.
            joined = _WS.sub(" ", "".join(self.parts))
            self.parts, self.size = [joined], len(joined)
            self.next_check = self.size + self.limit
            self.full = len(joined.strip()) > self.limit

    def text(self) -> str:
        return clean("".join(self.parts))[:self.limit]


def text_of(node: Node, limit: int = MAX_PARAGRAPH + 1) -> str:
    """Plain text of an element: no tags, entities decoded, whitespace collapsed, NFC; at most
    `limit` characters (by default one more than a paragraph may hold, to tell a cut is due)."""
    buffer = TextBuffer(limit)
    stack: list[Node | str] = [node]
    while stack and not buffer.full:
        item = stack.pop()
        if isinstance(item, str):
            buffer.add(item)
        elif item.tag in ("br", "img"):
            buffer.add(" ")
        elif item is node or not item.skipped:
            stack.extend(reversed(item.children))
            if item.tag not in INLINE:
                buffer.add(" ")
    return buffer.text()


def clean(text: str) -> str:
    return unicodedata.normalize("NFC", _WS.sub(" ", text).strip())


def has_ancestor(node: Node, tags: set[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def is_inside(node: Node, container: Node) -> bool:
    while node is not None:
        if node is container:
            return True
        node = node.parent
    return False
