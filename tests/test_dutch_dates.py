"""Tests for onderhandeling.dutch.dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from onderhandeling.dutch import dates as dutch_dates
from onderhandeling.dutch.dates import (
    INVALID_DATE_MESSAGE,
    MONTHS,
    format_date,
    format_datetime,
    format_month,
    parse_date,
    to_amsterdam,
)


def _real_amsterdam() -> ZoneInfo | None:
    """Return the real Europe/Amsterdam zone, or None without a time-zone database."""
    try:
        return ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:
        return None


def test_format_date_has_no_leading_zero() -> None:
    """A date is written as day, Dutch month name and year, without a leading zero."""
    assert format_date(date(2022, 10, 14)) == "14 oktober 2022"
    assert format_date(date(2023, 3, 5)) == "5 maart 2023"


def test_format_date_uses_every_month_name() -> None:
    """Every month is written with its lower-case Dutch name."""
    names = [format_date(date(2024, month, 1)).split()[1] for month in range(1, 13)]
    assert names == list(MONTHS)
    assert names[4] == "mei"


def test_format_date_puts_a_datetime_in_dutch_local_time_first() -> None:
    """A late-evening UTC moment falls on the next day in Amsterdam."""
    assert format_date(datetime(2022, 10, 14, 22, 30, tzinfo=UTC)) == "15 oktober 2022"


def test_format_month() -> None:
    """A month is written as Dutch month name and year."""
    assert format_month(date(2022, 10, 14)) == "oktober 2022"
    assert format_month(datetime(2022, 12, 31, 23, 30, tzinfo=UTC)) == "januari 2023"


def test_format_datetime_in_summer_time() -> None:
    """In summer Amsterdam is two hours ahead of UTC, and minutes keep their zero."""
    moment = datetime(2022, 10, 14, 7, 5, tzinfo=UTC)
    assert format_datetime(moment) == "14 oktober 2022, 09:05"


def test_format_datetime_in_winter_time() -> None:
    """In winter Amsterdam is one hour ahead of UTC."""
    moment = datetime(2023, 1, 2, 8, 0, tzinfo=UTC)
    assert format_datetime(moment) == "2 januari 2023, 09:00"


def test_format_datetime_treats_naive_as_utc() -> None:
    """A naive datetime is taken to be UTC, the way the application stores moments."""
    assert format_datetime(datetime(2022, 10, 14, 7, 5)) == "14 oktober 2022, 09:05"


def test_format_datetime_converts_from_other_zones() -> None:
    """An aware datetime in another zone is converted to Amsterdam time."""
    new_york_summer = timezone(timedelta(hours=-4))
    moment = datetime(2022, 7, 1, 20, 15, tzinfo=new_york_summer)
    assert format_datetime(moment) == "2 juli 2022, 02:15"


def test_format_datetime_around_the_spring_switch() -> None:
    """At 01:00 UTC on the last Sunday of March the clock jumps from 02:00 to 03:00."""
    assert format_datetime(datetime(2024, 3, 31, 0, 59, tzinfo=UTC)) == "31 maart 2024, 01:59"
    assert format_datetime(datetime(2024, 3, 31, 1, 0, tzinfo=UTC)) == "31 maart 2024, 03:00"


def test_format_datetime_around_the_autumn_switch() -> None:
    """At 01:00 UTC on the last Sunday of October the clock goes back from 03:00 to 02:00."""
    assert format_datetime(datetime(2024, 10, 27, 0, 59, tzinfo=UTC)) == "27 oktober 2024, 02:59"
    assert format_datetime(datetime(2024, 10, 27, 1, 0, tzinfo=UTC)) == "27 oktober 2024, 02:00"


def test_to_amsterdam_returns_an_aware_datetime() -> None:
    """The converted moment is aware and denotes the same instant."""
    moment = datetime(2022, 10, 14, 7, 5, tzinfo=UTC)
    local = to_amsterdam(moment)
    assert local.utcoffset() == timedelta(hours=2)
    assert local == moment


def test_fallback_rule_switch_moments() -> None:
    """The built-in CET/CEST rule switches at 01:00 UTC on the last Sundays."""
    fallback = dutch_dates._fallback_amsterdam
    assert fallback(datetime(2022, 3, 27, 0, 59, tzinfo=UTC)).utcoffset() == timedelta(hours=1)
    assert fallback(datetime(2022, 3, 27, 1, 0, tzinfo=UTC)).utcoffset() == timedelta(hours=2)
    assert fallback(datetime(2022, 10, 30, 0, 59, tzinfo=UTC)).utcoffset() == timedelta(hours=2)
    assert fallback(datetime(2022, 10, 30, 1, 0, tzinfo=UTC)).utcoffset() == timedelta(hours=1)
    assert fallback(datetime(2022, 10, 30, 1, 0, tzinfo=UTC)).tzname() == "CET"


def test_fallback_rule_matches_the_zone_database() -> None:
    """The built-in rule gives the same local time as the zone database, 1996–2037."""
    zone = _real_amsterdam()
    if zone is None:
        pytest.skip("no time-zone database on this machine")
    moment = datetime(1996, 1, 1, tzinfo=UTC)
    end = datetime(2038, 1, 1, tzinfo=UTC)
    while moment < end:
        for offset in (timedelta(0), timedelta(minutes=59), timedelta(hours=1)):
            probe = moment + offset
            expected = probe.astimezone(zone)
            got = dutch_dates._fallback_amsterdam(probe)
            assert got.replace(tzinfo=None) == expected.replace(tzinfo=None), probe
        moment += timedelta(days=1)


def test_format_datetime_uses_fallback_without_zone_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without a zone database, formatting still gives Amsterdam time."""
    monkeypatch.setattr(dutch_dates, "_AMSTERDAM", None)
    assert format_datetime(datetime(2022, 10, 14, 7, 5, tzinfo=UTC)) == "14 oktober 2022, 09:05"
    assert format_datetime(datetime(2023, 1, 2, 8, 0, tzinfo=UTC)) == "2 januari 2023, 09:00"


