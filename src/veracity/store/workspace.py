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

import contextlib
import json
import sqlite3
import threading
from datetime import datetime, timezone
from typing import Any, Iterable

from ..errors import StoreError
from .migrations import apply
from .rows import HIT_OFF, HIT_ON, SNIPPET_WORDS, SORTS, VERDICT_LABELS, WorkspaceRows, derive, query_words, snippet_parts

__all__ = ["MIGRATIONS", "NAMESPACE", "SORTS", "VERDICT_LABELS", "Workspace", "fts_query"]

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
    # A dossier saved again within the second it was last saved, while it was the newest row,
    # got back its rowid and its analysed_at: the same version, so its changes were never
    # indexed. Every save now marks the article's rows stale itself, whichever program saves.
    # (One line: migrations split statements at ";" and a newline.)
    (2, "CREATE TRIGGER IF NOT EXISTS workspace_dossier_saved AFTER INSERT ON dossiers"
        " BEGIN UPDATE workspace_articles SET version = '' WHERE article_id = NEW.article_id; END"),
]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def fts_query(q: str) -> str | None:
    """A safe FTS5 query for what a person typed: every word must appear (as a prefix)."""
    words = query_words(q)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


class Workspace(WorkspaceRows):
    """Queries and tables of the workspace over a SQLite :class:`~veracity.store.Store`'s connection.

    ``lock`` serialises writes with the store's own (pass ``store._lock``)."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.Lock | None = None) -> None:
        self.conn = conn
        self._lock = lock or threading.Lock()
        try:
            self.schema_version = apply(conn, NAMESPACE, MIGRATIONS)
        except StoreError as exc:
            raise StoreError(f"the workspace tables need SQLite with FTS5 ({exc.message})") from None

    @classmethod
    def for_store(cls, store: Any) -> "Workspace | None":
        """The workspace of a SQLite store; None for any other (:func:`veracity.store.open_workspace`
        gives either store's)."""
        conn = getattr(store, "conn", None)
        if not isinstance(conn, sqlite3.Connection):
            return None
        return cls(conn, getattr(store, "_lock", None))

    # ------------------------------------------------------------------ derived tables
    def sync(self, article_ids: Iterable[str] | None = None) -> int:
        """Recompute the rows of new or changed dossiers (all, or those of ``article_ids``) and
        drop the rows of dossiers no longer stored. Returns how many dossiers were (re)indexed."""
        with self._lock:
            return self._sync(article_ids)

    @contextlib.contextmanager
    def _reading(self, article_ids: Iterable[str] | None = None):
        """Sync, then read under the store's lock: on the shared connection another thread's
        save is otherwise seen mid-way (its rows deleted, not yet inserted: a search found 0)."""
        with self._lock:
            self._sync(article_ids)
            yield

    def _sync(self, article_ids: Iterable[str] | None = None) -> int:
        # A dossier's version: when it was analysed and its rowid, which a save usually
        # replaces (INSERT OR REPLACE inserts a new row), so this needs no look at the bodies;
        # the trigger of migration 2 marks the rows stale when a save gets both back.
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
        rows = derive(article_id, body)
        self.conn.execute(
            "INSERT OR REPLACE INTO workspace_articles (article_id, claims, checkworthy, unnamed_share, supported, refuted,"
            " disputed, not_enough_info, version) VALUES (?,?,?,?,?,?,?,?,?)", (*rows.article, version))
        self.conn.executemany("INSERT OR REPLACE INTO workspace_sources VALUES (?,?,?,?,?,?,?)", rows.sources)
        self.conn.executemany("INSERT INTO workspace_fts (kind, article_id, claim_id, text) VALUES (?,?,?,?)", rows.search)

    # ------------------------------------------------------------------ articles
    def articles(self, *, sort: str = "analysed", descending: bool = True, outlet: str | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
        """A page of the article list and the number of articles matching the filter."""
        order = SORTS[sort]
        where, args = ("WHERE a.outlet = ?", [outlet]) if outlet else ("", [])
        with self._reading():
            return self._articles_page(where, args, order, descending, limit, offset)

    def _articles_page(self, where: str, args: list, order: str, descending: bool, limit: int, offset: int) -> tuple[list[dict], int]:
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
        with self._reading([article_id]):
            return self._article_row(article_id)

    def _article_row(self, article_id: str) -> dict | None:
        r = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source_path, d.analysed_at, w.claims, w.checkworthy,"
            " w.unnamed_share, w.supported, w.refuted, w.disputed, w.not_enough_info,"
            " (SELECT COUNT(DISTINCT r.claim_id) FROM workspace_reviews r WHERE r.article_id = a.id) AS reviewed"
            " FROM articles a JOIN dossiers d ON d.article_id = a.id JOIN workspace_articles w ON w.article_id = a.id"
            " WHERE a.id = ?", (article_id,)).fetchone()
        return self._article(r) if r else None

    def outlets(self) -> list[str]:
        with self._reading():
            return [r[0] for r in self.conn.execute(
                "SELECT DISTINCT a.outlet FROM articles a JOIN workspace_articles w ON w.article_id = a.id"
                " WHERE a.outlet IS NOT NULL AND a.outlet != '' ORDER BY lower(a.outlet)")]

    # ------------------------------------------------------------------ search
    def search(self, q: str, limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
        """Claims and sources matching every word of ``q`` (prefixes, stemmed), best first."""
        query = fts_query(q)
        if query is None:
            return [], 0
        with self._reading():
            return self._search(query, limit, offset)

    def _search(self, query: str, limit: int, offset: int) -> tuple[list[dict], int]:
        try:
            total = self.conn.execute("SELECT COUNT(*) FROM workspace_fts WHERE workspace_fts MATCH ?", (query,)).fetchone()[0]
            rows = self.conn.execute(
                "SELECT f.kind, f.article_id, f.claim_id, f.text,"
                f" snippet(workspace_fts, 0, '{HIT_ON}', '{HIT_OFF}', '…', {SNIPPET_WORDS}) AS snip,"
                " a.title, a.outlet, a.published FROM workspace_fts f JOIN articles a ON a.id = f.article_id"
                " WHERE workspace_fts MATCH ? ORDER BY bm25(workspace_fts), f.article_id, f.rowid LIMIT ? OFFSET ?",
                (query, limit, offset)).fetchall()
        except sqlite3.OperationalError:
            return [], 0  # a query FTS5 still cannot parse finds nothing rather than failing
        return [self._hit(r, snippet_parts(r["snip"])) for r in rows], int(total)

    # ------------------------------------------------------------------ sourcing overview
    def sources_overview(self, limit: int = 20) -> dict:
        """Share of anonymous sources by outlet, the most-cited sources, and the commonest chains
        (of two or more links: "a diplomat quoted by The Wall Street Journal")."""
        with self._reading():
            return self._sources_overview(limit)

    def _sources_overview(self, limit: int) -> dict:
        by_outlet = self.conn.execute(
            "SELECT a.outlet, COUNT(DISTINCT s.article_id), COUNT(*), SUM(s.source_type = 'anonymous')"
            " FROM workspace_sources s JOIN articles a ON a.id = s.article_id"
            " GROUP BY a.outlet ORDER BY COUNT(*) DESC, a.outlet").fetchall()
        cited = self.conn.execute(
            "SELECT COALESCE(entity, source) AS name, source_type, COUNT(DISTINCT article_id), SUM(claims)"
            " FROM workspace_sources WHERE source_type NOT IN ('none', 'pronoun')"
            " GROUP BY lower(name), source_type ORDER BY 3 DESC, 4 DESC, lower(name) LIMIT ?", (limit,)).fetchall()
        chains = self.conn.execute(
            "SELECT chain, COUNT(*) FROM workspace_sources WHERE chain LIKE '%→%' GROUP BY chain ORDER BY 2 DESC, chain LIMIT ?",
            (limit,)).fetchall()
        return self._overview(by_outlet, cited, chains)

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
