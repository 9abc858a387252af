"""Dates resolved against a publication date; the rules and the dateparser fallback."""

from __future__ import annotations

import datetime as dt

import pytest

from veracity.claims.dates import parse_anchor, resolve

WED = dt.date(2025, 3, 12)  # a Wednesday


@pytest.mark.parametrize("expr, future, expected", [
    ("yesterday", False, ("2025-03-11", "day", True)),
    ("today", False, ("2025-03-12", "day", True)),
    ("last night", False, ("2025-03-11", "day", True)),
    ("last week", False, ("2025-03-03", "week", True)),
    ("next week", True, ("2025-03-17", "week", True)),
    ("last month", False, ("2025-02", "month", True)),
    ("last year", False, ("2024", "year", True)),
    ("earlier this year", False, ("2025", "year", True)),
    ("on Tuesday", False, ("2025-03-11", "day", True)),
    ("Friday", False, ("2025-03-07", "day", True)),
    ("on Friday", True, ("2025-03-14", "day", True)),
    ("last Wednesday", False, ("2025-03-05", "day", True)),
    ("three years ago", False, ("2022", "year", True)),
    ("two weeks ago", False, ("2025-02-26", "week", True)),
    ("12 March 2005", False, ("2005-03-12", "day", False)),
    ("March 12, 2005", False, ("2005-03-12", "day", False)),
    ("March 2005", False, ("2005-03", "month", False)),
    ("in 2004", False, ("2004", "year", False)),
    ("November", False, ("2024-11", "month", True)),
    ("10 March", False, ("2025-03-10", "day", True)),
])
def test_rules(expr, future, expected):
    assert resolve(expr, WED, future) == expected


@pytest.mark.parametrize("expr", ["months", "two years", "the past decade", "long-term", "recent years"])
def test_durations_are_not_dates(expr):
    assert resolve(expr, WED) is None


def test_without_anchor_relative_dates_stay_unresolved():
    assert resolve("yesterday", None) == (None, "day", True)
    assert resolve("12 March 2005", None) == ("2005-03-12", "day", False)


def test_dateparser_fallback_reads_what_rules_do_not():
    value, gran, _ = resolve("2005/03/12", WED)
    assert (value, gran) == ("2005-03-12", "day")


def test_anchor_parsing():
    assert parse_anchor("2025-03-12T08:00:00Z") == WED
    assert parse_anchor("Wed, 12 Mar 2025 08:00:00 GMT") == WED
    assert parse_anchor("not a date") is None
    assert parse_anchor(None) is None


def test_demo_yesterday_resolved_against_publication(claims_demo):
    refs = [r for c in claims_demo.claims for r in c.dates if r.span.text == "yesterday"]
    assert refs and refs[0].value == "2025-03-11" and refs[0].relative and refs[0].anchor == "2025-03-12"


def test_reference_date_option_is_the_fallback_anchor(claims_run):
    from veracity.options import Options

    d = claims_run("The minister resigned on Monday.", options=Options(reference_date="2005-02-02"))
    (ref,) = d.claims[0].dates
    assert (ref.value, ref.anchor) == ("2005-01-31", "2005-02-02")
    d = claims_run("The minister resigned on Monday.")
    assert d.claims[0].dates[0].value is None


@pytest.mark.parametrize("expr, expected", [
    ("May last year", ("2024-05", "month", True)),
    ("last November's", ("2024-11", "month", True)),
    ("the 1990s", ("1990", "decade", False)),
    ("first quarter of 2005", ("2005", "year", False)),
    ("three months to December", ("2024-12", "month", True)),
    ("Monday 6 December", ("2024-12-06", "day", True)),
    ("Wednesday night", ("2025-03-12", "day", True)),
])
def test_longer_news_phrases(expr, expected):
    assert resolve(expr, WED) == expected


@pytest.mark.parametrize("expr", ["74-year-old", "aged 30", "22", "just 35 hours"])
def test_ages_and_bare_numbers_are_not_dates(expr):
    assert resolve(expr, WED) is None


@pytest.mark.parametrize("anchor, expr, future, granularity", [
    (dt.date(9999, 12, 31), "Tomorrow", True, "day"),
    (dt.date(9999, 12, 31), "next year", True, "year"),
    (dt.date(9999, 12, 31), "next month", True, "month"),
    (dt.date(9999, 12, 31), "next Monday", True, "day"),
    (dt.date(1, 1, 1), "yesterday", False, "day"),
    (dt.date(1, 1, 1), "last year", False, "year"),
    (dt.date(1, 1, 1), "10 days ago", False, "day"),
])
def test_dates_out_of_range_are_unresolved_not_a_crash(anchor, expr, future, granularity):
    """Issue 18 #3: `--published 9999-12-31` and "Tomorrow" raised OverflowError. A date past
    year 1 or 9999 is kept unresolved (value None), as a relative date without an anchor is."""
    assert resolve(expr, anchor, future) == (None, granularity, True)


def test_article_published_at_the_end_of_time_is_analysed(claims_run):
    d = claims_run("Tomorrow the minister will visit Kyiv, officials said.", published="9999-12-31")
    (date,) = d.claims[0].dates
    assert date.span.text == "Tomorrow" and date.value is None and date.anchor == "9999-12-31"


def test_an_expected_or_scheduled_event_points_forward():
    from veracity.verify.reading import read

    def value(text):
        return [d.value for d in read(text, "2026-10-06").dates]

    assert value("Ministers are expected to meet in Manila on October 20.") == ["2026-10-20"]
    assert value("The vote is scheduled for October 20.") == ["2026-10-20"]
    # ... unless the expectation itself is past.
    assert value("The deal was expected to be signed on October 20.") == ["2025-10-20"]
    assert value("Talks ended on October 20.") == ["2025-10-20"]
    # A reported future or a present intention points forward too; a past that did not happen does not.
    assert value("The chief executive said the terminal would open in November.") == ["2026-11"]
    assert value("Student unions plan to protest outside the legislature on October 20.") == ["2026-10-20"]
    assert value("The terminal would have opened in September.") == ["2026-09"]
    assert value("The unions planned to protest on October 30.") == ["2025-10-30"]


def test_a_season_of_two_years_is_a_span_of_years_not_a_day():
    anchor = dt.date(2026, 11, 19)
    assert resolve("the 2025-26 season", anchor) == ("2026", "year", False)
    assert resolve("2025/26", anchor) == ("2026", "year", False)
    assert resolve("2019-2021", anchor) == ("2021", "year", False)
    assert resolve("2025-11-26", anchor) == ("2025-11-26", "day", False)  # an ISO day stays a day
