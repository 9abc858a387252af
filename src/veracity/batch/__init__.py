"""Batch runs over many articles: local worker processes (``local``) or Ray actors (``ray_runner``);
the worker pool every multi-process run shares (``pool``).

``claims`` and ``attribution`` import ``batch.pool``, which loads this module first: it imports
only ``errors``, and must stay that light (no pipeline, no stage).
"""

from __future__ import annotations

from typing import Iterable, Iterator, TypeVar

from ..errors import VeracityError

T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    chunk: list[T] = []
    for it in items:
        chunk.append(it)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class RecordedError(VeracityError):
    """An error that happened in a worker, carried back as its code and message."""

    def __init__(self, code: str, message: str, source: str | None):
        super().__init__(message, source=source)
        self.code = code
