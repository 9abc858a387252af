"""What every command shares: the root state, consoles, and Options built from flags."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Console

from ..options import Options, build_options

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


@dataclass
class State:
    verbose: bool = False
    config: str | None = None


def options_from(ctx_obj: State | None, **flags: Any) -> Options:
    state = ctx_obj or State()
    flags = {k: v for k, v in flags.items() if v is not None}
    flags.setdefault("verbose", state.verbose)
    return build_options(flags, config_path=state.config)


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
