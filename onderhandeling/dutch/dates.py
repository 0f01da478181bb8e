"""Dutch date formatting and parsing for the web layer (standard library only).

Dates are shown the Dutch way, "14 oktober 2022", and moments in time in Dutch local
time (Europe/Amsterdam), "14 oktober 2022, 09:05". Parsing accepts what people type into
a Dutch form ("14-10-2022", "14 oktober 2022") as well as the ISO format that
``<input type="date">`` submits ("2022-10-14").

Naive datetimes are taken to be in UTC, the way the application stores moments. When the
IANA time-zone database is not available (no system zoneinfo and no ``tzdata`` package),
Amsterdam time falls back to the EU summer-time rule, which has held since 1996.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "INVALID_DATE_MESSAGE",
    "MONTHS",
    "format_date",
    "format_datetime",
    "format_month",
    "parse_date",
    "to_amsterdam",
]

MONTHS: tuple[str, ...] = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

INVALID_DATE_MESSAGE = "Ongeldige datum: gebruik bijvoorbeeld 14-10-2022"

# Full month names plus the usual Dutch abbreviations ("mrt", "okt", "sept").
_MONTH_BY_NAME: dict[str, int] = {name: number for number, name in enumerate(MONTHS, start=1)}
_MONTH_BY_NAME.update(
    {
        "jan": 1,
        "feb": 2,
        "mrt": 3,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "okt": 10,
        "nov": 11,
        "dec": 12,
    }
)

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_NUMERIC_DATE = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})")
_TEXT_DATE = re.compile(r"([0-9]{1,2}) ([a-z]+)\.? ([0-9]{4})")

_CET = timezone(timedelta(hours=1), "CET")
_CEST = timezone(timedelta(hours=2), "CEST")


def _load_amsterdam() -> tzinfo | None:
    """Return the Europe/Amsterdam zone, or None when no time-zone database is installed."""
    try:
        return ZoneInfo("Europe/Amsterdam")
    except (ZoneInfoNotFoundError, OSError, ValueError):
        return None


_AMSTERDAM: tzinfo | None = _load_amsterdam()


def _last_sunday(year: int, month: int) -> date:
    """Return the last Sunday of a month that has 31 days (March or October)."""
    last_day = date(year, month, 31)
    return last_day - timedelta(days=(last_day.weekday() - 6) % 7)


def _fallback_amsterdam(moment: datetime) -> datetime:
    """Convert an aware datetime to CET/CEST with the EU rule, without a zone database.

    Summer time (UTC+2) runs from 01:00 UTC on the last Sunday of March until 01:00 UTC
    on the last Sunday of October; the rest of the year is UTC+1.
    """
    utc = moment.astimezone(UTC)
    summer_start = datetime.combine(_last_sunday(utc.year, 3), datetime.min.time(), UTC)
    summer_end = datetime.combine(_last_sunday(utc.year, 10), datetime.min.time(), UTC)
    one_hour = timedelta(hours=1)
    in_summer = summer_start + one_hour <= utc < summer_end + one_hour
    return utc.astimezone(_CEST if in_summer else _CET)


def to_amsterdam(moment: datetime) -> datetime:
    """Return the moment as an aware datetime in Dutch local time; naive means UTC."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=UTC)
    if _AMSTERDAM is None:
        return _fallback_amsterdam(moment)
    return moment.astimezone(_AMSTERDAM)


def _local_date(value: date) -> date:
    """Return the calendar date in Dutch local time (datetimes are converted first)."""
    if isinstance(value, datetime):
        return to_amsterdam(value).date()
    return value


def format_date(d: date) -> str:
    """Format a date as "14 oktober 2022" (datetimes are first put in Dutch local time)."""
    local = _local_date(d)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}"


def format_datetime(dt: datetime) -> str:
    """Format a moment as "14 oktober 2022, 09:05" in Europe/Amsterdam time."""
    local = to_amsterdam(dt)
    return f"{format_date(local.date())}, {local.hour:02d}:{local.minute:02d}"


def format_month(d: date) -> str:
    """Format the month of a date as "oktober 2022"."""
    local = _local_date(d)
    return f"{MONTHS[local.month - 1]} {local.year}"


def _build_date(year: str, month: int | str, day: str) -> date:
    """Build a date from parsed parts, raising the Dutch ValueError if it does not exist."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(INVALID_DATE_MESSAGE) from None


def parse_date(text: str) -> date:
    """Parse "2022-10-14", "14-10-2022" (also with / or .) or "14 oktober 2022".

    Raises ValueError with a Dutch message for anything else, including dates that do
    not exist such as "31-02-2022".
    """
    cleaned = " ".join(text.split()).lower()
    if match := _ISO_DATE.fullmatch(cleaned):
        year, month, day = match.groups()
        return _build_date(year, month, day)
    if match := _NUMERIC_DATE.fullmatch(cleaned):
        day, _separator, month, year = match.groups()
        return _build_date(year, month, day)
    if match := _TEXT_DATE.fullmatch(cleaned):
        day, month_name, year = match.groups()
        month_number = _MONTH_BY_NAME.get(month_name)
        if month_number is not None:
            return _build_date(year, month_number, day)
    raise ValueError(INVALID_DATE_MESSAGE)
