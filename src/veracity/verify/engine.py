"""Claim verification: retrieve evidence, judge its stance, mark shared origins, give a verdict.

For each claim, what it asserts (:mod:`veracity.verify.claimed`: its attributed content, not
"according to ...") is searched in the evidence index (BM25 + MiniLM, fused). Sentences about
the same thing (closest first, MiniLM cosine at least ``MIN_COSINE``) are judged by the news stance
cross-encoder and the frame-level checks (:mod:`veracity.verify.judge`); a supporting
sentence that rests on the claim's own origin (:mod:`veracity.verify.origin`) is marked
``same_origin`` and adds no independent support. The verdict follows from the evidence by
rules a person can check (:func:`verdict_of`), with a one-line reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Sequence

import numpy as np

from ..records import Check, Evidence, Span, Verdict
from ..retrieval.index import EvidenceIndex, Hit
from .claimed import Claimed, clauses
from .contradiction import SENTENCE_CHECKS
from .judge import Judgement, NewsStance, judge, load
from .origin import Origin, first_hand, shared_origin

# Candidates retrieved per claim: enough that a relevant sentence ranked ~15th by retrieval
# can still surface.
RERANK_CANDIDATES = 20
# Sentences judged per claim (closest first): the candidates of both searches about the claim
# at all. The cross-encoder reads the closest few (judge.MODEL_PAIRS); the checks parse only
# sentences that share enough with the claim for some check to apply.
JUDGED = 2 * RERANK_CANDIDATES
# Below this cosine a sentence is not about the claim: it is neither judged nor cited.
MIN_COSINE = 0.25
# Evidence shown per claim: the deciding sentences always, then the closest others, up to k
# (at least) and MAX_CITED (at most).
MAX_CITED = 8
# Characters of an evidence document searched for a credit to the claim's origin.
ORIGIN_CHARS = 3000
VERDICT_NAMES = ("SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO")


@dataclass(frozen=True)
class ClaimQuery:
    text: str  # what is claimed
    offset: int = 0  # where ``text`` starts in its article (used when ``claimed`` is not given)
    claimed: Claimed | None = None  # maps offsets in ``text`` to article spans
    published: str | None = None
    origins: tuple[Origin, ...] = field(default=())
    sentence: Span | None = None  # the claim's whole sentence (article offsets), for sentence-level checks
    # Who acts in what is claimed ("Sundlinjen" in "Sundlinjen carried 1.2 million passengers"):
    # evidence such a party publishes itself confirms first-hand rather than echoes (origin.first_hand).
    parties: tuple[str, ...] = field(default=())
    article: str = ""  # the claim's article: whose figures are its story's (owners.OUTSIDE_STORY)

    def spans(self, start: int, end: int) -> tuple[Span, ...]:
        if self.claimed is not None:
            return self.claimed.to_article(start, end)
        return (Span(start + self.offset, end + self.offset, self.text[start:end]),)

    def shift(self, spans: tuple[Span, ...], kind: str = "") -> tuple[Span, ...]:
        if kind in SENTENCE_CHECKS and self.sentence is not None:
            return _shift(spans, self.sentence.start)
        return tuple(x for s in spans for x in self.spans(s.start, s.end))


def _shift(spans: tuple[Span, ...], by: int) -> tuple[Span, ...]:
    return tuple(Span(s.start + by, s.end + by, s.text) for s in spans)


def _who(e: Evidence) -> str:
    parts = [e.outlet or e.title or e.document_id]
    if e.published:
        parts.append(e.published[:10])
    return ", ".join(p for p in parts if p)


def _quote(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def verdict_of(evidence: Sequence[Evidence], support_why: dict[tuple[str, int], str] | None = None) -> tuple[str, float, str]:
    """(label, confidence, reason) from judged evidence.

    - refuting and independent supporting evidence both: DISPUTED;
    - refuting only: REFUTED (a denial by the party concerned is refutation);
    - independent support only: SUPPORTED;
    - support only from the claim's own origin, or nothing that takes a side: NOT_ENOUGH_INFO.

    ``support_why``: for a support the judge gave by a rule rather than the model, keyed by (document
    id, sentence start), the words that matched; the reason quotes it.
    """
    matched = support_why or {}
    because = lambda e: f" \u2014 {matched[(e.document_id, e.span.start)]}" if (e.document_id, e.span.start) in matched else ""  # noqa: E731
    ref = [e for e in evidence if e.stance == "refutes"]
    sup = [e for e in evidence if e.stance == "supports" and not e.same_origin]
    echo = [e for e in evidence if e.stance == "supports" and e.same_origin]
    if ref:
        r = max(ref, key=lambda e: e.stance_confidence)
        why = r.checks[0].detail if r.checks else f"it reads as contradicting the claim ({r.stance_confidence:.2f})"
        against = f"{_who(r)}: \u201c{_quote(r.span.text)}\u201d \u2014 {why}"
    if ref and sup:
        s = max(sup, key=lambda e: e.stance_confidence)
        conf = min(max(e.stance_confidence for e in ref), s.stance_confidence)
        return "DISPUTED", round(conf, 4), f"Disputed: supported by {_who(s)}{because(s)}; but contradicted by {against}"
    if ref:
        conf = max(e.stance_confidence for e in ref)
        extra = f"; {len(echo)} report(s) repeating the claim's own origin do not count" if echo else "; no independent report supports it"
        return "REFUTED", round(conf, 4), f"Refuted: {against}{extra}"
    if sup:
        conf = max(e.stance_confidence for e in sup)
        names = "; ".join(_who(e) for e in sup[:3])
        s = max(sup, key=lambda e: e.stance_confidence)
        own = [e for e in sup if e.origin]  # the claim's own source, first-hand
        if own and len(own) == len(sup):
            return "SUPPORTED", round(conf, 4), (f"Supported by the claim's own source confirming it first-hand ({names}: the party "
                                                 f"the claim is about, publishing for itself); none contradicts it{because(s)}")
        also = f"; {_who(own[0])} is the claim's own source confirming it first-hand" if own else ""
        return "SUPPORTED", round(conf, 4), (f"Supported by {len(sup)} report(s) not resting on the claim's origin ({names}){also}; "
                                             f"none contradicts it{because(s)}")
    if echo:
        o = echo[0].origin or "the claim's own source"
        conf = max(e.stance_confidence for e in echo)
        return "NOT_ENOUGH_INFO", round(conf, 4), (f"Not enough info: only {len(echo)} report(s) resting on the same origin "
                                                   f"({o.split(':', 1)[-1]}) repeat it; nothing independent confirms or contradicts it")
    if evidence:
        conf = max(e.stance_confidence for e in evidence if e.stance == "nei") if any(e.stance == "nei" for e in evidence) else 0.5
        return "NOT_ENOUGH_INFO", round(conf, 4), "Not enough info: the indexed reports on this subject neither confirm nor contradict it"
    return "NOT_ENOUGH_INFO", 1.0, "Not enough info: nothing in the evidence index is about this claim"


# A report whose check refutes the claim does not also confirm it, whatever the check (until
# session 20 only a denial held a report to one side): the ASEAN Secretariat's "Deployments to
# other areas, including Rakhine state, would be considered only in a later phase" refutes a
# first deployment to Rakhine, and its other sentence on the mission's start is no support for
# it. One report on both sides would make the claim DISPUTED on that report's word alone.
ONE_SIDE_PER_REPORT = True


def _one_side_per_report(evidence: list[Evidence]) -> list[Evidence]:
    """A report that refutes the claim does not also confirm it: the union saying "Reports that
    the strike has been called off are not true" is not read as support because its other
    sentence, "its two-day stoppage ... would go ahead as planned", shares the claim's words
    (the model read it as SUPPORTS 0.85). Its supporting sentences take no side (see
    ONE_SIDE_PER_REPORT)."""
    refuters = {e.document_id for e in evidence
                if e.stance == "refutes" and (ONE_SIDE_PER_REPORT or any(c.kind == "denial" for c in e.checks))}
    if not refuters:
        return evidence
    return [replace(e, stance="nei", same_origin=False, origin=None) if e.stance == "supports" and e.document_id in refuters else e
            for e in evidence]


def _either(js: tuple[Judgement, ...], parts: Sequence[str]) -> Judgement:
    """One report's stance on a content of several clauses (the whole content's reading first,
    then each clause's): the whole's when it takes a side, else a clause's refutation, else a
    clause's support, saying which clause it is about."""
    if js[0].stance != "nei":
        return js[0]
    for stance in ("refutes", "supports"):
        for j, part in zip(js[1:], parts):
            if j.stance == stance:
                on = f"on the clause \u201c{part if len(part) <= 60 else part[:57] + '...'}\u201d"
                checks = tuple(replace(c, detail=f"{c.detail} ({on})") for c in j.checks)
                return replace(j, checks=checks, why=f"{j.why} ({on})" if j.why else on)
    return js[0]


