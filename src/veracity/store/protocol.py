"""What every store offers, whichever database holds it: the protocols the API, the batch
runner, the CLI and the Python API type against.

- :class:`DossierStore`: the dossiers, by article (:func:`veracity.store.open_store` gives one):
  :class:`veracity.store.Store` on SQLite, :class:`veracity.store.postgres.PostgresStore` on
  PostgreSQL.
- :class:`StoreWorkspace`: the fact-checker's workspace over a store (article list, full-text
  search, sourcing overview, reviews; :func:`veracity.store.open_workspace` gives one):
  :class:`veracity.store.workspace.Workspace` (FTS5) and
  :class:`veracity.store.pg_workspace.PostgresWorkspace` (PostgreSQL full-text search).

Both are ``runtime_checkable``. ``tests/store/test_protocol.py`` holds each pair to its
protocol with ``inspect``: the same public methods (a method added to one class and not the
other fails it), each with the protocol's signature, defaults and annotations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Protocol, runtime_checkable

if TYPE_CHECKING:
    from ..records import Dossier


@runtime_checkable
class DossierStore(Protocol):
    """Dossiers keyed by their article's content hash; saving the same dossier again is a no-op."""

    path: str  # for messages: the file, or a server's host and database (never a password)
    schema_version: int  # the version of the dossier tables in force

    def close(self) -> None: ...

    def save_dossier(self, d: Dossier) -> bool:
        """Store a dossier (replacing the article's older one); False when exactly this one was there."""
        ...

    def get_dossier(self, ident: str) -> Dossier:
        """The dossier of an article id or a unique prefix of one (else an ``InputError``)."""
        ...

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[dict]:
        """A page of stored articles, newest analysis first, each with its number of claims."""
        ...

    def article_ids(self) -> set[str]: ...

    def count(self) -> int:
        """How many dossiers are stored."""
        ...


@runtime_checkable
class StoreWorkspace(Protocol):
    """The workspace's calls, with the same answers in the same shapes on either store."""

    schema_version: int  # the version of the workspace tables in force

    def sync(self, article_ids: Iterable[str] | None = None) -> int:
        """Bring the derived rows up to date with the stored dossiers (all, or these)."""
        ...

    def articles(self, *, sort: str = "analysed", descending: bool = True, outlet: str | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
        """A page of the article list and the number of articles matching the filter."""
        ...

    def article(self, article_id: str) -> dict | None: ...

    def outlets(self) -> list[str]: ...

    def search(self, q: str, limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
        """Claims and sources matching every word of ``q``, best first, and how many match."""
        ...

    def sources_overview(self, limit: int = 20) -> dict: ...

    def claim_article(self, claim_id: str) -> str | None: ...

    def add_review(self, claim_id: str, *, status: str, rating: str | None, note: str | None, reviewer: str | None) -> dict | None:
        """Record a review (history is kept); None when the claim is not stored."""
        ...

    def reviews(self, claim_id: str) -> list[dict]: ...

    def current_reviews(self, article_id: str) -> dict[str, dict]: ...
