"""What stands between the network and the API: the bind check, the Host allow-list, the
bearer token (or the session cookie a browser gets from /login) and the streaming body limit.

The three middlewares are plain ASGI, so each answers before any route, body parsing or
analysis runs, and in the API's one error shape (:mod:`veracity.api.errors`).

Sessions, in token mode only. A browser navigating to a page cannot send a bearer header,
so ``/login`` takes the token once and sets a cookie. The cookie is not the token: it is
``v1.<issued>.<HMAC-SHA256(key=token, "veracity-session-v1.<issued>")>``, so a stolen cookie
does not reveal the token, the server refuses it after :data:`SESSION_MAX_AGE_S` whatever
the browser keeps, and changing the token ends every session. Sessions are stateless: signing
out clears the browser's cookie, and a copy taken earlier works until it expires. It is ``HttpOnly`` (no script reads it), ``SameSite=Strict`` (no other site's page
makes the browser send it), ``Path=/`` and ``Secure`` when the request came over https.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
import time
from collections import OrderedDict, deque
from typing import Callable, Iterable
from urllib.parse import quote, urlsplit

from starlette.datastructures import Headers
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ConfigError
from .errors import ApiError, error_response
from .settings import (LOGIN_MAX_FAILURES, LOGIN_TRACKED_CLIENTS, LOGIN_WINDOW_S, MIN_TOKEN_CHARS,
                       SESSION_MAX_AGE_S, TOKEN_ENV)

# Probes an orchestrator or a load balancer calls without credentials; they say only
# "alive" and "ready", nothing about the data. /login and /logout are how a browser gets and
# drops a session, so they are open too.
OPEN_PATHS = frozenset({"/healthz", "/readyz", "/login", "/logout"})
# The stylesheet and script of the pages, the login page's included: public files, no data.
OPEN_PREFIXES = ("/static/",)

# The session cookie (see the module's docstring) and the label its HMAC signs.
SESSION_COOKIE = "veracity_session"
_SESSION_LABEL = b"veracity-session-v1."
# A session issued this far in the future still counts (clock steps on the server).
_SESSION_SKEW_S = 300
# Paths whose unauthenticated requests always get the JSON 401, even from a browser: the API.
_API_PREFIXES = ("/v1/", "/openapi.json")
# The longest ``next`` a login redirects to; longer ones go to the articles.
MAX_NEXT_CHARS = 2000


# --------------------------------------------------------------------------- binding

def normalize_host(host: str) -> str:
    """A host as compared: lower case, no port, no IPv6 brackets, no trailing dot."""
    host = host.strip().lower()
    if host.startswith("["):
        end = host.find("]")
        return host[1:end] if end > 0 else host
    if host.count(":") == 1:  # name:port or v4:port; more colons is a bare IPv6 address
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server on this machine. Names other than
    ``localhost`` are not resolved: they count as reachable from outside."""
    host = normalize_host(host)
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return bool(ip.is_loopback or (mapped is not None and mapped.is_loopback))


def is_wildcard(host: str) -> bool:
    """0.0.0.0 or ::, which bind every interface and are not names a client uses."""
    try:
        return ipaddress.ip_address(normalize_host(host)).is_unspecified
    except ValueError:
        return normalize_host(host) == ""


def check_token(token: str | None) -> None:
    """Refuse a token too short to resist guessing (None, no token, passes)."""
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(f"{TOKEN_ENV} is shorter than {MIN_TOKEN_CHARS} characters; use a long random token")


def check_bind(host: str, token: str | None) -> None:
    """Refuse, with a one-line error, to serve beyond loopback without a token, or with a weak one."""
    check_token(token)
    if token is None and not is_loopback(host):
        raise ConfigError(f"refusing to listen on {host!r} without {TOKEN_ENV}: set it to a long random token "
                          "(every request then needs 'Authorization: Bearer <token>'), or listen on 127.0.0.1")


def allowed_hosts_for(bound: str, extra: Iterable[str] = (), defaults: Iterable[str] = ()) -> tuple[str, ...]:
    """The Host allow-list ``serve`` uses: loopback names, the bound host (unless it is a
    wildcard address, which no client puts in a Host header) and the hosts given."""
    hosts = list(defaults)
    if not is_wildcard(bound):
        hosts.append(bound)
    hosts.extend(extra)
    out: list[str] = []
    for h in hosts:
        n = h if h == "*" else normalize_host(h)
        if n and n not in out:
            out.append(n)
    return tuple(out)


