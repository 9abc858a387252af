"""Two more guards for a server a browser talks to: no cross-site writes, and security headers.

- :class:`CrossSiteMiddleware`: a POST, PUT, PATCH or DELETE that a browser sends from
  another site's page (its ``Origin`` is not this server, or ``Sec-Fetch-Site`` says
  cross-site) is refused with 403 unless that origin is configured for CORS. Uploads are
  multipart forms, which any page may send to 127.0.0.1 without a CORS preflight; this keeps
  a page on the web from filling a local store or recording reviews. Clients that are not
  browsers send no ``Origin`` and are not affected. ``Origin: null`` (a sandboxed frame, a
  data: URL, or a plain form post under a no-referrer policy) passes only when the browser
  also says ``Sec-Fetch-Site: same-origin``, which no page can forge.
- :class:`SecurityHeadersMiddleware`: every response says ``nosniff`` and sends a referrer
  to this server only (``same-origin``: other sites get none, and a plain form post, like
  sign-in's, carries its real ``Origin`` for the check above; under ``no-referrer``
  browsers send ``Origin: null`` with it); HTML gets a strict Content-Security-Policy (scripts and styles only from this server, no
  inline code, nothing from elsewhere) unless the route set its own (the self-contained report's
  :data:`REPORT_CSP`, the Swagger UI and ReDoc pages' :data:`DOCS_CSP`), and may not be framed.
"""

from __future__ import annotations

from typing import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response

# Methods that change something; GET and HEAD only read (and OPTIONS is CORS's preflight).
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# The workspace's policy: everything from this server, no inline script or style, no plugins,
# no <base> rewriting, forms only to this server, and no framing by other sites.
WORKSPACE_CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                 "form-action 'self'; frame-ancestors 'none'")
# The self-contained report (format=html) carries its styles and script inline and loads
# nothing at all; this header says exactly that.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
# The Swagger UI (/docs) and ReDoc (/redoc) pages only (veracity.api.docs): the workspace's
# policy, plus inline styles, which ReDoc (<style> elements) and Swagger UI (style attributes)
# need. Scripts, requests, images and fonts still come from this server alone, and no inline
# script runs.
DOCS_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")

# No referrer to other sites; this server's own pages send one, so their plain form posts
# (sign in, sign out) carry a real Origin rather than "null".
REFERRER_POLICY = "same-origin"

_DEFAULT_PORTS = {"http": "80", "https": "443"}


def _origin_host(origin: str) -> str | None:
    try:
        parts = urlsplit(origin)
    except ValueError:
        return None
    if not parts.scheme or not parts.hostname:
        return None
    port = str(parts.port) if parts.port is not None else _DEFAULT_PORTS.get(parts.scheme, "")
    return f"{parts.hostname.lower()}:{port}"


def _host_header(host: str, scheme: str) -> str:
    host = host.strip().lower().rstrip(".")
    if host.startswith("["):
        name, _, port = host[1:].partition("]")
        port = port.lstrip(":")
    elif host.count(":") == 1:
        name, _, port = host.partition(":")
    else:
        name, port = host, ""
    return f"{name}:{port or _DEFAULT_PORTS.get(scheme, '')}"


class CrossSiteMiddleware:
    def __init__(self, app: ASGIApp, trusted_origins: Iterable[str] = ()) -> None:
        self.app = app
        self.trusted = frozenset(o.rstrip("/").lower() for o in trusted_origins)

    def allows(self, scope: Scope) -> bool:
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is not None:
            if origin == "null":  # an opaque origin: only the browser's own word that it is this server
                return headers.get("sec-fetch-site", "").lower() == "same-origin"
            if origin.rstrip("/").lower() in self.trusted:
                return True
            mine = _host_header(headers.get("host", ""), scope.get("scheme", "http"))
            return _origin_host(origin) == mine
        return headers.get("sec-fetch-site", "").lower() != "cross-site"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method", "GET") not in UNSAFE_METHODS or self.allows(scope):
            await self.app(scope, receive, send)
            return
        await error_response(403, "cross_site", "requests that change something must come from this server's own pages "
                             "(or an origin given with --cors-origin)")(scope, receive, send)


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                h = MutableHeaders(scope=message)
                h.setdefault("X-Content-Type-Options", "nosniff")
                h.setdefault("Referrer-Policy", REFERRER_POLICY)
                if h.get("content-type", "").startswith("text/html"):
                    h.setdefault("Content-Security-Policy", WORKSPACE_CSP)
                    h.setdefault("X-Frame-Options", "DENY")
            await send(message)

        await self.app(scope, receive, with_headers)
