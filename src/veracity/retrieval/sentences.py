"""A fast rule-based sentence splitter for evidence indexing, with exact character offsets.

Indexing a corpus must not pay for a full spaCy parse (the BBC corpus would take minutes on
two cores), so evidence documents are split by rules: a newline always ends a sentence (news
copy puts one paragraph per line), and inside a line a sentence ends at . ! or ? (plus any
closing quotes/brackets) followed by whitespace and an upper-case letter, digit or opening
quote — unless the word before is a known abbreviation ("Mr.", "U.S.", "Jan.").
"""

from __future__ import annotations

import re
from typing import Iterator

# Words that end with a full stop but do not end a sentence in news copy.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen col lt sgt capt maj adm jr sr inc ltd co corp vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec no fig approx est dept univ ave rev hon".split()
)
# Sentences longer than this are cut at the next whitespace: a run-on "sentence" of several
# thousand characters (tables, lists) would swamp BM25 length normalisation and MiniLM's
# 128-token window alike.
MAX_SENTENCE_CHARS = 600
# Fragments shorter than this ("Skip to content", "#") carry no checkable content.
MIN_SENTENCE_CHARS = 12

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")


def _is_abbreviation(line: str, dot: int) -> bool:
    start = dot
    while start > 0 and (line[start - 1].isalpha() or line[start - 1] == "."):
        start -= 1
    word = line[start:dot].lower().rstrip(".")
    # Single letters ("J. Smith", "U.S.") and dotted initialisms are not sentence ends.
    return word in ABBREVIATIONS or len(word) == 1 or "." in word


def split_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, stripped of surrounding whitespace."""
    for line in _LINE.finditer(text):
        base, body = line.start(), line.group()
        pos = 0
        cuts = []
        for m in _END.finditer(body):
            if body[m.start()] == "." and _is_abbreviation(body, m.start()):
                continue
            cuts.append(m.end())
        cuts.append(len(body))
        for cut in cuts:
            yield from _emit(text, base + pos, base + cut)
            pos = cut


def _emit(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    while b - a > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", a, a + MAX_SENTENCE_CHARS)
        cut = cut if cut > a else a + MAX_SENTENCE_CHARS
        if cut - a >= MIN_SENTENCE_CHARS:
            yield a, cut
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b - a >= MIN_SENTENCE_CHARS:
        yield a, b


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_spans(text)]