class Verifier:
    def __init__(self, index: EvidenceIndex, model: NewsStance | None = None, k: int = 5):
        self.index = index
        self.model = model or load()
        self.k = k

    def verify(self, claims: Sequence[ClaimQuery], exclude: Sequence[str] = ()) -> list[Verdict]:
        """Each claim is searched twice when its sentence says more than its content: by what it
        claims, and by its whole sentence (whose speaker and titles the role and denial checks
        read: "Former Minister X said ..."). A sentence's relevance is its closer cosine."""
        if not claims:
            return []
        texts = [c.text for c in claims]
        wholes = [c.sentence.text if c.sentence is not None and c.sentence.text.strip() != c.text.strip() else None for c in claims]
        extra = [w for w in wholes if w]
        vecs = self.index.encode(texts + extra)
        hit_lists = self.index.search_many(texts + extra, RERANK_CANDIDATES, exclude=exclude, vectors=vecs)
        out, k = [], len(texts)
        for i, c in enumerate(claims):
            qv, hits = [vecs[i]], list(hit_lists[i])
            if wholes[i]:
                qv.append(vecs[k])
                seen = {h.sentence_id for h in hits}
                hits += [h for h in hit_lists[k] if h.sentence_id not in seen]
                k += 1
            out.append(self._judge(c, np.stack(qv), hits))
        return out

    def _judge(self, claim: ClaimQuery, qvecs: np.ndarray, hits: list[Hit]) -> Verdict:
        claimed = claim.claimed.pieces if claim.claimed else ((Span(claim.offset, claim.offset + len(claim.text), claim.text),) if claim.text else ())
        if hits:
            cos = (self.index.vectors([h.sentence_id for h in hits]) @ qvecs.T).max(axis=1)
            order = [int(i) for i in np.argsort(-cos, kind="stable") if cos[i] >= MIN_COSINE][:JUDGED]
        else:
            cos, order = np.zeros(0), []
        args = ([hits[i].text for i in order], [float(cos[i]) for i in order], claim.published, [hits[i].published for i in order],
                claim.sentence.text if claim.sentence else None, claim.article or None, [hits[i].title for i in order])
        verdicts = judge(self.model, claim.text, *args)
        # A content of two reported clauses ("the fault lay in an update supplied by Tarang
        # Systems, and that no customer funds had been lost") is judged clause by clause too: a
        # report the whole content leaves undecided refutes it when it refutes either clause, and
        # supports it when it supports one and refutes none (so one report confirming one clause
        # and another denying the other make it DISPUTED).
        parts = clauses(claim.text) if order else []
        if len(parts) > 1:
            verdicts = [_either(js, parts) for js in zip(verdicts, *(judge(self.model, p, *args) for p in parts))]
        by_hit: dict[int, Judgement] = dict(zip(order, verdicts))
        evidence = _one_side_per_report([self._evidence(claim, hits[i], float(cos[i]), by_hit.get(i)) for i in order])
        deciding = [e for e in evidence if e.stance != "nei"]
        rest = [e for e in evidence if e.stance == "nei"]
        cited = (deciding + rest)[: min(MAX_CITED, max(self.k, len(deciding)))]
        why = {(hits[i].document_id, hits[i].start): j.why for i, j in by_hit.items() if j.why}
        label, conf, reason = verdict_of(cited, why)
        return Verdict(label, conf, tuple(cited), reason, claimed)

    def _evidence(self, claim: ClaimQuery, h: Hit, cos: float, j: Judgement | None) -> Evidence:
        stance, conf, checks = ("nei", round(1.0 - cos, 4), ()) if j is None else (j.stance, j.confidence, j.checks)
        shifted = tuple(Check(c.kind, c.detail, claim.shift(c.claim, c.kind), _shift(c.evidence, h.start)) for c in checks)
        origin, echo = None, False
        if stance == "supports" and claim.origins:
            doc = self.index.document(h.document_id)
            o = shared_origin(claim.origins, h.outlet, h.text, doc.text[:ORIGIN_CHARS] if doc else "")
            # The origin itself, publishing first-hand about itself, confirms: it keeps its origin
            # key (the reason names it) but is not an echo.
            origin, echo = (o.key, first_hand(o, claim.parties, h.outlet, h.text) is None) if o else (None, False)
        return Evidence(document_id=h.document_id, span=Span(h.start, h.end, h.text), stance=stance, score=round(cos, 4),
                        stance_confidence=conf, outlet=h.outlet, published=h.published, title=h.title, checks=shifted,
                        same_origin=echo, origin=origin)
