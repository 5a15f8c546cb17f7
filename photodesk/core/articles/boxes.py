"""What is not the story: page chrome, and the related-news, read-more, recommendation and
advertising boxes CMSs put around it and inside it, wherever they are nested."""

import functools
import re
from urllib.parse import urlsplit

from photodesk.core.articles.tree import Node
from photodesk.core.fold import fold

# Elements that never hold the story.
SKIP_TAGS = frozenset({"script", "style", "nav", "aside", "header", "footer", "form", "noscript",
                       "template", "iframe", "svg", "button", "select", "head", "title"})
PAGE_TAGS = frozenset({"#root", "html", "body"})  # the page itself is never a box
# ARIA landmarks beside the story: its sidebar, the site's menus, header, footer and search.
SKIP_ROLES = frozenset({"complementary", "navigation", "banner", "contentinfo", "search"})
# Attributes CMSs name a block with: class and id, Tuổi Trẻ's type="RelatedNewsBox", VnExpress's
# data-campaign="Box-Related", data-component="relate"…
NAMING_ATTRIBUTES = ("class", "id", "type", "data-component", "data-campaign", "data-type",
                     "data-role", "data-module", "data-widget", "data-box")
# Parts of a block's name, compared with "-", "_" and case dropped, so that
# "box-tinlienquanv2", "kbwscwl-relatedbox", "RelatedNewsBox" and "tin_lien_quan" all match.
BOX_NAME_PARTS = (
    # other stories: related, read more, same section, latest, most read
    "relate", "relation", "lienquan", "xemthem", "docthem", "readmore", "morenews", "othernews",
    "listnews", "newslist", "boxnews", "tinkhac", "tinmoi", "cungchuyenmuc", "samecat",
    "xemnhieu", "docnhieu", "mostread", "mostview",
    # recommendation widgets and advertising
    "recommend", "suggest", "goiy", "outbrain", "taboola", "quangcao", "advert", "adsbygoogle",
    "sponsor",
    # the page's own furniture around the story
    "tags", "social", "share", "comment")
# Matched as whole words only: inside other words they mean nothing ("ads" in "uploads").
BOX_NAME_WORDS = frozenset({"ad", "ads", "adv", "qc", "banner", "promo"})
# Headings and labels of such boxes, folded: they end a plain-text article.
RELATED_LABELS = frozenset({
    "tin lien quan", "cac tin lien quan", "bai lien quan", "cac bai lien quan",
    "bai viet lien quan", "tin bai lien quan", "xem them", "doc them", "tham khao them",
    "co the ban quan tam", "ban co the quan tam", "co the ban muon doc", "goi y cho ban",
    "tin cung chuyen muc", "bai cung chuyen muc", "cung chuyen muc", "tin khac", "cac tin khac",
    "tin moi", "tin moi nhat", "tin doc nhieu", "tin xem nhieu", "doc nhieu", "xem nhieu",
    "doc nhieu nhat", "xem nhieu nhat",
    "related", "related news", "related articles", "related stories", "related posts",
    "read more", "see also", "more stories", "more news", "recommended", "recommended for you",
    "you may also like", "you might also like", "most read", "most popular"})
AD_LABELS = frozenset({"quang cao", "tai tro", "noi dung tai tro", "advertisement",
                       "advertising", "sponsored", "sponsored content"})
BOX_LABELS = RELATED_LABELS | AD_LABELS
_LABEL_TRIM = " \t\n:>»«›-–—|.*#…()[]"
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_NOT_NAME = re.compile(r"[-_:.]")
# A link to another page, not to a picture or a place in this one.
_OTHER_PAGE = re.compile(r"^(?!#|javascript:|mailto:)(?!.*\.(?:jpe?g|png|gif|webp|tiff?|heic)"
                        r"(?:[?#].*)?$).+", re.IGNORECASE | re.DOTALL)
# How story pages' addresses end: .html and the like, and Kênh 14/CafeF's .chn, Báo Mới's .epi,
# Lao Động's .ldo, VOV's .vov.
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".php", ".aspx", ".asp", ".jsp", ".chn", ".epi",
                 ".ldo", ".vov")
# Teaser items are small; a block bigger than this is not one.
_ITEM_NODES = 400


def label_of(text: str) -> str:
    """A heading's text folded for comparing with the labels: "TIN LIÊN QUAN:" → "tin lien quan"."""
    return " ".join(fold(text).strip(_LABEL_TRIM).split())


