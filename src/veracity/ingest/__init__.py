"""Ingest: turn paths (files, directories, corpora, feeds, `-` for stdin) into Articles.

``iter_articles`` yields an :class:`~veracity.records.Article` or an
:class:`~veracity.errors.InputError` per input item (a file, a corpus row, a feed entry), so a
batch never dies on one bad file. Formats are chosen by suffix (``.gz`` is looked through);
a file with an unknown suffix given by name is sniffed. ``Article.text`` is exactly what the
pipeline analyses and what ``veracity extract`` prints.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence

from ..errors import InputError
from ..records import Article
from ..options import Options
from .corpus import FIELD_NAMES, iter_csv, iter_json, iter_jsonl
from .feed import iter_feed, looks_like_feed
from .html import extract_html
from .text import BINARY_SNIFF_BYTES, article_from_bytes, make_article, mib, unexpected_error

__all__ = ["expand", "iter_articles", "iter_path", "read_path", "read_bytes", "read_limited", "article_from_bytes", "SUFFIXES"]

TEXT, HTML, JSONL, JSON, CSV, TSV, FEED, XML = "text", "html", "jsonl", "json", "csv", "tsv", "feed", "xml"
SUFFIXES: dict[str, str] = {
    ".txt": TEXT, ".text": TEXT, ".md": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
    ".jsonl": JSONL, ".ndjson": JSONL, ".json": JSON,
    ".csv": CSV, ".tsv": TSV,
    ".rss": FEED, ".atom": FEED, ".xml": XML,
}
CORPORA = (JSONL, CSV, TSV)
# A corpus directory's own documentation (bbc-news/README.TXT, LICENSE.txt) is not an article;
# skipped when a directory is walked, still read when named on its own.
CORPUS_DOC = re.compile(r"^(readme|licen[cs]e|copying|changelog|provenance|notice|authors|citation)(\.|$)", re.I)
SNIFF_BYTES = 1024


def _format(name: str) -> tuple[str | None, bool]:
    """(format, gzipped) by file name; format None for an unknown suffix."""
    p = Path(name.lower())
    gz = p.suffix == ".gz"
    if gz:
        p = p.with_suffix("")
    return SUFFIXES.get(p.suffix), gz


def _sniff(data: bytes) -> str:
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head:
        return HTML
    if head.startswith(b"<") and looks_like_feed(data):
        return FEED
    if head.startswith(b"{") and _looks_like_jsonl(data):
        return JSONL
    return TEXT


def _looks_like_jsonl(data: bytes) -> bool:
    """A first line that is a JSON object with a text field: a corpus piped in, not an article."""
    first = data.split(b"\n", 1)[0]
    try:
        row = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return isinstance(row, dict) and any(str(k).strip().lower() in FIELD_NAMES["text"] for k in row)


def expand(paths: Sequence[str]) -> Iterator[str]:
    """Files to read: named files as given (an unknown suffix is sniffed), directories
    recursively in sorted order so runs are reproducible, skipping hidden entries, files of no
    known type (images, ...) and the corpus's own README/LICENSE files, ``-`` for stdin."""
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            yield p
            continue
        found: list[str] = []
        # os.walk does not follow symlinked directories (no loops); an unreadable directory is
        # yielded as itself so that reading it reports why.
        for top, dirs, files in os.walk(p, onerror=lambda exc: found.append(exc.filename or p)):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(os.path.join(top, f) for f in files
                         if not f.startswith(".") and not CORPUS_DOC.match(f) and _format(f)[0] is not None
                         and os.path.isfile(os.path.join(top, f)))
        yield from sorted(found) if found else [p]  # an empty directory is reported, not skipped


def _too_big(size: int, limit: int, what: str = "") -> str:
    return f"{what}{mib(size)}, over the {mib(limit)} input limit (max_input_bytes)"


def read_limited(f: BinaryIO, limit: int, source: str, what: str = "") -> bytes:
    """At most ``limit`` bytes of ``f`` (a pipe, /dev/zero, a gzip stream: sizes unknown ahead),
    or a one-line error naming the limit; never more than limit + 1 bytes in memory."""
    data = f.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{what}over the {mib(limit)} input limit (max_input_bytes)", source=source)
    return data


