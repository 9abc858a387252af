"""Stages and the pipeline that runs them.

A stage is a callable ``Dossier -> Dossier`` built by a factory from :class:`Options`; a stage
holding a model is a small class whose constructor loads it once. Each stage is registered
under a versioned name with what it *needs* and what it *adds* (names of Dossier facets);
:class:`Pipeline` checks, when it is built, that every need is met by an earlier stage.
The registry is filled explicitly in :mod:`veracity.stages`, not by import side effects.
A stage may offer ``pipe(iterable)`` to batch work (spaCy's ``nlp.pipe``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Protocol

from .arguments import ArticleInput, Published, article_from
from .errors import InternalError, PipelineError, VeracityError
from .model import Article, Dossier
from .options import Options, override

# The facet every run starts with.
BASE_FACETS = frozenset({"article"})


class Stage(Protocol):
    def __call__(self, dossier: Dossier) -> Dossier: ...


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Callable[[Options], Stage]
    needs: frozenset[str]
    adds: frozenset[str]
    doc: str = ""


@dataclass
class Registry:
    specs: dict[str, StageSpec] = field(default_factory=dict)

    def add(self, name: str, factory: Callable[[Options], Stage], *, needs: Iterable[str] = (), adds: Iterable[str] = (), doc: str = "") -> None:
        if name in self.specs:
            raise PipelineError(f"stage {name!r} registered twice")
        if name.rsplit(".", 1)[-1][:1] != "v":
            raise PipelineError(f"stage name {name!r} must end in a version, e.g. '.v1'")
        self.specs[name] = StageSpec(name, factory, frozenset(needs), frozenset(adds), doc or (factory.__doc__ or "").strip())

    def get(self, name: str) -> StageSpec:
        try:
            return self.specs[name]
        except KeyError:
            known = ", ".join(sorted(self.specs))
            raise PipelineError(f"unknown stage {name!r}; known: {known}") from None


def check_order(specs: list[StageSpec]) -> None:
    have = set(BASE_FACETS)
    for spec in specs:
        missing = spec.needs - have
        if missing:
            raise PipelineError(f"stage {spec.name!r} needs {sorted(missing)}, which no earlier stage adds")
        have |= spec.adds


@dataclass
class Result:
    """What happened to one input: a dossier, or the error that stopped it."""

    source: str
    dossier: Dossier | None = None
    error: VeracityError | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


class Pipeline:
    """The stages of ``options.stages``, built once (models load here) and run in order.

    For a Python caller, ``veracity.Pipeline`` is this class::

        import veracity

        pipe = veracity.Pipeline(attribution="learned", checkworthy_threshold=0.6)
        dossier = pipe.analyze("Officials said 300 people were evacuated.", published="2025-02-14")

    Args:
        options: the :class:`~veracity.options.Options` to start from (the defaults when None).
        registry: where stage names are looked up (the package's own registry when None).
        **overrides: options by field name (``stages``, ``evidence_db``, ``checkworthy_threshold``,
            ...), and ``attribution`` ("tagger", "learned" or "rules") to pick the attribution
            stage; applied on top of ``options`` (see :func:`veracity.options.override`).

    Raises:
        ConfigError: an unknown option name or a bad value.
        PipelineError: an unknown stage, or stages in an order that cannot work.
        ModelError: a pinned model is missing or does not match its hash.

    A pipeline holds no per-article state: one may serve several threads (the REST API does).
    """

    def __init__(self, options: Options | None = None, registry: Registry | None = None, **overrides: Any):
        from .stages import REGISTRY  # stages imports this module: the registry is read when a pipeline is built

        options = override(options, **overrides)
        self.options = options
        registry = registry or REGISTRY
        self.specs = [registry.get(n) for n in options.stages]
        check_order(self.specs)
        self.stages: list[Any] = [spec.factory(options) for spec in self.specs]

    def __repr__(self) -> str:
        return f"Pipeline(stages={self.options.stages!r})"

    @property
    def facets(self) -> frozenset[str]:
        out = set(BASE_FACETS)
        for s in self.specs:
            out |= s.adds
        return frozenset(out)

    def _apply(self, spec: StageSpec, stage: Any, dossier: Dossier) -> Dossier:
        out = stage(dossier)
        return out.with_(stages=out.stages + (spec.name,))

    @staticmethod
    def start(article: Article) -> Dossier:
        return Dossier(article=article, warnings=tuple(article.meta.get("warnings", ())))

    def article(self, value: ArticleInput, *, title: str | None = None, published: Published = None,
                outlet: str | None = None, url: str | None = None, byline: str | None = None,
                source: str | None = None) -> Article:
        """The Article :meth:`analyze` would analyse for these arguments (see there)."""
        return article_from(value, self.options, title=title, published=published, outlet=outlet, url=url,
                            byline=byline, source=source)

    def analyze(self, article: ArticleInput, *, title: str | None = None, published: Published = None,
                outlet: str | None = None, url: str | None = None, byline: str | None = None,
                source: str | None = None) -> Dossier:
        """Analyse one article into a :class:`~veracity.model.Dossier`.

        Args:
            article: the text, kept exactly (every span's offsets index it), or bytes (decoded as
                a file would be), or an :class:`~veracity.model.Article` (then give no metadata).
            title, outlet, url, byline: metadata kept on ``dossier.article``; ``url`` is never fetched.
            published: the publication date (``"2025-02-14"`` or a :class:`datetime.date`);
                relative dates such as "yesterday" are resolved against it.
            source: the name the input goes by in errors and ``article.source_path`` ("<text>").

        Raises:
            InputError: no text, text over the limits, a wrong type, a date that is not one.
            UnsupportedLanguageError: the text is not English (unless ``allow_non_english``).
        """
        if not isinstance(article, Article) or any(v is not None for v in (title, published, outlet, url, byline, source)):
            article = self.article(article, title=title, published=published, outlet=outlet, url=url,
                                   byline=byline, source=source)
        dossier = self.start(article)
        for spec, stage in zip(self.specs, self.stages):
            dossier = self._apply(spec, stage, dossier)
        return dossier.with_(doc=None)

    def pipe(self, articles: Iterable[ArticleInput]) -> Iterator[Dossier]:
        """Run over many articles (Articles or texts), in order, letting stages that can batch
        do so (spaCy parses in batches of ``options.batch_size``). The first input that cannot
        be analysed raises; :meth:`run` records an error per input instead."""
        stream: Iterable[Dossier] = (self.start(a if isinstance(a, Article) else self.article(a)) for a in articles)
        for spec, stage in zip(self.specs, self.stages):
            stream = self._pipe_stage(spec, stage, stream)
        for d in stream:
            yield d.with_(doc=None)

    def _pipe_stage(self, spec: StageSpec, stage: Any, stream: Iterable[Dossier]) -> Iterator[Dossier]:
        if hasattr(stage, "pipe"):
            for out in stage.pipe(stream):
                yield out.with_(stages=out.stages + (spec.name,))
        else:
            for d in stream:
                yield self._apply(spec, stage, d)

    def run(self, article: Article) -> Result:
        """Analyse one Article into a :class:`Result`: the dossier, or the error that stopped it
        (an unexpected exception becomes an ``internal`` error), never raised."""
        t0 = time.perf_counter()
        try:
            return Result(article.source_path or article.id, self.analyze(article), seconds=time.perf_counter() - t0)
        except VeracityError as exc:
            exc.source = exc.source or article.source_path or article.id
            return Result(article.source_path or article.id, error=exc, seconds=time.perf_counter() - t0)
        except Exception as exc:  # noqa: BLE001 - a bug on one article must not end a corpus run
            err = InternalError(f"{type(exc).__name__}: {str(exc)[:200]}".replace("\n", " "), source=article.source_path or article.id)
            err.__cause__ = exc
            return Result(article.source_path or article.id, error=err, seconds=time.perf_counter() - t0)
