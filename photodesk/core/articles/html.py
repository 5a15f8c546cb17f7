"""The HTML article reader: a tolerant tree from html.parser, then body, captions, paragraphs."""

import re
import unicodedata
from html.parser import HTMLParser

from photodesk.core.articles.model import Article, ImageRef
from photodesk.core.articles.text import (MAX_CAPTION, date_from_lede, image_name, warnings_for,
                                          year_hint)

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "kbd",
                    "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u"})
SKIP_TAGS = frozenset({"script", "style", "nav", "aside", "header", "footer", "form", "noscript",
                       "template", "iframe", "svg", "button", "select", "head", "title"})
# Class or id fragments of blocks that list other articles or share this one.
RELATED = ("related", "relate", "tin-lien-quan", "box-news", "more-news", "tags", "social", "share",
           "comment")
BODY_HINTS = ("content", "detail", "body", "article")
PARAGRAPH_TAGS = frozenset({"p", "h2", "h3", "h4"})
EMPHASIS = frozenset({"em", "i", "small"})
BLOCK_BREAKS = frozenset({"div", "section", "article", "main", "blockquote", "ul", "ol", "li",
                          "table", "tr", "td", "th", "br", "hr", "dl", "dt", "dd", "pre"})
CAPTION_CLASSES = ("image_desc", "image-desc", "img-desc", "imgdesc", "photo-desc", "desc_image",
                   "imagedesc", "photocms_caption")
SAPO_EXACT = frozenset({"lead", "lede", "description", "summary", "excerpt", "intro", "sapo",
                        "chapeau"})
SAPO_PARTS = ("sapo", "lede", "chapeau")
SAPO_ENDINGS = ("-lead", "_lead", "-sapo", "_sapo", "-summary", "_summary", "-description",
                "__description", "_description", "-intro", "-excerpt", "__lead")
PUBLISHED_KEYS = ("article:published_time", "datepublished", "pubdate", "publishdate",
                  "dc.date.issued")
SKIPPED_EXTENSIONS = (".gif", ".svg", ".ico")
# Deeper nesting is flattened so every walk stays far inside Python's recursion limit.
MAX_DEPTH = 150
_WS = re.compile(r"\s+")
_VN_DATETIME = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\D+(\d{1,2}):(\d{2}))?")


