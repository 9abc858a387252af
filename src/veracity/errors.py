"""One exception hierarchy. Each error has a short stable code and names its input.

The CLI turns these into one line and an exit code, the API into a JSON error with a
status, and batch runs record them per article and go on.
"""

from __future__ import annotations


class VeracityError(Exception):
    code = "error"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "source": self.source}


class InputError(VeracityError):
    """The input cannot be analysed as given (empty, binary, undecodable, too big...)."""

    code = "input"
    exit_code = 2
    http_status = 422


class UnsupportedLanguageError(InputError):
    code = "language"


class ModelError(VeracityError):
    """A pinned model is missing or its files do not match the pinned hashes."""

    code = "model"
    exit_code = 3


class ConfigError(VeracityError):
    code = "config"
    exit_code = 2
    http_status = 400


class PipelineError(VeracityError):
    """Stages were put together in an order that cannot work."""

    code = "pipeline"
    exit_code = 4


class StoreError(VeracityError):
    code = "store"
    exit_code = 5


class InternalError(VeracityError):
    """A bug met on one input: recorded for that input (original chained for --verbose), the run goes on."""

    code = "internal"
