"""Generated stance pairs from real news sentences (training only): contradiction you can see.

FNC-1 has 840 "disagree" pairs and no place, role or number changes at all, so a model trained
on it alone learns topic, not stance. This module turns real BBC sentences (``../shared``,
read at run time) into claim/evidence pairs whose label follows from the edit:

- REFUTES: the sentence negated ("will" -> "will not"), denied by a party ("X denied reports
  that ..."), a number changed (x2 .. x5 or halved), a country swapped, a title made former
  ("President X" -> "former President X") or the reverse, a stance word swapped for its
  antonym (back -> oppose, rise -> fall);
- SUPPORTS: the sentence confirmed by someone ("Officials confirmed that ..."), trimmed of its
  attribution, or with a number given as "about" its rounded value;
- NOT_ENOUGH_INFO: another sentence of the same article (same topic, other claim).

Every edit is a deterministic function of the sentence and a seeded generator, so the set is
the same on every run. Groups are article paths: cross-validation never splits an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from veracity.retrieval.sentences import split

from ..paths import shared_dir

SEED = 17
# Sentences kept: long enough to carry a claim, short enough to fit 128 word pieces with
# their edited twin.
MIN_WORDS, MAX_WORDS = 10, 40
# Pairs per edit kind; REFUTES kinds together about balance SUPPORTS + NEI.
PER_KIND = 700

_AUX = re.compile(r"\b(will|would|could|can|should|is|are|was|were|has|have|had|did|does|do)\b (?!not\b|n't\b)")
_NEGATED = re.compile(r"\b(will|would|could|can|should|is|are|was|were|has|have|had|did|does|do) not\b")
_NUMBER = re.compile(r"(?<![\w.,$£€])([$£€]?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?))(?=\s*(?:%|per ?cent|[a-z]))")
_TITLE = re.compile(r"\b(President|Prime Minister|Chancellor|Minister|Secretary|Governor|Mayor|Chairman|Chief Executive|chief executive|"
                    r"chairman|director|manager|coach|captain|leader)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_FORMER = re.compile(r"\b([Ff]ormer|[Ee]x-) ?")
_ATTRIB_TAIL = re.compile(r",? (?:he|she|they|it|the \w+|[A-Z]\w+(?: [A-Z]\w+)?) (?:said|says|added|told \w+)\.?$")
_ATTRIB_HEAD = re.compile(r"^(?:[A-Z]\w+(?: [A-Z]\w+)* )?(?:said|says|added|told [\w ]+?) (?:that )?")
_PARTY = re.compile(r"\b((?:[A-Z][a-z]+|[A-Z]{2,})(?: (?:[A-Z][a-z]+|[A-Z]{2,}|of|for|and))*)")

COUNTRIES = ("France", "Germany", "Italy", "Spain", "Poland", "Britain", "Ireland", "China", "Japan", "India", "Russia",
             "Brazil", "Canada", "Australia", "Mexico", "Turkey", "Egypt", "Kenya", "Nigeria", "Sweden", "Norway",
             "Denmark", "Finland", "Greece", "Portugal", "Austria", "Belgium", "Netherlands", "Switzerland", "Iran",
             "Iraq", "Israel", "Pakistan", "Argentina", "Chile", "Ukraine", "Hungary", "Romania", "Scotland", "Wales",
             "Europe", "Asia", "Africa", "London", "Paris", "Berlin", "Madrid", "Rome", "Moscow", "Tokyo", "Beijing",
             "New York", "Washington", "Brussels", "Dublin", "Edinburgh", "Manchester", "Scandinavia", "the Balkans",
             "the Baltics", "the US", "the UK", "the EU")
_COUNTRY = re.compile(r"\b(" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + r")\b")

# Curated stance-word antonyms (both directions); the inflections are listed, not derived.
ANTONYMS = {
    "rise": "fall", "rises": "falls", "rose": "fell", "risen": "fallen", "rising": "falling",
    "increase": "decrease", "increased": "decreased", "increases": "decreases", "increasing": "decreasing",
    "support": "oppose", "supports": "opposes", "supported": "opposed", "supporting": "opposing",
    "backs": "rejects", "backed": "rejected", "backing": "rejecting",
    "approve": "veto", "approved": "vetoed", "approves": "vetoes",
    "accept": "refuse", "accepted": "refused", "accepts": "refuses",
    "win": "lose", "won": "lost", "wins": "loses", "winning": "losing",
    "gains": "losses", "higher": "lower",
    "boost": "cut", "boosted": "cut", "grew": "shrank", "grow": "shrink", "growth": "decline",
    "strong": "weak", "stronger": "weaker", "success": "failure", "profit": "loss", "profits": "losses",
    "open": "close", "opened": "closed", "agreed": "refused", "allow": "ban", "allowed": "banned",
    "confirmed": "denied", "welcomed": "condemned", "praised": "criticised", "hire": "fire", "hired": "fired",
}
ANTONYMS.update({v: k for k, v in list(ANTONYMS.items()) if v not in ANTONYMS})
_ANTONYM = re.compile(r"\b(" + "|".join(sorted(ANTONYMS, key=len, reverse=True)) + r")\b")

DENIALS = ("{p} denied reports that {s}", "{p} dismissed as false claims that {s}", "{p} rejected reports that {s}",
           "There is no truth to reports that {s}, {p} said", "{p} said it was not true that {s}",
           "{p} flatly denied that {s}", "Reports that {s} are false, {p} said", "{p} has retracted its report that {s}")
CONFIRMS = ("{p} confirmed that {s}", "{p} said on Tuesday that {s}", "According to {p}, {s}", "It has been confirmed that {s}",
            "{p} told reporters that {s}")


@dataclass(frozen=True)
class SynthPair:
    group: str
    claim: str
    evidence: str
    label: int  # index in STANCES: 0 SUPPORTS, 1 REFUTES, 2 NOT_ENOUGH_INFO
    kind: str


def bbc_sentences() -> list[tuple[str, list[str]]]:
    """(article path, its sentences) for every BBC article, in sorted path order."""
    root = shared_dir() / "data" / "corpus" / "bbc-news"
    out = []
    for path in sorted(root.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        body = text.split("\n", 1)[1] if "\n" in text else text
        out.append((str(path.relative_to(root)), [s.strip() for s in split(body) if s.strip()]))
    return out


_COMMON_FIRST = frozenset("the a an it this that these those there its their his her he she they we some many most its".split())
_NOT_PARTY = frozenset("January February March April May June July August September October November December Monday Tuesday "
                       "Wednesday Thursday Friday Saturday Sunday However But And The This That It He She They In On At For "
                       "Mr Mrs Ms Dr".split())


def _lower_first(s: str) -> str:
    """The sentence as a clause after "that": its first word lower-cased unless it is a name."""
    s = s.rstrip(".")
    first = s.split(" ", 1)[0]
    return s[:1].lower() + s[1:] if first.lower() in _COMMON_FIRST else s


def _party(s: str, rng: np.random.Generator) -> str:
    names = [m.group(1) for m in _PARTY.finditer(s) if m.start() > 0 and len(m.group(1)) > 3 and m.group(1).split()[0] not in _NOT_PARTY]
    if names and rng.random() < 0.6:
        return names[int(rng.integers(len(names)))]
    return ("Officials", "A spokesman", "The government", "The company", "A spokeswoman")[int(rng.integers(5))]


def negate(s: str) -> str | None:
    m = _NEGATED.search(s)
    if m:
        return s[:m.start()] + m.group(1) + s[m.end():]
    m = _AUX.search(s)
    if m:
        return s[:m.end(1)] + " not" + s[m.end(1):]
    return None


def change_number(s: str, rng: np.random.Generator) -> str | None:
    ms = list(_NUMBER.finditer(s))
    if not ms:
        return None
    m = ms[int(rng.integers(len(ms)))]
    cur = m.group(1)[0] if m.group(1)[0] in "$£€" else ""
    v = float(m.group(1).lstrip("$£€").replace(",", ""))
    if v == 0 or (1900 <= v <= 2030 and "." not in m.group(1)):
        return None
    f = (0.5, 2.0, 3.0, 5.0, 0.25)[int(rng.integers(5))]
    nv = v * f
    txt = f"{nv:,.0f}" if nv >= 1000 and "," in m.group(1) else (f"{nv:g}" if nv < 1000 else f"{nv:.0f}")
    return s[:m.start(1)] + cur + txt + s[m.end(1):]


def about_number(s: str) -> str | None:
    m = _NUMBER.search(s)
    if not m or "." in m.group(1):
        return None
    v = float(m.group(1).lstrip("$£€").replace(",", ""))
    if v < 20 or 1900 <= v <= 2030:
        return None
    return s[:m.start(1)] + "about " + m.group(1) + s[m.end(1):]


def swap_country(s: str, rng: np.random.Generator) -> str | None:
    m = _COUNTRY.search(s)
    if not m:
        return None
    others = [c for c in COUNTRIES if c != m.group(1)]
    return s[:m.start()] + others[int(rng.integers(len(others)))] + s[m.end():]


def change_role(s: str) -> str | None:
    m = _FORMER.search(s)
    if m and _TITLE.match(s, m.end()):
        return s[:m.start()] + s[m.end():]
    m = _TITLE.search(s)
    if not m:
        return None
    return s[:m.start()] + ("former " if m.start() else "Former ") + m.group(0) + s[m.end():]


def swap_antonym(s: str) -> str | None:
    m = _ANTONYM.search(s)
    if not m:
        return None
    return s[:m.start()] + ANTONYMS[m.group(1)] + s[m.end():]


def strip_attribution(s: str) -> str | None:
    t = _ATTRIB_TAIL.sub("", s.rstrip(".")).strip()
    if t != s.rstrip(".").strip() and len(t.split()) >= MIN_WORDS - 2:
        return t + "."
    return None


def pairs(per_kind: int = PER_KIND, seed: int = SEED) -> list[SynthPair]:
    """The generated set: ``per_kind`` pairs of each edit, from seeded picks of BBC sentences."""
    rng = np.random.default_rng(seed)
    arts = bbc_sentences()
    pool = [(g, i, s) for g, ss in arts for i, s in enumerate(ss) if MIN_WORDS <= len(s.split()) <= MAX_WORDS and '"' not in s]
    order = rng.permutation(len(pool))
    sents = {g: ss for g, ss in arts}
    want = {k: per_kind for k in ("negation", "denial", "number", "place", "role", "antonym", "confirm", "trim", "about", "other")}
    out: list[SynthPair] = []
    for j in order:
        if not any(want.values()):
            break
        g, i, s = pool[int(j)]
        kinds = [k for k, n in want.items() if n > 0]
        kind = kinds[int(rng.integers(len(kinds)))]
        ev: str | None
        label = 1
        if kind == "negation":
            ev = negate(s)
        elif kind == "denial":
            ev = DENIALS[int(rng.integers(len(DENIALS)))].format(p=_party(s, rng), s=_lower_first(s)) + "."
        elif kind == "number":
            ev = change_number(s, rng)
        elif kind == "place":
            ev = swap_country(s, rng)
        elif kind == "role":
            ev = change_role(s)
        elif kind == "antonym":
            ev = swap_antonym(s)
        elif kind == "confirm":
            ev, label = CONFIRMS[int(rng.integers(len(CONFIRMS)))].format(p=_party(s, rng), s=_lower_first(s)) + ".", 0
        elif kind == "trim":
            ev, label = strip_attribution(s), 0
        elif kind == "about":
            ev, label = about_number(s), 0
        else:
            others = [t for k, t in enumerate(sents[g]) if abs(k - i) > 1 and MIN_WORDS <= len(t.split()) <= MAX_WORDS and '"' not in t]
            ev, label = (others[int(rng.integers(len(others)))] if others else None), 2
        if not ev or ev == s:
            continue
        want[kind] -= 1
        # Symmetric edits are read both ways: the edited sentence is sometimes the claim.
        if kind in ("number", "place", "role", "antonym", "negation") and rng.random() < 0.3:
            out.append(SynthPair(g, ev, s, label, kind))
        else:
            out.append(SynthPair(g, s, ev, label, kind))
    return out


# Restatement forms of a claim (SUPPORTS), for the contrast rows below.
RESTATE_TAILS = (", officials said.", ", a spokesman said.", ", the report said.", ", sources said.")


def contrasts(ps: list[SynthPair], seed: int = SEED + 1) -> list[SynthPair]:
    """For every generated REFUTES pair, the same claim against a restatement of itself
    (SUPPORTS); for some, the refuting edit inside its article's context (REFUTES).

    Without these the edits teach "a near-copy refutes": every near-copy in the set is a
    REFUTES edit, and the model trained on them read a sentence restated word for word as
    REFUTES at 0.99. Now the only difference between a supporting and a refuting near-copy is
    the edit. Restatements: the sentence alone, with its next or previous sentence (evidence
    is read in passages of two), or with an attribution tail."""
    rng = np.random.default_rng(seed)
    where = {s: (g, i) for g, ss in bbc_sentences() for i, s in enumerate(ss)}
    out: list[SynthPair] = []
    for p in ps:
        if p.label != 1:
            continue
        orig = p.claim if p.claim in where else p.evidence
        if orig not in where:
            continue
        g, i = where[orig]
        claim = p.claim
        form = int(rng.integers(4))
        ctx_next = _neighbour(g, i, +1, where)
        ctx_prev = _neighbour(g, i, -1, where)
        restated = claim  # the claim side, edited or not: the pair asks "does this restate it?"
        if form == 1 and ctx_next:
            ev = restated + " " + ctx_next
        elif form == 2 and ctx_prev:
            ev = ctx_prev + " " + restated
        elif form == 3:
            ev = restated.rstrip(".") + RESTATE_TAILS[int(rng.integers(len(RESTATE_TAILS)))]
        else:
            ev = restated
        out.append(SynthPair(g, claim, ev, 0, "restate"))
        if rng.random() < 0.35 and (ctx_next or ctx_prev):
            other = p.evidence
            ev2 = other + " " + ctx_next if ctx_next and rng.random() < 0.5 else (ctx_prev or "") + " " + other
            out.append(SynthPair(g, p.claim, ev2.strip(), 1, p.kind + "+context"))
    return out


_BY_POS: dict[tuple[str, int], str] = {}


def _neighbour(g: str, i: int, step: int, where: dict[str, tuple[str, int]]) -> str | None:
    """The sentence ``step`` away from sentence ``i`` of article ``g`` (within claim length)."""
    if not _BY_POS:
        _BY_POS.update({v: k for k, v in where.items()})
    t = _BY_POS.get((g, i + step))
    return t if t and len(t.split()) <= MAX_WORDS else None


def kinds_count(ps: list[SynthPair]) -> dict[str, int]:
    out: dict[str, int] = {}
    for p in ps:
        out[p.kind] = out.get(p.kind, 0) + 1
    return out


if __name__ == "__main__":  # a look at the set: python -m veracity_train.verify.synth
    ps = pairs()
    print(kinds_count(ps), len(ps))
    r = np.random.default_rng(0)
    for p in [ps[int(k)] for k in r.choice(len(ps), 12, replace=False)]:
        print(f"[{p.kind}/{p.label}] {p.claim}\n    -> {p.evidence}")
    _ = Path
