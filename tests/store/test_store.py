import pytest

from veracity.errors import InputError, StoreError
from veracity.store import open_store
from veracity.store.migrations import apply


def test_save_is_idempotent_and_reads_back(example_dossier):
    store = open_store(":memory:")
    assert store.save_dossier(example_dossier) is True
    assert store.save_dossier(example_dossier) is False  # same content, same stages
    assert store.count() == 1
    back = store.get_dossier(example_dossier.article.id[:8])
    assert back.claims == example_dossier.claims and back.article == example_dossier.article
    rows = store.list_articles()
    assert rows[0]["id"] == example_dossier.article.id and rows[0]["claims"] == len(example_dossier.claims)
    n = store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    assert n == len(example_dossier.claims)


def test_missing_dossier_is_a_clear_error():
    with pytest.raises(InputError, match="no stored dossier"):
        open_store(":memory:").get_dossier("nope")


def test_migrations_are_versioned_and_refuse_newer_databases(tmp_path):
    store = open_store(str(tmp_path / "v.db"))
    assert store.schema_version == 1
    store.close()
    again = open_store(str(tmp_path / "v.db"))  # reopening applies nothing new
    assert again.conn.execute("SELECT COUNT(*) FROM schema_migrations WHERE namespace='dossier'").fetchone()[0] == 1
    assert apply(again.conn, "extra", [(1, "CREATE TABLE t (x INTEGER)"), (2, "ALTER TABLE t ADD COLUMN y TEXT")]) == 2
    with pytest.raises(StoreError, match="newer"):
        apply(again.conn, "extra", [(1, "CREATE TABLE t (x INTEGER)")])


def test_a_changed_analysis_of_the_same_article_replaces_the_old(example_dossier):
    store = open_store(":memory:")
    store.save_dossier(example_dossier)
    changed = example_dossier.with_(warnings=example_dossier.warnings + ("re-analysed with new evidence",))
    assert store.save_dossier(changed) is True
    assert store.count() == 1
    assert store.get_dossier(example_dossier.article.id).warnings[-1] == "re-analysed with new evidence"


def _open_at_once(path, barrier, results, kind):
    barrier.wait()
    try:
        if kind == "evidence":
            from veracity.store.evidence import connect

            connect(path).close()
        else:
            open_store(path).close()
        results.put("ok")
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        results.put(f"{type(exc).__name__}: {exc}")


def test_migrations_are_safe_when_processes_open_a_new_database_at_once(tmp_path):
    """Issue 18 #7: two processes opening a new database at once: one failed with "migration
    dossier v1 failed: table articles already exists" (then "database is locked" on the WAL switch)."""
    import multiprocessing as mp
    import sqlite3

    ctx = mp.get_context("fork")
    for trial in range(10):
        path = str(tmp_path / f"v{trial}.db")
        kinds = ["dossier", "dossier", "evidence", "dossier"] if trial % 2 else ["dossier"] * 3
        barrier, results = ctx.Barrier(len(kinds)), ctx.Queue()
        procs = [ctx.Process(target=_open_at_once, args=(path, barrier, results, k)) for k in kinds]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        assert [results.get(timeout=5) for _ in procs] == ["ok"] * len(kinds)
        rows = sqlite3.connect(path).execute("SELECT namespace, version FROM schema_migrations ORDER BY 1, 2").fetchall()
        assert rows == ([("dossier", 1), ("evidence", 1), ("evidence", 2)] if trial % 2 else [("dossier", 1)])


def test_id_prefix_is_literal_not_a_like_pattern(example_dossier):
    """Issue 18 #8: `veracity show a_042___________` returned a dossier: "_" was a LIKE wildcard."""
    store = open_store(":memory:")
    store.save_dossier(example_dossier)
    ident = example_dossier.article.id
    assert store.get_dossier(ident[:6]).article.id == ident  # a real prefix still works
    for pattern in (ident[:2] + "_" * (len(ident) - 2), ident[:4] + "%", "a\\" + ident[2:5], "_" * 4):
        with pytest.raises(InputError, match="no stored dossier"):
            store.get_dossier(pattern)
