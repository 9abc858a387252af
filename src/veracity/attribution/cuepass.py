"""The cue-conditioned second pass: one cue marked, its own source and content tagged.

The tagger (``tagger.py``) labels every piece once for all relations, so where two relations
sit side by side their contents run together or break apart, and a content joins whichever
cue is nearest. This pass reads a 128-piece window centred on one cue found by the tagger's
decoder, with that cue's pieces marked by BERT's second token type (MiniLM has the embedding;
no new vocabulary), and says which pieces are *this* cue's source and content. Each relation
from the tagger's decoder (``tagger_decode``) then takes its content and source from its own pass.

The network starts from the fine-tuned tagger's weights and is trained on one window per gold
PolNeAR train relation (``veracity train attribution --cue-pass``,
``veracity_train.attribution.cuepass``). It ships as int8 ONNX with a third input,
``token_type_ids``; its decoder settings were chosen on dev and sit in ``meta.json``.

Shared by training and run time so that both cut and mark windows the same way.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np

from ..assets import verified_model_file
from ..errors import ModelError
from ..onnxrun import checked_session
from . import tagger_decode as tg
from .core import RawRelation, chars, nearest_run, run_span, trim_source
from .tagger import CLS, ROLES, SEP, TokenProbs, encode, piece_to_tokens, tokenizer

CUEPASS_DIR = Path(__file__).resolve().parents[1] / "models" / "attribution" / "cuepass"
CUEPASS_ONNX = "model.onnx"
CUEPASS_META = "meta.json"
# Body pieces per window (128 with [CLS] and [SEP]): ~60 pieces either side of the cue hold
# the cue's sentence and its neighbours, where nearly all PolNeAR contents and sources sit,
# at half the tagger window's attention cost.
BODY = 126
# Windows per onnxruntime call.
BATCH = 16
SOURCE, CONTENT = ROLES.index("source"), ROLES.index("content")


def cue_pieces(offs: np.ndarray, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of the word pieces that overlap the character spans."""
    starts, ends = offs[:, 0], offs[:, 1]
    out: set[int] = set()
    for s, e in spans:
        lo = int(np.searchsorted(ends, s, side="right"))
        hi = int(np.searchsorted(starts, e, side="left"))
        out.update(range(lo, hi))
    return sorted(out)