def test_parse_iso_date() -> None:
    """The ISO format that a date input submits is accepted."""
    assert parse_date("2022-10-14") == date(2022, 10, 14)


def test_parse_dutch_numeric_date() -> None:
    """Day-month-year with dashes is accepted, with or without leading zeros."""
    assert parse_date("14-10-2022") == date(2022, 10, 14)
    assert parse_date("1-2-2023") == date(2023, 2, 1)
    assert parse_date("01-02-2023") == date(2023, 2, 1)


def test_parse_dutch_numeric_date_with_slashes_or_dots() -> None:
    """Slashes and dots work as separators too, as long as both are the same."""
    assert parse_date("14/10/2022") == date(2022, 10, 14)
    assert parse_date("14.10.2022") == date(2022, 10, 14)
    with pytest.raises(ValueError):
        parse_date("14-10/2022")


def test_parse_dutch_written_date() -> None:
    """A date written out in Dutch is accepted, in any case and with extra spaces."""
    assert parse_date("14 oktober 2022") == date(2022, 10, 14)
    assert parse_date("  5   Maart 2023 ") == date(2023, 3, 5)
    assert parse_date("1\u00a0mei\u00a02024") == date(2024, 5, 1)


def test_parse_dutch_month_abbreviations() -> None:
    """The usual Dutch month abbreviations are accepted, with or without a full stop."""
    assert parse_date("14 okt 2022") == date(2022, 10, 14)
    assert parse_date("14 okt. 2022") == date(2022, 10, 14)
    assert parse_date("3 mrt 2023") == date(2023, 3, 3)
    assert parse_date("9 sept. 2023") == date(2023, 9, 9)


def test_parse_round_trips_formatted_dates() -> None:
    """Every formatted date of a leap year parses back to the same date."""
    day = date(2024, 1, 1)
    while day.year == 2024:
        assert parse_date(format_date(day)) == day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "morgen",
        "14-10-22",
        "2022/10/14",
        "2022-1-4",
        "14 october 2022",
        "14 oktober",
        "oktober 2022",
        "31-02-2022",
        "29-02-2023",
        "32 januari 2022",
        "0-1-2022",
        "14-13-2022",
        "00-01-0000",
        "14-10-2022 09:05",
        "١٤-١٠-٢٠٢٢",
    ],
)
def test_parse_rejects_other_input_with_a_dutch_message(text: str) -> None:
    """Anything else, including non-existent dates, raises ValueError with a Dutch hint."""
    with pytest.raises(ValueError) as excinfo:
        parse_date(text)
    assert str(excinfo.value) == INVALID_DATE_MESSAGE
    assert str(excinfo.value) == "Ongeldige datum: gebruik bijvoorbeeld 14-10-2022"
