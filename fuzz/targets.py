"""Fuzz targets: one function per target, taking the fuzzer's bytes and checking the properties.

Shared by the coverage-guided fuzzer (``fuzz/atheris_main.py``, driven by ``scripts/fuzz.py``),
the replay of the committed seed corpus in ``tests/fuzz`` and ``scripts/fuzz.py --replay``.

A target returns the number of spans it checked, or raises :class:`Finding` when a property
fails. The properties:

- ingest (``text``, ``html``, ``corpus``, ``feed``): reading any bytes through the public
  ingest functions yields Articles or InputErrors and raises nothing; an error is one line;
  an error that is a parser's unexpected exception caught by a safety net (``could not be read
  (...)``) is a bug too (kind ``caught``); an Article's text is non-empty valid Unicode, and a
  plain UTF-8 ``.txt`` file's text is exactly its bytes decoded.
- ``analyze``: ``analyze_text`` on any text (lone surrogates included) raises nothing but the
  project's own errors (``VeracityError``); every span satisfies ``text[start:end] == span.text``
  (``schema.check_offsets``); the dossier is JSON that encodes as UTF-8; with the render flag,
  the HTML, Markdown and ClaimReview reports render and no markup from the input survives.

The first byte of an input is a flags byte choosing how the rest is read (suffix, decoding,
publication date, options), so that seeds stay readable: a flags byte then plain text.
"""

from __future__ import annotations

import atexit
import gzip
import io
import json
import os
import re
import shutil
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

# Kinds of finding, as scripts/fuzz.py counts them.
CRASH, CAUGHT, SPAN, ESCAPE = "crash", "caught", "span", "escape"
# An input slower than this is kept (as slow-*) for a look; a hang is libFuzzer's -timeout.
SLOW_SECONDS = 1.0
# The message of ingest.text.unexpected_error: a parser raised something no test had met.
CAUGHT_PREFIX = "could not be read ("
# The analysis target reads publication dates at the calendar's edges ("Tomorrow" on
# 9999-12-31 overflowed once).
PUBLISHED = (None, "2025-02-14", "9999-12-31", "0001-01-01")
# Markup that must never reach an HTML or Markdown report unescaped.
MARKUP = re.compile(r"<(script|img|iframe|svg|object|embed|style|a|body|meta|link|form|input|textarea|math)\b", re.I)


class Finding(Exception):
    """A property failed: ``kind`` is one of CRASH, CAUGHT, SPAN, ESCAPE."""

    def __init__(self, kind: str, message: str):
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.message = message


_TMP: Path | None = None


def _tmpdir() -> Path:
    """Where ingest inputs are written: in memory (/dev/shm) when it can be. Removed at exit;
    libFuzzer ends its process without Python's atexit, so scripts/fuzz.py points
    VERACITY_FUZZ_TMP at a folder of its own and removes that instead."""
    global _TMP
    if _TMP is None:
        base = os.environ.get("VERACITY_FUZZ_TMP")
        if base:
            os.makedirs(base, exist_ok=True)
        elif os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK):
            base = "/dev/shm"
        _TMP = Path(tempfile.mkdtemp(prefix="veracity-fuzz-", dir=base))
        atexit.register(shutil.rmtree, _TMP, True)
    return _TMP


def _options(**kw):
    from veracity.options import Options

    return Options(**kw)


_INGEST_OPTIONS: dict[bool, object] = {}


def _ingest_options(allow_non_english: bool):
    if allow_non_english not in _INGEST_OPTIONS:
        _INGEST_OPTIONS[allow_non_english] = _options(allow_non_english=allow_non_english)
    return _INGEST_OPTIONS[allow_non_english]


def check_items(items: list, source: str) -> None:
    """The ingest properties on what one input gave."""
    from veracity.errors import InputError, VeracityError
    from veracity.records import Article

    if not items:
        raise Finding(CRASH, f"{source}: no item at all (neither an article nor an error)")
    for item in items:
        if isinstance(item, InputError):
            msg = item.message
            if not msg or "\n" in msg:
                raise Finding(CRASH, f"{source}: error message empty or not one line: {msg!r}")
            if msg.startswith(CAUGHT_PREFIX):
                raise Finding(CAUGHT, f"{item.source}: {msg}")
        elif isinstance(item, VeracityError):
            raise Finding(CRASH, f"{source}: ingest yielded {type(item).__name__}: {item}")
        elif isinstance(item, Article):
            if not item.text.strip():
                raise Finding(CRASH, f"{source}: an article with no text")
            try:
                item.text.encode("utf-8")
                json.dumps({k: getattr(item, k) for k in ("title", "byline", "outlet", "url", "published", "meta")},
                           ensure_ascii=False).encode("utf-8")
            except (UnicodeEncodeError, TypeError, ValueError) as exc:
                raise Finding(CRASH, f"{source}: article not encodable: {exc}") from None
        else:
            raise Finding(CRASH, f"{source}: ingest yielded a {type(item).__name__}")


