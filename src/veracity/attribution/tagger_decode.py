"""The tagger's decoder: relations from the MiniLM tagger's per-token probabilities.

The tagger (``tagger.py``, the network) says, per spaCy token, how likely it is to be inside a cue, a source
or a content span. Three ways to turn that into relations were compared on PolNeAR dev (the
choice and its figures are in models/attribution/tagger/TRAINING_REPORT.md; the chosen one is
``decode.mode`` in tagger/meta.json):

- ``direct``: content, cue and source runs are read off the tagger; each content run joins the
  nearest cue (contents on both sides of one cue form one discontinuous relation) and each
  relation takes the source run nearest its cue in the cue's sentence;
- ``crf``: the tagger's cue runs replace the cue CRF and the role CRF finds source and content
  per cue, as in ``attribution.learned.v1``;
- ``hybrid``: ``crf`` relations, plus ``direct`` relations on content the CRF left untouched;
- ``augment``: the cue CRF's cues plus the tagger's cues where the CRF found none, then the
  role CRF.

After any mode, ``fill_min_tokens`` > 0 adds the tagger's own content runs where no relation
has content yet ("gap filling", ``fill_relations``): only long, confident runs (the tagger's
short runs are mostly fragments of a longer gold content, and its low-confidence runs are mostly
not attributed content), each joined to the nearest cue (tagger or kept relation) a few tokens
away, with the tagger's nearest source in the cue's sentence.

In ``direct`` mode the cue-conditioned second pass (``cuepass.py``), when its artefact is
present, then gives each relation the content and source that its own cue's pass finds, in
place of the runs grouped by nearest cue, and adds relations for confident cues left without
content (on dev: content overlap F1 0.767 -> 0.793, source overlap 0.902 -> 0.938, full
relation 0.635 -> 0.692, with the pass trained 3 epochs).

Either way the rules may add relations on untouched content and give direct quotations their
exact marks (``core.combine``); source typing and chains stay the rule-based ones. The
composition (decoder, cue pass, CRFs, rules, citing) is ``extractors.relations``; this module
is a component over ``core``, ``features`` and the network's ``tagger``.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re

import numpy as np
from dataclasses import dataclass
from typing import Any

from .core import MIN_CONTENT_CHARS, QUOTE_OPENERS, RawRelation, chars, nearest_run, run_span, trim_source
from .features import DocInfo
from .tagger import ROLES, TokenProbs, token_bounds

CUE, SOURCE, CONTENT = (ROLES.index(r) for r in ("cue", "source", "content"))


@dataclass(frozen=True)
class Decode:
    """Decoder settings (chosen on dev; stored in tagger/meta.json under "decode")."""

    mode: str = "direct"
    # P(inside) at which a token joins a span, per role. 0.5 is the argmax of a balanced
    # binary decision; the model was trained with B/I weighted up, so dev may prefer higher.
    cue: float = 0.5
    source: float = 0.5
    content: float = 0.5
    # Cost (log-probability) of opening / closing a span, per role (see ``role_runs``).
    smooth_cue: float = 0.0
    smooth_source: float = 0.0
    smooth_content: float = 0.0
    # A content run further than this many tokens from every cue has no relation (PolNeAR
    # contents sit next to their cue or one clause away).
    max_gap: int = 40
    # Relations (from any mode) whose content the tagger rates below this mean P(content)
    # are dropped: the tagger vetoes the CRF's less plausible contents (0 = keep all).
    min_content_prob: float = 0.0
    combine_rules: bool = True
    quote_override: bool = True
    trim_sources: bool = True
    # Gap filling (see the module docstring; 0 = off). A tagger content run is added as a
    # relation when it touches no kept content, has at least this many non-punctuation tokens
    # (the tagger's short runs are mostly fragments or noise: its bare content runs score
    # content overlap F1 0.580 on dev, 0.619 keeping only runs of >= 5 such tokens), ...
    fill_min_tokens: int = 0
    # ... a mean P(inside content) of at least this (0.8: below it the added runs cost more
    # full-relation precision than they bring content recall) ...
    fill_min_prob: float = 0.8
    # ... and a cue at most this many tokens away (the cue of a quotation sits right next to
    # it; further cues are mostly another relation's).
    fill_max_gap: int = 3
    # P(inside a cue) for the tagger's cue runs a filled content may join.
    fill_cue: float = 0.5
    # PolNeAR's contents leave out the sentence's closing "." or "," unless they are inside a
    # quotation; the tagger often runs one token over (on dev, 56 of the ~525 overlap-matched
    # contents that miss their exact boundary end in an extra "." or ","). True drops that token.
    trim_punct: bool = False
    # A content run joins a cue of its own sentence when there is one, however near a cue of
    # the next or previous sentence is: the nearest cue by tokens is often the next sentence's
    # ("..., the NYPD overruled that. | Clinton now says ..."). On dev this alone moved every
    # figure up (content overlap F1 0.754 -> 0.764, cue exact 0.812 -> 0.823, source overlap
    # 0.888 -> 0.903).
    same_sentence_cue: bool = False

    @classmethod
    def of(cls, d: dict[str, Any] | None) -> "Decode":
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in (d or {}).items() if k in names})


def role_runs(doc: Any, probs: TokenProbs, role: int, threshold: float, smooth: float = 0.0) -> list[list[int]]:
    """Token runs of one role by a BIO Viterbi path over the tagger's per-token probabilities.

    The tagger scores each piece on its own, so P(inside) wobbles inside a long quotation
    ("I", "for" dipping under 0.5) and a plain threshold breaks one content into fragments
    that the scorer's Jaccard >= 0.5 rule then rejects. ``smooth`` is the log-probability
    cost of opening or closing a span (0 = thresholding); ``threshold`` shifts the inside
    scores by its log-odds (0.5 = no shift). O -> I is not allowed (a span starts with B),
    while B right after a span starts the next one at no cost (two adjacent relations)."""
    # whitespace neither joins nor breaks a span; ``doc`` may be a Span (a cue pass's window)
    first = 0 if doc.doc is doc else doc.start
    space = token_bounds(doc.doc)[2][first:first + len(doc)]
    toks = (np.nonzero(~space)[0] + first).tolist()
    if not toks:
        return []
    shift = -math.log(threshold / (1.0 - threshold))
    eps = 1e-6
    b = probs.b[toks, role].astype(float).tolist()
    i = probs.i[toks, role].astype(float).tolist()
    lam = smooth
    neg = -1e18
    # scores of ending at token k in state O / B / I, and back-pointers
    so, sb, si = math.log(max(1.0 - b[0] - i[0], eps)), math.log(max(b[0], eps)) + shift - lam, neg
    back: list[tuple[int, int, int]] = [(0, 0, 0)]
    for k in range(1, len(toks)):
        eo = math.log(max(1.0 - b[k] - i[k], eps))
        eb = math.log(max(b[k], eps)) + shift
        ei = math.log(max(i[k], eps)) + shift
        # O from O (0), B (-lam), I (-lam)
        co = max((so, 0), (sb - lam, 1), (si - lam, 2))
        # B from O (-lam), B (0), I (0): a span right after another is common (one relation
        # per sentence of a long quotation), so only leaving O costs
        cb = max((so - lam, 0), (sb, 1), (si, 2))
        # I from B (0), I (0)
        ci = max((sb, 1), (si, 2))
        so, sb, si = co[0] + eo, cb[0] + eb, ci[0] + ei
        back.append((co[1], cb[1], ci[1]))
    state = max((so, 0), (sb, 1), (si, 2))[1]
    path = [0] * len(toks)
    for k in range(len(toks) - 1, -1, -1):
        path[k] = state
        state = back[k][state]
    runs: list[list[int]] = []
    for k, st in enumerate(path):
        if st == 1 or (st == 2 and not runs):
            runs.append([toks[k]])
        elif st == 2:
            runs[-1].append(toks[k])
    return runs


def _gap(a: list[int], b: list[int]) -> int:
    """Tokens between two runs (0 when adjacent or overlapping)."""
    if a[-1] < b[0]:
        return b[0] - a[-1] - 1
    if b[-1] < a[0]:
        return a[0] - b[-1] - 1
    return 0


TRAILING_PUNCT = {".", ","}


def trim_run(doc: Any, run: list[int]) -> list[int]:
    """``run`` without a closing "." or "," (kept when the run opens with a quotation mark)."""
    if doc[run[0]].text[:1] in QUOTE_OPENERS:
        return run
    while len(run) > 1 and doc[run[-1]].text in TRAILING_PUNCT:
        run = run[:-1]
    return run


def content_runs(doc: Any, probs: TokenProbs, d: "Decode") -> list[list[int]]:
    runs = role_runs(doc, probs, CONTENT, d.content, d.smooth_content)
    return [trim_run(doc, r) for r in runs] if d.trim_punct else runs


def useful_run(doc: Any, run: list[int]) -> bool:
    return any(not doc[i].is_punct for i in run) and len(doc[run[0]:run[-1] + 1].text) >= MIN_CONTENT_CHARS


def direct_relations(doc: Any, info: DocInfo, probs: TokenProbs, d: Decode) -> list[RawRelation]:
    cues = role_runs(doc, probs, CUE, d.cue, d.smooth_cue)
    contents = [r for r in content_runs(doc, probs, d) if useful_run(doc, r)]
    sources = role_runs(doc, probs, SOURCE, d.source, d.smooth_source)
    by_cue: dict[int, list[list[int]]] = {}
    # Cues are disjoint runs in token order, so those within max_gap tokens of a content are
    # a range of them, found by bisection (comparing every content with every cue took time
    # quadratic in the article's length).
    cue_first, cue_last = [q[0] for q in cues], [q[-1] for q in cues]
    for c in contents:
        cs = set(c)
        near = range(bisect.bisect_left(cue_last, c[0] - d.max_gap - 1), bisect.bisect_right(cue_first, c[-1] + d.max_gap + 1))
        # A cue inside the content run is an inner relation's, not this content's own.
        cands = [(k, _gap(c, cues[k])) for k in near if not (set(cues[k]) & cs)]
        cands = [(k, g) for k, g in cands if g <= d.max_gap]
        if not cands:
            continue
        own = {info.sent_of[c[0]], info.sent_of[c[-1]]} if d.same_sentence_cue else set()
        k = min(cands, key=lambda kg: (bool(own) and info.sent_of[cues[kg[0]][0]] not in own, kg[1], kg[0]))[0]
        by_cue.setdefault(k, []).append(c)
    by_sent: dict[int, list[list[int]]] = {}
    for s in sources:
        by_sent.setdefault(info.sent_of[s[0]], []).append(s)
    rels = []
    for k in sorted(by_cue):
        cue = cues[k]
        con = by_cue[k]
        taken = {i for r in con for i in r}
        sent = info.sent_of[cue[0]]
        cand = [s for s in by_sent.get(sent, ()) if not (set(s) & taken) and not (set(s) & set(cue))]
        src = nearest_run(cand, cue)
        if src and d.trim_sources:
            src = trim_source(doc, src)
        rels.append(RawRelation(
            source=(run_span(doc, src),) if src else (),
            cue=(run_span(doc, cue),),
            content=tuple(run_span(doc, r) for r in sorted(con)),
            cue_tokens=tuple(cue),
            source_tokens=tuple(src or ()),
        ))
    return rels


def content_prob(doc: Any, probs: TokenProbs, r: RawRelation, inside: np.ndarray | None = None) -> float:
    """Mean tagger P(inside a content) over the relation's content tokens (``inside``: that
    column of ``probs.inside()``, when the caller has it)."""
    p = probs.inside()[:, CONTENT] if inside is None else inside
    vals = [p[t.i] for s, e in r.content for t in doc.char_span(s, e, alignment_mode="expand") or () if not t.is_space]
    return float(np.mean(vals)) if vals else 0.0


def fill_relations(doc: Any, info: DocInfo, probs: TokenProbs, kept: list[RawRelation], d: Decode) -> list[RawRelation]:
    """Relations on the tagger's confident content runs that no kept relation covers."""
    taken = chars(x for r in kept for x in r.content)
    p = probs.inside()[:, CONTENT]
    runs = [r for r in content_runs(doc, probs, d)
            if useful_run(doc, r) and sum(1 for i in r if not doc[i].is_punct) >= d.fill_min_tokens
            and float(p[r].mean()) >= d.fill_min_prob and not (chars([run_span(doc, r)]) & taken)]
    if not runs:
        return []
    cues = role_runs(doc, probs, CUE, d.fill_cue) + [list(r.cue_tokens) for r in kept if r.cue_tokens]
    sources = role_runs(doc, probs, SOURCE, d.source, d.smooth_source)
    out = []
    for c in runs:
        cs = set(c)
        cands = [(g, k) for k, q in enumerate(cues) if not (set(q) & cs) and (g := _gap(c, q)) <= d.fill_max_gap]
        if not cands:
            continue
        cue = cues[min(cands)[1]]
        sent = info.sent_of[cue[0]]
        cand = [s for s in sources if info.sent_of[s[0]] == sent and not (set(s) & cs) and not (set(s) & set(cue))]
        src = nearest_run(cand, cue)
        if src and d.trim_sources:
            src = trim_source(doc, src)
        out.append(RawRelation(
            source=(run_span(doc, src),) if src else (),
            cue=(run_span(doc, cue),),
            content=(run_span(doc, c),),
            cue_tokens=tuple(cue),
            source_tokens=tuple(src or ()),
        ))
    return out


