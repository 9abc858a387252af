"""Versioned, idempotent schema migrations shared by every area that keeps tables in the store.

Each area owns a namespace ("dossier", "evidence", ...) and an ordered list of (version, SQL)
steps; ``apply`` runs the steps newer than what ``schema_migrations`` records, in one
transaction each, so opening an old database upgrades it and opening a current one is a no-op.
"""

from __future__ import annotations

import sqlite3
from typing import Sequence

from ..errors import StoreError


def apply(conn: sqlite3.Connection, namespace: str, steps: Sequence[tuple[int, str]]) -> int:
    """Bring ``namespace`` up to the last step; returns the version now in force."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " namespace TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT DEFAULT CURRENT_TIMESTAMP,"
        " PRIMARY KEY (namespace, version))"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_migrations WHERE namespace = ?", (namespace,)).fetchone()
    current = row[0] or 0
    known = [v for v, _ in steps]
    if known != sorted(set(known)):
        raise StoreError(f"migrations for {namespace!r} must have increasing versions")
    if known and current > known[-1]:
        raise StoreError(f"database has {namespace} schema v{current}, newer than this veracity (v{known[-1]}); upgrade veracity")
    for version, sql in steps:
        if version <= current:
            continue
        try:
            with conn:
                for statement in [s for s in sql.split(";\n") if s.strip()]:
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations (namespace, version) VALUES (?, ?)", (namespace, version))
        except sqlite3.Error as exc:
            raise StoreError(f"migration {namespace} v{version} failed: {exc}") from exc
        current = version
    return current
