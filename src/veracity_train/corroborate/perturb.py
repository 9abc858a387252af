"""The perturbation test for divergence: change numbers, places and dates in copies of real
articles, analyse both with the full pipeline, link their claims, and score the divergences.

Perturbations are chosen from the *text* (a regex for numbers, spaCy GPE/DATE entities of the
original's dossier for places and dates), not from the claim fields under test, so a missed
extraction counts against recall. One perturbation per sentence, at most one of each kind
per article; every found divergence on a linked pair either matches a perturbation (same
sentence, same kind, spans covering the old and the new words) or counts as a false positive.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from veracity.records import Dossier
from veracity.corroborate import divergence as dv

_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w]|[.,]\d)")
_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]?\w* $")
_AMOUNT_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_YEAR = re.compile(r"^(19|20)\d{2}$")
_MONTHS = "January February March April May June July August September October November December".split()
_MONTH_RE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")
# Replacement countries: common, unambiguous names the place resolver knows; a swap never
# picks a country already named in the sentence.
_COUNTRIES = ("France", "Germany", "Japan", "Brazil", "Canada", "India", "Italy", "Spain", "Mexico", "Egypt")
# Claims are linked when their MiniLM cosine is at least this (a perturbed copy of a sentence
# scores > 0.8 against its original; different sentences of one article rarely pass 0.75).
LINK_COSINE = 0.75


@dataclass(frozen=True)
class Perturbation:
    kind: str  # quantity | place | date
    start: int  # offsets of the changed words in the ORIGINAL text
    end: int
    old: str
    new: str
    new_start: int = 0  # offsets in the perturbed text (filled after applying)


@dataclass
class Outcome:
    perturbations: list[Perturbation] = field(default_factory=list)
    found: list[tuple[str, bool, str]] = field(default_factory=list)  # (kind, true positive?, detail)
    missed: list[Perturbation] = field(default_factory=list)


# News short forms pycountry does not list under these names.
_ALIASES = frozenset({"uk", "us", "usa", "britain", "great britain", "america", "england", "scotland", "wales", "russia", "iran", "syria", "south korea", "north korea"})
# A few dozen cities that BBC copy names often; pycountry has no cities.
_CITIES = frozenset("""london paris berlin moscow washington new york tokyo beijing brussels madrid rome dublin belfast edinburgh
cardiff glasgow manchester liverpool birmingham leeds sydney melbourne los angeles chicago boston hong kong shanghai delhi
mumbai baghdad kabul jerusalem cairo lagos johannesburg geneva zurich frankfurt milan barcelona amsterdam athens vienna""".split("\n"))


@functools.lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    """Place names a reader would accept, from pycountry (countries, subdivisions) plus the above.

    Place perturbations target only GPE entities found here: spaCy tags some names as GPE
    ("Krispy Kreme", "Finding" in "Finding Neverland"), and swapping those for a country tests
    nothing about place divergence. Independent of the place extractor under test.
    """
    import pycountry

    names = set(_ALIASES)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names.add(v.lower())
    for sub in pycountry.subdivisions:
        names.add(sub.name.lower())
    for line in _CITIES:
        names.update(x for x in line.split(" ") if x)
    names.update({"new york", "los angeles", "hong kong"})
    return frozenset(names)


def _known_place(text: str) -> bool:
    t = text.lower().strip()
    t = t[4:] if t.startswith("the ") else t
    return t in _gazetteer()


def _scaled(num: str) -> str:
    """The same number written the same way but three times larger (or plus 7 for small ones)."""
    value = float(num.replace(",", ""))
    new = value * 3 if value >= 10 else value + 7
    if "." in num:
        decimals = len(num.split(".")[1])
        return f"{new:.{decimals}f}"
    return f"{int(new):,}" if "," in num else str(int(new))


def _sentence_of(d: Dossier, pos: int):
    return next((s for s in d.sentences if s.span.start <= pos < s.span.end), None)


def choose(d: Dossier) -> list[Perturbation]:
    """Up to one number, one place and one date change, each in a different sentence."""
    text = d.article.text
    used: set[int] = set()
    out: list[Perturbation] = []
    first_para_end = text.find("\n")  # the headline: not a claim sentence in BBC files
    for s in d.sentences:
        if s.index in used or s.span.start <= first_para_end:
            continue
        if not any(p.kind == "quantity" for p in out):
            amounts = [e.span for e in d.entities if e.label in _AMOUNT_LABELS and s.span.contains(e.span)]
            for m in _NUMBER.finditer(s.span.text):
                a = s.span.start + m.start(1)
                # Only numbers spaCy reads as amounts: '22-year-old' is an age (a DATE), 'Radio 1'
                # a name; changing those tests something else than quantity divergence.
                if _YEAR.match(m.group(1)) or not any(x.start <= a and a + len(m.group(1)) <= x.end for x in amounts):
                    continue
                if _NAME_BEFORE.search(text[max(s.span.start, a - 30):a]):
                    continue  # "BWV 216", "Radio 1": a number that is part of a name
                out.append(Perturbation("quantity", a, a + len(m.group(1)), m.group(1), _scaled(m.group(1))))
                used.add(s.index)
                break
            if s.index in used:
                continue
        if not any(p.kind == "place" for p in out):
            gpes = [e for e in d.entities if e.label == "GPE" and s.span.contains(e.span) and _known_place(e.span.text)]
            if gpes:
                e = gpes[0]
                new = next(c for c in _COUNTRIES if c not in s.span.text)
                out.append(Perturbation("place", e.span.start, e.span.end, e.span.text, new))
                used.add(s.index)
                continue
        if not any(p.kind == "date" for p in out):
            dates = [e for e in d.entities if e.label == "DATE" and s.span.contains(e.span)]
            for e in dates:
                m = _MONTH_RE.search(e.span.text) or _YEAR_RE.search(e.span.text)
                if not m:
                    continue
                old = m.group(1)
                new = _MONTHS[(_MONTHS.index(old) + 5) % 12] if old in _MONTHS else str(int(old) - 2)
                a = e.span.start + m.start(1)
                out.append(Perturbation("date", a, a + len(old), old, new))
                used.add(s.index)
                break
    return out


def apply(text: str, ps: Sequence[Perturbation]) -> tuple[str, list[Perturbation]]:
    """The perturbed text and the perturbations with their offsets in it."""
    out, shift, pos, placed = [], 0, 0, []
    for p in sorted(ps, key=lambda p: p.start):
        out.append(text[pos:p.start])
        out.append(p.new)
        placed.append(Perturbation(p.kind, p.start, p.end, p.old, p.new, p.start + shift))
        shift += len(p.new) - len(p.old)
        pos = p.end
    out.append(text[pos:])
    return "".join(out), placed


def link(a: Dossier, b: Dossier, encode: Callable[[list[str]], np.ndarray]) -> list[tuple[int, int]]:
    """Pair each claim of ``a`` with its most similar claim of ``b`` (mutual best, cosine floor)."""
    if not a.claims or not b.claims:
        return []
    va = encode([c.span.text for c in a.claims])
    vb = encode([c.span.text for c in b.claims])
    sims = va @ vb.T
    pairs = []
    for i in range(len(a.claims)):
        j = int(np.argmax(sims[i]))
        if sims[i, j] >= LINK_COSINE and int(np.argmax(sims[:, j])) == i:
            pairs.append((i, j))
    return pairs


def score(orig: Dossier, pert: Dossier, placed: Sequence[Perturbation], encode) -> Outcome:
    out = Outcome(list(placed))
    hit: set[int] = set()
    for i, j in link(orig, pert, encode):
        ca, cb = orig.claims[i], pert.claims[j]
        divs = dv.compare(ca, cb, dv.claim_attributions(ca, orig.attributions), dv.claim_attributions(cb, pert.attributions))
        for d in divs:
            match = None
            for k, p in enumerate(placed):
                if p.kind != d.kind or k in hit:
                    continue
                # Overlap, not containment: the extractor's span may leave out a word of the
                # entity we replaced ("the United States" -> place span "United States").
                here_ok = any(s.start < p.end and p.start < s.end for s in d.here)
                there_ok = any(s.start < p.new_start + len(p.new) and p.new_start < s.end for s in d.there)
                if here_ok and there_ok:
                    match = k
                    break
            if match is not None:
                hit.add(match)
            out.found.append((d.kind, match is not None, f"{d.detail} | {ca.span.text[:80]!r}"))
    out.missed = [p for k, p in enumerate(placed) if k not in hit]
    return out


def run(texts: Sequence[tuple[str, str]], analyze: Callable[[str], Dossier], encode, log: Callable[[str], None] | None = None) -> dict:
    """Analyse, perturb, re-analyse and score a list of (name, text). Returns the tallies."""
    tp = fp = n = 0
    by_kind: dict[str, list[int]] = {}
    errors: list[str] = []
    for name, text in texts:
        orig = analyze(text)
        ps = choose(orig)
        if not ps:
            continue
        new_text, placed = apply(orig.article.text, ps)
        pert = analyze(new_text)
        o = score(orig, pert, placed, encode)
        n += len(placed)
        for kind, ok, detail in o.found:
            k = by_kind.setdefault(kind, [0, 0, 0])  # tp, fp, expected
            if ok:
                tp += 1
                k[0] += 1
            else:
                fp += 1
                k[1] += 1
                errors.append(f"FP {name}: {kind}: {detail}")
        for p in placed:
            by_kind.setdefault(p.kind, [0, 0, 0])[2] += 1
        for p in o.missed:
            errors.append(f"FN {name}: {p.kind}: {p.old!r} -> {p.new!r}")
        if log:
            log(f"{name}: {len(placed)} perturbations, {sum(1 for f in o.found if f[1])} found, {sum(1 for f in o.found if not f[1])} false")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / n if n else 0.0
    return {"perturbations": n, "tp": tp, "fp": fp, "precision": precision, "recall": recall, "by_kind": by_kind, "errors": errors}
