"""Rule-based attribution. (Placeholder until the rules land: finds nothing.)"""

from __future__ import annotations

from ..model import Dossier
from ..options import Options


class RuleAttributor:
    def __init__(self, options: Options):
        self.options = options

    def __call__(self, dossier: Dossier) -> Dossier:
        return dossier.with_(attributions=())
