"""The plain-text and markdown reader, and the dateline and image-name rules HTML shares."""

import datetime
import re
import unicodedata
from collections import Counter
from urllib.parse import unquote, urlsplit

from photodesk.core.articles.boxes import RELATED_LABELS, label_of
from photodesk.core.articles.limits import (MAX_IMAGES, MAX_PARAGRAPH, MAX_TEXT, check, cut_note,
                                            too_much_text)
from photodesk.core.articles.model import Article, ArticleError, ImageRef

IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "tif", "tiff", "webp", "heic")
_EXT = r"(?:jpe?g|png|tiff?|webp|heic)"
_IMAGE_LINE = re.compile(rf"\S+\.{_EXT}(?:[?#]\S*)?", re.IGNORECASE)
_MD_IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"[^"]*")?\)')
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
_MD_HEADING = re.compile(r"#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")

_SOCIAL_TOKENS = frozenset({"fb", "facebook", "yt", "youtube", "zl", "zalo", "tw", "twitter", "x",
                            "ig", "instagram", "tt", "tiktok", "li", "linkedin", "email", "rss",
                            "print", "in", "share"})

# A caption this long is really a paragraph that happens to follow a photo line.
MAX_CAPTION = 500

_STAMP_ROOM = 60  # how far into the lede a dateline may start
_DATELINE = re.compile(
    r"(?:\([^()\n]{1,60}\)\s*[-–—]?\s*)?"  # a "(TTXVN) - " source tag before it
    r"(?P<dateline>(?:rạng\s+sáng|sáng\s+sớm|chiều\s+tối|sáng|trưa|chiều|tối|đêm|khuya|ngày"
    r"|hôm\s+nay|hôm\s+qua)"
    r"(?:\s+(?:nay|qua|mai))?(?:\s+(?:thứ\s+\w+|chủ\s+nhật))?\s*\(?(?:ngày\s+)?"
    r"(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}|\d{2}))?(?!\d)\)?)",
    re.IGNORECASE)
_YEAR_WORD = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)


