"""Ingest: turn paths (files, directories, corpora, feeds, `-` for stdin) into Articles.

``iter_articles`` yields an :class:`~veracity.model.Article` or an
:class:`~veracity.errors.InputError` per input item, so a batch never dies on one bad file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence

from ..errors import InputError
from ..model import Article
from ..options import Options
from .text import article_from_bytes

SUPPORTED_SUFFIXES = {".txt", ".text", ".md", ""}


def expand(paths: Sequence[str]) -> Iterator[str]:
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield str(child)
        else:
            yield p


def read_path(path: str, options: Options, stdin: BinaryIO | None = None) -> list[Article]:
    if path == "-":
        data = (stdin or sys.stdin.buffer).read(options.max_input_bytes + 1)
        return [article_from_bytes(data, "<stdin>", options, kind="stdin")]
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", source=path)
    size = p.stat().st_size
    if size > options.max_input_bytes:
        raise InputError(f"file is {size / 1e6:.1f} MB, over the {options.max_input_bytes / 1e6:.0f} MB limit", source=path)
    return [article_from_bytes(p.read_bytes(), path, options)]


def iter_articles(paths: Sequence[str], options: Options, stdin: BinaryIO | None = None) -> Iterator[Article | InputError]:
    for path in expand(paths):
        try:
            yield from read_path(path, options, stdin)
        except InputError as exc:
            exc.source = exc.source or path
            yield exc
