"""Stages and the pipeline that runs them.

A stage is a callable ``Dossier -> Dossier`` built by a factory from :class:`Options` and the
stage's settings (``factory(options, **settings)``); a stage holding a model is a small class
whose constructor loads it once. Each stage is registered under a versioned name with what it
*needs* and what it *adds* (names of Dossier facets) and its ``default_config``, the settings it
takes with their defaults (a setting's type is its default's), as spaCy factories declare theirs.
:class:`Pipeline` checks, when it is built, that every need is met by an earlier stage and that
every setting in ``options.stage_config`` names a stage and a setting it has, with a value of
the setting's type.
The registry is filled explicitly in :mod:`veracity.stages`, not by import side effects.
A stage may offer ``pipe(iterable)`` to batch work (spaCy's ``nlp.pipe``).
"""

from __future__ import annotations

import difflib
import time
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Iterable, Iterator, Mapping, Protocol

from .arguments import ArticleInput, Published, article_from
from .errors import ConfigError, InternalError, PipelineError, VeracityError
from .records import Article, Dossier
from .options import Options, override
from .profiles import SCALARS, StageConfig

# The facet every run starts with.
BASE_FACETS = frozenset({"article"})


class Stage(Protocol):
    def __call__(self, dossier: Dossier) -> Dossier: ...


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Callable[..., Stage]
    needs: frozenset[str]
    adds: frozenset[str]
    doc: str = ""
    # The settings the factory takes as keyword arguments, with their defaults (read-only).
    default_config: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def config(self, settings: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The defaults with ``settings`` on top, each checked: ConfigError naming the stage and
        the setting for one it does not have or a value of another type."""
        out = dict(self.default_config)
        for key, value in (settings or {}).items():
            if key not in self.default_config:
                close = difflib.get_close_matches(key, list(self.default_config), n=1)
                known = f"did you mean {close[0]!r}?" if close else (f"it has {', '.join(sorted(self.default_config))}"
                                                                     if self.default_config else "it has no settings")
                raise ConfigError(f"stage {self.name!r}: unknown setting {key!r}; {known}")
            out[key] = _checked(self.name, key, self.default_config[key], value)
        return out


# How an error names the type a setting wants (a setting's type is its default's).
_KINDS = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}


def _checked(stage: str, key: str, default: Any, value: Any) -> Any:
    """``value`` for a setting whose default is ``default``: of its type (an int where a float is
    wanted is taken as a float; a bool is never a number)."""
    want = type(default)
    ok = isinstance(value, want) and (want is bool or not isinstance(value, bool))
    if want is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not ok:
        raise ConfigError(f"stage {stage!r}: setting {key!r} needs {_KINDS.get(want, want.__name__)}, not {type(value).__name__} {value!r}")
    return value


@dataclass
class Registry:
    specs: dict[str, StageSpec] = field(default_factory=dict)

    def add(self, name: str, factory: Callable[..., Stage], *, needs: Iterable[str] = (), adds: Iterable[str] = (), doc: str = "",
            default_config: Mapping[str, Any] | None = None) -> None:
        """Register ``factory`` as stage ``name``; it is called as ``factory(options, **config)``
        with every setting of ``default_config`` (values str, int, float or bool)."""
        if name in self.specs:
            raise PipelineError(f"stage {name!r} registered twice")
        if name.rsplit(".", 1)[-1][:1] != "v":
            raise PipelineError(f"stage name {name!r} must end in a version, e.g. '.v1'")
        config = dict(default_config or {})
        bad = [k for k, v in config.items() if not isinstance(k, str) or not isinstance(v, SCALARS)]
        if bad:
            raise PipelineError(f"stage {name!r}: default_config {bad[0]!r} must be a string, number or boolean")
        self.specs[name] = StageSpec(name, factory, frozenset(needs), frozenset(adds), doc or (factory.__doc__ or "").strip(),
                                     MappingProxyType(config))

    def get(self, name: str) -> StageSpec:
        try:
            return self.specs[name]
        except KeyError:
            known = ", ".join(sorted(self.specs))
            raise PipelineError(f"unknown stage {name!r}; known: {known}") from None

    def configs(self, stage_config: StageConfig) -> dict[str, dict[str, Any]]:
        """Every registered stage's settings under ``stage_config`` (see ``Options.stage_config``),
        checked, including those of stages a given pipeline does not run."""
        named = {stage for stage, _ in stage_config}
        unknown = sorted(named - set(self.specs))
        if unknown:
            close = difflib.get_close_matches(unknown[0], list(self.specs), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(sorted(self.specs))}"
            raise ConfigError(f"stage_config: unknown stage {unknown[0]!r}{hint}")
        given = {stage: dict(items) for stage, items in stage_config}
        return {name: spec.config(given.get(name)) for name, spec in self.specs.items()}


def check_order(specs: list[StageSpec]) -> None:
    have = set(BASE_FACETS)
    for spec in specs:
        missing = spec.needs - have
        if missing:
            raise PipelineError(f"stage {spec.name!r} needs {sorted(missing)}, which no earlier stage adds")
        have |= spec.adds


def plan(options: Options, registry: Registry | None = None) -> list[tuple[StageSpec, dict[str, Any]]]:
    """The stages ``options`` ask for, each with its settings, checked as :class:`Pipeline` checks
    them (known stages, needs met in order, settings the stages have, of their types) without
    building any (no model loads)."""
    from .stages import REGISTRY  # stages imports this module: the registry is read when a pipeline is planned

    registry = registry or REGISTRY
    specs = [registry.get(n) for n in options.stages]
    check_order(specs)
    configs = registry.configs(options.stage_config)
    return [(spec, configs[spec.name]) for spec in specs]


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
            ``stage_config``, ...), ``profile`` ("interactive", "corpus", ... in
            ``veracity/profiles/``) to start from a profile, and ``attribution`` ("tagger",
            "learned" or "rules") to pick the attribution stage; applied on top of ``options``
            (see :func:`veracity.options.override`).

    Raises:
        ConfigError: an unknown option name or a bad value; a stage setting that names no
            registered stage, a setting the stage does not have, or a value of another type.
        PipelineError: an unknown stage, or stages in an order that cannot work.
        ModelError: a pinned model is missing or does not match its hash.

    A pipeline holds no per-article state: one may serve several threads (the REST API does).
    """

    def __init__(self, options: Options | None = None, registry: Registry | None = None, **overrides: Any):
        options = override(options, **overrides)
        self.options = options
        planned = plan(options, registry)
        self.specs = [spec for spec, _ in planned]
        # Each stage's settings, as its factory got them.
        self.config: dict[str, dict[str, Any]] = {spec.name: config for spec, config in planned}
        self.stages: list[Any] = [spec.factory(options, **config) for spec, config in planned]

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
        """Analyse one article into a :class:`~veracity.records.Dossier`.

        Args:
            article: the text, kept exactly (every span's offsets index it), or bytes (decoded as
                a file would be), or an :class:`~veracity.records.Article` (then give no metadata).
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