def ingest(data: bytes, suffix: str, allow_non_english: bool = True) -> list:
    """``data`` read as a file named ``input<suffix>`` (``-``: stdin) by ``iter_articles``,
    checked; returns the items."""
    from veracity.ingest import iter_articles

    options = _ingest_options(allow_non_english)
    if suffix == "-":
        path = "-"
        stdin = io.BytesIO(data)
    else:
        path = str(_tmpdir() / f"input{suffix}")
        Path(path).write_bytes(gzip.compress(data, compresslevel=1) if suffix.endswith(".gz") else data)
        stdin = None
    try:
        items = list(iter_articles([path], options, stdin))  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - iter_articles promises to raise nothing
        raise Finding(CRASH, f"iter_articles raised {type(exc).__name__}: {exc}") from exc
    check_items(items, path)
    return items


def _ingest_target(suffixes: tuple[str, ...]):
    def target(data: bytes) -> int:
        if not data:
            return 0
        flags, body = data[0], data[1:]
        suffix = suffixes[flags % len(suffixes)]
        items = ingest(body, suffix, allow_non_english=not flags & 0x80)
        if suffix in (".txt", ".md") and not body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
            # A plain UTF-8 file is kept exactly: what `veracity extract` prints is the file.
            try:
                want = body.decode("utf-8")
            except UnicodeDecodeError:
                return 0
            got = [i for i in items if hasattr(i, "text")]
            if got and got[0].text != want:
                raise Finding(CRASH, f"plain UTF-8 text changed by ingest ({len(want)} -> {len(got[0].text)} chars)")
        return 0

    return target


target_text = _ingest_target((".txt", ".dat", "-", ".md", ".txt.gz"))
target_html = _ingest_target((".html", ".htm", ".dat", "-", ".xhtml"))
target_corpus = _ingest_target((".jsonl", ".csv", ".tsv", ".json", "-", ".jsonl.gz"))
target_feed = _ingest_target((".rss", ".atom", ".xml", "-"))


_ANALYZE_OPTIONS: dict[bool, object] = {}


def analyze_options(allow_non_english: bool = True):
    """Options with the cheap rule attribution: the checks are about robustness, not accuracy."""
    if allow_non_english not in _ANALYZE_OPTIONS:
        from veracity.options import DEFAULT_STAGES, with_attribution

        _ANALYZE_OPTIONS[allow_non_english] = _options(stages=with_attribution(DEFAULT_STAGES, "rules"),
                                                       allow_non_english=allow_non_english)
    return _ANALYZE_OPTIONS[allow_non_english]


def decode_text(flags: int, body: bytes) -> str:
    """The analysed text: UTF-8 (bad bytes replaced), UTF-8 with bad bytes as lone surrogates
    (surrogateescape), or UTF-16-LE with lone surrogates passed through."""
    mode = (flags >> 2) & 3
    if mode == 1:
        return body.decode("utf-8", "surrogateescape")
    if mode == 2:
        return body[: len(body) // 2 * 2].decode("utf-16-le", "surrogatepass")
    return body.decode("utf-8", "replace")


def check_dossier(dossier, text: str) -> int:
    """Spans exact, JSON encodable, the text kept (lone surrogates replaced one for one)."""
    from veracity.records import dossier_to_dict
    from veracity.schema import check_offsets, iter_spans

    data = dossier_to_dict(dossier)
    bad = check_offsets(data)
    if bad:
        raise Finding(SPAN, f"{len(bad)} spans off: {bad[:3]}")
    if len(data["article"]["text"]) != len(text):
        raise Finding(SPAN, f"article text is {len(data['article']['text'])} chars, the input {len(text)}")
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError) as exc:
        raise Finding(CRASH, f"dossier JSON not encodable: {exc}") from None
    return sum(1 for _ in iter_spans(data))


