"""REST API and a minimal web UI over the same library calls as the CLI.

    VERACITY_API_TOKEN=... veracity serve --db veracity.db --host 0.0.0.0 --allowed-host news.example.org

Endpoints: ``GET /`` (web UI), ``POST /v1/analyze?format=json|html|md|claimreview``,
``GET /v1/dossiers``, ``GET /v1/dossiers/{id}?format=...``, ``GET /healthz`` (alive: answers
from the event loop, never behind an analysis) and ``GET /readyz`` (models loaded, store
reachable; 503 until then). The API never fetches a URL it is given (``url`` is metadata).

Every error has one shape, validation errors included (:mod:`veracity.api.errors`)::

    {"error": {"code": "not_found", "message": "no stored dossier with id 'a_00'", "details": null}}

Codes: ``unauthorized`` 401, ``host_not_allowed`` 400, ``too_large`` 413, ``validation`` 422
(``details`` lists ``{"loc", "msg", "type"}``), ``input``/``language`` 422 (the text cannot be
analysed), ``not_found`` 404, ``ambiguous`` 409 (an id prefix matching several dossiers),
``method_not_allowed`` 405, ``busy`` 503 (with Retry-After), ``not_ready`` 503, ``timeout`` 504,
``internal`` 500. No body carries a server path or a traceback.

Guards, outermost first (:mod:`veracity.api.security`): the Host allow-list (loopback names
by default, against DNS rebinding), CORS only when origins are configured (off by default),
the bearer token when ``VERACITY_API_TOKEN`` is set (every path but /healthz and /readyz,
compared in constant time), and the body limit counted while the body streams in. Analyses
run in a bounded thread pool with a timeout (:mod:`veracity.api.workers`); limits are named
in :mod:`veracity.api.settings`. Requests are validated (format, id, body) before any
analysis runs or anything is stored.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, Callable, Literal

from fastapi import FastAPI, Query
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from ..errors import InputError
from ..ingest.text import make_article
from ..model import Article, Dossier, dossier_to_dict
from ..options import Options
from ..report import render
from ..store import open_store
from . import errors
from .errors import ApiError, error_response
from .security import BearerTokenMiddleware, BodyLimitMiddleware, HostAllowListMiddleware, check_token
from .settings import READY_CHECK_TIMEOUT_S, ServerSettings
from .workers import AnalysisPool, Readiness

UI_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>veracity</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; frame-src 'self' blob:">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:1000px;margin:2rem auto;padding:0 1rem;color:#1d2430}
textarea{width:100%;height:14rem;font:inherit}input{font:inherit}button{font:inherit;padding:.3rem 1rem}
iframe{width:100%;height:80vh;border:1px solid #ccd;margin-top:1rem}#err{color:#b91c1c}</style></head>
<body><h1>veracity</h1><p>Paste a news report: see what it claims, who says so, and how it is sourced.</p>
<form id="f"><input id="title" placeholder="Title (optional)" size="50"> <input id="published" placeholder="Published YYYY-MM-DD" size="20">
<textarea id="text" placeholder="Article text"></textarea><button>Analyse</button> <span id="err"></span></form>
<iframe id="out" sandbox="allow-scripts" title="report"></iframe>
<script>
document.getElementById("f").addEventListener("submit", async function (ev) {
  ev.preventDefault();
  var err = document.getElementById("err"); err.textContent = "analysing…";
  var body = {text: document.getElementById("text").value, title: document.getElementById("title").value || null,
              published: document.getElementById("published").value || null};
  var r = await fetch("v1/analyze?format=html", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  if (!r.ok) { var e = await r.json(); err.textContent = e.error.message; return; }
  err.textContent = "";
  document.getElementById("out").srcdoc = await r.text();
});
</script></body></html>"""

# The renderings a response can take; anything else is a validation error before any work.
Format = Literal["json", "html", "md", "claimreview"]

# A dossier id is "a_" and 16 hex digits (model.content_id); a unique prefix of one also
# finds it. Anything else cannot name a dossier: 404 without asking the store (and no "_"
# or "%" reaches its LIKE).
DOSSIER_ID = re.compile(r"a_[0-9a-f]{1,16}")

# Largest page of the dossier list: one request must not serialise the whole store.
MAX_PAGE = 500

Analyse = Callable[[Article, Options], Dossier]


class AnalyzeRequest(BaseModel):
    text: str = Field(..., description="The article text, exactly as it should be analysed.")
    title: str | None = None
    outlet: str | None = None
    url: str | None = Field(None, description="Metadata only: never fetched.")
    published: str | None = Field(None, description="ISO date, to resolve relative dates.")
    store: bool = True


def _default_analyse(article: Article, options: Options) -> Dossier:
    from ..analysis import analyze_article

    return analyze_article(article, options)


def _default_warm(options: Options) -> Callable[[], Any]:
    def warm() -> None:
        from ..analysis import pipeline_for

        pipeline_for(options)  # builds the stages: checks the model hashes and loads them

    return warm


