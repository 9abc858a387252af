"""Publication dates from metadata, normalised to an ISO date (YYYY-MM-DD).

Downstream, relative dates ("yesterday") are resolved against the day an article appeared,
so the day is what matters; the day is taken as the source states it (no time-zone shift).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate_to_datetime

ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
# Years outside this range in a news corpus are typos or epoch artefacts, not dates.
MIN_YEAR, MAX_YEAR = 1800, 2100
# 03/04/2005 is 3 April in Europe and 4 March in the US: refuse to guess such dates.
NUMERIC_DAY = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})\s*$")


def _ok(d: dt.date) -> str | None:
    return d.isoformat() if MIN_YEAR <= d.year <= MAX_YEAR else None


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD for a date given as ISO 8601, RFC 2822, a struct_time or a date; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return _ok(value.date())
    if isinstance(value, dt.date):
        return _ok(value)
    if isinstance(value, time.struct_time):
        try:
            return _ok(dt.date(value.tm_year, value.tm_mon, value.tm_mday))
        except (ValueError, OverflowError):  # a year of 20 digits overflows a C int
            return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return None  # a bare number is ambiguous (epoch seconds? milliseconds? a year?)
    s = str(value).strip()
    m = ISO_DAY.match(s)
    if m:
        try:
            return _ok(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            return None
    try:
        return _ok(parsedate_to_datetime(s).date())
    except (TypeError, ValueError, IndexError, OverflowError):  # "18 Jan 1111111111111111111112024": OverflowError
        pass
    m = NUMERIC_DAY.match(s)
    if m and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2):
        return None
    try:
        from dateutil import parser as du

        # Only unambiguous day/month orders get here; dayfirst decides nothing else.
        return _ok(du.parse(s, dayfirst=True, fuzzy=False).date())
    except (ValueError, OverflowError, TypeError):
        return None
