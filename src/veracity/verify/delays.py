"""A delay given as a length, against the two dates it spans.

"Kestrel has postponed the opening of its new chip factory ... by two years" is confirmed by
the company's filing, "production at its planned plant in Dresden would begin in 2028 rather
than 2026": the filing gives the delay as the old date and the new one. Neither the news stance
model (P(SUPPORTS) 0.44 on that pair) nor the figure rules see it, since "two years" is a length
and 2026 and 2028 are dates. :func:`delay_of` reads the length from a delaying verb ("postpone",
"delay", "defer", "push back") and "by N years|months|weeks"; :func:`shift_of` reads the old
and the new date from the evidence ("2028 rather than 2026", "in March 2027 instead of
September 2026", "from 2026 to 2028", "pushed back to 2028 from 2026"). They agree when the new
date minus the old one is the claim's length.

Only the lengths and the dates are read here; whether both sentences speak of the same thing
is the judge's to require (the claim's named parties named in the evidence, a shared noun).
"""

from __future__ import annotations

import re

from .reading import Reading

# Verbs that move something later; "push", "put" and "set" only with "back".
DELAY_LEMMAS = frozenset({"postpone", "delay", "defer", "reschedule"})
BACK_LEMMAS = frozenset({"push", "put", "set", "move"})
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18}
_MONTHS_IN = {"year": 12, "month": 1}
# A length after "by" ("by two years", "by about 18 months"); also the judge's cheap test before a parse.
BY_LENGTH = re.compile(r"\bby\s+(?:about\s+|around\s+|some\s+|roughly\s+|at\s+least\s+)?"
                       r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|\d{1,2})\s+"
                       r"(year|month)s?\b", re.IGNORECASE)
_MONTH = ("january|february|march|april|may|june|july|august|september|october|november|december")
_DATE = rf"(?:(?:early|mid|late|mid-)\s*)?(?:({_MONTH})\s+)?((?:19|20)\d\d)"
# "2028 rather than 2026", "in March 2027 instead of September 2026", "2028, not 2026"
_INSTEAD = re.compile(rf"\b{_DATE}\s*,?\s+(?:rather\s+than|instead\s+of|and\s+not|not)\s+(?:in\s+|by\s+)?{_DATE}\b", re.IGNORECASE)
# "from 2026 to 2028", "to 2028 from 2026"
_FROM_TO = re.compile(rf"\bfrom\s+{_DATE}\s+(?:to|until|till)\s+{_DATE}\b", re.IGNORECASE)
_TO_FROM = re.compile(rf"\b(?:to|until|till)\s+{_DATE}\s+from\s+{_DATE}\b", re.IGNORECASE)


def _months(month: str | None, year: str) -> int:
    names = _MONTH.split("|")
    return int(year) * 12 + (names.index(month.lower()) if month else 0)


def delay_of(r: Reading) -> tuple[int, str] | None:
    """(months, the words) of a delay the sentence gives as a length: a delaying verb and "by N
    years|months" ("has postponed ... by two years" -> 24)."""
    lemmas = {lem for _s, lem, pos, _d, _h in r.tree if pos == "VERB"}
    back = any(lem in BACK_LEMMAS for lem in lemmas) and re.search(r"\bback\b", r.text, re.IGNORECASE)
    if not (lemmas & DELAY_LEMMAS or back):
        return None
    m = BY_LENGTH.search(r.text)
    if m is None:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1).lower()]
    return n * _MONTHS_IN[m.group(2).lower()], m.group()


def shift_of(text: str) -> tuple[int, str] | None:
    """(months, the words) between an old date and the new one the sentence gives for the same
    thing ("would begin in 2028 rather than 2026" -> 24). A year alone on either side counts
    whole years."""
    for rx, new_first in ((_INSTEAD, True), (_TO_FROM, True), (_FROM_TO, False)):
        m = rx.search(text)
        if m is None:
            continue
        a, b = (m.group(1), m.group(2)), (m.group(3), m.group(4))
        new, old = (a, b) if new_first else (b, a)
        if (new[0] is None) != (old[0] is None):  # "March 2027 rather than 2026": compare years
            new, old = (None, new[1]), (None, old[1])
        return _months(*new) - _months(*old), m.group()
    return None


def same_delay(claim: Reading, evidence: Reading) -> str | None:
    """The words that give the claim's delay on both sides ("'by two years' ~ '2028 rather than
    2026'"), or None."""
    d, s = delay_of(claim), shift_of(evidence.text)
    if d is None or s is None or d[0] != s[0]:
        return None
    return f"'{d[1]}' ~ '{s[1]}'"

