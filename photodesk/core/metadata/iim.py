"""IPTC IIM datasets and the Photoshop resource block that carries them, read and written byte-exact.

We write IIM ourselves rather than through exiv2: exiv2 re-serialises every dataset it parsed
(adding a time zone to TimeCreated, for one), and the datasets we do not own must stay as they were.
"""

import hashlib

from photodesk.core.fields import IIM_CHARSET, IIM_UTF8
from photodesk.core.metadata.charset import decode_iim, iim_codec
from photodesk.core.metadata.jpeg import PHOTOSHOP_SIG
from photodesk.core.metadata.values import Cut, iim_values

RESOURCE_TYPES = (b"8BIM", b"PHUT", b"AgHg", b"DCSR", b"MeSa")
IPTC_RESOURCE = 0x0404
DIGEST_RESOURCE = 0x0425
SEGMENT_ROOM = 0xFFFF - 2 - len(PHOTOSHOP_SIG)

# pyexiv2 key -> (record, dataset), for the keys the field table names.
DATASETS = {
    IIM_CHARSET: (1, 90), "Iptc.Application2.ObjectName": (2, 5),
    "Iptc.Application2.Keywords": (2, 25), "Iptc.Application2.DateCreated": (2, 55),
    "Iptc.Application2.TimeCreated": (2, 60), "Iptc.Application2.Byline": (2, 80),
    "Iptc.Application2.City": (2, 90), "Iptc.Application2.SubLocation": (2, 92),
    "Iptc.Application2.ProvinceState": (2, 95), "Iptc.Application2.CountryName": (2, 101),
    "Iptc.Application2.Headline": (2, 105), "Iptc.Application2.Credit": (2, 110),
    "Iptc.Application2.Source": (2, 115), "Iptc.Application2.Copyright": (2, 116),
    "Iptc.Application2.Caption": (2, 120),
}
BINARY = {(1, 0), (1, 20), (1, 22), (1, 120), (1, 122), (2, 0), (2, 200), (2, 201), (2, 202)}
VERSION = (4).to_bytes(2, "big")

Dataset = tuple[int, int, bytes]


class IimError(ValueError):
    """The IIM block or the Photoshop block around it is not well formed."""


# --- IIM datasets ------------------------------------------------------------------------

def parse_iim(block: bytes) -> list[Dataset]:
    out, pos = [], 0
    while pos < len(block):
        if block[pos] != 0x1C:
            if not block[pos:].strip(b"\x00"):
                break  # zero padding after the last dataset
            raise IimError(f"no IIM tag marker at byte {pos}")
        if pos + 5 > len(block):
            raise IimError("IIM dataset header cut short")
        record, number = block[pos + 1], block[pos + 2]
        size, pos = int.from_bytes(block[pos + 3:pos + 5], "big"), pos + 5
        if size & 0x8000:  # extended length: the next (size & 0x7FFF) bytes hold it
            width = size & 0x7FFF
            size, pos = int.from_bytes(block[pos:pos + width], "big"), pos + width
        if pos + size > len(block):
            raise IimError(f"IIM dataset {record}:{number} runs past the block")
        out.append((record, number, block[pos:pos + size]))
        pos += size
    return out


def encode_iim(datasets: list[Dataset]) -> bytes:
    parts = []
    for record, number, value in datasets:
        if len(value) < 0x8000:
            head = len(value).to_bytes(2, "big")
        else:
            head = (0x8004).to_bytes(2, "big") + len(value).to_bytes(4, "big")
        parts.append(bytes([0x1C, record, number]) + head + value)
    return b"".join(parts)


def decoded(datasets: list[Dataset]) -> dict[tuple[int, int], list[str]]:
    """Text of each dataset, decoded by the block's own character-set marker."""
    marker = next((v for r, n, v in datasets if (r, n) == DATASETS[IIM_CHARSET]), None)
    codec = iim_codec(marker.decode("latin-1")) if marker is not None else None
    out: dict[tuple[int, int], list[str]] = {}
    for r, n, v in datasets:
        if (r, n) not in BINARY:
            out.setdefault((r, n), []).append(decode_iim(v, codec))
    return out


def updated(datasets: list[Dataset], values: dict) -> tuple[list[Dataset], list[Cut]]:
    """The datasets with values (field name -> normalised value) written as UTF-8.

    Datasets we do not own keep their bytes and order; when the block was in another character
    set, their text is re-encoded so the UTF-8 marker tells the truth about every dataset."""
    by_key, cuts = iim_values(values)
    ours = {DATASETS[k]: _encoded(k, v) for k, v in by_key.items()}
    ours[DATASETS[IIM_CHARSET]] = [IIM_UTF8.encode("ascii")]
    marker = next((v for r, n, v in datasets if (r, n) == DATASETS[IIM_CHARSET]), None)
    codec = iim_codec(marker.decode("latin-1")) if marker is not None else None
    kept = [(r, n, _reencoded(r, n, v, codec)) for r, n, v in datasets]
    out, placed = [], set()
    for r, n, v in kept:
        if (r, n) in ours:
            if (r, n) not in placed:
                out += [(r, n, item) for item in ours[(r, n)]]
                placed.add((r, n))
            continue
        out.append((r, n, v))
    for key in sorted(set(ours) - placed):
        out = _inserted(out, key, ours[key])
    return _with_versions(out), cuts


