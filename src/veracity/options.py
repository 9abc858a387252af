"""One options object, built once at the edge: defaults < profile < config file < environment < flags.

A profile (``veracity/profiles/<name>.toml``, :mod:`veracity.profiles`) gives the stage list and
the stages' settings; each command names its own (``--profile`` where it has one).

The core only ever sees :class:`Options`; no argparse, typer or HTTP types cross into it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from . import profiles
from .errors import ConfigError

# A news article is a few KB; 20 MB of text is a book or a dump, not an article. Larger
# inputs are refused with a clear error rather than parsed for minutes.
MAX_INPUT_BYTES = 20 * 1024 * 1024

# Characters in one article, at most; a longer one is refused with an error naming this limit
# (a corpus run records it and goes on). News articles are a few thousand characters (PolNeAR's
# longest ~23,000). What bounds it is time as much as memory, which now grows slowly (spaCy parses in
# pieces, text.nlp.MAX_PARSE_TOKENS; the cue pass streams and runs at most
# attribution.cuepass.MAX_RUNS times): with the default stages `veracity analyze` of a
# 248,000-character article peaks at 939 MiB for 49 s of CPU, of 250,000 characters of "He said
# so. It was. ..." at 1,168 MiB for 77 s (docs/RELIABILITY.md, benchmarks/limits.py --full). At
# 1,000,000 characters (the limit before; 3.3 GB then) they are, even with those fixes, 1,322
# and 1,752 MiB in process (the second over the 1.5 GiB target) and minutes of CPU, and the
# tagger reads only the first 400,000 (attribution.tagger.MAX_CHARS).
MAX_ARTICLE_CHARS = 250_000

# The stage lists are data: named profiles (veracity/profiles/*.toml, each saying what runs it
# and why). `Options()` is the interactive profile: what `veracity analyze` and the Python API run.
INTERACTIVE = profiles.load("interactive")
DEFAULT_STAGES = INTERACTIVE.stages
# With an evidence index, these run before the summary (the evidence profile's stages beyond
# the interactive ones).
EVIDENCE_STAGES = tuple(s for s in profiles.load("evidence").stages if s not in DEFAULT_STAGES)


# The attribution extractors a user may pick by method name (`veracity analyze --attribution`).
ATTRIBUTION_STAGES = {"learned": "attribution.learned.v1", "tagger": "attribution.tagger.v1", "rules": "attribution.rules.v1"}


def attribution_stage(stages: tuple[str, ...]) -> str | None:
    """The stage list's attribution stage, if it has one."""
    return next((s for s in stages if s.startswith("attribution.")), None)


def with_attribution(stages: tuple[str, ...], method: str) -> tuple[str, ...]:
    """The stage list with its attribution stage swapped for ``method``'s (added if absent)."""
    if method not in ATTRIBUTION_STAGES:
        raise ValueError(f"unknown attribution method {method!r}; choose from {', '.join(ATTRIBUTION_STAGES)}")
    want = ATTRIBUTION_STAGES[method]
    have = attribution_stage(stages)
    if have is not None:
        return tuple(want if s == have else s for s in stages)
    if stages and stages[-1] == "summary.v1":
        return stages[:-1] + (want, "summary.v1")
    return stages + (want,)


def with_evidence_stages(stages: tuple[str, ...]) -> tuple[str, ...]:
    """The stage list with verification and corroboration inserted before the summary."""
    extra = tuple(s for s in EVIDENCE_STAGES if s not in stages)
    if not extra:
        return stages
    if stages and stages[-1] == "summary.v1":
        return stages[:-1] + extra + ("summary.v1",)
    return stages + extra


def default_db_path() -> str:
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("veracity")) / "veracity.db")


def default_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("veracity")) / "config.toml"


