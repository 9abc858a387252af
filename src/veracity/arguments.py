"""What a Python caller hands the pipeline, checked and made into an :class:`Article` first.

``veracity.analyze``, :meth:`veracity.Pipeline.analyze` and the spaCy component take text (or
an Article) and metadata. A mistake there (no text, a list instead of a string, a date that is
not one) is an :class:`~veracity.errors.InputError` naming the argument, raised before any
stage runs, never a traceback from inside one. Text becomes an Article the way every input
format does (:func:`veracity.ingest.text.make_article`: limits, language policy, warnings).
"""

from __future__ import annotations

import datetime as dt
from typing import Union

from .errors import InputError
from .ingest.dates import iso_date
from .ingest.text import decode, make_article, mib
from .records import Article
from .options import Options

# What the Python API analyses: text as str (kept exactly), bytes (decoded as files are), or an Article.
ArticleInput = Union[Article, str, bytes]
Published = Union[str, dt.date, None]

# The name an input without one is known by in errors and in ``Article.source_path``.
DEFAULT_SOURCE = "<text>"


def published_date(value: Published, source: str | None = None) -> str | None:
    """``value`` (an ISO or RFC 2822 string, a date or a datetime) as YYYY-MM-DD; None stays None."""
    if value is None:
        return None
    if not isinstance(value, (str, dt.date)):
        raise InputError(f"published must be a date or a string such as '2025-02-14', not {type(value).__name__}", source=source)
    day = iso_date(value)
    if day is None:
        raise InputError(f"published: cannot read {value!r} as a date; give YYYY-MM-DD or a datetime.date", source=source)
    return day


def article_from(value: ArticleInput, options: Options, *, title: str | None = None, published: Published = None,
                 outlet: str | None = None, url: str | None = None, byline: str | None = None,
                 source: str | None = None) -> Article:
    """The Article to analyse for ``value``, with the given metadata.

    An Article is returned as it is (it carries its own metadata, so giving metadata too is an
    error). Text without a ``published`` date takes ``options.reference_date`` when that is set,
    as the CLI does; ``url`` is metadata only and never fetched.
    """
    meta = {"title": title, "outlet": outlet, "url": url, "byline": byline}
    if isinstance(value, Article):
        given = [k for k, v in {**meta, "published": published, "source": source}.items() if v is not None]
        if given:
            raise InputError(f"{', '.join(given)} given with an Article, which carries its own metadata; "
                             "use Article.create(text, title=...) or pass the text instead", source=value.source_path)
        return value
    if source is not None and not isinstance(source, str):
        raise InputError(f"source must be a string, not {type(source).__name__}")
    src = source or DEFAULT_SOURCE
    for name, v in meta.items():
        if v is not None and not isinstance(v, str):
            raise InputError(f"{name} must be a string, not {type(v).__name__}", source=src)
    day = published_date(published, src) or options.reference_date
    meta["outlet"] = meta["outlet"] or options.reference_outlet
    if isinstance(value, str):
        text, warnings = value, []
    elif isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        if len(data) > options.max_input_bytes:
            raise InputError(f"{mib(len(data))}, over the {mib(options.max_input_bytes)} input limit (max_input_bytes)", source=src)
        text, warnings = decode(data, src)
    else:
        raise InputError(f"cannot analyse {type(value).__name__!s}: give the article's text as a str "
                         "(or bytes, or a veracity Article)", source=src)
    return make_article(text, src, options, kind="text", warnings=warnings, published=day, **meta)
