"""Corpora: JSON Lines and CSV/TSV files, one article per row, streamed.

A row needs a ``text`` field (``body`` and ``content`` are accepted too) and may carry
``title``, ``url``, ``outlet``, ``published``, ``byline`` and ``id``. A bad row becomes an
InputError naming ``file:LINE`` and the rest of the file is still read; a row is never
larger than ``options.max_input_bytes``, so a giant file never sits in memory at once.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO, Callable, Iterator

from ..errors import InputError
from ..records import Article
from ..options import Options
from .dates import iso_date
from .text import BINARY_SNIFF_BYTES, decode, make_article, mib, unexpected_error

# Accepted names for each field, first match wins; corpora in the wild use all of these.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "story"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "publisher", "sitename"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate"),
    "byline": ("byline", "author", "authors"),
    "id": ("id", "doc_id", "article_id", "uuid"),
}
# After this many bad rows in a row, the file is not the corpus it claims to be: stop reading
# it with one error instead of printing thousands.
MAX_CONSECUTIVE_BAD_ROWS = 50
# Short string fields (title, outlet, ...) longer than this are data errors, not metadata.
MAX_FIELD_CHARS = 2000


def _names(names: Any) -> str:
    """Field names from the input, quoted and cut short so an error stays one readable line."""
    shown = [repr(str(n)[:30]) for n in list(names)[:12]]
    return ", ".join(shown) or "none"


def _pick(row: dict[str, Any], name: str) -> Any:
    lowered = {str(k).strip().lower(): v for k, v in row.items()}
    for key in FIELD_NAMES[name]:
        value = lowered.get(key)
        if value not in (None, ""):
            return value
    return None


def _short(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # "authors": ["A", "B"]
        value = ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    s = str(value).strip()
    return s[:MAX_FIELD_CHARS] or None


def article_from_row(row: Any, source: str, options: Options, kind: str, warnings: list[str] | None = None) -> Article:
    if not isinstance(row, dict):
        raise InputError(f"row is JSON {type(row).__name__}, not an object with a 'text' field", source=source)
    text = _pick(row, "text")
    if text is None and any(str(k).strip().lower() in FIELD_NAMES["text"] for k in row):
        raise InputError("empty 'text'", source=source)
    if text is None:
        raise InputError(f"no 'text' field (fields: {_names(sorted(map(str, row)))})", source=source)
    if not isinstance(text, str):
        raise InputError(f"'text' is {type(text).__name__}, not a string", source=source)
    if not text.strip():
        raise InputError("empty 'text'", source=source)
    warnings = list(warnings or [])
    raw_date = _pick(row, "published")
    published = iso_date(raw_date) if isinstance(raw_date, str) else None
    if raw_date is not None and published is None:
        warnings.append(f"publication date {str(raw_date)[:40]!r} not understood; ignored")
    meta: dict[str, Any] = {}
    ident = _short(_pick(row, "id"))
    if ident:
        meta["source_id"] = ident
    return make_article(text, source, options, kind=kind, warnings=warnings, meta=meta,
                        title=_short(_pick(row, "title")), url=_short(_pick(row, "url")),
                        outlet=_short(_pick(row, "outlet")), byline=_short(_pick(row, "byline")),
                        published=published)


def _lines(f: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over ``limit`` (its rest is skipped)."""
    n = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line in bounded chunks
                more = f.readline(limit + 1)
                if not more or more.endswith(b"\n"):
                    break
            yield n, None
        else:
            yield n, line


# An image, an archive or a sparse file has NUL bytes throughout its first block; a corpus with a
# stray NUL in one row's text (a corrupted field) has one or two, and its other rows are read
# (that row gets its own error). More NUL bytes than this share of the block (and than 2) is
# binary data: the smallest PNG header has 4 in 16 bytes, a sparse file nothing else.
BINARY_NUL_SHARE = 0.001


def _refuse_binary(f: BinaryIO, name: str, what: str) -> None:
    """NUL bytes throughout the first block: an image, an archive or a sparse file, not a corpus."""
    head = f.peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES] if hasattr(f, "peek") else b""
    if head.count(b"\x00") > max(2, BINARY_NUL_SHARE * len(head)):
        raise InputError(f"binary data (NUL bytes), not {what}", source=name)


