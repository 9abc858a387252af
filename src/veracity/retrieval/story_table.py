"""The ``corroborate_stories`` table of the evidence index: which story each document is in.

Table methods hide the SQL (as sqlite-utils' do), so the story clustering in
:mod:`veracity.corroborate.stories` reads and writes assignments without reaching into the
index's connection. Migrations are versioned under the ``corroborate`` namespace.
"""

from __future__ import annotations

import sqlite3
from typing import Iterable

from ..store.migrations import apply

NAMESPACE = "corroborate"
MIGRATIONS = [
    (1, """CREATE TABLE IF NOT EXISTS corroborate_stories (
        document_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        similarity REAL,
        date TEXT,
        date_source TEXT,
        seq INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS corroborate_stories_story ON corroborate_stories(story_id)"""),
]

# One placed document: (document_id, story_id, similarity, date, date_source, seq).
Row = tuple[str, str, "float | None", "str | None", "str | None", int]


class StoryTable:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        apply(conn, NAMESPACE, MIGRATIONS)

    def placed(self) -> dict[str, tuple[str, int]]:
        """document id -> (story id, placing order)."""
        return {r[0]: (r[1], r[2]) for r in self.conn.execute("SELECT document_id, story_id, seq FROM corroborate_stories")}

    def save(self, rows: Iterable[Row]) -> None:
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO corroborate_stories VALUES (?,?,?,?,?,?)", list(rows))

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(DISTINCT story_id) FROM corroborate_stories").fetchone()[0])

    def members(self) -> list[tuple]:
        """(story id, document id, title, outlet, date, date source, similarity), in placing order."""
        return self.conn.execute(
            "SELECT s.story_id, s.document_id, d.title, d.outlet, s.date, s.date_source, s.similarity FROM corroborate_stories s"
            " JOIN evidence_documents d ON d.id = s.document_id ORDER BY s.seq").fetchall()

    def story_of(self, document_id: str) -> str | None:
        r = self.conn.execute("SELECT story_id FROM corroborate_stories WHERE document_id = ?", (document_id,)).fetchone()
        return r[0] if r else None
