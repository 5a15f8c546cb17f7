"""The HTML article reader: the story's container in the page, its paragraphs, photos, captions."""

import re

from photodesk.core.articles.boxes import address_path, links_elsewhere, skip_boxes
from photodesk.core.articles.limits import MAX_IMAGES, MAX_PARAGRAPH, check, cut_note
from photodesk.core.articles.model import Article, ArticleError, ImageRef
from photodesk.core.articles.text import (MAX_CAPTION, date_from_lede, image_name, warnings_for,
                                          year_hint)
from photodesk.core.articles.tree import (INLINE, Node, PastLimit, TextBuffer, build_tree, clean,
                                          has_ancestor, is_inside, iter_nodes, text_of)

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
_VN_DATETIME = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\D+(\d{1,2}):(\d{2}))?")


def images_in(node: Node) -> list[Node]:
    return [n for n in iter_nodes(node) if n.tag == "img"]


def has_image(node: Node) -> bool:
    return any(n.tag == "img" for n in iter_nodes(node))


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
    return marked and node.tag != "img" and not has_image(node)


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

    def __init__(self, loose: bool, address: str = ""):
        self.loose = loose
        self.address = address  # the page's own, which its photos may link to
        self.paragraphs: list[str] = []
        self.images: list[ImageRef] = []
        self.pending: list[ImageRef] = []
        self.buffer = TextBuffer(MAX_PARAGRAPH + 1)
        self.cut = 0  # paragraphs cut to MAX_PARAGRAPH

    def image(self, img: Node) -> ImageRef | None:
        if len(self.images) > MAX_IMAGES:
            return None  # already too many: check() refuses the article
        name = None if links_elsewhere(img, self.address) else image_src(img)
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
        self._add(text)

    def loose_text(self, text: str) -> None:
        if self.loose:
            self.buffer.add(text)

    def flush(self) -> None:
        text = self.buffer.text()
        self.buffer = TextBuffer(MAX_PARAGRAPH + 1)
        self._add(text)

    def _add(self, text: str) -> None:
        if len(text) > MAX_PARAGRAPH:
            text = text[:MAX_PARAGRAPH]
            self.cut += 1
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
            elif not child.skipped:
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
    """Read an HTML article. Raises ArticleError past the limits in limits.py, nothing else."""
    try:
        root = build_tree(text)
    except PastLimit as limit:
        raise ArticleError(path, str(limit)) from None
    skip_boxes(root)
    body, fell_back = find_body(root)
    sapo = find_sapo(root, body)
    found = read_body(body, sapo, own_address(root))
    title = find_title(root, body)
    if len(title) > MAX_PARAGRAPH:
        title, found.cut = title[:MAX_PARAGRAPH], found.cut + 1
    lede = found.paragraphs[0] if found.paragraphs else None
    published = find_published(root)
    dateline, from_dateline = date_from_lede(lede, year, _year_of(published),
                                             year_hint(lede, title))
    article = Article(path, title, lede, dateline, published or from_dateline, found.paragraphs,
                      found.images)
    article.warnings = warnings_for(article)
    if fell_back:
        article.warnings.append("no article container found; read the whole page body")
    if found.cut:
        article.warnings.append(cut_note(found.cut))
    check(article)
    return article


def read_body(body: Node, sapo: Node | None, address: str = "") -> _Collector:
    collector = _collect(body, sapo, address, loose=False)
    if len(collector.paragraphs) <= (1 if sapo is not None else 0):
        # A CMS that writes the body as bare text and <br>s: read loose text too.
        collector = _collect(body, sapo, address, loose=True)
    return collector


def _collect(body: Node, sapo: Node | None, address: str, loose: bool) -> _Collector:
    collector = _Collector(loose, address)
    if sapo is not None and not is_inside(sapo, body):
        collector.paragraph(text_of(sapo))
    _Walker(collector, sapo).walk(body)
    collector.flush()
    return collector


def find_body(root: Node) -> tuple[Node, bool]:
    """The element holding the story, and whether we had to fall back to the whole <body>."""
    nodes = list(iter_nodes(root))
    # <article> and named containers compete: a teaser list of <article> items that no box
    # rule caught must not win over the story's <div class="detail-content">.
    candidates = [n for n in nodes if n.tag == "article" or (
        n.tag not in ("html", "body", "#root") and any(h in n.marks() for h in BODY_HINTS))]
    best = _best_container(candidates, _scores(nodes))
    if best is not None:
        return best, False
    body = next((n for n in nodes if n.tag == "body"), root)
    return body, True


def _best_container(candidates: list[Node], scores: dict[int, int]) -> Node | None:
    top = max((scores[id(n)] for n in candidates), default=0)
    if top <= 0:
        return None
    # The innermost container that still holds nearly all the text keeps page chrome out.
    close = [n for n in candidates if scores[id(n)] >= 0.85 * top]
    return max(close, key=lambda n: n.depth)


def _scores(nodes: list[Node]) -> dict[int, int]:
    """Each element's paragraph text and 300 a photo, summed over what it holds: one pass from
    the leaves up, so nested containers do not each read the page again."""
    scores: dict[int, int] = {}
    lengths: dict[int, int] = {}  # characters of text held, spaces at the ends of runs not counted
    for node in reversed(nodes):  # nodes are in document order: children come after parents
        length = score = 0
        for child in node.children:
            if child.__class__ is str:
                length += len(child.strip())
            elif not child.skipped:
                length += lengths[id(child)]
                score += scores[id(child)]
        lengths[id(node)] = length
        scores[id(node)] = score + (length if node.tag in PARAGRAPH_TAGS
                                    else 300 if node.tag == "img" else 0)
    return scores


def find_sapo(root: Node, body: Node) -> Node | None:
    """The stand-first: inside the body if it is there, else the first one before the body."""
    inside = next((n for n in iter_nodes(body) if n is not body and _is_lede_block(n)), None)
    if inside is not None:
        return inside
    for node in iter_nodes(root):
        if node is body:
            return None
        if _is_lede_block(node) and not is_inside(body, node):
            return node
    return None


def _is_lede_block(node: Node) -> bool:
    return is_sapo(node) and not has_ancestor(node, {"figure"}) and len(text_of(node)) >= 20


def find_title(root: Node, body: Node) -> str:
    for node in iter_nodes(root, with_skipped=True):
        if node.tag == "meta" and _meta_key(node) == "og:title":
            title = clean(node.attrs.get("content", ""))
            if title:
                return title
    h1s = [n for n in iter_nodes(root) if n.tag == "h1" and text_of(n)]
    inside = [n for n in h1s if is_inside(n, body)]
    if inside or h1s:
        return text_of((inside or h1s)[0])
    titles = [n for n in iter_nodes(root, with_skipped=True) if n.tag == "title"]
    return text_of(titles[0]) if titles else ""


def own_address(root: Node) -> str:
    """The page's own address (canonical link or og:url), as a path: "/tin-tuc/bai-123.html"."""
    for node in iter_nodes(root, with_skipped=True):
        if node.tag == "link" and "canonical" in node.attrs.get("rel", "").lower().split():
            return address_path(node.attrs.get("href", ""))
        if node.tag == "meta" and _meta_key(node) == "og:url":
            return address_path(node.attrs.get("content", ""))
    return ""


def _meta_key(node: Node) -> str:
    return (node.attrs.get("property") or node.attrs.get("name")
            or node.attrs.get("itemprop") or "").strip().lower()


def find_published(root: Node) -> str | None:
    for node in iter_nodes(root, with_skipped=True):
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
