import pytest

from veracity.errors import InputError
from veracity.store import open_store


def test_postgres_store_matches_the_sqlite_contract(pg_url, example_dossier):
    store = open_store(pg_url)
    assert type(store).__name__ == "PostgresStore" and store.schema_version == 1
    assert store.save_dossier(example_dossier) is True
    assert store.save_dossier(example_dossier) is False  # idempotent by content hash
    back = store.get_dossier(example_dossier.article.id[:9])
    assert back == example_dossier.with_(doc=None)
    rows = store.list_articles()
    assert rows[0]["id"] == example_dossier.article.id and rows[0]["claims"] == len(example_dossier.claims)
    assert store.article_ids() == {example_dossier.article.id} and store.count() == 1
    with pytest.raises(InputError, match="no stored dossier"):
        store.get_dossier("zzz")
    # The body is queryable JSONB: analysts can ask SQL questions of it directly.
    n = store.conn.execute("SELECT jsonb_array_length(body->'claims') AS n FROM dossiers").fetchone()["n"]
    assert n == len(example_dossier.claims)
    store.close()
    again = open_store(pg_url)  # reopening migrates nothing
    assert again.count() == 1
    again.close()


def test_postgres_id_prefix_is_literal(pg_url, example_dossier):
    """Issue 18 #8 on PostgreSQL: "_" and "%" in an id are characters, not LIKE wildcards."""
    store = open_store(pg_url)
    store.save_dossier(example_dossier)
    ident = example_dossier.article.id
    assert store.get_dossier(ident[:6]).article.id == ident
    for pattern in (ident[:2] + "_" * (len(ident) - 2), ident[:4] + "%", "a\\" + ident[2:5]):
        with pytest.raises(InputError, match="no stored dossier"):
            store.get_dossier(pattern)
    store.close()


def test_postgres_workspace_tables_are_versioned_migrations(pg_url):
    """The workspace's PostgreSQL tables come through the same schema_migrations as the dossier
    tables: created once, never again, and a newer database is refused."""
    from veracity.errors import StoreError
    from veracity.store import open_workspace

    store = open_store(pg_url)
    ws = open_workspace(store)
    assert type(ws).__name__ == "PostgresWorkspace" and ws.schema_version == 1
    store.close()
    store = open_store(pg_url)
    open_workspace(store)  # reopening migrates nothing
    with store.conn.transaction():
        rows = store.conn.execute("SELECT namespace, version FROM schema_migrations ORDER BY 1, 2").fetchall()
    assert [(r["namespace"], r["version"]) for r in rows] == [("dossier", 1), ("workspace", 1)]
    with store.conn.transaction():
        store.conn.execute("INSERT INTO schema_migrations (namespace, version) VALUES ('workspace', 99)")
    with pytest.raises(StoreError, match="newer"):
        open_workspace(store)
    store.close()