def create_app(options: Options | None = None, settings: ServerSettings | None = None, *,
               analyse: Analyse | None = None, warm: Callable[[], Any] | None = None) -> FastAPI:
    """The API over ``options``' store and pipeline.

    ``settings`` default to :meth:`ServerSettings.from_env` (the token from
    ``VERACITY_API_TOKEN``, loopback Host names only). ``analyse`` replaces the pipeline and
    ``warm`` the model loading /readyz waits for (tests inject slow or fake ones)."""
    options = options or Options()
    settings = settings or ServerSettings.from_env()
    check_token(settings.token)  # a weak token is refused wherever the app runs
    analyse = analyse or _default_analyse
    if warm is None:
        warm = _default_warm(options) if analyse is _default_analyse else (lambda: None)
    store = open_store(options.db_path) if options.db_path else None
    pool = AnalysisPool(settings.analysis_workers, settings.analysis_queue, settings.analysis_timeout_s)
    ready = Readiness(pool, warm)
    probe = _StoreProbe(store)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        ready.start()
        yield
        pool.shutdown()

    app = FastAPI(title="veracity", version=_version(), lifespan=lifespan,
                  description="What a news report claims, who says so, and what stands behind it.")
    errors.install(app, paths=(options.db_path, options.evidence_db))
    # add_middleware wraps: the last added runs first. Order of a request: Host, CORS, token, body.
    app.add_middleware(BodyLimitMiddleware, max_bytes=options.max_input_bytes)
    if settings.token is not None:
        app.add_middleware(BearerTokenMiddleware, token=settings.token)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(HostAllowListMiddleware, allowed_hosts=settings.allowed_hosts)
    app.state.pool, app.state.readiness, app.state.settings = pool, ready, settings

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def ui() -> str:
        return UI_PAGE

    @app.get("/healthz", summary="Liveness: the server answers")
    async def healthz() -> dict:
        # On the event loop, touching nothing: analyses run in the pool, so this never waits on one.
        return {"status": "ok"}

    @app.get("/readyz", summary="Readiness: models loaded and store reachable")
    async def readyz() -> Response:
        ready.start()
        checks = {"models": ready.models, "store": await probe.check()}
        if checks["models"] == "ready" and checks["store"] in ("ok", "none"):
            return JSONResponse({"status": "ready", "checks": checks})
        return error_response(503, "not_ready", "not ready yet", {"checks": checks}, headers={"Retry-After": "1"})

    @app.post("/v1/analyze", summary="Analyse an article into a dossier")
    async def analyze(req: AnalyzeRequest, fmt: Format = Query("json", alias="format")) -> Response:
        abandoned = threading.Event()

        def job() -> Response:
            article = make_article(req.text, "<request>", options, kind="api", title=req.title, outlet=req.outlet,
                                   url=req.url, published=req.published)
            d = analyse(article, options)
            ready.loaded()
            if store is not None and req.store and not abandoned.is_set():
                store.save_dossier(d)
            return _respond(d, fmt)

        return await pool.run(job, on_timeout=abandoned.set)

    @app.get("/v1/dossiers", summary="Stored dossiers, newest first")
    def dossiers(limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)) -> dict:
        return {"items": _need_store(store).list_articles(limit=limit, offset=offset)}

    @app.get("/v1/dossiers/{ident}", summary="One stored dossier by id or unique id prefix")
    def dossier(ident: str, fmt: Format = Query("json", alias="format")) -> Response:
        s = _need_store(store)
        if not DOSSIER_ID.fullmatch(ident):
            raise ApiError(404, "not_found", f"no stored dossier with id {ident[:40]!r}")
        try:
            d = s.get_dossier(ident)
        except InputError as exc:
            if "ambiguous" in exc.message:
                raise ApiError(409, "ambiguous", f"id prefix {ident!r} matches several dossiers; give more of it") from None
            raise ApiError(404, "not_found", f"no stored dossier with id {ident!r}") from None
        return _respond(d, fmt)

    return app


def _version() -> str:
    from .. import __version__

    return __version__


def _need_store(store):
    if store is None:
        raise ApiError(404, "not_found", "this server keeps no dossiers (start it with --db)")
    return store


class _StoreProbe:
    """/readyz's store check: a count in a thread, at most one at a time, bounded in time."""

    def __init__(self, store) -> None:
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
    if fmt == "json":
        return JSONResponse(dossier_to_dict(d))
    if fmt == "html":
        return HTMLResponse(render([d], "html"))
    if fmt == "md":
        return Response(render([d], "md"), media_type="text/markdown; charset=utf-8")
    if fmt == "claimreview":
        return JSONResponse(json.loads(render([d], "claimreview")))
    raise ApiError(422, "validation", f"unknown format {fmt!r}; use json, html, md or claimreview")
