"""A small inline SVG timeline for a story or a claim's reports (for the HTML report).

Every text is escaped (titles and outlets come from hostile input); the SVG has no scripts,
links or external references. Undated reports are listed after the dated ones, greyed.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Sequence

WIDTH = 560
ROW = 18
PAD = 8


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    parts = iso[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


def svg(items: Sequence[tuple[str | None, str]], title: str = "timeline") -> str:
    """``items``: (ISO date or None, label). One row per item, a dot placed by date."""
    dated = sorted(((d, lab) for d, lab in ((_day(a), b) for a, b in items) if d), key=lambda x: x[0])
    undated = [lab for a, lab in items if _day(a) is None]
    rows = len(dated) + len(undated)
    height = PAD * 2 + ROW * max(rows, 1)
    axis_x0, axis_x1 = 90, 200
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="11">']
    if dated:
        t0, t1 = dated[0][0].toordinal(), dated[-1][0].toordinal()
        span = max(t1 - t0, 1)
        out.append(f'<line x1="{axis_x0}" y1="{PAD}" x2="{axis_x0}" y2="{height - PAD}" stroke="#bbb"/>')
        for i, (d, lab) in enumerate(dated):
            y = PAD + ROW * i + ROW / 2
            x = axis_x0 + (axis_x1 - axis_x0) * (d.toordinal() - t0) / span
            colour = "#c0392b" if i == 0 else "#2c3e50"
            out.append(f'<text x="2" y="{y + 4:.0f}" fill="#555">{escape(d.isoformat())}</text>')
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>')
            out.append(f'<text x="{axis_x1 + 10}" y="{y + 4:.0f}">{escape(lab[:60])}</text>')
    for k, lab in enumerate(undated):
        y = PAD + ROW * (len(dated) + k) + ROW / 2
        out.append(f'<text x="2" y="{y + 4:.0f}" fill="#999">undated</text>')
        out.append(f'<text x="{axis_x1 + 10}" y="{y + 4:.0f}" fill="#999">{escape(lab[:60])}</text>')
    out.append("</svg>")
    return "".join(out)


def for_summary(summary) -> str:
    """Timeline of a claim's corroborating reports (a CorroborationSummary)."""
    return svg([(r.published, f"{r.outlet}: {r.title or r.document_id}" if r.outlet else (r.title or r.document_id))
                for r in summary.reports], "reports of this claim")
