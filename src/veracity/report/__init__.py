"""Reports: JSON (versioned schema), JSON Lines, HTML, Markdown, a terminal summary, ClaimReview."""

from __future__ import annotations

import json
from typing import Sequence

from ..model import Dossier, dossier_to_dict


def render(dossiers: Sequence[Dossier], fmt: str, results=None) -> str:
    if fmt == "json":
        data = [dossier_to_dict(d) for d in dossiers]
        return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(dossier_to_dict(d), ensure_ascii=False) for d in dossiers)
    if fmt == "html":
        from .html import render_html

        return render_html(dossiers)
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(dossiers)
    if fmt == "summary":
        from .summary import render_summary

        return render_summary(dossiers)
    if fmt == "claimreview":
        from .claimreview import claimreviews

        return json.dumps(claimreviews(dossiers), ensure_ascii=False, indent=2)
    raise ValueError(f"unknown format {fmt!r}")
