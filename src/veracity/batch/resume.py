"""Resuming a stopped `veracity batch` run from its own output.

The output file is the run's journal: one JSON line per input, written only after that input's
dossier is committed to the store, so every line on disk has its stored record. ``--resume``
reads the output back, drops a last line the kill cut short (the file is truncated to its last
complete line), and skips every input that already has a line; the others are analysed and
appended. Whatever was committed but not yet written is simply analysed again (saving the same
dossier twice is a no-op), so after any number of kills each input has exactly one line.

Inputs are keyed by their source (``corpus.jsonl:12``, a path, ``<stdin>``) and how many times
that source came before, never by content id: two inputs with the same text share a content id,
and resuming by id once skipped the second of them, whose line was then never written.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ConfigError, InputError
from ..records import Article


def item_source(item: Article | InputError) -> str:
    """The key of an input as the batch output records it (``Result.source``)."""
    if isinstance(item, Article):
        return item.source_path or item.id
    return item.source or "?"


def line_source(record: dict) -> str | None:
    """The input an output line belongs to: an error record's ``source``, a dossier's article."""
    if "error" in record:
        return record.get("source")
    article = record.get("article")
    if isinstance(article, dict):
        return article.get("source_path") or article.get("id")
    return None


def done_sources(path: str | Path) -> Counter[str]:
    """How many complete lines ``path`` holds per input source. A last line without its newline
    (the run was killed while writing it) is cut off the file, so appending starts clean."""
    done: Counter[str] = Counter()
    p = Path(path)
    if not p.exists():
        return done
    complete = 0  # bytes up to the end of the last complete line
    with open(p, "rb+") as f:
        for n, raw in enumerate(f, 1):
            if not raw.endswith(b"\n"):
                break
            try:
                source = line_source(json.loads(raw))
            except (ValueError, AttributeError):
                source = None
            if source is None:
                raise ConfigError(f"{p}:{n}: not a line `veracity batch` wrote; cannot resume into this file")
            done[source] += 1
            complete += len(raw)
        f.truncate(complete)
    return done


def skip_done(items: Iterable[Article | InputError], done: Counter[str], skipped: list[int]) -> Iterator[Article | InputError]:
    """``items`` without those that already have a line; ``skipped[0]`` counts them."""
    seen: Counter[str] = Counter()
    for item in items:
        source = item_source(item)
        seen[source] += 1
        if seen[source] <= done[source]:
            skipped[0] += 1
            continue
        yield item
