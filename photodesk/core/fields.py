"""The one table of metadata fields: our name, XMP path, IIM dataset and byte limit, EXIF tag."""

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    TEXT = "text"          # one string
    LANG_ALT = "lang-alt"  # XMP alternative-language text; we read and write x-default
    BAG = "bag"            # unordered list (keywords, people): rdf:Bag
    SEQ = "seq"            # ordered list (creators): rdf:Seq
    DATE = "date"          # ISO 8601 date-time
    NUMBER = "number"


@dataclass(frozen=True)
class Field:
    name: str                   # our name: catalog column, CLI flag, template variable
    label: str                  # English label; the GUI translates it
    kind: Kind = Kind.TEXT
    xmp: str | None = None      # pyexiv2 key of the XMP property
    iim: str | None = None      # pyexiv2 key of the IPTC IIM dataset
    iim_limit: int | None = None  # IIM byte limit (IPTC IIM 4.2)
    exif: str | None = None     # exifread key, the fallback when XMP and IIM are silent
    searchable: bool = False    # goes into the full-text index
    editable: bool = True       # an editor changes it (written back to files)


FIELDS: tuple[Field, ...] = (
    Field("title", "Title", Kind.LANG_ALT, "Xmp.dc.title", "Iptc.Application2.ObjectName", 64),
    Field("headline", "Headline", Kind.TEXT, "Xmp.photoshop.Headline",
          "Iptc.Application2.Headline", 256, searchable=True),
    Field("caption", "Caption", Kind.LANG_ALT, "Xmp.dc.description",
          "Iptc.Application2.Caption", 2000, "Image ImageDescription", searchable=True),
    Field("keywords", "Keywords", Kind.BAG, "Xmp.dc.subject",
          "Iptc.Application2.Keywords", 64, searchable=True),
    Field("people", "People shown", Kind.BAG, "Xmp.iptcExt.PersonInImage", searchable=True),
    Field("event", "Event", Kind.LANG_ALT, "Xmp.iptcExt.Event", searchable=True),
    Field("creator", "Creator", Kind.SEQ, "Xmp.dc.creator",
          "Iptc.Application2.Byline", 32, "Image Artist", searchable=True),
    Field("credit", "Credit", Kind.TEXT, "Xmp.photoshop.Credit", "Iptc.Application2.Credit", 32),
    Field("source", "Source", Kind.TEXT, "Xmp.photoshop.Source", "Iptc.Application2.Source", 32),
    Field("copyright", "Copyright", Kind.LANG_ALT, "Xmp.dc.rights",
          "Iptc.Application2.Copyright", 128, "Image Copyright"),
    Field("date_created", "Date created", Kind.DATE, "Xmp.photoshop.DateCreated",
          "Iptc.Application2.DateCreated", 8),
    Field("location", "Sublocation", Kind.TEXT, "Xmp.iptc.Location",
          "Iptc.Application2.SubLocation", 32, searchable=True),
    Field("city", "City", Kind.TEXT, "Xmp.photoshop.City", "Iptc.Application2.City", 32,
          searchable=True),
    Field("state", "Province/State", Kind.TEXT, "Xmp.photoshop.State",
          "Iptc.Application2.ProvinceState", 32),
    Field("country", "Country", Kind.TEXT, "Xmp.photoshop.Country",
          "Iptc.Application2.CountryName", 64),
    Field("rating", "Rating", Kind.NUMBER, "Xmp.xmp.Rating"),
    Field("label", "Colour label", Kind.TEXT, "Xmp.xmp.Label"),
)

BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

# Camera facts: read from EXIF only, never edited.
EXIF_FACTS: dict[str, str] = {
    "taken_at": "EXIF DateTimeOriginal",
    "make": "Image Make",
    "model": "Image Model",
    "lens": "EXIF LensModel",
    "exposure": "EXIF ExposureTime",
    "aperture": "EXIF FNumber",
    "iso": "EXIF ISOSpeedRatings",
    "focal_length": "EXIF FocalLength",
    "orientation": "Image Orientation",
}

IIM_CHARSET = "Iptc.Envelope.CharacterSet"
IIM_UTF8 = "\x1b%G"
IIM_TIME_CREATED = "Iptc.Application2.TimeCreated"


def list_fields() -> tuple[Field, ...]:
    return tuple(f for f in FIELDS if f.kind in (Kind.BAG, Kind.SEQ))