@dataclass(frozen=True)
class Options:
    stages: tuple[str, ...] = DEFAULT_STAGES
    db_path: str | None = None  # None: do not store
    n_process: int = 1  # spaCy worker processes for corpora
    batch_size: int = 64
    max_input_bytes: int = MAX_INPUT_BYTES
    max_article_chars: int = MAX_ARTICLE_CHARS
    # Analyse non-English text anyway (the English models will do poorly; a warning is kept).
    allow_non_english: bool = False
    # Apply the analysis' language policy (ingest/language.py `policy`) when reading inputs.
    # `veracity extract` turns it off: extraction is language-independent; the language is
    # still detected and recorded.
    check_language: bool = True
    # Publication date to resolve relative dates against when the article gives none.
    reference_date: str | None = None
    # The outlet that published the article when the input names none (plain text): reports
    # repeating that outlet are marked "same origin" against the article's claims.
    reference_outlet: str | None = None
    checkworthy_threshold: float | None = None  # None: the trained model's own threshold
    evidence_db: str | None = None
    top_k_evidence: int = 5
    verbose: bool = False
    # The attribution extractor of corpus runs (`veracity batch`, Ray, the pipeline benchmark):
    # at millions of articles the tagger's ~0.3 s a BBC article would triple the cost, while
    # the CRFs keep the whole pipeline at bare spaCy's pace (the corpus profile's stage too).
    # "" keeps the stage list's own (`veracity batch` then starts from the interactive profile).
    batch_attribution: str = "learned"
    extra: tuple[tuple[str, Any], ...] = ()  # plug-in settings as (key, value) pairs; hashable
    # Stage settings over each stage's `default_config` (stages.py), as ((stage, ((key, value),
    # ...)), ...) pairs; checked when a pipeline is built. A config file writes them as tables,
    # `[stage_config."claims.checkworthy.v1"]` then `model = "student"`; layers merge key by key.
    stage_config: profiles.StageConfig = INTERACTIVE.config

    def replace(self, **changes: Any) -> "Options":
        return dataclasses.replace(self, **changes)

    def for_batch(self) -> "Options":
        """These options as a corpus run uses them: attribution by ``batch_attribution``. A stage
        list without an attribution stage stays without one."""
        if not self.batch_attribution or attribution_stage(self.stages) is None:
            return self
        try:
            return self.replace(stages=with_attribution(self.stages, self.batch_attribution))
        except ValueError as exc:
            raise ConfigError(f"batch_attribution: {exc}") from None


_FIELDS = {f.name: f for f in dataclasses.fields(Options)}


def _coerce(name: str, value: Any) -> Any:
    if name == "stage_config":
        return profiles.normalise(value, f"option {name}")
    current = getattr(Options(), name)
    try:
        if isinstance(current, bool):
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "on")
            return bool(value)
        if isinstance(current, int) and not isinstance(current, bool):
            return int(value)
        if isinstance(current, tuple):
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
            return tuple(value)
        if name == "checkworthy_threshold" and value is not None:
            return float(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"option {name}: cannot use {value!r} ({exc})") from None
    return value


def _set(values: dict[str, Any], name: str, value: Any) -> None:
    """One layer's value for ``name``: stage settings merge key by key, other options replace."""
    if name == "stage_config":
        value = profiles.merge(values.get("stage_config", ()), value)
    values[name] = value


def build_options(
    flags: dict[str, Any] | None = None,
    config_path: str | Path | None = None,
    environ: dict[str, str] | None = None,
    profile: str = INTERACTIVE.name,
) -> Options:
    """Merge the layers over ``profile``'s stages and settings. Unknown keys in a config file
    are an error, not silently ignored."""
    base = profiles.load(profile)
    values: dict[str, Any] = {"stages": base.stages, "stage_config": base.config}
    path = Path(config_path) if config_path else default_config_path()
    if config_path and not path.exists():
        raise ConfigError(f"config file not found: {path}")
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
        data = data.get("veracity", data)
        for k, v in data.items():
            if k not in _FIELDS:
                raise ConfigError(f"{path}: unknown option {k!r}")
            _set(values, k, _coerce(k, v))
    env = os.environ if environ is None else environ
    for name in _FIELDS:
        key = "VERACITY_" + name.upper()
        if key in env:
            _set(values, name, _coerce(name, env[key]))
    for k, v in (flags or {}).items():
        if v is None:
            continue
        if k not in _FIELDS:
            raise ConfigError(f"unknown option {k!r}")
        _set(values, k, _coerce(k, v))
    return Options(**values)


# Options a Python caller may not set to zero or less: a batch of 0 never ends, a limit of 0 refuses everything.
POSITIVE = frozenset({"n_process", "batch_size", "max_input_bytes", "max_article_chars", "top_k_evidence"})
# Not an Options field: picks the attribution stage by method name, as `--attribution` does.
ATTRIBUTION_KEY = "attribution"
# Not an Options field: starts from a named profile's stages and settings, as `--profile` does.
PROFILE_KEY = "profile"


