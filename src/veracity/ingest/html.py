"""HTML pages: the article body and its metadata, via trafilatura, with a plain-text fallback.

News pages carry navigation, share bars, related links, cookie notices and reader comments
around the story; trafilatura's defaults keep too much of that for claim analysis (a comment
is not what the outlet reported). The settings below were chosen by the measured snippet
score on ../shared/data/html/trafilatura_eval (``benchmarks/extraction.py``,
docs/benchmarks/extraction.md). When trafilatura finds nothing, a plain lxml text dump of the
page (scripts, styles, navigation and forms removed) is used instead, with a warning, so the
article is not lost; a page with no readable text at all is an InputError.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError

# trafilatura logs every page it cannot parse at WARNING/ERROR; ingest reports those outcomes
# itself (a warning on the article or an InputError), so its log lines would only be noise.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# Chosen by benchmarks/extraction.py on the 990 pages (docs/benchmarks/extraction.md has the
# table). Reader comments are never the outlet's report, and dropping them is the largest
# single gain over the defaults (precision .897 -> .907 at the same recall). favor_precision
# cuts boilerplate further but loses story paragraphs (recall .946 -> .921; lower F1, also on
# the English pages); dropping tables loses recall too. The line filter below
# (drop_boilerplate_lines) then removes teasers and notices at no recall cost.
EXTRACT_SETTINGS: dict[str, Any] = {
    "include_comments": False,
    "favor_precision": False,
    "include_tables": True,
}
# htmldate's extensive search (dates in the body text and URL when the markup has none) finds
# the gold publication date on 86.5% of the pages against 82.6% from markup alone, for ~9 ms
# more CPU per page (benchmarks/extraction.py --metadata). Relative dates in the claims are
# resolved against this date, so accuracy wins. original_date: published, not last-modified.
DATE_PARAMS: dict[str, Any] = {"extensive_search": True, "original_date": True}
# Bump when the extraction logic changes, so cached benchmark outputs are recomputed.
SETTINGS_VERSION = 6

# For a feed entry's HTML, trafilatura's text must keep this share of the plain text to be used.
FRAGMENT_KEEP_SHARE = 0.8

# Elements that never hold the story text in the fallback dump.
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
             "button", "select", "iframe", "object", "embed", "head")
# Elements after which a line ends in the fallback dump (so blocks do not run together).
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                        "section", "article", "blockquote", "pre", "dd", "dt", "figcaption", "main", "hr",
                        "title", "td", "th"})

SPACES = re.compile(r"[^\S\n]+")
# The page's declared language, from the first few KB (the <html> tag comes first).
LANG_ATTR = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})\b", re.I)
LANG_SCAN_BYTES = 4096


# Lines that are the page talking about itself, not the story: teasers for other articles,
# copyright notices, newsletter/subscription/social calls to action and ad labels. trafilatura
# keeps them when they sit inside the article container. Several languages, because the tuning
# set is mostly German and Spanish pages; a line must be short to be dropped, so a paragraph
# that merely starts with such words survives.
MAX_BOILERPLATE_LINE = 300
TEASER = re.compile(
    r"^\W{0,3}(read more|read also|also read|more on this( story)?|see also|related( stories| articles| content)?|"
    r"recommended|watch|listen|lea también|lea más|lea|mire|le puede interesar|contenido relacionado|"
    r"lesen sie auch|auch lesen|lesen sie mehr|weiterlesen|mehr zum thema|mehr themen|auch interessant|"
    r"das könnte (dich|sie) auch interessieren|lire aussi|à lire aussi|leggi anche)\b\s*(:|»|>|\||-|–|—|$)",
    re.I)
NOTICE = re.compile(
    r"^\W{0,3}(©|\(c\)\s*\d{4}|copyright\b)|all rights reserved|alle rechte vorbehalten|"
    r"^\W{0,3}(sign up\b|subscribe (now|to our|to the)|follow (us|[\w .]{1,40}) on (twitter|facebook|instagram|x\b)|"
    r"to (view|read|continue reading) (the|this) (full )?(story|article)|we want to hear what you think|"
    r"for the latest (stories|news).{0,60}download|submit your letter to the editor|"
    r"the post .{1,200} appeared first on|never miss|zum newsletter|newsletter (abonnieren|anmelden)|share this (article|story)|teilen mit:|"
    r"\*?(anzeige|werbung|advertisement|sponsored)\b)",
    re.I)


def drop_boilerplate_lines(text: str) -> tuple[str, int]:
    """The text without self-referential page lines, and how many lines went."""
    kept, dropped = [], 0
    for line in text.split("\n"):
        if len(line) <= MAX_BOILERPLATE_LINE and (TEASER.search(line) or NOTICE.search(line)):
            dropped += 1
        else:
            kept.append(line)
    return "\n".join(kept), dropped


@dataclass
class Extracted:
    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    html_lang: str | None = None
    warnings: list[str] = field(default_factory=list)


def clean_text(text: str) -> str:
    """One paragraph per line, no trailing blanks: the layout the text stage expects."""
    lines = (SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _trafilatura(data: bytes | str, url: str | None, settings: dict[str, Any]) -> tuple[str, Any]:
    import trafilatura
    from trafilatura.utils import normalize_unicode
    from trafilatura.xml import xmltotxt

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, date_extraction_params=DATE_PARAMS, **settings)
    if doc is None or doc.body is None:
        return "", doc
    # The same conversion trafilatura.extract() uses for plain text, without a second parse.
    text = normalize_unicode(xmltotxt(doc.body, False))
    return drop_boilerplate_lines(clean_text(text))[0], doc


def _tree(data: bytes | str) -> Any:
    import lxml.html

    try:
        return lxml.html.document_fromstring(data)
    except Exception:  # lxml raises ParserError/ValueError/XMLSyntaxError on hostile input: no tree
        return None


def fallback_text(tree: Any) -> str:
    """The visible text of a page, one block per line, without scripts, styles and navigation.

    Walks the tree without changing it (lxml refuses to set some hostile strings) and without
    recursion (hostile pages nest thousands of levels deep)."""
    if tree is None:
        return ""
    from lxml import etree

    parts: list[str] = []
    try:
        walker = etree.iterwalk(tree, events=("start", "end", "comment", "pi"))
        for event, el in walker:
            if event in ("comment", "pi"):
                if el.tail:  # only the text after a comment is page text
                    parts.append(el.tail)
                continue
            tag = el.tag.lower() if isinstance(el.tag, str) else None  # None: comment or PI
            skipped = tag is None or tag in DROP_TAGS
            if event == "start":
                if skipped:
                    walker.skip_subtree()
                    if el.tail:  # text after a script or comment is still page text
                        parts.append(el.tail)
                elif el.text:
                    parts.append(el.text)
            elif not skipped:
                if tag in BLOCK_TAGS:
                    parts.append("\n")
                if el.tail and el is not tree:
                    parts.append(el.tail)
    except Exception:  # a tree lxml built but cannot walk: treat as no text rather than crash
        return ""
    return clean_text("".join(parts))


def _html_lang(data: bytes | str) -> str | None:
    head = data[:LANG_SCAN_BYTES]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    m = LANG_ATTR.search(head)
    return m.group(1).decode("ascii").lower() if m else None


# "Story headline | Outlet", "Outlet - Story headline": the separators sites put between the
# headline and their own name in <title>.
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")
NON_ALNUM = re.compile(r"[^0-9a-z]+")


def _squash(s: str) -> str:
    return NON_ALNUM.sub("", s.lower())


def clean_title(title: str | None, sitename: str | None, hostname: str | None) -> str | None:
    """The headline without the site's name glued to either end of it."""
    if not title:
        return None
    title = " ".join(title.split())
    names = {_squash(n) for n in (sitename, hostname) if n}
    if hostname:
        names.add(_squash(hostname.removeprefix("www.").rsplit(".", 1)[0]))
    names.discard("")
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2 or not names:
        return title

    def is_site(part: str) -> bool:
        p = _squash(part)
        return bool(p) and any(p == n or (len(p) >= 4 and (p in n or n in p)) for n in names)

    if is_site(parts[-1]):
        parts = parts[:-1]
    elif is_site(parts[0]):
        parts = parts[1:]
    else:
        return title
    # Rejoin with the separators the title used, by cutting the original string.
    if title.startswith(parts[0]):
        end = title.find(parts[-1]) + len(parts[-1])
        return title[:end].strip() or title
    start = title.rfind(parts[0])
    return title[start:].strip() or title


