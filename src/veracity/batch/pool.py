"""The one worker pool of every multi-process run: ``veracity batch`` and ``analyze`` with
several processes (:mod:`veracity.batch.local`), ``veracity attribute --processes``
(:mod:`veracity.attribution.parallel`) and ``veracity checkworthy --processes``
(:mod:`veracity.claims.checkworthy_pool`).

- Each worker process calls ``load(*load_args)`` once, when it starts: that is where a pipeline
  or a model is loaded, so each process loads it once. What ``load`` returns is the worker's
  state, passed to every call as the first argument: ``func(state, item)``.
- :meth:`WorkerPool.imap` yields the answers in input order (items are read by a thread of the
  parent as the workers' queue takes them); :meth:`WorkerPool.map` gives them as a list.
- With ``on_error``, an item whose ``func`` raises gets ``on_error(state, item, exc)`` instead,
  computed in the worker, so one bad item is recorded and the run goes on; without it the
  first failure is raised in the parent.
- Leaving the ``with`` block normally closes the pool and waits for the workers; leaving it on
  an error, a KeyboardInterrupt or a generator's close ends them at once, so a stopped run
  leaves no process behind.

``func``, ``load`` and ``on_error`` must be module-level functions (they are pickled to the
workers). Workers start with ``spawn`` unless told otherwise: onnxruntime sessions are not
safe to inherit through ``fork``.

This module imports only the standard library: the low layers (``claims``, ``attribution``)
use it, so it (and ``batch/__init__``) must never import them or anything above them.
"""

from __future__ import annotations

import functools
import multiprocessing
from typing import Any, Callable, Iterable, Iterator, Literal, TypeVar

T = TypeVar("T")
R = TypeVar("R")

StartMethod = Literal["spawn", "fork", "forkserver"]

# What this worker process's ``load`` returned (unset in the parent).
_STATE: Any = None


def _start(load: Callable[..., Any] | None, load_args: tuple) -> None:
    global _STATE
    _STATE = load(*load_args) if load is not None else None


def _call(func: Callable[[Any, T], R], on_error: Callable[[Any, T, Exception], R] | None, item: T) -> R:
    if on_error is None:
        return func(_STATE, item)
    try:
        return func(_STATE, item)
    except Exception as exc:  # recorded by on_error, in the worker: one bad item must not end the run
        return on_error(_STATE, item, exc)


class WorkerPool:
    """``processes`` worker processes, each holding what ``load(*load_args)`` returned.

    Use as a context manager (or call :meth:`close`, or :meth:`terminate` to stop at once)."""

    def __init__(self, processes: int, load: Callable[..., Any] | None = None, load_args: tuple = (), *,
                 start: StartMethod = "spawn") -> None:
        self.processes = max(1, int(processes))
        ctx = multiprocessing.get_context(start)
        self._pool: Any = ctx.Pool(self.processes, initializer=_start, initargs=(load, tuple(load_args)))

    def imap(self, func: Callable[[Any, T], R], items: Iterable[T], chunksize: int = 1,
             on_error: Callable[[Any, T, Exception], R] | None = None) -> Iterator[R]:
        """``func(state, item)`` per item, in input order; ``chunksize`` items go to a worker at a time."""
        if self._pool is None:
            raise ValueError("the worker pool is closed")
        return self._pool.imap(functools.partial(_call, func, on_error), items, chunksize=chunksize)

    def map(self, func: Callable[[Any, T], R], items: Iterable[T],
            on_error: Callable[[Any, T, Exception], R] | None = None) -> list[R]:
        """``func(state, item)`` per item, in input order, as a list."""
        return list(self.imap(func, items, on_error=on_error))

    def close(self) -> None:
        """Let the workers finish and wait for them to exit."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.close()
            pool.join()

    def terminate(self) -> None:
        """End the workers now, whatever they are doing."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.terminate()
            pool.join()

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:  # an error, a KeyboardInterrupt, or a generator closed early: nothing more is wanted
            self.terminate()
