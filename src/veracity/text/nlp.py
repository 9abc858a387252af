"""Loading the pinned spaCy model once per process, with what a run needs enabled.

The tokenizer is bounded against hostile input (see :class:`BoundedTokenizer`): spaCy's own
strips prefixes and suffixes from a word one at a time, and each strip costs time in the length
of what is left, so a long word of punctuation took time quadratic in its length.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable, Iterator

from ..assets import SPACY_MODEL, verified_path
from ..errors import ModelError

# spaCy's own default; long articles are cut by our own limit first (options.MAX_ARTICLE_CHARS).
SPACY_MAX_LENGTH = 2_000_000
# spaCy finds a word's suffix with re.search over the whole word for a pattern ending in "$",
# which tries every start position, once per suffix stripped: 8,000 '"' took 5 s, 16,000 took
# 20 s. Every English suffix rule but one matches at most 5 characters ("km/ч"), so only the
# word's last SUFFIX_WINDOW characters are searched. The exception, a run of dots, is met by
# doubling the window while the match fills it; tokens are exactly spaCy's (tests check both).
SUFFIX_WINDOW = 16
# What remains is still quadratic with a small constant: every strip copies and hashes the rest
# of the word (120,000 '"' in one word: 4 s). A run of non-space characters longer than this is
# tokenised in pieces of this length; no word of prose comes near it (a long URL is a few hundred
# characters), and the text, so every offset, is unchanged.
MAX_WORD_CHARS = 1000
LONG_WORD = re.compile(r"(?<!\S)\S{%d,}" % (MAX_WORD_CHARS + 1))
# A run of punctuation (no letter, digit or space) longer than this carries nothing to analyse,
# only cost: spaCy makes each quote mark a token, so 120,000 '"' were 120,000 tokens for the
# parser and the attribution tagger (over 60 s, linear but large). Such a run is cut into tokens
# of this many characters instead. Prose never has one (a rule of 80 "=" is tokenised as spaCy
# does); the text, so every offset, is unchanged.
MAX_PUNCT_RUN = 100
PUNCT_RUN = re.compile(r"(?<![^\w\s])[^\w\s]{%d,}" % (MAX_PUNCT_RUN + 1))
# spaCy runs its networks over a batch of texts at once and keeps every layer's output for the
# whole batch until it is done: at the peak ~15 MB per 1,000 tokens for tok2vec and ~10 MB for
# the NER's own, so one 300 KB article (55,000 tokens) took the process from 0.6 to 1.5 GB in
# the parse alone, and 100 KB of short sentences (32,000 tokens) to 1.1 GB. A text of more
# tokens is parsed in pieces of at most this many, cut after a line break where there is one
# (sentences never cross one: ``text.stage``), else after a sentence's final mark, and the
# pieces' Docs are joined into one (``parse``); a batch of texts holds at most this many tokens
# (``pipe``). spaCy's analyses do not depend on the batch (checked bit for bit on BBC
# articles), so a text up to this size (~110 KB of news; a BBC article is ~1,000 tokens) is
# analysed exactly as before; a piece's peak is ~0.3 GB over the models.
MAX_PARSE_TOKENS = 20_000
SENTENCE_END = frozenset(".!?\"\u201d")


def window_suffix_search(search):
    """``search`` (a compiled suffix pattern's bound ``search``) looking only at the word's tail."""

    def suffix_search(word: str):
        width = SUFFIX_WINDOW
        while True:
            start = len(word) - width
            if start <= 0:
                return search(word)
            m = search(word, start)  # lookbehinds still see the characters before ``start``
            if m is None or m.start() > start:
                return m
            width *= 2  # the match fills the window: it may reach further left (a run of dots)

    return suffix_search


class BoundedTokenizer:
    """spaCy's tokenizer, except that punctuation runs over MAX_PUNCT_RUN become tokens of that
    length and other non-space runs over MAX_WORD_CHARS are tokenised piecewise."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str):
        runs = list(PUNCT_RUN.finditer(text))
        if not runs and not LONG_WORD.search(text):
            return self.tokenizer(text)
        from spacy.tokens import Doc

        docs, pos = [], 0
        for m in runs:
            if m.start() > pos:
                docs.extend(self._pieces(text[pos:m.start()]))
            # A space after the run is the last token's trailing space, as spaCy has it.
            end = m.end() + (text[m.end():m.end() + 1] == " ")
            words = [text[i:min(i + MAX_PUNCT_RUN, m.end())] for i in range(m.start(), m.end(), MAX_PUNCT_RUN)]
            docs.append(Doc(self.vocab, words=words, spaces=[False] * (len(words) - 1) + [end > m.end()]))
            pos = end
        if pos < len(text):
            docs.extend(self._pieces(text[pos:]))
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        assert doc.text == text
        return doc

    def _pieces(self, text: str) -> list:
        """``text`` tokenised by spaCy, cut inside its non-space runs over MAX_WORD_CHARS. No piece
        starts or ends with whitespace at a cut, so the pieces' tokens join back into ``text``."""
        cuts = [c for m in LONG_WORD.finditer(text) for c in range(m.start() + MAX_WORD_CHARS, m.end(), MAX_WORD_CHARS)]
        bounds = [0, *cuts, len(text)]
        return [self.tokenizer(text[a:b]) for a, b in zip(bounds, bounds[1:])]

    def __getattr__(self, name: str):  # rules, explain(), pipe(): spaCy's own
        return getattr(self.tokenizer, name)


def bound_tokenizer(nlp) -> None:
    """Make ``nlp``'s tokenizer safe on hostile input (same tokens on ordinary text)."""
    if isinstance(nlp.tokenizer, BoundedTokenizer):
        return
    if nlp.tokenizer.suffix_search is not None:
        nlp.tokenizer.suffix_search = window_suffix_search(nlp.tokenizer.suffix_search)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)


