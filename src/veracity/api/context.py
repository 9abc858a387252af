"""What the routes of one app share: options, settings, the store and its workspace, the pool,
the job table, and the evidence index; plus the one way an article is analysed and kept."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .. import analysis
from ..errors import VeracityError
from ..records import Article, Dossier
from ..options import Options
from ..retrieval.index import EvidenceIndex
from ..store.protocol import DossierStore, StoreWorkspace
from .errors import ApiError, scrub
from .jobs import JobTable
from .settings import ServerSettings
from .workers import AnalysisPool, Readiness

log = logging.getLogger("veracity.api")

# A dossier id is "a_" and 16 hex digits (model.content_id); a unique prefix of one also finds
# it. A claim id is "c_" and hex digits. Anything else cannot name one: 404 without asking.
ARTICLE_ID_PATTERN = r"a_[0-9a-f]{1,16}"
CLAIM_ID_PATTERN = r"c_[0-9a-f]{1,32}"


@dataclass
class ApiContext:
    options: Options
    settings: ServerSettings
    store: DossierStore | None  # None: the server keeps no dossiers
    workspace: StoreWorkspace | None  # on either store; None without one
    pool: AnalysisPool
    jobs: JobTable
    ready: Readiness
    analyse: Callable[[Article, Options], Dossier]
    evidence_lock: threading.Lock = field(default_factory=threading.Lock)
    _evidence: Any = None

    @property
    def paths(self) -> tuple[str | None, ...]:
        return (self.options.db_path, self.options.evidence_db)

    def need_store(self) -> DossierStore:
        if self.store is None:
            raise ApiError(404, "not_found", "this server keeps no dossiers (start it with --db)")
        return self.store

    def need_workspace(self) -> StoreWorkspace:
        self.need_store()
        if self.workspace is None:
            raise ApiError(501, "not_implemented", "this store has no workspace (article list, search, reviews)")
        return self.workspace

    def analyse_and_keep(self, article: Article, keep: bool = True, abandoned: threading.Event | None = None) -> Dossier:
        """Analyse an article and, unless told not to (or abandoned by a timed-out request), store it."""
        d = self.analyse(article, self.options)
        self.ready.loaded()
        if self.store is not None and keep and not (abandoned is not None and abandoned.is_set()):
            self.store.save_dossier(d)
            if self.workspace is not None:
                self.workspace.sync([d.article.id])
        return d

    def error_dict(self, exc: Exception, source: str | None = None) -> dict:
        """An error as a job or results entry: code and message (no server path), and the input's name."""
        if isinstance(exc, VeracityError):
            return {"code": exc.code, "message": scrub(exc.message, self.paths), "source": source or exc.source}
        log.exception("analysis of %s failed", source)
        return {"code": "internal", "message": "the analysis failed; the server log has the details", "source": source}

    # ------------------------------------------------------------------ evidence
    @property
    def evidence_db(self) -> str | None:
        return self.options.evidence_db

    def evidence_index(self, create: bool = False):
        """The server's evidence index (None when not configured, or not created yet and not ``create``)."""
        db = self.evidence_db
        if not db:
            return None
        if self._evidence is None:
            if not create and db != ":memory:" and not Path(db).exists():
                return None
            self._evidence = EvidenceIndex(db)
        return self._evidence

    def add_evidence(self, articles):
        """Index ``articles`` (texts already there are skipped) under the evidence lock; returns the
        index's counts. New documents reach the next analysis (:meth:`evidence_changed`)."""
        with self.evidence_lock:
            counts = self.evidence_index(create=True).add(articles)
        if counts.added:
            self.evidence_changed()
        return counts

    def evidence_changed(self) -> None:
        """New evidence was indexed: the next analysis builds its stages afresh, so verification
        and corroboration read the index as it is now (the models stay loaded)."""
        analysis.pipeline_for.cache_clear()
