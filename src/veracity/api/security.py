"""What stands between the network and the API: the bind check, the Host allow-list, the
bearer token and the streaming body limit.

The three middlewares are plain ASGI, so each answers before any route, body parsing or
analysis runs, and in the API's one error shape (:mod:`veracity.api.errors`).
"""

from __future__ import annotations

import hmac
import ipaddress
from typing import Iterable

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ConfigError
from .errors import ApiError, error_response
from .settings import MIN_TOKEN_CHARS, TOKEN_ENV

# Probes an orchestrator or a load balancer calls without credentials; they say only
# "alive" and "ready", nothing about the data.
OPEN_PATHS = frozenset({"/healthz", "/readyz"})


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
    """Answer 401 unless the request carries ``Authorization: Bearer <token>``.

    The token is compared with :func:`hmac.compare_digest`, in time independent of where the
    first difference is, so response timing does not reveal it a byte at a time."""

    def __init__(self, app: ASGIApp, token: str, open_paths: Iterable[str] = OPEN_PATHS) -> None:
        self.app = app
        self.token = token.encode("utf-8")
        self.open_paths = frozenset(open_paths)

    def authorized(self, header: str | None) -> bool:
        scheme, _, given = (header or "").partition(" ")
        # Compare even when the scheme is wrong, so the two failures take the same time.
        ok = hmac.compare_digest(given.strip().encode("utf-8"), self.token)
        return ok and scheme.lower() == "bearer"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in self.open_paths \
                or self.authorized(Headers(scope=scope).get("authorization")):
            await self.app(scope, receive, send)
            return
        await _refuse(scope, receive, send, 401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required",
                      headers={"WWW-Authenticate": 'Bearer realm="veracity"'})


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
