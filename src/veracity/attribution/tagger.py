"""The fine-tuned MiniLM token tagger (int8 ONNX, onnxruntime): cue / source / content per word piece.

The network is all-MiniLM-L6-v2 fine-tuned on PolNeAR train by ``veracity train attribution
--tagger`` (``veracity_train.attribution.tagger``) with three BIO heads, one per role, so that
one token can be a cue of an inner relation and the content of an outer one. An article is
cut into overlapping windows of word pieces; each piece takes its probabilities from the window
in which it sits furthest from an edge (most context on both sides). At run time the article is
read twice, through two tilings of windows half a stride apart, and the two readings averaged
(``TILING_SHIFTS``). The runtime never imports
torch: the tokenizer is the pinned MiniLM ``tokenizer.json``, the network an ONNX file whose
sha256 is checked before the session is built.

This module is shared by training and run time so that both cut windows and align word
pieces to characters in exactly the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..assets import MINILM_TOKENIZER, verified_model_file, verified_path
from ..errors import ModelError
from ..onnxrun import checked_session
from ..text.nlp import MAX_PUNCT_RUN

TAGGER_DIR = Path(__file__).resolve().parents[1] / "models" / "attribution" / "tagger"
TAGGER_ONNX = "model.onnx"
TAGGER_META = "meta.json"

# Word pieces per window including [CLS] and [SEP]. 256 keeps attention cheap and still spans
# several sentences, enough to see a quote's cue one or two sentences away.
WINDOW = 256
# Step between window starts (body pieces): consecutive windows share 64 pieces, so no piece
# is ever closer than ~32 pieces to the edge of the window it is read from.
STRIDE = 190
BODY = WINDOW - 2
# Window starts of the tilings read at run time, averaged per piece. A piece sits at a different
# place in its window in each tiling, so a reading spoiled by where a window happens to begin
# (a quote cut from its cue) is outvoted. Chosen on PolNeAR dev (tagger + cue pass, decoders
# chosen again): content overlap F1 0.7925 -> 0.801, full relation 0.692 -> 0.703 (article
# bootstrap: 95% interval of the full-relation gain [+0.003, +0.018]), for ~1.3x the tagger's CPU
# (about a fifth of the default's end-to-end throughput). Training reads one tiling.
TILING_SHIFTS = (0, STRIDE // 2)
CLS, SEP = 101, 102
ROLES = ("cue", "source", "content")
# BIO per role: index 0 = O, 1 = B, 2 = I; the network outputs ROLES x BIO probabilities.
N_TAGS = 3
# Hostile input: an article longer than this many characters is cut (PolNeAR's longest dev
# article has ~23k characters).
MAX_CHARS = 400_000
# Windows per onnxruntime call: batching windows of equal length amortises per-call overhead.
BATCH = 8


def tokenizer():
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(verified_path(MINILM_TOKENIZER)))
    tok.no_padding()
    tok.no_truncation()
    return tok


def encode(tok: Any, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Word-piece ids (no special tokens) and their [start, end) character offsets in ``text``."""
    enc = tok.encode(text[:MAX_CHARS], add_special_tokens=False)
    ids = np.asarray(enc.ids, dtype=np.int64)
    offs = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
    return ids, offs


def bounded_pieces(text: str, offs: np.ndarray, limit: int) -> np.ndarray:
    """Which word pieces to read: all but those past the first ``limit`` of a run of one-character
    punctuation pieces. MiniLM makes each quote mark a piece, so 120,000 '"' were 120,000 pieces
    through the network (~70 s); such a run carries nothing to read (``text.nlp.MAX_PUNCT_RUN``).
    The dropped pieces' tokens borrow the last piece read, as for a character the tokenizer drops."""
    n = len(offs)
    if n <= limit:
        return np.ones(n, dtype=bool)
    single = (offs[:, 1] - offs[:, 0]) == 1
    punct = np.zeros(n, dtype=bool)
    punct[single] = [not (c.isalnum() or c.isspace()) for c in (text[i] for i in offs[single, 0])]
    cont = np.zeros(n, dtype=bool)
    cont[1:] = punct[1:] & punct[:-1] & (offs[1:, 0] == offs[:-1, 1])
    at = np.arange(n)
    run_start = np.maximum.accumulate(np.where(cont, 0, at))
    return at - run_start < limit


