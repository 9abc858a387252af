"""The three extractors the stages run, composed from the components.

    rules   ``rule_relations``: reporting verbs and line patterns (``rules``), noun cues before a
            colon or dash (``colon``), quotations that run on, citing clauses kept apart (``citing``)
    crf     ``CrfExtractor``: the cue and role CRFs (``crf``), plus the rules where meta.json says so
    tagger  ``TaggerExtractor``: the MiniLM tagger (``tagger``), its decoder (``tagger_decode``) and
            cue-conditioned second pass (``cuepass``), the rules, citing clauses kept apart

Every component imports only ``core`` (and the shared helpers ``features``, ``sources``);
what runs after what, and which relations win, is decided here. ``stage`` turns the relations
into the dossier's records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .citing import split_citing
from .colon import colon_relations
from .core import RawRelation, chars, combine, doc_text, quote_state, sentence_bounds
from .crf import CrfModel
from . import cuepass as cuepass_module  # MAX_RUNS read at call time (tests lower it)
from .cuepass import CuePass, refine_all
from .features import DocInfo, doc_info
from .rules import pattern_relations, run_on, verb_relations
from .tagger import TILING_SHIFTS, Tagger, TokenProbs
from .tagger_decode import (CONTENT, CUE, Decode, bare_auxiliary, content_prob, direct_relations, fill_relations, role_runs,
                            without_dangling_opener)


# --------------------------------------------------------------------------- rules

def rule_relations(doc: Any, quote: list[int] | None = None) -> list[RawRelation]:
    """The rule extractor (``attribution.rules.v1``, and the learned extractors' backstop)."""
    quote = quote if quote is not None else quote_state(doc)
    out: list[RawRelation] = pattern_relations(doc)
    for s0, s1 in sentence_bounds(doc):
        sent = doc[s0:s1]
        out.extend(colon_relations(doc, sent))
        out.extend(verb_relations(doc, sent, quote))
    return split_citing(doc, [run_on(doc, quote, r) for r in out])


def with_rules(doc: Any, rels: list[RawRelation], quote: list[int], quote_override: bool) -> list[RawRelation]:
    """``rels`` plus the rules' relations on content they leave untouched (``core.combine``)."""
    return combine(rels, rule_relations(doc, quote), doc_text(doc), quote_override)


# --------------------------------------------------------------------------- CRFs

class CrfExtractor(CrfModel):
    """The CRFs (``attribution.learned.v1``), with the rules combined when meta.json's
    ``combine_rules`` says so."""

    def extract(self, doc: Any, info: DocInfo | None = None,
                cues: list[tuple[list[int], float]] | None = None) -> list[RawRelation]:
        """Relations of ``doc``; ``cues`` (token runs, probability) replace the cue CRF's when given."""
        info = info or doc_info(doc)
        rels = self.relations(doc, info, cues)
        if self.use_rules:
            rels = split_citing(doc, with_rules(doc, rels, info.quote, self.quote_override))
        return rels


# --------------------------------------------------------------------------- tagger

# Rewrites the decoder's relations before the rules are combined (the cue pass).
Refine = Callable[[list[RawRelation]], list[RawRelation]]


def relations(doc: Any, info: DocInfo, probs: TokenProbs, crf: CrfModel, d: Decode,
              refine: Refine | None = None) -> list[RawRelation]:
    """The tagger's relations by decoder ``d`` (its modes: ``tagger_decode``), refined by the cue
    pass when given, with the rules, gap filling and citing clauses as ``d`` says."""
    if d.mode == "direct":
        rels = direct_relations(doc, info, probs, d)
        if refine is not None:
            rels = refine(rels)  # every direct relation has a cue
    else:
        cues = [(r, 1.0) for r in role_runs(doc, probs, CUE, d.cue, d.smooth_cue)]
        if d.mode == "augment":
            # the cue CRF's cues, plus the tagger's where the CRF found none
            own = crf.cues(info)
            taken = {i for r, _p in own for i in r}
            cues = own + [(r, p) for r, p in cues if not (set(r) & taken)]
        rels = crf.relations(doc, info, cues=cues)  # the CRFs alone: the rules are combined once, below
        if d.mode == "hybrid":
            taken = chars(x for r in rels for x in r.content)
            rels += [r for r in direct_relations(doc, info, probs, d) if not (chars(r.content) & taken)]
    if d.min_content_prob > 0.0:
        inside = probs.inside()[:, CONTENT]  # once, not once per relation
        rels = [r for r in rels if content_prob(doc, probs, r, inside) >= d.min_content_prob]
    if d.combine_rules:
        rels = with_rules(doc, rels, info.quote, d.quote_override)
    if d.fill_min_tokens > 0:
        rels = rels + fill_relations(doc, info, probs, rels, d)
    text = doc_text(doc)
    return [without_dangling_opener(text, r) for r in split_citing(doc, rels) if not bare_auxiliary(doc, r)]


@dataclass
class TaggerExtractor:
    """Tagger probabilities -> relations, by the dev-chosen decoder (``tagger_decode``)."""

    tagger: Tagger
    crf: CrfModel
    decode: Decode = field(default_factory=Decode)
    # The cue-conditioned second pass (``cuepass.py``); None = the tagger's decoder alone.
    cuepass: Any = None

    @classmethod
    def load(cls, cue_pass: bool = True) -> "TaggerExtractor":
        # The fast mode (no pass) reads one tiling: speed is what it is for. On dev that costs it
        # content overlap 0.768 -> 0.761 and full relation 0.646 -> 0.632, for ~30% less CPU.
        tagger = Tagger(shifts=TILING_SHIFTS if cue_pass else TILING_SHIFTS[:1])
        crf = CrfExtractor()
        second = CuePass() if cue_pass and CuePass.available() else None
        return cls(tagger, crf, Decode.of(tagger.meta.get("decode")), second)

    def extract(self, doc: Any, info: DocInfo | None = None, probs: TokenProbs | None = None) -> list[RawRelation]:
        info = info or doc_info(doc)
        probs = probs if probs is not None else self.tagger.token_probs(doc)
        return relations(doc, info, probs, self.crf, self.decode, self.refiner(doc, probs))

    def refiner(self, doc: Any, probs: TokenProbs) -> Refine | None:
        if self.cuepass is None:
            return None
        cp, d = self.cuepass, self.decode
        return lambda rels: refine_all(doc, probs, rels, lambda cues: cp.iter_token_probs(doc, cues), cp.decode,
                                       d.trim_punct, d.trim_sources, max_runs=cuepass_module.MAX_RUNS)