def check_reports(dossier) -> None:
    """Every renderer works and none lets markup from the input through."""
    from veracity.report import render

    for fmt in ("json", "jsonl", "md", "claimreview", "summary"):
        out = render([dossier], fmt)
        if fmt in ("json", "jsonl", "claimreview"):
            json.loads(out)
    check_html_escapes(render([dossier], "html"))
    md = render([dossier], "md")
    if MARKUP.search(md):
        raise Finding(ESCAPE, f"markup in the Markdown report: {MARKUP.search(md).group(0)!r}")


# Tags the report template writes a fixed number of times per report (script: a JSON island per
# dossier and the page script).
FIXED_TAGS = {"script": 2, "style": 1, "meta": 3, "body": 1, "html": 1, "head": 1, "title": 1}
# Tags the template writes: any other tag in a report came from the input.
TEMPLATE_TAGS = frozenset({"b", "body", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "html", "i",
                           "li", "main", "meta", "p", "pre", "rect", "script", "section", "span", "style", "svg",
                           "table", "tbody", "td", "text", "th", "thead", "title", "tr", "ul", "circle", "line", "g"})
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"})


class _Tags(HTMLParser):
    """Start tags and attributes as a browser's tokenizer sees them (script content is raw text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.counts: dict[str, int] = {}
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}=...>")
            elif name in URL_ATTRS and value and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "vbscript:", "data:text/html")):
                self.bad.append(f"<{tag} {name}={value[:40]!r}>")

    handle_startendtag = handle_starttag


def check_html_escapes(html: str, n_dossiers: int = 1) -> None:
    """The HTML report has exactly the template's own tags: none came from the input, nor any
    event handler or script URL."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    counts = parser.counts
    for tag, n in FIXED_TAGS.items():
        want = n_dossiers + 1 if tag == "script" else n
        if counts.get(tag, 0) != want:
            raise Finding(ESCAPE, f"{counts.get(tag, 0)} <{tag}> in the HTML report, the template writes {want}")
    foreign = sorted(set(counts) - TEMPLATE_TAGS)
    if foreign:
        raise Finding(ESCAPE, f"tags the template never writes in the HTML report: {foreign}")
    if parser.bad:
        raise Finding(ESCAPE, f"event handler or script URL in the HTML report: {parser.bad[:3]}")


def target_analyze(data: bytes) -> int:
    """flags: bits 0-1 publication date, 2-3 decoding, 4 render the reports, 5 refuse non-English."""
    from veracity import analysis
    from veracity.errors import VeracityError

    if not data:
        return 0
    flags, body = data[0], data[1:]
    text = decode_text(flags, body)
    published = PUBLISHED[flags & 3]
    try:
        dossier = analysis.analyze_text(text, analyze_options(not flags & 0x20), published=published)
    except VeracityError as exc:
        if not exc.message or "\n" in exc.message:
            raise Finding(CRASH, f"error message empty or not one line: {exc.message!r}") from None
        return 0
    except Exception as exc:  # noqa: BLE001
        raise Finding(CRASH, f"analyze_text raised {type(exc).__name__}: {str(exc)[:300]}") from exc
    n = check_dossier(dossier, text)
    if flags & 0x10:
        try:
            check_reports(dossier)
        except Finding:
            raise
        except Exception as exc:  # noqa: BLE001
            raise Finding(CRASH, f"rendering raised {type(exc).__name__}: {str(exc)[:300]}") from exc
    return n


TARGETS = {
    "text": target_text,
    "html": target_html,
    "corpus": target_corpus,
    "feed": target_feed,
    "analyze": target_analyze,
}
# Longest input per target (libFuzzer -max_len): long enough for real pages and feeds, short
# enough to keep executions fast. The cost of long inputs is benchmarks/limits.py's job.
MAX_LEN = {"text": 4096, "html": 16384, "corpus": 8192, "feed": 16384, "analyze": 3072}


def warm_up(name: str) -> None:
    """Load models before fuzzing, so the first input's time is not the models' load time."""
    seed = b"\x10The minister said on Tuesday that 300 troops were sent to <b>eastern Ukraine</b>. Tomorrow, more."
    try:
        TARGETS[name](seed)
    except Finding:
        pass


def run_one(name: str, data: bytes) -> tuple[int, float]:
    """(spans checked, seconds) for one input; a Finding propagates."""
    t0 = time.perf_counter()
    n = TARGETS[name](data)
    return n, time.perf_counter() - t0
