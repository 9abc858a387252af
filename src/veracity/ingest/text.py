"""Plain text: decode strictly, refuse what is not text, keep the text exactly."""

from __future__ import annotations

from ..errors import InputError
from ..model import Article
from ..options import Options

# A share of control characters this high means binary data, not text with a stray byte.
MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise InputError("empty input", source=source)
    if b"\x00" in data[:8192]:
        raise InputError("binary data (NUL bytes), not text", source=source)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start}; convert it first (e.g. iconv -f latin1 -t utf-8)", source=source) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError("binary data (control characters), not text", source=source)
    return text


def article_from_bytes(data: bytes, source: str, options: Options, kind: str = "text") -> Article:
    text = decode(data, source)
    if len(text) > options.max_article_chars:
        raise InputError(f"{len(text):,} characters, over the {options.max_article_chars:,} limit for one article", source=source)
    return Article.create(text, source_path=source, kind=kind)
