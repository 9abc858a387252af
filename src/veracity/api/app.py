"""REST API and the fact-checker's workspace (web UI) over the same library calls as the CLI.

    VERACITY_API_TOKEN=... veracity serve --db veracity.db --evidence-db evidence.db --host 0.0.0.0 --allowed-host news.example.org

Endpoints (OpenAPI at ``/openapi.json``; Swagger UI at ``/docs``, ReDoc at ``/redoc`` and a
plain reference at ``/docs/reference``, all served locally, :mod:`veracity.api.docs`):
``POST /v1/analyze?format=json|html|md|claimreview`` (JSON ``{text | html, title, outlet,
url, published}`` or multipart files), ``POST /v1/jobs`` + ``GET /v1/jobs/{id}`` (the
same, as a job with progress), ``GET /v1/articles`` and ``/v1/articles/{id}``, ``GET
/v1/claims?q=`` (full-text search over claims and sources), ``PUT /v1/claims/{id}/review``,
``GET /v1/articles/{id}/claimreview`` (from people's reviews only), ``GET``/``POST
/v1/evidence``, ``GET /v1/stories``, ``GET /v1/sources``, the older ``GET /v1/dossiers`` and
``/v1/dossiers/{id}``, ``GET /healthz`` (alive: answers from the event loop, never behind an
analysis) and ``GET /readyz`` (models loaded, store reachable; 503 until then). The pages are
in :mod:`veracity.api.ui`. With an evidence index (``options.evidence_db``) every analysis also
runs the verify and corroborate stages. The API never fetches a URL it is given (``url`` is
metadata).

Every error has one shape, validation errors included (:mod:`veracity.api.errors`)::

    {"error": {"code": "not_found", "message": "no stored dossier with id 'a_00'", "details": null}}

Codes: ``unauthorized`` 401, ``host_not_allowed`` 400, ``cross_site`` 403, ``too_large`` 413,
``validation`` 422 (``details`` lists ``{"loc", "msg", "type"}``), ``input``/``language`` 422
(the text cannot be analysed), ``not_found`` 404, ``ambiguous`` 409 (an id prefix matching
several dossiers), ``method_not_allowed`` 405, ``not_implemented`` 501 (a store with no
workspace), ``busy`` 503 (with Retry-After), ``not_ready`` 503, ``timeout`` 504, ``internal``
500. No body carries a server path or a traceback.

Guards, outermost first (:mod:`veracity.api.security`, :mod:`veracity.api.headers`): the Host
allow-list (loopback names by default, against DNS rebinding), CORS only when origins are
configured (off by default), the bearer token when ``VERACITY_API_TOKEN`` is set (every path
but /healthz, /readyz, /login, /logout and /static, compared in constant time; a browser
signs in at /login for a session cookie instead, :mod:`veracity.api.login`), the cross-site
write check (a browser page of another origin cannot POST or PUT), the body limit counted while the body streams
in, and security headers (a strict Content-Security-Policy on every page). Analyses and jobs
run in a bounded thread pool with a timeout (:mod:`veracity.api.workers`); limits are named
in :mod:`veracity.api.settings`. Requests are validated (format, id, body, dates) before any
analysis runs or anything is stored.
"""

from __future__ import annotations

import asyncio
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, Callable, Literal

from fastapi import FastAPI, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response

from .. import SCHEMA_VERSION, __version__, analysis
from ..records import Article, Dossier, dossier_to_dict
from ..options import Options, with_evidence_stages
from ..report.registry import formats, renderer
from ..store import DossierStore, open_store, open_workspace
from . import docs, errors, evidence_folder, inputs, login, routes, ui
from .context import ApiContext
from .errors import ApiError, error_response
from .headers import REPORT_CSP, CrossSiteMiddleware, SecurityHeadersMiddleware
from .jobs import JobTable
from .routes import ANALYSIS_BODY, load_dossier, result_of
from .schemas import ERRORS, ErrorResponse
from .security import BearerTokenMiddleware, BodyLimitMiddleware, HostAllowListMiddleware, check_token
from .settings import READY_CHECK_TIMEOUT_S, ServerSettings
from .workers import AnalysisPool, Readiness

# The renderings a response can take (the report registry's web formats: json, html, md,
# claimreview); anything else is a validation error before any work.
WEB_FORMATS = formats(web=True)
Format = Literal[WEB_FORMATS]  # type: ignore[valid-type]

