"""The HTML report: one self-contained file a person reads.

Everything from the article is hostile input. It reaches the page only through Jinja2 with
autoescaping on, or inside a JSON island whose ``<``, ``>`` and ``&`` are escaped as \\u003c
etc., and the page's script only ever writes it with ``textContent``. No external resources
are loaded, and a Content-Security-Policy forbids any: the report works offline and cannot
be made to phone home.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Sequence

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from ..corroborate.timeline import for_summary
from ..records import Dossier, to_jsonable
from .common import SOURCE_TYPE_LABELS, claim_rows, source_groups

# Inline marks inside the article text; a segment can carry several at once.
MARK_CLASSES = ("src", "cue", "qty", "place", "date")


@dataclass(frozen=True)
class Segment:
    text: str
    claim: int | None
    marks: tuple[str, ...]
    checkworthy: bool = False


def _segments(d: Dossier) -> list[list[Segment]]:
    """The article cut at every mark boundary, grouped by paragraph."""
    text = d.article.text
    marks: list[tuple[int, int, str]] = []
    for c in d.claims:
        marks += [(q.span.start, q.span.end, "qty") for q in c.quantities]
        marks += [(p.span.start, p.span.end, "place") for p in c.places]
        marks += [(x.span.start, x.span.end, "date") for x in c.dates]
    for a in d.attributions:
        marks += [(s.start, s.end, "src") for s in a.source]
        marks += [(s.start, s.end, "cue") for s in a.cue]
    claim_at: list[tuple[int, int, int, bool]] = [(c.span.start, c.span.end, i, c.checkworthy) for i, c in enumerate(d.claims)]
    paras = [(p.span.start, p.span.end) for p in d.paragraphs] or [(0, len(text))]
    out = []
    for pa, pb in paras:
        cuts = {pa, pb}
        for a, b, _ in marks:
            if pa <= a < pb:
                cuts.update({a, min(b, pb)})
        for a, b, _, _ in claim_at:
            if pa <= a < pb:
                cuts.update({a, min(b, pb)})
        points = sorted(cuts)
        segs = []
        for a, b in zip(points, points[1:]):
            if a == b:
                continue
            active = tuple(sorted({m for s, e, m in marks if s <= a and b <= e}))
            claim = next(((i, cw) for s, e, i, cw in claim_at if s <= a and b <= e), None)
            segs.append(Segment(text[a:b], claim[0] if claim else None, active, claim[1] if claim else False))
        out.append(segs)
    return out


def _chart(counts: dict[str, int]) -> list[dict]:
    total = sum(counts.values()) or 1
    return [
        {"label": SOURCE_TYPE_LABELS.get(k, k), "key": k, "count": v, "pct": round(100 * v / total, 1)}
        for k, v in sorted(counts.items(), key=lambda kv: -kv[1])
    ]


def _json_island(obj) -> str:
    """JSON that is safe inside <script type=application/json>: no '<', '>' or '&' survive."""
    raw = json.dumps(obj, ensure_ascii=False)
    return raw.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


_env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True, lstrip_blocks=True)


def _template():
    src = resources.files("veracity.report").joinpath("templates/report.html.j2").read_text(encoding="utf-8")
    return _env.from_string(src)


def _with_timelines(rows: list[dict]) -> list[dict]:
    """A small timeline of the reports that carry each corroborated claim (SVG, text escaped)."""
    for r in rows:
        c = r["corroboration"]
        r["timeline"] = Markup(for_summary(c)) if c is not None and c.reports else None
    return rows


def render_html(dossiers: Sequence[Dossier]) -> str:
    views = []
    for n, d in enumerate(dossiers):
        s = d.summary
        by_type = s.sources_by_type if s else dict(Counter(a.source_type for a in d.attributions))
        views.append({
            "n": n,
            "d": d,
            "paragraphs": _segments(d),
            "rows": _with_timelines(claim_rows(d)),
            "verified": any(c.verdict is not None for c in d.claims),
            "corroborated": any(c.corroboration is not None for c in d.claims),
            "groups": source_groups(d),
            "chart": _chart(by_type),
            "modality_chart": _chart(s.by_modality) if s else [],
            "data": _json_island({"claims": to_jsonable(list(d.claims)), "attributions": to_jsonable(list(d.attributions))}),
        })
    return _template().render(views=views, labels=SOURCE_TYPE_LABELS, mark_classes=MARK_CLASSES)