class Node:
    __slots__ = ("tag", "attrs", "children", "parent", "depth")

    def __init__(self, tag: str, attrs: dict[str, str], parent: "Node | None"):
        self.tag = tag
        self.attrs = attrs
        self.children: list["Node | str"] = []
        self.parent = parent
        self.depth = parent.depth + 1 if parent else 0

    def marks(self) -> str:
        """Class and id, lower-cased: what the content and related-news rules look at."""
        return f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}".lower()

    def class_tokens(self) -> list[str]:
        return self.attrs.get("class", "").lower().split()


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        self._auto_close(tag)
        node = self._append(tag, attrs)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self._append(tag, attrs)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def _append(self, tag: str, attrs) -> Node:
        node = Node(tag, {k.lower(): v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        return node

    def _auto_close(self, tag: str) -> None:
        # Browsers end an open <p>, <li>, <td> or <tr> when the next one starts; CMSs rely on it.
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
    builder = _TreeBuilder()
    try:
        builder.feed(text)
        builder.close()
    except Exception:  # html.parser raises AssertionError on some broken declarations
        pass           # what was parsed before the bad markup is still a usable tree
    return builder.root


def is_excluded(node: Node) -> bool:
    if node.tag in SKIP_TAGS:
        return True
    if node.tag in ("html", "body", "#root"):
        return False
    marks = node.marks()
    return any(part in marks for part in RELATED)


def iter_nodes(root: Node, skip_excluded: bool = True):
    """Every element under root in document order, not descending into excluded blocks."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in reversed(node.children)
                     if isinstance(c, Node) and not (skip_excluded and is_excluded(c)))


def text_of(node: Node) -> str:
    """Plain text of an element: no tags, entities decoded, whitespace collapsed, NFC."""
    parts: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif item.tag in ("br", "img"):
            parts.append(" ")
        elif item is node or not is_excluded(item):
            stack.extend(reversed(item.children))
            if item.tag not in INLINE:
                parts.append(" ")
    return clean("".join(parts))


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


def images_in(node: Node) -> list[Node]:
    return [n for n in iter_nodes(node) if n.tag == "img"]


def image_src(img: Node) -> str | None:
    """The real file behind an <img>: lazy-load attributes first, never a data: placeholder."""
    if img.attrs.get("width") == "1" or img.attrs.get("height") == "1":
        return None
    for key in ("data-src", "data-original", "data-lazy-src", "data-srcset", "src"):
        value = img.attrs.get(key, "").strip().split(" ")[0]
        if value and not value.lower().startswith("data:"):
            name = image_name(value)
            if name and not name.lower().endswith(SKIPPED_EXTENSIONS):
                return name
            return None
    return None


def is_caption(node: Node) -> bool:
    tokens = node.class_tokens()
    # VnExpress-style <p class="Image"> holds a caption, not a photo.
    marked = (any("caption" in t or t in CAPTION_CLASSES for t in tokens)
              or (node.tag == "p" and "image" in tokens))
    return marked and node.tag != "img" and not images_in(node)


def is_sapo(node: Node) -> bool:
    if node.tag not in ("p", "div", "h2", "h3", "span", "section", "strong"):
        return False
    tokens = node.class_tokens() + node.attrs.get("id", "").lower().split()
    return any(t in SAPO_EXACT or any(p in t for p in SAPO_PARTS) or t.endswith(SAPO_ENDINGS)
               for t in tokens)


def only_emphasis(node: Node) -> bool:
    """True when every bit of text in the paragraph sits inside <em>, <i> or <small>."""
    for child in node.children:
        if isinstance(child, str):
            if child.strip():
                return False
        elif child.tag not in EMPHASIS and child.tag != "br" and text_of(child):
            if not only_emphasis(child) or child.tag not in INLINE:
                return False
    return True


class _Collector:
    """Turns the walk's images, captions and paragraphs into Article fields."""

    def __init__(self, loose: bool):
        self.loose = loose
        self.paragraphs: list[str] = []
        self.images: list[ImageRef] = []
        self.pending: list[ImageRef] = []
        self.buffer: list[str] = []

    def image(self, img: Node) -> ImageRef | None:
        name = image_src(img)
        if not name:
            return None
        self.flush()
        ref = ImageRef(name, None, len(self.images), len(self.paragraphs) - 1)
        self.images.append(ref)
        self.pending.append(ref)
        return ref

    def caption(self, text: str, refs: list[ImageRef] | None = None) -> None:
        # A caption with no photo before it is CMS decoration, not body text.
        targets = self.pending if refs is None else refs
        if not text:
            return
        if len(text) <= MAX_CAPTION:
            for ref in targets:
                ref.caption = text
        elif targets:
            self.paragraph(text)
        self.pending = []

    def paragraph(self, text: str) -> None:
        self.flush()
        if text:
            self.paragraphs.append(text)
            self.pending = []

    def loose_text(self, text: str) -> None:
        if self.loose:
            self.buffer.append(text)

    def flush(self) -> None:
        text = clean("".join(self.buffer))
        self.buffer = []
        if text:
            self.paragraphs.append(text)
            self.pending = []


class _Walker:
    def __init__(self, collector: _Collector, sapo: Node | None):
        self.out = collector
        self.sapo = sapo

    def walk(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.out.loose_text(child)
            elif not is_excluded(child):
                self.element(child)

    def element(self, node: Node) -> None:
        tag = node.tag
        if tag in BLOCK_BREAKS:
            self.out.flush()
        if node is self.sapo:
            self.out.paragraph(text_of(node))
        elif tag == "img":
            self.out.image(node)
        elif tag == "figure":
            self.figure(node)
        elif is_caption(node):
            self.out.caption(text_of(node))
        elif tag == "table" and images_in(node):
            self.image_table(node)
        elif tag in PARAGRAPH_TAGS:
            self.paragraph(node)
        elif tag in EMPHASIS and self.out.pending:
            self.out.caption(text_of(node))
        elif tag != "h1":
            self.walk(node)
        if tag in BLOCK_BREAKS:
            self.out.flush()

    def figure(self, node: Node) -> None:
        if not images_in(node):
            self.walk(node)  # a pull quote or a table dressed as a figure
            return
        refs = [r for r in map(self.out.image, images_in(node)) if r]
        caption = next((n for n in iter_nodes(node) if n.tag == "figcaption" or is_caption(n)),
                       None)
        self.out.caption(text_of(caption) if caption else text_of(node), refs)

    def image_table(self, node: Node) -> None:
        """Photo tables: the image in one cell, its caption in the next row or a desc cell."""
        for cell in _outer_cells(node) or [node]:
            refs = [r for r in map(self.out.image, images_in(cell)) if r]
            text = text_of(cell)
            if refs and text:
                self.out.caption(text, refs)
            elif text:
                self.out.caption(text)

    def paragraph(self, node: Node) -> None:
        imgs = images_in(node)
        if imgs:
            refs = [r for r in map(self.out.image, imgs) if r]
            text = text_of(node)
            if text and refs and len(text) <= MAX_CAPTION:
                self.out.caption(text, refs)
            elif text:
                self.out.paragraph(text)
            return
        text = text_of(node)
        if text and self.out.pending and only_emphasis(node):
            self.out.caption(text)
        else:
            self.out.paragraph(text)


def _outer_cells(table: Node) -> list[Node]:
    """The table's cells, but not those of tables nested in them: read with their outer cell."""
    return [n for n in iter_nodes(table) if n.tag in ("td", "th") and not _in_cell(n, table)]


def _in_cell(node: Node, table: Node) -> bool:
    parent = node.parent
    while parent is not None and parent is not table:
        if parent.tag in ("td", "th"):
            return True
        parent = parent.parent
    return False


def parse_html(text: str, path: str = "", *, year: int | None = None) -> Article:
    """Read an HTML article. Never raises on any str."""
    root = build_tree(text)
    body, fell_back = find_body(root)
    sapo = find_sapo(root, body)
    paragraphs, images = read_body(body, sapo)
    title = find_title(root, body)
    lede = paragraphs[0] if paragraphs else None
    published = find_published(root)
    dateline, from_dateline = date_from_lede(lede, year, _year_of(published),
                                             year_hint(lede, title))
    article = Article(path, title, lede, dateline, published or from_dateline, paragraphs, images)
    article.warnings = warnings_for(article)
    if fell_back:
        article.warnings.append("no article container found; read the whole page body")
    return article


def read_body(body: Node, sapo: Node | None) -> tuple[list[str], list[ImageRef]]:
    collector = _collect(body, sapo, loose=False)
    if len(collector.paragraphs) <= (1 if sapo is not None else 0):
        # A CMS that writes the body as bare text and <br>s: read loose text too.
        collector = _collect(body, sapo, loose=True)
    return collector.paragraphs, collector.images


def _collect(body: Node, sapo: Node | None, loose: bool) -> _Collector:
    collector = _Collector(loose)
    if sapo is not None and not is_inside(sapo, body):
        collector.paragraph(text_of(sapo))
    _Walker(collector, sapo).walk(body)
    collector.flush()
    return collector


def find_body(root: Node) -> tuple[Node, bool]:
    """The element holding the story, and whether we had to fall back to the whole <body>."""
    nodes = list(iter_nodes(root))
    for candidates in ([n for n in nodes if n.tag == "article"],
                       [n for n in nodes if n.tag not in ("html", "body", "#root")
                        and any(h in n.marks() for h in BODY_HINTS)]):
        best = _best_container(candidates)
        if best is not None:
            return best, False
    body = next((n for n in nodes if n.tag == "body"), root)
    return body, True


def _best_container(candidates: list[Node]) -> Node | None:
    scored = [(_score(n), n) for n in candidates]
    top = max((s for s, _ in scored), default=0)
    if top <= 0:
        return None
    # The innermost container that still holds nearly all the text keeps page chrome out.
    close = [n for s, n in scored if s >= 0.85 * top]
    return max(close, key=lambda n: n.depth)


def _score(node: Node) -> int:
    score = 0
    for n in iter_nodes(node):
        if n.tag in PARAGRAPH_TAGS:
            score += len(text_of(n))
        elif n.tag == "img":
            score += 300
    return score


def find_sapo(root: Node, body: Node) -> Node | None:
    """The stand-first: inside the body if it is there, else the first one before the body."""
    inside = [n for n in iter_nodes(body) if n is not body and _is_lede_block(n)]
    if inside:
        return inside[0]
    for node in iter_nodes(root):
        if node is body:
            return None
        if _is_lede_block(node) and not is_inside(body, node):
            return node
    return None


def _is_lede_block(node: Node) -> bool:
    return is_sapo(node) and not has_ancestor(node, {"figure"}) and len(text_of(node)) >= 20


def find_title(root: Node, body: Node) -> str:
    for node in iter_nodes(root, skip_excluded=False):
        if node.tag == "meta" and _meta_key(node) == "og:title":
            title = clean(node.attrs.get("content", ""))
            if title:
                return title
    h1s = [n for n in iter_nodes(root) if n.tag == "h1" and text_of(n)]
    inside = [n for n in h1s if is_inside(n, body)]
    if inside or h1s:
        return text_of((inside or h1s)[0])
    titles = [n for n in iter_nodes(root, skip_excluded=False) if n.tag == "title"]
    return text_of(titles[0]) if titles else ""


def _meta_key(node: Node) -> str:
    return (node.attrs.get("property") or node.attrs.get("name")
            or node.attrs.get("itemprop") or "").strip().lower()


def find_published(root: Node) -> str | None:
    for node in iter_nodes(root, skip_excluded=False):
        if node.tag == "meta" and _meta_key(node) in PUBLISHED_KEYS:
            found = iso_datetime(node.attrs.get("content", ""))
            if found:
                return found
    for node in iter_nodes(root):
        if node.tag == "time":
            found = iso_datetime(node.attrs.get("datetime", ""))
            if found:
                return found
    return None


def iso_datetime(value: str) -> str | None:
    """ISO text as given; Vietnamese "28/02/2024 15:30" converted; anything else is unknown."""
    value = value.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value
    match = _VN_DATETIME.match(value)
    if not match:
        return None
    day, month, year = int(match[1]), int(match[2]), int(match[3])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    return f"{date}T{int(match[4]):02d}:{match[5]}" if match[4] else date


def _year_of(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None