# A dossier id is "a_" and 16 hex digits (model.content_id); a unique prefix of one also
# finds it. Anything else cannot name a dossier: 404 without asking the store (and no "_"
# or "%" reaches its LIKE).
DOSSIER_ID = re.compile(r"a_[0-9a-f]{1,16}")

# Largest page of the dossier list: one request must not serialise the whole store.
MAX_PAGE = 500

# Articles one synchronous request may analyse (an upload can hold a corpus): at 1-3 s an
# article this stays inside the analysis timeout; more go through a job with progress.
MAX_SYNC_ARTICLES = 10

API_DESCRIPTION = ("What a news report claims, who says so, and what stands behind it. Every error has one shape: "
                   '`{"error": {"code", "message", "details"}}`.')
TAGS = [
    {"name": "analysis", "description": "Analyse articles: at once, or as a job with progress."},
    {"name": "articles", "description": "Stored articles and dossiers, search across claims and sources."},
    {"name": "reviews", "description": "People's reviews of claims, and ClaimReview built from them."},
    {"name": "evidence", "description": "The evidence index and the stories across it."},
    {"name": "probes", "description": "Liveness and readiness, open without a token."},
]

Analyse = Callable[[Article, Options], Dossier]


def _default_analyse(article: Article, options: Options) -> Dossier:
    return analysis.analyze_article(article, options)


def _default_warm(options: Options) -> Callable[[], Any]:
    def warm() -> None:
        analysis.pipeline_for(options)  # builds the stages: checks the model hashes and loads them

    return warm


def create_app(options: Options | None = None, settings: ServerSettings | None = None, *,
               analyse: Analyse | None = None, warm: Callable[[], Any] | None = None) -> FastAPI:
    """The API and web UI over ``options``' store and pipeline.

    ``settings`` default to :meth:`ServerSettings.from_env` (the token from
    ``VERACITY_API_TOKEN``, loopback Host names only). With ``options.evidence_db`` (``serve
    --evidence-db``, or ``evidence_db`` in the config) every analysis also verifies and
    corroborates its claims against that index. ``analyse`` replaces the pipeline and ``warm``
    the model loading /readyz waits for (tests inject slow or fake ones)."""
    options = options or Options()
    if options.evidence_db:
        options = options.replace(stages=with_evidence_stages(options.stages))
    settings = settings or ServerSettings.from_env()
    check_token(settings.token)  # a weak token is refused wherever the app runs
    analyse = analyse or _default_analyse
    if warm is None:
        warm = _default_warm(options) if analyse is _default_analyse else (lambda: None)
    store = open_store(options.db_path) if options.db_path else None
    pool = AnalysisPool(settings.analysis_workers, settings.analysis_queue, settings.analysis_timeout_s)
    ready = Readiness(pool, warm)
    probe = _StoreProbe(store)
    ctx = ApiContext(options=options, settings=settings, store=store, workspace=open_workspace(store) if store else None,
                     pool=pool, jobs=JobTable(pool), ready=ready, analyse=analyse)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        ready.start()
        yield
        pool.shutdown()

    # The docs pages are served from this package (veracity.api.docs): nothing from a CDN.
    app = FastAPI(title="veracity", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  description=API_DESCRIPTION, openapi_tags=TAGS)
    errors.install(app, paths=(options.db_path, options.evidence_db))
    # add_middleware wraps: the last added runs first. Order of a request: Host, CORS, token,
    # cross-site check, body, and the security headers on every response.
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=options.max_input_bytes)
    app.add_middleware(CrossSiteMiddleware, trusted_origins=settings.cors_origins)
    if settings.token is not None:
        app.add_middleware(BearerTokenMiddleware, token=settings.token)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST", "PUT"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(HostAllowListMiddleware, allowed_hosts=settings.allowed_hosts)
    app.state.pool, app.state.readiness, app.state.settings, app.state.ctx = pool, ready, settings, ctx

    @app.get("/healthz", summary="Liveness: the server answers", tags=["probes"])
    async def healthz() -> dict:
        # On the event loop, touching nothing: analyses run in the pool, so this never waits on one.
        return {"status": "ok"}

    @app.get("/readyz", summary="Readiness: models loaded and store reachable", tags=["probes"],
             responses={503: {"model": ErrorResponse}})
    async def readyz() -> Response:
        ready.start()
        checks = {"models": ready.models, "store": await probe.check()}
        if checks["models"] == "ready" and checks["store"] in ("ok", "none"):
            return JSONResponse({"status": "ready", "checks": checks})
        return error_response(503, "not_ready", "not ready yet", {"checks": checks}, headers={"Retry-After": "1"})

    @app.post("/v1/analyze", summary="Analyse text, a pasted page or uploaded files into dossiers", tags=["analysis"],
              responses={200: {"description": "The dossier (JSON: the versioned schema), or its rendering"}, **ERRORS,
                         409: {"model": ErrorResponse}, 504: {"model": ErrorResponse}},
              openapi_extra=ANALYSIS_BODY)
    async def analyze(request: Request, fmt: Format = Query("json", alias="format")) -> Response:
        """JSON `{text | html, title, outlet, url, published}` gives one dossier. A multipart
        upload gives `{"results": [{source, ok, dossier | error}]}` (json), or the rendering of
        every dossier (html, md, claimreview). Up to %d articles; more belong in `POST /v1/jobs`.""" % MAX_SYNC_ARTICLES
        req, files = await inputs.read_request(request)
        abandoned = threading.Event()

        def job() -> Response:
            if not files:
                article = inputs.pasted_article(req, options)
                return _respond(ctx.analyse_and_keep(article, req.store, abandoned), fmt)
            found = inputs.uploaded_articles(files, req, options)
            if len(found) > MAX_SYNC_ARTICLES:
                raise ApiError(422, "input", f"{len(found)} articles in one request, over {MAX_SYNC_ARTICLES}; "
                               "start a job with POST /v1/jobs instead")
            results, good = [], []
            for item in found:
                entry, d = result_of(ctx, item, req.store and not abandoned.is_set())
                if d is not None:
                    entry = {"ok": True, "source": entry["source"], "dossier": dossier_to_dict(d)}
                    good.append(d)
                results.append(entry)
            if fmt == "json":
                return JSONResponse({"schema_version": SCHEMA_VERSION, "results": results})
            return _respond_many(good, fmt)

        return await pool.run(job, on_timeout=abandoned.set)

    @app.get("/v1/dossiers", summary="Stored dossiers, newest first", tags=["articles"])
    def dossiers(limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)) -> dict:
        return {"items": ctx.need_store().list_articles(limit=limit, offset=offset)}

    @app.get("/v1/dossiers/{ident}", summary="One stored dossier by id or unique id prefix", tags=["articles"],
             responses={**ERRORS, 409: {"model": ErrorResponse}})
    def dossier(ident: str, fmt: Format = Query("json", alias="format")) -> Response:
        ctx.need_store()
        if not DOSSIER_ID.fullmatch(ident):
            raise ApiError(404, "not_found", f"no stored dossier with id {ident[:40]!r}")
        return _respond(load_dossier(ctx, ident), fmt)

    routes.install(app, ctx)
    evidence_folder.install(app, ctx)
    docs.install(app)
    ui.install(app, ctx)
    login.install(app, ctx)
    return app


