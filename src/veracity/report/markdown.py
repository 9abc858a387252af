"""Markdown report: the claims table and sources, for pasting into a ticket or a wiki.

Article text is escaped for Markdown and HTML so a pasted report cannot inject links,
images or markup.
"""

from __future__ import annotations

import html
import re
from typing import Sequence

from ..records import Dossier
from .common import claim_rows, source_groups

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~-])")


def esc(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def render_markdown(dossiers: Sequence[Dossier]) -> str:
    out = []
    for d in dossiers:
        a, s = d.article, d.summary
        out.append(f"# {esc(a.title or a.source_path or a.id)}\n")
        meta = [x for x in (a.outlet, a.byline, a.published) if x]
        if meta:
            out.append("*" + " · ".join(esc(x) for x in meta) + "*\n")
        if s:
            out.append(f"{s.claims} claims, {s.checkworthy} check-worthy; {round(100 * s.unnamed_share)}% without a named source; longest chain {s.longest_chain}.\n")
        out.append("| # | Claim | Score | Modality | Numbers | Places | Source |")
        out.append("|---|---|---|---|---|---|---|")
        for r in claim_rows(d):
            src = "; ".join(f"{x['type']}: {esc(x['text'])}" for x in r["sources"]) or "none"
            out.append(f"| {r['i'] + 1} | {esc(r['claim'].span.text)} | {r['score']:.2f} | {r['modality']} | "
                       f"{esc(', '.join(r['quantities']))} | {esc(', '.join(r['places']))} | {src} |")
        out.append("\n## Sources\n")
        for g in source_groups(d):
            out.append(f"**{g['label']}**\n")
            for it in g["items"]:
                chain = f" (chain: {esc(it['chain'])})" if it["chain"] else ""
                out.append(f"- {esc(it['source'])}{chain}")
            out.append("")
    return "\n".join(out)
