"""The `veracity` command. Thin: flags become Options at the edge, the library does the work.

Each area keeps its commands in its own module (``cli/<area>.py``) as plain module-level
functions that call the library, and attaches them in ``register(app, train_app, eval_app)``,
so the command tree grows without one file owning everything.
User errors print one line and exit non-zero; ``--verbose`` shows the traceback.
"""

from __future__ import annotations

import sys
import traceback
from typing import Optional

import typer

from ..errors import VeracityError
from . import analyze as _analyze
from . import attribution as _attribution
from . import batch as _batch
from . import checkworthy as _checkworthy
from . import corroborate as _corroborate
from . import extract as _extract
from . import verify as _verify
from .common import State, err_console
from .training import extra_missing

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="What a news report claims, who says so, and what stands behind it.")
# Their implementations live in the training package, loaded when a command runs (cli/training.py).
train_app = typer.Typer(no_args_is_help=True, help="Train the committed model artefacts (deterministic; the MiniLM networks need the train extra).")
eval_app = typer.Typer(no_args_is_help=True, help="Evaluate models with the shared scorers.")
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")


@app.callback()
def _root(
    ctx: typer.Context,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show tracebacks and progress detail."),
    config: Optional[str] = typer.Option(None, "--config", help="A TOML config file (default: the user config dir)."),
) -> None:
    ctx.obj = State(verbose=verbose, config=config)


for module in (_analyze, _batch, _extract, _checkworthy, _attribution, _verify, _corroborate):
    module.register(app, train_app, eval_app)


def main(argv: list[str] | None = None) -> None:
    verbose = "--verbose" in sys.argv or "-v" in sys.argv
    try:
        app(args=argv, standalone_mode=True)
    except VeracityError as exc:
        _fail(exc, verbose)
    except ModuleNotFoundError as exc:  # a trainer importing torch or onnx without the train extra
        err = extra_missing(exc)
        if err is None:
            raise
        _fail(err, verbose)
    except KeyboardInterrupt:
        sys.exit(130)


def _fail(exc: VeracityError, verbose: bool) -> None:
    if verbose:
        traceback.print_exc()
    err_console.print(f"veracity: error: {exc}", markup=False, highlight=False)
    sys.exit(exc.exit_code)
