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

from .errors import InternalError, PipelineError, VeracityError
from .model import Article, Dossier
from .options import Options

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
    def __init__(self, options: Options, registry: Registry | None = None):
        from .stages import REGISTRY

        self.options = options
        registry = registry or REGISTRY
        self.specs = [registry.get(n) for n in options.stages]
        check_order(self.specs)
        self.stages: list[Any] = [spec.factory(options) for spec in self.specs]

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

    def analyze(self, article: Article) -> Dossier:
        dossier = self.start(article)
        for spec, stage in zip(self.specs, self.stages):
            dossier = self._apply(spec, stage, dossier)
        return dossier.with_(doc=None)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Dossier]:
        """Run over many articles, letting stages that can batch do so."""
        stream: Iterable[Dossier] = (self.start(a) for a in articles)
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
