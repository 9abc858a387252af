"""The store: SQLite by default, PostgreSQL for a server (``postgresql://`` URLs), keyed by
content hashes so re-analysing an article is idempotent.

Dossiers are stored whole as JSON (the versioned schema) beside a few columns for listing and
one row per claim for queries. Each area keeps its own tables through
:mod:`veracity.store.migrations` under its own namespace; the web workspace's (article
statistics, full-text search, reviews) come with :func:`open_workspace`, on either store.
Callers type against the protocols both stores and both workspaces satisfy
(:mod:`veracity.store.protocol`): :class:`DossierStore` and :class:`StoreWorkspace`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError, StoreError
from ..records import Dossier, dossier_from_dict, dossier_to_dict
from .migrations import apply, use_wal
from .postgres import PostgresStore
from .protocol import DossierStore, StoreWorkspace
from .rows import claim_rows, like_prefix

DOSSIER_MIGRATIONS = [
    (1, """
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  title TEXT, outlet TEXT, url TEXT, published TEXT, source_path TEXT, kind TEXT,
  chars INTEGER NOT NULL
);
CREATE TABLE dossiers (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  schema_version TEXT NOT NULL,
  stages TEXT NOT NULL,
  analysed_at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE claims (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_index INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  checkworthiness REAL, modality TEXT, source_type TEXT
);
CREATE INDEX claims_article ON claims(article_id)
"""),
]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """The SQLite store (a :class:`DossierStore`)."""

    def __init__(self, path: str):
        self.path = path
        if path != ":memory:":
            try:
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for {path}: {exc}") from None
        try:
            # check_same_thread=False: the API serves from a thread pool; writes are serialised by _lock.
            self.conn = sqlite3.connect(str(Path(path).expanduser()) if path != ":memory:" else path, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from None
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from None
        if path != ":memory:":
            use_wal(self.conn, path)
        self._lock = threading.RLock()
        self.schema_version = apply(self.conn, "dossier", DOSSIER_MIGRATIONS)

    def close(self) -> None:
        self.conn.close()

    def save_dossier(self, d: Dossier) -> bool:
        """Store a dossier; returns False when exactly this dossier was already there.

        The same article analysed again with changed models or evidence replaces the old
        dossier: the key is the article's content hash, the value the latest analysis.
        """
        a = d.article
        body = dossier_to_dict(d)
        text = json.dumps(body, ensure_ascii=False)
        stages = json.dumps(list(d.stages))
        with self._lock, self.conn:
            row = self.conn.execute("SELECT body FROM dossiers WHERE article_id = ?", (a.id,)).fetchone()
            if row and row["body"] == text:
                return False
            self.conn.execute(
                "INSERT OR REPLACE INTO articles (id, title, outlet, url, published, source_path, kind, chars) VALUES (?,?,?,?,?,?,?,?)",
                (a.id, a.title, a.outlet, a.url, a.published, a.source_path, a.kind, len(a.text)),
            )
            self.conn.execute("DELETE FROM claims WHERE article_id = ?", (a.id,))
            self.conn.execute(
                "INSERT OR REPLACE INTO dossiers (article_id, schema_version, stages, analysed_at, body) VALUES (?,?,?,?,?)",
                (a.id, body["schema_version"], stages, _now(), text),
            )
            self.conn.executemany("INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?,?)", claim_rows(d))
        return True

    def get_dossier(self, ident: str) -> Dossier:
        # Reads take the lock too: on the shared connection another thread's save is mid-way
        # (REPLACE deletes the article row, cascading to its dossier, before inserting it again)
        # and a read between the two found no dossier.
        with self._lock:
            rows = self.conn.execute(
                "SELECT body FROM dossiers WHERE article_id = ? OR article_id LIKE ? ESCAPE '\\' LIMIT 2", (ident, like_prefix(ident))
            ).fetchall()
        if not rows:
            raise InputError(f"no stored dossier with id {ident!r}", source=self.path)
        if len(rows) > 1:
            raise InputError(f"id prefix {ident!r} is ambiguous", source=self.path)
        return dossier_from_dict(json.loads(rows[0]["body"]))

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[dict]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT a.id, a.title, a.outlet, a.published, a.source_path, d.analysed_at,"
                " (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims"
                " FROM articles a JOIN dossiers d ON d.article_id = a.id ORDER BY d.analysed_at DESC, a.id LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [dict(r) for r in rows]

    def article_ids(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self.conn.execute("SELECT article_id FROM dossiers")}

    def count(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0]


def open_store(path: str) -> DossierStore:
    """A SQLite store for a path (or ":memory:"), a PostgreSQL store for a postgresql:// URL."""
    if path.startswith(("postgresql://", "postgres://")):
        return PostgresStore(path)
    return Store(path)


def open_workspace(store: DossierStore) -> StoreWorkspace | None:
    """The fact-checker's workspace over a store (creating its tables): on SQLite with FTS5
    (:mod:`.workspace`), on PostgreSQL with its full-text search (:mod:`.pg_workspace`); the
    same calls and answers. None for a store of another kind."""
    if isinstance(store, PostgresStore):
        from .pg_workspace import PostgresWorkspace

        return PostgresWorkspace(store)
    if isinstance(store, Store):
        from .workspace import Workspace

        return Workspace(store.conn, store._lock)
    return None
