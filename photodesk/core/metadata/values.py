"""Catalog values as XMP and IPTC IIM values: list splitting, dates, and IIM byte limits."""

import re
import unicodedata
from dataclasses import dataclass

from photodesk.core.fields import BY_NAME, FIELDS, IIM_TIME_CREATED, Field, Kind

X_DEFAULT = 'lang="x-default"'
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
                      r"(Z|[+-]\d{2}:?\d{2})?)?$")
WRITABLE: tuple[Field, ...] = tuple(f for f in FIELDS if f.editable and (f.xmp or f.iim))


@dataclass(frozen=True)
class Cut:
    """An IIM value shortened to its byte limit (XMP keeps the whole text)."""
    field: str
    limit: int
    original: str
    kept: str

    @property
    def message(self) -> str:
        size = len(self.original.encode("utf-8"))
        tail = self.kept[-30:]
        return (f"{BY_NAME[self.field].label}: {size} bytes, over the IPTC IIM limit of "
                f"{self.limit}; IIM gets the first {len(self.kept.encode('utf-8'))} bytes "
                f"(ending …{tail!r}), XMP the full text")


def normalised(field: Field, value):
    """The catalog value as the file should hold it: lists as lists, empty as None."""
    if value is None:
        return None
    if field.kind in (Kind.BAG, Kind.SEQ):
        items = value.split(";") if isinstance(value, str) else list(value)
        items = [unicodedata.normalize("NFC", str(i)).strip() for i in items]
        return [i for i in dict.fromkeys(items) if i] or None
    if field.kind is Kind.NUMBER:
        number = float(value)
        return int(number) if number.is_integer() else number
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text or None


def fit(text: str, limit: int) -> str:
    """The longest start of text that fits limit UTF-8 bytes, cut between whole characters."""
    text = unicodedata.normalize("NFC", text)
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return text
    kept = raw[:limit].decode("utf-8", "ignore")
    # A combining mark left behind would change the last letter kept: drop that letter too.
    while kept and len(kept) < len(text) and unicodedata.combining(text[len(kept)]):
        kept = kept[:-1]
    return kept


def iim_values(values: dict) -> tuple[dict, list[Cut]]:
    """pyexiv2 IIM values for the fields in values (None deletes), and what had to be cut."""
    out, cuts = {}, []
    for name, value in values.items():
        f = BY_NAME[name]
        if not f.iim:
            continue
        if f.kind is Kind.DATE:
            out.update(_iim_date(value))
            continue
        if value is None:
            out[f.iim] = None
            continue
        items = value if isinstance(value, list) else [str(value)]
        fitted = []
        for item in items:
            kept = fit(item, f.iim_limit) if f.iim_limit else item
            if kept != item:
                cuts.append(Cut(name, f.iim_limit, item, kept))
            if kept:
                fitted.append(kept)
        if f.kind in (Kind.BAG, Kind.SEQ):
            out[f.iim] = fitted or None
        else:
            out[f.iim] = fitted[0] if fitted else None
    return out, cuts


def _iim_date(value) -> dict:
    """DateCreated and TimeCreated from an ISO date; a partial date has no IIM form."""
    date_key = BY_NAME["date_created"].iim
    match = ISO_DATE.match(str(value)) if value else None
    if not match:
        return {date_key: None, IIM_TIME_CREATED: None}
    y, m, d, hh, mm, ss, tz = match.groups()
    out = {date_key: f"{y}-{m}-{d}", IIM_TIME_CREATED: None}
    if hh:
        zone = "+00:00" if tz in (None, "Z") else tz[:3] + ":" + tz[-2:]
        out[IIM_TIME_CREATED] = f"{hh}:{mm}:{ss or '00'}{zone}"
    return out


def iim_date_ok(value) -> bool:
    return value is None or bool(ISO_DATE.match(str(value)))


def catalog_values(row: dict, names) -> dict:
    """The values of a catalog photo row for the named fields, normalised for writing."""
    return {n: normalised(BY_NAME[n], row.get(n)) for n in names}
