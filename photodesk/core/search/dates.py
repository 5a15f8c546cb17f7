"""Reading the date values of a query: a day, a month, a year, a range, today, -7d."""

import re
from datetime import date, datetime, timedelta

HINT = ("use a day 2024-02-28 or 28/2/2024, a month 2024-02, a year 2024, a range "
        "2024-01..2024-03, today, yesterday, or -7d, -2w, -3m, -1y for the time since")
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_MY = re.compile(r"(\d{1,2})/(\d{4})")
_AGO = re.compile(r"-(\d{1,4})([dwmy])")

Range = tuple[datetime | None, datetime | None]  # half-open [start, end); None is unbounded


class DateError(ValueError):
    pass


def date_range(value: str, today: date) -> Range:
    """The moments a date value covers, as naive wall-clock times."""
    text = value.strip().lower()
    if ".." in text:
        first, _, last = text.partition("..")
        start = _span(first, today)[0] if first else None
        end = _span(last, today)[1] if last else None
        if start is None and end is None:
            raise DateError(f'"{value}" has no date on either side of ..')
        if start is not None and end is not None and start >= end:
            raise DateError(f'"{value}" ends before it starts')
        return start, end
    return _span(text, today)


def _span(text: str, today: date) -> tuple[datetime, datetime]:
    try:
        return _read(text, today)
    except (ValueError, OverflowError):
        raise DateError(f'"{text}" is not a date ({HINT})') from None


def _read(text: str, today: date) -> tuple[datetime, datetime]:
    if text in ("today", "yesterday"):
        day = today - timedelta(days=1 if text == "yesterday" else 0)
        return _day(day.year, day.month, day.day)
    if m := _AGO.fullmatch(text):
        return _since(int(m.group(1)), m.group(2), today), _midnight(today + timedelta(days=1))
    if m := _ISO.fullmatch(text):
        year, month, day = (int(g) if g else None for g in m.groups())
    elif m := _DMY.fullmatch(text):
        day, month, year = map(int, m.groups())
    elif m := _MY.fullmatch(text):
        month, year = map(int, m.groups())
        day = None
    else:
        raise ValueError(text)
    if month is None:
        return datetime(year, 1, 1), datetime(year + 1, 1, 1)
    if day is None:
        start = datetime(year, month, 1)
        return start, _next_month(start)
    return _day(year, month, day)


def _day(year: int, month: int, day: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, day)
    return start, start + timedelta(days=1)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _next_month(start: datetime) -> datetime:
    return datetime(start.year + start.month // 12, start.month % 12 + 1, 1)


def _since(n: int, unit: str, today: date) -> datetime:
    if unit in "dw":
        return _midnight(today - timedelta(days=n * (7 if unit == "w" else 1)))
    months = today.year * 12 + today.month - 1 - n * (12 if unit == "y" else 1)
    year, month = divmod(months, 12)
    first = date(year, month + 1, 1)
    last_day = (_next_month(_midnight(first)) - timedelta(days=1)).day
    return datetime(year, month + 1, min(today.day, last_day))
