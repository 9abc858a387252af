"""When: the dates a sentence gives its events, and the date check (:func:`check_dates`): the
same action dated differently on the two sides. Dates of saying, bounds ("after 30 June"),
comparisons ("down from ... in 2025") and dates in a clause describing a party ("Finland, which
joined NATO in April 2023, ...") are not the claim's event's date."""

from __future__ import annotations

import re

from ..records import Check
from . import lexicon
from .counted import move
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
                       r"than)\b(?:[^.;:]|\.(?=\d)){0,40}$", re.IGNORECASE)  # "down from 3.3 percent in April"


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


def _described(r: Reading, v: tuple | None) -> set[str]:
    """The words naming what a describing clause describes: "Nuri Market, *founded* in 2012" ->
    {nuri, market}."""
    if v is None:
        return set()
    return {t[1] for t in r.tree if t[0] == v[4] or (t[4] == v[4] and t[3] == "compound")}


def _same_described(claim: Reading, d, evidence: Reading, e) -> bool:
    """A date in a clause describing a party is compared with the same action only, of the same
    party when both describe one: "Nuri Market, founded in 2012" / "Haneul Shop, founded in 2009
    and Nuri Market's largest rival" are two companies' foundings."""
    v, w = _date_verb(claim, d), _date_verb(evidence, e)
    if not _same_verb(v, w):
        return False
    if _describing(claim, d) and _describing(evidence, e):
        a, b = _described(claim, v), _described(evidence, w)
        return not (a and b) or bool(a & b)
    return True


_IN_BEFORE = re.compile(r"\b(?:in|during)\s+$", re.IGNORECASE)
# ... or the year of an event named after it: "with 31 seats in the *2022* election".
_EVENT_AFTER = re.compile(r"\s+(?:general\s+|presidential\s+|parliamentary\s+|local\s+)?(?:elections?|vote|poll|referendum|census|"
                          r"season|budget|campaign|crisis|war|floods?|earthquake|outbreak|strike|tournament|final|fiscal year)\b",
                          re.IGNORECASE)


def event_years(r: Reading, dated_only: bool = False) -> set[str]:
    """The years of the dates a sentence gives its events (not of its statements, bounds or
    comparisons), whatever their granularity; ``dated_only``: only a year an event is said to
    happen in ("In 2018, another company lost ...", "31 seats in the 2022 election"), not one
    naming a thing ("the 1944 water treaty"). "last year" is no such year: the latest full year's
    figure is the current one ("11 per cent of households did not pay last year")."""
    return {d.value[:4] for d in r.dates if d.value and _YEAR.match(d.value[:4]) and _explicit(d) and _event_date(r, d)
            and (not dated_only or _IN_BEFORE.search(r.text[max(0, d.span.start - 8):d.span.start])
                 or (re.search(r"\b(?:in|during)\s+the\s+$", r.text[max(0, d.span.start - 12):d.span.start], re.IGNORECASE)
                     and _EVENT_AFTER.match(r.text, d.span.end)))}


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
        a = [d for d in a if not _describing(claim, d) or any(_same_described(claim, d, evidence, e) for e in b)]
        b = [e for e in b if not _describing(evidence, e) or any(_same_described(claim, d, evidence, e) for d in a)]
    return [Check("date", d.detail, d.here, d.there) for d in dates(a, b)] or _other_spans(a, b) or _other_months(claim, evidence)


_DAY = re.compile(r"\d")


def _bare(d) -> bool:
    """A month or day named without its year ("in October", "on November 20"): the year is
    guessed from the publication date, so only the month (and day) can be compared."""
    return d.granularity in ("month", "day") and bool(d.value) and not _YEAR.search(d.span.text) \
        and bool(_MONTH.search(d.span.text)) and (d.granularity == "day" or not _DAY.search(d.span.text))


def _meets(claim: Reading, d, evidence: Reading, e) -> bool:
    """Both dates are of one action: the claim's verb, and the evidence's verb or, when the parse
    finds none above its date, an event noun of that verb in the evidence ("will be sentenced on
    November 20" / "lists sentencing ... for 27 November")."""
    v, w = _date_verb(claim, d), _date_verb(evidence, e)
    if v is None:
        return False
    if w is not None:
        return _date_actions_meet(claim, d, evidence, e)
    return any(t[2] in ("NOUN", "VERB") and lexicon.same_stem(t[1], v[1]) for t in evidence.tree if t[0] != e.span.start)


def _changes(r: Reading) -> bool:
    return any(move(r, q) in ("rise", "fall") for q in r.quantities)


def _other_months(claim: Reading, evidence: Reading) -> list[Check]:
    """One action dated on two days or in two months of the year, a month or day named without
    its year on one side at least ("will be signed in New Delhi later this month", published in
    March / "would be signed in October"; "will be sentenced on November 20" / "lists sentencing
    ... for 27 November"). Whichever year the bare date is read in, they differ; two readings of
    one month or day ("in March" / "March 2027") are left to the guessed year, so never compared."""
    a = [d for d in claim.dates if d.value and d.granularity in ("month", "day") and _event_date(claim, d)
         and (_explicit(d) or _bare(d)) and not _describing(claim, d)]
    b = [e for e in evidence.dates if e.value and e.granularity in ("month", "day") and _event_date(evidence, e)
         and (_explicit(e) or _bare(e)) and not _describing(evidence, e)]
    if _changes(claim) and _changes(evidence):  # "rose 4.1 percent in May" / "rose 3.2 percent in April": two periods' figures
        return []
    # One of the claim's dates is the evidence's ("sparked by lightning last Thursday, had burned
    # ... by Monday evening" / "ignited by a lightning strike on July 9"): the days agree.
    if any(d.value and d.value[:10] == e.value[:10] for d in claim.dates for e in b if d.granularity == e.granularity == "day"):
        return []
    for d in a:
        for e in b:
            if not (_bare(d) or _bare(e)) or not _meets(claim, d, evidence, e):
                continue
            upto = 10 if d.granularity == e.granularity == "day" else 7
            if d.value[5:upto] != e.value[5:upto]:
                return [Check("date", f"'{d.span.text}' vs '{e.span.text}': another {'day' if upto == 10 else 'month'}",
                              (d.span,), (e.span,))]
    return []


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
