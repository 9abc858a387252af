"""What both store back-ends (SQLite in ``store/__init__``, PostgreSQL in ``postgres``) write and
match the same way: the claims table's rows and the id-prefix pattern; and, for the two
workspaces (``workspace`` on SQLite, ``pg_workspace`` on PostgreSQL), the rows derived from a
dossier, the words of a search, and the shaping of rows into what the API answers, so both
stores give the same answers in the same shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Mapping

from ..records import Dossier


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


# ---------------------------------------------------------------------------- the workspace

# The columns the article list may be sorted by (API name -> SQL, the same in both dialects);
# anything else is refused by the API before it gets here, and nothing from a request is
# pasted into SQL.
SORTS = {
    "analysed": "d.analysed_at", "published": "a.published", "title": "lower(a.title)", "outlet": "lower(a.outlet)",
    "claims": "w.claims", "unnamed": "w.unnamed_share", "refuted": "w.refuted", "supported": "w.supported",
}
VERDICT_LABELS = ("SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO")
# Words of a search query that reach the full-text index; the rest of the query is ignored, so
# no search syntax from a person ever reaches FTS5's MATCH or PostgreSQL's to_tsquery.
_WORD = re.compile(r"\w+")
# A search with more words than this is a pasted paragraph: the first ones are enough.
MAX_QUERY_WORDS = 12
# Words a search snippet holds around the match.
SNIPPET_WORDS = 14
# Characters that mark a match inside a snippet; private-use, so never in stored text's way
# (they are stripped from the text before it is indexed).
HIT_ON, HIT_OFF = "\ue000", "\ue001"
ELLIPSIS = "…"


def query_words(q: str) -> list[str]:
    """The words of what a person typed that a search uses (letters, digits, "_" only)."""
    return _WORD.findall(q)[:MAX_QUERY_WORDS]


def iso(value: Any) -> str | None:
    """A time as the API gives it (ISO 8601 in UTC, to the second): SQLite stores that text,
    PostgreSQL a TIMESTAMPTZ."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat(timespec="seconds")
    return value


def clean(text: str) -> str:
    return text.replace(HIT_ON, "").replace(HIT_OFF, "")


def chain_text(att: dict) -> str:
    return " → ".join(f"{link['span']['text']} ({link['source_type']})" for link in att.get("chain") or ())


# Sources a reader cannot name on their own: the overview lists them by what they stand for
# (the chain's link for "who", the resolved person for "he"), so "who" is never a most-cited source.
STAND_INS = {"who", "which", "that", "he", "she", "they", "it", "we", "i"}


def source_name(att: dict) -> str:
    """What the sourcing overview calls an attribution's source."""
    words = " … ".join(s["text"] for s in att.get("source") or ()) or "(no source)"
    if words.lower() not in STAND_INS:
        return words
    if att.get("source_entity"):
        return att["source_entity"]
    chain = att.get("chain") or ()
    last = chain[-1]["span"]["text"] if chain else words
    return last if last.lower() not in STAND_INS else words


@dataclass
class Derived:
    """A dossier's workspace rows, in the column order of both schemas."""

    article: tuple  # (article_id, claims, checkworthy, unnamed_share, supported, refuted, disputed, not_enough_info)
    sources: list[tuple]  # (article_id, attribution_id, source, source_type, entity, chain, claims)
    search: list[tuple]  # (kind, article_id, claim_id, text): claim texts, and each claim's sources


