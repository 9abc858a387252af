"""A short terminal summary: what the article claims and how it is sourced."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..records import Dossier
from .common import SOURCE_TYPE_LABELS, claim_rows

# A terminal summary is a glance, not the report: the top claims only.
TOP_CLAIMS = 5


def _cut(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_summary(dossiers: Sequence[Dossier]) -> str:
    out = []
    for d in dossiers:
        s = d.summary
        title = d.article.title or d.article.source_path or d.article.id
        out.append(f"{title}  ({d.article.id})")
        if s:
            out.append(f"  {s.claims} claims, {s.checkworthy} check-worthy; {round(100 * s.unnamed_share)}% without a named source; longest attribution chain {s.longest_chain}")
            if s.by_modality:
                out.append("  modality: " + ", ".join(f"{k} {v}" for k, v in s.by_modality.items()))
            if s.sources_by_type:
                out.append("  sources:  " + ", ".join(f"{SOURCE_TYPE_LABELS.get(k, k).lower()} {v}" for k, v in s.sources_by_type.items()))
        verdicts = Counter(c.verdict.label for c in d.claims if c.verdict)
        if verdicts:
            out.append("  verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
        checked = [c for c in d.claims if c.corroboration is not None]
        if checked:
            carried = sum(1 for c in checked if c.corroboration.reports)
            lines = max((c.corroboration.independent_lines for c in checked), default=0)
            out.append(f"  corroboration: {carried} of {len(checked)} checked claims carried by other indexed reports"
                       + (f"; at most {lines} independent line(s) of evidence" if carried else " — no independent corroboration found"))
        out.append("  top claims:")
        for r in claim_rows(d)[:TOP_CLAIMS]:
            src = "; ".join(f"{x['type']}: {_cut(x['text'], 40)}" + (f" [{x['chain']}]" if x["chain"] else "") for x in r["sources"]) or "no source"
            extras = ", ".join(r["quantities"] + r["places"])
            out.append(f"   {r['score']:.2f} [{r['modality'] or '-'}] {_cut(r['claim'].span.text)}")
            out.append(f"        source: {_cut(src, 100)}" + (f"; {_cut(extras, 60)}" if extras else ""))
            c = r["claim"]
            if c.verdict:
                # Retrieved is not related: say how many sentences took a side, as the HTML report does.
                sided = sum(1 for e in c.verdict.evidence if e.stance != "nei")
                out.append(f"        verdict: {c.verdict.label} ({c.verdict.confidence:.2f}); {len(c.verdict.evidence)} evidence "
                           f"sentence(s) retrieved, {sided or 'none'} taking a side")
                if c.verdict.reason:
                    out.append(f"        why: {_cut(c.verdict.reason, 160)}")
        for w in d.warnings:
            out.append(f"  warning: {w}")
    return "\n".join(out)
