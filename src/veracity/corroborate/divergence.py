"""Where two linked claims disagree, from the structured parts the dossier already has.

Each comparison reads model fields (Quantity, Place, DateRef, entities/frames, Modality,
Attribution.source_type) — never re-extracts from text — and reports a
:class:`~veracity.records.Divergence` with the spans on both sides. A part present on one side
only is *not* a divergence (reports differ in detail); only two values for the same slot are.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..records import Attribution, Claim, DateRef, Divergence, Place, Quantity, Span

# Two quantities with the same unit whose values differ by less than this relative amount are
# the same figure rounded ("1.13bn" vs "1,130m"); beyond it they are different figures.
REL_TOLERANCE = 0.005

# Entity labels that name actors (people, organisations). GPE is handled as places; NORP
# ("Russian", "Labour supporters") is an attribute more than an actor and, on BBC copy, made
# most of the noisy actor divergences.
ACTOR_LABELS = frozenset({"PERSON", "ORG"})
# Source types that name who speaks; anything else is unnamed.
NAMED_SOURCES = frozenset({"person", "official", "organisation", "outlet", "document"})


def _unit(q: Quantity) -> str:
    u = (q.unit or "").lower().strip()
    return u[:-1] if u.endswith("s") and len(u) > 3 else u


def _same_value(a: Quantity, b: Quantity) -> bool:
    def close(x: float | None, y: float | None) -> bool:
        if x is None or y is None:
            return x is y
        return abs(x - y) <= REL_TOLERANCE * max(abs(x), abs(y), 1e-9)

    return close(a.value, b.value) and close(a.value_max, b.value_max)


def quantities(a: Sequence[Quantity], b: Sequence[Quantity]) -> list[Divergence]:
    """Per unit shared by both claims: values that find no equal on the other side diverge.

    Quantities are paired by unit so that '300 troops' is never compared with '5 percent';
    within a unit, equal values cancel out and what is left on both sides is a divergence.
    """
    out = []
    units = {_unit(q) for q in a} & {_unit(q) for q in b}
    for u in sorted(units):
        qa = [q for q in a if _unit(q) == u]
        qb = [q for q in b if _unit(q) == u]
        left = [q for q in qa if not any(_same_value(q, r) for r in qb)]
        right = [r for r in qb if not any(_same_value(q, r) for q in qa)]
        if left and right:
            out.append(Divergence("quantity", tuple(q.span for q in left), tuple(r.span for r in right),
                                  f"{u or 'number'}: {_fmt(left)} vs {_fmt(right)}"))
            continue
        # Same numbers, different qualifier: "more than 300" vs "300".
        for q in qa:
            for r in qb:
                if _same_value(q, r) and q.qualifier != r.qualifier:
                    out.append(Divergence("quantity", (q.span,), (r.span,), f"{u or 'number'}: qualifier {q.qualifier} vs {r.qualifier}"))
    if not out:
        out += _lone_leftovers(a, b)
    return out


def _lone_leftovers(a: Sequence[Quantity], b: Sequence[Quantity]) -> list[Divergence]:
    """One unmatched figure on each side where one of them lost its unit to the extractor
    ("More than 20 followed suit" read as 20 'suit', "More than 60" as a bare 60): with a
    single candidate on each side the pairing is unambiguous, so it is a divergence."""
    left = [q for q in a if not any(_same_value(q, r) for r in b)]
    right = [r for r in b if not any(_same_value(q, r) for q in a)]
    if len(left) == 1 and len(right) == 1 and (not _unit(left[0]) or not _unit(right[0])):
        q, r = left[0], right[0]
        return [Divergence("quantity", (q.span,), (r.span,), f"{_unit(q) or _unit(r) or 'number'}: {_fmt([q])} vs {_fmt([r])}")]
    return []


def _fmt(qs: Iterable[Quantity]) -> str:
    def one(q: Quantity) -> str:
        v = f"{q.value:g}" + (f"-{q.value_max:g}" if q.value_max is not None else "")
        return (q.qualifier if q.qualifier != "=" else "") + v
    return ", ".join(one(q) for q in qs)


def _norm_place(p: Place) -> str:
    return p.name.strip().lower()


def _compatible(p: Place, r: Place) -> bool:
    """Not a contradiction: the same country, or a city/region inside a country named opposite.

    Two finer places (two cities) must have the same name: Belfast and London are both GB
    and still two different places.
    """
    if _norm_place(p) == _norm_place(r):
        return True
    if not p.codes or not r.codes:
        return False
    if p.kind == "country" or r.kind == "country":
        return bool(set(p.codes) & set(r.codes))
    return False


def places(a: Sequence[Place], b: Sequence[Place]) -> list[Divergence]:
    """Places diverge when each side names a place the other lacks (a swap, not an addition),
    or when the same place carries different qualifiers (eastern vs western Ukraine).

    Matching is in two passes: places named identically on both sides cancel first, so a
    country mentioned on both sides ("British troops") cannot absorb a swapped city
    (Belfast -> Paris); what is left is then matched by containment (London ~ UK).
    """
    out = []
    names_a = {_norm_place(p) for p in a}
    names_b = {_norm_place(r) for r in b}
    # A place the resolver could not place (no codes: "Yugansk" the company nickname) is not
    # known to be a place at all, so it cannot contradict one.
    rest_a = [p for p in a if _norm_place(p) not in names_b and p.codes]
    rest_b = [r for r in b if _norm_place(r) not in names_a and r.codes]
    left = [p for p in rest_a if not any(_compatible(p, r) for r in rest_b)]
    right = [r for r in rest_b if not any(_compatible(p, r) for p in rest_a)]
    if left and right:
        out.append(Divergence("place", tuple(p.span for p in left), tuple(p.span for p in right),
                              f"{', '.join(p.name for p in left)} vs {', '.join(p.name for p in right)}"))
    for p in a:
        for r in b:
            if _norm_place(p) == _norm_place(r) and p.qualifier and r.qualifier and p.qualifier != r.qualifier:
                out.append(Divergence("place", (p.span,), (r.span,), f"{p.name}: {p.qualifier} vs {r.qualifier}"))
    return out


def _date_parts(d: DateRef) -> tuple[str, ...]:
    return tuple((d.value or "").split("-")) if d.value else ()


def _dates_agree(x: DateRef, y: DateRef) -> bool:
    """Compare on the coarser of the two granularities: '2005-03' agrees with '2005-03-14'."""
    px, py = _date_parts(x), _date_parts(y)
    n = min(len(px), len(py))
    return px[:n] == py[:n]


def dates(a: Sequence[DateRef], b: Sequence[DateRef]) -> list[Divergence]:
    """Dates diverge when, after equal values cancel, a date on each side is left that does not
    agree with any left on the other (on the coarser granularity: '2005-03' ~ '2005-03-14').

    Cancelling equal values first matters: otherwise a day mentioned on both sides
    ("Wednesday", 2005-01-12) would absorb a changed year ("in 2005" -> "in 2003") by agreeing
    with '2005' at year granularity.
    """
    ra = [d for d in a if d.value]
    rb = [d for d in b if d.value]
    va, vb = {d.value for d in ra}, {d.value for d in rb}
    rest_a = [d for d in ra if d.value not in vb]
    rest_b = [e for e in rb if e.value not in va]
    left = [d for d in rest_a if not any(_dates_agree(d, e) for e in rest_b)]
    right = [e for e in rest_b if not any(_dates_agree(d, e) for d in rest_a)]
    if left and right:
        return [Divergence("date", tuple(d.span for d in left), tuple(d.span for d in right),
                           f"{', '.join(d.value or '' for d in left)} vs {', '.join(d.value or '' for d in right)}")]
    return []


_SPACE = re.compile(r"\s+")


def _norm_name(s: str) -> str:
    s = _SPACE.sub(" ", s.strip().lower())
    return s[4:] if s.startswith("the ") else s


def _actors(c: Claim) -> dict[str, Span]:
    out: dict[str, Span] = {}
    for e in c.entities:
        if e.label in ACTOR_LABELS:
            out.setdefault(_norm_name(e.span.text), e.span)
    return out


def _surname_match(x: str, y: str) -> bool:
    """'Mr Blair' / 'Tony Blair' / 'Blair' are one actor: a shared last word is enough."""
    return x == y or x.split(" ")[-1] == y.split(" ")[-1]


def actors(a: Claim, b: Claim) -> list[Divergence]:
    """Named actors diverge when both claims name actors and at least one on each side has no
    counterpart (a different minister, a different company)."""
    xa, xb = _actors(a), _actors(b)
    left = [n for n in xa if not any(_surname_match(n, m) for m in xb)]
    right = [m for m in xb if not any(_surname_match(n, m) for n in xa)]
    if left and right:
        return [Divergence("actor", tuple(xa[n] for n in left),
                           tuple(xb[m] for m in right), f"{', '.join(left)} vs {', '.join(right)}")]
    return []


def modality(a: Claim, b: Claim) -> list[Divergence]:
    ma, mb = a.modality, b.modality
    if ma and mb and ma.label != mb.label:
        return [Divergence("modality", ma.cues or (a.span,), mb.cues or (b.span,), f"{ma.label} vs {mb.label}")]
    return []


def source_types(sa: Sequence[Attribution], sb: Sequence[Attribution]) -> list[Divergence]:
    """A named source here and an unnamed one there ("a named minister here, 'sources' there").

    Only 'named' against 'anonymous' counts: a pronoun ("he said") names someone the article
    introduced earlier, so it is neither, and a side with no attribution says nothing.
    """
    ta = {s.source_type for s in sa}
    tb = {s.source_type for s in sb}

    def side(types: set[str]) -> str | None:
        if types & NAMED_SOURCES and "anonymous" not in types:
            return "named"
        if "anonymous" in types and not types & NAMED_SOURCES:
            return "anonymous"
        return None

    ka, kb = side(ta), side(tb)
    if ka and kb and ka != kb:
        here = tuple(sp for s in sa for sp in s.source)
        there = tuple(sp for s in sb for sp in s.source)
        return [Divergence("source_type", here, there, f"{'/'.join(sorted(ta))} vs {'/'.join(sorted(tb))}")]
    return []


def compare(a: Claim, b: Claim, attrs_a: Sequence[Attribution] = (), attrs_b: Sequence[Attribution] = ()) -> tuple[Divergence, ...]:
    """All divergences between claim ``a`` (here) and claim ``b`` (there)."""
    out: list[Divergence] = []
    out += quantities(a.quantities, b.quantities)
    out += places(a.places, b.places)
    out += dates(a.dates, b.dates)
    out += actors(a, b)
    out += modality(a, b)
    out += source_types(attrs_a, attrs_b)
    return tuple(out)


def claim_attributions(claim: Claim, attributions: Sequence[Attribution]) -> list[Attribution]:
    by_id = {x.id: x for x in attributions}
    return [by_id[i] for i in claim.attribution_ids if i in by_id]