def _row(read: Callable[..., Article], raw: Any, source: str, options: Options, *args: Any) -> Article | InputError:
    """One row read into an Article, or the error that stopped it. Any exception, even one no test
    has met yet, becomes this row's error: the rows after a bad row are always read."""
    try:
        return read(raw, source, options, *args)
    except InputError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001
        return unexpected_error(exc, source)


def _jsonl_row(line: bytes | None, source: str, options: Options) -> Article:
    if line is None:
        raise InputError(f"row over the {mib(options.max_input_bytes)} input limit (max_input_bytes)", source=source)
    text, warnings = decode(line, source)
    try:
        row = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"not valid JSON ({getattr(exc, 'msg', 'nested too deeply')})", source=source) from None
    return article_from_row(row, source, options, "jsonl", warnings)


def iter_jsonl(f: BinaryIO, name: str, options: Options) -> Iterator[Article | InputError]:
    _refuse_binary(f, name, "JSON Lines")
    bad = 0
    seen = False
    for n, line in _lines(f, options.max_input_bytes):
        source = f"{name}:{n}"
        if line is not None and not line.strip():
            continue
        item = _row(_jsonl_row, line, source, options)
        yield item
        if isinstance(item, Article):
            bad, seen = 0, True
        else:
            bad += 1
            if bad >= MAX_CONSECUTIVE_BAD_ROWS:
                yield InputError(f"stopped after {bad} bad rows in a row; is this JSON Lines?", source=name)
                return
    if not seen and bad == 0:
        yield InputError("no rows", source=name)


def iter_json(data: bytes, name: str, options: Options) -> Iterator[Article | InputError]:
    """A .json file: one object with a text field, or a list of them."""
    text, warnings = decode(data, name)
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"not valid JSON ({getattr(exc, 'msg', 'nested too deeply')})", source=name) from None
    rows = doc if isinstance(doc, list) else [doc]
    if not rows:
        raise InputError("empty JSON list", source=name)
    for i, row in enumerate(rows):
        source = f"{name}[{i}]" if isinstance(doc, list) else name
        yield _row(article_from_row, row, source, options, "json", warnings)


def _fix_surrogates(value: str, source: str) -> tuple[str, list[str]]:
    """CSV is read with surrogateescape; a field with undecodable bytes is decoded on its own."""
    try:
        value.encode("utf-8")
        return value, []
    except UnicodeEncodeError:
        return decode(value.encode("utf-8", "surrogateescape"), source)


def _csv_row(values: list[str], source: str, options: Options, header: list[str]) -> Article:
    if len(values) != len(header):
        raise InputError(f"{len(values)} fields, the header has {len(header)}", source=source)
    warnings: list[str] = []
    row: dict[str, Any] = {}
    for key, value in zip(header, values):
        value, w = _fix_surrogates(value, source)
        row[key] = value
        warnings.extend(w)
    return article_from_row(row, source, options, "csv", sorted(set(warnings)))


def iter_csv(f: BinaryIO, name: str, options: Options, delimiter: str = ",") -> Iterator[Article | InputError]:
    _refuse_binary(f, name, "CSV")
    # The csv module's default field limit (128 KB) is below a long article; raise it to ours.
    csv.field_size_limit(max(csv.field_size_limit(), options.max_input_bytes))
    stream = io.TextIOWrapper(f, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        reader = csv.reader(stream, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError("empty CSV file", source=name) from None
        except csv.Error as exc:
            raise InputError(f"not readable as CSV ({exc})", source=name) from None
        header = [_fix_surrogates(h, name)[0].strip() for h in header]
        if not any(h.lower() in FIELD_NAMES["text"] for h in header):
            raise InputError(f"no 'text' column (columns: {_names(header)})", source=name)
        bad, seen = 0, False
        while True:
            line = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                bad += 1
                yield InputError(f"not readable as CSV ({exc})", source=f"{name}:{line}")
                if bad >= MAX_CONSECUTIVE_BAD_ROWS:
                    yield InputError(f"stopped after {bad} bad rows in a row", source=name)
                    return
                continue
            if not any(v.strip() for v in values):
                continue
            item = _row(_csv_row, values, f"{name}:{line}", options, header)
            yield item
            if isinstance(item, Article):
                bad, seen = 0, True
            else:
                bad += 1
                if bad >= MAX_CONSECUTIVE_BAD_ROWS:
                    yield InputError(f"stopped after {bad} bad rows in a row", source=name)
                    return
        if not seen and bad == 0:
            yield InputError("no rows after the header", source=name)
    finally:
        stream.detach()  # the caller owns and closes the file, not this wrapper
