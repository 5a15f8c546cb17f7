"""The fields a query can name (person:, date:, rating:…) and how each reads its value."""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from photodesk.core import catalog
from photodesk.core.fold import fold, words
from photodesk.core.search.dates import DateError, date_range
from photodesk.core.search.syntax import Fact, Node, Text


@dataclass(frozen=True)
class QueryField:
    name: str
    kind: str             # text (a column of the full-text index) or the name of a fact reader
    column: str | None    # the index column of a text field
    example: str
    help: str             # English; the GUI translates it
    # The window's syntax popup lists it; a field the window does not offer yet (nor has
    # translated) is listed by `photodesk search --syntax` only.
    in_window: bool = True


QUERY_FIELDS: tuple[QueryField, ...] = (
    QueryField("person", "text", "people", 'person:"Võ Thị Ánh Xuân"',
               "a person shown in the photo (confirmed, not only suggested)"),
    QueryField("event", "text", "event", 'event:"hội nghị thi đua"', "the photo's event"),
    QueryField("article", "text", "article", "article:bão", "the title of an article using the photo"),
    QueryField("keyword", "text", "keywords", "keyword:lũ", "a keyword"),
    QueryField("caption", "text", "caption", 'caption:"phát biểu"', "the caption"),
    QueryField("headline", "text", "headline", "headline:tết", "the headline or title"),
    QueryField("creator", "text", "creator", 'creator:"Ngọc Hà"', "the photographer"),
    QueryField("credit", "text", "credit", "credit:ttxvn", "the credit line or source"),
    QueryField("place", "text", "place", 'place:"lào cai"', "sublocation, city, province, country"),
    QueryField("camera", "text", "camera", "camera:r6", "camera make and model"),
    QueryField("lens", "text", "lens", "lens:70-200", "the lens"),
    QueryField("folder", "text", "folder", 'folder:"/photos/2024"',
               "the folder: a path from / means that folder and those inside it"),
    QueryField("file", "text", "name", "file:IMG_6193", "the file name"),
    QueryField("date", "date", None, "date:2024-01..2024-03",
               "date taken: 2024-02-28, 28/2/2024, 2024-02, 2024, a range with .., today, "
               "yesterday, -7d (-2w, -3m, -1y: the time since)"),
    QueryField("indexed", "indexed", None, "indexed:-7d", "date indexed, written like date:"),
    QueryField("rating", "rating", None, "rating:>=3", "stars: 3, >=3, <2, 2..4 (0: none)"),
    QueryField("label", "label", None, "label:red",
               "colour label: red, yellow, green, blue, purple (or as written in the file)"),
    QueryField("pick", "pick", None, "pick:yes", "yes (picked), no, reject"),
    QueryField("status", "status", None, "status:missing", ", ".join(catalog.photos.STATUSES)),
    QueryField("has", "has", None, "-has:caption",
               "the photo has a caption, headline, credit, creator, keyword, gps, people, "
               "event, article, label or rating"),
    QueryField("similar", "similar", None, "similar:1234",
               "the photo 1234 and those that look like it: copies resized, re-compressed or "
               "cropped a little (similar:\"/path/file.jpg\": any image file's look-alikes; "
               "-has:original hides the photos marked as copies)"),
)
BY_NAME = {f.name: f for f in QUERY_FIELDS}
ALIASES = {"people": "person", "keywords": "keyword", "tag": "keyword", "taken": "date",
           "name": "file", "title": "headline", "color": "label", "colour": "label",
           "source": "credit", "city": "place"}

# Colour labels as XMP writers spell them, English first (Lightroom, Photo Mechanic) and Vietnamese.
COLOURS = {
    "red": ("Red", "Đỏ", "đỏ"), "yellow": ("Yellow", "Vàng", "vàng"),
    "green": ("Green", "Xanh lá", "xanh lá"), "blue": ("Blue", "Xanh dương", "xanh dương"),
    "purple": ("Purple", "Tím", "tím"),
}
_COLOUR_WORDS = {**{c: c for c in COLOURS}, "do": "red", "vang": "yellow", "xanh la": "green",
                 "xanh duong": "blue", "xanh": "blue", "tim": "purple"}
