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
