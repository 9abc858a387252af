"""Named profiles: the stages a kind of run uses and their settings, as data (``<name>.toml`` here).

A profile file has ``description`` (what runs it, and why these stages), ``stages`` (the stage
list, checked when a pipeline is built) and, optionally, ``[config."<stage>"]`` tables of
settings over the stage's ``default_config`` (``veracity.stages``)::

    description = "..."
    stages = ["text.spacy.v1", "claims.extract.v1", "claims.checkworthy.v1"]

    [config."claims.checkworthy.v1"]
    model = "transformer"

A profile is the lowest layer of :class:`~veracity.options.Options`: profile < config file <
``VERACITY_*`` environment < flags (:func:`veracity.options.build_options`). Stage settings are
kept as ``Options.stage_config``, a hashable tuple ``((stage, ((key, value), ...)), ...)``
sorted by stage and key, and merged key by key from one layer to the next.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from ..errors import ConfigError

# The profiles ship inside the package, beside this module (pyproject.toml package-data).
HERE = Path(__file__).resolve().parent
# What a profile file may hold; any other key is a typo, refused rather than ignored.
KEYS = frozenset({"description", "stages", "config"})
# The values a stage setting may take: TOML's scalars (a setting is written in a profile,
# a config file or an environment variable, and pipelines are cached by options, so hashable).
SCALARS = (str, bool, int, float)

StageConfig = tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    stages: tuple[str, ...]
    config: StageConfig = ()

    def settings(self, stage: str) -> dict[str, Any]:
        """The settings this profile gives ``stage`` (not the stage's defaults)."""
        return settings_of(self.config, stage)


def names() -> tuple[str, ...]:
    """The profiles shipped with the package, by name."""
    return tuple(sorted(p.stem for p in HERE.glob("*.toml")))


def load(name: str) -> Profile:
    """The profile ``name`` (``interactive``, ``corpus``, ...); ConfigError if there is none."""
    if not isinstance(name, str) or name not in names():
        raise ConfigError(f"unknown profile {name!r}; known: {', '.join(names())}")
    return _load(name)


@functools.lru_cache(maxsize=None)
def _load(name: str) -> Profile:
    path = HERE / f"{name}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"profile {name}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise ConfigError(f"profile {name}: unknown key {unknown[0]!r}; a profile has {', '.join(sorted(KEYS))}")
    stages = data.get("stages")
    if not isinstance(stages, list) or not stages or not all(isinstance(s, str) for s in stages):
        raise ConfigError(f"profile {name}: stages must be a list of stage names")
    description = data.get("description", "")
    if not isinstance(description, str) or not description.strip():
        raise ConfigError(f"profile {name}: needs a description (what runs it, and why)")
    return Profile(name, " ".join(description.split()), tuple(stages), normalise(data.get("config", {}), f"profile {name}: config"))


def normalise(value: Any, where: str = "stage_config") -> StageConfig:
    """Stage settings as ``Options.stage_config`` holds them, from a mapping ``{stage: {key:
    value}}`` (a TOML table, a Python dict), TOML text of such a table, or pairs already in
    that shape. Only the shape is checked here: stage names, keys and types are checked
    against the registry when a pipeline is built."""
    if isinstance(value, str):
        try:
            value = tomllib.loads(value)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{where}: not a TOML table of stage settings ({exc})") from None
    if isinstance(value, (tuple, list)):
        try:
            value = {stage: dict(items) for stage, items in value}
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: needs {{stage: {{setting: value}}}}, not {value!r}") from None
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: needs {{stage: {{setting: value}}}}, not {type(value).__name__} {value!r}")
    out = []
    for stage, items in value.items():
        if not isinstance(stage, str) or not isinstance(items, Mapping):
            raise ConfigError(f"{where}: needs {{stage: {{setting: value}}}}; {stage!r} maps to {items!r}")
        for key, v in items.items():
            if not isinstance(key, str) or not isinstance(v, SCALARS):
                raise ConfigError(f"{where}: stage {stage!r} setting {key!r}: needs a string, number or boolean, not {v!r}")
        out.append((stage, tuple(sorted(items.items()))))
    return tuple(sorted(out))


def merge(base: StageConfig, over: StageConfig) -> StageConfig:
    """``base`` with ``over``'s settings on top, key by key (a later layer sets what it names)."""
    merged: dict[str, dict[str, Any]] = {stage: dict(items) for stage, items in base}
    for stage, items in over:
        merged.setdefault(stage, {}).update(items)
    return normalise(merged)


def settings_of(config: StageConfig, stage: str) -> dict[str, Any]:
    return dict(next((items for s, items in config if s == stage), ()))
