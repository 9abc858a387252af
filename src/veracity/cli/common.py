"""What every command shares: the root state, consoles, and Options built from flags."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import typer
from rich.console import Console

from ..options import INTERACTIVE, Options, build_options
from ..profiles import names

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


@dataclass
class State:
    verbose: bool = False
    config: str | None = None


def options_from(ctx_obj: State | None, profile: str = INTERACTIVE.name, **flags: Any) -> Options:
    """The command's Options: ``profile`` (veracity/profiles/) < config file < environment < flags."""
    state = ctx_obj or State()
    flags = {k: v for k, v in flags.items() if v is not None}
    flags.setdefault("verbose", state.verbose)
    return build_options(flags, config_path=state.config, profile=profile)


def profile_option(default: str | None, note: str) -> Any:
    """A command's ``--profile``: the named stages and stage settings it starts from."""
    return typer.Option(default, "--profile", help=f"Stages and stage settings to start from: {' | '.join(names())} "
                        f"(veracity/profiles/*.toml). Default: {note}. The config file, environment and flags still override it.")


def db_path(db: str | None) -> str:
    """The store a command works on: the one given, else the user data dir's."""
    from ..options import default_db_path

    return db or default_db_path()


def existing_index(db: str | None) -> str:
    """The store holding the evidence index, which must already exist (reads never create it)."""
    from pathlib import Path

    from ..errors import InputError

    path = db_path(db)
    if not Path(path).exists():
        raise InputError(f"no database at {path}; index a corpus first (veracity index PATH --db DB)")
    return path
