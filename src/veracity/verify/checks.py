"""Precise contradiction checks between a claim and one evidence sentence.

Sentence vectors barely see contradiction, so these rules look for it directly and say which
words fired: numbers that disagree on the same unit ("10,000 troops" vs "30,000 troops"),
years that disagree, negation on one side only, WordNet antonyms ("rise" vs "fall"), and a
title held formerly on one side and presently on the other ("former president X" vs
"President X"). Each check returns :class:`veracity.records.Check` records whose spans are
offsets into the claim and evidence strings given (callers shift them into document offsets).
Checks only fire when the two texts are about the same thing (enough shared content words):
two unrelated sentences with different numbers do not contradict each other.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..records import Check, Span

WORDNET_DIR = Path("/usr/share/wordnet")
# Share of the claim's content words that must recur in the evidence before a mismatch counts
# as a contradiction rather than two sentences about different things.
MIN_TOPIC_OVERLAP = 0.3
# Numbers within 5% are the same figure rounded ("about 10,000" vs "9,800").
NUMBER_TOLERANCE = 0.05

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*|\d[\d,]*(?:\.\d+)?")
_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those
    he she they we you i his her their our your them him us me my do does did have has had will would shall should can
    could may might must also than then there here so such into over under about after before up down out more most very
    just said says say which who whom what when where while""".split()
)
NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without cannot n't isn't aren't wasn't weren't don't doesn't didn't "
    "won't wouldn't can't couldn't shouldn't hasn't haven't hadn't denied denies deny refuted false myth".split()
)
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|bn|m|k)\b)?"
    r"(\s*(?:%|percent|per cent))?(?:\s+([A-Za-z][A-Za-z-]+))?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
TITLES = "president|prime minister|minister|secretary|chancellor|governor|mayor|ceo|chairman|leader|king|queen|pope|director"
# Titles match in any case; the name after them must be capitalised words.
_FORMER = re.compile(rf"\b(?i:(former|ex-|ex |late)\s*({TITLES}))\s+([A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}})")
_CURRENT = re.compile(rf"(?<![Ff]ormer )(?<!ex-)\b(?i:({TITLES}))\s+([A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}})")


def content_words(text: str) -> list[str]:
    return [w for w in (t.lower() for t in _TOKEN.findall(text)) if w not in _STOP and len(w) > 1]


def topic_overlap(claim: str, evidence: str) -> float:
    c = set(content_words(claim))
    if not c:
        return 0.0
    return len(c & set(content_words(evidence))) / len(c)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    unit: str  # "%" for percentages, else the next word, lower-cased, plural stripped


def numbers(text: str) -> list[Number]:
    out = []
    for m in _NUMBER.finditer(text):
        raw, scale, pct, unit = m.group(1), m.group(2), m.group(3), m.group(4)
        value = float(raw.replace(",", ""))
        if scale:
            value *= SCALE[scale.lower()]
        if not scale and not pct and _YEAR.fullmatch(raw):
            continue  # a year is a date, checked separately
        u = "%" if pct else (unit or "").lower()
        if u.endswith("s") and len(u) > 3:
            u = u[:-1]
        end = m.end(3) if pct else (m.end(2) if scale else m.end(1))
        if u in _STOP:
            u = ""
        out.append(Number(m.start(1), end, value, u))
    return out


def _differ(a: float, b: float) -> bool:
    return abs(a - b) > NUMBER_TOLERANCE * max(abs(a), abs(b), 1e-9)


def check_numbers(claim: str, evidence: str) -> list[Check]:
    cn, en = numbers(claim), numbers(evidence)
    out = []
    for c in cn:
        if not c.unit:
            continue
        same_unit = [e for e in en if e.unit == c.unit]
        if same_unit and all(_differ(c.value, e.value) for e in same_unit):
            e = same_unit[0]
            unit = "" if c.unit == "%" else f" (unit: {c.unit})"
            out.append(Check("number", f"{claim[c.start:c.end]} vs {evidence[e.start:e.end]}{unit}",
                             (Span.of(claim, c.start, c.end),), tuple(Span.of(evidence, x.start, x.end) for x in same_unit)))
    return out


def check_dates(claim: str, evidence: str) -> list[Check]:
    cy = list(_YEAR.finditer(claim))
    ey = list(_YEAR.finditer(evidence))
    if not cy or not ey:
        return []
    ev_years = {m.group() for m in ey}
    out = []
    for m in cy:
        if m.group() not in ev_years:
            out.append(Check("date", f"{m.group()} vs {', '.join(sorted(ev_years))}", (Span.of(claim, m.start(), m.end()),),
                             tuple(Span.of(evidence, x.start(), x.end()) for x in ey)))
    return out


