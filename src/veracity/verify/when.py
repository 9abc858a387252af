"""When: the dates a sentence gives its events, and the date check (:func:`check_dates`): the
same action dated differently on the two sides. Dates of saying, bounds ("after 30 June"),
comparisons ("down from ... in 2025") and dates in a clause describing a party ("Finland, which
joined NATO in April 2023, ...") are not the claim's event's date."""

from __future__ import annotations

import re

from ..records import Check
from . import lexicon
from .reading import Reading
from .where import _WN_POS, _describes, _same_verb, _verb_above


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE)


def _explicit(d) -> bool:
    """A date whose year is written ("March 2024") or that is relative to its report
    ("yesterday"); not a bare "March 12", whose year is guessed from the publication date and
    comes out differently against different anchors."""
    return bool(_YEAR.search(d.span.text)) or (d.relative and not _MONTH.search(d.span.text))


# Verbs of saying: the date of "reported on Tuesday" or "told the Legislative Assembly on
# Wednesday" is when someone spoke, not when the claim's event happens.
SAID_VERBS = frozenset("say tell report add state announce confirm write insist note explain warn claim quote cite".split())
_BOUND = re.compile(r"\b(?:after|before)\s+(?:the\s+)?$", re.IGNORECASE)
# A date a figure is compared with ("down from 330,000 tonnes in 2025", "compared with 2024",
# "than in 2023"): the reference point, not when the claim's event happens.
_COMPARED = re.compile(r"\b(?:(?:down|up|rising|falling|fell|rose|increase|decrease|drop|rise)\s+from|compared\s+(?:with|to)|"
                       r"than)\b[^.;:]{0,40}$", re.IGNORECASE)


def _event_date(r: Reading, d) -> bool:
    """Not the date of an act of saying, nor a bound ("after 30 June 2027": from July)."""
    if _BOUND.search(r.text[max(0, d.span.start - 12):d.span.start]):
        return False
    if _COMPARED.search(r.text[max(0, d.span.start - 60):d.span.start]):
        return False
    t = _verb_above(r, d.span, ("VERB", "AUX"), 4)
    return t is None or t[1] not in SAID_VERBS

def _date_verb(r: Reading, d) -> tuple | None:
    return _verb_above(r, d.span, ("VERB", "AUX"), 4)


def _describing(r: Reading, d) -> bool:
    return _describes(r, _date_verb(r, d))


_IN_BEFORE = re.compile(r"\b(?:in|during)\s+$", re.IGNORECASE)


def event_years(r: Reading, dated_only: bool = False) -> set[str]:
    """The years of the dates a sentence gives its events (not of its statements, bounds or
    comparisons), whatever their granularity; ``dated_only``: only a year an event is said to
    happen in ("In 2018, another company lost ..."), not one naming a thing ("the 1944 water
    treaty")."""
    return {d.value[:4] for d in r.dates if d.value and _YEAR.match(d.value[:4]) and _explicit(d) and _event_date(r, d)
            and (not dated_only or _IN_BEFORE.search(r.text[max(0, d.span.start - 8):d.span.start]))}


# Two dates conflict only as the dates of one action: "was founded in 2009" is not dated
# against "handed over 20 buses ... on Friday" or "would begin delivering ... in 2027".
DATE_SAME_ACTION = True


def _date_actions_meet(claim: Reading, d, evidence: Reading, e) -> bool:
    v, w = _date_verb(claim, d), _date_verb(evidence, e)
    return v is None or w is None or _same_verb(v, w) or _related_action(v, w)


def _related_action(v: tuple, w: tuple) -> bool:
    """A verb and its derived noun or a broader verb for it ("open" / "opening", "deliver" / "supply")."""
    return lexicon.available() and lexicon.related(v[1], _WN_POS.get(v[2], "v"), w[1], _WN_POS.get(w[2], "v")) is not None


def check_dates(claim: Reading, evidence: Reading) -> list[Check]:
    from ..corroborate.divergence import dates

    a = [d for d in claim.dates if _explicit(d) and _event_date(claim, d)]
    b = [d for d in evidence.dates if _explicit(d) and _event_date(evidence, d)]
    if DATE_SAME_ACTION:
        a = [d for d in a if any(_date_actions_meet(claim, d, evidence, e) for e in b)]
        b = [e for e in b if any(_date_actions_meet(claim, d, evidence, e) for d in a)]
    if any(_describing(claim, d) for d in a) or any(_describing(evidence, d) for d in b):
        a = [d for d in a if not _describing(claim, d) or any(_same_verb(_date_verb(claim, d), _date_verb(evidence, e)) for e in b)]
        b = [e for e in b if not _describing(evidence, e) or any(_same_verb(_date_verb(claim, d), _date_verb(evidence, e)) for d in a)]
    return [Check("date", d.detail, d.here, d.there) for d in dates(a, b)] or _other_spans(a, b)


_SPAN_OF_YEARS = re.compile(r"\b(?:between|from)\s+(\d{4})\s+(?:and|to|until)\s+(\d{4})\b", re.IGNORECASE)


def _other_spans(a: list, b: list) -> list[Check]:
    """Two spans of years of one action that end alike but start apart ("between 2016 and 2019" /
    "between 2013 and 2019"): the dates read only their last year."""
    for d in a:
        for e in b:
            x, y = _SPAN_OF_YEARS.search(d.span.text), _SPAN_OF_YEARS.search(e.span.text)
            if x and y and x.groups() != y.groups():
                return [Check("date", f"{x.group(1)}-{x.group(2)} vs {y.group(1)}-{y.group(2)}", (d.span,), (e.span,))]
    return []
