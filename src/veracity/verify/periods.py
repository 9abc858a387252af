"""Periods: how long a thing lasts, to a year ("until at least 2030" / "only until the end of
2027"), and the months an action spans ("between January and June" / "between July and December
2025"), compared where the tagger reads no date. Part of the date check
(:func:`veracity.verify.when.check_dates`)."""

from __future__ import annotations

import re

from ..claims.quantities import WORD_VALUES
from ..records import Check, Span
from . import lexicon
from .parties import children
from .reading import Reading
from .where import _same_verb


# How long a thing lasts, to a year: "would remain at current levels until at least 2030" /
# "are guaranteed only until the end of 2027" (the tagger often reads no date in "at least 2030").
_UNTIL_YEAR = re.compile(r"\b(?:until|till|through)\s+(?:at\s+least\s+)?(?:the\s+(?:end|start|middle)\s+of\s+)?((?:19|20)\d\d)\b",
                         re.IGNORECASE)


def _span_verb(r: Reading, at: int, kinds: tuple[str, ...] = ("VERB",)) -> tuple | None:
    """The verb the word at ``at`` ("until", "between") hangs on."""
    by_start = {t[0]: t for t in r.tree}
    u = by_start.get(at)
    v = by_start.get(u[4]) if u is not None else None
    return v if v is not None and v[2] in kinds else None


def _lasting(r: Reading, at: int) -> set[str]:
    """The nouns of what lasts until a year: the subject of the verb "until" hangs on, or the noun
    a describing clause's verb describes ("current volumes ... are guaranteed until ...")."""
    by_start, kids = {t[0]: t for t in r.tree}, children(r)
    v = _span_verb(r, at, ("VERB", "AUX"))
    if v is None:
        return set()
    out = {k[1] for k in kids.get(v[0], []) if k[3] in ("nsubj", "nsubjpass") and k[2] == "NOUN"}
    if v[3] in ("acl", "relcl") and (n := by_start.get(v[4])) is not None and n[2] == "NOUN":
        out.add(n[1])
    return out


def until_years(claim: Reading, evidence: Reading) -> list[Check]:
    for m in _UNTIL_YEAR.finditer(claim.text):
        a = _lasting(claim, m.start())
        for n in _UNTIL_YEAR.finditer(evidence.text):
            if m.group(1) != n.group(1) and any(lexicon.same_stem(x, y) for x in a for y in _lasting(evidence, n.start())):
                return [Check("date", f"'{m.group()}' vs '{n.group()}': lasting to another year",
                              (Span.of(claim.text, m.start(), m.end()),), (Span.of(evidence.text, n.start(), n.end()),))]
    return []


# Two months bounding a period, a year or not: "between January and June" / "between July and
# December 2025" (the tagger reads no date in the first).
_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_SPAN = re.compile(r"\b(?:between|from)\s+(" + "|".join(_MONTHS) + r")\s+(?:and|to|until)\s+(" + "|".join(_MONTHS) + r")\b",
                         re.IGNORECASE)


def month_spans(claim: Reading, evidence: Reading) -> list[Check]:
    """One action over two periods of months: "shipped ... between January and June" / "sent ...
    between July and December 2025"."""
    for m in _MONTH_SPAN.finditer(claim.text):
        v = _span_verb(claim, m.start())
        for n in _MONTH_SPAN.finditer(evidence.text):
            w = _span_verb(evidence, n.start())
            if v is None or w is None or not (_same_verb(v, w) or lexicon.synonym_verbs(v[1], w[1])):
                continue
            if (m.group(1).lower(), m.group(2).lower()) != (n.group(1).lower(), n.group(2).lower()):
                return [Check("date", f"'{m.group()}' vs '{n.group()}': other months",
                              (Span.of(claim.text, m.start(), m.end()),), (Span.of(evidence.text, n.start(), n.end()),))]
    return []


# An extension by a length of time: "keep the Adre crossing ... open for another six months" /
# "extended permission ... by three months". Both sides must extend (a word of extending, or
# "another", "a further"), so two different spells ("closed for two weeks" / "banned for three
# weeks") are never set against each other.
_NUMBER = r"(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)"
_SPELL = re.compile(r"\b(?:for|by)\s+(another\s+|a\s+further\s+|an\s+additional\s+|further\s+|additional\s+)?"
                    + _NUMBER + r"\s+(day|week|month|year)s?\b", re.IGNORECASE)
_EXTENDING = re.compile(r"\b(?:extend\w*|extension|renew\w*|prolong\w*)\b", re.IGNORECASE)


def _spells(text: str) -> list[tuple[re.Match, int, str]]:
    """(match, length, unit) of each extension the text gives."""
    out = []
    for m in _SPELL.finditer(text):
        if not (m.group(1) or _EXTENDING.search(text, max(0, m.start() - 80), m.start())):
            continue
        n = m.group(2).lower()
        out.append((m, int(n) if n.isdigit() else int(WORD_VALUES[n]), m.group(3).lower()))
    return out


def extensions(claim: Reading, evidence: Reading) -> list[Check]:
    for m, n, unit in _spells(claim.text):
        for o, k, unit2 in _spells(evidence.text):
            if unit == unit2 and n != k:
                return [Check("number", f"'{m.group().strip()}' vs '{o.group().strip()}': extended by another length of time",
                              (Span.of(claim.text, m.start(), m.end()),), (Span.of(evidence.text, o.start(), o.end()),))]
    return []
