"""The evidence tables in the shared SQLite store (namespace ``evidence``, tables ``evidence_*``).

- ``evidence_documents``: one row per indexed document, keyed by the Article id, with a
  SHA-256 of its text so re-indexing the same text (under any path) is a no-op.
- ``evidence_sentences``: the document's sentences with character offsets into its text,
  and the MiniLM vector as an int8 blob plus its float scale (vector ≈ int8 * scale).
- ``evidence_fts``: an external-content FTS5 table over the sentence text (BM25 ranking;
  Porter stemming so "warming"/"warmed" meet).
- ``evidence_terms``: how many sentences hold each lower-cased word (query pruning).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from .migrations import apply, use_wal

NAMESPACE = "evidence"

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """CREATE TABLE IF NOT EXISTS evidence_documents (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT, outlet TEXT, published TEXT, url TEXT, source_path TEXT, language TEXT,
            text TEXT NOT NULL,
            n_sentences INTEGER NOT NULL DEFAULT 0,
            added_at TEXT DEFAULT CURRENT_TIMESTAMP
        );
        CREATE TABLE IF NOT EXISTS evidence_sentences (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES evidence_documents(id),
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            emb BLOB,
            emb_scale REAL
        );
        CREATE INDEX IF NOT EXISTS evidence_sentences_doc ON evidence_sentences(document_id, idx);
        CREATE VIRTUAL TABLE IF NOT EXISTS evidence_fts USING fts5(
            text, content='evidence_sentences', content_rowid='id', tokenize='porter unicode61'
        )""",
    ),
    # Sentence frequency of each lower-cased word, so a query can drop words too common to be
    # worth their posting lists (FTS5's own fts5vocab counts by scanning them: ~100 ms for "the").
    (2, "CREATE TABLE IF NOT EXISTS evidence_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID"),
]


def connect(db_path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the store and bring the evidence tables up to date."""
    path = Path(db_path)
    if str(db_path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(db_path), timeout=30, check_same_thread=False)
        if str(db_path) != ":memory:":
            use_wal(conn, str(db_path))
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open evidence store {db_path}: {exc}") from exc
    try:
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.evidence_fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp.evidence_fts5_probe")
    except sqlite3.OperationalError as exc:
        raise StoreError(f"this Python's sqlite3 lacks FTS5, which the evidence index needs ({exc})") from exc
    apply(conn, NAMESPACE, MIGRATIONS)
    return conn
