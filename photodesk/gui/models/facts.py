"""Display text for a catalog row: camera facts, sizes and lists, formatted for people."""

from fractions import Fraction


def facts(row: dict) -> dict[str, str]:
    """Display text for each inspector field of a catalog row; empty fields are left out."""
    out = {key: _text(row.get(key)) for key in (
        "headline", "caption", "people", "event", "keywords", "creator", "credit", "source",
        "copyright", "lens")}
    out["place"] = ", ".join(filter(None, (row.get(k) for k in ("location", "city", "state",
                                                              "country"))))
    out["date_created"] = _when(row.get("date_created"))
    out["taken_at"] = _when(row.get("taken_at"))
    out["articles"] = "\n".join(a.get("title") or a.get("path") or ""
                                 for a in row.get("articles", []))
    out["camera"] = _camera(row.get("make"), row.get("model"))
    out["exposure"] = _shutter(row.get("exposure"))
    out["aperture"] = f"f/{row['aperture']:g}" if row.get("aperture") else ""
    out["iso"] = str(row["iso"]) if row.get("iso") else ""
    out["focal_length"] = f"{row['focal_length']:g} mm" if row.get("focal_length") else ""
    out["size"] = _size(row)
    if row.get("gps_lat") is not None and row.get("gps_lon") is not None:
        out["gps"] = f"{row['gps_lat']:.5f}, {row['gps_lon']:.5f}"
    out["warnings"] = "\n".join(row.get("warnings") or [])
    return {k: v for k, v in out.items() if v}


def _text(value) -> str:
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


def _when(value: str | None) -> str:
    return value.replace("T", " ") if value else ""


def _camera(make: str | None, model: str | None) -> str:
    make, model = (make or "").strip(), (model or "").strip()
    if make and model.lower().startswith(make.split()[0].lower()):
        return model  # "Canon" + "Canon EOS 40D" says Canon once
    return " ".join(filter(None, (make, model)))


def _shutter(value: str | None) -> str:
    if not value:
        return ""
    try:
        seconds = Fraction(value).limit_denominator(100_000)
    except (ValueError, ZeroDivisionError):
        return value
    if seconds <= 0:
        return value
    if seconds >= 1:
        return f"{float(seconds):g} s"
    return f"1/{round(1 / seconds)} s"


def _size(row: dict) -> str:
    parts = []
    if row.get("width") and row.get("height"):
        parts.append(f"{row['width']} × {row['height']} px")
    if row.get("size"):
        parts.append(_bytes(row["size"]))
    if row.get("format"):
        parts.append(row["format"])
    return " · ".join(parts)


def _bytes(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return ""