def _negations(text: str) -> list[re.Match]:
    return [m for m in re.finditer(r"[A-Za-z]+(?:n't)?", text) if m.group().lower() in NEGATIONS or m.group().lower().endswith("n't")]


def check_negation(claim: str, evidence: str) -> list[Check]:
    cneg, eneg = _negations(claim), _negations(evidence)
    if (len(cneg) % 2) == (len(eneg) % 2):
        return []
    side = cneg or eneg
    words = ", ".join(m.group() for m in side)
    return [Check("negation", f"negated on one side only ({words})",
                  tuple(Span.of(claim, m.start(), m.end()) for m in cneg), tuple(Span.of(evidence, m.start(), m.end()) for m in eneg))]


@functools.lru_cache(maxsize=1)
def antonyms() -> dict[str, frozenset[str]]:
    """Direct antonym pairs from WordNet's data files (Debian wordnet-base); empty if not installed."""
    pairs: dict[str, set[str]] = {}
    for pos in ("adj", "verb", "noun", "adv"):
        path = WORDNET_DIR / f"data.{pos}"
        if not path.exists():
            continue
        words_by_offset: dict[str, list[str]] = {}
        links: list[tuple[str, int, str, int]] = []
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # licence header
                parts = line.split(" | ")[0].split()
                offset, n = parts[0], int(parts[3], 16)
                words = [parts[4 + 2 * i].lower().split("(")[0] for i in range(n)]
                words_by_offset[offset] = words
                i = 4 + 2 * n
                for _ in range(int(parts[i])):
                    sym, target, st = parts[i + 1], parts[i + 2], parts[i + 4]
                    if sym == "!":
                        links.append((offset, int(st[:2], 16), target, int(st[2:], 16)))
                    i += 4
        for off, s, target, t in links:
            if target in words_by_offset and s and t:
                a = words_by_offset[off][s - 1]
                b = words_by_offset[target][t - 1]
                if "_" not in a and "_" not in b:
                    pairs.setdefault(a, set()).add(b)
                    pairs.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in pairs.items()}


def _lemma_forms(word: str) -> list[str]:
    """Cheap inflection stripping (WordNet's base forms): rises->rise, warmed->warm, cooling->cool."""
    w = word.lower()
    forms = [w]
    for suf, rep in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("er", ""), ("est", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            forms.append(w[: len(w) - len(suf)] + rep)
    return forms


def check_antonyms(claim: str, evidence: str) -> list[Check]:
    table = antonyms()
    if not table:
        return []
    ctoks = [(m, _lemma_forms(m.group())) for m in re.finditer(r"[A-Za-z]+", claim) if m.group().lower() not in _STOP]
    etoks = [(m, _lemma_forms(m.group())) for m in re.finditer(r"[A-Za-z]+", evidence) if m.group().lower() not in _STOP]
    c_lemmas = {f for _, fs in ctoks for f in fs}
    e_lemmas = {f for _, fs in etoks for f in fs}
    out = []
    seen = set()
    for cm, cforms in ctoks:
        for f in cforms:
            for ant in table.get(f, ()):
                # Both words on both sides ("rise and fall") is not a contradiction.
                if ant in e_lemmas and ant not in c_lemmas and f not in e_lemmas:
                    em = next(m for m, fs in etoks if ant in fs)
                    if (cm.start(), em.start()) in seen:
                        continue
                    seen.add((cm.start(), em.start()))
                    out.append(Check("antonym", f"{cm.group()} vs {em.group()}", (Span.of(claim, cm.start(), cm.end()),),
                                     (Span.of(evidence, em.start(), em.end()),)))
    return out


def check_roles(claim: str, evidence: str) -> list[Check]:
    out = []
    for a, b in ((claim, evidence), (evidence, claim)):
        for m in _FORMER.finditer(a):
            title, name = m.group(2).lower(), m.group(3).strip()
            for n in _CURRENT.finditer(b):
                if n.group(1).lower() == title and n.group(2).strip() == name:
                    pa, pb = Span.of(a, m.start(), m.end()), Span.of(b, n.start(), n.end())
                    c_span, e_span = (pa, pb) if a is claim else (pb, pa)
                    out.append(Check("role", f"'{m.group().strip()}' vs '{n.group().strip()}'", (c_span,), (e_span,)))
    return out


def run_checks(claim: str, evidence: str) -> tuple[Check, ...]:
    """All checks that fire for this pair; none unless the two share a topic."""
    if topic_overlap(claim, evidence) < MIN_TOPIC_OVERLAP:
        return ()
    out: list[Check] = []
    for fn in (check_numbers, check_dates, check_negation, check_antonyms, check_roles):
        out.extend(fn(claim, evidence))
    return tuple(out)
