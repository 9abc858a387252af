"""Signing in from a browser when the server has a token (``VERACITY_API_TOKEN``).

``GET /login`` shows one password field; ``POST /login`` (a plain form, no script) compares
the token in constant time and, if it is right, sets the session cookie of
:mod:`veracity.api.security` and sends the browser on (303) to ``next``, a path on this
server only. A wrong token gets the form again, 401, without the token in it; a client
address with ``LOGIN_MAX_FAILURES`` failures in the last ``LOGIN_WINDOW_S`` seconds (:mod:`veracity.api.settings`)
gets 429 and its token is not looked at. ``POST /logout`` clears the cookie.

What keeps other sites out, with the cookie in play: the cookie is ``SameSite=Strict``, so a
browser never sends it with a request another site started (a form post, a fetch, a link);
and :class:`veracity.api.headers.CrossSiteMiddleware` refuses a POST/PUT/PATCH/DELETE
(/login, /logout and the workspace's writes under /v1 alike) whose ``Origin`` is not this
server, which also covers a page on the same site but another origin (a sibling subdomain,
another port), to which SameSite does not apply.

Without a token (loopback only) there is nothing to sign in to: /login and /logout send the
browser to the articles.
"""

from __future__ import annotations

import hmac
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .context import ApiContext
from .errors import ApiError
from .security import (SESSION_COOKIE, LoginThrottle, is_https, safe_next, session_cookie_value, session_from,
                       session_valid)
from .settings import SESSION_MAX_AGE_S
from .ui import render_page

# The largest sign-in form read: a token and a path fit many times over. Anyone may post to
# /login, so it reads no more than this whatever the server's body limit.
LOGIN_MAX_BYTES = 8 * 1024

_NO_STORE = {"Cache-Control": "no-store"}


def install(app: FastAPI, ctx: ApiContext) -> LoginThrottle:
    token = ctx.settings.token
    throttle = LoginThrottle()
    app.state.login_throttle = throttle

    def form(next_path: str, status: int = 200, error: str = "", headers: dict[str, str] | None = None) -> HTMLResponse:
        body = render_page("login.html", title="Sign in", active="", next=next_path, error=error, token_mode=False,
                           hours=SESSION_MAX_AGE_S // 3600)
        return HTMLResponse(body, status_code=status, headers={**_NO_STORE, **(headers or {})})

    def go(path: str) -> RedirectResponse:
        return RedirectResponse(path, status_code=303, headers=_NO_STORE)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = "/") -> Response:
        target = safe_next(next)
        if token is None or session_valid(token, session_from(request.scope)):
            return go(target if token is not None else "/")
        return form(target)

    @app.post("/login", response_class=HTMLResponse, include_in_schema=False)
    async def login(request: Request) -> Response:
        if token is None:
            return go("/")
        fields = await _read_form(request)
        target = safe_next(fields.get("next"))
        client = request.client.host if request.client else "unknown"
        wait = throttle.retry_after(client)
        if wait:
            return form(target, 429, f"Too many failed attempts. Try again in {wait} seconds.", {"Retry-After": str(wait)})
        given = fields.get("token", "").strip()
        if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
            throttle.failed(client)
            return form(target, 401, "That token is not right." if given else "Enter the access token.",
                        {"WWW-Authenticate": 'Bearer realm="veracity"'})
        throttle.succeeded(client)
        response = go(target)
        response.set_cookie(SESSION_COOKIE, session_cookie_value(token), max_age=SESSION_MAX_AGE_S, path="/",
                            secure=is_https(request.scope), httponly=True, samesite="strict")
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request) -> Response:
        if token is None:
            return go("/")
        response = go("/login")
        response.delete_cookie(SESSION_COOKIE, path="/", secure=is_https(request.scope), httponly=True, samesite="strict")
        return response

    return throttle


async def _read_form(request: Request) -> dict[str, str]:
    """The urlencoded form's first value per field, reading at most LOGIN_MAX_BYTES."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
        return {}
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > LOGIN_MAX_BYTES:
            raise ApiError(413, "too_large", f"a sign-in form is at most {LOGIN_MAX_BYTES:,} bytes")
    try:
        parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=10)
    except ValueError:  # more fields than a sign-in form has
        return {}
    return {k: v[0] for k, v in parsed.items() if v}