def window(n: int, pieces: Sequence[int]) -> tuple[int, int]:
    """[s, e) body pieces of the window centred on the cue pieces."""
    c = (pieces[0] + pieces[-1] + 1) // 2
    s = max(0, min(c - BODY // 2, n - BODY))
    return s, min(n, s + BODY)


def inputs(ids: np.ndarray, s: int, e: int, pieces: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """(input ids, token types) of one window: type 1 on the cue's pieces, 0 elsewhere."""
    x = np.concatenate([[CLS], ids[s:e], [SEP]]).astype(np.int64)
    typ = np.zeros(len(x), np.int64)
    for i in pieces:
        if s <= i < e:
            typ[1 + i - s] = 1
    return x, typ


def pad(rows: Sequence[tuple[np.ndarray, np.ndarray]]) -> dict[str, np.ndarray]:
    width = max(len(x) for x, _t in rows)
    feeds = {k: np.zeros((len(rows), width), np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
    for r, (x, t) in enumerate(rows):
        feeds["input_ids"][r, :len(x)] = x
        feeds["token_type_ids"][r, :len(x)] = t
        feeds["attention_mask"][r, :len(x)] = 1
    return feeds


@dataclass(frozen=True)
class CueDecode:
    """How a pass's probabilities become the relation's spans (chosen on dev; meta.json)."""

    # P(inside) at which a token joins this cue's content / source.
    content: float = 0.5
    source: float = 0.5
    # With no source from the pass: keep the tagger decoder's (True) or say "no source".
    keep_source: bool = False
    # Orphan cues: a tagger cue run that the decoder left without content (no content run near
    # it) gets its own pass, and a relation when the pass's content is confident: mean P(inside)
    # of at least ``orphan_min`` (0 = off) over content touching no kept relation's, for a cue
    # whose mean tagger P(cue) is at least ``orphan_cue``. Such cues are mostly PolNeAR's short
    # "broad" attributions ("would back | Trump") that the tagger's content head half-sees.
    orphan_min: float = 0.0
    orphan_cue: float = 0.7

    @classmethod
    def of(cls, d: dict[str, Any] | None) -> "CueDecode":
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in (d or {}).items() if k in names})


class CuePass:
    """The ONNX network: (text, cues) -> per-cue token probabilities."""

    def __init__(self, path: Path = CUEPASS_DIR, threads: int = 1, check: bool = True):
        retrain = "veracity train attribution --cue-pass"
        if check:  # the shipped folder's files against models/SHA256SUMS (the ONNX file in checked_session)
            verified_model_file(path / CUEPASS_META)
        try:
            self.meta = json.loads((path / CUEPASS_META).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"attribution cue pass not readable at {path}: {exc}; run `{retrain}`") from None
        self.session = checked_session(path / CUEPASS_ONNX, str(self.meta.get("sha256", "")) if check else None,
                                       "attribution cue pass", retrain, threads)
        self.decode = CueDecode.of(self.meta.get("decode"))
        self.tok = tokenizer()

    @staticmethod
    def available(path: Path = CUEPASS_DIR) -> bool:
        return (path / CUEPASS_META).is_file() and (path / CUEPASS_ONNX).is_file()

    def token_probs(self, doc: Any, cues: Sequence[Sequence[int]]) -> list[TokenProbs | None]:
        """Per cue (spaCy token indices): the pass's token probabilities, or None when the cue
        has no word piece (whitespace, a character the tokenizer drops)."""
        return list(self.iter_token_probs(doc, cues))

    def iter_token_probs(self, doc: Any, cues: Sequence[Sequence[int]]) -> Iterator[TokenProbs | None]:
        """``token_probs`` one cue at a time, ``BATCH`` windows through the network at a time: each
        cue's arrays are as long as the article, so a long article's ~1,000 cues held at once
        were gigabytes (a 300 KB article: 1.4 GB more at the peak)."""
        if not cues:
            return
        ids, offs = encode(self.tok, doc.text)
        todo = []
        for cue in cues:
            last = doc[cue[-1]]
            pieces = cue_pieces(offs, [(doc[cue[0]].idx, last.idx + len(last.text))]) if len(ids) else []
            if pieces:
                s, e = window(len(ids), pieces)
                todo.append((s, e, pieces))
            else:
                todo.append(None)
        runs = [k for k, t in enumerate(todo) if t is not None]
        done = 0  # cues answered so far
        for b in range(0, len(runs), BATCH):
            group = runs[b:b + BATCH]
            probs = self.session.run(None, pad([inputs(ids, *todo[k]) for k in group]))[0]
            for r, k in enumerate(group):
                while done < k:  # cues without a word piece before this one
                    yield None
                    done += 1
                s, e, _pieces = todo[k]
                # Only the window's tokens are mapped, from the window's pieces: an article has
                # ~30 cues, and mapping every token for each cost more than the network.
                span = doc.char_span(int(offs[s, 0]), int(offs[e - 1, 1]), alignment_mode="expand")
                yield piece_to_tokens(doc, offs, probs[r, 1:1 + e - s], span, first_piece=s)
                done += 1
        while done < len(cues):
            yield None
            done += 1


def _window_tokens(doc: Any, p: TokenProbs) -> Any:
    """The span of tokens a pass gave any probability to (its window): decoding reads only these."""
    lo, hi = p.rows or (0, len(p.b))  # the rows outside are zero
    live = np.nonzero((p.b[lo:hi] + p.i[lo:hi]).sum(1) > 0)[0] + lo
    return doc[int(live[0]):int(live[-1]) + 1] if len(live) else doc[0:0]


def _content_runs(doc: Any, p: TokenProbs, cue: Sequence[int], d: CueDecode) -> list[list[int]]:
    """The pass's content runs inside its window, outside the cue, long enough to keep."""
    cs = set(cue)
    return [x for x in tg.role_runs(_window_tokens(doc, p), p, CONTENT, d.content)
            if not (set(x) & cs) and tg.useful_run(doc, x)]


def _rewrite(doc: Any, r: Any, p: TokenProbs, runs: list[list[int]], d: CueDecode, trim_punct: bool, trim_sources: bool) -> Any:
    """Relation ``r`` with content ``runs`` and the pass's source nearest its cue."""
    cue = list(r.cue_tokens)
    if trim_punct:
        runs = [tg.trim_run(doc, x) for x in runs]
    taken = {i for x in runs for i in x} | set(cue)
    srcs = [x for x in tg.role_runs(_window_tokens(doc, p), p, SOURCE, d.source) if not (set(x) & taken)]
    src = nearest_run(srcs, cue) if srcs else None
    if src and trim_sources:
        src = trim_source(doc, src)
    if src:
        source, stoks = (run_span(doc, src),), tuple(src)
    elif d.keep_source:
        source, stoks = r.source, r.source_tokens
    else:
        source, stoks = (), ()
    return dataclasses.replace(r, content=tuple(run_span(doc, x) for x in sorted(runs)), source=source, source_tokens=stoks)


def refine(doc: Any, rels: list, probs: Iterable[TokenProbs | None], d: CueDecode, trim_punct: bool, trim_sources: bool) -> list:
    """Each relation with the content and source its own cue's pass found (unchanged where the
    pass found no content). ``probs`` may be an iterator: each is read once, then dropped."""
    out = []
    for r, p in zip(rels, probs):
        runs = _content_runs(doc, p, r.cue_tokens, d) if p is not None else []
        out.append(_rewrite(doc, r, p, runs, d, trim_punct, trim_sources) if runs else r)
    return out


PassProbs = Callable[[list[list[int]]], Iterable[TokenProbs | None]]

# The cue pass's runs (one per relation, one per orphan cue) per article, at most. Each run
# costs ~15 ms of CPU (a 128-piece window), and an article's count grows with its cues, not its
# length: a BBC article has ~30, a 250 KB article ~1,100, but 100 KB of "He said so. It was. "
# had ~2,600 (41 s of the pass alone). Past the limit, relations keep the tagger decoder's
# content and source, later orphan cues get no relation, and the dossier says so in a warning
# (``SKIPPED_KEY``); the pass's time per article stays under ~15 s.
MAX_RUNS = 1_000
# doc.user_data key: (runs ``refine_all`` left out, its ``max_runs``), when it had a limit.
SKIPPED_KEY = "veracity_cue_pass_skipped"


def refine_all(doc: Any, tagger_probs: TokenProbs, rels: list, pass_probs: PassProbs, d: CueDecode,
               trim_punct: bool, trim_sources: bool, max_runs: int | None = None) -> list:
    """``refine`` on the decoder's relations, then relations for confident orphan cues; with
    ``max_runs``, the pass runs on the first ``max_runs`` of those cues only (``MAX_RUNS``)."""
    budget = len(rels) if max_runs is None else max(0, min(len(rels), max_runs))
    probs = pass_probs([list(r.cue_tokens) for r in rels[:budget]])
    out = refine(doc, rels[:budget], probs, d, trim_punct, trim_sources) + list(rels[budget:])
    skipped = len(rels) - budget
    if d.orphan_min > 0.0:
        used = {i for r in rels for i in r.cue_tokens}
        cue_p = tagger_probs.inside()[:, tg.CUE]
        cands = [c for c in tg.role_runs(doc, tagger_probs, tg.CUE, 0.5)
                 if not (set(c) & used) and float(cue_p[c].mean()) >= d.orphan_cue]
        if max_runs is not None:
            left = max(0, max_runs - budget)
            skipped += max(0, len(cands) - left)
            cands = cands[:left]
        out += _orphans(doc, cands, pass_probs(cands) if cands else [], out, d, trim_punct, trim_sources)
    if max_runs is not None:
        doc.user_data[SKIPPED_KEY] = (skipped, max_runs)
    return out


def _orphans(doc: Any, cands: list[list[int]], probs: Iterable[TokenProbs | None], out: list, d: CueDecode,
             trim_punct: bool, trim_sources: bool) -> list:
    """Relations for the orphan cues whose pass found confident content no relation has."""
    added = []
    taken = chars(x for r in out for x in r.content)
    for cue, p in zip(cands, probs):
        runs = _content_runs(doc, p, cue, d) if p is not None else []
        if not runs:
            continue
        idx = [i for x in runs for i in x]
        if float(np.mean(p.b[idx, CONTENT] + p.i[idx, CONTENT])) < d.orphan_min:
            continue
        spans = tuple(run_span(doc, x) for x in sorted(runs))
        if chars(spans) & taken:
            continue
        bare = RawRelation(source=(), cue=(run_span(doc, cue),), content=spans, cue_tokens=tuple(cue), source_tokens=())
        added.append(_rewrite(doc, bare, p, runs, d, trim_punct, trim_sources))
        taken |= chars(spans)
    return added
