"""Terms: how long a prison sentence, a ban or a suspension lasts ("will serve 12 years" /
"is serving a 15-year sentence"; "faces up to 15 years in prison" / "carry a maximum penalty
of 10 years' imprisonment"). The quantity tagger reads no figure in a duration, so the number
check (:mod:`veracity.verify.figures`) never compares two; this does, for terms only, and the
contradiction checks gate it like any figure (the same party on both sides, the same topic).

Terms are compared by kind: a ceiling ("up to", "a maximum of") with a ceiling, a term with a
term. They conflict only when none of one side's values is any of the other's: "reduced his
sentence from eight to six years" gives both eight and six, and agrees with either.
"""

from __future__ import annotations

import re

from ..claims.quantities import WORD_VALUES
from ..records import Check, Span
from .reading import Reading

_NUMBER = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
# "up to 15 years", "a maximum penalty of 10 years'", "a 15-year sentence", "six months", "12 years"
_TERM = re.compile(rf"\b(?:(?P<ceiling>up\s+to|a\s+maximum\s+(?:penalty\s+|sentence\s+|term\s+)?of|maximum\s+of|at\s+most)\s+)?"
                   rf"(?P<n>\d+(?:\.\d+)?|{_NUMBER})[\s-](?P<unit>year|month)s?\b(?!-old|\s+old\b|\s+ago\b|\s+earlier\b|\s+later\b)",
                   re.IGNORECASE)
# Words that make a duration a term of punishment or office served (within TERM_WINDOW).
_TERM_WORDS = re.compile(r"\b(?:sentenc\w*|prison|jail\w*|gaol\w*|imprison\w*|serv(?:e|es|ed|ing)|term|penalty|custody|"
                         r"detention|behind\s+bars|ban(?:ned)?|suspen\w+)\b", re.IGNORECASE)
TERM_WINDOW = 40
# "from eight to six years": the term before a change is given too.
_FROM = re.compile(rf"\bfrom\s+(\d+(?:\.\d+)?|{_NUMBER})(?:[\s-](?:years?|months?))?\s+to\s+$", re.IGNORECASE)
# Approximate terms ("about 12 years") agree within this share of each other.
ABOUT = 0.1


def terms(text: str) -> list[tuple[Span, str, float]]:
    """(span, kind, months) of each term in ``text``: kind "ceiling" or "term"."""
    out = []
    for m in _TERM.finditer(text):
        around = text[max(0, m.start() - TERM_WINDOW):m.end() + TERM_WINDOW]
        if not _TERM_WORDS.search(around):
            continue
        per = 12 if m.group("unit").lower() == "year" else 1
        kind = "ceiling" if m.group("ceiling") else "term"
        out.append((Span(m.start(), m.end(), m.group()), kind, _value(m.group("n")) * per))
        if f := _FROM.search(text, max(0, m.start() - 30), m.start()):
            out.append((Span(f.start(1), f.end(1), f.group(1)), kind, _value(f.group(1)) * per))
    return out


def _value(n: str) -> float:
    n = n.lower()
    return float(n) if n[0].isdigit() else WORD_VALUES[n]


# Characters around a term where the person serving it is named.
HOLDER_WINDOW = (80, 40)


def _holder(r: Reading, sp: Span) -> str | None:
    """The surname of the person named nearest the term ("Sophie Marx, ... who had received an
    18-month suspended sentence"; "the six-year sentence handed to Marc Feltgen")."""
    a, b = sp.start - HOLDER_WINDOW[0], sp.end + HOLDER_WINDOW[1]
    near = [e for e in r.entities if e.label == "PERSON" and a <= e.span.start and e.span.end <= b]
    if not near:
        return None
    e = min(near, key=lambda e: min(abs(e.span.end - sp.start), abs(e.span.start - sp.end)))
    return re.sub(r"['\u2019]s?$", "", e.span.text.split()[-1]).lower()


def check_terms(claim: Reading, evidence: Reading) -> list[Check]:
    # each side's terms, less those of someone the other side's terms are never of
    a, b = terms(claim.text), terms(evidence.text)
    wa, wb = [_holder(claim, x[0]) for x in a], [_holder(evidence, y[0]) for y in b]  # whose, once each
    ha, hb = set(wa) - {None}, set(wb) - {None}
    if ha and hb:
        a = [x for x, w in zip(a, wa) if w in hb | {None}]
        b = [y for y, w in zip(b, wb) if w in ha | {None}]
    for kind in ("term", "ceiling"):
        xa = [x for x in a if x[1] == kind]
        yb = [y for y in b if y[1] == kind]
        if not xa or not yb:
            continue
        if any(abs(x[2] - y[2]) <= ABOUT * max(x[2], y[2]) for x in xa for y in yb):
            continue
        x, y = xa[0], yb[0]
        return [Check("number", f"'{x[0].text}' vs '{y[0].text}' (the {'maximum ' if kind == 'ceiling' else ''}term differs)",
                      (x[0],), (y[0],))]
    return []
