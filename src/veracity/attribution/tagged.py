"""Relations from the MiniLM tagger's per-token probabilities (``attribution.tagger.v1``).

The tagger (``tagger.py``) says, per spaCy token, how likely it is to be inside a cue, a source
or a content span. Three ways to turn that into relations were compared on PolNeAR dev (the
choice and its figures are in models/attribution/tagger/TRAINING_REPORT.md; the chosen one is
``decode.mode`` in tagger/meta.json):

- ``direct``: content, cue and source runs are read off the tagger; each content run joins the
  nearest cue (contents on both sides of one cue form one discontinuous relation) and each
  relation takes the source run nearest its cue in the cue's sentence;
- ``crf``: the tagger's cue runs replace the cue CRF and the role CRF finds source and content
  per cue, as in ``attribution.learned.v1``;
- ``hybrid``: ``crf`` relations, plus ``direct`` relations on content the CRF left untouched.

Either way the rules may add relations on untouched content and give direct quotations their
exact marks (``learned.combine``); source typing and chains stay the rule-based ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .features import DocInfo, doc_info
from .learned import MIN_CONTENT_CHARS, CrfExtractor, RawRelation, _chars, _nearest_run, combine, run_span, trim_source
from .tagger import ROLES, Tagger, TokenProbs

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
    # A content run further than this many tokens from every cue has no relation (PolNeAR
    # contents sit next to their cue or one clause away).
    max_gap: int = 40
    combine_rules: bool = True
    quote_override: bool = True
    trim_sources: bool = True

    @classmethod
    def of(cls, d: dict[str, Any] | None) -> "Decode":
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in (d or {}).items() if k in names})


def role_runs(doc: Any, probs: TokenProbs, role: int, threshold: float) -> list[list[int]]:
    """Token runs inside a ``role`` span: P(inside) >= threshold; a token whose P(B) beats its
    P(I) starts a new span even right after another (two adjacent cues, "said ... told")."""
    p_in = probs.inside()[:, role]
    b, i = probs.b[:, role], probs.i[:, role]
    runs: list[list[int]] = []
    prev_in = False
    for t in doc:
        if t.is_space:
            continue  # whitespace tokens neither join nor break a span
        if p_in[t.i] >= threshold:
            if prev_in and b[t.i] <= i[t.i]:
                runs[-1].append(t.i)
            else:
                runs.append([t.i])
            prev_in = True
        else:
            prev_in = False
    return runs


def _gap(a: list[int], b: list[int]) -> int:
    """Tokens between two runs (0 when adjacent or overlapping)."""
    if a[-1] < b[0]:
        return b[0] - a[-1] - 1
    if b[-1] < a[0]:
        return a[0] - b[-1] - 1
    return 0


def _useful(doc: Any, run: list[int]) -> bool:
    return any(not doc[i].is_punct for i in run) and len(doc[run[0]:run[-1] + 1].text) >= MIN_CONTENT_CHARS


def direct_relations(doc: Any, info: DocInfo, probs: TokenProbs, d: Decode) -> list[RawRelation]:
    cues = role_runs(doc, probs, CUE, d.cue)
    contents = [r for r in role_runs(doc, probs, CONTENT, d.content) if _useful(doc, r)]
    sources = role_runs(doc, probs, SOURCE, d.source)
    by_cue: dict[int, list[list[int]]] = {}
    for c in contents:
        cs = set(c)
        # A cue inside the content run is an inner relation's, not this content's own.
        cands = [(k, _gap(c, q)) for k, q in enumerate(cues) if not (set(q) & cs)]
        cands = [(k, g) for k, g in cands if g <= d.max_gap]
        if not cands:
            continue
        k = min(cands, key=lambda kg: (kg[1], kg[0]))[0]
        by_cue.setdefault(k, []).append(c)
    rels = []
    for k in sorted(by_cue):
        cue = cues[k]
        con = by_cue[k]
        taken = {i for r in con for i in r}
        sent = info.sent_of[cue[0]]
        cand = [s for s in sources if info.sent_of[s[0]] == sent and not (set(s) & taken) and not (set(s) & set(cue))]
        src = _nearest_run(cand, cue)
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


@dataclass
class TaggerExtractor:
    """Tagger probabilities -> relations, by the dev-chosen decoder (see the module docstring)."""

    tagger: Tagger
    crf: CrfExtractor
    decode: Decode = field(default_factory=Decode)

    @classmethod
    def load(cls) -> "TaggerExtractor":
        tagger = Tagger()
        crf = CrfExtractor()
        return cls(tagger, crf, Decode.of(tagger.meta.get("decode")))

    def extract(self, doc: Any, info: DocInfo | None = None, probs: TokenProbs | None = None) -> list[RawRelation]:
        info = info or doc_info(doc)
        probs = probs if probs is not None else self.tagger.token_probs(doc)
        return relations(doc, info, probs, self.crf, self.decode)


def relations(doc: Any, info: DocInfo, probs: TokenProbs, crf: CrfExtractor, d: Decode) -> list[RawRelation]:
    if d.mode == "direct":
        rels = direct_relations(doc, info, probs, d)
    else:
        cues = [(r, 1.0) for r in role_runs(doc, probs, CUE, d.cue)]
        saved = crf.use_rules
        crf.use_rules = False  # the rules are combined once, below
        try:
            rels = crf.extract(doc, info, cues=cues)
        finally:
            crf.use_rules = saved
        if d.mode == "hybrid":
            taken = _chars(x for r in rels for x in r.content)
            rels += [r for r in direct_relations(doc, info, probs, d) if not (_chars(r.content) & taken)]
    if d.combine_rules:
        from .rules import doc_text, rule_relations

        rels = combine(rels, rule_relations(doc, info.quote), doc_text(doc), d.quote_override)
    return rels
