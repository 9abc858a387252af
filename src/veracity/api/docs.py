"""The API's documentation pages, all from this server: nothing is loaded from a CDN.

- ``/docs``: Swagger UI, and ``/redoc``: ReDoc, both reading ``/openapi.json``. FastAPI's own
  pages load these from a CDN, so offline they are blank; here the assets are the files the
  ``fastapi-offline`` package ships (``fastapi_offline/static``: ``swagger-ui-bundle.js``,
  ``swagger-ui.css``, ``redoc.standalone.js``), served from the installed package at
  ``/static/apidocs/`` (:data:`ASSETS_URL`), not copied into this tree. Each page is started by
  ``/static/docs-ui.js`` (no inline script). They get their own Content-Security-Policy,
  :data:`veracity.api.headers.DOCS_CSP`: the workspace's, plus inline styles, which ReDoc
  (``<style>`` elements) and Swagger UI (``style`` attributes) need; scripts, images and
  requests stay on this server. So Swagger UI's online validator is off, ReDoc's search is off
  (its worker would come from a blob: URL) and ReDoc's one remote image, Redocly's logo, is
  never requested (see the script).
- ``/docs/reference``: the same document rendered on the server as plain HTML, every
  operation with its summary, description, parameters, request body and responses, and every
  schema. It needs no script (so it works with JavaScript off and under the workspace's strict
  policy) and is the accessible one; the Swagger and ReDoc pages link to it.

With a token (``VERACITY_API_TOKEN``) the three pages are like every workspace page: a
browser signs in first (:mod:`veracity.api.login`), and ``/openapi.json`` needs the token or
the session, as before. The assets under ``/static/`` are public files, as the workspace's own are.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .headers import DOCS_CSP
from .inputs import AnalyzeRequest
from .ui import render_page

# Where fastapi-offline's Swagger UI and ReDoc files are served. Under /static/, so with a
# token they are open like the workspace's own script and stylesheet (public files, no data).
ASSETS_URL = "/static/apidocs"
# The package directory they are served from (read in place, never copied).
ASSETS_PACKAGE = "fastapi_offline"

METHODS = ("get", "post", "put", "patch", "delete")
# How deep a schema is written out inline before it is named by reference only.
MAX_SCHEMA_DEPTH = 3


def _type(schema: dict, depth: int = 0) -> str:
    """A short human reading of a JSON schema: 'string', 'list of ArticleRow', 'A | B'."""
    if not isinstance(schema, dict):
        return "any"
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " | ".join(_type(s, depth + 1) for s in schema[key])
    if "enum" in schema:
        return "one of " + ", ".join(json.dumps(v) for v in schema["enum"])
    if "const" in schema:
        return json.dumps(schema["const"])
    t = schema.get("type", "object")
    if t == "array":
        return "list of " + _type(schema.get("items", {}), depth + 1)
    if t == "object" and "additionalProperties" in schema and isinstance(schema["additionalProperties"], dict):
        return "map of " + _type(schema["additionalProperties"], depth + 1)
    fmt = schema.get("format")
    return f"{t} ({fmt})" if fmt else str(t)


def _operations(spec: dict) -> list[dict]:
    ops = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not op:
                continue
            body = []
            for ctype, media in (op.get("requestBody", {}).get("content") or {}).items():
                schema = media.get("schema", {})
                props = schema.get("properties") if isinstance(schema, dict) else None
                body.append({"type": ctype, "schema": _type(schema),
                             "fields": [{"name": k, "type": _type(v), "description": v.get("description", "")}
                                        for k, v in (props or {}).items()]})
            responses = []
            for status, r in sorted((op.get("responses") or {}).items()):
                schema = next(iter((r.get("content") or {}).values()), {}).get("schema")
                responses.append({"status": status, "description": r.get("description", ""),
                                  "schema": _type(schema) if schema else ""})
            ops.append({
                "id": f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", ""),
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "tags": op.get("tags", []),
                "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                            "type": _type(p.get("schema", {})), "description": p.get("description", "")}
                           for p in op.get("parameters", [])],
                "body": body, "responses": responses,
            })
    return ops


def _schemas(spec: dict) -> list[dict]:
    out = []
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        out.append({"name": name, "description": schema.get("description", ""),
                    "fields": [{"name": k, "type": _type(v), "required": k in required, "description": v.get("description", "")}
                               for k, v in (schema.get("properties") or {}).items()],
                    "enum": schema.get("enum")})
    return out


def reference(spec: dict[str, Any]) -> dict:
    """What the reference page shows, grouped by tag in the document's order."""
    ops = _operations(spec)
    tags = [t["name"] for t in spec.get("tags", [])] + sorted({t for o in ops for t in o["tags"]})
    groups = []
    for tag in dict.fromkeys(tags + ["other"]):
        items = [o for o in ops if (o["tags"][:1] or ["other"])[0] == tag]
        if items:
            desc = next((t.get("description", "") for t in spec.get("tags", []) if t["name"] == tag), "")
            groups.append({"tag": tag, "description": desc, "operations": items})
    return {"info": spec.get("info", {}), "groups": groups, "schemas": _schemas(spec)}


def install(app: FastAPI) -> None:
    plain = app.openapi

    def openapi() -> dict:
        # The analysis endpoints read their body themselves (JSON or multipart), so FastAPI
        # does not see the JSON model: add it to the document their request bodies refer to.
        if app.openapi_schema is None:
            spec = plain()
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            schemas["AnalyzeRequest"] = AnalyzeRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        return app.openapi_schema or spec

    app.openapi = openapi  # type: ignore[method-assign]
    token_mode = app.state.settings.token is not None  # the pages then offer "Sign out"
    openapi_url = app.openapi_url or "/openapi.json"

    # Mounted before ui.install mounts /static, so this more specific mount answers first.
    assets = resources.files(ASSETS_PACKAGE).joinpath("static")
    app.mount(ASSETS_URL, StaticFiles(directory=str(assets)), name="apidocs")

    def ui_page(view: str, title: str) -> HTMLResponse:
        body = render_page("docs_ui.html", view=view, title=title, assets=ASSETS_URL, openapi_url=openapi_url,
                           token_mode=token_mode)
        return HTMLResponse(body, headers={"Content-Security-Policy": DOCS_CSP})

    def swagger() -> HTMLResponse:
        return ui_page("swagger", "API: Swagger UI")

    def redoc() -> HTMLResponse:
        return ui_page("redoc", "API: ReDoc")

    def reference_page() -> HTMLResponse:  # the workspace's strict policy (set by the headers middleware)
        return HTMLResponse(render_page("docs.html", active="docs", title="API reference", ref=reference(app.openapi()),
                                        token_mode=token_mode))

    app.add_api_route("/docs", swagger, methods=["GET"], include_in_schema=False)
    app.add_api_route("/redoc", redoc, methods=["GET"], include_in_schema=False)
    app.add_api_route("/docs/reference", reference_page, methods=["GET"], include_in_schema=False)