BYLINE_PREFIX = re.compile(r"^(?:by|von|vom|par|por|di|door)\s+", re.I)


def clean_byline(byline: str | None) -> str | None:
    if not byline:
        return None
    return BYLINE_PREFIX.sub("", " ".join(byline.split())) or None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return m.group(0) if m else None


def extract_html(data: bytes | str, *, url: str | None = None, source: str | None = None,
                 fragment: bool = False) -> Extracted:
    """Main text and metadata of one page (or, with ``fragment``, of a feed entry's HTML)."""
    warnings: list[str] = []
    text, doc = "", None
    try:
        text, doc = _trafilatura(data, url, EXTRACT_SETTINGS)
    except Exception as exc:  # trafilatura has crashed on malformed pages; fall back, never crash
        warnings.append(f"main-text extraction failed ({type(exc).__name__}); used the page's plain text")
    if fragment or not text:
        plain = drop_boilerplate_lines(fallback_text(_tree(data)))[0]
        if fragment:
            # A feed entry's HTML is all story, and trafilatura may drop its short paragraphs:
            # its result is kept only when it holds nearly all of the plain text.
            if len(text) < FRAGMENT_KEEP_SHARE * len(plain):
                text = plain
        elif plain:
            text = plain
            if not warnings:
                warnings.append("no main text found by trafilatura; used the page's plain text (boilerplate may remain)")
    if not text:
        raise InputError("no readable text in the HTML", source=source)
    out = Extracted(text=text, html_lang=_html_lang(data), warnings=warnings)
    if doc is not None:
        out.title = clean_title(doc.title, doc.sitename, doc.hostname)
        out.byline = clean_byline(doc.author)
        out.date = _iso_date(doc.date)
        out.sitename = (doc.sitename or "").strip() or None
        out.url = doc.url or url
    return out
