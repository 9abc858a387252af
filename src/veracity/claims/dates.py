"""Dates: DATE/TIME entities resolved against the article's publication date.

Fast rules handle what news copy mostly says ("yesterday", "last week", "on Tuesday",
"three years ago", "12 March 2005", "March", "2004"); dateparser (slow: ~ms per call and a
second to import) is the fallback only for DATE entities that the rules cannot read but
that still look like a date (a month, weekday, digit or relative word), and its results are
cached. Durations ("months", "two years", "long-term") are not points in time and are left
out. Without an anchor, relative dates are kept with ``value=None``. Granularity is day,
week, month, year, or decade ("the 1990s" -> value "1990").

Bare weekdays and month names point back in time (news reports the past) unless the
sentence speaks of the future ("will", "next", "is due to", "are expected to"), then they point
forward.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ..records import DateRef, Span

DATE_LABELS = frozenset({"DATE", "TIME"})
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
MONTHS = {m: i + 1 for i, m in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"))}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "several": None, "few": None, "a few": None}
FUTURE_CUES = frozenset({"will", "shall", "next", "due", "upcoming", "'ll", "’ll", "coming"})
# Participles that point forward unless their own auxiliary is past: "are expected to meet on
# October 20", "is scheduled for March 3"; not "was expected to sign on March 3".
FUTURE_PARTICIPLES = frozenset({"expected", "scheduled", "slated"})
PAST_AUXILIARIES = frozenset({"was", "were", "had"})
INTENDING = frozenset({"plan", "intend", "aim", "prepare", "hope"})


# A weaker sign of the future, for months and dates only: a reported future ("said its new silo
# terminal would open in November") or an intention in the present ("Student unions plan to
# protest ... on March 5"). A weekday in such a sentence is mostly when it was said ("said in a
# letter dated Tuesday that about 250 dock jobs would be cut") and keeps pointing back.
WEAK_FUTURE = "months"


def speaks_of_future(toks) -> bool | str:
    """Whether a sentence's tokens speak of the future (see the module docstring): True, or
    :data:`WEAK_FUTURE`, or False."""
    weak = False
    for t in toks:
        if t.lower_ in FUTURE_CUES:
            return True
        if t.lower_ in FUTURE_PARTICIPLES and t.pos_ in ("VERB", "AUX", "ADJ") \
                and not any(c.lower_ in PAST_AUXILIARIES for c in t.children if c.dep_ in ("aux", "auxpass")):
            return True
        if t.lemma_ in INTENDING and t.pos_ == "VERB" and t.tag_ in ("VBP", "VBZ", "VBG") \
                and any(c.dep_ == "xcomp" for c in t.children):
            weak = True
        # ... not "would have opened", a past that did not happen.
        if t.lower_ == "would" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ not in ("have", "'ve"):
            weak = True
    return WEAK_FUTURE if weak else False

_LEAD = re.compile(r"^(?:(?:on|in|at|since|from|by|until|till|during|of|the|this\s+past|earlier|later|early|late|mid)\s+|mid-)", re.I)
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_PART_OF_DAY = re.compile(r"^(?:this|last|yesterday|tomorrow)\s+(morning|afternoon|evening|night)$", re.I)
_REL_UNIT = re.compile(r"^(last|this|next|coming)\s+(week|weekend|month|year)$", re.I)
_EARLIER_THIS = re.compile(r"^(?:earlier|later|early|late)\s+(?:this|last|next)\s+(week|month|year)$", re.I)
_WEEKDAY = re.compile(r"^(?:(last|this|next|on)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$", re.I)
_AGO = re.compile(r"^(\w+|a few)\s+(day|week|month|year)s?\s+ago$", re.I)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$", re.I)
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s*(\d{4})?$", re.I)
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})?$", re.I)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DURATION = re.compile(
    r"^(?:(?:just|only|about|around|nearly|almost|over|some|more\s+than|less\s+than|up\s+to)\s+)?"
    r"(?:the\s+)?(?:(?:past|last|next|first|coming|previous|recent)\s+)?(?:\d+|\w+|a\s+few|several|many|few)?[\s-]*"
    r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|term|time)(?:\s+(?:old|long))?$", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_MONTH_REL_YEAR = re.compile(r"^([a-z]+)\s+(last|this|next)\s+year$", re.I)
_LAST_MONTH = re.compile(r"^(last|next|this)\s+([a-z]+)$", re.I)
_DECADE = re.compile(r"^(1[5-9]\d0|20\d0)'?s$", re.I)
_SHORT_DECADE = re.compile(r"^'?([2-9]0)'?s$")
_AGE = re.compile(r"\d+-year-old|\bage\s+of\s+\d+|\baged\s+\d+|\d+-date", re.I)
_WEEKDAY_LEAD = re.compile(r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(.+)$", re.I)
_DAY_PART = re.compile(r"^(morning|afternoon|evening|night|lunchtime)$", re.I)
_TRAILING_MONTH_YEAR = re.compile(r"\b([a-z]+)\.?,?\s+(1[5-9]\d\d|20\d\d)$", re.I)
_TRAILING_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)$")
_TO_MONTH = re.compile(r"\bto\s+([a-z]+)$", re.I)
_SMALL_NUMBER = re.compile(r"^\d{1,2}$")
_LOOKS_DATED = re.compile(
    r"\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"june|july|august|september|october|november|december|yesterday|tomorrow|today|ago|last|next", re.I)


def parse_anchor(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        pass
    try:
        from dateutil import parser as du

        return du.parse(published).date()
    except (ValueError, OverflowError, ImportError):
        return None


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _shift_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _resolve_rules(s: str, anchor: dt.date | None, future: bool) -> tuple[str | None, str, bool] | None:
    """(value, granularity, relative) or None when the rules do not apply."""
    low = s.lower()
    if low in _DAY_WORDS:
        return ((anchor + dt.timedelta(days=_DAY_WORDS[low])).isoformat() if anchor else None), "day", True
    m = _PART_OF_DAY.match(low)
    if m:
        first = low.split()[0]
        off = -1 if first in ("last", "yesterday") else 1 if first == "tomorrow" else 0
        if first == "last" and m.group(1) != "night":
            off = -1
        return ((anchor + dt.timedelta(days=off)).isoformat() if anchor else None), "day", True
    m = _REL_UNIT.match(low) or _EARLIER_THIS.match(low)
    if m:
        which = low.split()[0] if _REL_UNIT.match(low) else low.split()[1]
        unit = m.group(2) if _REL_UNIT.match(low) else m.group(1)
        off = {"last": -1, "this": 0, "next": 1, "coming": 1}[which]
        if anchor is None:
            return None, unit if unit in ("week", "month", "year") else "unknown", True
        if unit in ("week", "weekend"):
            return (_monday(anchor) + dt.timedelta(weeks=off)).isoformat(), "week", True
        if unit == "month":
            return _shift_months(anchor, off).isoformat()[:7], "month", True
        if unit == "year":
            return str(anchor.year + off), "year", True
        return None, "unknown", True
    m = _WEEKDAY.match(low)
    if m:
        mod, wd = m.group(1), WEEKDAYS[m.group(2)]
        if anchor is None:
            return None, "day", True
        forward = mod == "next" or (mod != "last" and future is True)
        if forward:
            delta = (wd - anchor.weekday()) % 7 or (7 if mod == "next" else 0)
        else:
            delta = -((anchor.weekday() - wd) % 7 or (7 if mod == "last" else 0))
        return (anchor + dt.timedelta(days=delta)).isoformat(), "day", True
    m = _AGO.match(low)
    if m:
        n = _number(m.group(1))
        unit = m.group(2).lower()
        if anchor is None or n is None:
            return None, unit if unit != "day" else "day", True
        if unit == "day":
            return (anchor - dt.timedelta(days=n)).isoformat(), "day", True
        if unit == "week":
            return (anchor - dt.timedelta(weeks=n)).isoformat(), "week", True
        if unit == "month":
            return _shift_months(anchor, -n).isoformat()[:7], "month", True
        return str(anchor.year - n), "year", True
    if _YEAR.match(low):
        return low, "year", False
    m = _ISO.match(low)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat(), "day", False
        except ValueError:
            return None
    if low in MONTHS:
        month = MONTHS[low]
        if anchor is None:
            return None, "month", True
        year = anchor.year
        if future and month < anchor.month:
            year += 1
        elif not future and month > anchor.month:
            year -= 1
        return f"{year:04d}-{month:02d}", "month", True
    m = _MONTH_YEAR.match(low)
    if m and m.group(1) in MONTHS:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}", "month", False
    for rx, d_i, m_i in ((_DAY_MONTH_YEAR, 1, 2), (_MONTH_DAY_YEAR, 2, 1)):
        m = rx.match(low)
        if m and m.group(m_i) in MONTHS:
            day, month = int(m.group(d_i)), MONTHS[m.group(m_i)]
            year_s = m.group(3)
            relative = year_s is None
            if relative and anchor is None:
                return None, "day", True
            year = int(year_s) if year_s else anchor.year  # type: ignore[union-attr]
            try:
                d = dt.date(year, month, day)
            except ValueError:
                return None
            if relative and anchor is not None:
                if not future and d > anchor + dt.timedelta(days=1):
                    d = d.replace(year=year - 1)
                elif future and d < anchor:
                    d = d.replace(year=year + 1)
            return d.isoformat(), "day", relative
    return None


@functools.lru_cache(maxsize=8)
def _dateparser(anchor: dt.date | None, future: bool):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "future" if future else "past", "RETURN_TIME_AS_PERIOD": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=4096)
def _resolve_fallback(s: str, anchor: dt.date | None, future: bool) -> tuple[str | None, str, bool] | None:
    data = _dateparser(anchor, future).get_date_data(s)
    if data is None or data.date_obj is None:
        return None
    period = data.period or "day"
    d = data.date_obj.date()
    if period == "year":
        value = str(d.year)
    elif period == "month":
        value = d.isoformat()[:7]
    else:
        value = d.isoformat()
        period = "week" if period == "week" else "day"
    relative = not re.search(r"\b\d{4}\b", s)
    if relative and anchor is None:
        return None, period, True
    return value, period, relative


# A resolved value must be a date Python and ISO 8601 can hold: year 0001-9999, four digits.
_IN_RANGE = re.compile(r"^(?!0000)\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def resolve(s: str, anchor: dt.date | None, future: bool = False) -> tuple[str | None, str, bool] | None:
    """Resolve one date expression; None when it is not a point in time.

    A date past year 1 or 9999 ("tomorrow" against a publication date of 9999-12-31) is left
    unresolved (value None, as without an anchor), never an OverflowError."""
    try:
        hit = _resolve(s, anchor, future)
    except (OverflowError, ValueError):
        hit = _resolve(s, None, future) if anchor is not None else None
    if hit is not None and hit[0] is not None and not _IN_RANGE.match(hit[0]):
        return None, hit[1], hit[2]
    return hit


def _resolve(s: str, anchor: dt.date | None, future: bool) -> tuple[str | None, str, bool] | None:
    s = " ".join(s.split()).strip(" ,.")
    while True:
        stripped = _LEAD.sub("", s, count=1)
        if stripped == s or not stripped:
            break
        # "earlier this year": keep the qualifier words the rules understand.
        if _EARLIER_THIS.match(s):
            break
        s = stripped
    if not s:
        return None
    s = _POSSESSIVE.sub("", s)  # "last year's"
    m = _YEAR_SPAN.match(s)
    if m:  # "the 2025-26 season" is no 26 November 2025: a span of years, read by its last
        last = m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2)
        return (last, "year", False) if int(last) > int(m.group(1)) else None
    hit = _resolve_rules(s, anchor, future)
    if hit is not None:
        return hit
    if _DURATION.match(s) or _SMALL_NUMBER.match(s) or _AGE.search(s) or not _LOOKS_DATED.search(s):
        return None
    m = _WEEKDAY_LEAD.match(s)
    if m:
        # "Monday 6 December" -> the date; "Wednesday night" -> the weekday.
        rest = None if _DAY_PART.match(m.group(2)) else _resolve(m.group(2), anchor, future)
        return rest if rest is not None and rest[0] is not None else _resolve_rules(m.group(1), anchor, future)
    hit = _resolve_parts(s, anchor, future)
    if hit is not None:
        return hit
    return _resolve_fallback(s, anchor, future)


_YEAR_SPAN = re.compile(r"^((?:19|20)\d\d)\s*[-/\u2013]\s*(\d{2}|(?:19|20)\d\d)"
                        r"(?:\s+(?:season|seasons|fiscal year|financial year|school year|academic year|year|crop year|campaign))?$",
                        re.IGNORECASE)
_PART_OF_MONTH = re.compile(r"^(?:(?:first|second|third|fourth|last|final)\s+(?:week|fortnight|days|half|ten\s+days)|end|beginning|start|"
                            r"middle)\s+of\s+([a-z]+)(?:\s+(\d{4}))?$")


def _resolve_parts(s: str, anchor: dt.date | None, future: bool) -> tuple[str | None, str, bool] | None:
    """Longer phrases news uses often: "May last year", "last November", "the 1990s",
    "first quarter of 2005" (-> the year), "three months to December" (-> that month)."""
    low = s.lower()
    m = _DECADE.match(low)
    if m:
        return m.group(1), "decade", False
    m = _SHORT_DECADE.match(low)
    if m:
        return "19" + m.group(1), "decade", False  # "the 80s": news of this era means the 1900s
    m = _MONTH_REL_YEAR.match(low)
    if m and m.group(1) in MONTHS:
        if anchor is None:
            return None, "month", True
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(2)]
        return f"{year:04d}-{MONTHS[m.group(1)]:02d}", "month", True
    m = _LAST_MONTH.match(low)
    if m and m.group(2) in MONTHS:
        if anchor is None:
            return None, "month", True
        month, which = MONTHS[m.group(2)], m.group(1)
        year = anchor.year
        if which == "last" and month >= anchor.month:
            year -= 1
        elif which == "next" and month <= anchor.month:
            year += 1
        return f"{year:04d}-{month:02d}", "month", True
    m = _PART_OF_MONTH.match(low)  # "the last week of August", "the end of March 2027": that month
    if m and m.group(1) in MONTHS:
        return _resolve_rules(f"{m.group(1)} {m.group(2)}" if m.group(2) else m.group(1), anchor, future)
    m = _TRAILING_MONTH_YEAR.search(low)
    if m and m.group(1) in MONTHS:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}", "month", False
    m = _TRAILING_YEAR.search(low)
    if m:
        return m.group(1), "year", False
    m = _TO_MONTH.search(low)
    if m and m.group(1) in MONTHS:
        return _resolve_rules(m.group(1), anchor, future)
    return None


def find_dates(text: str, ents, anchor: dt.date | None, future: bool) -> tuple[DateRef, ...]:
    """DateRefs for the DATE/TIME entities of one sentence."""
    out = []
    anchor_s = anchor.isoformat() if anchor else None
    for ent in ents:
        if ent.label_ not in DATE_LABELS:
            continue
        hit = resolve(ent.text, anchor, future)
        if hit is None:
            continue
        value, gran, relative = hit
        out.append(DateRef(Span.of(text, ent.start_char, ent.end_char), value, gran, relative,
                           anchor_s if relative else None))
    return tuple(out)
