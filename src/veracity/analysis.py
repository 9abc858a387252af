"""The Python API: analyse text or paths into dossiers, the same calls the CLI and REST API make.

    >>> from veracity import analysis
    >>> dossier = analysis.analyze_text("Officials said 300 people were evacuated.")
"""

from __future__ import annotations

import functools
from typing import BinaryIO, Sequence

from .errors import InputError
from .ingest import iter_articles
from .ingest.text import article_from_bytes
from .model import Article, Dossier
from .options import Options
from .pipeline import Pipeline, Result


@functools.lru_cache(maxsize=4)
def pipeline_for(options: Options) -> Pipeline:
    """One pipeline per distinct options: models load once per process."""
    return Pipeline(options)


def analyze_article(article: Article, options: Options | None = None) -> Dossier:
    return pipeline_for(options or Options()).analyze(article)


def analyze_text(text: str, options: Options | None = None, **meta) -> Dossier:
    options = options or Options()
    base = article_from_bytes(text.encode("utf-8"), meta.pop("source_path", "<text>"), options)
    article = Article.create(base.text, source_path=base.source_path, **meta)
    return analyze_article(article, options)


def analyze_paths(paths: Sequence[str], options: Options, stdin: BinaryIO | None = None) -> list[Result]:
    """Every input gets a Result, ok or with the error that stopped it; nothing is dropped."""
    pipe = pipeline_for(options)
    store = None
    if options.db_path:
        from .store import open_store

        store = open_store(options.db_path)
    results: list[Result] = []
    for item in iter_articles(paths, options, stdin):
        if isinstance(item, InputError):
            results.append(Result(item.source or "?", error=item))
            continue
        if options.reference_date and not item.published:
            item = Article.create(item.text, **{**_meta(item), "published": options.reference_date})
        result = pipe.run(item)
        if store is not None and result.ok:
            store.save_dossier(result.dossier)
        results.append(result)
    return results


def _meta(a: Article) -> dict:
    return {k: getattr(a, k) for k in ("title", "byline", "outlet", "url", "published", "language", "source_path", "kind", "meta")}
