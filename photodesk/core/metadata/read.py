"""Reading a photo's metadata from its bytes: EXIF via exifread, IIM and XMP via pyexiv2."""

import io
import logging
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction

import exifread
import pyexiv2

from photodesk.core.fields import (
    EXIF_FACTS, FIELDS, IIM_CHARSET, IIM_TIME_CREATED, Field, Kind,
)
from photodesk.core.metadata.charset import decode_iim, iim_codec
from photodesk.core.metadata.exiv2 import packet_properties
from photodesk.core.metadata.xmpedit import utf8

logging.getLogger("exifread").setLevel(logging.CRITICAL)
# Reading never writes, so exiv2's warnings on odd files are noise here; failures still raise.
pyexiv2.set_log_level(4)


@dataclass
class Metadata:
    """What a file says about itself: editable fields, camera facts, and what went wrong reading it."""
    fields: dict[str, object] = field(default_factory=dict)
    facts: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def read_metadata(data: bytes, sidecar: bytes | None = None) -> Metadata:
    """What the file says; sidecar (the packet of the photo's own XMP sidecar, see
    sidecar.read_sidecar) comes first for every field it holds, as it holds the later edits."""
    meta = Metadata()
    exif = _read_exif(data, meta.warnings)
    iim, xmp = _read_iim_xmp(data, meta.warnings)
    side = _read_sidecar(sidecar, meta.warnings) if sidecar else {}
    meta.facts = _facts(exif)
    for f in FIELDS:
        value = _clean(_from_xmp(f, side))
        if value in (None, "", []):
            value = _field_value(f, xmp, iim, exif)
        if value not in (None, "", []):
            meta.fields[f.name] = value
    return meta


def _read_sidecar(packet: bytes, warnings: list[str]) -> dict:
    try:
        return packet_properties(utf8(packet))
    except Exception as exc:  # exiv2 raises its own kinds; a bad sidecar must not hide the photo
        warnings.append(f"XMP sidecar unreadable: {exc}")
        return {}


def _read_exif(data: bytes, warnings: list[str]) -> dict:
    try:
        return exifread.process_file(io.BytesIO(data), details=False, extract_thumbnail=False)
    except Exception as exc:  # exifread raises many kinds on damaged blocks
        warnings.append(f"EXIF unreadable: {exc.__class__.__name__}: {exc}")
        return {}


def _read_iim_xmp(data: bytes, warnings: list[str]) -> tuple[dict, dict]:
    try:
        image = pyexiv2.ImageData(data)
    except Exception as exc:
        warnings.append(f"IPTC/XMP unreadable: {exc}")
        return {}, {}
    try:
        iim = _decoded_iim(image, warnings)
        try:
            xmp = image.read_xmp()
        except Exception as exc:
            warnings.append(f"XMP unreadable: {exc}")
            xmp = {}
        return iim, xmp
    finally:
        image.close()


def _decoded_iim(image, warnings: list[str]) -> dict:
    # Latin-1 maps every byte to one code point, so this recovers the raw bytes exactly.
    try:
        raw = image.read_iptc(encoding="latin-1")
    except Exception as exc:
        warnings.append(f"IPTC unreadable: {exc}")
        return {}
    codec = iim_codec(raw.pop(IIM_CHARSET, None))

    def dec(v: str) -> str:
        return decode_iim(v.encode("latin-1"), codec)

    return {k: [dec(x) for x in v] if isinstance(v, list) else dec(v) for k, v in raw.items()}


def _field_value(f: Field, xmp: dict, iim: dict, exif: dict):
    for value in (_from_xmp(f, xmp), _from_iim(f, iim), _from_exif(f, exif)):
        value = _clean(value)
        if value not in (None, "", []):
            return value
    return None


