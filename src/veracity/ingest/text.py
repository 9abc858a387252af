"""Plain text: decode carefully, refuse what is not text, keep the text exactly.

UTF-8 is the norm. Text that is not UTF-8 but reads as a legacy encoding (Latin-1 / cp1252
files are still common in news archives) is decoded rather than lost, with a warning on the
article. Binary data, empty input and corrupt UTF-8 are refused with a one-line reason.
Every format ends in :func:`make_article`, which applies the limits and the analysis' language
policy (``language.policy``, unless ``Options.check_language`` is off, as for ``veracity extract``).
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from ..records import Article
from ..options import Options
from . import language

# A share of control characters this high means binary data, not text with a stray byte.
MAX_CONTROL_SHARE = 0.01
# NUL bytes never occur in text (other than UTF-16, recognised by its BOM first); looking at
# the first block is enough to refuse images, archives, PDFs and sparse files quickly.
BINARY_SNIFF_BYTES = 8192
# In Latin-script text in a single-byte encoding, bytes >= 0x80 are accented letters or
# punctuation standing alone between ASCII letters; in UTF-8 or other multi-byte encodings they
# come in runs. When at least this share stands alone, cp1252 is the reading to take.
MIN_ISOLATED_HIGH_SHARE = 0.8
# The legacy guess is only trusted when some text is plain ASCII around it.
MAX_HIGH_BYTE_SHARE = 0.3
# Titles taken from a plain-text first line must look like a headline, not a paragraph.
MAX_TITLE_CHARS = 150

def mib(n: int) -> str:
    """A byte count as people read it: "50.0 MiB", "512 KiB", "300 bytes"."""
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MiB".replace(".0 MiB", " MiB")
    return f"{n / 1024:.0f} KiB" if n >= 1024 else f"{n} bytes"


ALNUM = re.compile(r"[^\W_]")
# A lone surrogate (JSON "\ud800", a Python string) is not a character and cannot be encoded
# as UTF-8, so nothing downstream (hashing, the store, JSON output) could handle it. Each is
# replaced by U+FFFD, one code point for one, so offsets into the given text stay exact.
SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
HIGH_RUN = re.compile(rb"[\x80-\xff]+")
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _legacy(data: bytes, source: str, at: int) -> tuple[str, str]:
    """Decode non-UTF-8 bytes as the legacy encoding they most plausibly are, or refuse."""
    runs = HIGH_RUN.findall(data)
    high = sum(len(r) for r in runs)
    isolated = sum(1 for r in runs if len(r) == 1)
    if UTF8_MULTIBYTE.search(data):
        # Valid UTF-8 sequences next to invalid bytes: corrupt or mixed encodings. Any single
        # reading would garble part of the text, so say where it breaks instead of guessing.
        raise InputError(f"undecodable bytes: mostly UTF-8 but invalid at byte {at} (corrupt or mixed encoding)", source=source)
    if high <= MAX_HIGH_BYTE_SHARE * len(data) and isolated >= MIN_ISOLATED_HIGH_SHARE * len(runs):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; Latin-1 defines all of them.
            return data.decode("latin-1"), "latin-1"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding.startswith("utf"):
        raise InputError(f"undecodable bytes: not UTF-8 (invalid at byte {at}) and no legacy encoding fits", source=source)
    return str(best), best.encoding


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """The text of ``data`` and any warnings about how it was read."""
    warnings: list[str] = []
    encoding = "utf-8"
    for bom, enc in BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom):], enc
            break
    if not data.strip():
        raise InputError("empty input", source=source)
    if encoding.startswith("utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"undecodable bytes: {encoding} byte-order mark but invalid at byte {exc.start}", source=source) from None
        warnings.append(f"decoded as {encoding} (byte-order mark)")
    else:
        if b"\x00" in data[:BINARY_SNIFF_BYTES]:
            raise InputError("binary data (NUL bytes), not text", source=source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text, used = _legacy(data, source, exc.start)
            warnings.append(f"not UTF-8; decoded as {used}")
    controls = len(CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError("binary data (control characters), not text", source=source)
    if not text.strip():
        raise InputError("empty input", source=source)
    return text, warnings


def make_article(text: str, source: str, options: Options, *, kind: str, warnings: list[str] | None = None,
                 meta: dict[str, Any] | None = None, declared_language: str | None = None, **fields: Any) -> Article:
    """The one way every format becomes an Article: limits, language, warnings, content id.

    ``declared_language`` (a page's ``<html lang>``) decides only when the text is too short
    for the word counts to."""
    warnings = list(warnings or [])
    text, n_bad = SURROGATE.subn(REPLACEMENT, text)
    if n_bad:
        warnings.append(f"{n_bad} lone surrogate code point{'s' if n_bad > 1 else ''} (not valid Unicode) replaced by U+FFFD")
    fields = {k: SURROGATE.sub(REPLACEMENT, v) if isinstance(v, str) else v for k, v in fields.items()}
    if not text.strip():
        raise InputError("no text", source=source)
    if not ALNUM.search(text):
        raise InputError("no words or numbers in the text", source=source)
    if len(text) > options.max_article_chars:
        raise InputError(f"{len(text):,} characters, over the {options.max_article_chars:,} limit for one article (max_article_chars)", source=source)
    lang = language.detect(text)
    if lang is None and declared_language and declared_language != "en":
        lang = declared_language
    if options.check_language and (warning := language.policy(lang, options.allow_non_english, source)):
        warnings.append(warning)
    meta = {k: SURROGATE.sub(REPLACEMENT, v) if isinstance(v, str) else v for k, v in (meta or {}).items()}
    if warnings:
        meta["warnings"] = warnings
    fields = {k: v for k, v in fields.items() if v is not None}
    return Article.create(text, language=lang, source_path=source, kind=kind, meta=meta, **fields)


def unexpected_error(exc: Exception, source: str) -> InputError:
    """An input that broke a parser in a way no test has met yet: an error for that input alone
    (a corpus row, a feed entry, a file), never the end of the run; the original is chained for --verbose."""
    err = InputError(f"could not be read ({type(exc).__name__}: {str(exc)[:200]})".replace("\n", " "), source=source)
    err.__cause__ = exc
    return err


def headline(text: str) -> str | None:
    """The first line when it stands apart like a headline (a line of its own, then a blank line)."""
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    if sep and rest.startswith(("\n", "\r\n")) and 0 < len(first) <= MAX_TITLE_CHARS and not first.endswith((".", ",", ";", ":")):
        return first
    return None


def article_from_bytes(data: bytes, source: str, options: Options, kind: str = "text") -> Article:
    if len(data) > options.max_input_bytes:
        raise InputError(f"{mib(len(data))}, over the {mib(options.max_input_bytes)} input limit (max_input_bytes)", source=source)
    text, warnings = decode(data, source)
    return make_article(text, source, options, kind=kind, warnings=warnings, title=headline(text))
