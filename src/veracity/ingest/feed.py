"""RSS and Atom files: one article per entry, read from the local bytes only.

feedparser is handed a byte stream, never a string, because a string that looks like a URL
or a path would be fetched or opened; its SAX parser has external entities switched off, so a
feed cannot make ingest read a remote or local resource. Entry HTML goes through the same
HTML-to-text path as pages.
"""

from __future__ import annotations

import io
import re
from typing import Any, Iterator

from ..errors import InputError
from ..records import Article
from ..options import Options
from .dates import iso_date
from .html import clean_text, extract_html
from .text import BINARY_SNIFF_BYTES, make_article, unexpected_error

# A feed's root element appears within the first bytes (after an XML declaration, comments
# and perhaps a stylesheet instruction).
FEED_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)\b")
SNIFF_BYTES = 2048
MAX_META_CHARS = 2000


def looks_like_feed(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    m = FEED_ROOT.search(head)
    return bool(m) and b"<html" not in head[: m.start()].lower()


def _entry_text(entry: Any, source: str) -> tuple[str, list[str]]:
    parts = list(entry.get("content") or [])
    if not parts and entry.get("summary"):
        parts = [entry.get("summary_detail") or {"value": entry.get("summary"), "type": "text/html"}]
    best = ""
    for part in parts:
        value = part.get("value") or ""
        if not value.strip():
            continue
        if "html" in (part.get("type") or "text/html"):
            text = extract_html(value, source=source, fragment=True).text
        else:
            text = clean_text(value)
        if len(text) > len(best):
            best = text
    if not best:
        raise InputError("entry has no content or summary", source=source)
    return best, [] if entry.get("content") else ["only the entry's summary was in the feed"]


def _short(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return clean_text(value)[:MAX_META_CHARS] or None


def iter_feed(data: bytes, name: str, options: Options) -> Iterator[Article | InputError]:
    import feedparser

    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError("binary data (NUL bytes), not a feed", source=name)
    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    except Exception as exc:  # feedparser's encoding sniffing raises on some broken bytes
        raise InputError(f"not a readable RSS/Atom feed ({type(exc).__name__})", source=name) from exc
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        raise InputError(f"not a readable RSS/Atom feed{f' ({reason})' if reason else ''}" if parsed.get("bozo")
                         else "feed has no entries", source=name)
    outlet = _short(parsed.get("feed", {}).get("title"))
    for i, entry in enumerate(entries, 1):
        source = f"{name}#{i}"
        try:
            text, warnings = _entry_text(entry, source)
            published = iso_date(entry.get("published_parsed") or entry.get("updated_parsed")) \
                or iso_date(entry.get("published") or entry.get("updated"))
            meta = {"entry_id": entry["id"]} if isinstance(entry.get("id"), str) else {}
            yield make_article(text, source, options, kind="feed", warnings=warnings, meta=meta,
                               title=_short(entry.get("title")), url=_short(entry.get("link")),
                               byline=_short(entry.get("author")), outlet=outlet, published=published)
        except InputError as exc:
            yield exc
        except Exception as exc:  # noqa: BLE001 - one broken entry must not drop the entries after it
            yield unexpected_error(exc, source)
