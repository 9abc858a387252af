"""The Python API: analyse text or paths into dossiers, the same calls the CLI and REST API make.

    >>> import veracity
    >>> dossier = veracity.analyze("Officials said 300 people were evacuated.", published="2025-02-14")

``veracity.analyze`` is :func:`analyze` here; docs/python.md has the guide.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, BinaryIO, Iterator, Sequence

from .arguments import ArticleInput, Published
from .errors import InputError
from .ingest import iter_articles
from .ingest.text import make_article
from .records import Article, Dossier
from .options import Options, override
from .pipeline import Pipeline, Result

if TYPE_CHECKING:
    from .store.protocol import DossierStore


@functools.lru_cache(maxsize=4)
def pipeline_for(options: Options) -> Pipeline:
    """One pipeline per distinct options: models load once per process."""
    return Pipeline(options)


def analyze(text: ArticleInput, *, title: str | None = None, published: Published = None, outlet: str | None = None,
            url: str | None = None, byline: str | None = None, options: Options | None = None,
            **option_overrides: Any) -> Dossier:
    """Analyse one article's text into a :class:`~veracity.records.Dossier` (``veracity.analyze``).

    Args:
        text: the article text, kept exactly: every span in the dossier has offsets into it
            (``dossier.article.text[s.start:s.end] == s.text``). Bytes are decoded as a file's
            would be; an :class:`~veracity.records.Article` is analysed as it is (give no metadata).
        title, outlet, url, byline: metadata kept on ``dossier.article`` (``url`` is never fetched).
        published: publication date, ``"2025-02-14"`` or a :class:`datetime.date`; relative
            dates in the text ("yesterday") are resolved against it.
        options: :class:`~veracity.options.Options` to start from (the defaults when None).
        **option_overrides: options by field name, e.g. ``evidence_db="evidence.db"``,
            ``checkworthy_threshold=0.6``, ``stages=[...]``, ``allow_non_english=True``, and
            ``attribution="learned"`` to pick the attribution stage.

    The pipeline for each distinct set of options is built once per process and reused, so
    the first call loads the models (a few seconds) and later calls do not.

    Raises:
        ConfigError: an unknown option name, or a bad option value.
        InputError: empty text, text over the limits, a wrong type, a date that is not one.
        UnsupportedLanguageError: the text is not English (unless ``allow_non_english=True``).
        PipelineError, ModelError: a bad stage list; a missing or altered model.
    """
    opts = override(options, **option_overrides)
    return pipeline_for(opts).analyze(text, title=title, published=published, outlet=outlet, url=url, byline=byline)


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
    store: DossierStore | None = None
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
    """The run's publication date and outlet for an article that gives none."""
    if not isinstance(item, Article):
        return item
    fill = {k: v for k, v in (("published", options.reference_date), ("outlet", options.reference_outlet))
            if v and not getattr(item, k)}
    return Article.create(item.text, **{**_meta(item), **fill}) if fill else item


def _meta(a: Article) -> dict:
    return {k: getattr(a, k) for k in ("title", "byline", "outlet", "url", "published", "language", "source_path", "kind", "meta")}
