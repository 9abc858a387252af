"""Long work as jobs: start it, get an id at once, and poll its progress.

A job runs in one slot of the analysis pool (so jobs and direct analyses share the same
bound), working through its articles one by one and recording each one's outcome. The job
table lives in this process and is bounded: finished jobs are forgotten oldest first, and
when every kept job is still running a new one is refused with 503 (busy).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from typing import Any, Callable

from .errors import ApiError
from .settings import BUSY_RETRY_AFTER_S
from .workers import AnalysisPool

# Jobs kept for polling. Each holds only its per-article outcomes (ids, titles, errors), a
# few hundred bytes an article; the oldest finished ones are dropped past this.
MAX_JOBS = 100
# A job id: "j_" and this many random hex digits (unguessable, so one client cannot read
# another's job by counting).
JOB_ID_HEX = 16

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


class Job:
    def __init__(self, kind: str, total: int) -> None:
        self.id = "j_" + secrets.token_hex(JOB_ID_HEX // 2)
        self.kind = kind
        self.status = QUEUED
        self.total = total
        self.results: list[dict] = []
        self.error: dict | None = None
        self.created = time.time()
        self.finished: float | None = None
        self._lock = threading.Lock()

    def add(self, result: dict) -> None:
        with self._lock:
            self.results.append(result)

    def to_dict(self) -> dict:
        with self._lock:
            results = list(self.results)
        done = len(results)
        return {
            "id": self.id, "kind": self.kind, "status": self.status, "total": self.total, "done": done,
            "succeeded": sum(1 for r in results if r.get("ok")), "failed": sum(1 for r in results if not r.get("ok")),
            "progress": round(done / self.total, 4) if self.total else 1.0,
            "results": results, "error": self.error,
            "created_at": _iso(self.created), "finished_at": _iso(self.finished) if self.finished else None,
        }


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


class JobTable:
    def __init__(self, pool: AnalysisPool, max_jobs: int = MAX_JOBS) -> None:
        self.pool = pool
        self.max_jobs = max_jobs
        self._jobs: "OrderedDict[str, Job]" = OrderedDict()
        self._lock = threading.Lock()

    def start(self, kind: str, items: list[Any], work: Callable[[Any], dict]) -> Job:
        """Run ``work(item)`` for each item in one pool slot; each returns the item's result dict
        (``ok`` plus whatever the client needs). Raises ApiError 503 when full."""
        job = Job(kind, len(items))
        with self._lock:
            if len(self._jobs) >= self.max_jobs:
                finished = [j for j in self._jobs.values() if j.status in (DONE, FAILED)]
                if not finished:
                    raise ApiError(503, "busy", f"{len(self._jobs)} jobs are still running; retry later",
                                   headers={"Retry-After": str(BUSY_RETRY_AFTER_S)})
                del self._jobs[finished[0].id]
            self._jobs[job.id] = job

        def run() -> None:
            job.status = RUNNING
            try:
                for item in items:
                    job.add(work(item))
            except Exception:  # noqa: BLE001 - logged; the client sees a failed job, not a trace
                import logging

                logging.getLogger("veracity.api").exception("job %s failed", job.id)
                job.error = {"code": "internal", "message": "the job failed; the server log has the details"}
                job.status = FAILED
            else:
                job.status = DONE
            job.finished = time.time()

        if self.pool.try_submit(run) is None:
            with self._lock:
                self._jobs.pop(job.id, None)
            raise ApiError(503, "busy", f"the server is busy ({self.pool.workers} analyses running, {self.pool.queue} waiting); "
                           "retry later", headers={"Retry-After": str(BUSY_RETRY_AFTER_S)})
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)