# --------------------------------------------------------------------------- sessions

def _session_mac(token: str, issued: int) -> str:
    return hmac.new(token.encode("utf-8"), _SESSION_LABEL + str(issued).encode("ascii"), hashlib.sha256).hexdigest()


def session_cookie_value(token: str, now: float | None = None) -> str:
    """A new session's cookie value for ``token``: never the token, and useless once it changes."""
    issued = int(time.time() if now is None else now)
    return f"v1.{issued}.{_session_mac(token, issued)}"


def session_valid(token: str, value: str | None, now: float | None = None) -> bool:
    """Whether ``value`` is a session this token issued, less than SESSION_MAX_AGE_S ago (compared
    in constant time)."""
    if not value:
        return False
    version, _, rest = value.partition(".")
    issued_text, _, mac = rest.partition(".")
    if version != "v1" or not issued_text.isdigit() or len(issued_text) > 12:
        return False
    issued = int(issued_text)
    now = time.time() if now is None else now
    fresh = -_SESSION_SKEW_S <= now - issued <= SESSION_MAX_AGE_S
    same = hmac.compare_digest(mac.encode("ascii", "replace"), _session_mac(token, issued).encode("ascii"))
    return same and fresh


def is_https(scope: Scope) -> bool:
    """Whether the request came over https. uvicorn sets the scheme from X-Forwarded-Proto only
    for proxies it trusts (``FORWARDED_ALLOW_IPS``, 127.0.0.1 by default); nothing else is read."""
    return scope.get("scheme") in ("https", "wss")


def safe_next(value: str | None) -> str:
    """``value`` if it is a path on this server to go to after signing in, else "/".

    Only a single leading "/" counts: "//evil.example", a backslash (browsers read "/" + "\\"
    + "evil.example" as another host too), a scheme, spaces, control characters (browsers drop
    a tab or newline, so "/", TAB, "/evil" becomes "//evil") and anything not printable ASCII
    all give "/". So does a path back to /login or /logout."""
    if not value or len(value) > MAX_NEXT_CHARS or not value.startswith("/") or value.startswith("//"):
        return "/"
    if any(not (33 <= ord(ch) < 127) for ch in value) or "\\" in value:
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path in ("/login", "/logout"):
        return "/"
    return value


def login_url(scope: Scope) -> str:
    """/login with ``next`` set to the request's own path and query."""
    target = quote(scope.get("path", "/") or "/", safe="/-._~!$&'()*+,;=:@")
    query = scope.get("query_string", b"")
    if query:
        target += "?" + query.decode("latin-1")
    return "/login?next=" + quote(target, safe="")


class LoginThrottle:
    """Failed sign-ins per client address in a sliding window, in memory and bounded.

    After ``max_failures`` failures within ``window_s`` seconds an address is refused (the
    caller answers 429 with :meth:`retry_after`) until the oldest failure leaves the window.
    At most ``max_clients`` addresses are remembered, the least recently seen forgotten first."""

    def __init__(self, max_failures: int = LOGIN_MAX_FAILURES, window_s: float = LOGIN_WINDOW_S,
                 max_clients: int = LOGIN_TRACKED_CLIENTS, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self.max_clients = max_clients
        self.clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()

    def _recent(self, client: str) -> deque[float] | None:
        times = self._failures.get(client)
        if times is None:
            return None
        cutoff = self.clock() - self.window_s
        while times and times[0] <= cutoff:
            times.popleft()
        if not times:
            del self._failures[client]
            return None
        return times

    def retry_after(self, client: str) -> int:
        """Seconds until ``client`` may try again: 0 when it may now."""
        times = self._recent(client)
        if times is None or len(times) < self.max_failures:
            return 0
        return max(1, math.ceil(times[0] + self.window_s - self.clock()))

    def failed(self, client: str) -> None:
        times = self._recent(client)
        if times is None:
            times = self._failures[client] = deque(maxlen=self.max_failures)
            while len(self._failures) > self.max_clients:
                self._failures.popitem(last=False)
        self._failures.move_to_end(client)
        times.append(self.clock())

    def succeeded(self, client: str) -> None:
        self._failures.pop(client, None)


# --------------------------------------------------------------------------- middlewares

async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, code: str, message: str,
                  headers: dict[str, str] | None = None) -> None:
    await error_response(status, code, message, headers=headers)(scope, receive, send)


