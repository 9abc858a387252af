"""The fact-checker's workspace over the PostgreSQL store: the same tables, calls and answers as
the SQLite workspace (:mod:`veracity.store.workspace`), with PostgreSQL's full-text search.

Tables (namespace ``workspace``, versioned like the dossier tables):

- ``workspace_articles``, ``workspace_sources``: as on SQLite (what the article list and the
  sourcing overview show, and the version of the dossier they were computed from).
- ``workspace_search``: one row per claim text and per claim's sources, with a stored
  ``tsvector`` (English stemming, stop words kept: :data:`TS_CONFIG`) under a GIN index.
- ``workspace_reviews``: every review a person recorded; the newest per claim is current.

A search keeps only the words of what a person typed (:func:`~veracity.store.rows.query_words`)
and asks for every one as a prefix (``'word':* & ...``), so no tsquery syntax from a person
reaches ``to_tsquery``; hits are ranked by ``ts_rank`` and cut to a snippet by ``ts_headline``.

The SQL lives in one small class per table (:class:`ArticlesTable`, :class:`SourcesTable`,
:class:`SearchTable`, :class:`ReviewsTable`); :class:`PostgresWorkspace` holds the store's lock
and a transaction around each call and shapes rows as the SQLite workspace does
(:class:`~veracity.store.rows.WorkspaceRows`). The derived tables are brought up to date by
:meth:`PostgresWorkspace.sync` after every save and before reads, under an advisory lock, so
several servers on one database index each dossier once.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from psycopg.rows import tuple_row

from .migrations import apply_postgres
from .rows import HIT_OFF, HIT_ON, SNIPPET_WORDS, SORTS, WorkspaceRows, derive, query_words, snippet_parts

NAMESPACE = "workspace"
# The text search configuration of the index and of every query: PostgreSQL's "english" with
# its stemmer keeping stop words, like FTS5's porter tokenizer on SQLite, so "who said" and
# "the Times" find what they find there (the stock "english" drops those words, from the
# index and from queries alike, and a search of only such words found nothing).
TS_CONFIG = "workspace_english"
# Held while derived rows are rewritten: two servers syncing at once index each dossier once.
SYNC_LOCK = 7320002
# ts_headline's options: one fragment around the best match (like FTS5's snippet()), of at most
# SNIPPET_WORDS words, matches between the marker characters.
HEADLINE_OPTIONS = (f"StartSel={HIT_ON}, StopSel={HIT_OFF}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2},"
                    " ShortWord=0, MaxFragments=1, FragmentDelimiter=\" … \"")

# Text is ordered and grouped by code point, whatever the database's collation: SQLite's BINARY
# order and ASCII-only lower(), so both stores list and group the same rows the same way.
_C = 'COLLATE "C"'
# The article list's sort columns (the API's names, as on SQLite).
PG_SORTS = {**SORTS, "published": f"a.published {_C}", "title": f"lower(a.title {_C})", "outlet": f"lower(a.outlet {_C})"}

MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [
        "CREATE TEXT SEARCH DICTIONARY workspace_english_stem (TEMPLATE = snowball, Language = english)",
        f"CREATE TEXT SEARCH CONFIGURATION {TS_CONFIG} (COPY = english)",
        f"ALTER TEXT SEARCH CONFIGURATION {TS_CONFIG} ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword,"
        " hword_part WITH workspace_english_stem",
        """CREATE TABLE workspace_articles (
             article_id TEXT PRIMARY KEY, version TEXT NOT NULL,
             claims INTEGER NOT NULL, checkworthy INTEGER NOT NULL, unnamed_share DOUBLE PRECISION NOT NULL,
             supported INTEGER NOT NULL, refuted INTEGER NOT NULL, disputed INTEGER NOT NULL, not_enough_info INTEGER NOT NULL)""",
        """CREATE TABLE workspace_sources (
             article_id TEXT NOT NULL, attribution_id TEXT NOT NULL,
             source TEXT NOT NULL, source_type TEXT NOT NULL, entity TEXT, chain TEXT NOT NULL, claims INTEGER NOT NULL,
             PRIMARY KEY (article_id, attribution_id))""",
        f"""CREATE TABLE workspace_search (
             id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
             kind TEXT NOT NULL, article_id TEXT NOT NULL, claim_id TEXT NOT NULL, text TEXT NOT NULL,
             tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('{TS_CONFIG}'::regconfig, text)) STORED)""",
        "CREATE INDEX workspace_search_tsv ON workspace_search USING GIN (tsv)",
        "CREATE INDEX workspace_search_article ON workspace_search (article_id)",
        """CREATE TABLE workspace_reviews (
             id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
             claim_id TEXT NOT NULL, article_id TEXT NOT NULL,
             status TEXT NOT NULL, rating TEXT, note TEXT, reviewer TEXT,
             created_at TIMESTAMPTZ NOT NULL DEFAULT now())""",
        "CREATE INDEX workspace_reviews_claim ON workspace_reviews (claim_id, id)",
        "CREATE INDEX workspace_reviews_article ON workspace_reviews (article_id, claim_id)",
    ]),
]


def ts_query(q: str) -> str | None:
    """The tsquery text for what a person typed: every word must appear, as a prefix.

    Each word is only letters, digits and "_" (never a quote, backslash or operator), quoted as
    a lexeme; the text is passed to ``to_tsquery`` as a parameter."""
    words = query_words(q)
    if not words:
        return None
    return " & ".join(f"'{w}':*" for w in words)


class _Table:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def _rows(self, sql: str, args: Iterable[Any] = ()) -> list[dict]:
        return self.conn.execute(sql, tuple(args)).fetchall()

    def _tuples(self, sql: str, args: Iterable[Any] = ()) -> list[tuple]:
        with self.conn.cursor(row_factory=tuple_row) as cur:
            return cur.execute(sql, tuple(args)).fetchall()

    def _many(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(sql, rows)


# A dossier's version: when it was analysed (as epoch seconds: the same text whatever a
# session's TimeZone) and the transaction that last wrote its row (xmin), which every save
# changes (an upsert keeps the row's key), so this needs no look at the bodies.
_VERSION = "extract(epoch FROM d.analysed_at)::text || ':' || d.xmin::text"
_ARTICLE_COLUMNS = (
    "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source_path, d.analysed_at, w.claims, w.checkworthy,"
    " w.unnamed_share, w.supported, w.refuted, w.disputed, w.not_enough_info,"
    " (SELECT COUNT(DISTINCT r.claim_id) FROM workspace_reviews r WHERE r.article_id = a.id) AS reviewed"
    " FROM articles a JOIN dossiers d ON d.article_id = a.id JOIN workspace_articles w ON w.article_id = a.id")


class ArticlesTable(_Table):
    """``workspace_articles``, read beside the stored articles and dossiers."""

    def stale(self, ids: list[str] | None, bodies: bool = False) -> list[dict]:
        """Dossiers (all, or of ``ids``) whose rows are missing or older than the dossier."""
        sql = (f"SELECT d.article_id, {_VERSION} AS version{', d.body' if bodies else ''} FROM dossiers d"
               " LEFT JOIN workspace_articles w ON w.article_id = d.article_id"
               f" WHERE (w.article_id IS NULL OR w.version <> {_VERSION})")
        if ids is None:
            return self._rows(sql)
        return self._rows(sql + " AND d.article_id = ANY(%s)", (ids,))

    def gone(self) -> list[str]:
        """Articles with rows but no stored dossier any more."""
        return [r[0] for r in self._tuples(
            "SELECT w.article_id FROM workspace_articles w WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.article_id = w.article_id)")]

    def put(self, row: tuple, version: str) -> None:
        self.conn.execute(
            "INSERT INTO workspace_articles (article_id, claims, checkworthy, unnamed_share, supported, refuted, disputed,"
            " not_enough_info, version) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)"
            " ON CONFLICT (article_id) DO UPDATE SET claims=EXCLUDED.claims, checkworthy=EXCLUDED.checkworthy,"
            " unnamed_share=EXCLUDED.unnamed_share, supported=EXCLUDED.supported, refuted=EXCLUDED.refuted,"
            " disputed=EXCLUDED.disputed, not_enough_info=EXCLUDED.not_enough_info, version=EXCLUDED.version", (*row, version))

    def delete(self, article_id: str) -> None:
        self.conn.execute("DELETE FROM workspace_articles WHERE article_id = %s", (article_id,))

    def page(self, sort: str, descending: bool, outlet: str | None, limit: int, offset: int) -> tuple[list[dict], int]:
        order = PG_SORTS[sort]  # a fixed expression chosen by name, never text from a request
        where, args = (" WHERE a.outlet = %s", [outlet]) if outlet else ("", [])
        (total,) = self._tuples(f"SELECT COUNT(*) FROM articles a JOIN workspace_articles w ON w.article_id = a.id{where}", args)[0]
        # NULLS LAST in both directions, and the id last, as on SQLite.
        rows = self._rows(f"{_ARTICLE_COLUMNS}{where} ORDER BY {order} IS NULL, {order} {'DESC' if descending else 'ASC'}, a.id"
                          " LIMIT %s OFFSET %s", [*args, limit, offset])
        return rows, int(total)

    def get(self, article_id: str) -> dict | None:
        rows = self._rows(f"{_ARTICLE_COLUMNS} WHERE a.id = %s", (article_id,))
        return rows[0] if rows else None

    def outlets(self) -> list[str]:
        return [r[0] for r in self._tuples(
            "SELECT a.outlet FROM articles a JOIN workspace_articles w ON w.article_id = a.id"
            f" WHERE a.outlet IS NOT NULL AND a.outlet <> '' GROUP BY a.outlet ORDER BY lower(a.outlet {_C}), a.outlet {_C}")]


class SourcesTable(_Table):
    """``workspace_sources``: one row per attribution, for the sourcing overview."""

    def put(self, rows: list[tuple]) -> None:
        self._many("INSERT INTO workspace_sources (article_id, attribution_id, source, source_type, entity, chain, claims)"
                   " VALUES (%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (article_id, attribution_id) DO NOTHING", rows)

    def delete(self, article_id: str) -> None:
        self.conn.execute("DELETE FROM workspace_sources WHERE article_id = %s", (article_id,))

    def by_outlet(self) -> list[tuple]:
        """(outlet, articles, attributions, anonymous) per outlet, most attributions first."""
        return self._tuples(
            "SELECT a.outlet, COUNT(DISTINCT s.article_id), COUNT(*), COUNT(*) FILTER (WHERE s.source_type = 'anonymous')"
            " FROM workspace_sources s JOIN articles a ON a.id = s.article_id"
            f" GROUP BY a.outlet ORDER BY COUNT(*) DESC, a.outlet {_C} NULLS FIRST")

    def most_cited(self, limit: int) -> list[tuple]:
        """(name, source_type, articles, claims) of named sources, in most articles first."""
        name = f"COALESCE(entity, source) {_C}"
        return self._tuples(
            f"SELECT MIN({name}), source_type, COUNT(DISTINCT article_id), SUM(claims)"
            " FROM workspace_sources WHERE source_type NOT IN ('none', 'pronoun')"
            f" GROUP BY lower({name}), source_type ORDER BY 3 DESC, 4 DESC, lower({name}) LIMIT %s", (limit,))

    def chains(self, limit: int) -> list[tuple]:
        """(chain, count) of chains of two or more links, commonest first."""
        return self._tuples(
            "SELECT chain, COUNT(*) FROM workspace_sources WHERE strpos(chain, '→') > 0"
            f" GROUP BY chain ORDER BY 2 DESC, chain {_C} LIMIT %s", (limit,))


class SearchTable(_Table):
    """``workspace_search``: claim and source texts under a GIN-indexed tsvector."""

    def put(self, rows: list[tuple]) -> None:
        self._many("INSERT INTO workspace_search (kind, article_id, claim_id, text) VALUES (%s,%s,%s,%s)", rows)

    def delete(self, article_id: str) -> None:
        self.conn.execute("DELETE FROM workspace_search WHERE article_id = %s", (article_id,))

    def count(self, query: str) -> int:
        return int(self._tuples(f"SELECT COUNT(*) FROM workspace_search WHERE tsv @@ to_tsquery('{TS_CONFIG}', %s)",
                                (query,))[0][0])

    def match(self, query: str, limit: int, offset: int) -> list[dict]:
        """A page of matches, best first, each with its article's title and a marked snippet
        (ts_headline is costly: it runs on the page only)."""
        return self._rows(
            f"SELECT m.kind, m.article_id, m.claim_id, m.text, ts_headline('{TS_CONFIG}', m.text, m.query, %s) AS snip,"
            " m.title, m.outlet, m.published FROM ("
            "  SELECT f.id, f.kind, f.article_id, f.claim_id, f.text, q.query, ts_rank(f.tsv, q.query) AS rank,"
            "   a.title, a.outlet, a.published"
            f"  FROM workspace_search f CROSS JOIN to_tsquery('{TS_CONFIG}', %s) AS q(query)"
            "  JOIN articles a ON a.id = f.article_id WHERE f.tsv @@ q.query"
            "  ORDER BY rank DESC, f.article_id, f.id LIMIT %s OFFSET %s) m"
            " ORDER BY m.rank DESC, m.article_id, m.id", (HEADLINE_OPTIONS, query, limit, offset))


class ReviewsTable(_Table):
    """``workspace_reviews``: every review, never overwritten."""

    def claim_article(self, claim_id: str) -> str | None:
        rows = self._tuples("SELECT article_id FROM claims WHERE id = %s", (claim_id,))
        return rows[0][0] if rows else None

    def add(self, claim_id: str, article_id: str, status: str, rating: str | None, note: str | None,
            reviewer: str | None) -> dict:
        return self._rows(
            "INSERT INTO workspace_reviews (claim_id, article_id, status, rating, note, reviewer)"
            " VALUES (%s,%s,%s,%s,%s,%s) RETURNING *", (claim_id, article_id, status, rating, note, reviewer))[0]

    def history(self, claim_id: str) -> list[dict]:
        return self._rows("SELECT * FROM workspace_reviews WHERE claim_id = %s ORDER BY id DESC", (claim_id,))

    def current(self, article_id: str) -> list[dict]:
        return self._rows("SELECT DISTINCT ON (claim_id) * FROM workspace_reviews WHERE article_id = %s"
                          " ORDER BY claim_id, id DESC", (article_id,))


class PostgresWorkspace(WorkspaceRows):
    """The workspace of a :class:`~veracity.store.postgres.PostgresStore`: the SQLite
    :class:`~veracity.store.workspace.Workspace`'s calls, with the same answers."""

    def __init__(self, store: Any) -> None:
        self.conn = store.conn
        self._lock = store._lock  # re-entrant, shared with the store: one transaction at a time
        with self._lock:
            self.schema_version = apply_postgres(self.conn, NAMESPACE, MIGRATIONS)
        self.articles_table = ArticlesTable(self.conn)
        self.sources_table = SourcesTable(self.conn)
        self.search_table = SearchTable(self.conn)
        self.reviews_table = ReviewsTable(self.conn)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lock, self.conn.transaction():
            yield

    # ------------------------------------------------------------------ derived tables
    def sync(self, article_ids: Iterable[str] | None = None) -> int:
        """Recompute the rows of new or changed dossiers (all, or those of ``article_ids``) and
        drop the rows of dossiers no longer stored. Returns how many dossiers were (re)indexed."""
        ids = list(article_ids) if article_ids is not None else None
        if ids is not None and not ids:
            return 0
        with self._transaction():
            if not self.articles_table.stale(ids) and (ids is not None or not self.articles_table.gone()):
                return 0  # the common case: a look at the versions, no lock, nothing written
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (SYNC_LOCK,))
            stale = self.articles_table.stale(ids, bodies=True)  # again: another server may have done it meanwhile
            for row in stale:
                self._index(row["article_id"], row["version"], row["body"])
            if ids is None:
                for article_id in self.articles_table.gone():
                    self._forget(article_id)
        return len(stale)

    def _forget(self, article_id: str) -> None:
        for table in (self.articles_table, self.sources_table, self.search_table):
            table.delete(article_id)

    def _index(self, article_id: str, version: str, body: dict) -> None:
        self._forget(article_id)
        rows = derive(article_id, body)
        self.articles_table.put(rows.article, version)
        self.sources_table.put(rows.sources)
        self.search_table.put(rows.search)

    # ------------------------------------------------------------------ articles
    def articles(self, *, sort: str = "analysed", descending: bool = True, outlet: str | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
        """A page of the article list and the number of articles matching the filter."""
        self.sync()
        with self._transaction():
            rows, total = self.articles_table.page(sort, descending, outlet, limit, offset)
        return [self._article(r) for r in rows], total

    def article(self, article_id: str) -> dict | None:
        self.sync([article_id])
        with self._transaction():
            r = self.articles_table.get(article_id)
        return self._article(r) if r else None

    def outlets(self) -> list[str]:
        self.sync()
        with self._transaction():
            return self.articles_table.outlets()

    # ------------------------------------------------------------------ search
    def search(self, q: str, limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
        """Claims and sources matching every word of ``q`` (prefixes, stemmed), best first."""
        self.sync()
        query = ts_query(q)
        if query is None:
            return [], 0
        with self._transaction():
            total = self.search_table.count(query)
            rows = self.search_table.match(query, limit, offset) if total else []
        return [self._hit(r, snippet_parts(r["snip"], r["text"])) for r in rows], total

    # ------------------------------------------------------------------ sourcing overview
    def sources_overview(self, limit: int = 20) -> dict:
        """Share of anonymous sources by outlet, the most-cited sources, and the commonest chains."""
        self.sync()
        with self._transaction():
            t = self.sources_table
            return self._overview(t.by_outlet(), t.most_cited(limit), t.chains(limit))

    # ------------------------------------------------------------------ reviews
    def claim_article(self, claim_id: str) -> str | None:
        """The article a stored claim belongs to (None: no such claim)."""
        with self._transaction():
            return self.reviews_table.claim_article(claim_id)

    def add_review(self, claim_id: str, *, status: str, rating: str | None, note: str | None, reviewer: str | None) -> dict | None:
        """Record a review (history is kept); None when the claim is not stored."""
        with self._transaction():
            article_id = self.reviews_table.claim_article(claim_id)
            if article_id is None:
                return None
            return self._review(self.reviews_table.add(claim_id, article_id, status, rating, note, reviewer))

    def reviews(self, claim_id: str) -> list[dict]:
        """Every review of a claim, newest first."""
        with self._transaction():
            return [self._review(r) for r in self.reviews_table.history(claim_id)]

    def current_reviews(self, article_id: str) -> dict[str, dict]:
        """The newest review of each reviewed claim of an article, by claim id."""
        with self._transaction():
            return {r["claim_id"]: self._review(r) for r in self.reviews_table.current(article_id)}
