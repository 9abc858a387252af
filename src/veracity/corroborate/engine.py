"""Corroborate a dossier's claims against the evidence index.

For each claim: retrieve candidate sentences from the shared :class:`EvidenceIndex` (BM25 +
MiniLM, fused), keep one best sentence per other document, decide *same story* with the
learned related model (claim vs the document's indexed sentences and vectors — no
re-embedding) and *same claim* with a sentence-similarity floor, then compare the structured
parts of the two claims (divergences) and group the reports by original source
(independence). Dossiers of corroborating documents are analysed once and cached in the
same store, so a warm run only reads them.
"""

from __future__ import annotations

import json
import re
import dataclasses
from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..records import Article, Claim, Corroboration, CorroborationSummary, Dossier
from ..options import Options
from . import divergence as dv
from . import independence as ind
from ..verify.stage import query as verify_query
from .related import DocView, load_model

# Candidate sentences retrieved per claim before per-document de-duplication.
CANDIDATES = 30
# At most this many corroborating reports are kept per claim (best first).
MAX_REPORTS = 8
# ... and at most this many more from the verifier's deciding evidence.
MAX_VERIFIED = 4
# A retrieved sentence carries *the same claim* only when its MiniLM cosine with the claim is
# at least this. Read off 200 best hits from other documents for 40 random BBC politics
# articles (benchmarks/corroborate_bbc_index.py --sections=politics): at 0.62-0.68 most pairs
# are the same story but a different statement ("Mr Blair said: 'I am very sorry...'" vs
# "Mr Blair ... insisted on Wednesday"); from about 0.68 up they mostly restate one fact
# ("Michael Howard has finally revealed the full scale of his planned Tory tax cuts" vs
# "... would cut £35bn ... to allow £4bn in tax cuts"); above 0.75 nearly always.
SAME_CLAIM_COSINE = 0.68
# Only claims the check-worthiness model flagged are corroborated when it ran; otherwise the
# longest claims, up to this many, to bound the time per article.
MAX_CLAIMS = 40
# Claim vectors memoised per Corroborator (a long-running API process must not grow forever).
MEMO_SIZE = 4096


def _claims_to_check(d: Dossier) -> list[Claim]:
    """The claims the verifier checks too (:func:`veracity.verify.claimed.checked`), the
    longest ``MAX_CLAIMS`` of them at most."""
    from ..verify.claimed import checked

    claims = [d.claims[i] for i in checked(d.claims)]
    if len(claims) > MAX_CLAIMS:
        keep = set(id(c) for c in sorted(claims, key=lambda c: -len(c.span))[:MAX_CLAIMS])
        claims = [c for c in claims if id(c) in keep]
    return claims


_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?")


def date_key(published: str | None) -> str:
    """Sortable date; undated reports sort last."""
    return published if published and _DATE.match(published) else "9999"


