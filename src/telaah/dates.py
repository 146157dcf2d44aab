"""Dates as news exports write them: one column, one format, read without guessing.

:func:`parse_dates` turns a column of date strings into datetimes.  It knows
the ways Indonesian news data write dates:

* ISO 8601: ``2020-02-25``, ``2020-02-25T14:30:00+07:00``, ``2020-02-25 14:30``;
* numbers with slashes, dots or hyphens, day first (the Indonesian order,
  ``25/2/2020``) or month first (what some scrapers write, ``2/25/2020 14:30``);
* month names, Indonesian or English, full or short (*Januari ... Desember*;
  *Jan, Feb, Mar, Apr, Mei, Jun, Jul, Agu/Ags, Sep, Okt, Nov, Des*), with or
  without a weekday and a time: ``Selasa, 25 Februari 2020 14:30 WIB``,
  ``25 Feb 2020``;

with an optional time zone: an offset (``+07:00``, ``Z``) or WIB, WITA, WIT
(``data/id/dates.csv`` holds the names).

A column uses one of these formats, inferred from the whole column: every
value must be written the same way.  Whether ``03/04/2020`` is the 3rd of
April or the 4th of March is decided by the column: a first number above 12
somewhere means day first, a second number above 12 means month first; when
no value tells, the column is refused and ``date_format=`` must say it.  A
value that does not parse is an error naming its row: never a silent NaT,
never a silently swapped day and month.

Time zones: a column whose dates all carry one becomes timezone-aware, in
WIB (``Asia/Jakarta``, UTC+7: Indonesian news time, so days and months are
Jakarta's); a column without any stays naive; a column that mixes the two
is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

import pandas as pd

from telaah.errors import option
from telaah.lang_id import date_names

__all__ = ["parse_dates", "DateError", "TIMEZONE"]

#: The time zone of timezone-aware dates: Western Indonesian Time (WIB, UTC+7).
TIMEZONE = "Asia/Jakarta"


class DateError(ValueError):
    """A date column could not be read as given; the message says which row and why."""

    def __init__(self, message: str, *, row: int | None = None) -> None:
        super().__init__(message)
        self.row = row


@dataclass(frozen=True)
class _Parsed:
    """One value read by a format: its fields as written (strings, or None where absent)."""

    first: str
    second: str
    year: str
    hour: str | None
    minute: str | None
    second_of_minute: str | None
    zone: str | None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    names = date_names()
    months = "|".join(sorted(map(re.escape, names["month"]), key=len, reverse=True))
    weekdays = "|".join(sorted(map(re.escape, names["weekday"]), key=len, reverse=True))
    zones = "|".join(sorted(map(re.escape, names["zone"]), key=len, reverse=True))
    zone = rf"(?:\s*(?P<zone>Z|[+-]\d{{2}}:?\d{{2}}|(?:UTC|GMT)\s*[+-]\d{{1,2}}(?::?\d{{2}})?|{zones}))?"
    time = r"(?:(?:[T ]|,?\s+(?:pukul\s+|jam\s+)?)(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<sec>\d{2})(?:\.\d+)?)?)?"
    return {
        "iso": re.compile(rf"(?P<year>\d{{4}})-(?P<first>\d{{1,2}})-(?P<second>\d{{1,2}}){time}{zone}", re.I),
        "numeric": re.compile(rf"(?P<first>\d{{1,2}})(?P<sep>[/.-])(?P<second>\d{{1,2}})(?P=sep)(?P<year>\d{{4}}){time}{zone}", re.I),
        "named": re.compile(
            rf"(?:(?:{weekdays})\.?,?\s+)?(?P<first>\d{{1,2}})[\s-]+(?P<second>{months})\.?[\s-]+(?P<year>\d{{4}}){time}{zone}", re.I
        ),
    }


_DESCRIPTIONS = {
    "iso": "ISO 8601 (2020-02-25, 2020-02-25T14:30:00+07:00)",
    "numeric": "day/month/year or month/day/year numbers (25/2/2020)",
    "named": "day, month name and year (Selasa, 25 Februari 2020 14:30 WIB)",
}


def parse_dates(
    values: Sequence[Any],
    *,
    date_format: str | None = None,
    where: Callable[[int], str] | None = None,
    column: str = "date",
) -> tuple[pd.Series, dict[int, str]]:
    """Read a column of dates written in one format; return the dates and the rows that could not be read.

    Parameters
    ----------
    values : sequence
        The column's values: strings (see the module's notes), or dates and
        datetimes already.  Missing values are problems of their row.
    date_format : str, optional
        The format as :func:`datetime.strptime` codes (``"%d/%m/%Y"``,
        ``"%d %B %Y %H:%M"``); Indonesian month and weekday names and
        WIB/WITA/WIT are understood for ``%B``/``%b``, ``%A``/``%a`` and
        ``%Z``.  By default the format is inferred from the whole column.
    where : callable, optional
        ``where(i)`` names the ``i``-th value for messages (``"row 3 (line 4)"``).
    column : str
        The column's name, for messages.

    Returns
    -------
    tuple
        ``(dates, problems)``: a datetime Series as long as ``values`` (NaT
        where a value could not be read) and ``{position: problem}`` for those
        positions.  The caller decides to raise or to skip them.

    Raises
    ------
    DateError
        When the column as a whole cannot be read without guessing: its
        values use different formats, day and month order cannot be told,
        or some dates have a time zone and others do not.

    Examples
    --------
    >>> dates, problems = parse_dates(["Selasa, 25 Februari 2020 14:30 WIB", "3 Mar 2020 08.15 WIB"])
    >>> [str(d) for d in dates], problems
    (['2020-02-25 14:30:00+07:00', '2020-03-03 08:15:00+07:00'], {})
    >>> parse_dates(["25/2/2020", "3/4/2020"])[0].dt.month.tolist()
    [2, 4]
    >>> parse_dates(["3/4/2020", "5/6/2020"])
    Traceback (most recent call last):
    ...
    telaah.dates.DateError: column 'date': cannot tell day from month: every value has both numbers at most 12 (row 1: '3/4/2020'); pass date_format='%d/%m/%Y' (day first, the Indonesian order) or date_format='%m/%d/%Y'
    """
    name = where or (lambda i: f"row {i + 1}")
    problems: dict[int, str] = {}
    strings: dict[int, str] = {}
    ready: dict[int, pd.Timestamp] = {}
    for i, value in enumerate(values):
        if isinstance(value, (pd.Timestamp, datetime, date)) and not pd.isna(value):
            ready[i] = pd.Timestamp(value)
        elif isinstance(value, str) and value.strip():
            strings[i] = value.strip()
        else:
            problems[i] = f"{column} is missing" if value is None or _is_na(value) or isinstance(value, str) else (
                f"{column} is {type(value).__name__} {value!r}, not a date"
            )
    if date_format is not None:
        parsed = _with_format(strings, date_format, problems, column=column)
    else:
        parsed = _inferred(strings, problems, name=name, column=column)
    parsed.update(ready)
    zoned = {i for i, stamp in parsed.items() if stamp.tzinfo is not None}
    if zoned and len(zoned) < len(parsed):
        with_zone, without = min(zoned), min(set(parsed) - zoned)
        raise DateError(
            f"column {column!r}: some dates have a time zone and some do not ({name(with_zone)}: "
            f"{_shown(values[with_zone])}; {name(without)}: {_shown(values[without])}); write them all the same way",
            row=without,
        )
    if zoned:
        parsed = {i: stamp.tz_convert(TIMEZONE) for i, stamp in parsed.items()}
    out = pd.Series([parsed.get(i, pd.NaT) for i in range(len(values))], dtype=f"datetime64[ns, {TIMEZONE}]" if zoned else "datetime64[ns]")
    return out, problems


def _is_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 50 else text[:47] + "..."


def _inferred(strings: dict[int, str], problems: dict[int, str], *, name: Callable[[int], str], column: str) -> dict[int, pd.Timestamp]:
    """Find the one format of the column, then read every value with it."""
    if not strings:
        return {}
    patterns = _patterns()
    first, family = next(((i, f) for i, text in strings.items() for f, p in patterns.items() if p.fullmatch(text)), (None, None))
    if family is None:  # not one value is a date of a known format
        for i, text in strings.items():
            problems[i] = f"{column} {text!r} is not a date Telaah can read; pass {option('date_format')} (strptime codes, e.g. '%d/%m/%Y')"
        return {}
    pattern = patterns[family]
    matches: dict[int, re.Match[str]] = {}
    for i, text in strings.items():
        match = pattern.fullmatch(text)
        if match is None:
            other = next((f for f, p in patterns.items() if p.fullmatch(text)), None)
            if other is not None:
                raise DateError(
                    f"column {column!r}: dates are written in more than one format: {name(first)} {strings[first]!r} is "
                    f"{_DESCRIPTIONS[family]}, {name(i)} {text!r} is {_DESCRIPTIONS[other]}; write them all the same way "
                    "or read the column as text",
                    row=i,
                )
            problems[i] = f"{column} {text!r} is not written as the column's other dates ({_DESCRIPTIONS[family]})"
        else:
            matches[i] = match
    day_first = _day_first(matches, name=name, column=column) if family == "numeric" else True
    parsed: dict[int, pd.Timestamp] = {}
    for i, match in matches.items():
        stamp = _timestamp(match, family=family, day_first=day_first)
        if isinstance(stamp, str):
            problems[i] = f"{column} {strings[i]!r}: {stamp}"
        else:
            parsed[i] = stamp
    return parsed


def _day_first(matches: dict[int, re.Match[str]], *, name: Callable[[int], str], column: str) -> bool:
    """Day or month first, as the whole column shows; refuse when it does not show."""
    over_first = next((i for i, m in matches.items() if int(m["first"]) > 12), None)
    over_second = next((i for i, m in matches.items() if int(m["second"]) > 12), None)
    if over_first is not None and over_second is not None:
        raise DateError(
            f"column {column!r}: the day comes first in some dates and second in others ({name(over_first)}: "
            f"{matches[over_first].group()!r}; {name(over_second)}: {matches[over_second].group()!r}); write them all the same way",
            row=over_second,
        )
    if over_first is None and over_second is None:
        first = min(matches)
        sep = matches[first]["sep"]
        raise DateError(
            f"column {column!r}: cannot tell day from month: every value has both numbers at most 12 "
            f"({name(first)}: {matches[first].group()!r}); pass {option('date_format', f'%d{sep}%m{sep}%Y')} (day first, the "
            f"Indonesian order) or {option('date_format', f'%m{sep}%d{sep}%Y')}",
            row=first,
        )
    return over_first is not None


def _timestamp(match: re.Match[str], *, family: str, day_first: bool) -> pd.Timestamp | str:
    """The timestamp a match describes, or why it is not a date (``31 Februari``)."""
    if family == "iso":
        month, day = int(match["first"]), int(match["second"])
    elif family == "numeric":
        day, month = (int(match["first"]), int(match["second"])) if day_first else (int(match["second"]), int(match["first"]))
    else:
        day, month = int(match["first"]), int(date_names()["month"][match["second"].lower()])
    hour, minute, second = (int(match[k]) if match[k] else 0 for k in ("hour", "minute", "sec"))
    try:
        stamp = pd.Timestamp(datetime(int(match["year"]), month, day, hour, minute, second))
    except ValueError as error:
        return f"not a date ({error})"
    zone = match["zone"]
    return stamp.tz_localize(_offset(zone)) if zone else stamp


def _offset(zone: str) -> str:
    """A UTC offset (``+07:00``) for a written time zone."""
    named = date_names()["zone"].get(zone.lower())
    if named:
        return named
    if zone.upper() == "Z":
        return "+00:00"
    digits = re.sub(r"^(?:UTC|GMT)\s*", "", zone, flags=re.I)
    sign, rest = digits[0], digits[1:].replace(":", "")
    hours, minutes = (rest[:-2], rest[-2:]) if len(rest) > 2 else (rest, "00")
    return f"{sign}{int(hours):02d}:{minutes}"


def _with_format(strings: dict[int, str], date_format: str, problems: dict[int, str], *, column: str) -> dict[int, pd.Timestamp]:
    """Read every value with an explicit strptime format, Indonesian names translated for %B, %b, %A, %a and %Z."""
    parsed: dict[int, pd.Timestamp] = {}
    for i, text in strings.items():
        try:
            stamp = pd.Timestamp(datetime.strptime(_as_english(text, date_format), _strptime_format(date_format)))
        except ValueError as error:
            problems[i] = f"{column} {text!r} does not match {option('date_format', date_format)} ({error})"
            continue
        parsed[i] = stamp
    return parsed


_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _strptime_format(date_format: str) -> str:
    return date_format.replace("%Z", "%z")  # WIB, WITA, WIT become offsets


def _as_english(text: str, date_format: str) -> str:
    """The value with Indonesian month and weekday names and time zones in the words strptime knows."""
    names = date_names()
    short = "%b" in date_format
    short_day = "%a" in date_format

    def word(match: re.Match[str]) -> str:
        token = match.group().rstrip(".").lower()
        if token in names["zone"]:
            return names["zone"][token].replace(":", "")
        if token in names["month"]:
            month = _ENGLISH_MONTHS[int(names["month"][token]) - 1]
            return month[:3] if short else month
        if token in names["weekday"]:
            day = _ENGLISH_DAYS[int(names["weekday"][token]) - 1]
            return day[:3] if short_day else day
        return match.group()

    return re.sub(r"[A-Za-z']+\.?", word, text)