def windows(n: int, shift: int = 0) -> list[tuple[int, int]]:
    """[start, end) body-piece ranges covering ``n`` pieces with overlap; the last ends at n.
    ``shift`` > 0 starts the tiling's second window there (the first still starts at 0)."""
    if n <= BODY:
        return [(0, n)]
    out, s = ([(0, BODY)] if shift else []), shift
    while True:
        e = min(n, s + BODY)
        out.append((s, e))
        if e == n:
            return out
        s = min(s + STRIDE, n - BODY)


def owner(n: int, wins: Sequence[tuple[int, int]]) -> np.ndarray:
    """For each piece, the window it is read from: the one where it is furthest from an edge."""
    best = np.full(n, -1, dtype=np.int64)
    margin = np.full(n, -1, dtype=np.int64)
    for w, (s, e) in enumerate(wins):
        pos = np.arange(s, e)
        m = np.minimum(pos - s, e - 1 - pos)
        take = m > margin[s:e]
        best[s:e][take] = w
        margin[s:e][take] = m[take]
    return best


def window_ids(ids: np.ndarray, s: int, e: int) -> np.ndarray:
    return np.concatenate([[CLS], ids[s:e], [SEP]]).astype(np.int64)


@dataclass(frozen=True)
class TokenProbs:
    """Per spaCy token: P(B), P(I) for each role (arrays of shape [n_tokens, 3 roles]).
    ``rows`` ([first, last) token), when set, says that every other row is zero (a cue pass's
    window), so that readers can skip them."""

    b: np.ndarray
    i: np.ndarray
    rows: tuple[int, int] | None = None

    def inside(self) -> np.ndarray:
        return self.b + self.i