class HostAllowListMiddleware:
    """Answer 400 unless the Host header names an allowed host (against DNS rebinding)."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        hosts = [h if h == "*" else normalize_host(h) for h in allowed_hosts]
        self.allow_any = "*" in hosts
        self.exact = frozenset(h for h in hosts if not h.startswith("*."))
        self.suffixes = tuple(h[1:] for h in hosts if h.startswith("*."))

    def allows(self, host: str | None) -> bool:
        if self.allow_any:
            return True
        if not host:
            return False
        h = normalize_host(host)
        return h in self.exact or any(h.endswith(s) for s in self.suffixes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or self.allows(Headers(scope=scope).get("host")):
            await self.app(scope, receive, send)
            return
        await _refuse(scope, receive, send, 400, "host_not_allowed",
                      "this Host is not served here; start the server with --allowed-host NAME to add it")


class BearerTokenMiddleware:
    """Answer 401 unless the request carries ``Authorization: Bearer <token>`` or a valid
    session cookie from /login.

    The token is compared with :func:`hmac.compare_digest`, in time independent of where the
    first difference is, so response timing does not reveal it a byte at a time; the cookie's
    HMAC is compared the same way. A browser navigating to a page (GET or HEAD accepting
    text/html, not under /v1) is sent to /login instead (303), and comes back after signing
    in; the API, and anything else, gets the JSON 401 with ``WWW-Authenticate``."""

    def __init__(self, app: ASGIApp, token: str, open_paths: Iterable[str] = OPEN_PATHS,
                 open_prefixes: Iterable[str] = OPEN_PREFIXES) -> None:
        self.app = app
        self.secret = token
        self.token = token.encode("utf-8")
        self.open_paths = frozenset(open_paths)
        self.open_prefixes = tuple(open_prefixes)

    def authorized(self, header: str | None) -> bool:
        scheme, _, given = (header or "").partition(" ")
        # Compare even when the scheme is wrong, so the two failures take the same time.
        ok = hmac.compare_digest(given.strip().encode("utf-8"), self.token)
        return ok and scheme.lower() == "bearer"

    def has_session(self, scope: Scope) -> bool:
        return session_valid(self.secret, session_from(scope))

    def is_open(self, path: str) -> bool:
        return path in self.open_paths or path.startswith(self.open_prefixes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.is_open(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if self.authorized(headers.get("authorization")) or self.has_session(scope):
            await self.app(scope, receive, send)
            return
        if wants_page(scope, headers):
            await RedirectResponse(login_url(scope), status_code=303, headers={"Cache-Control": "no-store"})(scope, receive, send)
            return
        await _refuse(scope, receive, send, 401, "unauthorized",
                      "a valid 'Authorization: Bearer <token>' header is required (in a browser: sign in at /login)",
                      headers={"WWW-Authenticate": 'Bearer realm="veracity"'})


def session_from(scope: Scope) -> str | None:
    """The session cookie's value in the request, if any (without parsing every cookie)."""
    for part in Headers(scope=scope).getlist("cookie"):
        for item in part.split(";"):
            name, sep, value = item.strip().partition("=")
            if sep and name == SESSION_COOKIE:
                return value.strip().strip('"')
    return None


def wants_page(scope: Scope, headers: Headers) -> bool:
    """Whether an unauthenticated request is a browser navigating to a page: sent to /login."""
    if scope.get("method") not in ("GET", "HEAD") or scope.get("path", "").startswith(_API_PREFIXES):
        return False
    return "text/html" in headers.get("accept", "").lower()


class BodyTooLarge(ApiError):
    def __init__(self, limit: int):
        super().__init__(413, "too_large", f"request body is over the {limit:,}-byte limit")


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes`` while they stream in, not after they are buffered.

    A Content-Length over the limit is answered 413 before a byte is read. Otherwise the
    bytes received are counted, and the read that crosses the limit raises :class:`BodyTooLarge`:
    the route never sees the body, the rest is never read, and the client gets 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await _refuse(scope, receive, send, 413, "too_large",
                          f"request body is {int(declared):,} bytes, over the {self.max_bytes:,}-byte limit")
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge as exc:
            # Normally the app's handler has already answered; this is for a route that let it through.
            if started:
                raise
            await _refuse(scope, receive, send, 413, exc.code, exc.message)
