"""Local batch runs: the same Pipeline in N worker processes, one article at a time per worker.

Processes, not threads: spaCy and our stages hold the GIL, so two cores need two processes.
Each worker builds its pipeline (and loads its models) once. A failing article becomes a
Result with its error; the run goes on. Results come back in input order. The processes are
the shared :class:`~veracity.batch.pool.WorkerPool`'s, started with ``fork`` where there is one
(as this runner always has: each worker builds its own pipeline after the fork).
"""

from __future__ import annotations

import os
import time
from typing import Iterable, Iterator

from ..errors import InputError, VeracityError
from . import RecordedError, chunks
from ..records import Article, Dossier
from ..options import Options
from ..pipeline import Pipeline, Result
from .pool import WorkerPool

# Articles per task: spaCy parses a task's articles as one nlp.pipe batch (about 1.3x faster
# than one call per article), and 16 is still small enough to balance two workers.
CHUNK = 16

Row = tuple[str, Dossier | None, dict | None, float, int, float]


def _init(options: Options) -> Pipeline:
    """A worker's pipeline (the pool's state in that worker)."""
    # Each worker gets one core; BLAS or ONNX threads beyond that only fight the other workers.
    # The environment variable is too late after a fork (numpy's pool already exists), so the
    # running pools are limited too.
    os.environ["OMP_NUM_THREADS"] = "1"
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    return Pipeline(options)


def peak_rss_mb(pid: int | str = "self") -> float:
    """The process's peak resident memory (VmHWM), in MB; 0 where /proc is not available."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _work_chunk(pipeline: Pipeline, articles: list[Article]) -> list[Row]:
    """A chunk through the batched pipeline; if anything in it fails, the pool calls
    :func:`_one_by_one`, so that one bad article costs only itself."""
    t0 = time.perf_counter()
    dossiers = list(pipeline.pipe(articles))
    each = (time.perf_counter() - t0) / max(1, len(articles))
    pid, rss = os.getpid(), peak_rss_mb()
    return [(a.source_path or a.id, d, None, each, pid, rss) for a, d in zip(articles, dossiers)]


def _one_by_one(pipeline: Pipeline, articles: list[Article], exc: Exception) -> list[Row]:
    """A chunk whose batch failed, again article by article."""
    return [_work(pipeline, a) for a in articles]


def _work(pipeline: Pipeline, article: Article) -> Row:
    t0 = time.perf_counter()
    try:
        body, err = pipeline.analyze(article), None
    except VeracityError as exc:
        body, err = None, {"code": exc.code, "message": exc.message, "source": exc.source or article.source_path}
    except Exception as exc:  # a bug on one article must not end a million-article run
        body, err = None, {"code": "internal", "message": f"{type(exc).__name__}: {exc}", "source": article.source_path}
    return article.source_path or article.id, body, err, time.perf_counter() - t0, os.getpid(), peak_rss_mb()


def run_parallel(items: Iterable[Article | InputError], options: Options, n_process: int) -> Iterator[tuple[Result, int, float]]:
    """Yield (Result, worker pid, worker peak RSS MB) per item, in input order.

    ``Result.seconds`` is the article's share of its chunk's time (articles are parsed in
    batches); the latency of one article on its own is what ``Pipeline.run`` measures.
    """
    with WorkerPool(n_process, _init, (options,), start="fork" if hasattr(os, "fork") else "spawn") as pool:
        pending: list[Article | InputError] = []

        def articles():
            for it in items:
                pending.append(it)
                if isinstance(it, Article):
                    yield it

        outputs = (row for rows in pool.imap(_work_chunk, chunks(articles(), CHUNK), on_error=_one_by_one) for row in rows)
        done = 0
        for source, body, err, secs, pid, rss in outputs:
            while done < len(pending) and isinstance(pending[done], InputError):
                yield Result(pending[done].source or "?", error=pending[done]), 0, 0.0
                done += 1
            done += 1
            if body is not None:
                yield Result(source, body, seconds=secs), pid, rss
            else:
                yield Result(source, error=RecordedError(err["code"], err["message"], err["source"]), seconds=secs), pid, rss
        for it in pending[done:]:
            yield Result(it.source or "?", error=it), 0, 0.0


def analyze_many(articles: Iterable[Article], options: Options) -> Iterator[Dossier]:
    """Convenience for library users: dossiers for good articles, in order (errors skipped)."""
    for r, _, _ in run_parallel(articles, options, max(1, options.n_process)):
        if r.ok:
            yield r.dossier