def normalise(text: str) -> str:
    """NFC text with a leading BOM dropped and every line ending turned into \\n."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def image_name(src: str) -> str:
    """The file name a path or URL points at: query and fragment dropped, URL-decoded."""
    src = src.strip()
    try:
        path = urlsplit(src).path if "://" in src or src.startswith("//") else src.split("?")[0]
    except ValueError:  # urlsplit refuses malformed IPv6 hosts
        path = src.split("?")[0]
    path = unquote(path.split("#")[0])
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].strip()


def parse_dateline(lede: str | None) -> tuple[str, int, int, int | None] | None:
    """(dateline as written, day, month, year or None) from the start of a lede.

    A place stamp may stand before it ("HÀ NỘI - Sáng 3/4", or a CMS's location span glued
    on as "Điện BiênTối 8/3"), so the dateline may start anywhere in the first words.
    """
    lede = lede or ""
    match = next((m for m in _DATELINE.finditer(lede[:_STAMP_ROOM]) if _starts_word(lede, m)),
                 None)
    if not match:
        return None
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    year = _full_year(match["y"]) if match["y"] else None
    return match["dateline"].strip(), day, month, year


def _starts_word(text: str, match: re.Match) -> bool:
    i = match.start()
    if i == 0:
        return True
    if not text[i].isupper():  # after a place stamp a dateline starts a sentence
        return False
    return not text[i - 1].isalnum() or text[i - 1].islower()  # or is glued on by a CMS


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def year_hint(*texts: str | None) -> int | None:
    """The latest "năm YYYY" in the first text that has one: the lede's year is the event's."""
    for text in texts:
        years = [int(y) for y in _YEAR_WORD.findall(text or "") if 1900 <= int(y) <= 2100]
        if years:
            return max(years)
    return None


def iso_date(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_from_lede(lede: str | None, *year_sources: int | None) -> tuple[str | None, str | None]:
    """(dateline, ISO date) for a lede; the year written in the dateline beats every source."""
    found = parse_dateline(lede)
    if not found:
        return None, None
    dateline, day, month, written = found
    year = next((y for y in (written, *year_sources) if y), None)
    return dateline, iso_date(year, month, day)


def is_furniture(line: str) -> bool:
    """A "related news" heading or a social-icon footer: where the article proper ends.

    Compared folded, so "CÓ THỂ BẠN QUAN TÂM:" and "Tin liên quan >>" both count."""
    if len(line) > 80:  # a heading or an icon row is short; a paragraph is not folded for nothing
        return False
    folded = label_of(line)
    if folded in RELATED_LABELS:
        return True
    tokens = folded.split()
    return len(tokens) >= 2 and all(t in _SOCIAL_TOKENS for t in tokens)


def image_line(line: str) -> tuple[str, str | None] | None:
    """(file name, markdown alt text) when the line is nothing but an image reference."""
    line = line.strip()
    md = _MD_IMAGE.fullmatch(line)
    if md and _IMAGE_LINE.fullmatch(md["src"]):
        alt = md["alt"].strip()
        return image_name(md["src"]), alt if 0 < len(alt) <= MAX_CAPTION else None
    if _IMAGE_LINE.fullmatch(line):
        name = image_name(line)
        return (name, None) if name else None
    return None


def parse_text(text: str, path: str = "", *, year: int | None = None) -> Article:
    """Read a plain-text or markdown article. Raises ArticleError past the limits in limits.py,
    nothing else."""
    if len(text) > MAX_TEXT:  # refused before it costs a pass per line
        raise ArticleError(path, too_much_text(len(text)))
    markdown = path.lower().endswith(".md")
    lines = normalise(text).split("\n")
    long_lines = sum(len(line) > MAX_PARAGRAPH for line in lines)
    if long_lines:
        lines = [line[:MAX_PARAGRAPH] for line in lines]
    front, lines = _front_matter(lines) if markdown else ({}, lines)
    lines = _cut_furniture(lines)
    title, body = _split_title(lines, markdown)
    title = front.get("title") or title
    paragraphs, images = _read_body(body, markdown)
    article = _assemble(path, title, paragraphs, images, year, front.get("date"))
    if long_lines:
        article.warnings.append(cut_note(long_lines))
    check(article)
    return article


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """YAML-ish `---` header of a markdown file: its title and date, and the lines after it."""
    if not lines or lines[0].strip() != "---":
        return {}, lines
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, lines
    found = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("title", "date"):
            found[key.strip().lower()] = value.strip().strip("\"'")
    return found, lines[end + 1:]


def _cut_furniture(lines: list[str]) -> list[str]:
    # The title line is never furniture, even when it reads "Xem thêm".
    seen_text = False
    for index, line in enumerate(lines):
        if seen_text and is_furniture(line):
            return lines[:index]
        seen_text = seen_text or bool(line.strip())
    return lines


def _split_title(lines: list[str], markdown: bool) -> tuple[str, list[str]]:
    """The first non-empty line is the title, unless it is a photo: then there is no title."""
    for index, line in enumerate(lines):
        if line.strip():
            if image_line(line):
                return "", lines[index:]
            return _clean(line, markdown), lines[index + 1:]
    return "", lines


def _clean(line: str, markdown: bool) -> str:
    line = " ".join(line.split())
    if markdown:
        line = _MD_HEADING.sub("", line, count=1) if line.startswith("#") else line
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = line.replace("**", "").replace("__", "")
        emphasis = _MD_EMPHASIS.match(line)
        line = emphasis[2] if emphasis else line
    return line.strip()


def _read_body(lines: list[str], markdown: bool) -> tuple[list[str], list[ImageRef]]:
    """Paragraphs and image references: a text line right after image lines is their caption."""
    paragraphs: list[str] = []
    images: list[ImageRef] = []
    pending: list[ImageRef] = []  # image lines since the last caption, paragraph or blank line
    for line in lines:
        found = image_line(line)
        if found:
            ref = ImageRef(found[0], found[1], len(images), len(paragraphs) - 1)
            images.append(ref)
            pending.append(ref)
            if len(images) > MAX_IMAGES:
                break  # already too many: check() refuses the article
            continue
        text = _clean(line, markdown)
        if pending and text and len(text) <= MAX_CAPTION:
            for ref in pending:
                ref.caption = text
        elif text:
            paragraphs.append(text)
        pending = []
    return paragraphs, images


def _assemble(path: str, title: str, paragraphs: list[str], images: list[ImageRef],
              year: int | None, front_date: str | None) -> Article:
    lede = paragraphs[0] if paragraphs else None
    dateline, published = date_from_lede(lede, year, year_hint(lede, title))
    if front_date and re.match(r"\d{4}-\d{2}-\d{2}", front_date):
        published = front_date
    article = Article(path, title, lede, dateline, published, paragraphs, images)
    article.warnings = warnings_for(article)
    return article


def warnings_for(article: Article) -> list[str]:
    notes = []
    if not article.title:
        notes.append("no title found")
    if not article.images:
        notes.append("no images found")
    counts = Counter(i.name.casefold() for i in article.images)
    spelled = {i.name.casefold(): i.name for i in reversed(article.images)}
    notes.extend(f"{spelled[key]} is referenced {n} times" for key, n in counts.items() if n > 1)
    return notes
