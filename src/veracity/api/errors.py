"""The API's one error shape, and the handlers that turn every failure into it.

Every error the server sends, from a middleware, a validation failure, the analysis or an
unexpected exception, is::

    {"error": {"code": "not_found", "message": "no stored dossier with id 'a_00'", "details": null}}

``code`` is short and stable (clients branch on it), ``message`` is for a person, and
``details`` is null or structured data (validation errors list ``{"loc", "msg", "type"}``).
No body carries a server file path or a traceback: messages are scrubbed of paths, and an
unexpected exception is logged on the server and answered with a generic 500.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Iterable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import VeracityError

log = logging.getLogger("veracity.api")

# The code for an HTTP status when nothing more specific applies (Starlette's own 404/405...).
STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 413: "too_large", 415: "unsupported_media_type", 422: "validation", 429: "too_many_requests",
    500: "internal", 503: "unavailable", 504: "timeout",
}

# An absolute POSIX or Windows path of two or more parts, not glued to a word (so "14/02/2025"
# and "text/markdown" survive): replaced in every message as a second line of defence.
_PATH = re.compile(r"(?<![\w.:/])(?:/|[A-Za-z]:\\)[^\s'\"/\\]+(?:[/\\][^\s'\"/\\]+)+")
REDACTED = "<path>"


class ApiError(StarletteHTTPException):
    """An error the API answers on purpose: a status, a stable code, a message and details."""

    def __init__(self, status: int, code: str, message: str, details: Any = None, headers: dict[str, str] | None = None):
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code
        self.message = message
        self.details = details


def scrub(message: str, paths: Iterable[str | None] = ()) -> str:
    """``message`` with the given server paths and anything that looks like a path removed."""
    for p in sorted({p for p in paths if p and p != ":memory:"}, key=len, reverse=True):
        message = message.replace(p, REDACTED)
    return _PATH.sub(REDACTED, message)


def error_body(code: str, message: str, details: Any = None) -> dict:
    return {"error": {"code": code, "message": message, "details": details}}


def error_response(status: int, code: str, message: str, details: Any = None, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict]:
    # Only where and what: pydantic's "input" and "ctx" would echo the request (an article).
    return [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()]


def install(app: FastAPI, paths: Iterable[str | None] = ()) -> None:
    """Register handlers so that every error leaves in the one shape, with ``paths`` scrubbed."""
    paths = tuple(paths)

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return error_response(exc.status_code, exc.code, scrub(exc.message, paths), exc.details, exc.headers)

    @app.exception_handler(VeracityError)
    async def _veracity(request: Request, exc: VeracityError):
        # exc.source is left out: for stored data it is the database's path.
        return error_response(exc.http_status, exc.code, scrub(exc.message, paths))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        details = _validation_details(exc)
        where = ", ".join(".".join(d["loc"]) + ": " + d["msg"] for d in details[:3])
        return error_response(422, "validation", scrub(f"invalid request ({where})" if where else "invalid request", paths), details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else STATUS_CODES.get(exc.status_code, "error").replace("_", " ")
        return error_response(exc.status_code, STATUS_CODES.get(exc.status_code, "error"), scrub(message, paths),
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal", "internal server error; the server log has the details")
