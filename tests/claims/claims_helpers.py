"""Helpers shared by the claims tests (not fixtures)."""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator

# Real debate sentences (ClaimBuster / CheckThat! style), clear cases both ways; the
# check-worthiness tests of every model variant use them.
WORTHY = [
    "We're consuming 50 percent of the world's cocaine.",
    "Unemployment has gone up by 3 million people since he took office.",
    "The deficit last year was $1.4 trillion, the largest in our history.",
]
NOT_WORTHY = [
    "Thank you very much.",
    "I think we've seen a deterioration of values.",
    "Well, let me say this.",
]


def iter_spans(obj: Any) -> Iterator[Any]:
    """Every Span inside a (nested) dataclass / tuple structure."""
    from veracity.records import Span

    if isinstance(obj, Span):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.name != "doc":
                yield from iter_spans(getattr(obj, f.name))
    elif isinstance(obj, (tuple, list)):
        for x in obj:
            yield from iter_spans(x)


def claim_containing(dossier, words: str):
    hits = [c for c in dossier.claims if words in c.span.text]
    assert hits, f"no claim contains {words!r}"
    return hits[0]


def frame(claim, lemma: str):
    hits = [f for f in claim.frames if f.lemma == lemma]
    assert hits, f"no {lemma!r} frame in {claim.span.text!r}: {[f.lemma for f in claim.frames]}"
    return hits[0]


def extra(fr, role: str):
    return [s.text for k, s in fr.extra if k == role]
