"""The attribution stages, and turning extracted relations into the dossier's Attribution records.

Every stage (rules, learned, tagger) ends here: spans become :class:`Span` objects into the
article text, each relation gets its source type, resolved entity and chain (``sources``), and
every claim whose sentence overlaps a relation's content lists that relation's id. The
extractors themselves are composed in ``extractors``.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from typing import Any, Iterable, Sequence

from ..records import Attribution, ChainLink, Dossier, Span, content_id
from ..options import Options
from .core import RawRelation
from .cuepass import SKIPPED_KEY
from .extractors import CrfExtractor, TaggerExtractor, rule_relations
from .features import doc_info
from .sources import describe


def build(text: str, doc: Any, raws: Sequence[RawRelation], method: str) -> tuple[Attribution, ...]:
    out = []
    for r in raws:
        info = describe(doc, r.source_tokens, r.cue_tokens)
        sp = lambda pairs: tuple(Span.of(text, s, e) for s, e in pairs)  # noqa: E731
        chain = tuple(ChainLink(Span.of(text, l.start, l.end), l.source_type, l.entity) for l in info.chain)
        # Offsets plus the words themselves: stable for one article, distinct across articles.
        ident = content_id(r.source, r.cue, r.content, [text[a:b] for a, b in r.content + r.source], prefix="at_")
        out.append(Attribution(
            id=ident, source=sp(r.source), cue=sp(r.cue), content=sp(r.content),
            source_type=info.source_type, source_entity=info.entity, chain=chain, method=method,
        ))
    out.sort(key=lambda a: (a.content[0].start, a.cue[0].start if a.cue else 0))
    return tuple(out)


def overlapping(targets: Sequence[Span], atts: Sequence[Attribution]) -> list[tuple[str, ...]]:
    """Per target span, the ids of the attributions whose content overlaps it, in ``atts`` order.

    Content spans sorted by start, none longer than ``longest``: those that can overlap a target
    start in (target start - longest, target end), a range found by bisection (comparing every
    claim with every attribution took minutes on 300 KB of short sentences)."""
    spans = sorted((s.start, s.end, k) for k, a in enumerate(atts) for s in a.content)
    starts = [s for s, _e, _k in spans]
    longest = max((e - s for s, e, _k in spans), default=0)
    out = []
    for t in targets:
        lo = bisect.bisect_right(starts, t.start - longest)
        hi = bisect.bisect_left(starts, t.end)
        out.append(tuple(atts[k].id for k in sorted({k for s, e, k in spans[lo:hi] if t.start < e})))
    return out


def attach(dossier: Dossier, raws: Sequence[RawRelation], method: str) -> Dossier:
    atts = build(dossier.article.text, dossier.doc, raws, method)
    ids = overlapping([c.span for c in dossier.claims], atts)
    claims = tuple(dataclasses.replace(c, attribution_ids=i) for c, i in zip(dossier.claims, ids))
    return dossier.with_(attributions=atts, claims=claims)


@functools.lru_cache(maxsize=1)
def _extractor() -> CrfExtractor:
    return CrfExtractor()


def learned_relations(doc: Any) -> list[RawRelation]:
    return _extractor().extract(doc, doc_info(doc))


class RuleAttributor:
    """The dossier stage with the rule extractor (``attribution.rules.v1``)."""

    method = "rules"

    def __init__(self, options: Options):
        self.options = options

    def __call__(self, dossier: Dossier) -> Dossier:
        if dossier.doc is None:
            return dossier.with_(attributions=())
        return attach(dossier, rule_relations(dossier.doc), self.method)


class LearnedAttributor:
    """The dossier stage with the trained CRFs (``attribution.learned.v1``)."""

    method = "crf"

    def __init__(self, options: Options):
        self.options = options
        self.extractor = _extractor()

    def __call__(self, dossier: Dossier) -> Dossier:
        if dossier.doc is None:
            return dossier.with_(attributions=())
        return attach(dossier, self.extractor.extract(dossier.doc), self.method)

    def pipe(self, dossiers: Iterable[Dossier]):
        for d in dossiers:
            yield self(d)


@functools.lru_cache(maxsize=2)
def _tagger_extractor(cue_pass: bool = True) -> TaggerExtractor:
    return TaggerExtractor.load(cue_pass)


def tagger_relations(doc: Any) -> list[RawRelation]:
    return _tagger_extractor().extract(doc, doc_info(doc))


def tagger_fast_relations(doc: Any) -> list[RawRelation]:
    """The tagger's decoder without the cue-conditioned second pass (about half the CPU)."""
    return _tagger_extractor(False).extract(doc, doc_info(doc))


class TaggerAttributor(LearnedAttributor):
    """The dossier stage with the fine-tuned MiniLM tagger (``attribution.tagger.v1``)."""

    method = "tagger"

    def __init__(self, options: Options):
        self.options = options
        self.extractor = _tagger_extractor()

    def __call__(self, dossier: Dossier) -> Dossier:
        out = super().__call__(dossier)
        skipped, limit = dossier.doc.user_data.get(SKIPPED_KEY, (0, 0)) if dossier.doc is not None else (0, 0)
        if skipped:
            out = out.with_(warnings=out.warnings + (
                f"attribution: the cue pass ran on the first {limit:,} cues only (attribution.cuepass.MAX_RUNS); "
                f"{skipped:,} more kept the tagger's reading or got no relation",))
        return out


def attributions_json(atts: Sequence[Attribution]) -> list[dict[str, Any]]:
    """The `veracity attribute --format jsonl` shape (and the scorer's): offsets as [s, e] pairs."""
    return [{
        "source": [[s.start, s.end] for s in a.source],
        "cue": [[s.start, s.end] for s in a.cue],
        "content": [[s.start, s.end] for s in a.content],
        "source_type": a.source_type,
        "source_entity": a.source_entity,
        "chain": [{"span": [l.span.start, l.span.end], "text": l.span.text, "source_type": l.source_type, "entity": l.entity} for l in a.chain],
    } for a in atts]
