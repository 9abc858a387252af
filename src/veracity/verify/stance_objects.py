"""What a stance word takes a side on: the rest of its clause ("has backed *a ban on large-scale
mining*"), compared across claim and evidence by ``contradiction.check_polarity`` and
``contradiction.same_stance``."""

from __future__ import annotations

import re

from ..records import Span
from . import lexicon
from .checks import content_words
from .reading import Reading


# Nouns for the plan a story is about, whatever its words ("welcomed the proposal" / "welcomed a
# new deployment"): a side taken on one is a side taken on the other.
PLAN_NOUNS = frozenset("plan plans proposal proposals idea deployment mission move deal agreement accord initiative "
                       "scheme force decision offer bid project operation".split())


def _object_words(r: Reading, end: int) -> set[str]:
    """Content words of what a stance word takes a side on: the rest of its clause."""
    stop = min([i for i in (r.text.find(",", end), r.text.find(";", end), r.text.find(".", end)) if i >= 0] + [len(r.text)])
    return set(content_words(r.text[end:min(stop, end + 80)]))


def _same_object(claim: Reading, cw: Span, evidence: Reading, ew: Span) -> bool:
    a, b = _object_words(claim, cw.end), _object_words(evidence, ew.end)
    return bool(a & b) or bool(a & PLAN_NOUNS and b & PLAN_NOUNS)


_TO_ACT = re.compile(r"\s+to\s+(?!the\b|a\b|an\b|its\b|their\b|it\b|this\b|that\b)[a-z]+\b")


def _other_object(claim: Reading, cw: Span, evidence: Reading, ew: Span, acting: bool = True) -> bool:
    """Two sides taken on two things: "had opposed the licence" / "has agreed to lease three
    narrowbody jets" (no word in common, none related, not both a plan)."""
    # (only evidence committing to an act of its own: "has agreed to lease", "refused to sign")
    if acting and not _TO_ACT.match(evidence.text, ew.end):
        return False
    a, b = _object_words(claim, cw.end), _object_words(evidence, ew.end)
    if not a or not b or a & b or (a & PLAN_NOUNS and b & PLAN_NOUNS):
        return False
    if any(len(x) >= 5 and len(y) >= 5 and x[:5] == y[:5] for x in a for y in b):  # "the return" / "returning"
        return False
    return not lexicon.available() or not any(lexicon.related(x, "n", y, "n") is not None for x in a for y in b)


def composed(claim: Reading, cw: Span, evidence: Reading, ew: Span) -> bool:
    """One side's stance word is what the other side's takes a side on: "have backed a ban on
    large-scale mining" / "a clear majority for banning large-scale mining" are both for the ban."""
    def lemma(r: Reading, sp: Span) -> str:
        return next((t[1] for t in r.tree if t[0] == sp.start), sp.text.lower())
    return lemma(evidence, ew) in _object_words(claim, cw.end) or lemma(claim, cw) in _object_words(evidence, ew.end)
