"""Cheap text features for same-story decisions: tokens, sentences, numbers, names.

Everything here is pure Python on plain strings so that features for a pair can be computed
for thousands of candidates without a parse. The learned decision (:mod:`.related`) combines
these with MiniLM similarities.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d[\d,.]*")
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
# A capitalised word not at a sentence start is a cheap proxy for a name; we keep all
# capitalised words and drop common sentence-initial function words via the stop list.
_CAP = re.compile(r"\b[A-Z][a-zA-Z\-]+\b")
# Sentence boundary: end punctuation (optionally closing quote) followed by space and a
# capital/quote/digit, or a blank line. Good enough to pick the lead sentences of a body.
_SENT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018A-Z0-9])|\n\s*\n")

STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "reported", "reports", "report", "according", "mr", "mrs", "ms"}


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match 'troops'/'troop', 'killed'/'kill'."""
    w = word.lower().strip("'-")
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def content_tokens(text: str) -> list[str]:
    return [stem(t) for t in _WORD.findall(text) if t.lower() not in STOP and len(t) > 1]


def numbers(text: str) -> set[str]:
    out = set()
    for m in _NUM.findall(text):
        v = m.replace(",", "").rstrip(".")
        if v and v not in {"0", "1"}:  # 'one'-like numerals carry no story identity
            out.add(v)
    return out


def names(text: str) -> set[str]:
    return {m.lower() for m in _CAP.findall(text) if m.lower() not in STOP}


def sentences(text: str, limit: int | None = None) -> list[str]:
    parts = [p.strip() for p in _SENT.split(text) if p and p.strip()]
    parts = [p for p in parts if len(p) > 2]
    return parts[:limit] if limit else parts


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Share of a's distinct items found in b (0 when a is empty)."""
    sa = set(a)
    if not sa:
        return 0.0
    sb = set(b)
    return len(sa & sb) / len(sa)


def bigrams(tokens: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(tokens, tokens[1:]))
