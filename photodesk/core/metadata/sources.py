"""What each block of a file (XMP, IIM, EXIF) says for each field, and where they disagree."""

import unicodedata
from dataclasses import dataclass

from photodesk.core.fields import FIELDS, Field, Kind
from photodesk.core.metadata.read import (  # the reader's own decoding, block by block
    _clean, _from_exif, _from_iim, _from_xmp, _read_exif, _read_iim_xmp,
)

SOURCES = ("XMP", "IIM", "EXIF")


@dataclass(frozen=True)
class Disagreement:
    field: str
    values: dict  # source -> value, only the sources that hold one

    def describe(self, width: int = 60) -> str:
        return "; ".join(f"{src} says {_short(v, width)!r}" for src, v in self.values.items())


def field_sources(data: bytes) -> dict[str, dict[str, object]]:
    """field name -> {source: value} for every field at least one block holds."""
    warnings: list[str] = []
    exif = _read_exif(data, warnings)
    iim, xmp = _read_iim_xmp(data, warnings)
    out: dict[str, dict[str, object]] = {}
    for f in FIELDS:
        found = {src: _clean(reader(f, block)) for src, reader, block in (
            ("XMP", _from_xmp, xmp), ("IIM", _from_iim, iim), ("EXIF", _from_exif, exif))}
        found = {k: v for k, v in found.items() if v not in (None, "", [])}
        if found:
            out[f.name] = found
    return out


def disagreements(data: bytes) -> list[Disagreement]:
    """Fields whose blocks hold different values (an IIM value cut at its byte limit agrees)."""
    out = []
    by_name = {f.name: f for f in FIELDS}
    for name, found in field_sources(data).items():
        if len(found) > 1 and not _agree(by_name[name], list(found.values())):
            out.append(Disagreement(name, found))
    return out


def _agree(f: Field, values: list) -> bool:
    keys = [_key(f, v) for v in values]
    first = keys[0]
    return all(_same(f, first, k) for k in keys[1:])


def _key(f: Field, value):
    if f.kind in (Kind.BAG, Kind.SEQ):
        items = value if isinstance(value, list) else [value]
        return frozenset(_text(i) for i in items)
    if f.kind is Kind.NUMBER:
        return str(value)
    return _text(value)


def _same(f: Field, a, b) -> bool:
    if a == b:
        return True
    if isinstance(a, str) and isinstance(b, str):
        if f.kind is Kind.DATE:
            return a.startswith(b) or b.startswith(a)
        # IIM keeps only the first iim_limit bytes of a longer XMP text.
        short, long_ = sorted((a, b), key=len)
        return bool(f.iim_limit) and len(short.encode()) >= f.iim_limit - 3 and \
            long_.startswith(short)
    return False


def _text(value) -> str:
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def _short(value, width: int) -> str:
    text = "; ".join(value) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"