def derive(article_id: str, body: dict) -> Derived:
    """What the workspace keeps of a stored dossier (its JSON body)."""
    claims = body.get("claims") or []
    atts = {a["id"]: a for a in body.get("attributions") or []}
    verdicts = {label: 0 for label in VERDICT_LABELS}
    search: list[tuple] = []
    cited: dict[str, int] = {}
    for c in claims:
        v = c.get("verdict")
        if v and v.get("label") in verdicts:
            verdicts[v["label"]] += 1
        search.append(("claim", article_id, c["id"], clean(c["span"]["text"])))
        for aid in c.get("attribution_ids") or ():
            cited[aid] = cited.get(aid, 0) + 1
            a = atts.get(aid)
            if a is not None:
                words = " ".join(s["text"] for s in a.get("source") or ())
                extra = f" {a['source_entity']}" if a.get("source_entity") and a["source_entity"] != words else ""
                if words or extra:
                    search.append(("source", article_id, c["id"], clean(words + extra + (" " + chain_text(a) if a.get("chain") else ""))))
    summary = body.get("summary") or {}
    article = (article_id, len(claims), sum(1 for c in claims if c.get("checkworthy")), float(summary.get("unnamed_share") or 0.0),
               *(verdicts[k] for k in VERDICT_LABELS))
    sources = [(article_id, a["id"], source_name(a), a.get("source_type") or "none", a.get("source_entity"),
                chain_text(a), cited.get(a["id"], 0)) for a in atts.values()]
    return Derived(article, sources, search)


def snippet_parts(marked: str, text: str | None = None) -> list[dict]:
    """A marked snippet as segments ``{"text", "match"}``, so a page escapes each and marks hits.

    With ``text`` (the whole of what was matched), what the snippet leaves out is marked as
    FTS5's snippet() marks it, by an ellipsis, or given back when it is only punctuation
    (PostgreSQL's ts_headline drops both silently: "…on Monday" for "…on Monday.")."""
    if text is not None:
        plain = clean(marked)
        at = text.find(plain) if plain else -1
        if at >= 0:
            before, after = text[:at], text[at + len(plain):]
            marked = (ELLIPSIS if _WORD.search(before) else before) + marked + (ELLIPSIS if _WORD.search(after) else after)
    out: list[dict] = []
    for part in re.split(f"({HIT_ON}.*?{HIT_OFF})", marked, flags=re.S):
        if not part:
            continue
        hit = part.startswith(HIT_ON)
        out.append({"text": part.strip(HIT_ON + HIT_OFF), "match": hit})
    return out


class WorkspaceRows:
    """Row shaping both workspaces share: a row in (sqlite3.Row or a psycopg dict), the API's dict out."""

    @staticmethod
    def _article(r: Mapping) -> dict:
        return {"id": r["id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"], "url": r["url"],
                "source": r["source_path"], "analysed_at": iso(r["analysed_at"]), "claims": r["claims"],
                "checkworthy": r["checkworthy"], "unnamed_share": round(float(r["unnamed_share"]), 4),
                "verdicts": {"SUPPORTED": r["supported"], "REFUTED": r["refuted"], "DISPUTED": r["disputed"],
                             "NOT_ENOUGH_INFO": r["not_enough_info"]},
                "reviewed_claims": r["reviewed"]}

    @staticmethod
    def _review(r: Mapping) -> dict:
        return {"id": r["id"], "claim_id": r["claim_id"], "article_id": r["article_id"], "status": r["status"],
                "rating": r["rating"], "note": r["note"], "reviewer": r["reviewer"], "created_at": iso(r["created_at"])}

    @staticmethod
    def _hit(r: Mapping, snippet: list[dict]) -> dict:
        return {"kind": r["kind"], "article_id": r["article_id"], "claim_id": r["claim_id"], "text": r["text"],
                "snippet": snippet, "article_title": r["title"], "outlet": r["outlet"], "published": r["published"]}

    @staticmethod
    def _overview(by_outlet: list, cited: list, chains: list) -> dict:
        """The sourcing overview from rows (outlet, articles, attributions, anonymous),
        (name, source_type, articles, claims) and (chain, count)."""
        return {"by_outlet": [{"outlet": r[0], "articles": r[1], "attributions": r[2], "anonymous": r[3],
                               "anonymous_share": round(r[3] / r[2], 4) if r[2] else 0.0} for r in by_outlet],
                "most_cited": [{"source": r[0], "source_type": r[1], "articles": r[2], "claims": r[3]} for r in cited],
                "chains": [{"chain": r[0], "count": r[1]} for r in chains]}
