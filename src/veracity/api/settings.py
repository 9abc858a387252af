"""The server's own settings: who may call it, from where, and how much work it takes on.

These are not :class:`veracity.options.Options` (what an analysis does) but how the HTTP
server protects itself; ``veracity serve`` builds them from its flags and the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

from ..report.claimreview import REVIEW_RATINGS

# The bearer token every request must carry (except /healthz and /readyz). Without it the
# server only binds to loopback, where only this machine's users can reach it.
TOKEN_ENV = "VERACITY_API_TOKEN"

# A guessable token is no token: refuse shorter ones (`python -c "import secrets;
# print(secrets.token_urlsafe(32))"` makes a good one).
MIN_TOKEN_CHARS = 16

# Host names a browser on this machine uses for a loopback server. Anything else in the Host
# header is refused, so a DNS-rebinding page (evil.example resolving to 127.0.0.1) cannot
# read the API from a victim's browser. ``serve`` adds the host it binds to.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")

# Analyses running at once. One analysis keeps a core busy (spaCy, ONNX); the machine this is
# sized for has 2 cores, and more threads than cores only make every request slower.
ANALYSIS_WORKERS = max(1, min(2, os.cpu_count() or 1))

# Analyses waiting for a worker. Each holds its parsed body (up to the input limit) and a
# client connection; past this a client gets 503 with Retry-After at once rather than a 504
# after waiting the whole timeout, and memory stays bounded.
ANALYSIS_QUEUE = 16

# Seconds a request may wait for its analysis, queueing included. A news article takes ~1 s
# warm and the limits aim at <= 5 s per 100 KB, so the largest article accepted (1M chars)
# fits; past this the client gets 504. A Python thread cannot be interrupted: the analysis
# finishes in its worker (keeping its slot, so the pool stays bounded) but is not stored.
ANALYSIS_TIMEOUT_S = 60.0

# How long /readyz waits on the store before calling it unreachable: a probe must answer
# fast, and a store that takes longer than this to count its rows is not serving.
READY_CHECK_TIMEOUT_S = 2.0

# Retry-After (seconds) sent with a 503 when the analysis queue is full: about the time one
# queued article takes, so a well-behaved client does not hammer the server.
BUSY_RETRY_AFTER_S = 5

# A browser cannot send a bearer header when it navigates, so in token mode /login trades the
# token for a session cookie (veracity.api.security). The cookie is good for this long (a
# working day), checked by the server as well as the browser; signing in again renews it.
SESSION_MAX_AGE_S = 12 * 3600

# Failed sign-ins one client address may make in LOGIN_WINDOW_S before /login answers 429
# without looking at the token. A token of MIN_TOKEN_CHARS random characters cannot be
# guessed at any rate; this keeps a script from trying, and the log quiet.
LOGIN_MAX_FAILURES = 5
LOGIN_WINDOW_S = 60.0
# Client addresses the failure counter remembers at most (memory stays bounded when many
# addresses fail; the least recently seen is forgotten first).
LOGIN_TRACKED_CLIENTS = 10_000

# What a person's review of a claim can say about where the checking stands.
REVIEW_STATUSES = ("unchecked", "in progress", "checked")


@dataclass(frozen=True)
class ServerSettings:
    """How the HTTP server guards itself. Defaults are the safe ones."""

    # None: no authentication (only allowed on loopback; ``serve`` enforces that).
    token: str | None = None
    # Host header values accepted ("*" accepts any, "*.example.org" a domain's subdomains).
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    # Origins allowed to read responses cross-origin. Empty: CORS off (the default), so no
    # other site's page can read the API from a browser.
    cors_origins: tuple[str, ...] = ()
    analysis_workers: int = ANALYSIS_WORKERS
    analysis_queue: int = ANALYSIS_QUEUE
    analysis_timeout_s: float = ANALYSIS_TIMEOUT_S
    # The ratings a reviewer picks from, each with its schema.org value (None: not on the scale).
    review_ratings: tuple[tuple[str, int | None], ...] = REVIEW_RATINGS
    # Who publishes the ClaimReview exported from people's reviews, and where (None: no url).
    claimreview_organisation: str = "veracity"
    claimreview_author: str | None = None
    claimreview_url: str | None = None
    # The one server folder whose files the UI and API may index as evidence (None: uploads only).
    # Clients name folders under it by relative path; nothing outside it is read.
    evidence_root: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **kw) -> "ServerSettings":
        """Settings with the token taken from ``VERACITY_API_TOKEN`` (empty counts as unset)."""
        env = os.environ if environ is None else environ
        return cls(token=env.get(TOKEN_ENV) or None, **kw)
