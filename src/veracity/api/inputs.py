"""What a request to analyse or index carries, turned into Articles with the ingest code.

Two body shapes, one meaning:

- JSON ``{"text" | "html", "title", "outlet", "url", "published", ...}``: pasted text, or a
  pasted page, which is extracted like a saved page (main text, title, site, date), never
  analysed with its tags. Text that is itself a page's markup is treated as ``html``.
- ``multipart/form-data`` with the same fields and any number of ``files`` (.txt, .html,
  .jsonl, .csv, RSS/Atom, ... anything ``veracity analyze`` reads), read by the ingest code
  (a form without files may also come url-encoded).

Fields are validated before any work: ``published`` must be an ISO date (YYYY-MM-DD), else
422 in the API's error shape. The form's title, outlet, URL and date replace a single
article's own; for a corpus or feed they only fill what its rows lack.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError, field_validator

from ..errors import InputError, UnsupportedLanguageError
from ..ingest import iter_path
from ..ingest.html import extract_html
from ..ingest.text import headline, make_article
from ..records import Article
from ..options import Options

# Files one request may upload: each is parsed before any analysis, so a request of
# thousands of tiny files would tie up the server without ever reaching the body limit.
MAX_FILES = 50
# Form fields besides the files (the metadata fields and a few flags).
MAX_FIELDS = 20
# Longest title, outlet or URL accepted: metadata, not articles.
MAX_META_CHARS = 2000

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Text that starts like a page's markup: pasted "view source" rather than an article.
LOOKS_LIKE_HTML = re.compile(r"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|header)\b",
                             re.I | re.S)
# A safe name for an uploaded file on disk: the client's name is metadata and never a path.
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")
MAX_NAME_CHARS = 100

TEXT_SOURCE = "pasted text"
HTML_SOURCE = "pasted HTML"


class AnalyzeRequest(BaseModel):
    """One article to analyse: ``text`` or ``html`` (a pasted page), with optional metadata."""

    text: str | None = Field(None, description="The article text, exactly as it should be analysed. "
                             "Text that is a page's markup is extracted like `html`.")
    html: str | None = Field(None, description="A pasted web page: its main text, title, site and date are extracted; "
                             "the tags are never analysed.")
    title: str | None = Field(None, max_length=MAX_META_CHARS)
    outlet: str | None = Field(None, max_length=MAX_META_CHARS)
    url: str | None = Field(None, max_length=MAX_META_CHARS, description="Metadata only: never fetched.")
    published: str | None = Field(None, description="Publication date, ISO YYYY-MM-DD (resolves 'yesterday' etc.).")
    store: bool = Field(True, description="Keep the dossier in the server's store.")
    allow_non_english: bool = Field(False, description="Analyse text that looks non-English anyway (expect poor results).")

    @field_validator("title", "outlet", "url", "published", mode="before")
    @classmethod
    def _blank_is_none(cls, v: Any) -> Any:
        return v.strip() or None if isinstance(v, str) else v

    @field_validator("published")
    @classmethod
    def _iso_date(cls, v: str | None) -> str | None:
        if v is None:
            return v
        try:
            if not ISO_DATE.fullmatch(v):
                raise ValueError
            date.fromisoformat(v)
        except ValueError:
            raise ValueError("published must be a date as YYYY-MM-DD, e.g. 2025-02-14") from None
        return v


def _invalid(loc: tuple, msg: str, kind: str) -> RequestValidationError:
    return RequestValidationError([{"loc": loc, "msg": msg, "type": kind}])


def _validate(data: Any, need_body: bool) -> AnalyzeRequest:
    if not isinstance(data, dict):
        raise _invalid(("body",), "the body must be a JSON object", "model_attributes_type")
    try:
        req = AnalyzeRequest.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None
    if need_body and req.text is None and req.html is None:
        raise _invalid(("body", "text"), "give the article as text or html (or upload files)", "missing")
    if req.text is not None and req.html is not None:
        raise _invalid(("body", "html"), "give text or html, not both", "value_error")
    return req


async def read_request(request: Request) -> tuple[AnalyzeRequest, list[tuple[str, bytes]]]:
    """The validated fields and the uploaded files (name, bytes) of a JSON or multipart request."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        try:
            form = await request.form(max_files=MAX_FILES, max_fields=MAX_FIELDS)
        except RequestValidationError:
            raise
        except Exception as exc:  # starlette's MultiPartException (too many files, bad boundary)
            if getattr(exc, "status_code", None) == 413 or type(exc).__name__ == "BodyTooLarge":
                raise
            raise _invalid(("body",), f"unreadable form: {getattr(exc, 'detail', None) or type(exc).__name__}", "value_error") from None
        fields: dict[str, Any] = {}
        files: list[tuple[str, bytes]] = []
        for key, value in form.multi_items():
            if hasattr(value, "read") and hasattr(value, "filename"):
                if value.filename:  # an empty file input sends a part with no name: nothing chosen
                    files.append((value.filename, await value.read()))
            elif key in AnalyzeRequest.model_fields:
                fields[key] = value
        for flag in ("store", "allow_non_english"):
            if flag in fields:
                fields[flag] = str(fields[flag]).strip().lower() in ("1", "true", "on", "yes")
        for key in ("text", "html"):
            if key in fields and not str(fields[key]).strip():
                del fields[key]  # the form's empty textarea beside an upload
        await form.close()
        return _validate(fields, need_body=not files), files
    if ctype not in ("application/json", ""):
        raise _invalid(("body",), f"send JSON or a form (multipart/form-data), not {ctype[:60]}", "content_type")
    body = await request.body()
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise _invalid(("body",), "the body is not valid JSON", "json_invalid") from None
    return _validate(data, need_body=True), []


