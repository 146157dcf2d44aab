"""Tests for telaah.dates: dates as news exports write them, read without guessing."""

from __future__ import annotations

import pandas as pd
import pytest

from telaah.dates import TIMEZONE, DateError, parse_dates


def read(values, **kwargs):
    dates, problems = parse_dates(values, **kwargs)
    assert problems == {}, problems
    return [str(d) for d in dates]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["2020-02-25", "2020-12-01"], ["2020-02-25 00:00:00", "2020-12-01 00:00:00"]),
        (["2016-08-22T15:00:23+07:00", "2018-02-24T05:30:00+07:00"], ["2016-08-22 15:00:23+07:00", "2018-02-24 05:30:00+07:00"]),
        (["2020-02-25 14:30", "2020-02-26 08:05"], ["2020-02-25 14:30:00", "2020-02-26 08:05:00"]),
        (["2020-02-25T07:30:00Z"], ["2020-02-25 14:30:00+07:00"]),
        (["25/2/2020", "3/4/2020"], ["2020-02-25 00:00:00", "2020-04-03 00:00:00"]),
        (["2/25/2020 14:30", "4/3/2020 9:05"], ["2020-02-25 14:30:00", "2020-04-03 09:05:00"]),
        (["25.02.2020", "01.03.2020"], ["2020-02-25 00:00:00", "2020-03-01 00:00:00"]),
        (["25-02-2020", "01-03-2020"], ["2020-02-25 00:00:00", "2020-03-01 00:00:00"]),
        (["Selasa, 25 Februari 2020 14:30 WIB", "Rabu, 4 Maret 2020 08.15 WIB"], ["2020-02-25 14:30:00+07:00", "2020-03-04 08:15:00+07:00"]),
        (["25 Feb 2020", "3 Agu 2020", "1 Ags 2020", "9 Des 2020"], ["2020-02-25 00:00:00", "2020-08-03 00:00:00", "2020-08-01 00:00:00", "2020-12-09 00:00:00"]),
        (["17 Agustus 1945", "1 Oktober 1965"], ["1945-08-17 00:00:00", "1965-10-01 00:00:00"]),
        (["Jumat, 1 Mei 2020 pukul 10.00 WITA"], ["2020-05-01 09:00:00+07:00"]),
        (["Kamis, 2 Jan 2020 10:00 WIT"], ["2020-01-02 08:00:00+07:00"]),
        (["25 February 2020", "3 Oct 2020"], ["2020-02-25 00:00:00", "2020-10-03 00:00:00"]),
    ],
)
def test_formats_news_exports_write(values, expected):
    assert read(values) == expected


def test_zoned_dates_are_in_jakarta_time_and_plain_ones_naive():
    zoned, _ = parse_dates(["2020-02-25T14:30:00+08:00"])
    plain, _ = parse_dates(["2020-02-25"])
    assert str(zoned.dtype) == f"datetime64[ns, {TIMEZONE}]" and plain.dt.tz is None


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (["3/4/2020", "5/6/2020"], "cannot tell day from month"),
        (["25/2/2020", "2/25/2020"], "the day comes first in some dates and second in others"),
        (["2020-02-25", "25 Februari 2020"], "more than one format"),
        (["2020-02-25T10:00+07:00", "2020-02-26T10:00"], "some dates have a time zone and some do not"),
    ],
)
def test_a_column_that_cannot_be_read_without_guessing_is_refused(values, message):
    with pytest.raises(DateError, match=message):
        parse_dates(values)


def test_ambiguous_order_names_the_row_and_the_way_out():
    with pytest.raises(DateError) as caught:
        parse_dates(["3/4/2020", "5/6/2020"], where=lambda i: f"row {i + 1} (line {i + 2})")
    assert "row 1 (line 2): '3/4/2020'" in str(caught.value) and "date_format='%d/%m/%Y'" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("31/02/2020", "not a date (day is out of range for month)"),
        ("kemarin", "not written as the column's other dates"),
        ("", "date is missing"),
        (None, "date is missing"),
        (float("nan"), "date is missing"),
        (20200225, "date is int 20200225, not a date"),
    ],
)
def test_a_value_that_does_not_parse_is_a_problem_of_its_row_never_a_silent_nat(value, problem):
    dates, problems = parse_dates(["25/12/2020", value, "1/1/2021"])
    assert list(problems) == [1] and problem in problems[1]
    assert dates.isna().tolist() == [False, True, False]


@pytest.mark.parametrize(
    ("values", "date_format", "expected"),
    [
        (["3/4/2020"], "%d/%m/%Y", ["2020-04-03 00:00:00"]),
        (["3/4/2020"], "%m/%d/%Y", ["2020-03-04 00:00:00"]),
        (["Selasa, 25 Februari 2020"], "%A, %d %B %Y", ["2020-02-25 00:00:00"]),
        (["25 Agu 2020 14:30 WIB"], "%d %b %Y %H:%M %Z", ["2020-08-25 14:30:00+07:00"]),
        (["20200225"], "%Y%m%d", ["2020-02-25 00:00:00"]),
    ],
)
def test_date_format_forces_one(values, date_format, expected):
    assert read(values, date_format=date_format) == expected


def test_date_format_mismatch_names_the_value():
    _, problems = parse_dates(["3/4/2020", "2020-04-03"], date_format="%d/%m/%Y")
    assert list(problems) == [1] and "does not match date_format='%d/%m/%Y'" in problems[1]


def test_dates_already_parsed_pass_through():
    dates, problems = parse_dates([pd.Timestamp("2020-02-25"), pd.Timestamp("2020-03-01")])
    assert problems == {} and dates.tolist() == [pd.Timestamp("2020-02-25"), pd.Timestamp("2020-03-01")]
