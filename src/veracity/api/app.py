"""REST API and a minimal web UI over the same library calls as the CLI.

    veracity serve --db veracity.db --port 8000

The API never fetches a URL it is given (``url`` is metadata only). Bodies over the input
limit are refused before they are parsed. Errors are JSON: {"error": {code, message, source}}.
"""

from __future__ import annotations

import json

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from .. import SCHEMA_VERSION, __version__
from ..analysis import analyze_article
from ..errors import InputError, VeracityError
from ..ingest.text import make_article
from ..model import dossier_to_dict
from ..options import Options
from ..report import render
from ..store import open_store

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


class AnalyzeRequest(BaseModel):
    text: str = Field(..., description="The article text, exactly as it should be analysed.")
    title: str | None = None
    outlet: str | None = None
    url: str | None = Field(None, description="Metadata only: never fetched.")
    published: str | None = Field(None, description="ISO date, to resolve relative dates.")
    store: bool = True


def create_app(options: Options | None = None) -> FastAPI:
    options = options or Options()
    app = FastAPI(title="veracity", version=__version__, description="What a news report claims, who says so, and what stands behind it.")
    store = open_store(options.db_path) if options.db_path else None

    @app.exception_handler(VeracityError)
    async def _error(request: Request, exc: VeracityError):
        return JSONResponse({"error": exc.to_dict()}, status_code=exc.http_status)

    @app.middleware("http")
    async def _limit(request: Request, call_next):
        size = request.headers.get("content-length")
        if size and size.isdigit() and int(size) > options.max_input_bytes:
            err = InputError(f"request body is {int(size):,} bytes, over the {options.max_input_bytes:,} limit")
            return JSONResponse({"error": err.to_dict()}, status_code=413)
        return await call_next(request)

    @app.get("/", response_class=HTMLResponse)
    def ui() -> str:
        return UI_PAGE

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok", "version": __version__, "schema_version": SCHEMA_VERSION, "store": bool(store)}

    @app.post("/v1/analyze")
    def analyze(req: AnalyzeRequest, format: str = "json") -> Response:
        article = make_article(req.text, "<request>", options, kind="api", title=req.title, outlet=req.outlet,
                               url=req.url, published=req.published)
        d = analyze_article(article, options)
        if store is not None and req.store:
            store.save_dossier(d)
        return _respond(d, format)

    @app.get("/v1/dossiers")
    def dossiers(limit: int = 50, offset: int = 0) -> dict:
        if store is None:
            raise InputError("this server has no store (start it with --db)")
        return {"items": store.list_articles(limit=min(max(limit, 1), 500), offset=max(offset, 0))}

    @app.get("/v1/dossiers/{ident}")
    def dossier(ident: str, format: str = "json") -> Response:
        if store is None:
            raise InputError("this server has no store (start it with --db)")
        return _respond(store.get_dossier(ident), format)

    return app


def _respond(d, fmt: str) -> Response:
    if fmt == "json":
        return JSONResponse(dossier_to_dict(d))
    if fmt == "html":
        return HTMLResponse(render([d], "html"))
    if fmt == "md":
        return Response(render([d], "md"), media_type="text/markdown; charset=utf-8")
    if fmt == "claimreview":
        return JSONResponse(json.loads(render([d], "claimreview")))
    raise InputError(f"unknown format {fmt!r}; use json, html, md or claimreview")