def bare_auxiliary(doc: Any, r: RawRelation) -> bool:
    """A cue of auxiliaries alone ("These personnel | will | improving combat tactics") attributes
    nothing; PolNeAR train has 16 such gold cues in ~20,000 relations. (A bare colon is a cue:
    "Graham: Trump's rhetoric is destroying the party".)"""
    aux = [doc[i].pos_ == "AUX" or doc[i].tag_ == "MD" for i in r.cue_tokens if not doc[i].is_punct]
    return bool(aux) and all(aux)


# A quotation mark that opens the next paragraph, after the content's own paragraph ended.
_DANGLING_OPENER = re.compile(r"\s*\n\s*[\"'\u201c\u2018]+$")


def without_dangling_opener(text: str, r: RawRelation) -> RawRelation:
    """``r`` without a next paragraph's opening quotation mark at the end of its content: a run
    that reaches a paragraph's end often takes the next one's first token (on dev, 5 contents
    that matched their gold span but for that mark)."""
    spans = list(r.content)
    if not spans:
        return r
    s, e = spans[-1]
    m = _DANGLING_OPENER.search(text, s, e)
    if m is None or m.end() != e or m.start() == s:
        return r
    spans[-1] = (s, m.start())
    return dataclasses.replace(r, content=tuple(spans))
