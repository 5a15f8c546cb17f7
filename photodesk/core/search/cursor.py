"""Opaque page cursors: where the last page ended, in the terms of its sort order."""

import base64
import binascii
import json

from photodesk.core.search.syntax import QueryError


def encode(sort: str, *values) -> str:
    data = json.dumps([sort, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def decode(cursor: str, sort: str) -> list:
    """The values encode() was given after the sort name; QueryError if the cursor is not one
    of this sort order's."""
    try:
        padded = cursor.strip() + "=" * (-len(cursor.strip()) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeError):
        raise QueryError(f"{cursor[:40]!r} is not a page cursor") from None
    if not isinstance(data, list) or not data or data[0] != sort:
        raise QueryError(f"this cursor does not belong to a search sorted by {sort}")
    return data[1:]