def _from_xmp(f: Field, xmp: dict):
    if not f.xmp or f.xmp not in xmp:
        return None
    value = xmp[f.xmp]
    if isinstance(value, dict):  # LangAlt
        return value.get('lang="x-default"') or next(iter(value.values()), None)
    if f.kind in (Kind.BAG, Kind.SEQ):
        return value if isinstance(value, list) else [value]
    if f.kind is Kind.NUMBER:
        try:
            return float(value)
        except (TypeError, ValueError):
            return None
    if isinstance(value, list):
        return "; ".join(value)
    return value


def _from_iim(f: Field, iim: dict):
    if not f.iim or f.iim not in iim:
        return None
    value = iim[f.iim]
    if f.kind is Kind.DATE:
        time = iim.get(IIM_TIME_CREATED)
        return f"{value}T{time}" if time else value
    if f.kind in (Kind.BAG, Kind.SEQ):
        return value if isinstance(value, list) else [value]
    if isinstance(value, list):
        return "; ".join(value)
    return value


def _from_exif(f: Field, exif: dict):
    if not f.exif or f.exif not in exif:
        return None
    text = _exif_text(exif[f.exif])
    return [text] if f.kind in (Kind.BAG, Kind.SEQ) and text else text


def _clean(value):
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value.replace("\x00", "")).strip()
        return value or None
    if isinstance(value, list):
        return [v for v in (_clean(x) for x in value) if v]
    return value


def _exif_text(tag) -> str | None:
    values = getattr(tag, "values", None)
    if isinstance(values, bytes):
        return values.decode("utf-8", errors="replace").strip("\x00 ") or None
    text = str(values if isinstance(values, str) else tag).strip("\x00 ")
    return text or None


def _facts(exif: dict) -> dict:
    facts: dict[str, object] = {}
    get = {name: exif.get(tag) for name, tag in EXIF_FACTS.items()}
    if get["taken_at"] or exif.get("Image DateTime"):
        facts["taken_at"] = _exif_datetime(get["taken_at"] or exif.get("Image DateTime"))
    for name in ("make", "model", "lens"):
        if get[name]:
            facts[name] = _exif_text(get[name])
    if get["exposure"]:
        facts["exposure"] = str(get["exposure"])
    facts["aperture"] = _number(get["aperture"])
    facts["focal_length"] = _number(get["focal_length"])
    facts["iso"] = _integer(get["iso"])
    facts["orientation"] = _integer(get["orientation"])
    facts.update(_gps(exif))
    return {k: v for k, v in facts.items() if v not in (None, "")}


def _first(tag):
    values = getattr(tag, "values", None)
    if isinstance(values, list) and values:
        return values[0]
    return None


def _number(tag) -> float | None:
    value = _first(tag)
    try:
        return round(float(Fraction(value.num, value.den)) if hasattr(value, "den") else float(value), 4)
    except (TypeError, ValueError, ZeroDivisionError):
        return None


def _integer(tag) -> int | None:
    value = _first(tag)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _exif_datetime(tag) -> str | None:
    text = _exif_text(tag)
    if not text or len(text) < 10 or text.startswith("0000"):
        return None
    date, _, time = text.partition(" ")
    date = date.replace(":", "-")
    return f"{date}T{time}" if time.strip() else date


def _gps(exif: dict) -> dict:
    lat = _dms(exif.get("GPS GPSLatitude"), exif.get("GPS GPSLatitudeRef"), "S")
    lon = _dms(exif.get("GPS GPSLongitude"), exif.get("GPS GPSLongitudeRef"), "W")
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return {}
    return {"gps_lat": lat, "gps_lon": lon}


def _dms(tag, ref, negative: str) -> float | None:
    values = getattr(tag, "values", None)
    if not isinstance(values, list) or len(values) != 3:
        return None
    try:
        d, m, s = (float(Fraction(v.num, v.den)) for v in values)
    except (AttributeError, ZeroDivisionError, TypeError):
        return None
    sign = -1 if ref is not None and str(ref).strip().upper() == negative else 1
    return round(sign * (d + m / 60 + s / 3600), 7)
