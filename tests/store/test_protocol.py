"""Both stores and both workspaces satisfy their protocol (veracity.store.protocol), compared
with ``inspect``: the same public methods on the SQLite and the PostgreSQL class (a method
added to one and not the other fails here), each with the protocol's parameters, defaults and
annotations; and an opened store and workspace pass ``isinstance`` on either database."""

from __future__ import annotations

import inspect

import pytest

from veracity.store import DossierStore, PostgresStore, Store, StoreWorkspace, open_store, open_workspace
from veracity.store.workspace import Workspace

# Public methods one implementation has beyond its protocol, and why.
EXTRAS = {
    Workspace: {"for_store"},  # a classmethod constructor from any store (None unless SQLite), not a workspace call
}


def _methods(cls: type) -> dict[str, object]:
    """Public callables a class defines or inherits (not object's, not dunders)."""
    return {name: member for name, member in inspect.getmembers(cls, callable)
            if not name.startswith("_") and not hasattr(object, name)}


def _protocol_methods(proto: type) -> dict[str, object]:
    return {name: member for name, member in vars(proto).items() if inspect.isfunction(member) and not name.startswith("_")}


def _pg_workspace() -> type:
    pytest.importorskip("psycopg", reason="the PostgreSQL workspace imports psycopg")
    from veracity.store.pg_workspace import PostgresWorkspace

    return PostgresWorkspace


def _pairs():
    return [(DossierStore, Store, lambda: PostgresStore), (StoreWorkspace, Workspace, _pg_workspace)]


def mismatches(proto: type, cls: type) -> list[str]:
    """How ``cls`` departs from ``proto``: methods it lacks, public methods it has beyond it, and
    methods whose signature (parameters, kinds, defaults, annotations, return) differs."""
    wanted, have = _protocol_methods(proto), _methods(cls)
    out = [f"{cls.__name__} lacks {name}" for name in sorted(set(wanted) - set(have))]
    out += [f"{cls.__name__} has {name}, which {proto.__name__} lacks"
            for name in sorted(set(have) - set(wanted) - EXTRAS.get(cls, set()))]
    for name in sorted(set(wanted) & set(have)):
        got, expected = inspect.signature(have[name]), inspect.signature(wanted[name])
        if got != expected:
            out.append(f"{cls.__name__}.{name}{got} is not {proto.__name__}.{name}{expected}")
    return out


@pytest.mark.parametrize("proto, sqlite, postgres", _pairs(), ids=["store", "workspace"])
def test_both_implementations_have_the_protocols_methods_and_signatures(proto, sqlite, postgres):
    assert _protocol_methods(proto), proto
    for cls in (sqlite, postgres()):
        assert mismatches(proto, cls) == []


def test_the_check_sees_a_method_added_removed_or_changed():
    """A check on the checker."""
    class Wider(Store):
        def vacuum(self) -> None: ...

    class Narrower(Store):
        count = None  # type: ignore[assignment]

    class Changed(Store):
        def list_articles(self, limit: int = 100, offset: int = 0) -> list[dict]:
            return []

    assert mismatches(DossierStore, Wider) == ["Wider has vacuum, which DossierStore lacks"]
    assert mismatches(DossierStore, Narrower) == ["Narrower lacks count"]
    assert [m.split("(")[0] for m in mismatches(DossierStore, Changed)] == ["Changed.list_articles"]


def test_an_opened_sqlite_store_and_its_workspace_satisfy_the_protocols(tmp_path):
    store = open_store(str(tmp_path / "v.db"))
    try:
        ws = open_workspace(store)
        assert isinstance(store, DossierStore) and isinstance(ws, StoreWorkspace)
        assert store.schema_version == 1 and ws.schema_version == 2
    finally:
        store.close()


def test_an_opened_postgres_store_and_its_workspace_satisfy_the_protocols(pg_url):
    store = open_store(pg_url)
    try:
        ws = open_workspace(store)
        assert isinstance(store, DossierStore) and isinstance(ws, StoreWorkspace)
        assert store.schema_version == 1 and ws.schema_version == 1
    finally:
        store.close()
