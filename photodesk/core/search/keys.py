"""Search keys: each photo's row number in the search index, in the order its photos were taken.

The full-text index walks its rows by number, newest first, and stops after a page; so if the
number follows the date taken, the first page of a common word costs the same as a rare one,
and a date range is a range of numbers. A dated photo's key is the second it was taken
(wall clock, as the camera wrote it) shifted left by TIE_BITS, plus its id in the low bits to
tell photos of the same second apart; an undated photo's key is its id, below every dated key.
"""

import re
from datetime import datetime, timedelta

TIE_BITS = 20
DATED = 1 << 40  # above every photo id: undated photos sort after (older than) dated ones
HIGHEST = 1 << 62
_EPOCH = datetime(1, 1, 1)
_PARTIAL = re.compile(r"\d{4}(-\d{2})?")


def taken(taken_at: str | None, date_created: str | None) -> datetime | None:
    """When the photo was taken, as its camera's clock said (the date created if no EXIF date)."""
    for text in (taken_at, date_created):
        when = _moment(text)
        if when is not None:
            return when
    return None


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    text = text.strip()
    if _PARTIAL.fullmatch(text):  # IPTC allows a year, or a year and month, alone
        text = (text + "-01-01")[:10]
    try:
        when = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None
    return when.replace(tzinfo=None, microsecond=0)


def of_moment(when: datetime) -> int:
    """The lowest key of the second `when` falls in."""
    seconds = int((when - _EPOCH).total_seconds())
    return DATED + (seconds << TIE_BITS)


def moment(key: int) -> datetime | None:
    """The second a dated key stands for; None for an undated photo."""
    if key < DATED:
        return None
    return _EPOCH + timedelta(seconds=(key - DATED) >> TIE_BITS)


def day(key: int) -> int:
    """The proleptic Gregorian ordinal (date.fromordinal) of the day of a dated key."""
    return ((key - DATED) >> TIE_BITS) // 86_400 + 1


def wanted(photo_id: int, when: datetime | None) -> int:
    """The key a photo would like; another photo of the same second may hold it already."""
    if when is None:
        return photo_id
    return of_moment(when) + (photo_id & ((1 << TIE_BITS) - 1))


def same_place(key: int, photo_id: int, when: datetime | None) -> bool:
    """Whether an existing key still sorts the photo where its date says."""
    if when is None:
        return key == photo_id
    return of_moment(when) <= key < of_moment(when) + (1 << TIE_BITS)


def key_range(start: datetime | None, end: datetime | None) -> tuple[int, int]:
    """Keys of photos taken in [start, end): half-open, both bounds set."""
    low = of_moment(start) if start is not None else DATED
    high = of_moment(end) if end is not None else HIGHEST
    return low, high
