"""The old name of :mod:`veracity.records` (the frozen records: Article, Claim, Dossier, ...).

Renamed because it sat beside ``models/`` (the trained artefacts) and read as the same thing.
Kept so that ``from veracity.model import Dossier`` in users' code goes on working; the package
itself imports :mod:`veracity.records`.
"""

from . import records as _records

globals().update({k: v for k, v in vars(_records).items() if not k.startswith("__")})