def token_bounds(doc: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(start char, end char, is whitespace) of every token of ``doc``, as arrays, made once per
    doc: iterating a Doc builds a Token object per token, and the decoders did that for every
    role and every cue pass, at more CPU than their own arithmetic."""
    cached = doc.user_data.get("veracity_token_bounds")
    if cached is None:
        from spacy.attrs import IDX, IS_SPACE, LENGTH

        arr = doc.to_array([IDX, LENGTH, IS_SPACE]).astype(np.int64).reshape(-1, 3)
        cached = doc.user_data["veracity_token_bounds"] = (arr[:, 0], arr[:, 0] + arr[:, 1], arr[:, 2].astype(bool))
    return cached


def piece_to_tokens(doc: Any, offs: np.ndarray, probs: np.ndarray, tokens: Any = None, first_piece: int = 0) -> TokenProbs:
    """spaCy-token probabilities: B from the token's first word piece, I as the mean over its
    pieces of P(inside) minus that B (a token is in a span as a whole). ``tokens`` (a span of
    ``doc``) limits the work to those tokens; the others keep zeros. ``probs`` may cover only
    the pieces from ``first_piece`` on (a cue pass's window): every other piece reads as O, and
    the work is in the window's size, not the article's."""
    n = len(doc)
    b = np.zeros((n, len(ROLES)), dtype=np.float32)
    i = np.zeros((n, len(ROLES)), dtype=np.float32)
    first, last = (0, n) if tokens is None else (tokens.start, tokens.end)
    rows = None if tokens is None else (first, last)
    if not len(offs) or not n:
        return TokenProbs(b, i, rows)
    t_start, t_end, space = token_bounds(doc)
    idx = np.arange(first, last)[~space[first:last]]
    if not len(idx):
        return TokenProbs(b, i, rows)
    starts = offs[:, 0]
    lo = np.searchsorted(starts, t_start[idx], side="left")
    hi = np.searchsorted(starts, t_end[idx], side="left")
    # A character the tokenizer dropped (control/zero-width): borrow the previous piece.
    dropped = hi <= lo
    lo, hi = np.where(dropped, np.maximum(0, lo - 1), lo), np.where(dropped, np.maximum(1, lo), hi)
    # The pieces read, [p0, p1), with O outside ``probs``. Starting at or before ``first_piece``
    # keeps the running sums below exactly those over all the article's pieces (the O pieces
    # before add 0.0), so a window's tokens get the values a full-length array gave them.
    p0 = min(first_piece, int(lo.min()))
    p1 = max(first_piece + len(probs), int(hi.max()))
    if p0 == first_piece and p1 == first_piece + len(probs):
        window = probs
    else:
        window = np.zeros((p1 - p0, len(ROLES), N_TAGS), dtype=np.float32)
        window[..., 0] = 1.0
        window[first_piece - p0:first_piece - p0 + len(probs)] = probs
    lo, hi = lo - p0, hi - p0
    inside = window[:, :, 1] + window[:, :, 2]
    # Mean P(inside) over each token's pieces from running sums (float64, so differences of
    # long sums keep float32 precision).
    sums = np.concatenate([np.zeros((1, len(ROLES))), np.cumsum(inside, axis=0, dtype=np.float64)])
    mean = ((sums[hi] - sums[lo]) / (hi - lo)[:, None]).astype(np.float32)
    b[idx] = window[lo, :, 1]
    i[idx] = np.clip(mean - b[idx], 0.0, 1.0)
    return TokenProbs(b, i, rows)


class Tagger:
    """The ONNX tagger: text -> per-piece [n_pieces, 3 roles, 3 BIO] probabilities."""

    def __init__(self, path: Path = TAGGER_DIR, threads: int = 1, check: bool = True,
                 shifts: Sequence[int] = TILING_SHIFTS):
        self.shifts = tuple(shifts)
        onnx = path / TAGGER_ONNX
        if check:  # the shipped folder's files against models/SHA256SUMS (the ONNX file in checked_session)
            verified_model_file(path / TAGGER_META)
        try:
            self.meta = json.loads((path / TAGGER_META).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"attribution tagger not readable at {path}: {exc}; run `veracity train attribution --tagger`") from None
        if not onnx.is_file():
            raise ModelError(f"attribution tagger: {onnx} is missing; run `veracity train attribution --tagger`")
        self.session = checked_session(onnx, str(self.meta.get("sha256", "")) if check else None, "attribution tagger",
                                       "veracity train attribution --tagger", threads)
        self.tok = tokenizer()

    def pieces(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(offsets [n, 2], probabilities [n, 3, 3]) for the word pieces of ``text``: the mean of
        the readings through each tiling (one reading when the article fits one window)."""
        ids, offs = encode(self.tok, text)
        keep = bounded_pieces(text, offs, MAX_PUNCT_RUN)
        if not keep.all():
            ids, offs = ids[keep], offs[keep]
        n = len(ids)
        shifts = self.shifts if n > BODY else self.shifts[:1]
        return offs, sum(self._read(ids, windows(n, shift)) for shift in shifts) / len(shifts)

    def _read(self, ids: np.ndarray, wins: list[tuple[int, int]]) -> np.ndarray:
        """Per-piece probabilities from one tiling of windows."""
        n = len(ids)
        out = np.zeros((n, len(ROLES), N_TAGS), dtype=np.float32)
        if not n:
            return out
        own = owner(n, wins)
        # Full-length windows are batched together; only a short article's single window differs.
        for b0 in range(0, len(wins), BATCH):
            group = wins[b0:b0 + BATCH]
            width = max(e - s for s, e in group) + 2
            x = np.zeros((len(group), width), dtype=np.int64)
            mask = np.zeros((len(group), width), dtype=np.int64)
            for r, (s, e) in enumerate(group):
                x[r, :e - s + 2] = window_ids(ids, s, e)
                mask[r, :e - s + 2] = 1
            probs = self.session.run(None, {"input_ids": x, "attention_mask": mask})[0]
            for r, (s, e) in enumerate(group):
                w = b0 + r
                sel = np.nonzero(own[s:e] == w)[0]
                out[s + sel] = probs[r, 1 + sel].reshape(len(sel), len(ROLES), N_TAGS)
        return out

    def token_probs(self, doc: Any, text: str | None = None) -> TokenProbs:
        offs, probs = self.pieces(doc.text if text is None else text)
        return piece_to_tokens(doc, offs, probs)