def _version() -> str:
    return __version__


class _StoreProbe:
    """/readyz's store check: a count in a thread, at most one at a time, bounded in time."""

    def __init__(self, store: DossierStore | None) -> None:
        self.store = store
        self._future = None
        self._executor = None

    async def check(self) -> str:
        if self.store is None:
            return "none"
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veracity-ready")
        if self._future is None or self._future.done():
            self._future = self._executor.submit(self.store.count)
        try:
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(self._future)), READY_CHECK_TIMEOUT_S)
        except Exception:
            return "unreachable"
        return "ok"


def _respond(d: Dossier, fmt: str) -> Response:
    return _respond_many([d], fmt)


def _respond_many(ds: list[Dossier], fmt: str) -> Response:
    """The dossiers in format ``fmt``, with the media type the report registry gives it."""
    try:
        r = renderer(fmt)
    except ValueError:
        r = None
    if r is None or not r.web:
        raise ApiError(422, "validation", f"unknown format {fmt!r}; use {', '.join(WEB_FORMATS[:-1])} or {WEB_FORMATS[-1]}")
    if r.data is not None:
        return JSONResponse(r.data(ds), media_type=r.media_type)
    headers = None
    if r.media_type.startswith("text/html"):
        # The self-contained report carries its style and script inline: its own policy, not the workspace's.
        headers = {"Content-Security-Policy": REPORT_CSP, "X-Frame-Options": "SAMEORIGIN"}
    return Response(r.render(ds), media_type=r.media_type, headers=headers)
