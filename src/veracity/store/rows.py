"""What both store back-ends (SQLite in ``store/__init__``, PostgreSQL in ``postgres``) write and
match the same way: the claims table's rows and the id-prefix pattern."""

from __future__ import annotations

from ..model import Dossier


def claim_rows(d: Dossier) -> list[tuple]:
    """One row per claim for the queryable claims table, in both back-ends."""
    rows = []
    for c in d.claims:
        types = [att.source_type for i in c.attribution_ids if (att := d.attribution(i))]
        rows.append((c.id, d.article.id, c.sentence_index, c.span.start, c.span.end, c.span.text, c.checkworthiness,
                     c.modality.label if c.modality else None, types[0] if types else None))
    return rows


def like_prefix(ident: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) for ids starting with ``ident``, its own characters
    literal: an unescaped "_" matched any character, so `show a_042___________` found a dossier."""
    return ident.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
