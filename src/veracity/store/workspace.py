"""The fact-checker's workspace over the SQLite store: article statistics, full-text search
across claims and sources, a sourcing overview, and people's reviews of claims.

Everything here lives in its own tables (namespace ``workspace``, tables ``workspace_*``)
beside the dossier tables, and is derived from the stored dossiers except the reviews:

- ``workspace_articles``: one row per stored dossier with what the article list shows
  (claims, check-worthy claims, share of unnamed sources, verdict counts) and the version of
  the dossier it was computed from, so a re-analysed article is recomputed.
- ``workspace_sources``: one row per attribution (source text, type, entity, chain).
- ``workspace_fts``: an FTS5 table over claim texts and source texts.
- ``workspace_reviews``: every review a person recorded, never overwritten (history is kept;
  the newest row per claim is the claim's current review).

:meth:`Workspace.sync` brings the derived tables up to date with the dossiers and is
idempotent: it touches only dossiers that are new or changed since it last ran (and drops
rows of dossiers that are gone), so it is called after every save and lazily before reads,
which also picks up dossiers stored by ``veracity analyze --db``.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from datetime import datetime, timezone
from typing import Any, Iterable

from ..errors import StoreError
from .migrations import apply

NAMESPACE = "workspace"

MIGRATIONS: list[tuple[int, str]] = [
    (1, """CREATE TABLE IF NOT EXISTS workspace_articles (
  article_id TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  claims INTEGER NOT NULL, checkworthy INTEGER NOT NULL, unnamed_share REAL NOT NULL,
  supported INTEGER NOT NULL, refuted INTEGER NOT NULL, disputed INTEGER NOT NULL, not_enough_info INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS workspace_sources (
  article_id TEXT NOT NULL, attribution_id TEXT NOT NULL,
  source TEXT NOT NULL, source_type TEXT NOT NULL, entity TEXT, chain TEXT NOT NULL, claims INTEGER NOT NULL,
  PRIMARY KEY (article_id, attribution_id)
);
CREATE VIRTUAL TABLE IF NOT EXISTS workspace_fts USING fts5(
  text, kind UNINDEXED, article_id UNINDEXED, claim_id UNINDEXED, tokenize='porter unicode61'
);
CREATE TABLE IF NOT EXISTS workspace_reviews (
  id INTEGER PRIMARY KEY,
  claim_id TEXT NOT NULL, article_id TEXT NOT NULL,
  status TEXT NOT NULL, rating TEXT, note TEXT, reviewer TEXT, created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS workspace_reviews_claim ON workspace_reviews(claim_id, id)"""),
]

# The columns the article list may be sorted by (API name -> SQL); anything else is refused
# by the API before it gets here, and nothing from a request is pasted into SQL.
SORTS = {
    "analysed": "d.analysed_at", "published": "a.published", "title": "lower(a.title)", "outlet": "lower(a.outlet)",
    "claims": "w.claims", "unnamed": "w.unnamed_share", "refuted": "w.refuted", "supported": "w.supported",
}
# Words of a search query that reach FTS5; the rest of the query is ignored. Each becomes a
# quoted prefix term, so no FTS5 syntax from a user ever reaches MATCH.
_WORD = re.compile(r"\w+")
# A search with more words than this is a pasted paragraph: the first ones are enough.
MAX_QUERY_WORDS = 12
# Words of context either side of a match in a search snippet.
SNIPPET_WORDS = 14
# Characters that mark a match inside snippet(); private-use, so never in stored text's way
# (they are stripped from the text before it is indexed).
_HIT_ON, _HIT_OFF = "\ue000", "\ue001"
VERDICT_LABELS = ("SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _clean(text: str) -> str:
    return text.replace(_HIT_ON, "").replace(_HIT_OFF, "")


def _chain(att: dict) -> str:
    return " → ".join(f"{link['span']['text']} ({link['source_type']})" for link in att.get("chain") or ())


def fts_query(q: str) -> str | None:
    """A safe FTS5 query for what a person typed: every word must appear (as a prefix)."""
    words = _WORD.findall(q)[:MAX_QUERY_WORDS]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def _snippet(marked: str) -> list[dict]:
    """snippet() output as segments ``{"text", "match"}``, so a page escapes each and marks hits."""
    out: list[dict] = []
    for part in re.split(f"({_HIT_ON}.*?{_HIT_OFF})", marked):
        if not part:
            continue
        hit = part.startswith(_HIT_ON)
        out.append({"text": part.strip(_HIT_ON + _HIT_OFF), "match": hit})
    return out


class Workspace:
    """Queries and tables of the workspace over a SQLite :class:`~veracity.store.Store`'s connection.

    ``lock`` serialises writes with the store's own (pass ``store._lock``)."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.Lock | None = None) -> None:
        self.conn = conn
        self._lock = lock or threading.Lock()
        try:
            apply(conn, NAMESPACE, MIGRATIONS)
        except StoreError as exc:
            raise StoreError(f"the workspace tables need SQLite with FTS5 ({exc.message})") from None

    @classmethod
    def for_store(cls, store: Any) -> "Workspace | None":
        """The workspace of a SQLite store; None for a store it does not support (PostgreSQL)."""
        conn = getattr(store, "conn", None)
        if not isinstance(conn, sqlite3.Connection):
            return None
        return cls(conn, getattr(store, "_lock", None))

    # ------------------------------------------------------------------ derived tables
    def sync(self, article_ids: Iterable[str] | None = None) -> int:
        """Recompute the rows of new or changed dossiers (all, or those of ``article_ids``) and
        drop the rows of dossiers no longer stored. Returns how many dossiers were (re)indexed."""
        with self._lock:
            # A dossier's version: when it was analysed and its rowid, which every save replaces
            # (INSERT OR REPLACE inserts a new row), so this needs no look at the bodies.
            sql = ("SELECT d.article_id, d.analysed_at || ':' || d.rowid AS version, d.body FROM dossiers d"
                   " LEFT JOIN workspace_articles w ON w.article_id = d.article_id"
                   " WHERE w.article_id IS NULL OR w.version != d.analysed_at || ':' || d.rowid")
            ids = list(article_ids) if article_ids is not None else None
            if ids is not None:
                if not ids:
                    return 0
                sql += f" AND d.article_id IN ({','.join('?' * len(ids))})"
            stale = self.conn.execute(sql, ids or ()).fetchall()
            with self.conn:
                for row in stale:
                    self._index(row[0], row[1], json.loads(row[2]))
                if ids is None:
                    gone = "SELECT article_id FROM workspace_articles WHERE article_id NOT IN (SELECT article_id FROM dossiers)"
                    for (aid,) in self.conn.execute(gone).fetchall():
                        self._forget(aid)
        return len(stale)

    def _forget(self, article_id: str) -> None:
        self.conn.execute("DELETE FROM workspace_articles WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM workspace_sources WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM workspace_fts WHERE article_id = ?", (article_id,))

    def _index(self, article_id: str, version: str, body: dict) -> None:
        self._forget(article_id)
        claims = body.get("claims") or []
        atts = {a["id"]: a for a in body.get("attributions") or []}
        verdicts = {label: 0 for label in VERDICT_LABELS}
        fts: list[tuple] = []
        cited: dict[str, int] = {}
        for c in claims:
            v = c.get("verdict")
            if v and v.get("label") in verdicts:
                verdicts[v["label"]] += 1
            fts.append((_clean(c["span"]["text"]), "claim", article_id, c["id"]))
            for aid in c.get("attribution_ids") or ():
                cited[aid] = cited.get(aid, 0) + 1
                a = atts.get(aid)
                if a is not None:
                    words = " ".join(s["text"] for s in a.get("source") or ())
                    extra = f" {a['source_entity']}" if a.get("source_entity") and a["source_entity"] != words else ""
                    if words or extra:
                        fts.append((_clean(words + extra + (" " + _chain(a) if a.get("chain") else "")), "source", article_id, c["id"]))
        summary = body.get("summary") or {}
        self.conn.execute(
            "INSERT OR REPLACE INTO workspace_articles VALUES (?,?,?,?,?,?,?,?,?)",
            (article_id, version, len(claims), sum(1 for c in claims if c.get("checkworthy")),
             float(summary.get("unnamed_share") or 0.0), *(verdicts[k] for k in VERDICT_LABELS)))
        self.conn.executemany(
            "INSERT OR REPLACE INTO workspace_sources VALUES (?,?,?,?,?,?,?)",
            [(article_id, a["id"], " … ".join(s["text"] for s in a.get("source") or ()) or "(no source)", a.get("source_type") or "none",
              a.get("source_entity"), _chain(a), cited.get(a["id"], 0)) for a in atts.values()])
        self.conn.executemany("INSERT INTO workspace_fts (text, kind, article_id, claim_id) VALUES (?,?,?,?)", fts)

    # ------------------------------------------------------------------ articles
    def articles(self, *, sort: str = "analysed", descending: bool = True, outlet: str | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
        """A page of the article list and the number of articles matching the filter."""
        self.sync()
        order = SORTS[sort]
        where, args = ("WHERE a.outlet = ?", [outlet]) if outlet else ("", [])
        total = self.conn.execute(f"SELECT COUNT(*) FROM articles a JOIN workspace_articles w ON w.article_id = a.id {where}",
                                  args).fetchone()[0]
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source_path, d.analysed_at, w.claims, w.checkworthy,"
            " w.unnamed_share, w.supported, w.refuted, w.disputed, w.not_enough_info,"
            " (SELECT COUNT(DISTINCT r.claim_id) FROM workspace_reviews r WHERE r.article_id = a.id) AS reviewed"
            " FROM articles a JOIN dossiers d ON d.article_id = a.id JOIN workspace_articles w ON w.article_id = a.id"
            f" {where} ORDER BY {order} IS NULL, {order} {'DESC' if descending else 'ASC'}, a.id LIMIT ? OFFSET ?",
            [*args, limit, offset]).fetchall()
        return [self._article(r) for r in rows], int(total)

    def article(self, article_id: str) -> dict | None:
        self.sync([article_id])
        r = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source_path, d.analysed_at, w.claims, w.checkworthy,"
            " w.unnamed_share, w.supported, w.refuted, w.disputed, w.not_enough_info,"
            " (SELECT COUNT(DISTINCT r.claim_id) FROM workspace_reviews r WHERE r.article_id = a.id) AS reviewed"
            " FROM articles a JOIN dossiers d ON d.article_id = a.id JOIN workspace_articles w ON w.article_id = a.id"
            " WHERE a.id = ?", (article_id,)).fetchone()
        return self._article(r) if r else None

    @staticmethod
    def _article(r: sqlite3.Row) -> dict:
        return {"id": r["id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"], "url": r["url"],
                "source": r["source_path"], "analysed_at": r["analysed_at"], "claims": r["claims"], "checkworthy": r["checkworthy"],
                "unnamed_share": round(float(r["unnamed_share"]), 4),
                "verdicts": {"SUPPORTED": r["supported"], "REFUTED": r["refuted"], "DISPUTED": r["disputed"],
                             "NOT_ENOUGH_INFO": r["not_enough_info"]},
                "reviewed_claims": r["reviewed"]}

    def outlets(self) -> list[str]:
        self.sync()
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT a.outlet FROM articles a JOIN workspace_articles w ON w.article_id = a.id"
            " WHERE a.outlet IS NOT NULL AND a.outlet != '' ORDER BY lower(a.outlet)")]

    # ------------------------------------------------------------------ search
    def search(self, q: str, limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
        """Claims and sources matching every word of ``q`` (prefixes, stemmed), best first."""
        self.sync()
        query = fts_query(q)
        if query is None:
            return [], 0
        try:
            total = self.conn.execute("SELECT COUNT(*) FROM workspace_fts WHERE workspace_fts MATCH ?", (query,)).fetchone()[0]
            rows = self.conn.execute(
                "SELECT f.kind, f.article_id, f.claim_id, f.text,"
                f" snippet(workspace_fts, 0, '{_HIT_ON}', '{_HIT_OFF}', '…', {SNIPPET_WORDS}) AS snip,"
                " a.title, a.outlet, a.published FROM workspace_fts f JOIN articles a ON a.id = f.article_id"
                " WHERE workspace_fts MATCH ? ORDER BY bm25(workspace_fts), f.article_id LIMIT ? OFFSET ?",
                (query, limit, offset)).fetchall()
        except sqlite3.OperationalError:
            return [], 0  # a query FTS5 still cannot parse finds nothing rather than failing
        return [{"kind": r["kind"], "article_id": r["article_id"], "claim_id": r["claim_id"], "text": r["text"],
                 "snippet": _snippet(r["snip"]), "article_title": r["title"], "outlet": r["outlet"],
                 "published": r["published"]} for r in rows], int(total)

    # ------------------------------------------------------------------ sourcing overview
    def sources_overview(self, limit: int = 20) -> dict:
        """Share of anonymous sources by outlet, the most-cited sources, and the commonest chains
        (of two or more links: "a diplomat quoted by The Wall Street Journal")."""
        self.sync()
        by_outlet = [{"outlet": r[0], "articles": r[1], "attributions": r[2], "anonymous": r[3],
                      "anonymous_share": round(r[3] / r[2], 4) if r[2] else 0.0}
                     for r in self.conn.execute(
                         "SELECT a.outlet, COUNT(DISTINCT s.article_id), COUNT(*), SUM(s.source_type = 'anonymous')"
                         " FROM workspace_sources s JOIN articles a ON a.id = s.article_id"
                         " GROUP BY a.outlet ORDER BY COUNT(*) DESC, a.outlet")]
        cited = [{"source": r[0], "source_type": r[1], "articles": r[2], "claims": r[3]}
                 for r in self.conn.execute(
                     "SELECT COALESCE(entity, source) AS name, source_type, COUNT(DISTINCT article_id), SUM(claims)"
                     " FROM workspace_sources WHERE source_type NOT IN ('none', 'pronoun')"
                     " GROUP BY lower(name), source_type ORDER BY 3 DESC, 4 DESC, lower(name) LIMIT ?", (limit,))]
        chains = [{"chain": r[0], "count": r[1]} for r in self.conn.execute(
            "SELECT chain, COUNT(*) FROM workspace_sources WHERE chain LIKE '%→%' GROUP BY chain ORDER BY 2 DESC, chain LIMIT ?",
            (limit,))]
        return {"by_outlet": by_outlet, "most_cited": cited, "chains": chains}

    # ------------------------------------------------------------------ reviews
    def claim_article(self, claim_id: str) -> str | None:
        """The article a stored claim belongs to (None: no such claim)."""
        r = self.conn.execute("SELECT article_id FROM claims WHERE id = ?", (claim_id,)).fetchone()
        return r[0] if r else None

    def add_review(self, claim_id: str, *, status: str, rating: str | None, note: str | None, reviewer: str | None) -> dict | None:
        """Record a review (history is kept); None when the claim is not stored."""
        with self._lock:
            article_id = self.claim_article(claim_id)
            if article_id is None:
                return None
            with self.conn:
                cur = self.conn.execute(
                    "INSERT INTO workspace_reviews (claim_id, article_id, status, rating, note, reviewer, created_at)"
                    " VALUES (?,?,?,?,?,?,?)", (claim_id, article_id, status, rating, note, reviewer, _now()))
        return self._review(self.conn.execute("SELECT * FROM workspace_reviews WHERE id = ?", (cur.lastrowid,)).fetchone())

    def reviews(self, claim_id: str) -> list[dict]:
        """Every review of a claim, newest first."""
        return [self._review(r) for r in self.conn.execute(
            "SELECT * FROM workspace_reviews WHERE claim_id = ? ORDER BY id DESC", (claim_id,))]

    def current_reviews(self, article_id: str) -> dict[str, dict]:
        """The newest review of each reviewed claim of an article, by claim id."""
        rows = self.conn.execute(
            "SELECT * FROM workspace_reviews WHERE id IN (SELECT MAX(id) FROM workspace_reviews WHERE article_id = ? GROUP BY claim_id)",
            (article_id,)).fetchall()
        return {r["claim_id"]: self._review(r) for r in rows}

    @staticmethod
    def _review(r: sqlite3.Row) -> dict:
        return {"id": r["id"], "claim_id": r["claim_id"], "article_id": r["article_id"], "status": r["status"],
                "rating": r["rating"], "note": r["note"], "reviewer": r["reviewer"], "created_at": r["created_at"]}