@functools.lru_cache(maxsize=4)
def load(disable: tuple[str, ...] = ()) :
    """The pinned en_core_web_sm 3.8.0, hash-checked; components in ``disable`` are off."""
    path = verified_path(SPACY_MODEL)
    try:
        import spacy

        nlp = spacy.load(path, disable=list(disable))
    except Exception as exc:  # a broken install surfaces here, not as a bare traceback
        raise ModelError(f"cannot load spaCy model from {path}: {exc}") from exc
    nlp.max_length = SPACY_MAX_LENGTH
    bound_tokenizer(nlp)
    from .entities import add_to

    add_to(nlp)
    return nlp


def _last(cuts: list[int], lo: int, hi: int) -> int | None:
    """The largest of the sorted ``cuts`` in [lo, hi], if any."""
    k = bisect.bisect_right(cuts, hi)
    return cuts[k - 1] if k and cuts[k - 1] >= lo else None


def piece_bounds(doc, limit: int = MAX_PARSE_TOKENS) -> list[int]:
    """Token indices cutting ``doc`` into pieces of at most ``limit`` tokens (0 first, len last):
    after a line break, else after a sentence's final mark, else between words, preferably in
    the piece's second half; a word of over ``limit`` tokens is cut anywhere."""
    n = len(doc)
    if n <= limit:
        return [0, n]
    line, sent, word = [], [], []
    for t in doc:
        if "\n" in t.text:
            line.append(t.i + 1)
        elif t.whitespace_:
            (sent if t.text in SENTENCE_END else word).append(t.i + 1)
    bounds = [0]
    while n - bounds[-1] > limit:
        pos = bounds[-1]
        end = pos + limit
        cut = next((c for lo in (pos + limit // 2, pos + 1) for cuts in (line, sent, word)
                    if (c := _last(cuts, lo, end)) is not None), end)
        bounds.append(cut)
    return bounds + [n]


def parse(nlp, text: str):
    """``nlp(text)``, in pieces of at most MAX_PARSE_TOKENS tokens joined into one Doc."""
    return _parse_doc(nlp, nlp.make_doc(text))


def _parse_doc(nlp, doc):
    bounds = piece_bounds(doc)
    if len(bounds) == 2:
        return nlp(doc)
    from spacy.tokens import Doc

    out = Doc.from_docs([nlp(doc[a:b].as_doc()) for a, b in zip(bounds, bounds[1:])], ensure_whitespace=False)
    assert out.text == doc.text
    return out


def pipe(nlp, items: Iterable, batch_size: int, as_tuples: bool = False) -> Iterator:
    """``nlp.pipe(items, as_tuples=..., batch_size=...)``, in order, with at most MAX_PARSE_TOKENS
    tokens in a batch; a longer text goes alone, in pieces (``parse``)."""
    group: list = []
    size = 0
    for item in items:
        doc = nlp.make_doc(item[0] if as_tuples else item)
        if group and (len(group) >= batch_size or size + len(doc) > MAX_PARSE_TOKENS):
            yield from nlp.pipe(group, as_tuples=as_tuples, batch_size=len(group))
            group, size = [], 0
        if len(doc) > MAX_PARSE_TOKENS:
            doc = _parse_doc(nlp, doc)
            yield (doc, item[1]) if as_tuples else doc
            continue
        group.append((doc, item[1]) if as_tuples else doc)
        size += len(doc)
    if group:
        yield from nlp.pipe(group, as_tuples=as_tuples, batch_size=len(group))