def _encoded(key: str, value) -> list[bytes]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    if key == "Iptc.Application2.DateCreated":
        return [item.replace("-", "").encode("ascii") for item in items]
    if key == "Iptc.Application2.TimeCreated":
        return [item.replace(":", "").encode("ascii") for item in items]
    return [item.encode("utf-8") for item in items]


def _reencoded(record: int, number: int, value: bytes, codec: str | None) -> bytes:
    if codec == "utf-8" or record != 2 or (record, number) in BINARY or value.isascii():
        return value
    return decode_iim(value, codec).encode("utf-8")


def _inserted(datasets: list[Dataset], key: tuple[int, int], values: list[bytes]) -> list:
    """Put a new dataset in number order within its record, records in order."""
    new = [(key[0], key[1], v) for v in values]
    for i, (r, n, _) in enumerate(datasets):
        if (r, n) > key:
            return datasets[:i] + new + datasets[i:]
    return datasets + new


def _with_versions(datasets: list[Dataset]) -> list[Dataset]:
    """Records 1 and 2 must each begin with their version dataset (IIM 4: value 4)."""
    for record in (1, 2):
        present = any(r == record for r, _, _ in datasets)
        if present and not any((r, n) == (record, 0) for r, n, _ in datasets):
            datasets = _inserted(datasets, (record, 0), [VERSION])
    return datasets


# --- the Photoshop image-resource block ---------------------------------------------------

Resource = tuple[bytes, int, bytes, bytes]  # type, id, padded Pascal name, data


def parse_resources(irb: bytes) -> list[Resource]:
    out, pos = [], 0
    while pos < len(irb):
        if irb[pos:pos + 4] not in RESOURCE_TYPES:
            if not irb[pos:].strip(b"\x00"):
                break
            raise IimError(f"Photoshop resource block not understood at byte {pos}")
        if pos + 8 > len(irb):
            raise IimError("Photoshop resource header cut short")
        rid, name_len = int.from_bytes(irb[pos + 4:pos + 6], "big"), irb[pos + 6]
        name_end = pos + 6 + ((name_len + 2) & ~1)
        size = int.from_bytes(irb[name_end:name_end + 4], "big")
        start = name_end + 4
        if start + size > len(irb):
            raise IimError(f"Photoshop resource {rid:#06x} runs past the block")
        out.append((irb[pos:pos + 4], rid, irb[pos + 6:name_end], irb[start:start + size]))
        pos = start + size + (size & 1)
    return out


def encode_resources(resources: list[Resource]) -> bytes:
    return b"".join(kind + rid.to_bytes(2, "big") + name + len(data).to_bytes(4, "big") + data
                    + (b"\x00" if len(data) & 1 else b"") for kind, rid, name, data in resources)


def irb_of(payloads: list[bytes]) -> bytes:
    """One resource block from the payloads of consecutive APP13 segments (each signed)."""
    return b"".join(p[len(PHOTOSHOP_SIG):] for p in payloads)


def iim_block(resources: list[Resource]) -> bytes | None:
    return next((d for k, rid, _, d in resources if k == b"8BIM" and rid == IPTC_RESOURCE), None)


def with_iim(resources: list[Resource], block: bytes) -> list[Resource]:
    """Resources with the IIM block replaced (or added) and IPTCDigest brought up to date,
    as exiftool does: a stale digest tells readers the IIM changed behind XMP's back."""
    out, placed = [], False
    for kind, rid, name, data in resources:
        if kind == b"8BIM" and rid == IPTC_RESOURCE:
            if not placed:
                out.append((kind, rid, name, block))
                placed = True
            continue
        if kind == b"8BIM" and rid == DIGEST_RESOURCE and len(data) == 16:
            data = hashlib.md5(block).digest()
        out.append((kind, rid, name, data))
    if not placed:
        out.append((b"8BIM", IPTC_RESOURCE, b"\x00\x00", block))
    return out


def segment_payloads(irb: bytes) -> list[bytes]:
    """The resource block cut into APP13 payloads that each fit a JPEG segment."""
    return [PHOTOSHOP_SIG + irb[i:i + SEGMENT_ROOM] for i in range(0, len(irb), SEGMENT_ROOM)] \
        or [PHOTOSHOP_SIG]