def read_bytes(path: str, options: Options, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of one file or of stdin (``-``), under the same input limit as every input."""
    if path == "-":
        return read_limited(stdin or sys.stdin.buffer, options.max_input_bytes, "<stdin>")
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file" if not p.exists() else "not a regular file", source=path)
    try:
        size = p.stat().st_size
        if size > options.max_input_bytes:
            raise InputError(_too_big(size, options.max_input_bytes, "file is "), source=path)
        with open(p, "rb") as f:
            return read_limited(f, options.max_input_bytes, path)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=path) from None


def _from_bytes(data: bytes, fmt: str, source: str, options: Options, kind_text: str = "text") -> Iterator[Article | InputError]:
    if fmt == XML:
        if not looks_like_feed(data):
            raise InputError("XML but not an RSS/Atom feed", source=source)
        fmt = FEED
    if fmt == HTML:
        yield _html_article(data, source, options)
    elif fmt == FEED:
        yield from iter_feed(data, source, options)
    elif fmt == JSON:
        yield from iter_json(data, source, options)
    elif fmt == JSONL:
        yield from iter_jsonl(io.BufferedReader(io.BytesIO(data)), source, options)  # type: ignore[arg-type]
    else:
        yield article_from_bytes(data, source, options, kind=kind_text)


def _html_article(data: bytes, source: str, options: Options) -> Article:
    if not data.strip():
        raise InputError("empty input", source=source)
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError("binary data (NUL bytes), not HTML", source=source)
    page = extract_html(data, source=source)
    meta = {"html_lang": page.html_lang} if page.html_lang else {}
    return make_article(page.text, source, options, kind="html", warnings=page.warnings, meta=meta,
                        declared_language=page.html_lang,
                        title=page.title, byline=page.byline, outlet=page.sitename, url=page.url,
                        published=page.date)


def _open(path: Path, gz: bool) -> BinaryIO:
    # A buffered reader so corpus readers can peek; gzip streams decompress lazily.
    return gzip.open(path, "rb") if gz else open(path, "rb", buffering=1 << 16)  # type: ignore[return-value]


def iter_path(path: str, options: Options, stdin: BinaryIO | None = None) -> Iterator[Article | InputError]:
    """Articles of one input, or InputErrors for what could not be read. A corpus or feed
    yields one item per row or entry; an error that spoils the whole file is raised."""
    if path == "-":
        data = read_limited(stdin or sys.stdin.buffer, options.max_input_bytes, "<stdin>")
        yield from _from_bytes(data, _sniff(data), "<stdin>", options, kind_text="stdin")
        return
    p = Path(path)
    if not p.exists():
        raise InputError("no such file or directory", source=path)
    if p.is_dir():
        try:
            os.listdir(p)
        except OSError as exc:
            raise InputError(f"cannot read directory: {exc.strerror or exc}", source=path) from None
        raise InputError(f"no files of a known type in this directory ({', '.join(sorted(k for k in SUFFIXES if k))})", source=path)
    if not p.is_file():
        raise InputError("not a regular file", source=path)
    fmt, gz = _format(p.name)
    size = p.stat().st_size
    try:
        if fmt in CORPORA:
            # Corpora are streamed row by row; the input limit applies to each row instead.
            with _open(p, gz) as f:
                if fmt == JSONL:
                    yield from iter_jsonl(f, path, options)
                else:
                    yield from iter_csv(f, path, options, delimiter="\t" if fmt == TSV else ",")
            return
        if size > options.max_input_bytes:
            raise InputError(_too_big(size, options.max_input_bytes, "file is "), source=path)
        with _open(p, gz) as f:
            data = read_limited(f, options.max_input_bytes, path, "decompressed, " if gz else "")
        yield from _from_bytes(data, fmt or _sniff(data), path, options)
    except (OSError, EOFError, zlib.error) as exc:
        # Unreadable file, permission denied, a truncated or corrupt .gz: the file's own error.
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        raise InputError(f"cannot read: {reason}", source=path) from None


def read_path(path: str, options: Options, stdin: BinaryIO | None = None) -> list[Article]:
    """All articles of one input; raises the first InputError met (``iter_articles`` goes on)."""
    out: list[Article] = []
    for item in iter_path(path, options, stdin):
        if isinstance(item, InputError):
            raise item
        out.append(item)
    return out


def iter_articles(paths: Sequence[str], options: Options, stdin: BinaryIO | None = None) -> Iterator[Article | InputError]:
    for path in expand(paths):
        try:
            yield from iter_path(path, options, stdin)
        except InputError as exc:
            exc.source = exc.source or path
            yield exc
        except Exception as exc:  # noqa: BLE001
            # A parser failing in a way no test has met yet must not sink the rest of a batch:
            # it is reported for this input, with the original chained for --verbose. (Corpus
            # and feed readers do the same per row, so the rows after a bad one are still read.)
            yield unexpected_error(exc, path)

