"""Caption sets as CSV, JSON and the plain-text caption sheet wires take."""

import csv
import io
import json

from photodesk.core.export.records import COLUMNS, flat

BOM = "\ufeff"


def to_csv(records: list[dict], *, bom: bool = False) -> bytes:
    """UTF-8 CSV, one photo a row; with bom Excel opens it with Vietnamese intact."""
    columns = list(COLUMNS) + (["text"] if records and "text" in records[0] else [])
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for r in records:
        writer.writerow([_cell(flat(r.get(c))) for c in columns])
    return ((BOM if bom else "") + buf.getvalue()).encode("utf-8")


def _cell(text: str) -> str:
    # A cell starting with = + - @ is a formula to Excel: quote it so it stays text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_json(records: list[dict], *, title: str | None = None) -> bytes:
    doc = {"title": title, "photos": records}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_sheet(records: list[dict], *, bom: bool = False) -> bytes:
    """Per photo: the file name, then its caption and credit (or the template's text), then a
    blank line: the caption sheet wire desks paste from."""
    blocks = []
    for r in records:
        if "text" in r:
            body = r["text"].strip()
        else:
            body = "\n".join(filter(None, [(r.get("caption") or "").strip(),
                                           f"Ảnh: {r['credit']}" if r.get("credit") else ""]))
        blocks.append(f"{r['filename']}\n{body}".rstrip() + "\n")
    return ((BOM if bom else "") + "\n".join(blocks)).encode("utf-8")
