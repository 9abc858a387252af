"""Versioned, idempotent schema migrations shared by every area that keeps tables in the store.

Each area owns a namespace ("dossier", "evidence", ...) and an ordered list of (version, SQL)
steps; ``apply`` runs the steps newer than what ``schema_migrations`` records, in one
transaction that holds the write lock, so opening an old database upgrades it, opening a
current one is a no-op, and two processes opening a new one at once do not collide.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Sequence

from ..errors import StoreError

# Switching a new database to WAL needs a moment of exclusive access, and SQLite does not wait
# for it through the busy timeout: two processes opening a new file at once got "database is
# locked". The switch is retried for up to this long (a migration holds the lock for milliseconds).
WAL_WAIT_SECONDS = 10.0


def use_wal(conn: sqlite3.Connection, path: str) -> None:
    """Put the database in WAL mode (readers never block the writer), waiting out other openers."""
    deadline, delay = time.monotonic() + WAL_WAIT_SECONDS, 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise StoreError(f"cannot open database {path}: {exc}") from exc
            time.sleep(delay)
            delay = min(2 * delay, 0.1)


def _version(conn: sqlite3.Connection, namespace: str) -> int:
    row = conn.execute("SELECT MAX(version) FROM schema_migrations WHERE namespace = ?", (namespace,)).fetchone()
    return row[0] or 0


def _has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone() is not None


def apply(conn: sqlite3.Connection, namespace: str, steps: Sequence[tuple[int, str]]) -> int:
    """Bring ``namespace`` up to the last step; returns the version now in force.

    Safe when several processes open a new database at once: the version is read again and the
    steps applied inside one ``BEGIN IMMEDIATE`` transaction, which holds the write lock, so a
    second opener waits, then sees the steps done (it once failed with "table articles already
    exists"). A database already up to date is only read, never locked.
    """
    known = [v for v, _ in steps]
    if known != sorted(set(known)):
        raise StoreError(f"migrations for {namespace!r} must have increasing versions")
    try:
        if _has_table(conn) and _version(conn, namespace) >= (known[-1] if known else 0):
            return _check_newer(_version(conn, namespace), namespace, known)
        if conn.in_transaction:
            conn.commit()
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the {namespace} schema version: {exc}") from exc
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " namespace TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT DEFAULT CURRENT_TIMESTAMP,"
            " PRIMARY KEY (namespace, version))"
        )
        current = _check_newer(_version(conn, namespace), namespace, known)
        for version, sql in steps:
            if version <= current:
                continue
            try:
                for statement in [s for s in sql.split(";\n") if s.strip()]:
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations (namespace, version) VALUES (?, ?)", (namespace, version))
            except sqlite3.Error as exc:
                raise StoreError(f"migration {namespace} v{version} failed: {exc}") from exc
            current = version
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return current


def _check_newer(current: int, namespace: str, known: list[int]) -> int:
    if known and current > known[-1]:
        raise StoreError(f"database has {namespace} schema v{current}, newer than this veracity (v{known[-1]}); upgrade veracity")
    return current


# Every PostgreSQL migration, of any namespace, runs under this advisory lock: two servers
# starting on a new database at once wait for each other instead of colliding.
PG_MIGRATION_LOCK = 7320001


def apply_postgres(conn, namespace: str, steps: Sequence[tuple[int, Sequence[str]]]) -> int:
    """:func:`apply` for a psycopg connection: the same ``schema_migrations`` table and rules,
    each step a list of statements, all of it in one transaction under an advisory lock."""
    import psycopg
    from psycopg.rows import tuple_row

    known = [v for v, _ in steps]
    if known != sorted(set(known)):
        raise StoreError(f"migrations for {namespace!r} must have increasing versions")
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (PG_MIGRATION_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (namespace TEXT NOT NULL, version INTEGER NOT NULL,"
                " applied_at TIMESTAMPTZ DEFAULT now(), PRIMARY KEY (namespace, version))")
            with conn.cursor(row_factory=tuple_row) as cur:
                (found,) = cur.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE namespace = %s",
                                       (namespace,)).fetchone()
            current = _check_newer(found, namespace, known)
            for version, statements in steps:
                if version <= current:
                    continue
                try:
                    for sql in statements:
                        conn.execute(sql)
                except psycopg.Error as exc:
                    raise StoreError(f"migration {namespace} v{version} failed: {exc}".splitlines()[0]) from exc
                conn.execute("INSERT INTO schema_migrations (namespace, version) VALUES (%s, %s)", (namespace, version))
                current = version
    except psycopg.Error as exc:
        raise StoreError(f"cannot migrate the {namespace} tables: {exc}".splitlines()[0]) from exc
    return current