def is_label(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= 60 and label_of(text) in BOX_LABELS


def skip_boxes(root: Node) -> None:
    """Mark (Node.skipped) every block that is not the story: by tag, ARIA role or name, and
    boxes that only a label such as "Tin liên quan" or "Xem thêm:" announces."""
    labels: list[tuple[Node, int]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag not in PAGE_TAGS and is_named_box(node):
            node.skipped = True
            continue
        for index, child in enumerate(node.children):
            if isinstance(child, str) and is_label(child):
                labels.append((node, index))
        # In document order: a box's run of teasers then ends at the next label, not the page's end.
        stack.extend(c for c in reversed(node.children) if isinstance(c, Node))
    positions = _Positions()
    for parent, index in labels:
        if not _within_skipped(parent) and is_label(parent.children[index]):
            _skip_labelled(parent, index, positions)


def is_named_box(node: Node) -> bool:
    """Chrome by tag or ARIA landmark, or a block whose name or aria-label says it is a box."""
    attrs = node.attrs
    if node.tag in SKIP_TAGS or attrs.get("role", "").strip().lower() in SKIP_ROLES:
        return True
    if attrs.get("aria-label") and is_label(attrs["aria-label"]):
        return True
    return any(_names_box(attrs[name]) for name in NAMING_ATTRIBUTES if attrs.get(name))


@functools.lru_cache(maxsize=4096)
def _names_box(value: str) -> bool:
    for token in value.split():
        squashed = _NOT_NAME.sub("", token.lower())
        if any(part in squashed for part in BOX_NAME_PARTS):
            return True
        if any(word.lower() in BOX_NAME_WORDS for word in _WORD.findall(token)):
            return True
    return False


def _within_skipped(node: Node | None) -> bool:
    while node is not None:
        if node.skipped:
            return True
        node = node.parent
    return False


class _Positions:
    """Where a child sits among its parent's children, each parent's list indexed once."""

    def __init__(self):
        self.known: dict[int, dict[int, int]] = {}

    def of(self, child: Node) -> int:
        parent = child.parent
        if id(parent) not in self.known:
            self.known[id(parent)] = {id(c): i for i, c in enumerate(parent.children)}
        return self.known[id(parent)][id(child)]


def _skip_labelled(parent: Node, index: int, positions: _Positions) -> None:
    """The label and the links to other stories after it are a box; it ends at the first thing
    that is not such a link. A label with nothing but its links in a block makes the block the
    box (so a heading row and its teaser rows, or a title div and its list, go together)."""
    linked = False
    while True:
        children = parent.children
        end = index + 1
        while end < len(children) and (_blank(children[end]) or _is_teaser_item(children[end])):
            linked = linked or not _blank(children[end])
            end += 1
        whole = end == len(children) and all(_blank(c) for c in children[:index])
        if not (whole and parent.tag not in PAGE_TAGS and parent.parent is not None):
            break
        parent, index = parent.parent, positions.of(parent)
    if linked:  # a label alone is a heading of the story, or words in it
        for i in range(index, end):
            if isinstance(children[i], Node):
                children[i].skipped = True
            else:
                children[i] = ""


def _blank(item: "Node | str") -> bool:
    """Nothing a reader would see: whitespace, a <br>, an empty or already skipped block."""
    if isinstance(item, str):
        return not any(c.isalnum() for c in item)  # "; " and " | " between teaser links too
    if item.skipped:
        return True
    stack = [item]
    while stack:
        node = stack.pop()
        if node.tag == "img":
            return False
        for child in node.children:
            if isinstance(child, str):
                if child.strip():
                    return False
            elif not child.skipped:
                stack.append(child)
    return True


def _is_teaser_item(item: "Node | str") -> bool:
    """A small block of links to other pages (with their thumbnails, and little text outside
    the links): what a related-news or ad box lists. A story paragraph has its text outside
    links; a story photo has its caption, and links to no other page."""
    if isinstance(item, str):
        return False
    inside = outside = visited = 0
    linked = False
    stack: list[tuple[Node, bool]] = [(item, False)]
    while stack:
        node, in_link = stack.pop()
        visited += 1
        if visited > _ITEM_NODES or node.tag == "figcaption" or "caption" in node.marks():
            return False
        if node.tag == "a" and _OTHER_PAGE.match(node.attrs.get("href", "").strip()):
            in_link = linked = True
        for child in node.children:
            if isinstance(child, Node):
                if not child.skipped:
                    stack.append((child, in_link))
            elif in_link:
                inside += len(child.strip())
            else:
                outside += len(child.strip())
    return linked and outside <= 2 * inside + 80


def links_elsewhere(img: Node, own_address: str = "") -> bool:
    """The image sits in a link to another story's page: a teaser for it, never a story photo.
    (A link to the picture itself, or to this very page, is no teaser.)"""
    node = img.parent
    while node is not None:
        if node.tag == "a":
            path = address_path(node.attrs.get("href", ""))
            return path.lower().endswith(PAGE_SUFFIXES) and path != own_address
        node = node.parent
    return False


def address_path(href: str) -> str:
    """The path of an address: "https://baolaocai.vn/tin/bai-1.html?utm=x" → "/tin/bai-1.html"."""
    try:
        path = urlsplit(href.strip()).path
    except ValueError:  # a malformed IPv6 host
        return ""
    return path.rstrip("/")
