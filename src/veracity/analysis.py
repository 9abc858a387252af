"""The Python API: analyse text or paths into dossiers, the same calls the CLI and REST API make.

    >>> from veracity import analysis
    >>> dossier = analysis.analyze_text("Officials said 300 people were evacuated.")
"""

from __future__ import annotations

import functools
from typing import BinaryIO, Iterator, Sequence

from .errors import InputError
from .ingest import iter_articles
from .ingest.text import make_article
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
    article = make_article(text, meta.pop("source_path", "<text>"), options, kind=meta.pop("kind", "text"), **meta)
    return analyze_article(article, options)


def iter_results(paths: Sequence[str], options: Options, stdin: BinaryIO | None = None) -> Iterator[Result]:
    """A Result per input, in order, ok or with the error that stopped it; nothing is dropped.

    With ``options.n_process > 1`` the articles are analysed in worker processes.
    """
    store = None
    if options.db_path:
        from .store import open_store

        store = open_store(options.db_path)
    items = (_with_reference_date(i, options) for i in iter_articles(paths, options, stdin))
    if options.n_process > 1:
        from .batch.local import run_parallel

        results = (r for r, _, _ in run_parallel(items, options, options.n_process))
    else:
        pipe = pipeline_for(options)
        results = (Result(i.source or "?", error=i) if isinstance(i, InputError) else pipe.run(i) for i in items)
    for result in results:
        if store is not None and result.ok:
            store.save_dossier(result.dossier)
        yield result


def analyze_paths(paths: Sequence[str], options: Options, stdin: BinaryIO | None = None) -> list[Result]:
    return list(iter_results(paths, options, stdin))


def _with_reference_date(item, options: Options):
    if isinstance(item, Article) and options.reference_date and not item.published:
        return Article.create(item.text, **{**_meta(item), "published": options.reference_date})
    return item


def _meta(a: Article) -> dict:
    return {k: getattr(a, k) for k in ("title", "byline", "outlet", "url", "published", "language", "source_path", "kind", "meta")}