def _python_value(name: str, value: Any) -> Any:
    """``value`` for option ``name`` as a Python caller passes it, checked; else ConfigError."""
    optional = "None" in str(_FIELDS[name].type)
    if value is None:
        if not optional:
            raise ConfigError(f"option {name}: cannot be None")
        return None
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if name == "reference_date" and isinstance(value, dt.date):
        value = (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if name == "extra" and isinstance(value, Mapping):
        value = tuple(sorted(value.items()))
    if name == "stage_config":
        if not isinstance(value, (Mapping, tuple, list)):
            raise ConfigError(f"option {name}: needs {{stage: {{setting: value}}}}, not {type(value).__name__} {value!r}")
        return profiles.normalise(value, f"option {name}")
    current = getattr(Options(), name)
    if isinstance(current, int) and not isinstance(current, bool) and isinstance(value, bool):
        raise ConfigError(f"option {name}: needs a number, not {value!r}")
    if isinstance(current, int) and isinstance(value, float) and not value.is_integer():
        raise ConfigError(f"option {name}: needs a whole number, not {value!r}")
    if (isinstance(current, bool) or isinstance(current, int) or name == "checkworthy_threshold") and not isinstance(value, (bool, int, float, str)):
        raise ConfigError(f"option {name}: cannot use {value!r} ({type(value).__name__})")
    if name == "stages" and isinstance(value, Mapping):
        raise ConfigError(f"option {name}: needs stage names, not a mapping")
    value = _coerce(name, value)
    if isinstance(current, str) or (optional and name != "checkworthy_threshold"):
        if not isinstance(value, str):
            raise ConfigError(f"option {name}: needs a string, not {type(value).__name__} {value!r}")
    if name == "stages" and not all(isinstance(v, str) for v in value):
        raise ConfigError(f"option {name}: needs stage names (strings), got {value!r}")
    if name in POSITIVE and value < 1:
        raise ConfigError(f"option {name}: must be at least 1, not {value!r}")
    if name == "checkworthy_threshold" and not 0.0 <= value <= 1.0:
        raise ConfigError(f"option {name}: must lie between 0 and 1, not {value!r}")
    return value


def override(options: Options | None = None, /, **changes: Any) -> Options:
    """``options`` (the defaults when None) with ``changes``, given by :class:`Options` field name.

    This is how the Python API (``veracity.analyze``, ``veracity.Pipeline``, the spaCy component)
    takes options: each value is checked and coerced as a config file's would be (``stages`` may
    be a list or a comma-separated string, paths may be :class:`os.PathLike`, ``reference_date``
    a :class:`datetime.date`, ``stage_config`` a mapping ``{stage: {setting: value}}``, merged
    into the given options' key by key). ``profile="corpus"`` (any name in
    ``veracity/profiles/``) starts from that profile's stages and stage settings, as the CLI's
    ``--profile`` does; ``attribution="tagger" | "learned" | "rules"`` swaps the stage list's
    attribution stage, as ``--attribution`` does; ``evidence_db`` without ``stages`` adds the
    verify and corroborate stages, as ``--evidence-db`` does. Neither the config file nor
    ``VERACITY_*`` variables are read (:func:`build_options` does that).

    Raises :class:`~veracity.errors.ConfigError` for an unknown name (with the closest known
    one), a value of the wrong type, or one out of range.
    """
    if options is None:
        options = Options()
    elif not isinstance(options, Options):
        raise ConfigError(f"options must be a veracity Options, not {type(options).__name__}; "
                          "pass single options as keyword arguments instead")
    method = changes.pop(ATTRIBUTION_KEY, None)
    profile = changes.pop(PROFILE_KEY, None)
    if profile is not None:
        base = profiles.load(profile)
        options = options.replace(stages=base.stages, stage_config=base.config)
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in _FIELDS:
            close = difflib.get_close_matches(name, [*_FIELDS, ATTRIBUTION_KEY, PROFILE_KEY], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(sorted(_FIELDS))}, {ATTRIBUTION_KEY}, {PROFILE_KEY}"
            raise ConfigError(f"unknown option {name!r}{hint}")
        values[name] = _python_value(name, value)
    if "stage_config" in values:
        values["stage_config"] = profiles.merge(options.stage_config, values["stage_config"])
    out = options.replace(**values) if values else options
    if values.get("evidence_db") and "stages" not in values:  # as `--evidence-db` does, unless stages are given
        out = out.replace(stages=with_evidence_stages(out.stages))
    if method is not None:
        try:
            out = out.replace(stages=with_attribution(out.stages, method))
        except ValueError as exc:
            raise ConfigError(f"option {ATTRIBUTION_KEY}: {exc}") from None
    try:
        hash(out)  # pipelines are cached by options: every value must be hashable
    except TypeError as exc:
        raise ConfigError(f"option values must be hashable ({exc}); give extra as a mapping or pairs of plain values") from None
    return out
