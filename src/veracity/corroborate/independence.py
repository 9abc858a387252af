"""How many independent lines of evidence stand behind a claim.

Two reports are one line of evidence when they rest on the same original source: the same
named person or organisation at the end of their attribution chains, the same kind of
anonymous source ("a senior official", "diplomats") for the same claim, or when one report
cites the other's outlet. Reports with no attribution are their outlet's own reporting: one
line per outlet. Grouping is a union-find over these links, so chains of "A cites B, B and
C quote the same official" collapse into one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..records import Attribution
from ..verify.origin import strip_dateline

# Head words of anonymous sources we treat as "the same kind of source". Two outlets citing
# "a senior US official" and "US officials" on the same claim cannot be told apart, so the
# conservative reading is one line of evidence (the issue's own example).
_ANON_HEADS = re.compile(r"(official|diplomat|source|aide|insider|person|people|analyst|expert|spokes\w*|minister|officer|intelligence)s?\b", re.I)
_SPACE = re.compile(r"\s+")
_NAME_TRIM = re.compile(r"^(the|a|an|mr|mrs|ms|dr)\s+", re.I)


def norm(name: str | None) -> str:
    """Lower case, no leading article, no dateline ("OSLO, March 5 - ", which says where the
    report was filed, not who said it)."""
    s = _SPACE.sub(" ", strip_dateline(name or "").strip().lower())
    while True:
        t = _NAME_TRIM.sub("", s)
        if t == s:
            return s
        s = t


@dataclass(frozen=True)
class Report:
    """One report of a claim: which document, which outlet, and the attribution(s) it carries."""

    key: str  # document id
    outlet: str | None
    attributions: tuple[Attribution, ...] = ()


def origin(report: Report) -> str:
    """The original source a report rests on, as a comparable key.

    The innermost chain link is the origin ("Reuters, citing officials" rests on the
    officials); without a chain, the attribution's own source; without any, the outlet.
    """
    for a in report.attributions:
        link_type, entity, text = a.source_type, a.source_entity, " ".join(s.text for s in a.source)
        if a.chain:
            last = a.chain[-1]
            link_type, entity, text = last.source_type, last.entity, last.span.text
        if link_type == "anonymous":
            m = _ANON_HEADS.search(text)
            return f"anonymous:{(m.group(1).lower() if m else 'source')}"
        if link_type in ("person", "official", "organisation", "outlet", "document") and norm(entity or text):
            return f"{link_type}:{norm(entity or text)}"  # a dateline alone ("OSLO") names no one
    return f"outlet:{norm(report.outlet) or report.key}"


def cited_outlets(report: Report) -> set[str]:
    """Outlets a report cites anywhere along its chains (for 'one outlet citing the other')."""
    out = set()
    for a in report.attributions:
        if a.source_type == "outlet":
            out.add(norm(a.source_entity or " ".join(s.text for s in a.source)))
        for link in a.chain:
            if link.source_type == "outlet":
                out.add(norm(link.entity or link.span.text))
    return {o for o in out if o}


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def group(reports: Sequence[Report]) -> list[list[int]]:
    """Indices of ``reports`` grouped into lines of evidence, in first-seen order."""
    uf = _UnionFind(len(reports))
    origins = [origin(r) for r in reports]
    outlets = [norm(r.outlet) for r in reports]
    first: dict[str, int] = {}
    for i, o in enumerate(origins):
        if o in first:
            uf.union(first[o], i)
        else:
            first[o] = i
    for i, r in enumerate(reports):
        cited = cited_outlets(r)
        for j, out in enumerate(outlets):
            # A report citing outlet X joins X's reports. (The same outlet's own, unattributed
            # reporting already shares one origin key, "outlet:<name>".)
            if j != i and out and out in cited:
                uf.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(reports)):
        groups.setdefault(uf.find(i), []).append(i)
    return list(groups.values())


def independent_lines(own: Report | None, reports: Sequence[Report]) -> tuple[int, list[str]]:
    """Lines of evidence among ``reports`` that do not share a line with the claim's own report.

    Returns the count and each report's origin key (its line's first origin), aligned with
    ``reports``. The claim's own article is not counted: corroboration is what *else* says it.
    """
    allr = ([own] if own else []) + list(reports)
    groups = group(allr)
    line_of = {}
    for g in groups:
        label = origin(allr[g[0]])
        for i in g:
            line_of[i] = (tuple(g), label)
    off = 1 if own else 0
    own_group = line_of[0][0] if own else ()
    lines = {line_of[i + off][0] for i in range(len(reports)) if line_of[i + off][0] != own_group}
    return len(lines), [line_of[i + off][1] for i in range(len(reports))]


def attributions_for(span_start: int, span_end: int, attributions: Iterable[Attribution]) -> tuple[Attribution, ...]:
    """Attributions whose content overlaps a sentence [start, end) of the same document."""
    out = []
    for a in attributions:
        if any(c.start < span_end and span_start < c.end for c in a.content):
            out.append(a)
    return tuple(out)
