"""Opaque page cursors: where the last page ended, in the terms of its sort order and
direction."""

import base64
import binascii
import json

from photodesk.core.search.syntax import QueryError


def encode(sort: str, descending: bool, *values) -> str:
    data = json.dumps([_tag(sort, descending), *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def decode(cursor: str, sort: str, descending: bool) -> list:
    """The values encode() was given after the sort and direction; QueryError if the cursor is
    not one of this sort order's, in this direction."""
    try:
        padded = cursor.strip() + "=" * (-len(cursor.strip()) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeError):
        raise QueryError(f"{cursor[:40]!r} is not a page cursor") from None
    if not isinstance(data, list) or not data or data[0] != _tag(sort, descending):
        if isinstance(data, list) and data and data[0] == _tag(sort, not descending):
            raise QueryError(f"this cursor belongs to a search sorted by {sort} "
                             f"{_way(not descending)}, not {_way(descending)}")
        raise QueryError(f"this cursor does not belong to a search sorted by {sort}")
    return data[1:]


def _tag(sort: str, descending: bool) -> str:
    return f"{sort} {_way(descending)}"


def _way(descending: bool) -> str:
    return "descending" if descending else "ascending"