@dataclass
class Corroborator:
    """Holds the index, the store and the related model; reuse it across articles."""

    db_path: str
    options: Options | None = None
    # How a linked report that is not stored yet gets its dossier: the composing pipeline's
    # own analyse (injected by veracity.stages), with these options less corroboration.
    analyse: Callable[[Article, Options], Dossier] | None = None

    def __post_init__(self) -> None:
        from ..retrieval.index import EvidenceIndex
        from ..store import open_store

        # The index embeds the claims for its dense search; we need the same vectors for the
        # features, so a small memo saves embedding every claim twice.
        self._memo: dict[str, np.ndarray] = {}
        self.index = EvidenceIndex(self.db_path, encoder=self._encode)
        self.store = open_store(self.db_path)
        self.model = load_model()
        self._views: dict[str, DocView] = {}
        self._dossiers: dict[str, Dossier | None] = {}
        self._judge = None  # the verifier's stance judge, loaded on first use

    def close(self) -> None:
        self.index.close()
        self.store.close()

    def _encode(self, texts) -> np.ndarray:
        from ..text.embed import encode

        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            if len(self._memo) > MEMO_SIZE:
                self._memo.clear()
            self._memo.update(zip(missing, encode(missing)))
        return np.stack([self._memo[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)

    # ---------------------------------------------------------------- other documents
    def _load_views(self, doc_ids) -> None:
        """Build the related-model views of several documents with ONE vectors() call
        (each call to EvidenceIndex.vectors rebuilds an id->row map over the whole index)."""
        from .related import BODY_SENTENCES

        todo = [d for d in dict.fromkeys(doc_ids) if d not in self._views]
        if not todo:
            return
        sents = {d: self.index.sentences(d)[:BODY_SENTENCES] for d in todo}
        ids = [s.id for d in todo for s in sents[d]]
        vecs = self.index.vectors(ids) if ids else np.zeros((0, 384), dtype=np.float32)
        k = 0
        for d in todo:
            n = len(sents[d])
            self._views[d] = DocView.build([s.text for s in sents[d]], vecs[k:k + n])
            k += n

    def view(self, doc_id: str) -> DocView:
        self._load_views([doc_id])
        return self._views[doc_id]

    def dossier_of(self, doc_id: str) -> Dossier | None:
        """The analysed dossier of an indexed document: from the store, else analysed and stored."""
        if doc_id in self._dossiers:
            return self._dossiers[doc_id]
        from ..errors import VeracityError

        d: Dossier | None
        try:
            d = self.store.get_dossier(doc_id)
        except VeracityError:
            doc = self.index.document(doc_id)
            if doc is None or self.analyse is None:
                d = None
            else:
                art = Article(id=doc.id, text=doc.text, title=doc.title, outlet=doc.outlet, published=doc.published,
                              url=doc.url, source_path=doc.source_path)
                base = self.options or Options()
                opts = dataclasses.replace(base, stages=tuple(s for s in base.stages if not s.startswith("corroborate")))
                try:
                    d = self.analyse(art, opts)
                    self.store.save_dossier(d)
                except VeracityError:
                    d = None
        self._dossiers[doc_id] = d
        return d

    # ---------------------------------------------------------------- one dossier
    def corroborate(self, dossier: Dossier) -> Dossier:
        claims = _claims_to_check(dossier)
        if not claims:
            return dossier
        texts = [c.span.text for c in claims]
        exclude = self._same_text_ids(dossier)
        hits_per = self.index.search_many(texts, CANDIDATES, exclude=exclude)
        vecs = self.index.encode(texts)
        # Cosines for hits the dense list did not score (BM25-only), all in one vectors() call.
        need = sorted({h.sentence_id for hits in hits_per for h in hits if h.cosine is None})
        extra = dict(zip(need, self.index.vectors(need))) if need else {}
        best_per: list[dict] = []
        for vec, hits in zip(vecs, hits_per):
            best: dict[str, tuple] = {}
            for h in hits:
                cos = h.cosine if h.cosine is not None else float(extra[h.sentence_id] @ vec)
                if h.document_id not in best or cos > best[h.document_id][1]:
                    best[h.document_id] = (h, cos)
            best_per.append({d: hc for d, hc in best.items() if hc[1] >= SAME_CLAIM_COSINE})
        self._load_views([d for b in best_per for d in b])
        by_id: dict[str, Claim] = {}
        for claim, vec, best in zip(claims, vecs, best_per):
            own_attrs = tuple(dv.claim_attributions(claim, dossier.attributions))
            own = ind.Report(dossier.article.id, dossier.article.outlet, own_attrs)
            query = verify_query(dossier, claim)
            by_id[claim.id] = claim.__class__(**{**claim.__dict__, "corroboration": self._summarise(claim, vec, best, own, own_attrs, query)})
        return dossier.with_(claims=tuple(by_id.get(c.id, c) for c in dossier.claims))

    def _same_text_ids(self, dossier: Dossier) -> list[str]:
        """The article itself, whether it was indexed under its own id or (same text) another."""
        same = self.index.id_of_text(dossier.article.text)
        return [dossier.article.id] + ([same] if same else [])

    def _stances(self, query, kept: list) -> list[str]:
        """corroborates | contradicts | related for each kept report: the verifier's judge
        (news stance model + frame-level checks) on what the claim asserts against the report's
        sentence. Only a report the judge reads as supporting is a corroborating line; one it
        cannot place is listed as related and counted for nothing."""
        from ..verify.judge import judge, load as load_judge

        if self._judge is None:
            self._judge = load_judge()
        js = judge(self._judge, query.text, [h.text for h, _c, _p in kept], [float(c) for _h, c, _p in kept],
                   query.published, [h.published for h, _c, _p in kept], query.sentence.text if query.sentence else None)
        return [{"refutes": "contradicts", "supports": "corroborates"}.get(j.stance, "related") for j in js]

    def _summarise(self, claim: Claim, vec: np.ndarray, best: dict, own: ind.Report, own_attrs, query) -> CorroborationSummary:
        kept = []
        for doc_id, (h, cos) in best.items():
            p = float(self.model.score(self.model.features_for(claim.span.text, vec, self.view(doc_id)))[0])
            if p < self.model.threshold:
                continue
            kept.append((h, cos, p))
        kept.sort(key=lambda t: -t[1])
        kept = kept[:MAX_REPORTS]
        from ..records import Span
        from ..verify.origin import first_hand, shared_origin

        stances = self._stances(query, kept)
        # A report the verifier cites as refuting the claim (by any of its sentences) is a
        # contradicting report, whatever its closest sentence reads as: the union denying that the
        # strike was called off is not a corroborating line because it also says the stoppage
        # "would go ahead as planned".
        refuting = {e.document_id for e in (claim.verdict.evidence if claim.verdict else ()) if e.stance == "refutes"}
        stances = ["contradicts" if h.document_id in refuting else st for (h, _c, _p), st in zip(kept, stances)]
        # A sentence the verifier judged, with the article around the claim (another story's
        # town, another period), keeps the verifier's reading: one it found neither confirming
        # nor contradicting is no corroborating line here either.
        judged = {(e.document_id, e.span.start): e.stance for e in (claim.verdict.evidence if claim.verdict else ())}
        stances = ["related" if st == "corroborates" and judged.get((h.document_id, h.start)) == "nei" else st
                   for (h, _c, _p), st in zip(kept, stances)]
        # One account of the claim: the reports found here, then the evidence the verifier
        # cited as taking a side from other documents (a paraphrased confirmation or a denial
        # is often under the same-claim cosine), with the verifier's stance and origin.
        # (doc id, span, similarity, outlet, published, title, stance, same origin?, first-hand?)
        items = []
        for (h, cos, _p), stance in zip(kept, stances):
            doc = self.index.document(h.document_id)
            o = shared_origin(query.origins, h.outlet, h.text, doc.text[:3000] if doc else "")
            mine = bool(o) and first_hand(o, query.parties, h.outlet, h.text) is not None
            items.append((h.document_id, Span(h.start, h.end, h.text), float(cos), h.outlet, h.published, h.title, stance,
                          bool(o) and not mine, mine))
        seen = {it[0] for it in items}
        for e in (claim.verdict.evidence if claim.verdict else ()):
            if e.stance != "nei" and e.document_id not in seen and len(items) < MAX_REPORTS + MAX_VERIFIED:
                seen.add(e.document_id)
                items.append((e.document_id, e.span, e.score, e.outlet, e.published, e.title,
                              "contradicts" if e.stance == "refutes" else "corroborates", e.same_origin,
                              e.stance == "supports" and bool(e.origin) and not e.same_origin))
        reports: list[Corroboration] = []
        ind_reports: list[ind.Report] = []
        counted: list[int] = []  # reports that can be an independent line
        for i, (doc_id, span, cos, outlet, published, title, stance, same, mine) in enumerate(items):
            other_claim, other_attrs = self._claim_at(doc_id, span.start, span.end)
            divs = dv.compare(claim, other_claim, own_attrs, other_attrs) if other_claim else ()
            # The claim's own source publishing first-hand about itself is its own line: its
            # publisher, not the document its words credit ("its annual report shows").
            ind_reports.append(ind.Report(doc_id, outlet, () if mine else tuple(other_attrs)))
            reports.append(Corroboration(doc_id, span, round(cos, 4), outlet, published, title, None, divs, stance))
            # A contradicting report is listed, never counted; one crediting the claim's own
            # origin ("the Journal reported, citing ...") joins the claim's own line.
            if stance == "corroborates" and not same:
                counted.append(i)
        _, origins = ind.independent_lines(own, ind_reports)
        n, _ = ind.independent_lines(own, [ind_reports[i] for i in counted])
        reports = [r.__class__(**{**r.__dict__, "origin": o}) for r, o in zip(reports, origins)]
        earliest = min(reports, key=lambda r: (date_key(r.published), r.document_id)).document_id if reports else None
        if reports and all(r.published is None for r in reports):
            earliest = None  # no dates: "first" cannot be known, and we do not guess
        return CorroborationSummary(tuple(reports), earliest, n, sum(r.stance == "contradicts" for r in reports))

    def _claim_at(self, doc_id: str, start: int, end: int) -> tuple[Claim | None, list]:
        d = self.dossier_of(doc_id)
        if d is None:
            return None, []
        best, overlap = None, 0
        for c in d.claims:
            o = min(end, c.span.end) - max(start, c.span.start)
            if o > overlap:
                best, overlap = c, o
        if best is None:
            return None, []
        return best, dv.claim_attributions(best, d.attributions)


class CorroborateStage:
    """Pipeline stage ``corroborate.v1``: needs an index (``Options.evidence_db`` or ``db_path``)."""

    def __init__(self, options: Options, analyse: Callable[[Article, Options], Dossier] | None = None):
        self.options = options
        self.analyse = analyse
        self.db = options.evidence_db or options.db_path
        self._engine: Corroborator | None = None

    def __call__(self, dossier: Dossier) -> Dossier:
        if not self.db:
            return dossier.with_(warnings=dossier.warnings + ("corroborate.v1: no evidence index (--db); nothing corroborated",))
        if self._engine is None:
            self._engine = Corroborator(self.db, self.options, self.analyse)
        return self._engine.corroborate(dossier)


def summary_json(d: Dossier) -> list[dict]:
    from ..records import to_jsonable

    return [{"claim_id": c.id, "text": c.span.text, "corroboration": to_jsonable(c.corroboration)} for c in d.claims if c.corroboration]


def dumps(d: Dossier) -> str:
    return json.dumps(summary_json(d), ensure_ascii=False, indent=2)
