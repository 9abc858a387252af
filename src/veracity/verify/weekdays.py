"""Two weekdays of one thing done ("took over ... on Wednesday night" / "occupied ... in the
early hours of Monday").

A weekday is read from its report's date: "on Monday" in a report of Friday 8 May is 4 May.
When both reports are dated, two weekdays of one past event are two days (``weekdays_apart``,
a date check). When one or both are not (an article pasted without ``--published``), which
week each means is unknown; read in one week they are two days, and in two weeks two events.
So the evidence is not read as support (``undated_weekdays_apart``), and not as refutation.
"""

from __future__ import annotations

import re

from ..records import Check
from .reading import Reading, read
from .when import check_dates

ON_WEEKDAY = re.compile(r"\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
ANY_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A weekday still to come is not compared: a report's "would meet on Thursday" is read as the
# Thursday before it.
TO_COME_WORDS = re.compile(r"\b(?:will|would|shall|is\s+due|are\s+due|plans?\s+to|expected\s+to|scheduled|set\s+to|next)\b",
                           re.IGNORECASE)
# The day two undated reports are both read from: any day serves, since each weekday is then read
# as a day of the same week before it, and only whether the two are one day is compared.
UNDATED_ANCHOR = "2001-01-03"


def _both_done(claim: str, evidence: str) -> bool:
    return bool(ANY_WEEKDAY.search(claim) and ANY_WEEKDAY.search(evidence)
                and not (TO_COME_WORDS.search(claim) or TO_COME_WORDS.search(evidence)))


def weekdays_apart(cr: Reading, er: Reading) -> list[Check]:
    """The date checks of two dated reports that compare weekdays only ("voted on Tuesday" is no
    date of "Spain's 2023 housing act")."""
    if not (cr.published and er.published and _both_done(cr.text, er.text)):
        return []
    return [c for c in check_dates(cr, er) if all(ANY_WEEKDAY.search(sp.text) for sp in (*c.claim, *c.evidence))]


def undated_weekdays_apart(claim: str, evidence: str, claim_published: str | None, published: str | None) -> list[Check]:
    """The same, when one report or both are undated: both read as of the same day (the dated
    one's, else ``UNDATED_ANCHOR``)."""
    if (claim_published and published) or not _both_done(claim, evidence):
        return []
    anchor = claim_published or published or UNDATED_ANCHOR
    return weekdays_apart(read(claim, anchor), read(evidence, anchor))