def _web_language_error(exc: UnsupportedLanguageError) -> UnsupportedLanguageError:
    """The same refusal, telling a web user what to do instead of naming a command-line flag."""
    message = re.sub(r"\s*\(--allow-non-english[^)]*\)", "", exc.message)
    return UnsupportedLanguageError(message + "; to analyse it anyway, tick 'analyse non-English text' "
                                    "(API: \"allow_non_english\": true)", source=exc.source)


def _options(req: AnalyzeRequest, options: Options) -> Options:
    return options.replace(allow_non_english=True) if req.allow_non_english else options


def pasted_article(req: AnalyzeRequest, options: Options) -> Article:
    """The Article of a JSON request's text or html (raises InputError when it cannot be analysed)."""
    opts = _options(req, options)
    try:
        if req.html is not None or (req.text is not None and LOOKS_LIKE_HTML.match(req.text)):
            page = extract_html(req.html if req.html is not None else req.text or "", url=req.url, source=HTML_SOURCE)
            meta = {"html_lang": page.html_lang} if page.html_lang else {}
            return make_article(page.text, HTML_SOURCE, opts, kind="html", warnings=page.warnings, meta=meta,
                                declared_language=page.html_lang, title=req.title or page.title, byline=page.byline,
                                outlet=req.outlet or page.sitename, url=req.url or page.url, published=req.published or page.date)
        text = req.text or ""
        return make_article(text, TEXT_SOURCE, opts, kind="api", title=req.title or headline(text), outlet=req.outlet,
                            url=req.url, published=req.published)
    except UnsupportedLanguageError as exc:
        raise _web_language_error(exc) from None


def _safe_name(name: str) -> str:
    base = _UNSAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).strip("._") or "upload"
    return base[-MAX_NAME_CHARS:]


def _with_meta(a: Article, req: AnalyzeRequest, source: str, replace: bool) -> Article:
    given = {k: getattr(req, k) for k in ("title", "outlet", "url", "published") if getattr(req, k)}
    fields = {k: getattr(a, k) for k in ("title", "byline", "outlet", "url", "published", "language", "kind", "meta")}
    for k, v in given.items():
        if replace or not fields.get(k):
            fields[k] = v
    if any(fields[k] != getattr(a, k) for k in given):
        return Article.create(a.text, source_path=source, **fields)  # the metadata is part of the id
    return dataclasses.replace(a, source_path=source)


def uploaded_articles(files: list[tuple[str, bytes]], req: AnalyzeRequest, options: Options) -> list[Article | InputError]:
    """Every article in the uploaded files, or the InputError of what could not be read, in order.

    Each file is read by the ingest code from a private temporary folder; the client's file
    name is kept as the article's source and no server path reaches an article or an error."""
    opts = _options(req, options)
    out: list[Article | InputError] = []
    with tempfile.TemporaryDirectory(prefix="veracity-upload-") as tmp:
        for n, (name, data) in enumerate(files):
            shown = Path(name.replace("\\", "/")).name[:MAX_NAME_CHARS] or "upload"
            path = Path(tmp) / f"{n:03d}-{_safe_name(name)}"
            path.write_bytes(data)
            try:
                items = list(iter_path(str(path), opts))
            except InputError as exc:
                items = [exc]
            except Exception as exc:  # noqa: BLE001 - a parser failing on hostile input is this file's error
                items = [InputError(f"could not be read ({type(exc).__name__})")]
            single = len(items) == 1
            for item in items:
                if isinstance(item, UnsupportedLanguageError):
                    item = _web_language_error(item)
                if isinstance(item, InputError):
                    out.append(type(item)(item.message.replace(str(path), shown).replace(tmp, ""), source=shown))
                else:
                    out.append(_with_meta(item, req, shown, replace=single))
            path.unlink(missing_ok=True)
    return out