PICKS = {"yes": 1, "picked": 1, "pick": 1, "true": 1, "1": 1, "no": 0, "none": 0, "false": 0,
         "0": 0, "reject": -1, "rejected": -1, "-1": -1}
HAS = {"caption": "caption", "headline": "headline", "credit": "credit", "creator": "creator",
       "keyword": "keyword", "keywords": "keyword", "gps": "gps", "people": "people",
       "person": "people", "event": "event", "article": "article", "label": "label",
       "rating": "rating", "original": "original"}
_RATING = re.compile(r"(>=|<=|>|<|=)?(-?\d)")
_RATING_RANGE = re.compile(r"(-?\d)\.\.(-?\d)")
RATINGS = range(-1, 6)


class BadValue(ValueError):
    """A field value that cannot be read; the message is the user's."""


def lookup(name: str) -> QueryField | None:
    return BY_NAME.get(ALIASES.get(name, name))


def read(field: QueryField, value: str, quoted: bool, today: date) -> Node:
    """The tree node for field:value."""
    if not value.strip():
        raise BadValue(f"{field.name}: needs a value, e.g. {field.example}")
    if field.kind == "text":
        return _text(field, value, quoted)
    return Fact(field.name, _READERS[field.kind](value.strip(), today))


def _text(field: QueryField, value: str, quoted: bool) -> Text:
    found = tuple(words(value))
    if not found:
        raise BadValue(f'{field.name}:{value} has no letters or digits to search for')
    anchored = field.name == "folder" and value.lstrip().startswith("/")
    path = value.strip().rstrip("/") or "/" if anchored else None
    return Text(found, field.column, phrase=quoted, anchored=anchored, path=path)


def _dates(value: str, today: date):
    try:
        return date_range(value, today)
    except DateError as exc:
        raise BadValue(str(exc)) from None


def _rating(value: str, today: date) -> tuple[int | None, int | None]:
    if m := _RATING_RANGE.fullmatch(value):
        low, high = int(m.group(1)), int(m.group(2))
    elif m := _RATING.fullmatch(value):
        n, op = int(m.group(2)), m.group(1) or "="
        low, high = {"=": (n, n), ">=": (n, None), ">": (n + 1, None), "<=": (None, n),
                     "<": (None, n - 1)}[op]
    else:
        raise BadValue(f'rating:{value} is not a rating (use 3, >=3, <2 or 2..4)')
    if any(v is not None and v not in RATINGS for v in (low, high)) or (
            low is not None and high is not None and low > high):
        raise BadValue(f"rating:{value} is outside the ratings -1 to 5")
    return low, high


def _label(value: str, today: date) -> tuple[str, ...]:
    colour = _COLOUR_WORDS.get(" ".join(words(value)))
    spellings = COLOURS[colour] if colour else ()
    return tuple(dict.fromkeys((*spellings, value)))


def _pick(value: str, today: date) -> int:
    pick = PICKS.get(fold(value))
    if pick is None:
        raise BadValue(f"pick:{value} is not yes, no or reject")
    return pick


def _status(value: str, today: date) -> str:
    status = fold(value)
    if status not in catalog.photos.STATUSES:
        raise BadValue(f"status:{value} is not one of {', '.join(catalog.photos.STATUSES)}")
    return status


def _has(value: str, today: date) -> str:
    what = HAS.get(fold(value))
    if what is None:
        raise BadValue(f"has:{value} is not one of {', '.join(sorted(set(HAS.values())))}")
    return what


def _similar(value: str, today: date) -> int | str:
    """A photo id, or the path of an image file (a catalog photo's, or any other)."""
    if value.isdigit():
        return int(value)
    if value.startswith(("/", "~")):
        return str(Path(value).expanduser())
    raise BadValue(f"similar:{value} is not a photo id or a file's path (from /)")


_READERS = {"date": _dates, "indexed": _dates, "rating": _rating, "label": _label,
            "pick": _pick, "status": _status, "has": _has, "similar": _similar}
