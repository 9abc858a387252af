"""The PostgreSQL store: the same interface and tables as the SQLite one, for a shared server.

    veracity serve --db postgresql://user@host/veracity

The dossier body is JSONB, so a newsroom's analysts can query it with SQL directly.
psycopg is an optional dependency (``pip install 'psycopg[binary]==3.3.9'``), imported here.
Migrations are versioned in the same ``schema_migrations`` table layout as SQLite's.
"""

from __future__ import annotations

import json
import threading

from ..errors import ConfigError, InputError, StoreError
from ..records import Dossier, dossier_from_dict, dossier_to_dict
from .migrations import apply_postgres
from .rows import claim_rows, iso, like_prefix

MIGRATIONS = [
    (1, [
        """CREATE TABLE articles (
             id TEXT PRIMARY KEY, title TEXT, outlet TEXT, url TEXT, published TEXT,
             source_path TEXT, kind TEXT, chars INTEGER NOT NULL)""",
        """CREATE TABLE dossiers (
             article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
             schema_version TEXT NOT NULL, stages TEXT NOT NULL,
             analysed_at TIMESTAMPTZ NOT NULL DEFAULT now(), body JSONB NOT NULL)""",
        """CREATE TABLE claims (
             id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
             sentence_index INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
             text TEXT NOT NULL, checkworthiness DOUBLE PRECISION, modality TEXT, source_type TEXT)""",
        "CREATE INDEX claims_article ON claims(article_id)",
    ]),
]


def _connect(url: str):
    try:
        import psycopg
        from psycopg.rows import dict_row
    except ImportError:
        raise ConfigError("a postgresql:// store needs psycopg: pip install 'psycopg[binary]==3.3.9'") from None
    try:
        return psycopg.connect(url, row_factory=dict_row, autocommit=False)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to PostgreSQL: {exc}".splitlines()[0]) from None


class PostgresStore:
    def __init__(self, url: str):
        self.path = url.split("@")[-1]  # for messages: never echo a password
        self.conn = _connect(url)
        # One connection serves every thread of a server; psycopg runs one statement at a time
        # on it, but a transaction block is the connection's, not the thread's: every use holds
        # this lock (re-entrant: the workspace's calls nest), so no two blocks interleave.
        self._lock = threading.RLock()
        self.schema_version = self._migrate()

    def _migrate(self) -> int:
        return apply_postgres(self.conn, "dossier", MIGRATIONS)

    def close(self) -> None:
        self.conn.close()

    def save_dossier(self, d: Dossier) -> bool:
        a, body = d.article, dossier_to_dict(d)
        stages = json.dumps(list(d.stages))
        with self._lock, self.conn.transaction():
            row = self.conn.execute("SELECT body FROM dossiers WHERE article_id = %s", (a.id,)).fetchone()
            if row and row["body"] == json.loads(json.dumps(body)):
                return False
            self.conn.execute(
                "INSERT INTO articles (id, title, outlet, url, published, source_path, kind, chars) VALUES (%s,%s,%s,%s,%s,%s,%s,%s)"
                " ON CONFLICT (id) DO UPDATE SET title=EXCLUDED.title, outlet=EXCLUDED.outlet, url=EXCLUDED.url,"
                " published=EXCLUDED.published, source_path=EXCLUDED.source_path, kind=EXCLUDED.kind, chars=EXCLUDED.chars",
                (a.id, a.title, a.outlet, a.url, a.published, a.source_path, a.kind, len(a.text)))
            self.conn.execute("DELETE FROM claims WHERE article_id = %s", (a.id,))
            self.conn.execute(
                "INSERT INTO dossiers (article_id, schema_version, stages, analysed_at, body) VALUES (%s,%s,%s,now(),%s)"
                " ON CONFLICT (article_id) DO UPDATE SET schema_version=EXCLUDED.schema_version, stages=EXCLUDED.stages,"
                " analysed_at=now(), body=EXCLUDED.body",
                (a.id, body["schema_version"], stages, json.dumps(body, ensure_ascii=False)))
            with self.conn.cursor() as cur:
                cur.executemany("INSERT INTO claims VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (id) DO NOTHING", claim_rows(d))
        return True

    def get_dossier(self, ident: str) -> Dossier:
        with self._lock, self.conn.transaction():
            rows = self.conn.execute(
                "SELECT body FROM dossiers WHERE article_id = %s OR article_id LIKE %s ESCAPE '\\' LIMIT 2",
                (ident, like_prefix(ident))).fetchall()
        if not rows:
            raise InputError(f"no stored dossier with id {ident!r}", source=self.path)
        if len(rows) > 1:
            raise InputError(f"id prefix {ident!r} is ambiguous", source=self.path)
        return dossier_from_dict(rows[0]["body"])

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[dict]:
        with self._lock, self.conn.transaction():
            rows = self.conn.execute(
                "SELECT a.id, a.title, a.outlet, a.published, a.source_path, d.analysed_at,"
                " (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims"
                " FROM articles a JOIN dossiers d ON d.article_id = a.id ORDER BY d.analysed_at DESC, a.id LIMIT %s OFFSET %s",
                (limit, offset)).fetchall()
        return [{**r, "analysed_at": iso(r["analysed_at"])} for r in rows]

    def article_ids(self) -> set[str]:
        with self._lock, self.conn.transaction():
            return {r["article_id"] for r in self.conn.execute("SELECT article_id FROM dossiers")}

    def count(self) -> int:
        with self._lock, self.conn.transaction():
            return self.conn.execute("SELECT COUNT(*) AS n FROM dossiers").fetchone()["n"]
