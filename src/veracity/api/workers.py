"""A bounded pool for analyses, so a slow request never stalls the event loop (/healthz).

Analyses run in a fixed number of threads; a fixed number more may wait. Past that a request
is answered 503 at once; a request whose analysis is not done in time is answered 504. The
slot of a timed-out analysis is freed only when its thread really finishes, so the threads
working never exceed the pool, however many requests time out.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from .errors import ApiError
from .settings import BUSY_RETRY_AFTER_S


class AnalysisPool:
    def __init__(self, workers: int, queue: int, timeout_s: float) -> None:
        if workers < 1 or queue < 0 or timeout_s <= 0:
            raise ValueError("the analysis pool needs workers >= 1, queue >= 0 and a positive timeout")
        self.workers, self.queue, self.timeout_s = workers, queue, timeout_s
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="veracity-analysis")
        # Running plus waiting: released when the work is done (or dropped before it started).
        self._slots = threading.BoundedSemaphore(workers + queue)
        self._lock = threading.Lock()
        self.admitted = 0

    def try_submit(self, fn: Callable[[], Any]) -> Future | None:
        """Start ``fn`` in the pool, or None when every slot is taken."""
        if not self._slots.acquire(blocking=False):
            return None
        try:
            future = self._executor.submit(fn)
        except BaseException:
            self._slots.release()
            raise
        with self._lock:
            self.admitted += 1
        future.add_done_callback(self._done)
        return future

    def _done(self, _: Future) -> None:
        with self._lock:
            self.admitted -= 1
        self._slots.release()

    async def run(self, fn: Callable[[], Any], on_timeout: Callable[[], None] | None = None) -> Any:
        """``fn()``'s result; ApiError 503 when the pool and its queue are full, 504 past the timeout."""
        future = self.try_submit(fn)
        if future is None:
            raise ApiError(503, "busy", f"the server is busy ({self.workers} analyses running, {self.queue} waiting); retry later",
                           headers={"Retry-After": str(BUSY_RETRY_AFTER_S)})
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout_s)
        except TimeoutError:
            # A queued job is dropped (cancel); a running one finishes in its thread, told it is abandoned.
            future.cancel()
            if on_timeout is not None:
                on_timeout()
            raise ApiError(504, "timeout", f"the analysis took longer than {self.timeout_s:g} s") from None

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


class Readiness:
    """Whether the models are loaded: warmed once in the pool, or by the first analysis."""

    def __init__(self, pool: AnalysisPool, warm: Callable[[], Any]) -> None:
        self.pool = pool
        self._warm = warm
        self.models = "not loaded"  # -> loading -> ready | failed
        self._lock = threading.Lock()

    def loaded(self) -> None:
        self.models = "ready"

    def start(self) -> None:
        """Load the models in the background unless loaded, loading, or the pool is full (then a
        request in it loads them anyway). A failure stays failed (and logged): fix the models and
        restart, rather than re-hash them on every probe."""
        with self._lock:
            if self.models in ("ready", "loading", "failed"):
                return
            self.models = "loading"
        if self.pool.try_submit(self._run) is None:
            self.models = "not loaded"

    def _run(self) -> None:
        try:
            self._warm()
        except Exception:
            import logging

            logging.getLogger("veracity.api").exception("loading the models failed")
            self.models = "failed"
        else:
            # The loaded models are ~266k long-lived objects that every full garbage collection
            # walks: ~160-470 ms pauses, about one a second under 20 readers, stalling every
            # request in flight (/v1/articles p99 807 ms). Frozen, they are never walked again
            # (p99 138 ms at load 9); the cost is that a pipeline rebuilt after new evidence
            # keeps its old copy until the server restarts.
            gc.collect()
            gc.freeze()
            self.models = "ready"
